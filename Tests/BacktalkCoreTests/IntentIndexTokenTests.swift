import Testing

// The token lookups are internal: selection calls them, nothing public does.
@testable import BacktalkCore

/// The index tells an analyzed token by its stem's number exactly as it tells the stem.
@Suite struct IntentIndexTokenTests {
  let responder = Fixture.responder

  @Test(arguments: [
    "can i drive with a back spasm", "hot tub and swimming?", "no numbness, ice or heat",
    "what is a spasm and why does it hurt", "can i get a tattoo", "heat pad for how long",
  ])
  func tokensAreToldAsTheirStems(question: String) {
    let analyzed = responder.analyzer.analyze(question)
    for index in [responder.index, responder.passageIndex] {
      for token in analyzed.tokens {
        #expect(index.knows(token) == index.knows(token.stem))
        #expect(index.isInformative(token) == index.isInformative(token.stem))
        #expect(index.isTelling(token) == index.isTelling(token.stem))
      }
      #expect(index.isInformative(analyzed) == index.isInformative(analyzed.stems))
      #expect(index.holdsKeyword(analyzed) == index.holdsKeyword(analyzed.stems))
      #expect(
        index.holdsKeyword(stemsOf: analyzed.tokens)
          == index.holdsKeyword(analyzed.tokens.map(\.stem)))
      #expect(index.matches(for: analyzed) == index.matches(for: analyzed.stems))
      #expect(
        index.matches(forStemsOf: analyzed.tokens, context: ["ice"], limit: 3)
          == index.matches(for: analyzed.tokens.map(\.stem), context: ["ice"], limit: 3))
    }
  }
}
