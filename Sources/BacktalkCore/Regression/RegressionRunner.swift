import Foundation

/// Runs regression cases against a responder; shared by `backtalk check` and `swift test`.
public struct RegressionRunner: Sendable {
  public let responder: Responder
  /// How long one `must` or `must_not` pattern may search a reply before the case fails.
  public var patternTimeLimit: Duration

  public init(responder: Responder, patternTimeLimit: Duration = .seconds(1)) {
    self.responder = responder
    self.patternTimeLimit = patternTimeLimit
  }

  /// The outcome of one case in one variant.
  public struct Outcome: Sendable {
    public var regressionCase: RegressionCase
    public var variant: RegressionVariant
    public var reply: Reply
    /// What did not hold; empty when the case passed.
    public var failures: [String]

    public var passed: Bool { failures.isEmpty }
    /// Whether the reply's level is below the expected one.
    public var isUnderTriaged: Bool { reply.triage < regressionCase.triage }
    public var isOverTriaged: Bool { reply.triage > regressionCase.triage }
  }

  /// Runs one case in its original wording and, unless it opts out, in every variant.
  public func run(_ regressionCase: RegressionCase, variants: Bool = true) -> [Outcome] {
    let original = outcome(regressionCase, .original, baseline: nil)
    guard variants && regressionCase.checksVariants else { return [original] }
    var outcomes = [original]
    for variant in RegressionVariant.allCases
    where variant != .original && !regressionCase.skippedVariants.contains(variant) {
      outcomes.append(outcome(regressionCase, variant, baseline: original.reply))
    }
    return outcomes
  }

  /// Asks the case's question (after its earlier questions) in a variant and checks it.
  ///
  /// The original wording is checked against everything the case expects; a variant only
  /// against the triage and the top intent, which rewording must not change.
  func outcome(_ regressionCase: RegressionCase, _ variant: RegressionVariant, baseline: Reply?)
    -> Outcome
  {
    var context = DialogueContext()
    for earlier in regressionCase.before {
      context.record(responder.reply(to: earlier, context: context))
    }
    let question = variant.apply(to: regressionCase.question)
    let reply = responder.reply(
      to: question, emergencyNumber: responder.knowledge.lexicon.defaultEmergencyNumber,
      context: regressionCase.before.isEmpty ? nil : context)
    var failures: [String] = []
    if reply.triage != regressionCase.triage {
      failures.append(
        "expected triage \(regressionCase.triage.rawValue), got \(reply.triage.rawValue)")
    }
    let answers = reply.answeredIntents
    if variant == .original {
      let missing = regressionCase.intents.filter { !reply.intents.contains($0) }
      if !missing.isEmpty {
        failures.append("expected intents \(regressionCase.intents), got \(reply.intents)")
      } else if let first = regressionCase.intents.first, responder.intent(first)?.redFlag == nil,
        answers.first != first
      {
        failures.append("expected \(first) first, got \(answers)")
      }
      for (patterns, wanted) in [(regressionCase.must, true), (regressionCase.mustNot, false)] {
        for pattern in patterns {
          switch ReplyPattern.match(pattern, in: reply.text, timeLimit: patternTimeLimit) {
          case .tooSlow:
            failures.append(
              "the pattern /\(pattern)/ was stopped after \(patternTimeLimit) without an "
                + "answer (fix: simplify it; a repetition inside a repetition, such as "
                + "(\\w+\\s?)+, can take hours on a long reply)")
          case .found where !wanted:
            failures.append("expected the reply not to contain /\(pattern)/")
          case .notFound where wanted:
            failures.append("expected the reply to contain /\(pattern)/")
          default:
            break
          }
        }
      }
    } else if let baseline {
      let baseAnswers = baseline.answeredIntents
      if answers.first != baseAnswers.first {
        failures.append(
          "expected top intent \(baseAnswers.first ?? "none"), got \(answers.first ?? "none")")
      }
    }
    return Outcome(
      regressionCase: regressionCase, variant: variant, reply: reply, failures: failures)
  }
}
