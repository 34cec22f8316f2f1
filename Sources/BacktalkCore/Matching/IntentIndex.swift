import Foundation

/// An inverted index over intent examples and keywords, scored with BM25 plus a bonus for
/// keyword phrases found whole.
///
/// Built once at load; matching touches only the postings of the question's own stems, so its
/// cost grows with the question, not with the number of intents.
public struct IntentIndex: Sendable {
  /// Intent ids by position in the index.
  public let intentIDs: [String]
  /// Each intent's place among the ids in order, equal ids equal, for breaking ties.
  let idRank: [Int]
  /// What the index and its classifier know of each stem they hold and of each stopword, so
  /// one lookup per question stem gives its number in the tables below, its classifier
  /// feature and whether it is a stopword.
  let terms: WordTable<Term>
  /// The postings of stem *s* are `postings[postingStarts[s]..<postingStarts[s + 1]]`.
  let postingStarts: [Int]
  let postings: [Posting]
  let idf: [Double]
  /// See `isTelling(_:)`.
  static let tellingIDF = 2.0
  /// The keyword phrases that start with each stem.
  let phrases: [[Phrase]]
  /// Whether each stem is a keyword of one word on its own ("drive").
  let isSingleKeyword: [Bool]
  let maximumIDF: Double
  let stopwords: WordTable<Bool>
  /// The examples (by position) that contain stem *s* are
  /// `examplePostings[exampleStarts[s]..<exampleStarts[s + 1]]`.
  let exampleStarts: [Int]
  let examplePostings: [Int]
  /// For each example, its intent (by position) and the summed weight of its stems.
  let exampleIntent: [Int]
  let exampleWeight: [Double]
  /// For stem *s*, each intent with an example holding it, and the least summed weight of
  /// those examples: `closestStarts[s]..<closestStarts[s + 1]` of `closestIntents` and
  /// `closestWeights`. A question with one known stem overlaps each such example by that
  /// stem's weight alone, so its closest example in an intent is the lightest one, and the
  /// intent's entry stands for all of its examples.
  let closestStarts: [Int]
  let closestIntents: [Int]
  let closestWeights: [Double]
  /// The stems (by number) of example *e*, each once:
  /// `exampleStemIDs[exampleStemStarts[e]..<exampleStemStarts[e + 1]]`.
  let exampleStemStarts: [Int]
  let exampleStemIDs: [Int]
  /// Which examples hold each common stem, as bits (`exampleBitmaps(starts:postings:examples:)`),
  /// so the closest example is measured without walking its stems.
  let exampleBitmapStarts: [Int]
  let exampleBitmaps: [UInt64]
  /// Accumulators reused across questions.
  let scratch: ScratchPool
  /// Learned weights that rank the intents; BM25 still decides the confidence.
  public let classifier: LinearClassifier?
  /// Whether there is a classifier, told without `classifier != nil`, which copies the whole
  /// classifier (retaining and releasing each of its tables, about 700 instructions a call).
  let hasClassifier: Bool
  /// Each term by the number of its stem in an analyzer (`Token.stemID`); empty until
  /// `number(by:)`.
  private(set) var termsByNumber: [Term] = []
  /// Turns coverage and lead into the chance the intent is right; without it, the confidence
  /// is the coverage raised a little by the lead.
  public let calibration: Calibration?
  /// For each intent (by position), the kinds of question it answers; empty for any.
  let asks: [Set<String>]
  /// The same kinds as bits, numbered by `kindBits`; nil when there are more than 64 kinds.
  let askMasks: [UInt64]?
  let kindBits: [String: UInt64]

  /// One stem's numbers in the index and in its classifier.
  struct Term: Sendable, Equatable {
    /// The stem's number in the postings, IDF, phrase and example tables; -1 when the index
    /// does not hold it (a stopword, or a word only the classifier saw).
    var stem = -1
    /// The stem's feature id in the classifier; -1 when it has none.
    var feature = -1
    var isStopword = false
  }

