import BacktalkCore
import Testing

/// Calibrated answers, the ask behind the words, the parts of a line and bare answers.
@Suite struct UnderstandingTests {
  /// The small knowledge, with a calibration under which a half-explained question is a fair
  /// guess (about 0.44) and nothing is sure, and two kinds of question.
  let responder = try! Fixture.responder(
    intents: Fixture.smallIntents,
    lexicon: Fixture.smallLexicon + """

      calibration: {bias: -1, coverage: 1.5, lead: 0}
      story_words: [used, took]
      question_openers: [how]
      reassurance_words: [just, fine]
      alternative_joiners: [or]
      first_person_words: [i, my]
      ask_kinds:
        can_i: [can i, is it ok to]
        now: [what do i do]
      """)

  static let plain = try! Fixture.responder(intents: Fixture.smallIntents)

  @Test func answersAFairGuessAndOffersTheNextIntentsByNumber() throws {
    let reply = responder.reply(to: "drive jets")
    let answered = try #require(reply.intents.first)
    #expect(reply.confidence < Responder.sureThreshold)
    #expect(reply.text.contains("Or did you mean: 1) "))
    let offered = try #require(reply.suggestions.first)
    #expect(offered != answered)
    var context = DialogueContext()
    context.record(reply)
    #expect(responder.reply(to: "1", context: context).intents == [offered])
  }

  @Test func aBareNumberOrYesWithNothingAskedAnswersNothing() {
    for line in ["3", "20", "yes", "ok"] {
      let reply = responder.reply(to: line)
      #expect(reply.intents.isEmpty, "\(line)")
      #expect(reply.suggestions.isEmpty, "\(line)")
      #expect(reply.text.contains("Ask me a question about your back spasm"), "\(line)")
    }
  }

  @Test func aStatementThenAQuestionIsSplitWithOrWithoutTheComma() {
    let withComma = responder.reply(to: "the hot tub jets are great, can i drive")
    let without = responder.reply(to: "the hot tub jets are great can i drive")
    #expect(withComma.intents == ["hot_tub", "driving"])
    #expect(without.intents == withComma.intents)
  }

