/// Backtalk's answer to one question line, with everything the JSON Lines contract carries.
public struct Reply: Sendable, Equatable {
  /// The input line as understood, after cleaning.
  public var question: String
  /// The most severe triage level found anywhere in the line.
  public var triage: TriageLevel
  /// Intent ids behind the reply, red flags first, then answers in question order.
  public var intents: [String]
  /// The whole reply in plain text, exactly what a person reads.
  public var text: String { didSet { escaped.text = nil } }
  /// Titles of the source documents behind the reply.
  public var sources: [String]
  /// The full medical disclaimer.
  public var disclaimer: String { didSet { escaped.disclaimer = nil } }
  /// How sure the matcher is of the answer, from 0 to 1 (1 for a red flag).
  public var confidence: Double
  /// The numbered steps when the reply is an exercise walkthrough.
  public var steps: [String]
  /// Intent ids offered as numbered suggestions, when the matcher was unsure.
  public var suggestions: [String]
  /// The red flags found, negated ones included.
  public var findings: [Finding]
  /// Why the matcher chose what it chose.
  public var explanation: Explanation
  /// The red-flag rule this reply asks about, when a line hinted at it without saying enough.
  public var asksAbout: String?
  /// Answered intents whose details were held back for "more".
  public var heldBack: [String] = []
  /// The text and disclaimer already escaped for JSON, when they were put together from
  /// fragments; setting either field drops its escape.
  var escaped = EscapedFields()

  /// Fields of a reply escaped ahead for its JSON line (see `ReplyFragment`).
  ///
  /// They only repeat the fields they escape, so they play no part in equality.
  struct EscapedFields: Sendable, Equatable {
    var text: [UInt8]?
    var disclaimer: [UInt8]?

    static func == (_: EscapedFields, _: EscapedFields) -> Bool { true }
  }

  public init(
    question: String, triage: TriageLevel, intents: [String], text: String, sources: [String],
    disclaimer: String, confidence: Double, steps: [String] = [], suggestions: [String] = [],
    findings: [Finding] = [], explanation: Explanation = Explanation()
  ) {
    self.question = question
    self.triage = triage
    self.intents = intents
    self.text = text
    self.sources = sources
    self.disclaimer = disclaimer
    self.confidence = confidence
    self.steps = steps
    self.suggestions = suggestions
    self.findings = findings
    self.explanation = explanation
  }
}

extension Reply {
  /// The intents the reply answers as questions, without the red flags it warns about.
  public var answeredIntents: [String] {
    intents.filter { id in !findings.contains { $0.intent == id } }
  }
}

/// What the matcher saw and weighed for one question.
public struct Explanation: Sendable, Equatable {
  /// The cleaned words, after expansion and synonyms.
  public var words: [String] = []
  public var corrections: [Rewrite] = []
  public var synonyms: [Rewrite] = []
  /// The top candidates with their scores and the words that earned them.
  public var candidates: [Match] = []
  /// The parts the line was split into, when it held several questions.
  public var parts: [String] = []
  /// The kinds of question the line asks (`ask_kinds`: "now", "why", "can_i"...), in order of
  /// name.
  public var asks: [String] = []
  /// Every finding triage recognised, with its modifiers ("negated", "historical", ...).
  public var findings: [String] = []
  /// The triage rule that set the level, with the findings it rests on.
  public var rule: String?

  public init() {}
}