  struct Posting: Sendable, Equatable {
    var intent: Int
    /// The stem's BM25 contribution to this intent, worked out at build time.
    var score: Double
  }

  struct Phrase: Sendable, Equatable {
    var intent: Int
    /// The phrase's stems by number.
    var stems: [Int]
    /// What finding the phrase whole adds: the sum of its stems' IDF.
    var score: Double
  }

  static let keywordWeight = 3.0
  static let dominanceBonus = 0.4
  /// How much the single closest example adds, on top of the intent's BM25 score.
  static let exampleWeightFactor = 2.0
  static let k1 = 2.0
  static let b = 0.8
  /// How much the BM25 relevance (best = 1) adds to the classifier's score.
  static let relevanceWeight = 0.5
  /// The classifier's cost of a misfit against large weights: lower generalises more.
  static let classifierCost = 1.0
  /// The classifier margin over the runner-up at which the confidence gets its full bonus.
  static let leadScale = 0.5
  /// What an intent gains when it answers the kind of question asked ("what do i do" asks
  /// what to do now), and loses when it answers only other kinds.
  static let askBonus = 0.2

  /// Builds the index from each intent's example and keyword stem lists.
  ///
  /// - Parameters:
  ///   - examples: for each intent id, its examples as stem lists.
  ///   - keywords: for each intent id, its keywords as stem lists.
  ///   - stopwords: stems that carry no meaning and are skipped.
  public init(
    examples: [(intent: String, stems: [[String]])], keywords: [String: [[String]]],
    stopwords: Set<String>, classifier: Classifier = .none, calibration: Calibration? = nil,
    asks: [String: Set<String>] = [:]
  ) {
    intentIDs = examples.map(\.intent)
    self.calibration = calibration
    (self.asks, askMasks, kindBits) = Self.askTables(
      intentIDs: examples.map(\.intent), asks: asks)
    self.stopwords = WordTable(stopwords)
    // Stems are numbered as they come, so the counting below works on arrays and small
    // per-intent tables rather than one nested table per stem.
    var stemIDs: [String: Int] = [:]
    var names: [String] = []
    var lists: [[(intent: Int, frequency: Double)]] = []
    func id(_ stem: String) -> Int {
      if let id = stemIDs[stem] { return id }
      stemIDs[stem] = names.count
      names.append(stem)
      lists.append([])
      return names.count - 1
    }
    var lengths: [Double] = []
    var phraseStems: [(first: Int, intent: Int, stems: [Int])] = []
    var singleKeywords: [Int] = []
    var exampleStems: [[Int]] = []
    var exampleIntent: [Int] = []
    for (position, entry) in examples.enumerated() {
      var length = 0.0
      var counts: [Int: Double] = [:]
      for example in entry.stems {
        var unique: [Int] = []
        for stem in example where !stopwords.contains(stem) {
          let stemID = id(stem)
          counts[stemID, default: 0] += 1
          length += 1
          if !unique.contains(stemID) { unique.append(stemID) }
        }
        if !unique.isEmpty {
          exampleStems.append(unique)
          exampleIntent.append(position)
        }
      }
      for keyword in keywords[entry.intent] ?? [] {
        let content = keyword.filter { !stopwords.contains($0) }
        for stem in content {
          counts[id(stem), default: 0] += Self.keywordWeight
          length += Self.keywordWeight
        }
        if content.count > 1 {
          let stems = content.map(id)
          phraseStems.append((stems[0], position, stems))
        } else if keyword.count == 1, let stem = content.first {
          // A keyword of one word as written: "keep getting" is no keyword "keep".
          singleKeywords.append(id(stem))
        }
      }
      for (stemID, frequency) in counts { lists[stemID].append((position, frequency)) }
      lengths.append(max(length, 1))
    }
    let count = Double(examples.count)
    let weights = lists.map { entries in
      let frequency = Double(entries.count)
      return log(1 + (count - frequency + 0.5) / (frequency + 0.5))
    }
    let averageLength = lengths.isEmpty ? 1 : lengths.reduce(0, +) / Double(lengths.count)
    var postings: [Posting] = []
    var postingStarts = [0]
    for (stemID, list) in lists.enumerated() {
      let weight = weights[stemID]
      // Intents were visited in order, so each list is already sorted by intent.
      for (intent, frequency) in list {
        let norm = Self.k1 * (1 - Self.b + Self.b * lengths[intent] / averageLength)
        postings.append(
          Posting(intent: intent, score: weight * frequency * (Self.k1 + 1) / (frequency + norm)))
      }
      postingStarts.append(postings.count)
    }
    self.postings = postings
    self.postingStarts = postingStarts
    self.idf = weights
    var phrases = [[Phrase]](repeating: [], count: names.count)
    for (first, intent, stems) in phraseStems {
      phrases[first].append(
        Phrase(intent: intent, stems: stems, score: stems.reduce(0) { $0 + weights[$1] }))
    }
    self.phrases = phrases
    var isSingleKeyword = [Bool](repeating: false, count: names.count)
    for stemID in singleKeywords { isSingleKeyword[stemID] = true }
    self.isSingleKeyword = isSingleKeyword
    self.maximumIDF = weights.max() ?? 1
    var examplesByStem = [[Int]](repeating: [], count: names.count)
    var exampleWeight: [Double] = []
    for (example, stems) in exampleStems.enumerated() {
      for stemID in stems { examplesByStem[stemID].append(example) }
      exampleWeight.append(stems.reduce(0) { $0 + weights[$1] })
    }
    let examplePostings = examplesByStem.flatMap { $0 }
    let exampleStarts = examplesByStem.reduce(into: [0]) { $0.append($0.last! + $1.count) }
    self.examplePostings = examplePostings
    self.exampleStarts = exampleStarts
    (exampleBitmapStarts, exampleBitmaps) = Self.exampleBitmaps(
      starts: exampleStarts, postings: examplePostings, examples: exampleIntent.count)
    self.exampleIntent = exampleIntent
    self.exampleWeight = exampleWeight
    // Examples are numbered intent by intent, so a stem's examples of one intent are adjacent.
    var closestStarts = [0]
    var closestIntents: [Int] = []
    var closestWeights: [Double] = []
    for examples in examplesByStem {
      for example in examples {
        if closestIntents.count > closestStarts[closestStarts.count - 1],
          closestIntents[closestIntents.count - 1] == exampleIntent[example]
        {
          closestWeights[closestWeights.count - 1] = min(
            closestWeights[closestWeights.count - 1], exampleWeight[example])
        } else {
          closestIntents.append(exampleIntent[example])
          closestWeights.append(exampleWeight[example])
        }
      }
      closestStarts.append(closestIntents.count)
    }
    self.closestStarts = closestStarts
    self.exampleStemIDs = exampleStems.flatMap { $0 }
    self.exampleStemStarts = exampleStems.reduce(into: [0]) { $0.append($0.last! + $1.count) }
    self.closestIntents = closestIntents
    self.closestWeights = closestWeights
    let sortedIDs = Array(Set(intentIDs)).sorted()
    let ranks = Dictionary(uniqueKeysWithValues: sortedIDs.enumerated().map { ($1, $0) })
    self.idRank = intentIDs.map { ranks[$0]! }
    self.scratch = ScratchPool(
      intents: intentIDs.count, examples: exampleIntent.count, stems: names.count)
    switch classifier {
    case .none:
      self.classifier = nil
    case .learned(let learned):
      self.classifier = learned.classCount == examples.count ? learned : nil
    case .learn:
      var lines: [(stems: [String], label: Int)] = []
      for (position, entry) in examples.enumerated() {
        for example in entry.stems { lines.append((example, position)) }
        for keyword in keywords[entry.intent] ?? [] { lines.append((keyword, position)) }
      }
      self.classifier = LinearClassifier(
        lines: lines, classCount: examples.count, cost: Self.classifierCost)
    }
    self.hasClassifier = self.classifier != nil
    var terms: [String: Term] = [:]
    terms.reserveCapacity(stemIDs.count + stopwords.count + (self.classifier?.ids.count ?? 0))
    for (stem, stemID) in stemIDs { terms[stem, default: Term()].stem = stemID }
    for (stem, feature) in self.classifier?.ids ?? [:] {
      terms[stem, default: Term()].feature = feature
    }
    for stem in stopwords { terms[stem, default: Term()].isStopword = true }
    self.terms = WordTable(terms)
  }