  @Test func aStoryBeforeTheQuestionIsNotAnsweredOnItsOwn() {
    // The writer's own words with a word of the story set the scene for the question.
    #expect(responder.reply(to: "i used the hot tub jets, can i drive").intents == ["driving"])
    // With the "i" left out, the story word comes first.
    #expect(responder.reply(to: "used the hot tub jets, can i drive").intents == ["driving"])
    // A statement that is not a story still gets its own answer.
    #expect(
      responder.reply(to: "the hot tub jets are great, can i drive").intents == [
        "hot_tub", "driving",
      ])
  }

  @Test func aStoryBeforeAShortLastPartIsItsScene() {
    // A last part naming only what it asks about has no asking words, and still asks.
    #expect(
      responder.reply(to: "i used the hot tub jets. how long ice").intents == ["ice_duration"])
    #expect(responder.reply(to: "i used the hot tub jets. ice").intents == ["ice_duration"])
    // A longer last part that names topics of its own is answered beside the first.
    #expect(
      responder.reply(to: "the hot tub jets are great. ice for the car and the drive home")
        .intents.contains("hot_tub"))
  }

  @Test func aPartOpeningAsAQuestionIsNeverAScene() {
    // "no" makes the first part describe the writer, but "how" opens a question.
    #expect(
      responder.reply(to: "how long ice with no jets, can i drive").intents == [
        "ice_duration", "driving",
      ])
  }

  @Test func aPartSayingWhatIsFineDescribesTheWriterForTheQuestion() {
    // A negation or a word that says fine, with words after it, asking nothing.
    #expect(
      responder.reply(to: "the hot tub jets are fine for me, can i drive").intents == ["driving"])
    #expect(responder.reply(to: "no hot tub jets, can i drive").intents == ["driving"])
    // At the very end, the fine word asks whether it is.
    #expect(
      responder.reply(to: "hot tub jets fine? and can i drive").intents == ["hot_tub", "driving"])
  }

  @Test func twoTopicsOfferedAsAlternativesAreBothAnswered() {
    #expect(responder.reply(to: "the jets or the car").intents == ["hot_tub", "driving"])
    // A side that says what is not wrong offers nothing; without the "or" setting, one answer.
    #expect(responder.reply(to: "no jets or car, is a hot tub ok").intents == ["hot_tub"])
    #expect(Self.plain.reply(to: "the jets or the car").intents.count == 1)
  }

  @Test func anOrBeforeASecondQuestionSplitsTheLine() {
    #expect(
      responder.reply(to: "is the hot tub good or can i drive").intents == ["hot_tub", "driving"])
  }

  /// The small intents and one that answers lines about something else.
  static let withElsewhere =
    Fixture.smallIntents + """

      - intent: elsewhere
        title: Something else
        examples: [tell me a joke]
        answer: That is outside what I know.
      """

  @Test func aLineAboutSomethingUnknownGetsTheNotCoveredAnswer() throws {
    let intents = Self.withElsewhere
    let responder = try Fixture.responder(
      intents: intents, lexicon: Fixture.smallLexicon + "\nunknown_topic_intent: elsewhere\n")
    // "tattoo" is a word the knowledge has never seen, and nothing else tells a topic.
    #expect(responder.reply(to: "can i get a tattoo").intents == ["elsewhere"])
    // A known telling word keeps the usual answer or menu.
    #expect(responder.reply(to: "can i get a tattoo in the hot tub").intents == ["hot_tub"])
    // Without the setting, an unknown line is a menu, as before.
    #expect(Self.plain.reply(to: "can i get a tattoo").intents.isEmpty)
  }

  /// The small intents with an out-of-scope answer and one for what the articles don't cover.
  static let withUncovered =
    withElsewhere + """

      - intent: uncovered
        title: Not in the articles
        examples: [do magnets help]
        answer: The articles don't cover that.
      """

  static let uncoveredLexicon =
    Fixture.smallLexicon + """

      unknown_topic_intent: elsewhere
      uncovered_topic_intent: uncovered
      yes_no_openers: [does, do, is, can, could]
      effect_words: [help, helps, stop, good, worse]
      on_topic_words: [back, spasm, pain]
      weak_on_topic_words: [back]
      first_person_words: [i, my]
      """

  @Test func aQuestionAboutWhatAnUnnamedThingDoesGetsTheUncoveredAnswer() throws {
    let responder = try Fixture.responder(
      intents: Self.withUncovered, lexicon: Self.uncoveredLexicon)
    // The thing asked about is a word neither the examples nor the articles hold, whatever
    // the line's other words match ("drive" is a topic).
    #expect(responder.reply(to: "does turmeric help a spasm when i drive").intents == ["uncovered"])
    #expect(responder.reply(to: "could orthotic insoles stop the pain").intents == ["uncovered"])
    // A thing the knowledge names, a kind of a topic, or no effect asked: the usual answer.
    #expect(responder.reply(to: "does the hot tub help a spasm").intents == ["hot_tub"])
    #expect(responder.reply(to: "is a hot tub turmeric good").intents == ["hot_tub"])
    #expect(
      responder.reply(to: "does turmeric help a spasm and can i drive").intents
        == ["uncovered", "driving"])
    // Without a word of the back spasm's world (or with only "back"), it is out of scope.
    #expect(responder.reply(to: "does turmeric help a hangover").intents == ["elsewhere"])
    #expect(responder.reply(to: "can i get a tattoo on my back").intents == ["uncovered"])
    #expect(responder.reply(to: "can i get my tattoo money back").intents == ["elsewhere"])
  }

  @Test func aTopicWordUsedInAnotherSenseCountsForNoTopic() throws {
    let intents = Self.withElsewhere
    let lexicon =
      Fixture.smallLexicon
      + "\nunknown_topic_intent: elsewhere\nother_senses:\n  hot tub: [filter]\n"
    let responder = try Fixture.responder(intents: intents, lexicon: lexicon)
    #expect(
      responder.reply(to: "how often should the hot tub filter be changed").intents == ["elsewhere"]
    )
    // Without the neighbour, or beyond its reach, the topic word counts as before.
    #expect(responder.reply(to: "how often should i use the hot tub").intents == ["hot_tub"])
    #expect(
      responder.reply(to: "a new filter for the house, is the hot tub good for me").intents
        == ["hot_tub"])
    // Another topic's keyword in the line is still answered.
    #expect(responder.reply(to: "the hot tub filter is broken, can i drive").intents == ["driving"])
  }

  /// Topics are filed by their first stem: two that start alike are each tried.
  @Test func topicsThatStartAlikeAreEachTriedForAnotherSense() throws {
    let lexicon =
      Fixture.smallLexicon
      + "\nunknown_topic_intent: elsewhere\nother_senses:\n  hot: [sauce]\n  hot tub: [filter]\n"
    let responder = try Fixture.responder(intents: Self.withElsewhere, lexicon: lexicon)
    #expect(
      responder.reply(to: "how often should the hot tub filter be changed").intents == ["elsewhere"]
    )
    #expect(responder.reply(to: "how often should i use the hot tub").intents == ["hot_tub"])
  }

  @Test(arguments: ["unknown_topic_intent", "uncovered_topic_intent"])
  func aTopicIntentThatDoesNotExistIsALoadError(_ section: String) {
    let errors = Fixture.loadErrors([
      KnowledgeFile(path: "Intents/test.yml", text: Fixture.smallIntents),
      KnowledgeFile(path: "Corpus/doc.md", text: Fixture.smallCorpus),
      KnowledgeFile(
        path: "Lexicon/language.yml", text: Fixture.smallLexicon + "\n\(section): nope\n"),
    ])
    #expect(errors.contains { $0.problem.contains("'\(section)' names intent 'nope'") })
  }

  @Test func theExplanationNamesTheKindsOfQuestionAsked() {
    #expect(responder.reply(to: "hot tub, what do i do").explanation.asks == ["now"])
    #expect(
      responder.reply(to: "is it ok to drive, what do i do").explanation.asks == ["can_i", "now"])
    #expect(responder.reply(to: "hot tub").explanation.asks.isEmpty)
  }

  @Test func aCommaAloneDoesNotCutAQuestionInTwo() {
    let reply = responder.reply(to: "hot tub, jets")
    #expect(reply.intents == ["hot_tub"])
    #expect(reply.explanation.parts.isEmpty)
  }

  @Test func zeroWidthCharactersInsideAWordDoNotChangeTheAnswer() {
    #expect(responder.reply(to: "dr\u{200D}ive?").intents == responder.reply(to: "drive?").intents)
  }
}

