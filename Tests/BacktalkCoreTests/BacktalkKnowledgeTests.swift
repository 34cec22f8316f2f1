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

  /// The snapshot built in holds what the repository's knowledge compiles to: unpacking its
  /// string literal gave back every byte, whatever its value.
  @Test func builtInSnapshotHoldsTheRepositorysKnowledgeCompiled() throws {
    let (knowledge, compiled) = try KnowledgeSnapshot.decode(BuiltInKnowledge.snapshot)
    #expect(knowledge.intents.map(\.id) == Fixture.knowledge.intents.map(\.id))
    #expect(compiled == Fixture.responder.compiled)
  }

  @Test func literalHoldsSevenBytesInEightSevenBitCharacters() {
    let bytes: [UInt8] = [0, 0x41, 0x22, 0x5C, 0x0A, 0xFF, 0x80, 0x7E]
    // 0xFF and 0x80 give their high bits (bits 5 and 6: 0x60); 0x7E is padded to seven.
    #expect(
      KnowledgeSnapshot.literal(of: bytes) == #"\0A\"\\\u{a}\u{7f}\0`~\0\0\0\0\0\0\0"#)
  }

  /// What the literal above holds once compiled, read back.
  @Test func unpackGivesBackTheBytesOfALiteral() {
    let text: StaticString = "\0A\"\\\u{a}\u{7f}\0`~\0\0\0\0\0\0\0"
    let bytes = text.withUTF8Buffer { BuiltInKnowledge.unpack($0, count: 8) }
    #expect(bytes == [0, 0x41, 0x22, 0x5C, 0x0A, 0xFF, 0x80, 0x7E])
  }

  @Test func unpackRefusesACountTheTextCannotHold() {
    let text: StaticString = "abcdefg\0"
    #expect(text.withUTF8Buffer { BuiltInKnowledge.unpack($0, count: 8) }.isEmpty)
    #expect(text.withUTF8Buffer { BuiltInKnowledge.unpack($0, count: 7) } == Array("abcdefg".utf8))
  }
}
