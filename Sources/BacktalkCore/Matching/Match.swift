/// One intent that matches a question, with how well and why.
public struct Match: Sendable, Equatable {
  public var intent: String
  /// The raw relevance score; only comparable within one question.
  public var score: Double
  /// How much of the question this intent explains, from 0 to 1.
  public var confidence: Double
  /// The question's stems that earned the score.
  public var matchedStems: [String]
  /// The share of the question's weight this intent explains, from 0 to 1.
  public var coverage: Double
  /// How far the first match leads the runner-up, from 0 to 1 (0 for the others).
  public var lead: Double

  public init(
    intent: String, score: Double, confidence: Double, matchedStems: [String],
    coverage: Double = 0, lead: Double = 0
  ) {
    self.intent = intent
    self.score = score
    self.confidence = confidence
    self.matchedStems = matchedStems
    self.coverage = coverage
    self.lead = lead
  }
}