  /// Whether intents are ranked by a classifier learned from the same examples as well.
  public enum Classifier: Sendable {
    case none
    /// Learn one now (a few milliseconds for the built-in knowledge, in a release build).
    case learn
    /// Use one learned earlier from the same examples and keywords.
    case learned(LinearClassifier)
  }

  /// Returns the intents that match a question's stems, best first.
  ///
  /// Equal scores are ordered by intent id, so the same question always gives the same list.
  ///
  /// - Parameters:
  ///   - stems: the question's stems.
  ///   - context: stems of the previous question, which add to the score at half weight but
  ///     not to the confidence, so a follow-up such as "and heat?" keeps the earlier "how long".
  ///   - limit: how many matches to return at most.
  ///   - kinds: the kinds of question the line asks (`ask_kinds`), which rank the intents that
  ///     answer them first.
  /// - Complexity: O(*p*), where *p* is the number of postings of the question's stems.
  public func matches(
    for stems: [String], context: [String] = [], limit: Int = 5, kinds: Set<String> = []
  ) -> [Match] {
    let scratch = scratch.take()
    defer { self.scratch.giveBack(scratch) }
    var lists = scratch.takeLists()
    defer { scratch.lists = lists }
    for stem in stems {
      lists.stems.append(stem)
      lists.terms.append(terms[stem] ?? Term())
    }
    for stem in context { lists.contextTerms.append(terms[stem] ?? Term()) }
    return matches(&lists, limit: limit, kinds: kinds, scratch)
  }

