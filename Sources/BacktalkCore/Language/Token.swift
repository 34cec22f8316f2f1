/// One word of a question after folding, expansion, correction and synonyms; or a clause break.
public struct Token: Sendable, Equatable {
  /// The folded word, as corrected and after synonyms; empty for a punctuation break.
  public var word: String
  /// The word's light stem, which matching compares.
  public var stem: String
  /// The word as typed, when a typo correction or synonym changed it.
  public var typed: String?
  /// Whether this token ends a clause (`,` `.` `?` `;` or a word such as `but`).
  public var isBreak: Bool {
    get { fields & Self.breakBit != 0 }
    set { fields = newValue ? fields | Self.breakBit : fields & ~Self.breakBit }
  }

  /// The numbers of `stem` and `word` in the analyzer that made the token
  /// (`TextAnalyzer.number(of:)`), or -1: for a string it does not number, or for a token
  /// made elsewhere. A table keyed by those numbers answers for the string without hashing it;
  /// -1 asks the string.
  var stemID: Int32 {
    get { Int32(truncatingIfNeeded: fields & 0xFFFF_FFFF) &- 1 }
    set { fields = fields & ~0xFFFF_FFFF | UInt64(UInt32(bitPattern: newValue &+ 1)) }
  }

  var wordID: Int32 {
    get { Int32(truncatingIfNeeded: (fields >> 32) & 0x7FFF_FFFF) &- 1 }
    set {
      fields = fields & ~(0x7FFF_FFFF << 32) | UInt64(UInt32(bitPattern: newValue &+ 1)) << 32
    }
  }

  /// `stemID` and `wordID`, each one more (0 for -1), in bits 0 to 31 and 32 to 62, and
  /// `isBreak` in bit 63: one field beside the three strings keeps a token's copy three
  /// retains inline, where a fifth field made every copy call out to the value witness.
  private var fields: UInt64 = 0
  private static let breakBit: UInt64 = 1 << 63

  public init(word: String, stem: String, typed: String? = nil, isBreak: Bool = false) {
    self.word = word
    self.stem = stem
    self.typed = typed
    self.isBreak = isBreak
  }

  /// A token with the numbers of its strings, as the analyzer makes it.
  init(
    word: String, stem: String, typed: String? = nil, isBreak: Bool = false, wordID: Int32,
    stemID: Int32
  ) {
    self.init(word: word, stem: stem, typed: typed, isBreak: isBreak)
    self.wordID = wordID
    self.stemID = stemID
  }

  /// Tokens are equal when their strings are: the numbers follow from them.
  public static func == (left: Token, right: Token) -> Bool {
    left.word == right.word && left.stem == right.stem && left.typed == right.typed
      && left.isBreak == right.isBreak
  }

  /// A clause break standing for punctuation.
  public static let punctuationBreak = Token(word: "", stem: "", isBreak: true)
  /// A clause break standing for a comma, which ends a clause but not a question.
  public static let commaBreak = Token(word: "", stem: "", typed: ",", isBreak: true)

  /// Whether this is a comma: "no numbness, just stiff" is one question.
  public var isComma: Bool { isPunctuation && typed == "," }

  /// Whether this is a break with no word, from punctuation.
  public var isPunctuation: Bool { isBreak && word.isEmpty }

  /// Whether the word, as typed or as folded by synonyms, is one of these.
  public func isOne(of words: Set<String>) -> Bool {
    words.contains(typed ?? word) || words.contains(word)
  }

  /// Whether the word, as typed or as folded by synonyms, is in a table of words.
  func isOne(of words: WordTable<Bool>) -> Bool {
    words.contains(typed ?? word) || words.contains(word)
  }
}

/// A question turned into tokens, with a record of what was changed on the way.
public struct AnalyzedText: Sendable, Equatable {
  public var tokens: [Token]
  /// Typo corrections made, typed word first.
  public var corrections: [Rewrite]
  /// Synonyms applied, typed phrase first.
  public var synonyms: [Rewrite]
  /// Whether a correction turned a common English word into a red-flag word ("bowl" into
  /// "bowel"), a reading only triage should act on.
  public var correctedCommonWord = false

  public init(tokens: [Token], corrections: [Rewrite] = [], synonyms: [Rewrite] = []) {
    self.tokens = tokens
    self.corrections = corrections
    self.synonyms = synonyms
  }

  /// The stems of the word tokens, in order, without breaks.
  public var stems: [String] {
    // One pass, without the array of tokens a `filter` would copy first.
    var stems: [String] = []
    stems.reserveCapacity(tokens.count)
    for token in tokens where !token.isPunctuation { stems.append(token.stem) }
    return stems
  }
}

/// One change made while analysing a question: what was typed and what it became.
public struct Rewrite: Sendable, Equatable {
  public var from: String
  public var to: String

  public init(from: String, to: String) {
    self.from = from
    self.to = to
  }
}
