import Foundation

/// Turns text into tokens: folds case and accents, expands contractions and number words,
/// corrects typos against the knowledge's own vocabulary, stems, and applies synonyms.
///
/// Built once from the lexicon and the vocabulary; analysing text does no I/O and is pure.
public struct TextAnalyzer: Sendable {
  let lexicon: Lexicon
  /// Words the knowledge uses, with how often, for typo correction.
  let vocabulary: [String: Int]
  /// Known words by their deletions, so a correction only compares words within reach.
  let typoIndex: TypoIndex
  /// Synonym variants as stem sequences, to the canonical stems.
  let synonymStems: [[String]: [String]]
  let longestSynonym: Int
  /// Stems that can start a synonym variant, to skip the lookup for all other words.
  let synonymStarts: Set<String>
  /// Words a correction prefers on a tie: the words of red-flag triggers, since missing one
  /// costs more than any other mistake.
  let priorityWords: Set<String>
  /// Pairs of adjacent words in the knowledge, such as "heating pad", for corrections in context.
  let bigrams: Set<String>
  /// Stems of the known words, worked out once.
  let stemCache: [String: String]
  /// What analysing needs to know of a word or a stem, found by one lookup each: the
  /// vocabulary, stem cache, number words, contractions and clause breaks by word, the
  /// duration units and synonym starts by stem.
  ///
  /// It also numbers every word, stem and marker the analyzer can put in a token
  /// (`WordFacts.id`, `number(of:)`), so later stages key their tables by number.
  let wordFacts: WordTable<WordFacts>
  /// The facts of each stem, by its number (`Token.stemID`); every stem with facts has one.
  let stemFacts: [StemFacts]
  /// The lexicon's `duration_fractions` as words, in the order the lexicon's table gives
  /// them, split once rather than at every duration.
  let durationFractions: [(words: [String], value: Double)]

  /// A class, so a lookup hands over one reference instead of copying the strings.
  final class WordFacts: Sendable {
    /// The string's number (`Token.wordID`, `Token.stemID`).
    let id: Int32
    /// The number of `stem`, -1 for none.
    let stemID: Int32
    /// How often the knowledge uses the word (`vocabulary`); nil for a word it does not know.
    let count: Int?
    let stem: String?
    /// The digits of a number word (`Lexicon.numbers`).
    let number: String?
    /// A contraction's words written out (`Lexicon.expanded(_:)`).
    let expansion: [String]?
    let isBreak: Bool

    init(_ draft: Draft, stemID: Int32) {
      id = draft.id
      self.stemID = stemID
      count = draft.count
      stem = draft.stem
      number = draft.number
      expansion = draft.expansion
      isBreak = draft.isBreak
    }

    struct Draft {
      var id: Int32 = -1
      var count: Int?
      var stem: String?
      var number: String?
      var expansion: [String]?
      var isBreak = false
    }
  }

  struct StemFacts: Sendable {
    /// The days of a duration unit (`Lexicon.durationUnits`).
    var durationUnit: Double?
    /// The lengths, in stems, of the synonym variants that start with this stem, one bit
    /// each (bit 63 for 63 or more); 0 when none does.
    var synonymLengths: UInt64 = 0

    static func bit(ofLength length: Int) -> UInt64 { 1 << UInt64(min(length, 63)) }
  }

