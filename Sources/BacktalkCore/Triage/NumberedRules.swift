/// The triage rules with their ids and the ids their combinations name as numbers, so
/// `TriageEngine.assess` tells which rules could fire by testing bits, not by looking up strings.
///
/// A rule can fire on a side only when its own symptom is present there or every id of one of
/// its combinations is; only such a rule is asked for its reason (`TriageRule.reason`), which
/// then decides exactly as before.
struct NumberedRules: Sendable {
  /// The number of every rule id and every id a combination names.
  let numbers: [String: Int]
  /// Each rule's id number, in the order of the rules.
  let ruleNumbers: [Int]
  /// Each rule's combinations as id numbers.
  let combinations: [[[Int]]]

  init(_ rules: [TriageRule]) {
    var numbers: [String: Int] = [:]
    func number(_ id: String) -> Int {
      if let number = numbers[id] { return number }
      numbers[id] = numbers.count
      return numbers.count - 1
    }
    ruleNumbers = rules.map { number($0.id) }
    combinations = rules.map { rule in rule.combinations.map { $0.map(number) } }
    self.numbers = numbers
  }

  /// Which ids are present on each side of one line, and which rules have fired.
  struct Presence {
    fileprivate let bits: UnsafeMutableBufferPointer<UInt8>

    func contains(_ number: Int, side: Int) -> Bool { bits[number] & (1 << side) != 0 }
    func insert(_ number: Int, side: Int) { bits[number] |= 1 << side }
    func hasFired(_ number: Int) -> Bool { bits[number] & 4 != 0 }
    func markFired(_ number: Int) { bits[number] |= 4 }
  }

  /// Runs `body` with nothing present and nothing fired, in memory on the stack.
  func withPresence<Result>(_ body: (Presence) throws -> Result) rethrows -> Result {
    try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(numbers.count, 1)) {
      $0.initialize(repeating: 0)
      return try body(Presence(bits: $0))
    }
  }

  /// Whether the rule at `index` could fire on a side: its own symptom is present there, or
  /// every id of one of its combinations is (an empty combination always is).
  func couldFire(_ index: Int, hasOwnSymptom: Bool, _ presence: Presence, side: Int) -> Bool {
    if hasOwnSymptom && presence.contains(ruleNumbers[index], side: side) { return true }
    return combinations[index].contains { ids in
      ids.allSatisfy { presence.contains($0, side: side) }
    }
  }
}
