import BacktalkCore
import BacktalkKnowledge
import Testing

@Suite struct BacktalkKnowledgeTests {
  /// The word list merged at build time is the one the loader makes of the same files.
  @Test func builtInRealWordsAreTheLoadedLexiconLists() {
    let words = BuiltInKnowledge.realWords
    #expect(!words.isEmpty)
    #expect(words.last == 0x0A)
    #expect(words == Fixture.knowledge.lexicon.realWords.bytes)
  }
}
