import BacktalkCore
import Testing

@Suite struct KnowledgeSnapshotTests {
  @Test func roundTripsKnowledgeAndWhatWasDerived() throws {
    let knowledge = Fixture.knowledge
    let compiled = Fixture.responder.compiled
    let (decoded, decodedCompiled) = try KnowledgeSnapshot.decode(
      KnowledgeSnapshot.encode(knowledge, compiled: compiled))
    #expect(decoded.intents == knowledge.intents)
    #expect(decoded.documents == knowledge.documents)
    // The real-word lists stay out of the snapshot: the command loads them when first needed.
    var lexicon = knowledge.lexicon
    #expect(!lexicon.realWords.isEmpty && decoded.lexicon.realWords.isEmpty)
    #expect(!lexicon.commonWords.isEmpty && decoded.lexicon.commonWords.isEmpty)
    lexicon.realWords = WordList()
    lexicon.commonWords = WordList()
    #expect(decoded.lexicon == lexicon)
    #expect(decodedCompiled == compiled)
  }

  @Test func aRestoredResponderAnswersTheSame() throws {
    let (knowledge, compiled) = try KnowledgeSnapshot.decode(
      KnowledgeSnapshot.encode(Fixture.knowledge, compiled: Fixture.responder.compiled))
    let restored = Responder(knowledge: knowledge, compiled: compiled)
    for question in [
      "can i drvie", "I wet myself", "hot tub and swimming?", "no numbness, ice or heat",
    ] {
      #expect(restored.reply(to: question) == Fixture.responder.reply(to: question))
    }
  }

  @Test(arguments: [[UInt8](), [1, 2, 3], Array("BTK".utf8)])
  func rejectsBytesThatAreNotASnapshot(_ bytes: [UInt8]) {
    #expect(throws: KnowledgeSnapshot.FormatError.self) { try KnowledgeSnapshot.decode(bytes) }
  }

  @Test func rejectsATruncatedSnapshot() {
    let bytes = KnowledgeSnapshot.encode(Fixture.knowledge, compiled: Fixture.responder.compiled)
    #expect(throws: KnowledgeSnapshot.FormatError.self) {
      try KnowledgeSnapshot.decode(Array(bytes.dropLast(5)))
    }
  }
}
