extension TextAnalyzer {
  /// Every string the analyzer numbers, by number, with what it knows of each: what a
  /// snapshot stores so a start-up files the analyzer's word table straight from it, without
  /// gathering the strings or looking up each stem's number.
  struct Numbering: Sendable, Equatable {
    /// The strings, in number order.
    var strings: [String]
    /// How often the knowledge uses each string (`vocabulary`), -1 for one it does not hold.
    var counts: [Int32]
    /// The number of each string's stem (`stemCache`), -1 for a string without one.
    var stemIDs: [Int32]
    /// What the lexicon says of each string, as `Fact` bits.
    var facts: [UInt8]

    enum Fact {
      static let numberWord: UInt8 = 1
      static let contraction: UInt8 = 2
      static let clauseBreak: UInt8 = 4
    }

    /// The strings the knowledge uses, with how often (`Parts.vocabulary`).
    var vocabulary: [String: Int] {
      var vocabulary: [String: Int] = [:]
      vocabulary.reserveCapacity(strings.count)
      for (id, count) in counts.enumerated() where count >= 0 {
        vocabulary[strings[id]] = Int(count)
      }
      return vocabulary
    }

    /// The strings with a stem, with it (`Parts.stemCache`).
    var stemCache: [String: String] {
      var stemCache: [String: String] = [:]
      stemCache.reserveCapacity(strings.count)
      for (id, stemID) in stemIDs.enumerated() where stemID >= 0 {
        stemCache[strings[id]] = strings[Int(stemID)]
      }
      return stemCache
    }

    /// Whether the arrays agree in length and every stem number names a string.
    var isConsistent: Bool {
      counts.count == strings.count && stemIDs.count == strings.count
        && facts.count == strings.count
        && stemIDs.allSatisfy { $0 >= -1 && Int($0) < strings.count }
    }
  }

  /// The analyzer's numbering, as `init(lexicon:parts:numbering:)` restores it.
  var numbering: Numbering {
    var strings = [String](repeating: "", count: numberCount)
    var counts = [Int32](repeating: -1, count: numberCount)
    var stemIDs = [Int32](repeating: -1, count: numberCount)
    var facts = [UInt8](repeating: 0, count: numberCount)
    for (string, entry) in wordFacts.dictionary {
      let id = Int(entry.id)
      strings[id] = string
      counts[id] = entry.count.map { Int32($0) } ?? -1
      stemIDs[id] = entry.stemID
      if entry.number != nil { facts[id] |= Numbering.Fact.numberWord }
      if entry.expansion != nil { facts[id] |= Numbering.Fact.contraction }
      if entry.isBreak { facts[id] |= Numbering.Fact.clauseBreak }
    }
    return Numbering(strings: strings, counts: counts, stemIDs: stemIDs, facts: facts)
  }

  /// The word table filed from a numbering: each string's facts are read from the arrays,
  /// and the lexicon asked only for the few strings that are number words or contractions.
  ///
  /// - Complexity: O(*n*) for *n* strings.
  static func wordTable(_ numbering: Numbering, lexicon: Lexicon) -> WordTable<WordFacts> {
    var table: [String: WordFacts] = [:]
    table.reserveCapacity(numbering.strings.count)
    for (id, string) in numbering.strings.enumerated() {
      let fact = numbering.facts[id]
      let count = numbering.counts[id]
      let stemID = numbering.stemIDs[id]
      var draft = WordFacts.Draft()
      draft.id = Int32(id)
      draft.count = count >= 0 ? Int(count) : nil
      draft.stem = stemID >= 0 ? numbering.strings[Int(stemID)] : nil
      if fact & Numbering.Fact.numberWord != 0 { draft.number = lexicon.numbers[string] }
      if fact & Numbering.Fact.contraction != 0 { draft.expansion = lexicon.expanded(string) }
      draft.isBreak = fact & Numbering.Fact.clauseBreak != 0
      table[string] = WordFacts(draft, stemID: stemID)
    }
    return WordTable(table)
  }
}

extension TextAnalyzer.Numbering {
  /// Numbers every string a token can hold: the known words and their stems, the lexicon's
  /// number words, contractions and clause breaks, duration units, the stems of synonyms and
  /// the duration markers; in sorted order, so a build's snapshot is the same every time.
  init(
    lexicon: Lexicon, vocabulary: [String: Int], stemCache: [String: String],
    synonymStems: [[String]: [String]]
  ) {
    var all = Set(vocabulary.keys)
    all.formUnion(stemCache.keys)
    all.formUnion(stemCache.values)
    all.formUnion(lexicon.numbers.keys)
    all.formUnion(lexicon.contractions.keys)
    all.formUnion(lexicon.clauseBreaks)
    all.formUnion(lexicon.durationUnits.keys)
    all.formUnion(synonymStems.keys.compactMap(\.first))
    all.formUnion(synonymStems.values.joined())
    all.formUnion(TextAnalyzer.durationMarkers)
    strings = all.sorted()
    let ids = Dictionary(
      uniqueKeysWithValues: strings.enumerated().map { ($0.element, Int32($0.offset)) })
    counts = strings.map { vocabulary[$0].map { Int32($0) } ?? -1 }
    stemIDs = strings.map { stemCache[$0].flatMap { ids[$0] } ?? -1 }
    facts = strings.map { string in
      var fact: UInt8 = 0
      if lexicon.numbers[string] != nil { fact |= Fact.numberWord }
      if lexicon.contractions[string] != nil { fact |= Fact.contraction }
      if lexicon.clauseBreaks.contains(string) { fact |= Fact.clauseBreak }
      return fact
    }
  }
}
