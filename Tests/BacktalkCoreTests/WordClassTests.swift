import BacktalkCore
import Testing

/// Word classes (`word_classes:`, named `@name` in patterns), numbered gaps (`...8`) and the
/// exceptions a rule takes over from the one finding that also sets it.
@Suite struct WordClassTests {
  static let lexicon =
    Fixture.smallLexicon + """

      word_classes:
        saddle_area: [groin, between my legs, backside]
        numb_feeling: [numb, can not feel, pins and needles]
      findings:
        - finding: chills
          name: chills
          wordings: [chills]
          except: ["ice ... chills"]
      """

  static let intents =
    Fixture.smallIntents + """

      - intent: saddle
        title: Saddle numbness
        triage: emergency
        symptom: numbness in the saddle area
        triggers: ["@numb_feeling ...8 @saddle_area", "@saddle_area ...8 @numb_feeling"]
        action: "Call {number} now."
        examples: [my groin is numb]
        answer: This can be an emergency.
      - intent: fever_rule
        title: Chills
        triage: urgent
        symptom: chills
        triggers: [chills]
        when: [chills]
        action: "See a provider today."
        examples: [i have chills]
        answer: See a provider.
      """

  let responder = try! Fixture.responder(intents: Self.intents, lexicon: Self.lexicon)

  func level(_ line: String) -> TriageLevel {
    responder.triage.assess(responder.analyzer.analyze(line).tokens).level
  }

  @Test(arguments: [
    "i can not feel anything between my legs",
    "my backside and both my thighs have gone numb",
    "pins and needles in my groin",
  ])
  func aClassNamesEveryPhraseOfIt(_ line: String) {
    #expect(level(line) == .emergency)
  }

  @Test func aNumberedGapReachesThatFarAndNoFurther() {
    // Eight words between the area and the feeling match; nine do not.
    #expect(level("groin one two three four five six seven eight numb") == .emergency)
    #expect(level("groin one two three four five six seven eight nine numb") != .emergency)
  }

  @Test func aNumberedGapReachesOverACommaButNotOverANegationAfterIt() {
    #expect(level("it is round my groin, that has gone numb") == .emergency)
    // Nor over a negation after the comma, with a joining word before it.
    #expect(level("my groin, and no numbness there") == .none)
    #expect(level("my groin is fine, no numbness there") == .none)
  }

  @Test func aNegationTheGapPassedOverNegatesEvenInAPatternWithItsOwn() {
    // "can not feel" is the class's own negation; "no" in the gap is the writer's.
    #expect(level("i can not feel my groin") == .emergency)
    #expect(level("my groin is fine no numb feeling") == .none)
  }

  @Test func aRuleTakesTheExceptionsOfTheFindingThatSetsIt() {
    #expect(level("i have chills") == .urgent)
    #expect(level("the ice gave me chills") == .none)
  }

  @Test func anUndefinedClassIsAnErrorAtItsPattern() {
    let intents =
      Fixture.smallIntents + """

        - intent: saddle
          title: Saddle numbness
          triage: emergency
          symptom: numbness
          triggers: ["@numb_feelings ... groin"]
          action: "Call {number} now."
          examples: [my groin is numb]
          answer: This can be an emergency.
        """
    let errors = Fixture.loadErrors([
      KnowledgeFile(path: "Intents/test.yml", text: intents),
      KnowledgeFile(path: "Corpus/doc.md", text: Fixture.smallCorpus),
      KnowledgeFile(path: "Lexicon/language.yml", text: Self.lexicon),
    ])
    let error = errors.first { $0.problem.contains("@numb_feelings") }
    #expect(error?.file == "Intents/test.yml")
    #expect(error?.fix.contains("did you mean '@numb_feeling'") == true)
  }

  @Test func aPhraseWithPatternSyntaxIsRejected() {
    let lexicon = Fixture.smallLexicon + "\nword_classes:\n  area: [groin, \"between ... legs\"]\n"
    let errors = Fixture.loadErrors([
      KnowledgeFile(path: "Intents/test.yml", text: Fixture.smallIntents),
      KnowledgeFile(path: "Corpus/doc.md", text: Fixture.smallCorpus),
      KnowledgeFile(path: "Lexicon/language.yml", text: lexicon),
    ])
    #expect(errors.contains { $0.problem.contains("holds pattern syntax") && $0.line > 0 })
  }
}
