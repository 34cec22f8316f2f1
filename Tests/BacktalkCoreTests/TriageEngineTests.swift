import BacktalkCore
import Testing

@Suite struct TriageEngineTests {
  let responder = try! Fixture.responder(intents: Fixture.smallIntents)

  func triage(_ line: String) -> TriageResult {
    responder.triage.assess(responder.analyzer.analyze(line).tokens)
  }

  @Test func findsTriggerAnywhereInTheLine() {
    #expect(triage("my back hurts and i cant really control my bladder").level == .emergency)
    #expect(triage("wet myself").level == .emergency)
  }

  @Test func mostSevereLevelWins() {
    let result = triage("my leg is numb and i cant control my bladder")
    #expect(result.level == .emergency)
    #expect(result.active.map(\.intent) == ["bladder", "leg_numb"])
  }

  @Test(arguments: ["no numbness, just tight", "i do not have any numbness", "never numb"])
  func negationDoesNotEscalate(_ line: String) {
    let result = triage(line)
    #expect(result.level == .none)
    #expect(result.negated.map(\.intent) == ["leg_numb"])
  }

  @Test func negationEndsAtClauseBreak() {
    #expect(triage("no fever but my leg is numb").level == .urgent)
    #expect(triage("not sure if my leg is numb").level == .urgent)
  }

  @Test func exceptionCancelsTrigger() {
    #expect(triage("can i use numbing cream").level == .none)
  }

  @Test func durationMarkersTrigger() {
    #expect(triage("it has been ten days").level == .routine)
    #expect(triage("it has been two days").level == .none)
  }
}