  /// Creates an analyzer from a lexicon and the words the knowledge is written in.
  /// - Parameters:
  ///   - vocabularyText: what questions are matched against (examples, keywords, titles).
  ///   - knownText: other text whose words are known but never chosen over matching words
  ///     when correcting (answers).
  ///   - priorityText: red-flag triggers, whose words win a tie.
  public init(
    lexicon: Lexicon, vocabularyText: [String], knownText: [String] = [],
    priorityText: [String] = []
  ) {
    var counts: [String: Int] = [:]
    var bigrams: Set<String> = []
    let plain = TextAnalyzer(
      lexicon: lexicon, vocabulary: [:], synonymStems: [:], priorityWords: [], bigrams: [])
    for text in vocabularyText {
      let words = plain.words(of: text)
      for word in words { counts[word, default: 0] += 1 }
      for (first, second) in zip(words, words.dropFirst()) { bigrams.insert(first + " " + second) }
    }
    // Words known only from answers get no count, so a correction prefers matching words.
    for text in knownText {
      for word in plain.words(of: text) where counts[word] == nil { counts[word] = 0 }
    }
    for word in lexicon.stopwords.union(lexicon.negationCues).union(lexicon.negationFillers)
      .union(lexicon.negationBlockers).union(lexicon.clauseBreaks)
    {
      counts[word, default: 0] += 1
    }
    for phrase in Array(lexicon.synonyms.keys) + Array(lexicon.synonyms.values)
      + Array(lexicon.contractions.keys) + Array(lexicon.numbers.keys)
    {
      for word in plain.words(of: phrase) { counts[word, default: 0] += 1 }
    }
    // A phrase is read as a question is, contractions and number words included, so the
    // variant "number two" meets the question's "number 2".
    func stems(of phrase: String) -> [String] {
      plain.words(of: phrase).flatMap(lexicon.expanded)
        .map { Stemmer.stem(lexicon.numbers[$0] ?? $0) }
    }
    var synonyms: [[String]: [String]] = [:]
    for (variant, canonical) in lexicon.synonyms {
      let from = stems(of: variant)
      let to = stems(of: canonical)
      if !from.isEmpty && from != to { synonyms[from] = to }
    }
    var priority = Set(priorityText.flatMap(plain.words(of:)))
    for (variant, canonical) in lexicon.synonyms
    where !priority.isDisjoint(with: plain.words(of: canonical)) {
      priority.formUnion(plain.words(of: variant))
    }
    for word in priority { counts[word, default: 0] += 1 }
    self.init(
      lexicon: lexicon, vocabulary: counts, synonymStems: synonyms, priorityWords: priority,
      bigrams: bigrams)
  }

  /// Recreates an analyzer from the parts of one built earlier (see `parts`).
  public init(lexicon: Lexicon, parts: Parts) {
    self.init(lexicon: lexicon, parts: parts, numbering: nil)
  }

  /// Recreates an analyzer from the parts and the numbering of one built earlier (see
  /// `parts` and `numbering`); without a numbering, the strings are numbered here.
  init(lexicon: Lexicon, parts: Parts, numbering: Numbering?) {
    self.init(
      lexicon: lexicon, vocabulary: parts.vocabulary, synonymStems: parts.synonymStems,
      priorityWords: parts.priorityWords, bigrams: parts.bigrams, stemCache: parts.stemCache,
      typoIndex: parts.typoIndex, numbering: numbering)
  }

  /// What an analyzer is built from, so it can be stored at build time and restored at once.
  public struct Parts: Sendable, Equatable {
    public var vocabulary: [String: Int]
    public var synonymStems: [[String]: [String]]
    public var priorityWords: Set<String>
    public var bigrams: Set<String>
    public var stemCache: [String: String]
    /// The vocabulary filed for typo correction.
    public var typoIndex: TypoIndex

    /// Creates the parts; without a typo index, one is built from the vocabulary.
    public init(
      vocabulary: [String: Int], synonymStems: [[String]: [String]], priorityWords: Set<String>,
      bigrams: Set<String>, stemCache: [String: String], typoIndex: TypoIndex? = nil
    ) {
      self.vocabulary = vocabulary
      self.synonymStems = synonymStems
      self.priorityWords = priorityWords
      self.bigrams = bigrams
      self.stemCache = stemCache
      self.typoIndex = typoIndex ?? TypoIndex(words: vocabulary.keys)
    }
  }

  /// The parts this analyzer was built from.
  public var parts: Parts {
    Parts(
      vocabulary: vocabulary, synonymStems: synonymStems, priorityWords: priorityWords,
      bigrams: bigrams, stemCache: stemCache, typoIndex: typoIndex)
  }

