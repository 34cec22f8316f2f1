import BacktalkCore
import Testing

/// Context modifiers, their scopes and combination rules, over small inline knowledge.
@Suite struct TriageContextTests {
  /// A second lexicon file beside the small one: its sets and tables are merged in.
  static let lexicon = """
    clause_breaks: [now]
    negation_fillers: [feel, feeling]
    duration_units: {year: 365, years: 365}
    history_cues: [used to, in the past]
    history_after_cues: ["#ages ago", last year]
    hypothetical_cues: [what if, "what|which ... signs|symptoms", "in case"]
    definition_cues: [what is, tell me about]
    other_person_cues: ["my mother|mum|husband", "she has|is|cant", "he has|is|cant"]
    animal_cues: ["dog|horse has|is|cant"]
    story_cues: ["on tv|the_show", "a character", "podcast about"]
    first_person_words: [i, my]
    answer_words: {checklist_yes: [yes]}
    animal_topic_intent: pets
    negation_scope_enders: [i, my, she, he]
    answer_blockers: [feel, control]
    resolved_cues: ["has passed", "it is|has passed"]
    counts_when_passed: [stiff_neck]
    findings:
      - finding: fever
        name: fever
        wordings: [fever, chills]
        except: ["chills ... ice"]
      - finding: stiff_neck
        name: a stiff neck
        wordings: ["stiff ... neck", "neck ... stiff"]
      - finding: cancer_history
        name: a history of cancer
        kind: risk
        wordings: [cancer]
      - finding: back_pain
        name: back pain
        wordings: [back]
      - finding: tripping
        name: tripping
        wordings: [tripping]
    """

  static let intents =
    Fixture.smallIntents + """

      - intent: fever_flag
        title: Fever
        triage: urgent
        symptom: fever
        when: [fever]
        action: "See a provider today."
        watch: "Watch for fever."
        examples: [i have a fever]
        answer: An infection is possible.
      - intent: meningitis
        title: Meningitis signs
        triage: emergency
        symptom: fever with a stiff neck
        when: [fever + stiff_neck, fever_flag + rash_word]
        triggers: [meningitis]
        action: "Call {number} now."
        examples: [fever and a stiff neck]
        answer: This needs help now.
      - intent: cancer_back
        title: Cancer and back pain
        triage: urgent
        symptom: back pain after cancer
        when: [cancer_history + back_pain]
        action: "See a provider today."
        examples: [i had cancer and my back hurts]
        answer: Get checked.
      - intent: weak_leg
        title: Weak leg
        triage: urgent
        symptom: a weak leg
        triggers: ["tripping ... feet"]
        action: "See a provider today."
        examples: [i keep tripping over my feet]
        answer: Get checked.
      - intent: fall_and_weak
        title: Fall and weak leg
        triage: emergency
        symptom: a fall with a weak leg
        when: [tripping + weak_leg]
        action: "Call {number} now."
        examples: [tripping on the stairs, then tripping over my feet]
        answer: Get help.
      - intent: pets
        title: Pets
        examples: [my dog is ill]
        answer: Ask a vet.
      """

  let responder: Responder

  static let rashFinding = "\n  - finding: rash_word\n    name: a rash\n    wordings: [rash]\n"

  init() throws {
    // One combination names `rash_word`: the working knowledge defines it, and a test checks
    // that the loader rejects the knowledge without it.
    responder = try Self.load(triageLexicon: Self.lexicon + Self.rashFinding)
  }

  static func load(triageLexicon: String) throws -> Responder {
    Responder(
      knowledge: try KnowledgeLoader.load([
        KnowledgeFile(path: "Intents/test.yml", text: intents),
        KnowledgeFile(path: "Corpus/doc.md", text: Fixture.smallCorpus),
        KnowledgeFile(path: "Lexicon/language.yml", text: Fixture.smallLexicon),
        KnowledgeFile(path: "Lexicon/triage.yml", text: triageLexicon),
      ]))
  }

  func assess(_ line: String) -> TriageResult {
    responder.triage.assess(responder.analyzer.analyze(line).tokens)
  }

  func modifiers(_ line: String, of id: String) -> Set<ContextModifier> {
    assess(line).findings.first { $0.intent == id }?.modifiers ?? []
  }

  @Test func aCombinationRaisesTheLevelAndFoldsTheLowerRule() {
    #expect(assess("i have a fever").level == .urgent)
    let both = assess("fever and my neck is stiff")
    #expect(both.level == .emergency)
    #expect(both.active.map(\.intent) == ["meningitis"])
    #expect(both.decidedBy?.rule == "meningitis")
    #expect(both.decidedBy?.findings == ["fever", "stiff_neck"])
  }