  /// Returns the intents that match the stems of some tokens, best first, as
  /// `matches(for:context:limit:kinds:)` gives them for `tokens.map(\.stem)`; a token's
  /// stem is found by its number (`number(by:)`).
  func matches(
    forStemsOf tokens: some Collection<Token>, context: [String] = [], limit: Int = 5,
    kinds: Set<String> = []
  ) -> [Match] {
    matches(tokens, skippingPunctuation: false, context: context, limit: limit, kinds: kinds)
  }

  /// Returns the intents that match a question's word tokens (its `stems`), best first.
  func matches(
    for analyzed: AnalyzedText, context: [String] = [], limit: Int = 5, kinds: Set<String> = []
  ) -> [Match] {
    matches(
      analyzed.tokens, skippingPunctuation: true, context: context, limit: limit, kinds: kinds)
  }

  /// Returns the intents that match the stems of tokens, found by number, in the scratch's
  /// lists, so a call makes no arrays of its own but its answer.
  fileprivate func matches(
    _ tokens: some Collection<Token>, skippingPunctuation: Bool, context: [String], limit: Int,
    kinds: Set<String>
  ) -> [Match] {
    let scratch = scratch.take()
    defer { self.scratch.giveBack(scratch) }
    var lists = scratch.takeLists()
    defer { scratch.lists = lists }
    for token in tokens where !skippingPunctuation || !token.isPunctuation {
      lists.stems.append(token.stem)
      lists.terms.append(term(of: token))
    }
    for stem in context { lists.contextTerms.append(terms[stem] ?? Term()) }
    return matches(&lists, limit: limit, kinds: kinds, scratch)
  }

