/// The triage rules with their ids and the ids their combinations name as numbers, so
/// `TriageEngine.assess` tells which rules could fire by testing bits, not by looking up strings.
///
/// A rule can fire on a side only when its own symptom is present there or every id of one of
/// its combinations is; only such a rule is asked for its reason (`TriageRule.reason`), which
/// then decides exactly as before.
///
/// A class, though nothing depends on its identity: `assess` and its closures hand it around
/// several times a line, and a struct of seven tables was copied (every table retained and
/// released) each time.
final class NumberedRules: Sendable {
  /// The number of every rule id and every id a combination names, byte-hashed: triage looks
  /// up each finding's.
  let numbers: WordTable<Int>
  /// Each rule's id number, in the order of the rules.
  let ruleNumbers: [Int]
  /// Each rule's combinations as id numbers.
  let combinations: [[[Int]]]
  /// The rules an id's presence may let fire (`ruleStarts[id]..<[id + 1]` of `rulesByID`):
  /// the rule of that id and every rule a combination of which names it.
  let ruleStarts: [Int32]
  let rulesByID: [Int32]
  /// The rules with an empty combination, which could fire with nothing present.
  let alwaysCandidates: [Int]

  init(_ rules: [TriageRule]) {
    var numbers: [String: Int] = [:]
    func number(_ id: String) -> Int {
      if let number = numbers[id] { return number }
      numbers[id] = numbers.count
      return numbers.count - 1
    }
    let ruleNumbers = rules.map { number($0.id) }
    self.ruleNumbers = ruleNumbers
    let combinations = rules.map { rule in rule.combinations.map { $0.map(number) } }
    self.combinations = combinations
    self.numbers = WordTable(numbers)
    var byID = [[Int32]](repeating: [], count: numbers.count)
    for (index, ofRule) in combinations.enumerated() {
      for id in Set([ruleNumbers[index]] + ofRule.joined()) {
        byID[id].append(Int32(index))
      }
    }
    ruleStarts = byID.reduce(into: [0]) { starts, rules in
      starts.append(starts.last! + Int32(rules.count))
    }
    rulesByID = byID.flatMap { $0.sorted() }
    alwaysCandidates = combinations.indices.filter { combinations[$0].contains { $0.isEmpty } }
  }

  /// Which ids are present on each side of one line, which rules have fired, and which rules
  /// an id present on a side may let fire there (the candidates).
  struct Presence {
    fileprivate let bits: UnsafeMutableBufferPointer<UInt8>
    /// Per rule, bit `side` when it is a candidate on that side.
    fileprivate let candidates: UnsafeMutableBufferPointer<UInt8>
    fileprivate let rules: NumberedRules

    func contains(_ number: Int, side: Int) -> Bool { bits[number] & (1 << side) != 0 }
    /// Marks the id present on the side, and the rules it may let fire as candidates there.
    func insert(_ number: Int, side: Int) {
      bits[number] |= 1 << side
      for item in rules.ruleStarts[number]..<rules.ruleStarts[number + 1] {
        candidates[Int(rules.rulesByID[Int(item)])] |= 1 << side
      }
    }
    func hasFired(_ number: Int) -> Bool { bits[number] & 4 != 0 }
    func markFired(_ number: Int) { bits[number] |= 4 }
    /// Whether the rule at `index` is a candidate on some side.
    func isCandidate(_ index: Int) -> Bool { candidates[index] != 0 }
    /// Whether the rule at `index` is a candidate on the side: only a candidate can pass
    /// `couldFire`.
    func isCandidate(_ index: Int, side: Int) -> Bool { candidates[index] & (1 << side) != 0 }
    /// The first rule at or after `start` that is a candidate on some side, or the number of
    /// rules: as testing `isCandidate` at each index in turn finds it, eight rules at a time
    /// (most rules are not candidates for a line).
    func nextCandidate(from start: Int) -> Int {
      let count = candidates.count
      guard let base = candidates.baseAddress else { return count }
      var index = start
      while index + 8 <= count {
        let word = UInt64(
          littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        if word != 0 { return index + word.trailingZeroBitCount / 8 }
        index += 8
      }
      while index < count && candidates[index] == 0 { index += 1 }
      return index
    }
  }

  /// Runs `body` with nothing present and nothing fired, in memory on the stack.
  func withPresence<Result>(_ body: (Presence) throws -> Result) rethrows -> Result {
    try withUnsafeTemporaryAllocation(
      of: UInt8.self, capacity: max(numbers.count + ruleNumbers.count, 1)
    ) {
      $0.initialize(repeating: 0)
      let bits = UnsafeMutableBufferPointer(rebasing: $0[0..<numbers.count])
      let candidates = UnsafeMutableBufferPointer(
        rebasing: $0[numbers.count..<numbers.count + ruleNumbers.count])
      for index in alwaysCandidates { candidates[index] = 3 }
      return try body(Presence(bits: bits, candidates: candidates, rules: self))
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
