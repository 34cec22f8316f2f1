/// One answer-regression case: a question and facts about its reply that must hold.
public struct RegressionCase: Sendable, Equatable, CustomStringConvertible {
  public var question: String
  /// The triage level the reply must have.
  public var triage: TriageLevel
  /// Intents the reply must include; the first must come first among the answers.
  public var intents: [String]
  /// Patterns (case-insensitive regular expressions) the reply must contain.
  public var must: [String]
  /// Patterns the reply must not contain.
  public var mustNot: [String]
  /// Earlier questions of the same conversation, asked first.
  public var before: [String]
  /// Whether the robustness variants run for this case.
  public var checksVariants: Bool
  /// Variants that do not apply, such as `typo` for a question that is already misspelt.
  public var skippedVariants: [RegressionVariant]
  /// What the case is about (a SAFETY.md row or a context modifier), for the summary.
  public var topic: String?
  public var file: String
  public var line: Int

  public init(
    question: String, triage: TriageLevel, intents: [String] = [], must: [String] = [],
    mustNot: [String] = [], before: [String] = [], checksVariants: Bool = true,
    skippedVariants: [RegressionVariant] = [], topic: String? = nil,
    file: String = "", line: Int = 0
  ) {
    self.question = question
    self.triage = triage
    self.intents = intents
    self.must = must
    self.mustNot = mustNot
    self.before = before
    self.checksVariants = checksVariants
    self.skippedVariants = skippedVariants
    self.topic = topic
    self.file = file
    self.line = line
  }

  public var description: String { question }
}

/// A rewording of a case's question that must not change its triage or top intent.
public enum RegressionVariant: String, Sendable, CaseIterable {
  case original
  case upperCase = "upper case"
  case noPunctuation = "no punctuation"
  case filler
  case typo
  case exclaimed = "trailing ?!"

  /// The question as this variant words it.
  public func apply(to question: String) -> String {
    switch self {
    case .original:
      return question
    case .upperCase:
      return question.uppercased()
    case .noPunctuation:
      return String(question.filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "'" })
    case .filler:
      return "hey, quick question: " + question
    case .typo:
      return Self.withTypo(question)
    case .exclaimed:
      return question + "?!"
    }
  }

  /// Drops one letter from the middle of the longest word (the first, on a tie) when it has at
  /// least seven letters, so the typo is always the same and still within reach of correction.
  static func withTypo(_ question: String) -> String {
    var words = question.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    guard
      let longest = words.indices.max(by: {
        (words[$0].filter(\.isLetter).count, $1) < (words[$1].filter(\.isLetter).count, $0)
      }), words[longest].count >= 7, words[longest].allSatisfy(\.isLetter)
    else { return question }
    var letters = Array(words[longest])
    letters.remove(at: letters.count / 2)
    words[longest] = String(letters)
    return words.joined(separator: " ")
  }
}
