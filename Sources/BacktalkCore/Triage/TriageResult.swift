/// The assessment of one line: its level, every finding with its context, the rules that fired
/// and why, and the rules that were only mentioned (negated, past, asked about).
public struct TriageResult: Sendable, Equatable {
  /// The most severe level of any rule that fired.
  public let level: TriageLevel
  /// Every finding recognised, with its modifiers.
  public let findings: [Finding]
  /// The rules that fired, most severe first, one per rule; `words` says what set each off.
  /// A rule raised into another by a combination is left out.
  public let active: [Finding]
  /// Rules whose symptom was mentioned but does not count now, one per rule, with the
  /// modifiers that stopped it.
  public let negated: [Finding]
  /// The rule that set the level and the findings it rests on, for `why`.
  public let decidedBy: (rule: String, findings: [String])?

  public init(
    findings: [Finding], active: [Finding] = [], negated: [Finding] = [],
    decidedBy: (rule: String, findings: [String])? = nil
  ) {
    self.findings = findings
    self.active = active
    self.negated = negated
    self.level = active.map(\.level).max() ?? .none
    self.decidedBy = decidedBy
  }

  public static func == (lhs: TriageResult, rhs: TriageResult) -> Bool {
    lhs.level == rhs.level && lhs.findings == rhs.findings && lhs.active == rhs.active
      && lhs.negated == rhs.negated && lhs.decidedBy?.rule == rhs.decidedBy?.rule
      && lhs.decidedBy?.findings == rhs.decidedBy?.findings
  }
}
