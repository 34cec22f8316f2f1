import BacktalkCore
import Testing

@Suite struct TextAnalyzerTests {
  let responder = try! Fixture.responder(intents: Fixture.smallIntents)
  var analyzer: TextAnalyzer { responder.analyzer }

  @Test func expandsContractionsAndFoldsCase() {
    let words = analyzer.analyze("I CAN'T Drive").tokens.map(\.word)
    #expect(words == ["i", "can", "not", "drive"])
  }

  @Test func aSymbolTheContractionsNameIsReadAsItsWord() throws {
    let lexicon = Fixture.smallLexicon.replacingOccurrences(
      of: "contractions: {", with: "contractions: {\"&\": and, ")
    let analyzer = try Fixture.responder(intents: Fixture.smallIntents, lexicon: lexicon).analyzer
    #expect(analyzer.analyze("ice & heat").tokens.map(\.word) == ["ice", "and", "heat"])
    #expect(analyzer.analyze("ice & héat").tokens.map(\.word) == ["ice", "and", "heat"])
    // Between letters it is part of a name, as before; a symbol not named is dropped.
    #expect(analyzer.analyze("a&e").tokens.map(\.word) == ["a", "e"])
    #expect(analyzer.analyze("ice + heat").tokens.map(\.word) == ["ice", "heat"])
    #expect(self.analyzer.analyze("ice & heat").tokens.map(\.word) == ["ice", "heat"])
  }

  @Test func foldsAccentsAndCurlyApostrophes() {
    #expect(analyzer.analyze("Dón’t").tokens.map(\.word) == ["do", "not"])
  }

  @Test(arguments: ["my leg's weak", "my leg’s weak", "MY LEG'S WEAK", "my leg`s weak"])
  func dropsANounsOwnApostropheS(_ line: String) {
    // "leg's" is one leg ("is", "has" or a possessive), never the plural "legs".
    #expect(analyzer.analyze(line).tokens.map(\.word) == ["my", "leg", "weak"])
  }

  @Test func keepsTheApostropheSTheContractionsRead() {
    let words = { (line: String) in Fixture.responder.analyzer.analyze(line).tokens.map(\.word) }
    #expect(words("nothing's changed") == words("nothing is changed"))
    #expect(words("nothing's changed") != words("nothing changed"))
    #expect(analyzer.analyze("leg'sore").tokens.map(\.word) == ["legsore"])
  }

  @Test func readsTensAndUnitsAsOneNumber() {
    let words = { (line: String) in Fixture.responder.analyzer.analyze(line).tokens.map(\.word) }
    #expect(words("i am sixty-seven") == words("i am 67"))
    #expect(words("seventy two") == words("72"))
    // Only a tens word before a unit: "ten two" and "two one" stay two numbers.
    #expect(words("ten two") == words("10 2"))
    #expect(words("two one") == words("2 1"))
  }

  @Test func correctsTyposAgainstTheVocabulary() {
    let analyzed = analyzer.analyze("can i drvie")
    #expect(analyzed.corrections == [Rewrite(from: "drvie", to: "drive")])
  }

  @Test func neverChangesTheFirstLetter() {
    // "crive" is one letter from "drive", but real words the knowledge lacks ("couch") are one
    // letter from ones it has ("touch") far more often than people mistype a first letter.
    #expect(analyzer.analyze("can i crive").corrections.isEmpty)
  }