  @Test func aRuleCanBuildOnAnotherRule() {
    #expect(assess("fever and a rash").level == .emergency)
  }

  @Test func aNegationInsideAnotherFindingsWordsStillNegates() {
    // The real knowledge's painful-urination wording "pee ... pain" spans "pee fine and no
    // leg pain", over the "no" that negates the leg pain after it.
    let real = Fixture.responder
    let line = "i pee fine and no leg pain, just a tight muscle"
    let result = real.triage.assess(real.analyzer.analyze(line).tokens)
    #expect(result.level == .none)
    #expect(
      result.findings.first { $0.intent == "red_flag_radiating_pain" }?.modifiers
        .contains(.negated) == true)
  }

  @Test func aBareNoAfterAClauseDeniesItsFindings() {
    #expect(modifiers("fever? no. my back is stiff", of: "fever").contains(.negated))
    #expect(assess("any fever? no, none").level == .none)
    // Only after punctuation: after the word break "now", "no" is not an answer.
    #expect(!modifiers("fever now no", of: "fever").contains(.negated))
    // Nor when the clause names a function: "no" then reports losing it.
    #expect(assess("can you feel a fever? no").level == .urgent)
    // A clause with more than negations is a statement of its own.
    #expect(assess("fever? no idea").level == .urgent)
    #expect(assess("a fever, never had that").level == .urgent)
  }

  @Test func anAbilityQuestionAnsweredNoReportsTheLoss() {
    // The real knowledge: "can you feel the paper? no" is "can not feel the paper".
    let real = Fixture.responder
    func level(_ line: String) -> TriageLevel {
      real.triage.assess(real.analyzer.analyze(line).tokens).level
    }
    #expect(level("back spasm. can you feel the paper when you wipe? no") == .emergency)
    #expect(level("back spasm. can you feel the paper when you wipe? yes") == .none)
    // Only a bare negation answers, and only after the question's punctuation.
    #expect(level("back spasm. can you feel the paper when you wipe? no idea") == .none)
    // The finding keeps the words as typed.
    let finding = real.triage.assess(
      real.analyzer.analyze("can you control your bladder? no").tokens
    )
    .findings.first { $0.intent == "red_flag_bladder_bowel" }
    #expect(finding?.words == "can you control your bladder")
  }

  @Test func aSignThatPassedIsHistoryUnlessItCountsWhenPassed() {
    #expect(modifiers("a fever that has passed", of: "fever").contains(.historical))
    // The next clause may say so, when it starts with the cue.
    #expect(modifiers("a fever on monday, it has passed", of: "fever").contains(.historical))
    #expect(
      !modifiers("a fever on monday, and now it has passed", of: "fever").contains(.historical))
    // A sign that counts when passed stays, unless a time long past dates it.
    #expect(
      !modifiers("stiff neck yesterday, it has passed", of: "stiff_neck").contains(.historical))
    #expect(modifiers("stiff neck 3 years ago", of: "stiff_neck").contains(.historical))
  }

  @Test func theLoaderRejectsAnUnknownNameThatCountsWhenPassed() {
    let broken = Self.lexicon.replacingOccurrences(
      of: "counts_when_passed: [stiff_neck]", with: "counts_when_passed: [stiff_knee]")
    do {
      _ = try Self.load(triageLexicon: broken + Self.rashFinding)
      Issue.record("an unknown name loaded")
    } catch {
      #expect("\(error)".contains("'counts_when_passed' names 'stiff_knee'"))
    }
  }

  @Test func anAnimalsFindingDoesNotCountAndGetsTheAnimalAnswer() {
    #expect(modifiers("the dog has a fever", of: "fever").contains(.animal))
    let reply = responder.reply(to: "the dog has a fever")
    #expect(reply.triage == .none)
    #expect(reply.intents == ["pets"])
    // No "watch for" line: the fever is not the writer's to watch.
    #expect(!reply.text.contains("Watch for fever"))
    // The writer's own words between the animal and the finding make it the writer's again,
    // and a dog that is only mentioned is not the subject.
    #expect(assess("the dog is fine but i have a fever").level == .urgent)
    #expect(assess("the dog is barking and i have a fever").level == .urgent)
    #expect(assess("i tripped over the dog and have a fever").level == .urgent)
  }

  @Test func aStoryInAShowOrAPodcastIsNobodysFinding() {
    #expect(modifiers("on tv a character had a fever", of: "fever").contains(.story))
    #expect(assess("on tv a character had a fever").level == .none)
    #expect(assess("a podcast about fever, can i drive").level == .none)
    // The writer's own words between the story and the finding make it the writer's.
    #expect(assess("on tv tonight and i have a fever").level == .urgent)
    #expect(assess("i have a fever").level == .urgent)
  }

  @Test func aChecklistQuestionAnsweredYesJoinsItsDescription() {
    let finding = assess("stiff? yes, neck").findings.first { $0.intent == "stiff_neck" }
    // The breaks the answer stands in for show nothing of their own.
    #expect(finding?.words == "stiff yes neck")
    // Only a yes joins; another answer leaves the clauses apart.
    #expect(!assess("stiff? no, neck").findings.map(\.intent).contains("stiff_neck"))
    #expect(!assess("stiff? maybe neck").findings.map(\.intent).contains("stiff_neck"))
  }

  @Test func anAnimalTopicIntentThatDoesNotExistIsALoadError() {
    let broken = Self.lexicon.replacingOccurrences(
      of: "animal_topic_intent: pets", with: "animal_topic_intent: vets")
    do {
      _ = try Self.load(triageLexicon: broken + Self.rashFinding)
      Issue.record("an unknown intent loaded")
    } catch {
      #expect("\(error)".contains("'animal_topic_intent' names intent 'vets'"))
    }
  }

  @Test func negatedFindingsDoNotCombine() {
    let result = assess("no fever, my neck is stiff")
    #expect(result.level == .none)
    #expect(result.negated.map(\.intent).isEmpty)
  }

  @Test(arguments: [
    ("had a fever last year", ContextModifier.historical),
    ("i had a fever 3 years ago", .historical),
    ("what if i get a fever", .hypothetical),
    ("what are the signs of meningitis", .hypothetical),
    ("what is meningitis", .hypothetical),
    ("no fever at all", .negated),
  ])
  func blockingModifiersStopEscalation(_ line: String, _ modifier: ContextModifier) {
    let result = assess(line)
    #expect(result.level == .none, "\(line)")
    let finding = result.findings.first { $0.intent == "fever" || $0.intent == "meningitis" }
    #expect(finding?.modifiers.contains(modifier) == true, "\(line)")
  }

  @Test func aHistoryCueLooksOnlyItsOwnWay() {
    #expect(modifiers("in the past i had a fever", of: "fever") == [.historical])
    // "3 years ago" dates the cancer before it, not the fever after it, even without a comma.
    #expect(assess("cancer 3 years ago new fever").level == .urgent)
    #expect(modifiers("cancer 3 years ago new fever", of: "fever") == [])
  }

  @Test func aScopeEndsAtAClauseBreak() {
    #expect(assess("had a fever last year but now i have a fever").level == .urgent)
    #expect(assess("what if it gets worse, i have a fever").level == .urgent)
  }

  @Test func negationEndsAtANewSubjectInARunOnLine() {
    #expect(modifiers("no cancer my back hurts", of: "back_pain") == [])
    #expect(modifiers("no fever i cant control my bladder", of: "fever") == [.negated])
    #expect(assess("no fever i cant control my bladder").level == .emergency)
  }

  @Test func someoneElseNowEscalatesTheSame() {
    let result = assess("my husband has a fever and a stiff neck")
    #expect(result.level == .emergency)
    #expect(modifiers("my husband has a fever", of: "fever") == [.otherPerson])
    #expect(result.active.first?.modifiers == [.otherPerson])
  }

  @Test func anExplainedLookAlikeDoesNotCount() {
    #expect(modifiers("chills from the ice", of: "fever") == [.explained])
    #expect(assess("chills from the ice").level == .none)
  }

  @Test func aRiskFactorStaysTrueInThePast() {
    #expect(assess("i had cancer 3 years ago, now my back hurts").level == .urgent)
  }

  @Test func oneMentionIsNotTwoFindings() {
    // "tripping over my feet" is the weak-leg rule's phrase and holds the word "tripping":
    // one phrase must not satisfy a combination of two findings.
    #expect(assess("i keep tripping over my feet").level == .urgent)
    #expect(assess("tripping on the stairs, then tripping over my feet").level == .emergency)
  }

  @Test func theLoaderRejectsAnUnknownFindingWithItsFileAndLine() {
    #expect(throws: KnowledgeErrors.self) { try Self.load(triageLexicon: Self.lexicon) }
    do {
      _ = try Self.load(triageLexicon: Self.lexicon)
    } catch {
      let text = "\(error)"
      #expect(text.contains("Intents/test.yml:"))
      #expect(text.contains("names the finding 'rash_word', which is not defined"))
    }
  }

  @Test func theLoaderRejectsAPatternEndingInAGap() {
    let broken = Self.lexicon.replacingOccurrences(
      of: "wordings: [back]", with: "wordings: [\"back ...\"]")
    #expect(throws: KnowledgeErrors.self) {
      try Self.load(triageLexicon: broken + Self.rashFinding)
    }
  }
}