  /// Returns the intents that match the stems in `lists` (with their terms and the context's),
  /// using the other lists as scratch.
  fileprivate func matches(
    _ lists: inout Scratch.Lists, limit: Int, kinds: Set<String>, _ scratch: Scratch
  ) -> [Match] {
    let stems = lists.stems
    let stemTerms = lists.terms
    let contextTerms = lists.contextTerms
    // The question's stems without stopwords or repeats (their positions in `stems`), with
    // their numbers (-1 for a stem the index does not hold; the index holds no stopwords).
    // Known stems are told apart by number, unknown ones by name.
    let isSeen = scratch.isSeen
    var unknown: [String] = []
    var unknownSet: Set<String> = []
    for (position, term) in stemTerms.enumerated() {
      if term.stem >= 0 {
        if isSeen[term.stem] { continue }
        isSeen[term.stem] = true
      } else {
        if term.isStopword { continue }
        let stem = stems[position]
        // A short list is searched in place; a long one through a set.
        if unknown.count < 8 ? unknown.contains(stem) : !unknownSet.insert(stem).inserted {
          continue
        }
        unknown.append(stem)
        if unknown.count == 8 { unknownSet = Set(unknown) }
      }
      lists.content.append(position)
      lists.contentIDs.append(term.stem)
    }
    // Stems of the context the question does not have, first mention first, each once.
    for term in contextTerms where term.stem >= 0 && !isSeen[term.stem] {
      isSeen[term.stem] = true
      lists.contextIDs.append(term.stem)
    }
    let content = lists.content
    let contentIDs = lists.contentIDs
    let contextIDs = lists.contextIDs
    for stemID in contentIDs where stemID >= 0 { isSeen[stemID] = false }
    for stemID in contextIDs { isSeen[stemID] = false }
    guard !content.isEmpty else { return [] }
    // Buffers indexed by intent position, all zero on entry, with a list of the positions
    // touched; only the touched entries are set back to zero.
    let scores = scratch.scores
    let covered = scratch.covered
    let earnedBits = scratch.earnedBits
    let isTouched = scratch.isTouched
    let closest = scratch.closest
    let overlap = scratch.overlap
    let touched = scratch.touched
    let overlapping = scratch.overlapping
    var touchedCount = 0
    var overlappingCount = 0
    defer {
      for intent in touched[..<touchedCount] {
        scores[intent] = 0
        covered[intent] = 0
        earnedBits[intent] = 0
        isTouched[intent] = false
        closest[intent] = 0
      }
      // The overlaps were cleared as they were read; `closest` is cleared with the touched
      // intents, which hold every overlapping example's intent.
    }
    var total = 0.0
    postings.withUnsafeBufferPointer { postings in
      for (position, stemID) in contentIDs.enumerated() {
        guard stemID >= 0 else {
          total += unknownWeight(stems[content[position]])
          continue
        }
        let weight = idf[stemID]
        lists.known.append((stemID, weight))
        total += max(weight, 0.2)
        let bit: UInt64 = position < 64 ? 1 << UInt64(position) : 0
        for posting in postings[postingStarts[stemID]..<postingStarts[stemID + 1]] {
          if !isTouched[posting.intent] {
            isTouched[posting.intent] = true
            touched[touchedCount] = posting.intent
            touchedCount += 1
          }
          scores[posting.intent] += posting.score
          covered[posting.intent] += max(weight, 0.2)
          earnedBits[posting.intent] |= bit
        }
      }
    }
    // The closest single example adds its overlap (a Dice coefficient weighted by IDF), so a
    // question worded like one example is not drowned by an intent with many loose examples.
    let known = lists.known
    var queryWeight = 0.0
    for (_, weight) in known { queryWeight += weight }
    if known.count <= 64 {
      setClosest(known, queryWeight: queryWeight, scratch)
    } else {
      // Too many stems for the bits `setClosest` marks them by: one pass per stem.
      examplePostings.withUnsafeBufferPointer { examplePostings in
        for (stemID, weight) in known {
          for example in examplePostings[exampleStarts[stemID]..<exampleStarts[stemID + 1]] {
            if overlap[example] == 0 {
              overlapping[overlappingCount] = example
              overlappingCount += 1
            }
            overlap[example] += weight
          }
        }
      }
      exampleIntent.withUnsafeBufferPointer { exampleIntent in
        exampleWeight.withUnsafeBufferPointer { exampleWeight in
          for example in overlapping[..<overlappingCount] {
            let dice = 2 * overlap[example] / (queryWeight + exampleWeight[example])
            overlap[example] = 0
            closest[exampleIntent[example]] = max(closest[exampleIntent[example]], dice)
          }
        }
      }
    }
    for intent in touched[..<touchedCount] {
      scores[intent] += Self.exampleWeightFactor * closest[intent]
    }
    for stemID in contextIDs {
      for posting in postings[postingStarts[stemID]..<postingStarts[stemID + 1]] {
        if !isTouched[posting.intent] {
          isTouched[posting.intent] = true
          touched[touchedCount] = posting.intent
          touchedCount += 1
        }
        scores[posting.intent] += 0.5 * posting.score
      }
    }
    for (offset, stemID) in contentIDs.enumerated() where stemID >= 0 {
      for phrase in phrases[stemID] where contains(contentIDs, phrase.stems, at: offset) {
        if !isTouched[phrase.intent] {
          isTouched[phrase.intent] = true
          touched[touchedCount] = phrase.intent
          touchedCount += 1
        }
        scores[phrase.intent] += phrase.score
      }
    }
    let touchedIntents = UnsafeBufferPointer(rebasing: touched[..<touchedCount])
    // With a classifier, its learned scores rank the intents, and the relevance above (scaled
    // so the best is 1) breaks near ties; only intents that share a word with the question
    // take part, so a question made of unknown words still finds nothing.
    if let classifier {
      for term in stemTerms { lists.stemFeatures.append(term.feature) }
      for term in contextTerms { lists.contextFeatures.append(term.feature) }
      classifier.setFeatures(
        stemFeatures: lists.stemFeatures, contextFeatures: lists.contextFeatures,
        into: &lists.features)
      let features = lists.features
      var best = Double.leastNonzeroMagnitude
      for intent in touchedIntents { best = max(best, scores[intent]) }
      let learned = scratch.learned
      classifier.setScores(features, of: touchedIntents, isWanted: isTouched, into: learned)
      for intent in touchedIntents {
        scores[intent] = learned[intent] + Self.relevanceWeight * scores[intent] / best
      }
    }
    if !kinds.isEmpty {
      if let askMasks {
        let asked = kinds.reduce(UInt64(0)) { $0 | (kindBits[$1] ?? 0) }
        for intent in touchedIntents where askMasks[intent] != 0 {
          scores[intent] += askMasks[intent] & asked == 0 ? 0 : Self.askBonus
        }
      } else {
        for intent in touchedIntents where !asks[intent].isEmpty {
          scores[intent] += asks[intent].isDisjoint(with: kinds) ? 0 : Self.askBonus
        }
      }
    }
    // Only the best few are needed: pick them without sorting every touched intent.
    var ranked = lists.ranked
    lists.ranked = []
    defer { lists.ranked = ranked }
    for intent in touchedIntents {
      if ranked.count < max(limit, 2) {
        ranked.append(intent)
      } else if isBetter(intent, ranked[ranked.count - 1], scores) {
        ranked[ranked.count - 1] = intent
      } else {
        continue
      }
      var position = ranked.count - 1
      while position > 0 && isBetter(ranked[position], ranked[position - 1], scores) {
        ranked.swapAt(position, position - 1)
        position -= 1
      }
    }
    // Confidence is the share of the question the intent explains, raised a little when the
    // intent clearly outscores the runner-up: by its margin with a classifier, by its share of
    // the top score without.
    let lead =
      ranked.first.map { self.lead(of: scores[$0], over: ranked.count > 1 ? scores[ranked[1]] : 0) }
      ?? 0
    var matches: [Match] = []
    matches.reserveCapacity(min(limit, ranked.count))
    for (rank, intent) in ranked.prefix(limit).enumerated() {
      let coverage = total > 0 ? min(1, covered[intent] / total) : 0
      let confidence = self.confidence(coverage: coverage, lead: rank == 0 ? lead : 0)
      var earned: [String] = []
      earned.reserveCapacity(earnedBits[intent].nonzeroBitCount)
      for (offset, position) in content.prefix(64).enumerated()
      where earnedBits[intent] & (1 << UInt64(offset)) != 0 {
        earned.append(stems[position])
      }
      matches.append(
        Match(
          intent: intentIDs[intent], score: scores[intent], confidence: confidence,
          matchedStems: earned, coverage: coverage, lead: rank == 0 ? lead : 0))
    }
    return matches
  }

}

