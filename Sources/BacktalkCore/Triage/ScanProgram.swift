/// The scanner's patterns with their stems and words numbered, so a line is matched by
/// comparing integers.
///
/// Built once from the compiled patterns (`FindingScanner.Element`): every stem a pattern
/// names gets a number, and so does every word a `=typed` element or a context test (a
/// negation, a filler, "my") asks about. A line is numbered once (`encode`), one table lookup
/// per token, and matching then compares those numbers. Stems 0 to 4 are the markers whose
/// match depends on the token's value (`#long` takes `#ages`, `#older` an age, ...).
struct ScanProgram: Sendable, Equatable {
  /// One step of a pattern: a choice of stem sequences, a typed word, or a gap.
  struct Op: Sendable, Equatable {
    enum Kind: UInt8, Sendable {
      /// `options[lower..<upper]`, each a range of `stems`.
      case words
      /// `typedWords[lower..<upper]`: the word numbers it takes, as typed or folded.
      case typed
      /// Up to `lower` words of the clause (`Int32.max`: the rest of it); `upper` is 1 for a
      /// numbered gap ("...8"), which reaches over commas too.
      case gap
    }
    var kind: Kind
    var lower: Int32
    var upper: Int32
    /// For `words`: its options by first stem, sorted by stem and then by option
    /// (`firstStems[lower..<upper]`, the options in `optionsByFirstStem`), so a token no
    /// option starts with is refused by one binary search and one that some do start tries
    /// only those, in their order. Empty when an option is empty or starts with a marker,
    /// which the stem alone does not decide.
    var firsts: Range<Int32> = 0..<0
    var hasFilter = false
  }

  /// What a string is to the program: a stem of some pattern, a word some test names, or both.
  struct Entry: Sendable, Equatable {
    var stem: Int32 = -1
    var word: Int32 = -1
    /// What a token with this stem is (`ages`).
    var asStem: TokenFlags = []
    /// What a token with this word is (a negation, a filler, ...), and with this word as typed
    /// or folded (`firstPerson`).
    var asWord: TokenFlags = []
  }

  /// What the scanner needs to know of a token beyond its numbers.
  struct TokenFlags: OptionSet, Sendable, Equatable {
    var rawValue: UInt16
    static let punctuation = TokenFlags(rawValue: 1 << 0)
    static let isBreak = TokenFlags(rawValue: 1 << 1)
    /// The stem is `#ages` (two months or more), which `#long` takes.
    static let ages = TokenFlags(rawValue: 1 << 2)
    /// The stem is a number from 50 to 120 (`#older`).
    static let older = TokenFlags(rawValue: 1 << 3)
    /// The stem is a number of 10 or more (`#many`).
    static let many = TokenFlags(rawValue: 1 << 4)
    /// The stem is a number from 1900 to 2100 (`#year`).
    static let year = TokenFlags(rawValue: 1 << 5)
    /// The stem is a body temperature above normal, 37.5 to 43 °C or 99.5 to 110 °F, as a
    /// thermometer reads it ("38.1"; `#fever`).
    static let fever = TokenFlags(rawValue: 1 << 6)
    static let negationCue = TokenFlags(rawValue: 1 << 7)
    static let negationBlocker = TokenFlags(rawValue: 1 << 8)
    static let scopeEnder = TokenFlags(rawValue: 1 << 9)
    static let negationFiller = TokenFlags(rawValue: 1 << 10)
    static let ongoing = TokenFlags(rawValue: 1 << 11)
    /// "a", "an" or "the", which may stand between a definition cue and its term.
    static let article = TokenFlags(rawValue: 1 << 12)
    /// One of the writer's own words, as typed or folded (`Token.isOne(of:)`).
    static let firstPerson = TokenFlags(rawValue: 1 << 13)
    /// A comma (`Token.isComma`).
    static let comma = TokenFlags(rawValue: 1 << 14)
    /// A word that makes a bare "no" after its clause report a loss (`answer_blockers`).
    static let answerBlocker = TokenFlags(rawValue: 1 << 15)

    /// The flags a number's value gives it, each matching a marker stem.
    static let numberMarkers: TokenFlags = [.older, .many, .year, .fever]

    /// The flag a token matches the marker stem `number` (0 to 4) by: `ages`, `older`,
    /// `many`, `year` or `fever`, which follow one another.
    @inline(__always)
    static func marker(_ number: Int32) -> TokenFlags {
      TokenFlags(rawValue: TokenFlags.ages.rawValue << UInt16(truncatingIfNeeded: number))
    }
  }