@Suite struct AskKindTests {
  /// Two intents with the same words: only the kind of question tells them apart.
  let index = IntentIndex(
    examples: [("why_it_locks", [["back", "lock"]]), ("what_to_do", [["back", "lock"]])],
    keywords: [:], stopwords: [],
    asks: ["why_it_locks": ["why"], "what_to_do": ["now"]])

  @Test(arguments: [("now", "what_to_do"), ("why", "why_it_locks")])
  func theKindAskedRanksTheIntentThatAnswersIt(_ kind: String, _ expected: String) {
    #expect(index.matches(for: ["back", "lock"], kinds: [kind]).first?.intent == expected)
  }

  @Test func withoutAKindTheTieIsBrokenByID() {
    #expect(index.matches(for: ["back", "lock"]).first?.intent == "what_to_do")
  }
}

@Suite struct ShortAnswerTests {
  let responder = try! Fixture.responder(
    intents: Fixture.smallIntents + """

      - intent: rest
        title: Rest or move
        examples: [should i rest or keep moving, bed rest or walking]
        answer: Short rest, then gentle movement.
        more: The articles differ on how long to rest.
        related: [driving]
      """)

  @Test func aOneShotReplyPrintsTheWholeAnswer() {
    let reply = responder.reply(to: "should i rest or keep moving")
    #expect(reply.text.contains("Short rest, then gentle movement."))
    #expect(reply.text.contains("The articles differ on how long to rest."))
    #expect(reply.heldBack.isEmpty)
  }

  @Test func aConversationHoldsTheDetailsBackForMore() {
    var context = DialogueContext()
    let reply = responder.reply(to: "should i rest or keep moving", context: context)
    #expect(reply.text.contains("Short rest, then gentle movement."))
    #expect(!reply.text.contains("how long to rest"))
    #expect(reply.text.contains("type 'more'"))
    context.record(reply)
    let more = responder.relatedReply(to: context)
    #expect(more.text.hasPrefix("The articles differ on how long to rest."))
    #expect(more.suggestions == ["driving"])
    context.record(more)
    // Asked again, "more" has no details left and offers the related topics only.
    #expect(responder.relatedReply(to: context).text.hasPrefix("Related to Rest or move"))
  }

