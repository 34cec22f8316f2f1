import Testing

// The closest-example table and the BM25 postings are internal; nothing public shows them.
@testable import BacktalkCore

/// A question of one known stem takes each intent's closest example from the table built at
/// load; its scores must be those of measuring every example that holds the stem.
@Suite struct IntentIndexClosestTests {
  /// Examples of different weights holding "ice", in both intents, so the lightest is neither
  /// the first nor the last of an intent.
  let index = IntentIndex(
    examples: [
      ("ice", [["ice", "pack", "long", "time"], ["ice", "cold"], ["ice", "pack", "bag"]]),
      ("heat", [["heat", "pad"], ["heat", "ice", "bath", "warm"], ["ice", "heat"]]),
      ("walk", [["walk", "far"]]),
    ],
    keywords: [:], stopwords: [])

  @Test(arguments: ["ice", "heat", "pack"])
  func oneStemQuestionScoresAsEveryExampleMeasured(_ word: String) throws {
    let stem = try #require(index.terms[word]?.stem)
    let weight = index.idf[stem]
    let holding = (index.exampleStarts[stem]..<index.exampleStarts[stem + 1]).map {
      index.examplePostings[$0]
    }
    let matches = index.matches(for: [word], limit: index.intentIDs.count)
    for posting in index.postings[index.postingStarts[stem]..<index.postingStarts[stem + 1]] {
      // The example-by-example loop: each example's overlap is the stem's weight alone.
      var closest = 0.0
      for example in holding where index.exampleIntent[example] == posting.intent {
        let overlap: Double = 0 + weight
        let queryWeight: Double = 0 + weight
        let dice: Double = 2 * overlap / (queryWeight + index.exampleWeight[example])
        closest = max(closest, dice)
      }
      let bm25: Double = 0 + posting.score
      let expected: Double = bm25 + IntentIndex.exampleWeightFactor * closest
      let match = try #require(matches.first { $0.intent == index.intentIDs[posting.intent] })
      #expect(match.score.bitPattern == expected.bitPattern, "\(match.intent) for \(word)")
    }
  }

  /// Questions of several known stems, over the real knowledge: the closest example of every
  /// intent is the one measuring every example finds, though the commonest stem's examples
  /// are not walked (told by its bitmap, or by the stems of a rare stem's examples).
  @Test(arguments: [
    ["back", "spasm"], ["ice", "heat", "back"], ["how", "long", "ice"], ["driv", "car", "back"],
    ["sleep", "bed", "side", "pillow", "back", "spasm"], ["walk", "spasm", "walk", "run"],
    // Rare stems only: the commonest of them has no bitmap, so its examples' stems are read.
    ["jacuzzi", "tub", "pillow"], ["mattress", "firm"],
  ])
  func severalStemQuestionsFindEveryClosestExample(_ words: [String]) {
    let index = Fixture.responder.index
    var known: [(stemID: Int, weight: Double)] = []
    for word in words {
      guard let stemID = index.terms[word]?.stem, stemID >= 0,
        !known.contains(where: { $0.stemID == stemID })
      else { continue }
      known.append((stemID, index.idf[stemID]))
    }
    var queryWeight = 0.0
    for entry in known { queryWeight += entry.weight }
    // Every example, its overlap added stem by stem in the question's order.
    var expected = [Double](repeating: 0, count: index.intentIDs.count)
    for example in index.exampleIntent.indices {
      let stems = index.exampleStemIDs[
        index.exampleStemStarts[example]..<index.exampleStemStarts[example + 1]]
      var overlap = 0.0
      var holds = false
      for entry in known where stems.contains(entry.stemID) {
        overlap += entry.weight
        holds = true
      }
      guard holds else { continue }
      let dice: Double = 2 * overlap / (queryWeight + index.exampleWeight[example])
      expected[index.exampleIntent[example]] = max(expected[index.exampleIntent[example]], dice)
    }
    let scratch = index.scratch.take()
    index.setClosest(known, queryWeight: queryWeight, scratch)
    for intent in expected.indices {
      #expect(
        scratch.closest[intent].bitPattern == expected[intent].bitPattern,
        "\(index.intentIDs[intent]) for \(words)")
      scratch.closest[intent] = 0
    }
    #expect(scratch.overlap.allSatisfy { $0 == 0 })
    #expect(scratch.exampleBits.allSatisfy { $0 == 0 })
    index.scratch.giveBack(scratch)
  }
}
