/// Scores the matcher on a file of questions with the intents they ask (`q` and `intents`, as in
/// a regression case), such as a held-out paraphrase file nobody tuned on.
///
/// A line is right when its reply answers the expected intents first, in order, and warns about
/// every expected red flag (a red-flag rule's reply is its warning, whatever else it leads
/// with); abstained when it does neither (suggestions, a passage or the fallback); wrong
/// otherwise.
public struct CaseEvaluation: Sendable {
  public enum Outcome: String, Sendable {
    case right, abstained, wrong
  }

  public struct Result: Sendable {
    public var total = 0
    public var right = 0
    public var abstained = 0
    public var wrong = 0
    /// Lines that ask several things, and how many of them got every part right.
    public var multiPart = 0
    public var multiPartRight = 0
    /// Each line's outcome with what it was answered, in file order.
    public var outcomes:
      [(question: String, expected: [String], answered: [String], outcome: Outcome)] =
        []

    public func share(_ count: Int) -> Double { total == 0 ? 0 : Double(count) / Double(total) }
  }

  /// Replies to each case's question on its own and scores the answered intents.
  public static func run(_ responder: Responder, cases: [RegressionCase]) -> Result {
    var result = Result()
    let redFlags = Set(responder.knowledge.intents.filter { $0.redFlag != nil }.map(\.id))
    for item in cases where !item.intents.isEmpty {
      let reply = responder.reply(to: item.question)
      // A rule set by a combination of findings is no finding itself, so red flags are told
      // apart by their intents, not by the findings.
      let answered = reply.answeredIntents.filter { !redFlags.contains($0) }
      let warned = reply.intents.filter { redFlags.contains($0) }
      let topics = item.intents.filter { !redFlags.contains($0) }
      let isRight =
        item.intents.filter(redFlags.contains).allSatisfy(warned.contains)
        && Array(answered.prefix(topics.count)) == topics
      let outcome: Outcome =
        isRight ? .right : answered.isEmpty && warned.isEmpty ? .abstained : .wrong
      result.total += 1
      switch outcome {
      case .right: result.right += 1
      case .abstained: result.abstained += 1
      case .wrong: result.wrong += 1
      }
      if item.intents.count > 1 {
        result.multiPart += 1
        if outcome == .right { result.multiPartRight += 1 }
      }
      result.outcomes.append((item.question, item.intents, warned + answered, outcome))
    }
    return result
  }
}