extension IntentIndex {
  /// The confidence of a match as the first one, leading a given runner-up (or none): for an
  /// intent that is first once the intents already answered are set aside.
  public func confidence(of match: Match, over runnerUp: Match?) -> Double {
    confidence(coverage: match.coverage, lead: lead(of: match.score, over: runnerUp?.score ?? 0))
  }

  /// How far a first score leads the runner-up's, from 0 to 1: by the classifier margin over
  /// `leadScale`, or without a classifier by the share of the first score.
  func lead(of score: Double, over runnerUp: Double) -> Double {
    if hasClassifier { return min(1, max(0, (score - runnerUp) / Self.leadScale)) }
    return score > 0 ? 1 - runnerUp / score : 0
  }

  /// The confidence of an intent with this coverage and lead, to three decimals: calibrated
  /// when the index has a calibration, else the coverage raised a little by the lead.
  func confidence(coverage: Double, lead: Double) -> Double {
    let confidence =
      calibration?.probability(coverage: coverage, lead: lead)
      ?? min(1, coverage * (1 + Self.dominanceBonus * lead))
    return (confidence * 1000).rounded() / 1000
  }

}

extension IntentIndex {
  /// Files the terms by an analyzer's numbers; its tokens are then looked up by number.
  mutating func number(by analyzer: TextAnalyzer) {
    var byNumber = [Term](repeating: Term(), count: analyzer.numberCount)
    for (stem, term) in terms.dictionary {
      if let number = analyzer.number(of: stem) { byNumber[Int(number)] = term }
    }
    termsByNumber = byNumber
  }

