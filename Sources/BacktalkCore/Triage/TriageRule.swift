/// A triage rule: the level a red-flag intent sets, and the findings that set it.
///
/// A rule fires when its own symptom is present (the intent's triggers) or when every finding
/// of one of its combinations is.
public struct TriageRule: Sendable, Equatable {
  /// The red-flag intent that carries the rule and its reply.
  public var id: String
  public var level: TriageLevel
  /// Whether the intent has triggers of its own.
  public var hasOwnSymptom: Bool
  /// Each a set of finding or rule ids that must all be present.
  public var combinations: [[String]]

  public init(id: String, level: TriageLevel, hasOwnSymptom: Bool, combinations: [[String]]) {
    self.id = id
    self.level = level
    self.hasOwnSymptom = hasOwnSymptom
    self.combinations = combinations
  }

  /// Why the rule fires given the ids present, or nil: its own id, or the first combination
  /// whose findings are all present.
  public func reason(present: Set<String>) -> [String]? {
    if hasOwnSymptom && present.contains(id) { return [id] }
    return combinations.first { $0.allSatisfy(present.contains) }
  }
}
