/// The intent and passage indexes' tables in the snapshot: numbers as raw little-endian arrays,
/// read back in one copy each, so a start-up counts no example's stems.
extension Writer {
  mutating func indexTables(_ tables: IntentIndex.Tables) {
    strings(tables.intentIDs)
    raw(tables.idRank)
    let terms = tables.terms.sorted { $0.key < $1.key }
    strings(terms.map(\.key))
    raw(terms.map(\.value.stem))
    raw(terms.map(\.value.feature))
    raw(terms.map { UInt8($0.value.isStopword ? 1 : 0) })
    raw(tables.postingStarts)
    raw(tables.postings.map(\.intent))
    doubleBits(tables.postings.map(\.score))
    doubleBits(tables.idf)
    raw(tables.phrases.map(\.count))
    let phrases = tables.phrases.joined()
    raw(phrases.map(\.intent))
    raw(phrases.map(\.stems.count))
    raw(phrases.flatMap(\.stems))
    doubleBits(phrases.map(\.score))
    raw(tables.isSingleKeyword.map { UInt8($0 ? 1 : 0) })
    double(tables.maximumIDF)
    raw(tables.exampleStarts)
    raw(tables.examplePostings)
    raw(tables.exampleIntent)
    doubleBits(tables.exampleWeight)
    raw(tables.closestStarts)
    raw(tables.closestIntents)
    doubleBits(tables.closestWeights)
    raw(tables.exampleStemStarts)
    raw(tables.exampleStemIDs)
  }

  /// Doubles as their bit patterns, exact, in one raw array.
  mutating func doubleBits(_ values: [Double]) { raw(values.map(\.bitPattern)) }
}

extension Reader {
  /// Tables written by `Writer.indexTables`, checked to point only inside themselves.
  ///
  /// - Parameter featureCount: how many features the classifier that goes with them has.
  mutating func indexTables(featureCount: Int) throws(KnowledgeSnapshot.FormatError)
    -> IntentIndex.Tables
  {
    let intentIDs = try strings()
    let idRank: [Int] = try raw()
    let termNames = try strings()
    let termStems: [Int] = try raw()
    let termFeatures: [Int] = try raw()
    let termStopwords: [UInt8] = try raw()
    guard termStems.count == termNames.count, termFeatures.count == termNames.count,
      termStopwords.count == termNames.count
    else { throw KnowledgeSnapshot.FormatError() }
    var terms: [String: IntentIndex.Term] = [:]
    terms.reserveCapacity(termNames.count)
    for (position, name) in termNames.enumerated() {
      terms[name] = IntentIndex.Term(
        stem: termStems[position], feature: termFeatures[position],
        isStopword: termStopwords[position] != 0)
    }
    let postingStarts: [Int] = try raw()
    let postingIntents: [Int] = try raw()
    let postingScores = try doubleBits()
    guard postingScores.count == postingIntents.count else { throw KnowledgeSnapshot.FormatError() }
    let postings = zip(postingIntents, postingScores).map {
      IntentIndex.Posting(intent: $0, score: $1)
    }
    let idf = try doubleBits()
    let phraseCounts: [Int] = try raw()
    let phraseIntents: [Int] = try raw()
    let phraseLengths: [Int] = try raw()
    let phraseStems: [Int] = try raw()
    let phraseScores = try doubleBits()
    guard phraseLengths.count == phraseIntents.count, phraseScores.count == phraseIntents.count,
      phraseCounts.allSatisfy({ $0 >= 0 }), phraseCounts.reduce(0, +) == phraseIntents.count,
      phraseLengths.allSatisfy({ $0 >= 0 }), phraseLengths.reduce(0, +) == phraseStems.count
    else { throw KnowledgeSnapshot.FormatError() }
    var phrases: [[IntentIndex.Phrase]] = []
    phrases.reserveCapacity(phraseCounts.count)
    var phrase = 0
    var stem = 0
    for count in phraseCounts {
      var list: [IntentIndex.Phrase] = []
      list.reserveCapacity(count)
      for _ in 0..<count {
        let length = phraseLengths[phrase]
        list.append(
          IntentIndex.Phrase(
            intent: phraseIntents[phrase], stems: Array(phraseStems[stem..<(stem + length)]),
            score: phraseScores[phrase]))
        phrase += 1
        stem += length
      }
      phrases.append(list)
    }
    let isSingleKeyword: [UInt8] = try raw()
    let tables = IntentIndex.Tables(
      intentIDs: intentIDs, idRank: idRank, terms: terms, postingStarts: postingStarts,
      postings: postings, idf: idf, phrases: phrases,
      isSingleKeyword: isSingleKeyword.map { $0 != 0 },
      maximumIDF: try double(), exampleStarts: try raw(), examplePostings: try raw(),
      exampleIntent: try raw(), exampleWeight: try doubleBits(), closestStarts: try raw(),
      closestIntents: try raw(), closestWeights: try doubleBits(), exampleStemStarts: try raw(),
      exampleStemIDs: try raw())
    guard tables.isConsistent(featureCount: featureCount) else {
      throw KnowledgeSnapshot.FormatError()
    }
    return tables
  }

  /// Doubles written by `Writer.doubleBits`.
  mutating func doubleBits() throws(KnowledgeSnapshot.FormatError) -> [Double] {
    let bits: [UInt64] = try raw()
    return bits.map(Double.init(bitPattern:))
  }
}
