import Testing

// `WordTable` is internal: it stands behind the analyzer, the index and the scanner.
@testable import BacktalkCore

@Suite struct WordTableTests {
  static let words = [
    "back": 1, "spasm": 2, "": 3, "k": 4, "hot tub": 5, "a": 6, "ab": 7, "ba": 8, "K": 9,
  ]
  static let questions = [
    "back", "spasm", "", "k", "hot tub", "a", "ab", "ba", "b", "backs", "bac", "BACK", "K",
    "\u{212A}", "caf\u{E9}", "cafe\u{301}", "zzzz", " back",
  ]

  /// Whatever is asked, plain or not, the table answers as the dictionary does.
  @Test(arguments: questions)
  func answersAsItsDictionary(_ word: String) {
    let table = WordTable(Self.words)
    #expect(table[word] == Self.words[word])
    #expect(table.contains(word) == (Self.words[word] != nil))
  }

  /// A key outside ASCII makes every lookup go through the dictionary, which treats
  /// canonically equivalent strings as one: "é" written as one scalar or as two.
  @Test(arguments: questions)
  func answersAsItsDictionaryWithKeysOutsideASCII(_ word: String) {
    let words = ["caf\u{E9}": 1, "k": 2, "\u{212A}elvin": 3, "back": 4]
    let table = WordTable(words)
    #expect(table[word] == words[word])
    #expect(table["cafe\u{301}"] == 1)
  }

  @Test func findsEveryKeyOfALargeTableAndNothingElse() {
    let words = Dictionary(uniqueKeysWithValues: (0..<5000).map { ("w\($0)", $0) })
    let table = WordTable(words)
    let misses = (0..<5100).filter { number in table["w\(number)"] != words["w\(number)"] }
    #expect(misses.isEmpty)
    #expect(WordTable<Int>()["w1"] == nil)
  }

  @Test func standsForASetOfWords() {
    let set = WordTable(Set(["can", "i"]))
    #expect(set.contains("can") && set.contains("i") && !set.contains("cant"))
  }
}