  private init(
    lexicon: Lexicon, vocabulary: [String: Int], synonymStems: [[String]: [String]],
    priorityWords: Set<String>, bigrams: Set<String>, stemCache: [String: String]? = nil,
    typoIndex: TypoIndex? = nil, numbering: Numbering? = nil
  ) {
    self.priorityWords = priorityWords
    self.bigrams = bigrams
    self.stemCache =
      stemCache ?? Dictionary(uniqueKeysWithValues: vocabulary.keys.map { ($0, Stemmer.stem($0)) })
    self.lexicon = lexicon
    self.vocabulary = vocabulary
    self.synonymStems = synonymStems
    self.longestSynonym = synonymStems.keys.map(\.count).max() ?? 0
    self.synonymStarts = Set(synonymStems.keys.compactMap(\.first))
    self.typoIndex = typoIndex ?? TypoIndex(words: vocabulary.keys)
    let numbering =
      numbering
      ?? Numbering(
        lexicon: lexicon, vocabulary: vocabulary, stemCache: self.stemCache,
        synonymStems: synonymStems)
    wordFacts = Self.wordTable(numbering, lexicon: lexicon)
    var stemFacts = [StemFacts](repeating: StemFacts(), count: numbering.strings.count)
    // Every stem with facts is numbered (`Numbering.init`).
    for (stem, days) in lexicon.durationUnits {
      stemFacts[Int(wordFacts[stem]!.id)].durationUnit = days
    }
    for variant in synonymStems.keys {
      guard let first = variant.first else { continue }
      stemFacts[Int(wordFacts[first]!.id)].synonymLengths |= StemFacts.bit(
        ofLength: variant.count)
    }
    self.stemFacts = stemFacts
    durationFractions = lexicon.durationFractions.map { phrase, value in
      (phrase.split(separator: " ").map(String.init), value)
    }
  }

  /// The number of a word or stem (`Token.wordID`, `Token.stemID`), nil for a string the
  /// analyzer does not number: no token it makes holds that string with a number.
  func number(of string: String) -> Int32? { wordFacts[string]?.id }

  /// How many strings the analyzer numbers: numbers run from 0 to this less one.
  var numberCount: Int { stemFacts.count }

  /// A token of a word, with the numbers of its strings; `facts` are the word's own.
  fileprivate func token(_ word: String, _ facts: WordFacts?, typed: String? = nil) -> Token {
    let stem: String
    let stemID: Int32
    if let known = facts?.stem {
      stem = known
      stemID = facts?.stemID ?? -1
    } else {
      stem = Stemmer.stem(word)
      stemID = number(of: stem) ?? -1
    }
    return Token(
      word: word, stem: stem, typed: typed, isBreak: facts?.isBreak ?? false,
      wordID: facts?.id ?? -1, stemID: stemID)
  }

  /// A token whose word is its stem (a marker, a synonym's canonical stem).
  fileprivate func token(stem: String, typed: String) -> Token {
    let id = number(of: stem) ?? -1
    return Token(word: stem, stem: stem, typed: typed, wordID: id, stemID: id)
  }

