import BacktalkCore
import Testing

/// `backtalk eval --cases`: what counts as right, abstained and wrong.
@Suite struct CaseEvaluationTests {
  func outcome(_ question: String, _ intents: [String]) -> CaseEvaluation.Outcome? {
    let item = RegressionCase(question: question, triage: .none, intents: intents)
    return CaseEvaluation.run(Fixture.responder, cases: [item]).outcomes.first?.outcome
  }

  @Test func aRedFlagIsAnsweredByItsWarning() {
    // A rule with its own trigger, and one set only by a combination of findings.
    #expect(outcome("i can't control my bladder", ["red_flag_bladder_bowel"]) == .right)
    #expect(
      outcome("flank pain and fever and i keep throwing up", ["red_flag_kidney_emergency"])
        == .right)
  }

  @Test func aTopicIsRightOnlyFirstAndInOrder() {
    #expect(outcome("can i drive?", ["driving"]) == .right)
    #expect(outcome("can i drive?", ["hot_tub"]) == .wrong)
    #expect(outcome("ice or heat and can i drive", ["ice_or_heat", "driving"]) == .right)
    #expect(outcome("ice or heat and can i drive", ["driving", "ice_or_heat"]) == .wrong)
  }

  @Test func aRedFlagExpectedButNotWarnedAboutIsWrong() {
    #expect(outcome("can i drive?", ["red_flag_bladder_bowel"]) == .wrong)
  }
}