  /// What the index knows of a token's stem, as `terms[token.stem]` tells it.
  @inline(__always)
  func term(of token: Token) -> Term {
    let number = token.stemID
    return number >= 0 && Int(number) < termsByNumber.count
      ? termsByNumber[Int(number)] : terms[token.stem] ?? Term()
  }

  /// Whether a token's stem is in the index, as `knows(_:)` tells of the stem.
  func knows(_ token: Token) -> Bool { term(of: token).stem >= 0 }

  /// Whether a token's stem says enough on its own, as `isInformative(_:)` tells of the stem.
  func isInformative(_ token: Token) -> Bool {
    let stemID = term(of: token).stem
    return stemID >= 0 && idf[stemID] >= 1.0
  }

  /// Whether a token's stem belongs to a few topics only, as `isTelling(_:)` tells of it.
  func isTelling(_ token: Token) -> Bool {
    let stemID = term(of: token).stem
    return stemID >= 0 && idf[stemID] >= Self.tellingIDF
  }

  /// Whether the stems of some tokens hold a keyword phrase whole, as `holdsKeyword(_:)`
  /// tells of `tokens.map(\.stem)`.
  func holdsKeyword(stemsOf tokens: some Sequence<Token>) -> Bool {
    var numbers: [Int] = []
    for token in tokens {
      let term = term(of: token)
      if !term.isStopword { numbers.append(term.stem) }
    }
    return holdsKeyword(numbers: numbers)
  }

  /// Whether a question's word tokens (its `stems`) say enough to stand as a question.
  func isInformative(_ analyzed: AnalyzedText) -> Bool {
    analyzed.tokens.contains { !$0.isPunctuation && isInformative($0) }
  }