  /// Analyses a question or a knowledge phrase into tokens.
  ///
  /// - Parameters:
  ///   - correcting: whether to correct unknown words (off for the knowledge itself).
  ///   - correctingCommonWords: whether a common English word may become a red-flag word
  ///     ("bowls" for "bowels"). Triage wants that reading; matching does not ("a bowl of
  ///     soup"). A rare real word is more likely a slip ("serous" for "serious") and is
  ///     corrected either way.
  /// - Complexity: O(*n*) in the text's length, plus a lookup of each unknown word's
  ///   deletions in the typo index.
  public func analyze(
    _ text: String, correcting: Bool = true, correctingCommonWords: Bool = true
  ) -> AnalyzedText {
    var result = AnalyzedText(tokens: [])
    var tokens: [Token] = []
    let allPieces = pieces(of: text)
    tokens.reserveCapacity(allPieces.count)
    for (position, piece) in allPieces.enumerated() {
      guard let word = piece, !word.isEmpty else {
        // A comma before a likeness keeps the clause whole: "my chest, like a band squeezing".
        let continues =
          piece != nil && position + 1 < allPieces.count
          && allPieces[position + 1].map(lexicon.simileWords.contains) == true
        if !continues, tokens.last?.isPunctuation == false || tokens.last == nil {
          tokens.append(piece == nil ? .punctuationBreak : .commaBreak)
        }
        continue
      }
      // Adds the tokens of one part of the word, with what the lookups said of it.
      func add(_ part: String, _ partFacts: WordFacts?) {
        var word = partFacts?.number ?? part
        var known = partFacts?.number == nil ? partFacts : wordFacts[word]
        // A number word of tens and one of units are one number: "sixty-seven" is 67.
        if let units = partFacts?.number, units.utf8.count == 1, units != "0", position > 0,
          let previous = allPieces[position - 1], let tens = lexicon.numbers[previous],
          tens.utf8.count == 2, tens.hasSuffix("0"), tens != "10", tokens.last?.word == tens
        {
          tokens.removeLast()
          word = String(tens.dropLast()) + units
          known = wordFacts[word]
        }
        var typed: String?
        // A word the vocabulary holds is never corrected.
        if correcting, known?.count == nil,
          let fixed = correction(
            for: word,
            between: (
              position > 0 ? allPieces[position - 1] : nil,
              position + 1 < allPieces.count ? allPieces[position + 1] : nil
            ))
        {
          // A correction of a real word is always into a red-flag word.
          let isCommonWord = lexicon.commonWords.contains(word)
          if isCommonWord && !correctingCommonWords {
            tokens.append(token(word, known))
            return
          }
          result.correctedCommonWord = result.correctedCommonWord || isCommonWord
          result.corrections.append(Rewrite(from: word, to: fixed))
          // A correction into a contraction ("cnat" to "cant") is written out as one would
          // be: the first word shows what was typed, the others show nothing of their own.
          if let written = wordFacts[fixed]?.expansion {
            for (index, written) in written.enumerated() {
              tokens.append(token(written, wordFacts[written], typed: index == 0 ? word : ""))
            }
            return
          }
          typed = word
          word = fixed
          known = wordFacts[word]
        }
        tokens.append(token(word, known, typed: typed))
      }
      // One lookup answers for the word, unless it is a contraction or a number word.
      let facts = wordFacts[word]
      if let expansion = facts?.expansion {
        for part in expansion { add(part, wordFacts[part]) }
      } else if Self.hasDigit(word) {
        // A number with letters run on to it ("62m") is read as two words
        // (`Lexicon.expanded`); a word with no digit is itself, without a one-word array.
        let parts = Lexicon.numberApart(word)
        for part in parts { add(part, parts.count == 1 ? facts : wordFacts[part]) }
      } else {
        add(word, facts)
      }
    }
    // A comma between two words describing one thing lists its qualities, so the clause goes
    // on: "a sudden, sharp pain". Told from the words as corrected ("a sudden, excrucating pain").
    var position = 1
    while position + 1 < tokens.count {
      if tokens[position].isComma, lexicon.describingWords.contains(tokens[position - 1].word),
        lexicon.describingWords.contains(tokens[position + 1].word)
      {
        tokens.remove(at: position)
      } else {
        position += 1
      }
    }
    tokens = markDurations(tokens)
    while tokens.first?.isPunctuation == true { tokens.removeFirst() }
    while tokens.last?.isPunctuation == true { tokens.removeLast() }
    result.tokens = applySynonyms(tokens, rewrites: &result.synonyms)
    return result
  }

  /// Whether a word holds a digit, read from its bytes in place.
  static func hasDigit(_ word: String) -> Bool {
    func hasDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      bytes.contains { $0 &- 0x30 < 10 }
    }
    return word.utf8.withContiguousStorageIfAvailable(hasDigit)
      ?? word.utf8.contains { $0 &- 0x30 < 10 }
  }

  /// The folded words of a text, without expansion, correction or stemming.
  public func words(of text: String) -> [String] {
    pieces(of: text).compactMap { $0 }
  }
}

