/// What a conversation remembers between lines: the last topic and any open suggestions.
public struct DialogueContext: Sendable, Equatable {
  /// The intent answered last, for follow-ups such as "how long?".
  public var lastIntent: String?
  /// The last question that was answered, for follow-ups.
  public var lastQuestion: String?
  /// Intents offered as numbered suggestions, answered by "1", "2" or "yes".
  public var suggestions: [String] = []
  /// Every red flag mentioned so far, in order.
  public var findings: [Finding] = []
  /// The highest triage level reached so far.
  public var highestLevel: TriageLevel = .none
  /// The red-flag rule the last reply asked about ("can you control your bladder?"), which a
  /// "yes" now confirms.
  public var askedAbout: String?

  public init(lastIntent: String? = nil) {
    self.lastIntent = lastIntent
  }

  /// Records a reply, so the next line is read in its context.
  public mutating func record(_ reply: Reply) {
    if let topic = reply.answeredIntents.last {
      lastIntent = topic
      lastQuestion = reply.question
    }
    suggestions = reply.suggestions
    askedAbout = reply.asksAbout
    findings += reply.findings
    highestLevel = max(highestLevel, reply.triage)
  }
}
