import BacktalkCore
import Testing

/// The scanner's pattern language on numbered stems: markers that take a value, typed words,
/// gaps, cues that start with a number or a typed word, and one mention per finding and place.
@Suite struct FindingScannerTests {
  static let lexicon = """
    duration_units: {year: 365, years: 365}
    history_cues: ["back in #year"]
    history_after_cues: ["#ages ago", "#year"]
    hypothetical_cues: ["=wondering about"]
    other_person_cues: ["my husband"]
    first_person_words: [i, my]
    findings:
      - finding: older_age
        name: an older age
        wordings: ["aged #older"]
      - finding: many_pills
        name: many pills
        wordings: ["took #many pills"]
      - finding: tablets
        name: many tablets
        wordings: ["swallowed ...2 #many|all|the_whole tablets"]
      - finding: weak_legs
        name: both legs weak
        wordings: ["both =legs ... weak"]
      - finding: numbness_typed
        name: numbness as typed
        wordings: ["feel =numbness"]
      - finding: chest_pain
        name: chest pain
        wordings: ["chest ...* pain", "chest pain"]
      - finding: fever
        name: fever
        wordings: [fever]
      - finding: numb_leg
        name: a numb leg
        wordings: ["shaky|leg|leg_feels|leg_went numb"]
    """

  let responder: Responder

  init() throws {
    responder = Responder(
      knowledge: try KnowledgeLoader.load([
        KnowledgeFile(path: "Intents/test.yml", text: Fixture.smallIntents),
        KnowledgeFile(path: "Corpus/doc.md", text: Fixture.smallCorpus),
        KnowledgeFile(path: "Lexicon/language.yml", text: Fixture.smallLexicon),
        KnowledgeFile(path: "Lexicon/triage.yml", text: Self.lexicon),
      ]))
  }

  func findings(_ line: String) -> [Finding] {
    responder.triage.scanner.scan(responder.analyzer.analyze(line).tokens)
  }

  func ids(_ line: String) -> [String] { findings(line).map(\.intent) }

  @Test(arguments: [("aged 75", true), ("aged 120", true), ("aged 49", false), ("aged 121", false)])
  func olderTakesAnAgeFromFiftyToOneHundredTwenty(_ line: String, _ found: Bool) {
    #expect(ids(line).contains("older_age") == found)
  }

  @Test(arguments: [("took 20 pills", true), ("took 10 pills", true), ("took 9 pills", false)])
  func manyTakesANumberOfTenOrMore(_ line: String, _ found: Bool) {
    #expect(ids(line).contains("many_pills") == found)
  }

  /// A step whose options hold a marker is tried at every word; the others only where an
  /// option's first stem stands.
  @Test(arguments: [
    ("swallowed 30 tablets", true), ("swallowed all tablets", true),
    ("swallowed the whole tablets", true), ("swallowed nearly all tablets", true),
    ("swallowed 3 tablets", false), ("swallowed some tablets", false),
    ("swallowed the tablets", false),
  ])
  func aStepWithAMarkerAmongItsOptionsTakesEither(_ line: String, _ found: Bool) {
    #expect(ids(line).contains("tablets") == found)
  }

  @Test func longTakesADurationOfMonths() {
    #expect(
      responder.triage.assess(responder.analyzer.analyze("it has been 3 months").tokens)
        .level == .routine)
  }

  @Test func aTypedStepTakesTheWordAsTyped() {
    #expect(ids("both legs feel weak").contains("weak_legs"))
    #expect(!ids("both leg feels weak").contains("weak_legs"))
  }

  @Test func aTypedStepTakesTheWordASynonymReplaced() {
    #expect(ids("i feel numbness in my foot").contains("numbness_typed"))
    #expect(!ids("i feel numb").contains("numbness_typed"))
  }

  @Test func anOpenGapStopsAtTheClause() {
    #expect(ids("chest feels so tight and pain") == ["chest_pain"])
    #expect(ids("chest feels tight, pain").isEmpty)
  }

  @Test func twoWordingsOverTheSameWordsAreOneMention() {
    let found = findings("chest pain")
    #expect(found.map(\.intent) == ["chest_pain"])
    #expect(found.first?.range == 0..<2)
  }

  @Test(arguments: [
    ("fever 2010", true), ("fever 1850", false), ("back in 2010 i had a fever", true),
    ("fever 3 years ago", true), ("fever", false),
  ])
  func historyCuesStartingWithAMarkerTakeItsValue(_ line: String, _ historical: Bool) {
    let fever = findings(line).first { $0.intent == "fever" }
    #expect(fever?.modifiers.contains(.historical) == historical)
  }

  @Test func aCueStartingWithATypedWordIsTriedAtEveryWord() {
    let fever = findings("just wondering about fever").first { $0.intent == "fever" }
    #expect(fever?.modifiers == [.hypothetical])
  }

  @Test func theWritersOwnWordsEndAnotherPersonsCue() {
    #expect(findings("my husband has a fever").first?.modifiers == [.otherPerson])
    #expect(findings("my husband says i have a fever").first?.modifiers == [])
  }

  @Test func findingsKeepTheirOrderAndWords() {
    let found = findings("aged 75 and took 20 pills, fever")
    #expect(found.map(\.intent) == ["older_age", "many_pills", "fever"])
    #expect(found.map(\.words) == ["aged 75", "took 20 pills", "fever"])
  }

  @Test(arguments: [
    ("my leg numb", "leg numb"), ("my leg feels numb", "leg feels numb"),
    ("my leg went numb", "leg went numb"), ("shaky numb", "shaky numb"),
  ])
  func everyOptionStartingWithTheWordIsTriedInItsOrder(_ line: String, _ words: String) {
    #expect(findings(line).first { $0.intent == "numb_leg" }?.words == words)
  }

  @Test func noOptionStartingWithTheWordMatchesNothing() {
    #expect(!ids("my arm feels numb").contains("numb_leg"))
  }
}
