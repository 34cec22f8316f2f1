import BacktalkCore
import Testing

@Suite struct WordListTests {
  let list = WordList(sortedWords: ["apple", "bowls", "shoes", "sink", "zebra"])
  /// The one intent a knowledge folder needs to load.
  let intents = KnowledgeFile(
    path: "Intents/about.yml",
    text: "- intent: disclaimer\n  examples: [x]\n  answer: Not advice.\n")

  @Test func findsEveryWordAndNothingElse() {
    for word in ["apple", "bowls", "shoes", "sink", "zebra"] { #expect(list.contains(word)) }
    for word in ["", "a", "appl", "apples", "bowl", "shoe", "sinks", "zebras", "aaaa", "zzzz"] {
      #expect(!list.contains(word))
    }
    #expect(!WordList().contains("apple"))
  }

  @Test func loadsFromLexiconTextAndReportsBadLines() throws {
    let loaded = try KnowledgeLoader.load([
      intents, KnowledgeFile(path: "Lexicon/words.txt", text: "# real words\napple\nsink\n"),
    ])
    #expect(loaded.lexicon.realWords.contains("sink"))
    #expect(!loaded.lexicon.realWords.contains("real"))
    do {
      _ = try KnowledgeLoader.load([
        intents, KnowledgeFile(path: "Lexicon/words.txt", text: "sink\napple\nBad word\n"),
      ])
      Issue.record("an unsorted list with a bad line loaded")
    } catch {
      #expect(error.errors.map(\.line) == [2, 3])
      #expect(error.errors[0].fix.contains("LC_ALL=C sort -u"))
      #expect(error.errors[1].problem.contains("not one lowercase word"))
    }
  }

  @Test func mergesListsInOrderWithoutRepeats() {
    let other = WordList(sortedWords: ["bowl", "shoes", "zoo"])
    #expect(
      list.merged(with: other)
        == WordList(sortedWords: ["apple", "bowl", "bowls", "shoes", "sink", "zebra", "zoo"]))
    #expect(WordList().merged(with: other) == other)
    #expect(other.merged(with: WordList()) == other)
  }

  @Test func aCommonFileIsBothRealAndCommon() throws {
    let loaded = try KnowledgeLoader.load([
      intents, KnowledgeFile(path: "Lexicon/words.txt", text: "serous\n"),
      KnowledgeFile(path: "Lexicon/common-words.txt", text: "bowl\ngrab\n"),
    ])
    for word in ["serous", "bowl", "grab"] { #expect(loaded.lexicon.realWords.contains(word)) }
    #expect(loaded.lexicon.commonWords.contains("bowl"))
    #expect(!loaded.lexicon.commonWords.contains("serous"))
  }

  @Test func matchingReadsACommonWordAsTypedButTriageDoesNot() {
    let analyzer = Fixture.responder.analyzer
    // "bowl" is one slip from "bowel": triage reads the red-flag word, matching the bowl.
    #expect(analyzer.analyze("a bowl of soup").corrections.map(\.to) == ["bowel"])
    #expect(analyzer.analyze("a bowl of soup").correctedCommonWord)
    let matched = analyzer.analyze("a bowl of soup", correctingCommonWords: false)
    #expect(matched.corrections.isEmpty && matched.tokens.map(\.word).contains("bowl"))
    // A rare real word is more likely a slip, and is corrected for both.
    #expect(
      analyzer.analyze("is a back spasm serous", correctingCommonWords: false).corrections
        == [Rewrite(from: "serous", to: "serious")])
    #expect(Fixture.responder.reply(to: "lost control of my bowls").triage == .emergency)
    // The responder matches the line as typed: no candidate was found by the bowel.
    let bowel = Stemmer.stem("bowel")
    let reply = Fixture.responder.reply(to: "is a bowl of soup ok")
    #expect(!reply.explanation.candidates.contains { $0.matchedStems.contains(bowel) })
    #expect(reply.explanation.corrections == [Rewrite(from: "bowl", to: "bowel")])
  }

  @Test func correctionLeavesRealWordsAloneUnlessARedFlagWordIsOneSlipAway() {
    let analyzer = Fixture.responder.analyzer
    // "shoes" is one neighbouring key from "shows", which the knowledge uses.
    #expect(analyzer.analyze("what shoes should i wear").corrections.isEmpty)
    // "bowls" is a real word too, but "bowels" belongs to an emergency rule.
    #expect(
      analyzer.analyze("lost control of my bowls").corrections
        == [Rewrite(from: "bowls", to: "bowels")])
    #expect(Fixture.responder.reply(to: "lost control of my bowls").triage == .emergency)
  }
}
