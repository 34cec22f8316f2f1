import BacktalkCore
import Testing

@Suite struct TriageEngineTests {
  let responder = try! Fixture.responder(intents: Fixture.smallIntents)

  func triage(_ line: String) -> TriageResult {
    responder.triage.assess(responder.analyzer.analyze(line).tokens)
  }

  /// A line assessed with the real knowledge (`Fixture.responder`), not the small one.
  static func real(_ line: String) -> TriageResult {
    Fixture.responder.triage.assess(Fixture.responder.analyzer.analyze(line).tokens)
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

  @Test func aFindingsOwnNegationNegatesNothingAfterItWhateverItsStem() {
    // "done nothing" is the real lexicon's `no_better` wording: its "nothing" (stem "noth")
    // belongs to it, so the duration after it is not denied and the combination holds.
    let result = Self.real("the tablets have done nothing for three weeks")
    #expect(result.level == .routine)
    #expect(result.decidedBy?.findings == ["no_better", "long_duration"])
  }

  @Test func aOneWordHypotheticalClauseGovernsTheClauseAfterIt() {
    // The real knowledge: "hypothetically" is a hypothetical cue of one word; set off by a
    // comma it still makes the report after it a question. A longer cue ("just wondering")
    // set off the same way does not: the writer may be reporting.
    func level(_ line: String) -> TriageLevel { Self.real(line).level }
    #expect(level("hypothetically, numbness between my legs would be an emergency?") == .none)
    #expect(level("numbness between my legs would be an emergency?") == .emergency)
    #expect(level("just wondering, my legs have gone numb") == .emergency)
  }

  @Test func aPassingSaidAfterACommaAndAButStillEndsTheFinding() {
    // The real knowledge: "it went away" is a resolved cue starting the next clause, which
    // starts after every break between (", but"); what counts when passed still counts.
    func level(_ line: String) -> TriageLevel { Self.real(line).level }
    #expect(level("yesterday I couldn't stand up, but it went away") == .none)
    #expect(level("yesterday I couldn't stand up") == .urgent)
    #expect(level("my face drooped, but it went away") == .emergency)
  }

  @Test func someoneNamedEarlierInTheSentenceStaysItsSubject() {
    // The real knowledge: "my mum" is someone else; "now" breaks the clause, but with no word
    // of the writer's between, the backache is still hers and combines with her cancer.
    let hers = Self.real("my mum had breast cancer and now has a new backache")
    #expect(hers.level == .urgent)
    #expect(
      hers.findings.first { $0.intent == "back_pain" }?.modifiers.contains(.otherPerson) == true)
    #expect(Self.real("my mum had breast cancer and now my back aches").level == .none)
  }

  @Test func aNumberStartsThePatternsOfTheMarkerItSatisfies() {
    // The real knowledge: "#fever ... degrees" and "#older" begin with a marker, which a bare
    // number satisfies by its value; such patterns are tried where the number stands.
    #expect(Self.real("39 degrees and back pain").level == .urgent)
    #expect(Self.real("my father, 70, new back pain out of nowhere").level == .urgent)
    #expect(Self.real("my father, 30, new back pain out of nowhere").level == .none)
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

  @Test func aLikenessAfterACommaIsPartOfTheClauseBefore() {
    #expect(
      Self.real("my back spasm has moved into my chest, like a heavy band squeezing").level
        == .emergency
    )
    #expect(
      Self.real("my back spasm has moved into my chest. a heavy band squeezing").level != .emergency
    )
  }

  @Test func shouldIWorryThatReportsAndShouldIWorryIfAsks() {
    #expect(Self.real("should i worry that both my legs have gone numb").level == .emergency)
    #expect(Self.real("should i worry if both my legs ever go numb").level == .none)
  }
}