  /// Whether a question's word tokens (its `stems`) hold a keyword phrase whole.
  func holdsKeyword(_ analyzed: AnalyzedText) -> Bool {
    holdsKeyword(stemsOf: analyzed.tokens.lazy.filter { !$0.isPunctuation })
  }

  /// Whether a stem is in the index at all, however common.
  public func knows(_ stem: String) -> Bool { (terms[stem]?.stem ?? -1) >= 0 }

  /// Whether some intent the predicate accepts has an example or keyword holding the stem.
  public func isPosted(_ stem: String, in accepts: (String) -> Bool) -> Bool {
    guard let stemID = terms[stem]?.stem, stemID >= 0 else { return false }
    return postings[postingStarts[stemID]..<postingStarts[stemID + 1]].contains {
      accepts(intentIDs[$0.intent])
    }
  }

  /// Whether the stems hold some intent's keyword phrase whole ("drive", "hot tub").
  public func holdsKeyword(_ stems: [String]) -> Bool {
    // Keyword phrases are held without their stopwords ("make an ice pack" as make ice pack).
    let numbers = stems.compactMap { stem -> Int? in
      let term = terms[stem]
      return term?.isStopword == true ? nil : term?.stem ?? -1
    }
    return holdsKeyword(numbers: numbers)
  }

  /// Whether stem numbers (-1 for one the index does not hold) hold a keyword phrase whole.
  fileprivate func holdsKeyword(numbers: [Int]) -> Bool {
    numbers.indices.contains { offset in
      numbers[offset] >= 0
        && (isSingleKeyword[numbers[offset]]
          || phrases[numbers[offset]].contains { contains(numbers, $0.stems, at: offset) })
    }
  }

  /// Whether stems say enough to stand as a question of their own: at least one of them is
  /// rare enough in the index to point somewhere (not only "back" and "spasm"). The index
  /// holds no stopwords, so a stem it holds is not one.
  public func isInformative(_ stems: [String]) -> Bool {
    stems.contains { isInformative($0) }
  }

  /// Whether one stem says enough to stand as a question of its own, as `isInformative(_:)`
  /// tells of a list of just this stem.
  public func isInformative(_ stem: String) -> Bool {
    guard let stemID = terms[stem]?.stem, stemID >= 0 else { return false }
    return idf[stemID] >= 1.0
  }

  /// Whether a stem belongs to a few topics only (an inverse document frequency of at least
  /// `tellingIDF`, about one intent in seven or fewer): "ice", "setting", "tub", not "need".
  public func isTelling(_ stem: String) -> Bool {
    guard let stemID = terms[stem]?.stem, stemID >= 0 else { return false }
    return idf[stemID] >= Self.tellingIDF
  }
}

extension IntentIndex {
  /// How much an unknown word counts against confidence: numbers and markers count little.
  fileprivate func unknownWeight(_ stem: String) -> Double {
    // An ASCII character is a number only as a digit; anything else asks Unicode.
    let first = stem.utf8.first ?? 0
    let isNumber = first < 0x80 ? first >= 0x30 && first <= 0x39 : stem.first?.isNumber == true
    return isNumber || first == 0x23 ? 0.3 : 0.35 * maximumIDF
  }

  /// Whether a phrase's stems come in the question from an offset on (-1, an unknown stem,
  /// matches none).
  fileprivate func contains(_ stemIDs: [Int], _ phrase: [Int], at offset: Int) -> Bool {
    offset + phrase.count <= stemIDs.count
      && zip(stemIDs[offset...], phrase).allSatisfy { $0 == $1 }
  }

  /// Whether an intent ranks above another: a higher score, or an equal one and an earlier id.
  fileprivate func isBetter(_ lhs: Int, _ rhs: Int, _ scores: UnsafeMutableBufferPointer<Double>)
    -> Bool
  {
    scores[lhs] != scores[rhs] ? scores[lhs] > scores[rhs] : idRank[lhs] < idRank[rhs]
  }
}
