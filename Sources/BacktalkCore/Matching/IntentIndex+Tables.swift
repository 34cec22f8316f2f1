extension IntentIndex {
  /// What building an index works out from its examples and keywords: numbered stems, BM25
  /// postings, IDF, phrases and the example tables.
  ///
  /// The build stores them beside the knowledge (`CompiledKnowledge`), so a start-up reads them
  /// instead of stemming and counting every example again (about a fifth of a one-line run).
  struct Tables: Sendable, Equatable {
    var intentIDs: [String]
    var idRank: [Int]
    var terms: [String: Term]
    var postingStarts: [Int]
    var postings: [Posting]
    var idf: [Double]
    var phrases: [[Phrase]]
    var isSingleKeyword: [Bool]
    var maximumIDF: Double
    var exampleStarts: [Int]
    var examplePostings: [Int]
    var exampleIntent: [Int]
    var exampleWeight: [Double]
    var closestStarts: [Int]
    var closestIntents: [Int]
    var closestWeights: [Double]
    var exampleStemStarts: [Int]
    var exampleStemIDs: [Int]
  }

  /// The index's tables, to store at build time.
  var tables: Tables {
    Tables(
      intentIDs: intentIDs, idRank: idRank, terms: terms.dictionary, postingStarts: postingStarts,
      postings: postings, idf: idf, phrases: phrases, isSingleKeyword: isSingleKeyword,
      maximumIDF: maximumIDF, exampleStarts: exampleStarts, examplePostings: examplePostings,
      exampleIntent: exampleIntent, exampleWeight: exampleWeight, closestStarts: closestStarts,
      closestIntents: closestIntents, closestWeights: closestWeights,
      exampleStemStarts: exampleStemStarts, exampleStemIDs: exampleStemIDs)
  }

  /// An index from tables an earlier build worked out from the same examples and keywords: the
  /// same index `init(examples:keywords:stopwords:classifier:calibration:asks:)` builds, given
  /// the classifier learned then.
  init(
    restoring tables: Tables, stopwords: Set<String>, classifier: LinearClassifier?,
    calibration: Calibration?, asks: [String: Set<String>]
  ) {
    intentIDs = tables.intentIDs
    idRank = tables.idRank
    terms = WordTable(tables.terms)
    postingStarts = tables.postingStarts
    postings = tables.postings
    idf = tables.idf
    phrases = tables.phrases
    isSingleKeyword = tables.isSingleKeyword
    maximumIDF = tables.maximumIDF
    exampleStarts = tables.exampleStarts
    examplePostings = tables.examplePostings
    exampleIntent = tables.exampleIntent
    exampleWeight = tables.exampleWeight
    closestStarts = tables.closestStarts
    closestIntents = tables.closestIntents
    closestWeights = tables.closestWeights
    exampleStemStarts = tables.exampleStemStarts
    exampleStemIDs = tables.exampleStemIDs
    (exampleBitmapStarts, exampleBitmaps) = Self.exampleBitmaps(
      starts: tables.exampleStarts, postings: tables.examplePostings,
      examples: tables.exampleIntent.count)
    self.stopwords = WordTable(stopwords)
    self.calibration = calibration
    (self.asks, askMasks, kindBits) = Self.askTables(intentIDs: tables.intentIDs, asks: asks)
    self.classifier = classifier?.classCount == tables.intentIDs.count ? classifier : nil
    hasClassifier = self.classifier != nil
    scratch = ScratchPool(
      intents: tables.intentIDs.count, examples: tables.exampleIntent.count,
      stems: tables.idf.count)
  }

  /// Each intent's kinds of question, and the same as bits numbered by kind name (no bits when
  /// there are more than 64 kinds).
  static func askTables(intentIDs: [String], asks: [String: Set<String>]) -> (
    asks: [Set<String>], masks: [UInt64]?, bits: [String: UInt64]
  ) {
    let kinds = intentIDs.map { asks[$0] ?? [] }
    let kindNames = Set(kinds.joined()).sorted()
    let kindBits = Dictionary(
      uniqueKeysWithValues: kindNames.prefix(64).enumerated().map { ($1, UInt64(1) << $0) })
    let masks =
      kindNames.count > 64
      ? nil : kinds.map { kinds in kinds.reduce(0) { $0 | kindBits[$1]! } }
    return (kinds, masks, kindBits)
  }
}

extension IntentIndex.Tables {
  /// Whether every number points inside the tables it indexes, so matching reads no memory
  /// outside them: a damaged snapshot is then a format error, not a crash.
  ///
  /// - Parameter featureCount: how many features the classifier that goes with the tables has.
  func isConsistent(featureCount: Int) -> Bool {
    let intents = intentIDs.count
    let stems = idf.count
    let examples = exampleIntent.count
    return idRank.count == intents && idRank.allSatisfy { (0..<intents).contains($0) }
      && Self.areStarts(postingStarts, of: stems, over: postings.count)
      && postings.allSatisfy { (0..<intents).contains($0.intent) }
      && terms.values.allSatisfy {
        (-1..<stems).contains($0.stem) && (-1..<featureCount).contains($0.feature)
      }
      && phrases.count == stems
      && phrases.allSatisfy { list in
        list.allSatisfy { phrase in
          (0..<intents).contains(phrase.intent)
            && phrase.stems.allSatisfy { (0..<stems).contains($0) }
        }
      }
      && isSingleKeyword.count == stems
      && Self.areStarts(exampleStarts, of: stems, over: examplePostings.count)
      && examplePostings.allSatisfy { (0..<examples).contains($0) }
      && exampleWeight.count == examples && exampleIntent.allSatisfy { (0..<intents).contains($0) }
      && Self.areStarts(closestStarts, of: stems, over: closestIntents.count)
      && closestWeights.count == closestIntents.count
      && closestIntents.allSatisfy { (0..<intents).contains($0) }
      && Self.areStarts(exampleStemStarts, of: examples, over: exampleStemIDs.count)
      && exampleStemIDs.allSatisfy { (0..<stems).contains($0) }
  }

  /// Whether `starts` cut `total` entries into `count` runs in order: from 0 to `total`, never
  /// going down.
  private static func areStarts(_ starts: [Int], of count: Int, over total: Int) -> Bool {
    starts.count == count + 1 && starts.first == 0 && starts.last == total
      && zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 }
  }
}