extension TextAnalyzer {
  /// Splits folded text into words, with nil standing for clause punctuation and an empty
  /// word for a comma.
  fileprivate func pieces(of text: String) -> [String?] {
    let isASCII =
      text.utf8.withContiguousStorageIfAvailable { bytes in bytes.allSatisfy { $0 < 0x80 } }
      ?? text.utf8.allSatisfy { $0 < 0x80 }
    if isASCII { return asciiPieces(of: text) }
    let folded = fold(text)
    var result: [String?] = []
    var current = String.UnicodeScalarView()
    let scalars = Array(folded.unicodeScalars)
    func flush() {
      if !current.isEmpty {
        result.append(String(current))
        current = String.UnicodeScalarView()
      }
    }
    var skipped = -1
    for (index, scalar) in scalars.enumerated() where index != skipped {
      if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        current.append(scalar)
      } else if scalar == "'" || scalar == "’" || scalar == "`" {
        // "can't" becomes "cant", which the contractions expand; a word's own "'s" goes.
        let ending =
          index + 1 < scalars.count && scalars[index + 1] == "s"
          && (index + 2 == scalars.count
            || !(scalars[index + 2].properties.isAlphabetic
              || ("0"..."9").contains(scalars[index + 2])))
        if ending, !current.isEmpty, lexicon.contractions[String(current) + "s"] == nil {
          skipped = index + 1
        }
        continue
      } else if scalar == ".",
        index > 0, index + 1 < scalars.count,
        ("0"..."9").contains(scalars[index - 1]), ("0"..."9").contains(scalars[index + 1])
      {
        current.append(scalar)  // a decimal point, as in 101.5
      } else {
        flush()
        if scalar == "," {
          result.append("")
        } else if ".?!;:()".unicodeScalars.contains(scalar) {
          result.append(nil)
        } else if lexicon.contractions[String(scalar)] != nil,
          !(index > 0 && index + 1 < scalars.count
            && scalars[index - 1].properties.isAlphabetic
            && scalars[index + 1].properties.isAlphabetic)
        {
          result.append(String(scalar))  // a symbol that stands for a word: "&" for "and"
        }
      }
    }
    flush()
    return result
  }

  /// The same as `pieces(of:)` for plain ASCII text, working on bytes: the common case, and
  /// on the per-question hot path.
  fileprivate func asciiPieces(of text: String) -> [String?] {
    var result: [String?] = []
    var current: [UInt8] = []
    current.reserveCapacity(16)
    let bytes = Array(text.utf8)
    result.reserveCapacity(bytes.count / 4 + 1)
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }
    var skipped = -1
    for index in bytes.indices where index != skipped {
      let byte = bytes[index]
      if byte >= 0x61 && byte <= 0x7A || isDigit(byte) {
        current.append(byte)
      } else if byte >= 0x41 && byte <= 0x5A {
        current.append(byte | 0x20)
      } else if byte == 0x27 || byte == 0x60 {
        // A word's own "'s" goes ("my leg's gone weak" is one leg, not "legs"), unless the
        // contractions read the word with it ("it's", "what's").
        let ending =
          index + 1 < bytes.count && bytes[index + 1] | 0x20 == 0x73
          && (index + 2 == bytes.count
            || !(isLetter(bytes[index + 2]) || isDigit(bytes[index + 2])))
        if ending, !current.isEmpty,
          lexicon.contractions[String(decoding: current, as: UTF8.self) + "s"] == nil
        {
          skipped = index + 1
        }
        continue
      } else if byte == 0x2E, index > 0, index + 1 < bytes.count, isDigit(bytes[index - 1]),
        isDigit(bytes[index + 1])
      {
        current.append(byte)
      } else {
        if !current.isEmpty {
          result.append(String(decoding: current, as: UTF8.self))
          current.removeAll(keepingCapacity: true)
        }
        switch byte {
        case 0x2C: result.append("")
        case 0x2E, 0x3F, 0x21, 0x3B, 0x3A, 0x28, 0x29: result.append(nil)
        case 0x21...0x7E:
          // A symbol that stands for a word ("&" for "and"), as the contractions say, unless
          // it joins letters into a name ("a&e").
          let symbol = String(UnicodeScalar(byte))
          let joinsLetters =
            index > 0 && index + 1 < bytes.count && isLetter(bytes[index - 1])
            && isLetter(bytes[index + 1])
          if !joinsLetters, lexicon.contractions[symbol] != nil { result.append(symbol) }
        default: break
        }
      }
    }
    if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
    return result
  }

  fileprivate func fold(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
    return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }

  /// The closest known word to an unknown one, within an edit distance that grows with its
  /// length; nil for known, short or non-alphabetic words. Ties go to the candidate sharing the
  /// longest start with the typed word (people rarely mistype the start), then the more
  /// frequent one, then the first alphabetically.
  ///
  /// - Parameter scanningAll: whether to measure every known word rather than only those the
  ///   typo index files under the word's deletions; the same answer, slowly (for tests).
  func correction(
    for word: String, between neighbours: (String?, String?) = (nil, nil),
    scanningAll: Bool = false
  ) -> String? {
    guard vocabulary[word] == nil else { return nil }
    let letters = Array(word.utf8)
    guard letters.count >= 4, letters.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
    // A known word with an "s" after it is a plural, or "wee's" with its apostrophe dropped:
    // the stemmer folds it, and correcting it would change the word ("wees" is not "weeks").
    if letters.last == 0x73, vocabulary[String(word.dropLast())] != nil { return nil }
    let limit = letters.count >= 9 ? 2 : 1
    var best: (key: [Int], word: [UInt8])?
    let rows = UnsafeMutableBufferPointer<Int>.allocate(capacity: 3 * (letters.count + limit + 1))
    defer { rows.deallocate() }
    if scanningAll {
      for known in vocabulary.keys where abs(known.utf8.count - letters.count) <= limit {
        consider(
          Array(known.utf8), for: letters, limit: limit, between: neighbours, rows: rows, &best)
      }
    } else {
      for position in typoIndex.candidates(of: letters, limit: limit) {
        typoIndex.withWord(at: position) { candidate in
          consider(candidate, for: letters, limit: limit, between: neighbours, rows: rows, &best)
        }
      }
    }
    guard let best else { return nil }
    let corrected = String(decoding: best.word, as: UTF8.self)
    // A real word the knowledge does not use is left alone ("sink" is not "sing"), unless it
    // is one slip from a red-flag word: "bowls" for "bowels" must still reach triage.
    if !priorityWords.contains(corrected) && lexicon.realWords.contains(word) { return nil }
    return corrected
  }

  /// Measures one known word as a correction of a typed one, and keeps it in `best` if it is
  /// within `limit` and beats the best so far (see `correction(for:between:scanningAll:)`).
  fileprivate func consider<Candidate: RandomAccessCollection<UInt8>>(
    _ candidate: Candidate, for letters: [UInt8], limit: Int,
    between neighbours: (String?, String?), rows: UnsafeMutableBufferPointer<Int>,
    _ best: inout (key: [Int], word: [UInt8])?
  ) where Candidate.Index == Int {
    // People rarely get the first letter wrong, and allowing it turns real words the
    // knowledge does not use into ones it does ("couch" into "touch").
    guard candidate.first == letters.first else { return }
    let distance = boundedDistance(letters, candidate, limit: limit, rows: rows)
    guard distance <= limit, distance < 2 || candidate.prefix(2).elementsEqual(letters.prefix(2))
    else {
      return
    }
    let text = String(decoding: candidate, as: UTF8.self)
    let count = vocabulary[text] ?? 0
    let prefix = zip(letters, candidate).prefix { $0 == $1 }.count
    let priority = priorityWords.contains(text) ? 1 : 0
    // A dropped letter is the commonest slip, so a candidate that only adds letters wins.
    let added = candidate.count > letters.count ? 1 : 0
    let inContext =
      neighbours.0.map { bigrams.contains($0 + " " + text) } == true
      || neighbours.1.map { bigrams.contains(text + " " + $0) } == true
    let key = [-distance, added, inContext ? 1 : 0, priority, min(count, 1), prefix, count]
    if let current = best {
      if current.key.lexicographicallyPrecedes(key)
        || (key == current.key && candidate.lexicographicallyPrecedes(current.word))
      {
        best = (key, Array(candidate))
      }
    } else {
      best = (key, Array(candidate))
    }
  }

  /// Letters next to each other on a QWERTY keyboard, one bit per letter.
  static let neighbours: [UInt32] = {
    let rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
    var places: [UInt8: (row: Double, column: Double)] = [:]
    for (row, letters) in rows.enumerated() {
      for (column, letter) in letters.utf8.enumerated() {
        places[letter] = (Double(row), Double(column) + 0.5 * Double(row))
      }
    }
    var masks = [UInt32](repeating: 0, count: 26)
    for (letter, place) in places {
      for (other, otherPlace) in places where other != letter {
        if abs(place.row - otherPlace.row) <= 1 && abs(place.column - otherPlace.column) <= 1 {
          masks[Int(letter - 0x61)] |= 1 << UInt32(other - 0x61)
        }
      }
    }
    return masks
  }()

  /// Whether typing one letter for another is a likely slip: neighbouring keys, one vowel for
  /// another, or a letter that sounds alike (c, s, z and k: "exersize"). Any other swap counts as
  /// two edits, so a real word the knowledge does not use ("leading", "sink") is not turned
  /// into one it does ("leaking", "sing").
  static func isSlip(_ typed: UInt8, _ meant: UInt8) -> Bool {
    guard (0x61...0x7A).contains(typed), (0x61...0x7A).contains(meant) else { return false }
    let typedBit: UInt32 = 1 << UInt32(typed - 0x61)
    let meantBit: UInt32 = 1 << UInt32(meant - 0x61)
    // One bit per letter: a e i o u, and c k s z.
    let vowels: UInt32 = 1 << 0 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20
    let soundAlike: UInt32 = 1 << 2 | 1 << 10 | 1 << 18 | 1 << 25
    let both = typedBit | meantBit
    if vowels & both == both || soundAlike & both == both { return true }
    return neighbours[Int(typed - 0x61)] & meantBit != 0
  }

  /// Damerau-Levenshtein (adjacent swaps count once) distance, giving up past `limit`.
  ///
  /// `rows` is scratch space of at least 3 × (b.count + 1), reused across calls so the
  /// comparison against many candidates allocates nothing.
  fileprivate func boundedDistance<Candidate: RandomAccessCollection<UInt8>>(
    _ a: [UInt8], _ b: Candidate, limit: Int, rows: UnsafeMutableBufferPointer<Int>
  ) -> Int where Candidate.Index == Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    let width = b.count + 1
    var previousPrevious = 0
    var previous = width
    var current = 2 * width
    for j in 0...b.count { rows[previous + j] = j }
    for i in 1...a.count {
      rows[current] = i
      var rowMinimum = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : Self.isSlip(a[i - 1], b[j - 1]) ? 1 : 2
        var value = min(
          rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          value = min(value, rows[previousPrevious + j - 2] + 1)
        }
        rows[current + j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return limit + 1 }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return rows[previous + b.count]
  }

  /// Replaces "2 weeks", "a month", "ten days" or "weeks" with one token, `#long` for a week or
  /// more and `#short` for less, so rules can speak of how long something has lasted.
  fileprivate func markDurations(_ tokens: [Token]) -> [Token] {
    // Until the first duration unit the output is the tokens themselves: it is copied only
    // there, so a line without one is returned as it came.
    var output: [Token] = []
    var isCopied = false
    var position = 0
    while position < tokens.count {
      let token = tokens[position]
      position += 1
      guard token.stemID >= 0, let unit = stemFacts[Int(token.stemID)].durationUnit else {
        if isCopied { output.append(token) }
        continue
      }
      if !isCopied {
        output.reserveCapacity(tokens.count)
        output.append(contentsOf: tokens[..<(position - 1)])
        isCopied = true
      }
      var count: Double? = token.word.hasSuffix("s") ? 2 : nil
      // "a week and a half", or "week and a half" with its "a" left out, is one and a half
      // (`duration_fractions`).
      var fraction: (words: Int, value: Double)?
      for (words, value) in durationFractions {
        guard position + words.count <= tokens.count else { continue }
        if zip(tokens[position..<position + words.count], words).allSatisfy({ $0.word == $1 }) {
          fraction = (words.count, value)
          break
        }
      }
      // The count a word before the unit gives: a number, or a word such as "few".
      func countOf(_ word: Token) -> Double? {
        word.isPunctuation ? nil : Double(word.word) ?? lexicon.durationQuantifiers[word.word]
      }
      // "a whole week", "two full weeks": the count is read past a word that only stresses it,
      // which is dropped with the count.
      if output.count >= 2, lexicon.durationIntensifiers.contains(output[output.count - 1].word),
        countOf(output[output.count - 2]) != nil
      {
        output.removeLast()
      }
      if let previous = output.last, let number = countOf(previous) {
        count = number
        output.removeLast()
      }
      if let fraction {
        count = (count ?? 1) + fraction.value
        position += fraction.words
      }
      guard let count else {
        output.append(token)
        continue
      }
      let marker = Self.durationMarker(count: count, unitDays: unit)
      output.append(self.token(stem: marker, typed: token.word))
    }
    return isCopied ? output : tokens
  }

  /// The marker for a duration: `#older` for 50 to 120 years (an age: "72 years old"),
  /// `#ages` for two months or more (long past, or long-lasting), `#long` for a week or more,
  /// `#short` for less. Rules asking for `#long` also take `#ages`.
  static func durationMarker(count: Double, unitDays: Double) -> String {
    // `durationMarkers` lists what this returns.
    let days = count * unitDays
    if unitDays >= 365 && count >= 50 && count <= 120 { return "#older" }
    if days >= 60 { return "#ages" }
    return days >= 7 ? "#long" : "#short"
  }

  /// Every marker `durationMarker(count:unitDays:)` returns.
  static let durationMarkers = ["#older", "#ages", "#long", "#short"]

  /// Replaces the longest synonym variants, left to right, with their canonical words.
  fileprivate func applySynonyms(_ tokens: [Token], rewrites: inout [Rewrite]) -> [Token] {
    guard longestSynonym > 0 else { return tokens }
    // Most lines hold no variant: the output is started only at the first one, with the
    // tokens before it, so they are not copied one by one.
    var output: [Token] = []
    var isRewritten = false
    var index = 0
    while index < tokens.count {
      var replaced = false
      let stemID = tokens[index].stemID
      let lengths =
        tokens[index].isPunctuation || stemID < 0 ? 0 : stemFacts[Int(stemID)].synonymLengths
      if lengths != 0 {
        var length = min(longestSynonym, tokens.count - index)
        while length > 0 {
          // Only the lengths of variants that start here can match.
          guard lengths & StemFacts.bit(ofLength: length) != 0 else {
            length -= 1
            continue
          }
          let window = tokens[index..<(index + length)]
          if !window.contains(where: \.isPunctuation),
            let canonical = synonymStems[window.map(\.stem)]
          {
            let typed = window.map(\.word).joined(separator: " ")
            rewrites.append(Rewrite(from: typed, to: canonical.joined(separator: " ")))
            if !isRewritten {
              output.reserveCapacity(tokens.count + canonical.count)
              output.append(contentsOf: tokens[..<index])
              isRewritten = true
            }
            for stem in canonical {
              output.append(token(stem: stem, typed: typed))
            }
            index += length
            replaced = true
            break
          }
          length -= 1
        }
      }
      if !replaced {
        if isRewritten { output.append(tokens[index]) }
        index += 1
      }
    }
    return isRewritten ? output : tokens
  }
}
