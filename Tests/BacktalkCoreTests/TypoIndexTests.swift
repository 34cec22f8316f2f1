import Testing

// The index's lookup and the analyzer's full scan are internal: the analyzer's corrections are
// their only public face, and these tests pin that the two agree.
@testable import BacktalkCore

@Suite struct TypoIndexTests {
  let words = ["drive", "driving", "heat", "heating", "exercises", "exercise", "bowels", "sit"]
  var index: TypoIndex { TypoIndex(words: words) }

  func candidates(of typed: String, limit: Int) -> Set<String> {
    let index = index
    return Set(
      index.candidates(of: Array(typed.utf8), limit: limit).map { position in
        index.withWord(at: position) { String(decoding: $0, as: UTF8.self) }
      })
  }

  @Test(arguments: [
    ("drvie", "drive"), ("drve", "drive"), ("drivve", "drive"), ("drice", "drive"),
    ("heet", "heat"), ("bowls", "bowels"), ("sitt", "sit"),
  ])
  func findsAWordOneEditAway(_ typed: String, _ meant: String) {
    #expect(candidates(of: typed, limit: 1).contains(meant))
  }

  @Test(arguments: [("exrcise", "exercises"), ("hetng", "heating"), ("drvng", "driving")])
  func findsALongWordTwoEditsAway(_ typed: String, _ meant: String) {
    #expect(candidates(of: typed, limit: 2).contains(meant))
    #expect(!candidates(of: typed, limit: 1).contains(meant))
  }

  @Test func neverOffersAWordWithAnotherFirstLetter() {
    #expect(!candidates(of: "crive", limit: 1).contains("drive"))
  }

  @Test func leavesOutWordsTooShortToCorrectTo() {
    #expect(TypoIndex(words: ["at", "it"]).entries.isEmpty)
  }

  @Test func findsEveryWordWithinOneEditOfAnyTypedWord() {
    for word in words {
      let letters = Array(word.utf8)
      var typed: Set<String> = []
      for position in letters.indices {
        var dropped = letters
        dropped.remove(at: position)
        typed.insert(String(decoding: dropped, as: UTF8.self))
        var doubled = letters
        doubled.insert(letters[position], at: position)
        typed.insert(String(decoding: doubled, as: UTF8.self))
      }
      for variant in typed where variant.first == word.first {
        #expect(candidates(of: variant, limit: 1).contains(word), "\(variant) -> \(word)")
      }
    }
  }

  @Test(arguments: [
    "drvie", "exersizes", "bowls", "sink", "heet", "leading", "stretchs", "numbnes", "tailbne",
    "sciatia", "physiotherpy", "excercise",
  ])
  func correctsAsAFullScanDoes(_ typed: String) {
    let analyzer = Fixture.responder.analyzer
    #expect(analyzer.correction(for: typed) == analyzer.correction(for: typed, scanningAll: true))
  }

  /// Typos made from the knowledge's own words (a letter dropped, doubled, swapped or turned
  /// into a neighbour), corrected through the index and by measuring every known word.
  @Test func correctsTyposOfTheKnowledgeAsAFullScanDoes() {
    let analyzer = Fixture.responder.analyzer
    let known = analyzer.vocabulary.keys.sorted().filter { $0.utf8.count >= 4 }
    var corrected = 0
    for (number, word) in known.enumerated() where number % 4 == 0 {
      let letters = Array(word.utf8)
      let position = number % (letters.count - 1) + 1
      var variants: [[UInt8]] = []
      var dropped = letters
      dropped.remove(at: position)
      variants.append(dropped)
      var doubled = letters
      doubled.insert(letters[position], at: position)
      variants.append(doubled)
      var swapped = letters
      swapped.swapAt(position - 1, position)
      variants.append(swapped)
      var changed = letters
      changed[position] = letters[position] == 0x65 ? 0x61 : 0x65
      variants.append(changed)
      for variant in variants {
        let typed = String(decoding: variant, as: UTF8.self)
        let fromIndex = analyzer.correction(for: typed)
        #expect(fromIndex == analyzer.correction(for: typed, scanningAll: true), "\(typed)")
        if fromIndex != nil { corrected += 1 }
      }
    }
    // Most of these typos are corrected, so the comparison is not of nils alone.
    #expect(corrected > 500)
  }
}
