import Testing

// The numbering and the tokens' numbers are internal; nothing public shows them.
@testable import BacktalkCore

/// An analyzer restored from its numbering gives the same tokens, numbers included, as the
/// one that numbered, and the numbering holds the vocabulary and the stem cache it stands for.
@Suite struct TextAnalyzerNumberingTests {
  let analyzer = Fixture.responder.analyzer

  @Test func numberingHoldsTheVocabularyAndTheStemCache() {
    let numbering = analyzer.numbering
    #expect(numbering.isConsistent)
    #expect(numbering.vocabulary == analyzer.parts.vocabulary)
    #expect(numbering.stemCache == analyzer.parts.stemCache)
    #expect(numbering.strings == numbering.strings.sorted())
  }

  @Test(arguments: [
    "can i drvie", "I wet myself", "hot tub and swimming?", "no numbness, ice or heat",
    "it's been 3 weeks and i can't sleep", "Ünïcode wörds",
  ])
  func restoredAnalyzerGivesTheSameTokensAndNumbers(question: String) {
    let restored = TextAnalyzer(
      lexicon: Fixture.knowledge.lexicon, parts: analyzer.parts, numbering: analyzer.numbering)
    let tokens = analyzer.analyze(question).tokens
    let restoredTokens = restored.analyze(question).tokens
    #expect(restoredTokens == tokens)
    #expect(restoredTokens.map(\.stemID) == tokens.map(\.stemID))
    #expect(restoredTokens.map(\.wordID) == tokens.map(\.wordID))
  }
}
