/// A finding as the knowledge defines it: a symptom, sign, risk factor or time course, with the
/// many ways people word it (`Lexicon/findings.yml`).
///
/// Triage rules name findings; the scanner recognises them in a line with their modifiers.
public struct FindingDefinition: Sendable, Equatable {
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    /// Something felt or noticed now, such as a stiff neck.
    case symptom
    /// Something about the person that stays true, such as a cancer history or steroids: a
    /// mention of the past does not make it historical.
    case risk
  }

  /// The snake_case id rules use.
  public var id: String
  public var kind: Kind
  /// What it is, in a few words, for `why` and the summary.
  public var name: String
  /// Wordings, in the trigger syntax of red-flag rules.
  public var wordings: [String]
  /// Patterns that cancel a wording they overlap (a look-alike or a figure of speech).
  public var exceptions: [String]
  public var file: String
  public var line: Int

  public init(
    id: String, kind: Kind = .symptom, name: String, wordings: [String],
    exceptions: [String] = [], file: String = "", line: Int = 0
  ) {
    self.id = id
    self.kind = kind
    self.name = name
    self.wordings = wordings
    self.exceptions = exceptions
    self.file = file
    self.line = line
  }
}
