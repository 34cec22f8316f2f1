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
  /// Every question answered so far, in order, for the summary.
  public var questions: [String] = []
  /// The first sentence of each answer (the advice it led with), without repeats.
  public var advice: [String] = []
  /// The titles of the documents behind the answers, without repeats.
  public var sources: [String] = []
  /// Exercises during which the pain check was answered "yes".
  public var painDuringExercises: [String] = []
  /// Intents of the last reply whose details "more" shows.
  public var heldBack: [String] = []

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
    heldBack = reply.heldBack
    askedAbout = reply.asksAbout
    findings += reply.findings
    highestLevel = max(highestLevel, reply.triage)
    questions.append(reply.question)
    if !reply.intents.isEmpty || reply.triage > .none {
      let lead = Self.firstSentence(of: reply.text)
      if !lead.isEmpty && !advice.contains(lead) { advice.append(lead) }
    }
    for source in reply.sources where !sources.contains(source) { sources.append(source) }
  }

  /// Records that an exercise hurt (a "yes" at its pain check).
  public mutating func recordPain(during exercise: String) {
    if !painDuringExercises.contains(exercise) { painDuringExercises.append(exercise) }
  }
}

extension DialogueContext {
  fileprivate static func firstSentence(of text: String) -> String {
    let line = text.split(separator: "\n").first.map(String.init) ?? ""
    guard let end = line.range(of: ". ") else { return line }
    return String(line[..<end.lowerBound]) + "."
  }
}
