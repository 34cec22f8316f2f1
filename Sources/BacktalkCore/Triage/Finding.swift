/// A red flag found in a question: which rule, where, and whether it was said to be absent.
public struct Finding: Sendable, Equatable {
  /// The id of the intent that carries the rule.
  public var intent: String
  public var level: TriageLevel
  /// Whether the symptom was negated ("no numbness").
  public var isNegated: Bool
  /// The words of the question that triggered it.
  public var words: String
  /// Where in the question's tokens the trigger stands.
  public var range: Range<Int>

  public init(
    intent: String, level: TriageLevel, isNegated: Bool, words: String, range: Range<Int> = 0..<0
  ) {
    self.intent = intent
    self.level = level
    self.isNegated = isNegated
    self.words = words
    self.range = range
  }
}

/// The triage of one question: the most severe level found, and every finding.
public struct TriageResult: Sendable, Equatable {
  public let level: TriageLevel
  public let findings: [Finding]

  /// The findings that count, most severe first, one per rule.
  public let active: [Finding]
  /// The rules mentioned only as absent, one per rule.
  public let negated: [Finding]

  public init(findings: [Finding]) {
    self.findings = findings
    self.level = findings.filter { !$0.isNegated }.map(\.level).max() ?? .none
    guard !findings.isEmpty else {
      active = []
      negated = []
      return
    }
    var seen: Set<String> = []
    let active = findings.filter { !$0.isNegated }.sorted { $0.level > $1.level }
      .filter { seen.insert($0.intent).inserted }
    let activeIDs = Set(active.map(\.intent))
    seen = []
    self.active = active
    self.negated = findings.filter { $0.isNegated && !activeIDs.contains($0.intent) }
      .filter { seen.insert($0.intent).inserted }
  }
}
