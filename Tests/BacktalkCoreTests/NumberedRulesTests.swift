import BacktalkCore
import Testing

/// Which rules fire, now told from numbered ids before any reason is worked out: each side of
/// a line on its own, rules that build on rules, and combinations missing an id.
@Suite struct NumberedRulesTests {
  let responder: Responder

  init() throws {
    responder = try TriageContextTests.load(
      triageLexicon: TriageContextTests.lexicon + TriageContextTests.rashFinding)
  }

  func assess(_ line: String) -> TriageResult {
    responder.triage.assess(responder.analyzer.analyze(line).tokens)
  }

  @Test func someoneElsesRiskFactorDoesNotCombineWithTheWritersFinding() {
    #expect(assess("my husband had cancer. my back hurts").level == .none)
    let theirs = assess("my husband had cancer and his back hurts")
    #expect(theirs.level == .urgent)
    #expect(theirs.decidedBy?.rule == "cancer_back")
  }

  @Test func aRuleThatFiredOnOneSideFeedsACombinationThere() {
    let result = assess("my husband has a fever and a rash")
    #expect(result.level == .emergency)
    #expect(result.decidedBy?.findings == ["fever_flag", "rash_word"])
  }

  @Test(arguments: ["a rash", "a stiff neck", "my back hurts"])
  func aCombinationMissingAnIdDoesNotFire(_ line: String) {
    #expect(assess(line).level == .none)
    #expect(assess(line).active.isEmpty)
  }
}
