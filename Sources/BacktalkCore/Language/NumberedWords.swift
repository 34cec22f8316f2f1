/// A set of words that answers for a token by the analyzer's number of its word or stem
/// (`Token.wordID`, `Token.stemID`), an array read, and for any other string as the set does.
struct NumberedWords: Sendable {
  /// The words, for strings without a number.
  let table: WordTable<Bool>
  /// Whether each number's string is one of the words; empty until `number(by:)`.
  private(set) var byNumber: [Bool] = []

  init(_ words: Set<String>) {
    table = WordTable(words)
  }

  /// Files the words by an analyzer's numbers; tokens are then told by number when they come
  /// from that analyzer.
  mutating func number(by analyzer: TextAnalyzer) {
    var byNumber = [Bool](repeating: false, count: analyzer.numberCount)
    for word in table.dictionary.keys {
      if let number = analyzer.number(of: word) { byNumber[Int(number)] = true }
    }
    self.byNumber = byNumber
  }

  /// Whether a string is one of the words.
  func contains(_ word: String) -> Bool { table.contains(word) }

  /// Whether a string with the analyzer's number (-1 for none) is one of the words.
  @inline(__always)
  func contains(_ string: String, number: Int32) -> Bool {
    number >= 0 && Int(number) < byNumber.count ? byNumber[Int(number)] : table.contains(string)
  }

  /// Whether a token's folded word is one of the words.
  func containsWord(of token: Token) -> Bool { contains(token.word, number: token.wordID) }

  /// Whether a token's stem is one of the words.
  func containsStem(of token: Token) -> Bool { contains(token.stem, number: token.stemID) }
}

extension Token {
  /// Whether the word, as typed or as folded by synonyms, is one of a set of words.
  func isOne(of words: NumberedWords) -> Bool {
    // A typed word has no number of its own; most tokens have none.
    if let typed, words.contains(typed) { return true }
    return words.containsWord(of: self)
  }
}