  @Test func swapsOnlyLettersThatASlipExplains() {
    let real = Fixture.responder.analyzer
    // Real words the knowledge does not use stay as they are: no slip turns d into k.
    #expect(real.analyze("the leading cause").corrections.isEmpty)
    #expect(real.analyze("over the sink").corrections.isEmpty)
    // Neighbouring keys, vowels and letters that sound alike are slips.
    #expect(real.analyze("ise or heet").corrections == [Rewrite(from: "heet", to: "heat")])
    #expect(
      real.analyze("exersizes for my back").corrections
        == [Rewrite(from: "exersizes", to: "exercises")])
    #expect(real.analyze("can i drice").corrections == [Rewrite(from: "drice", to: "drive")])
  }

  @Test func writesOutATypoCorrectedIntoAContraction() {
    let real = Fixture.responder.analyzer
    // "cnat" is one slip from "cant", which reads as "can not", as typed correctly would.
    let analyzed = real.analyze("i cnat feel it")
    #expect(analyzed.corrections == [Rewrite(from: "cnat", to: "cant")])
    #expect(analyzed.tokens.map(\.word) == ["i", "can", "not", "feel", "it"])
    // The first word shows what was typed; the rest add nothing to what is shown.
    #expect(analyzed.tokens.map(\.typed) == [nil, "cnat", "", nil, nil])
  }

  @Test func readsAndAHalfAsPartOfADuration() {
    // The words come from `duration_fractions` in the lexicon.
    let analyzer = Fixture.responder.analyzer
    // Ten and a half days is a week or more, with or without the "a" in front.
    #expect(
      analyzer.analyze("week and a half of rest").tokens.map(\.word) == ["#long", "of", "rest"])
    #expect(analyzer.analyze("a day and a half").tokens.map(\.word) == ["#short"])
  }

  @Test(arguments: [
    ("a whole week", "#long"), ("two full weeks", "#long"), ("a good fortnight", "#long"),
    ("two whole days", "#short"),
  ])
  func readsACountPastAWordThatStressesIt(_ text: String, _ marker: String) {
    // The words come from `duration_intensifiers` in the lexicon: the count before them is
    // the duration's, and they are dropped with it.
    let tokens = Fixture.responder.analyzer.analyze("it has been \(text)").tokens
    #expect(tokens.map(\.word) == ["it", "has", "been", marker])
  }

  @Test func leavesAStressWordWithoutACountAsItIs() {
    // "the whole week" has no count: "whole" stays, and the singular unit is no duration.
    let words = Fixture.responder.analyzer.analyze("the whole week").tokens.map(\.word)
    #expect(words.contains("whole"))
    #expect(!words.contains("#long"))
  }

  @Test func splitsANumberFromTheLettersRunOnToIt() {
    // "3 days" then reads as a duration.
    #expect(analyzer.analyze("62M x3 days").tokens.map(\.word) == ["62", "m", "x", "#short"])
    #expect(analyzer.analyze("10hrs").tokens.map(\.word) == ["10", "hrs"])
    // An ordinal and a decimal stay whole.
    #expect(analyzer.analyze("the 3rd time, 38.5").tokens.map(\.word).contains("3rd"))
    #expect(analyzer.analyze("38.5").tokens.map(\.word) == ["38.5"])
  }

  @Test func neverCorrectsKnownOrShortWords() {
    #expect(analyzer.analyze("is it ok to drive the car").corrections.isEmpty)
    #expect(analyzer.analyze("xyz").corrections.isEmpty)
  }

  @Test func appliesSynonymPhrases() {
    let analyzed = analyzer.analyze("jacuzzi or behind the wheel")
    #expect(analyzed.stems == ["hot", "tub", "or", "driv"])
    #expect(analyzed.synonyms.map(\.from) == ["jacuzzi", "behind the wheel"])
  }

  @Test func readsASynonymWithANumberWordAsAQuestionIsRead() {
    // The question's "two" becomes "2" before synonyms: the variant must meet it there.
    let real = Fixture.responder.analyzer
    #expect(real.analyze("a number two accident").stems.contains("bowel"))
  }

  @Test func leavesAPluralOfAKnownWordUncorrected() {
    // "wee's" loses its apostrophe: "wees" is "wee" with an "s", not a slip for "weeks".
    let real = Fixture.responder.analyzer
    #expect(real.analyze("my wee's gone red").corrections.isEmpty)
    #expect(real.analyze("my wee's gone red").stems.contains("bladder"))
  }

  @Test(arguments: [
    ("two weeks", "#long"), ("10 days", "#long"), ("a month", "#long"), ("two days", "#short"),
  ])
  func marksDurations(_ text: String, _ marker: String) {
    #expect(analyzer.analyze("it has been \(text)").stems.last == marker)
  }

  @Test(arguments: [
    ("spasms", "spasm"), ("numbness", "numb"), ("swimming", "swim"), ("tingling", "tingl"),
    ("fall", "fall"), ("really", "really"), ("badly", "bad"),
  ])
  func stemsLightly(_ word: String, _ stem: String) {
    #expect(Stemmer.stem(word) == stem)
  }

  @Test func aCommaBeforeALikenessKeepsTheClauseWhole() {
    // `simile_words` in the real lexicon holds "like": the comma before it is no break.
    let real = Fixture.responder.analyzer
    let likeness = real.analyze("my chest, like a band squeezing").tokens.filter(\.isComma)
    #expect(likeness.isEmpty)
    let plain = real.analyze("my chest, a band squeezing").tokens.filter(\.isComma)
    #expect(plain.count == 1)
  }
}