  @Test func aCommaThenAQuestionOpenerPartsTwoQuestions() {
    let reply = Fixture.responder.reply(to: "is walking ok, is swimming ok, is running ok")
    #expect(reply.intents == ["walking", "swimming", "running"])
    // Without the commas the questions run together, too unclear to cut.
    #expect(Fixture.responder.reply(to: "is walking ok is swimming ok").intents.count < 2)
  }

  @Test func aQuestionListingTopicsIsPartedAtItsCommas() {
    let reply = Fixture.responder.reply(to: "can i drive, swim and use the hot tub?")
    #expect(reply.intents == ["driving", "swimming", "hot_tub"])
    // A statement before the comma is the scene, not a listed topic.
    let told = Fixture.responder.reply(to: "my dad's back is in spasm, can he use a heat pad")
    #expect(told.intents.first != "what_is_a_spasm")
  }

  @Test func aDefinitionThenAYesOrNoQuestionAnswersBoth() {
    let reply = Fixture.responder.reply(to: "whats a back spasm, is it serious?")
    #expect(reply.intents == ["what_is_a_spasm", "is_it_serious"])
  }

  @Test func aThingOnlyTheSafetyGuidanceNamesIsNotCovered() {
    // "smoking" is in the safety-net document only (`guidance_documents`), not the articles.
    let responder = Fixture.responder
    #expect(
      responder.reply(to: "does smoking make back spasms worse").intents == ["not_in_articles"])
    // A thing the articles do name, in the same words, is answered.
    #expect(
      responder.reply(to: "does stretching make back spasms worse").intents != ["not_in_articles"])
  }

  @Test func aBareQuestionAfterTwoPeoplesAdviceAsksWhichOfThem() {
    // "who is right" names nothing outside the knowledge: it is no out-of-scope question.
    let reply = Fixture.responder.reply(
      to: "my neighbour says lie flat in bed, my sister says keep walking about. who is right?")
    #expect(reply.intents == ["rest_or_move"])
    // A part that does name something else keeps its honest answer.
    #expect(
      Fixture.responder.reply(to: "who is right about the election").intents == ["out_of_scope"])
  }

  @Test func theSameAskingPhraseAgainAsksAgain() {
    let reply = Fixture.responder.reply(to: "can i swim can i run")
    #expect(reply.intents == ["swimming", "running"])
    #expect(reply.explanation.parts == ["can i swim", "can i run"])
  }

  @Test func aPartNamesAPhraseASynonymFoldedOnceAsTyped() {
    // "physio" folds into two tokens, "physical therapy"; the part is told as it was typed.
    let reply = Fixture.responder.reply(to: "chiro or physio")
    #expect(reply.explanation.parts == ["chiro", "physio"])
  }

  @Test func aPartAboutATopicAnsweredAlreadyAddsNoRunnerUp() {
    let reply = Fixture.responder.reply(
      to: "is walking good for it, and how much walking should i do")
    #expect(reply.intents == ["walking"])
    // Read with the part before, a short part still asks what is next to it.
    #expect(
      Fixture.responder.reply(to: "ice or heat? and how long?").intents
        == ["ice_or_heat", "ice_duration"])
  }
}

@Suite struct OtherSenseTests {
  /// "motor" (another sense of "run") reads as "drive", and "car" (of the car's wipers) too: as
  /// stems they would mark "drive" beside "run" or "wipers" as another sense. Matched as typed,
  /// they still show the sense they were written for.
  @Test func aNeighbourThatIsASynonymShowsTheSenseOnlyAsTyped() {
    let lexicon = Fixture.knowledge.lexicon
    #expect(lexicon.synonyms["motor"] != nil)
    #expect(lexicon.otherSenses["run"]?.contains("motor") == true)
    #expect(lexicon.synonyms["car"] != nil)
    #expect(lexicon.otherSenses["wipers"]?.contains("car") == true)
    #expect(Fixture.responder.reply(to: "can i jog can i drive").intents == ["running", "driving"])
    #expect(
      Fixture.responder.reply(to: "can i drive can i swim can i run").intents
        == ["driving", "swimming", "running"])
    #expect(
      Fixture.responder.reply(to: "the wipers on my car keep squeaking, what do i use").intents
        == ["out_of_scope"])
  }
}
