/// One intent that matches a question, with how well and why.
public struct Match: Sendable, Equatable {
  public var intent: String
  /// The raw relevance score; only comparable within one question.
  public var score: Double
  /// How much of the question this intent explains, from 0 to 1.
  public var confidence: Double
  /// The question's stems that earned the score.
  public var matchedStems: [String]

  public init(intent: String, score: Double, confidence: Double, matchedStems: [String]) {
    self.intent = intent
    self.score = score
    self.confidence = confidence
    self.matchedStems = matchedStems
  }
}
