/// A finding recognised in a line: which one, where, and what its context says about it.
public struct Finding: Sendable, Equatable {
  /// The finding's id: a red-flag rule's own symptom (the intent id) or a named finding.
  public var intent: String
  /// The level of the rule whose symptom it is; `none` for a named finding.
  public var level: TriageLevel
  /// What the context says: negated, historical, hypothetical, explained, someone else.
  public var modifiers: Set<ContextModifier>
  /// The words of the question that triggered it.
  public var words: String
  /// Where in the question's tokens the trigger stands.
  public var range: Range<Int>

  public init(
    intent: String, level: TriageLevel, modifiers: Set<ContextModifier> = [], words: String,
    range: Range<Int> = 0..<0
  ) {
    self.intent = intent
    self.level = level
    self.modifiers = modifiers
    self.words = words
    self.range = range
  }

  /// Whether it was said to be absent ("no numbness").
  public var isNegated: Bool { modifiers.contains(.negated) }

  /// Whether it counts now: not negated, historical, hypothetical or explained away.
  public var counts: Bool { Self.counts(modifiers) }

  /// Whether a finding with these modifiers counts, as `counts` tells: asked of an array's
  /// finding by its modifiers alone, where the getter copied the whole finding.
  static func counts(_ modifiers: Set<ContextModifier>) -> Bool {
    !modifiers.contains { $0.blocks }
  }

  /// Whether it is a red-flag rule's own symptom (not a named finding, which only counts
  /// in combinations) and not explained away: its words are the warning's, not a question's.
  public var isRuleSymptom: Bool { level != .none && !modifiers.contains(.explained) }

  /// The modifiers in a fixed order, for explanations.
  public var modifierNames: [String] { modifiers.sorted().map(\.rawValue) }
}