  /// A set of stem numbers in 128 bits, bit `stem % 128`: two sets that share no bit share
  /// no stem.
  struct StemSignature: Sendable, Equatable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    @inline(__always)
    mutating func insert(_ stem: Int32) {
      let bit = UInt64(1) << UInt64(stem & 63)
      if stem & 64 == 0 { low |= bit } else { high |= bit }
    }

    @inline(__always)
    func intersects(_ other: StemSignature) -> Bool {
      low & other.low != 0 || high & other.high != 0
    }
  }

  /// The marker stems, numbered 0 to 4 in this order.
  static let markerStems = ["#long", "#older", "#many", "#year", "#fever"]

  private(set) var vocabulary: [String: Entry] = [:]
  /// The vocabulary as a `WordTable`, for numbering lines: set by `freeze()` once every
  /// pattern is added.
  private(set) var frozenVocabulary: WordTable<Entry>?
  /// The vocabulary's entries by the analyzer's numbers of their strings (`Token.stemID`,
  /// `Token.wordID`), an empty entry for a number that is none of them: set by
  /// `number(by:)`, after which lines are numbered from tokens of that analyzer only.
  private(set) var entriesByNumber: [Entry] = []
  private(set) var ops: [Op] = []
  private(set) var options: [Range<Int32>] = []
  private(set) var stems: [Int32] = []
  private(set) var typedWords: [Int32] = []
  /// The first stems of each filtered `words` step's options, sorted (`Op.firsts`), and
  /// beside each the option that starts with it (options of one stem in ascending order).
  private(set) var firstStems: [Int32] = []
  private(set) var optionsByFirstStem: [Int32] = []
  private(set) var stemCount: Int32 = 0
  private(set) var wordCount: Int32 = 0

  /// A program with the marker stems and the words of the lexicon's context tests numbered.
  init(lexicon: Lexicon) {
    for marker in Self.markerStems { _ = stemNumber(marker) }
    _ = stemNumber("#ages")
    vocabulary["#ages", default: Entry()].asStem.insert(.ages)
    let roles: [(Set<String>, TokenFlags)] = [
      (lexicon.negationCues, .negationCue), (lexicon.negationBlockers, .negationBlocker),
      (lexicon.contextCues.scopeEnders, .scopeEnder), (lexicon.negationFillers, .negationFiller),
      (lexicon.contextCues.ongoing, .ongoing), (["a", "an", "the"], .article),
      (lexicon.contextCues.firstPerson, .firstPerson),
      (lexicon.contextCues.answerBlockers, .answerBlocker),
    ]
    for (words, role) in roles {
      for word in words { vocabulary[word, default: Entry()].asWord.insert(role) }
    }
  }

  /// A program as `KnowledgeSnapshot` stored it, frozen.
  init(
    vocabulary: [String: Entry], ops: [Op], options: [Range<Int32>], stems: [Int32],
    typedWords: [Int32], firstStems: [Int32], optionsByFirstStem: [Int32], stemCount: Int32,
    wordCount: Int32
  ) {
    self.vocabulary = vocabulary
    self.ops = ops
    self.options = options
    self.stems = stems
    self.typedWords = typedWords
    self.firstStems = firstStems
    self.optionsByFirstStem = optionsByFirstStem
    self.stemCount = stemCount
    self.wordCount = wordCount
    freeze()
  }

  /// Programs are equal when their patterns and numbers are: the frozen table is the
  /// vocabulary's.
  static func == (left: ScanProgram, right: ScanProgram) -> Bool {
    left.vocabulary == right.vocabulary && left.ops == right.ops && left.options == right.options
      && left.stems == right.stems && left.typedWords == right.typedWords
      && left.firstStems == right.firstStems
      && left.optionsByFirstStem == right.optionsByFirstStem && left.stemCount == right.stemCount
      && left.wordCount == right.wordCount
  }

  /// Whether every number points inside the program: a restored program that is not
  /// consistent would index out of its arrays.
  var isConsistent: Bool {
    let options = Int32(self.options.count)
    let stems = Int32(self.stems.count)
    let firsts = Int32(firstStems.count)
    return stemCount >= 0 && wordCount >= 0
      && vocabulary.values.allSatisfy { $0.stem < stemCount && $0.word < wordCount }
      && self.options.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= stems }
      && firstStems.count == optionsByFirstStem.count
      && optionsByFirstStem.allSatisfy { (0..<options).contains($0) }
      && ops.allSatisfy { op in
        let inside =
          switch op.kind {
          case .words: op.lower >= 0 && op.lower <= op.upper && op.upper <= options
          case .typed:
            op.lower >= 0 && op.lower <= op.upper && op.upper <= Int32(typedWords.count)
          case .gap: true
          }
        return inside && op.firsts.lowerBound >= 0 && op.firsts.upperBound <= firsts
          && (!op.hasFilter || op.kind == .words)
      }
      // A filtered step's options are nonempty, as `match` takes them to be.
      && ops.allSatisfy { op in
        !op.hasFilter || self.options[Int(op.lower)..<Int(op.upper)].allSatisfy { !$0.isEmpty }
      }
  }

  /// Makes the table that numbers lines from the vocabulary as it stands; patterns added
  /// later need another call.
  mutating func freeze() {
    frozenVocabulary = WordTable(vocabulary)
  }

  /// Files the vocabulary's entries by an analyzer's numbers (`entriesByNumber`), so a token
  /// it made is numbered without hashing its strings.
  mutating func number(by analyzer: TextAnalyzer) {
    var entries = [Entry](repeating: Entry(), count: analyzer.numberCount)
    for (string, entry) in vocabulary {
      if let number = analyzer.number(of: string) { entries[Int(number)] = entry }
    }
    entriesByNumber = entries
  }

  /// Adds a compiled pattern and returns where its steps are.
  mutating func add(_ pattern: [FindingScanner.Element]) -> Range<Int32> {
    let lower = Int32(ops.count)
    for element in pattern {
      switch element {
      case .words(let choices):
        let first = Int32(options.count)
        for choice in choices {
          let start = Int32(stems.count)
          stems.append(contentsOf: choice.map { stemNumber($0) })
          options.append(start..<Int32(stems.count))
        }
        var op = Op(kind: .words, lower: first, upper: Int32(options.count))
        let firsts = choices.map { $0.first.map { stemNumber($0) } ?? -1 }
        if firsts.allSatisfy({ $0 >= Int32(Self.markerStems.count) }) {
          let lower = Int32(firstStems.count)
          let byStem = firsts.enumerated().map {
            (stem: $0.element, option: first + Int32($0.offset))
          }
          .sorted { ($0.stem, $0.option) < ($1.stem, $1.option) }
          firstStems.append(contentsOf: byStem.map(\.stem))
          optionsByFirstStem.append(contentsOf: byStem.map(\.option))
          op.firsts = lower..<Int32(firstStems.count)
          op.hasFilter = true
        }
        ops.append(op)
      case .typed(let words):
        let first = Int32(typedWords.count)
        typedWords.append(contentsOf: words.sorted().map { wordNumber($0) })
        ops.append(Op(kind: .typed, lower: first, upper: Int32(typedWords.count)))
      case .gap(let length):
        let overCommas = length != FindingScanner.gapLength && length != Int.max
        ops.append(Op(kind: .gap, lower: Int32(clamping: length), upper: overCommas ? 1 : 0))
      }
    }
    return lower..<Int32(ops.count)
  }

  /// The stems that can start a pattern, or nil when any token may (it starts with a gap, a
  /// typed word or an empty option).
  func firstStems(of pattern: Range<Int32>) -> [Int32]? {
    guard pattern.lowerBound < pattern.upperBound else { return nil }
    let op = ops[Int(pattern.lowerBound)]
    guard op.kind == .words else { return nil }
    var firsts: [Int32] = []
    for option in options[Int(op.lower)..<Int(op.upper)] {
      guard option.lowerBound < option.upperBound else { return nil }
      firsts.append(stems[Int(option.lowerBound)])
    }
    return firsts
  }

  /// The stems an option of the pattern's first step starts with, skipping empty options.
  func indexedFirstStems(of pattern: Range<Int32>) -> [Int32] {
    guard pattern.lowerBound < pattern.upperBound else { return [] }
    let op = ops[Int(pattern.lowerBound)]
    guard op.kind == .words else { return [] }
    return options[Int(op.lower)..<Int(op.upper)].compactMap { option in
      option.isEmpty ? nil : stems[Int(option.lowerBound)]
    }
  }
}

extension ScanProgram {
  fileprivate mutating func stemNumber(_ stem: String) -> Int32 {
    if let number = vocabulary[stem]?.stem, number >= 0 { return number }
    defer { stemCount += 1 }
    frozenVocabulary = nil
    vocabulary[stem, default: Entry()].stem = stemCount
    return stemCount
  }

  fileprivate mutating func wordNumber(_ word: String) -> Int32 {
    if let number = vocabulary[word]?.word, number >= 0 { return number }
    defer { wordCount += 1 }
    frozenVocabulary = nil
    vocabulary[word, default: Entry()].word = wordCount
    return wordCount
  }
}
