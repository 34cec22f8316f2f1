/// Measures how well the matcher generalises: k-fold cross-validation over intent examples.
///
/// Each example is held out once (by its position, so the folds are the same every run); the
/// responder is rebuilt without the held-out examples and asked them as questions. Two figures
/// come out: how often the matcher ranks the right intent first, and how often the reply
/// answers it (the stricter one: a confidence below the answer threshold, or words taken by a
/// red flag, leave a right first guess unanswered).
public struct CrossValidation: Sendable {
  public struct Result: Sendable {
    public var total: Int
    /// Held-out examples whose reply answered their own intent first.
    public var correct: Int
    /// Held-out examples whose own intent the matcher ranked first, answered or not.
    public var rankedFirst: Int
    /// Pairs of (expected, answered) with how often, most frequent first.
    public var confusions: [(expected: String, answered: String, count: Int)]
    /// Every held-out example that was answered wrongly, in knowledge order within each fold.
    public var misses: [(question: String, expected: String, answered: String)]

    /// For each held-out example the matcher ranked something for: what it measured about
    /// its first intent, the confidence it gave, and whether that intent was right.
    public var points: [Point]

    public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }
    public var rankedAccuracy: Double { total == 0 ? 0 : Double(rankedFirst) / Double(total) }

    /// The reliability of the confidences given: bins, expected calibration error, curve.
    public var calibrationReport: CalibrationReport {
      CalibrationReport(points.map { ($0.confidence, $0.right) })
    }

    /// The calibration that fits these outcomes best.
    public var fittedCalibration: Calibration {
      Calibration.fit(points.map { ($0.coverage, $0.lead, $0.right) })
    }
  }

  public struct Point: Sendable {
    public var coverage: Double
    public var lead: Double
    public var confidence: Double
    public var right: Bool
  }

  public static func run(_ knowledge: Knowledge, folds: Int = 5) -> Result {
    var points: [Point] = []
    var total = 0
    var correct = 0
    var rankedFirst = 0
    var misses: [(question: String, expected: String, answered: String)] = []
    for fold in 0..<folds {
      var training = knowledge
      var heldOut: [(question: String, intent: String)] = []
      for (position, intent) in knowledge.intents.enumerated() where intent.redFlag == nil {
        var kept: [String] = []
        for (offset, example) in intent.examples.enumerated() {
          if offset % folds == fold && intent.examples.count > 1 {
            heldOut.append((example, intent.id))
          } else {
            kept.append(example)
          }
        }
        training.intents[position].examples = kept
      }
      let responder = Responder(knowledge: training)
      for item in heldOut {
        let reply = responder.reply(to: item.question)
        let answered = reply.answeredIntents.first ?? "(none)"
        total += 1
        if reply.explanation.candidates.first?.intent == item.intent { rankedFirst += 1 }
        if let top = reply.explanation.candidates.first {
          points.append(
            Point(
              coverage: top.coverage, lead: top.lead, confidence: top.confidence,
              right: top.intent == item.intent))
        }
        if answered == item.intent {
          correct += 1
        } else {
          misses.append((item.question, item.intent, answered))
        }
      }
    }
    let pairs = Dictionary(grouping: misses) { [$0.expected, $0.answered] }
      .map { pair, missed in (expected: pair[0], answered: pair[1], count: missed.count) }
      .sorted { ($0.count, $1.expected) > ($1.count, $0.expected) }
    return Result(
      total: total, correct: correct, rankedFirst: rankedFirst, confusions: pairs, misses: misses,
      points: points)
  }
}
