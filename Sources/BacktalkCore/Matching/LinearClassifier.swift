import Foundation

/// A linear classifier over stems, learned from the intent examples: for every stem a weight
/// per intent, set so that each training line scores its own intent above the others.
///
/// BM25 weighs a word by how rare it is; this learns how much it says about each intent, so
/// "why" leans towards causes and "you" towards questions about Backtalk itself. It is a
/// one-against-the-rest linear support vector machine (squared hinge loss, L2 regularisation)
/// over log-scaled TF-IDF vectors, trained by dual coordinate descent (Hsieh et al., 2008, the
/// method behind LIBLINEAR). The features are the stems, and at a lower weight the pairs of
/// neighbouring stems ("are you", "how long"), each group scaled to unit length. Training is
/// deterministic: the same lines give the same weights.
public struct LinearClassifier: Sendable, Equatable {
  /// What a feature is: a stem, or a pair of neighbouring stems given by their feature ids.
  public enum Feature: Sendable, Equatable {
    case stem(String)
    case pair(Int, Int)

    var isPair: Bool { if case .pair = self { true } else { false } }
  }

  /// The features the classifier knows, by id. A pair comes after both of its stems.
  public let vocabulary: [Feature]
  /// Inverse document frequency by feature id.
  public let idf: [Double]
  /// The weights that are not 0, by feature: feature `f`'s are at `rowStarts[f]..<rowStarts[f
  /// + 1]` of `weightClasses` (in increasing order) and `weightValues`. Those too small to
  /// matter are left out, so memory grows with the weights that count, not with features
  /// times classes (most stems say something about a few intents only).
  let rowStarts: [Int]
  let weightClasses: [Int32]
  let weightValues: [Float]
  /// Each class's bias, learned as the weight of a feature that is always 1.
  public let bias: [Double]
  /// Stems by name, pairs by the ids of their two stems, and which features are pairs.
  let ids: [String: Int]
  let pairIDs: [UInt64: Int]
  let isPair: [Bool]
  /// Whether every row's classes strictly increase and no stored weight is 0, as both
  /// initialisers make them, so scoring need not skip repeats or zeros.
  let hasPlainRows: Bool

  public var classCount: Int { bias.count }

  /// How much a stem of the earlier question counts against one of the question itself: as
  /// much, so "how long?" after "ice or heat?" is about icing.
  static let contextWeight = 1.0
  /// The length of the pairs' part of a vector, against 1 for the single stems'.
  static let pairWeight = 0.5

  /// A weight smaller than this is stored as 0. Most weights of rare pairs are that small;
  /// dropping them moved one of 933 cross-validated examples and shrinks the snapshot by half.
  public static let smallestWeight = 0.01

  /// How many other classes, the most alike, a class is trained against line by line; the
  /// rest count as one line, their average (see `TrainingPlan`). Today's knowledge has fewer
  /// classes than this, so there it changes nothing but the classes sharing no feature.
  public static let rivalLimit = 128

  /// Restores a classifier from its learned parts (see `KnowledgeSnapshot`).
  ///
  /// - Parameter weights: for each feature, its non-zero weights as classes and values, the
  ///   classes in increasing order.
  public init(
    vocabulary: [Feature], idf: [Double], weights: [[(label: Int, weight: Float)]],
    bias: [Double]
  ) {
    var rowStarts = [0]
    rowStarts.reserveCapacity(weights.count + 1)
    var classes: [Int32] = []
    var values: [Float] = []
    for row in weights {
      for (label, weight) in row where weight != 0 {
        classes.append(Int32(label))
        values.append(weight)
      }
      rowStarts.append(classes.count)
    }
    self.init(
      vocabulary: vocabulary, idf: idf, rowStarts: rowStarts, weightClasses: classes,
      weightValues: values, bias: bias)
  }

  init(
    vocabulary: [Feature], idf: [Double], rowStarts: [Int], weightClasses: [Int32],
    weightValues: [Float], bias: [Double]
  ) {
    self.vocabulary = vocabulary
    self.idf = idf
    self.rowStarts = rowStarts
    self.weightClasses = weightClasses
    self.weightValues = weightValues
    self.bias = bias
    var ids: [String: Int] = [:]
    var pairIDs: [UInt64: Int] = [:]
    for (id, feature) in vocabulary.enumerated() {
      switch feature {
      case .stem(let stem): if ids[stem] == nil { ids[stem] = id }
      case .pair(let first, let second): pairIDs[Self.key(first, second)] = id
      }
    }
    self.ids = ids
    self.pairIDs = pairIDs
    isPair = vocabulary.map(\.isPair)
    hasPlainRows = Self.arePlain(rowStarts: rowStarts, classes: weightClasses, values: weightValues)
  }

  /// Whether each row's classes strictly increase and none of its weights is 0.
  static func arePlain(rowStarts: [Int], classes: [Int32], values: [Float]) -> Bool {
    for row in rowStarts.indices.dropLast() {
      for entry in rowStarts[row]..<rowStarts[row + 1] {
        if values[entry] == 0 || values[entry].isNaN { return false }
        if entry > rowStarts[row] && classes[entry] <= classes[entry - 1] { return false }
      }
    }
    return true
  }

  /// Each feature's name: a stem, or a pair's two stems with a space between.
  public var names: [String] {
    var names: [String] = []
    for feature in vocabulary {
      switch feature {
      case .stem(let stem): names.append(stem)
      case .pair(let first, let second): names.append(names[first] + " " + names[second])
      }
    }
    return names
  }

  static func key(_ first: Int, _ second: Int) -> UInt64 { UInt64(first) << 32 | UInt64(second) }

  /// How many weights are not 0.
  public var nonZeroWeightCount: Int { weightValues.count }

  /// One feature's non-zero weights: classes in increasing order, with their weights.
  public func weights(of feature: Int) -> [(label: Int, weight: Float)] {
    (rowStarts[feature]..<rowStarts[feature + 1]).map {
      (Int(weightClasses[$0]), weightValues[$0])
    }
  }

  /// One feature's weight for one class, 0 when it has none.
  ///
  /// - Complexity: O(log *k*), where *k* is the number of classes the feature has a weight for.
  public func weight(feature: Int, class label: Int) -> Double {
    var low = rowStarts[feature]
    var high = rowStarts[feature + 1]
    let target = Int32(truncatingIfNeeded: label)
    while low < high {
      let middle = (low + high) / 2
      if weightClasses[middle] < target { low = middle + 1 } else { high = middle }
    }
    return low < rowStarts[feature + 1] && weightClasses[low] == target
      ? Double(weightValues[low]) : 0
  }

  /// Learns weights from labelled lines.
  ///
  /// - Parameters:
  ///   - lines: each training line's stems and its class, from 0 to `classCount - 1`.
  ///   - classCount: how many classes there are.
  ///   - cost: how much a misclassified line costs against the size of the weights (the `C`
  ///     of an SVM): higher fits the lines more closely.
  ///   - epochs: the most passes over the lines per class.
  ///   - rivalLimit: how many other classes, the most alike, each class is trained against
  ///     line by line; the lines of the rest count as their average (see `TrainingPlan`).
  /// - Complexity: O(*n* × *r*) for *n* lines and *r* the rival limit, not O(*n* × classes).
  public init(
    lines: [(stems: [String], label: Int)], classCount: Int, cost: Double = 1, epochs: Int = 200,
    rivalLimit: Int = LinearClassifier.rivalLimit
  ) {
    var ids: [String: Int] = [:]
    var pairIDs: [UInt64: Int] = [:]
    var vocabulary: [Feature] = []
    var frequency: [Int] = []
    func id(_ feature: Feature) -> Int {
      vocabulary.append(feature)
      frequency.append(0)
      return vocabulary.count - 1
    }
    let counted = lines.map { line in
      var counts: [Int: Int] = [:]
      var previous: Int?
      for stem in line.stems {
        let stemID =
          ids[stem]
          ?? {
            let new = id(.stem(stem))
            ids[stem] = new
            return new
          }()
        counts[stemID, default: 0] += 1
        if let first = previous {
          let key = Self.key(first, stemID)
          let pairID =
            pairIDs[key]
            ?? {
              let new = id(.pair(first, stemID))
              pairIDs[key] = new
              return new
            }()
          counts[pairID, default: 0] += 1
        }
        previous = stemID
      }
      for id in counts.keys { frequency[id] += 1 }
      return counts
    }
    let total = Double(lines.count)
    let idf = frequency.map { log((1 + total) / (1 + Double($0))) + 1 }
    let isPair = vocabulary.map(\.isPair)
    // Typed with the labels the training functions take, so no call converts the whole array
    // (a conversion per class would cost lines times classes again).
    let vectors: [[(id: Int, value: Double)]] = counted.map { counts in
      Self.scaled(
        counts.map { id, count in (id: id, value: (1 + log(Double(count))) * idf[id]) }
          .sorted { $0.id < $1.id },
        isPair: { isPair[$0] })
    }
    // Each class's weights that count, as feature ids and values.
    var columns = [(features: [Int32], values: [Float])](
      repeating: ([], []), count: classCount)
    var bias = [Double](repeating: 0, count: classCount)
    let labels = lines.map(\.label)
    let plan = TrainingPlan(
      vectors: vectors, labels: labels, classCount: classCount, dimension: vocabulary.count,
      rivalLimit: rivalLimit)
    // The classes are learned independently, so they are shared out over the cores; each
    // writes only its own column and its own bias.
    columns.withUnsafeMutableBufferPointer { columns in
      bias.withUnsafeMutableBufferPointer { bias in
        nonisolated(unsafe) let columns = columns
        nonisolated(unsafe) let bias = bias
        DispatchQueue.concurrentPerform(iterations: classCount) { label in
          let problem = plan.problem(for: label, vectors: vectors, labels: labels)
          let (classWeights, classBias) = Self.train(
            problem.vectors, signs: problem.signs, counts: problem.counts,
            dimension: problem.features.count, cost: cost, epochs: epochs)
          // Kept to single precision, which is plenty for ranking and halves the snapshot.
          var column: (features: [Int32], values: [Float]) = ([], [])
          let kept = zip(problem.features, classWeights).filter {
            abs($0.1) >= Self.smallestWeight
          }
          for (id, weight) in kept {
            column.features.append(Int32(id))
            column.values.append(Float(weight))
          }
          columns[label] = column
          bias[label] = Double(Float(classBias))
        }
      }
    }
    let dimension = vocabulary.count
    // From columns (by class) to rows (by feature), each row's classes in increasing order.
    var rowStarts = [Int](repeating: 0, count: dimension + 1)
    for column in columns {
      for feature in column.features { rowStarts[Int(feature) + 1] += 1 }
    }
    for feature in 0..<dimension { rowStarts[feature + 1] += rowStarts[feature] }
    var next = rowStarts
    var classes = [Int32](repeating: 0, count: rowStarts[dimension])
    var values = [Float](repeating: 0, count: rowStarts[dimension])
    for (label, column) in columns.enumerated() {
      for (feature, value) in zip(column.features, column.values) {
        let slot = next[Int(feature)]
        classes[slot] = Int32(label)
        values[slot] = value
        next[Int(feature)] += 1
      }
    }
    columns = []
    self.init(
      vocabulary: vocabulary, idf: idf, rowStarts: rowStarts, weightClasses: classes,
      weightValues: values, bias: bias)
  }

  /// A question's features: the ids of its known stems and pairs, with their log-scaled TF-IDF
  /// values, the stems' part scaled to length 1 and the pairs' part to
  /// `pairWeight`, as in training. Stems the classifier never saw are left out.
  ///
  /// - Parameter context: stems of an earlier question, counted at `contextWeight`.
  public func features(for stems: [String], context: [String] = []) -> [(
    feature: Int, value: Double
  )] {
    features(
      stemFeatures: stems.map { ids[$0] ?? -1 }, contextFeatures: context.map { ids[$0] ?? -1 })
  }

  /// A question's features, as `features(for:context:)` gives them, from the feature ids of its
  /// stems (-1 for a stem the classifier never saw) rather than their names.
  ///
  /// - Complexity: O(*n* × *f*) for *n* stems and *f* features; a question has a handful.
  func features(stemFeatures: [Int], contextFeatures: [Int]) -> [(feature: Int, value: Double)] {
    var features: [(feature: Int, value: Double)] = []
    features.reserveCapacity(2 * (stemFeatures.count + contextFeatures.count))
    setFeatures(stemFeatures: stemFeatures, contextFeatures: contextFeatures, into: &features)
    return features
  }

  /// Sets `features` to a question's features, as `features(stemFeatures:contextFeatures:)`
  /// gives them, in an array the caller keeps between questions.
  func setFeatures(
    stemFeatures: [Int], contextFeatures: [Int],
    into features: inout [(feature: Int, value: Double)]
  ) {
    // A question has a handful of features: a small array searched in place beats a dictionary,
    // and pairs are looked up by the ids of their stems, so no string is built.
    features.removeAll(keepingCapacity: true)
    addAll(stemFeatures, 1, own: -1, to: &features)
    let own = features.count
    addAll(contextFeatures, Self.contextWeight, own: own, to: &features)
    var singles = 0.0
    var pairs = 0.0
    for index in features.indices {
      let feature = features[index].feature
      let value = (1 + log(features[index].value)) * idf[feature]
      features[index].value = value
      if isPair[feature] {
        pairs += value * value
      } else {
        singles += value * value
      }
    }
    // Each part scaled to its length, as `scaled(_:isPair:)` does for training.
    let singleScale = singles > 0 ? 1 / singles.squareRoot() : 0
    let pairScale = pairs > 0 ? Self.pairWeight / pairs.squareRoot() : 0
    for index in features.indices {
      features[index].value *= isPair[features[index].feature] ? pairScale : singleScale
    }
  }

  /// Scales the single stems' part and the pairs' part of a vector each to its length.
  static func scaled<Key>(_ entries: [(Key, value: Double)], isPair: (Key) -> Bool) -> [(
    Key, value: Double
  )] {
    var singles = 0.0
    var pairs = 0.0
    for entry in entries {
      if isPair(entry.0) {
        pairs += entry.value * entry.value
      } else {
        singles += entry.value * entry.value
      }
    }
    let singleScale = singles > 0 ? 1 / singles.squareRoot() : 0
    let pairScale = pairs > 0 ? pairWeight / pairs.squareRoot() : 0
    return entries.map { entry in
      (entry.0, entry.value * (isPair(entry.0) ? pairScale : singleScale))
    }
  }

  /// One class's score for a question's features: above 0 means the classifier takes the
  /// question to be of this class.
  ///
  /// A weight the feature does not have is 0 and adds nothing, so leaving it out gives the
  /// same sum to the last bit.
  ///
  /// - Complexity: O(*f* log *k*), where *f* is the number of features and *k* the most classes
  ///   one of them has a weight for.
  public func score(_ features: [(feature: Int, value: Double)], class label: Int) -> Double {
    var score = bias[label]
    for feature in features {
      let weight = weight(feature: feature.feature, class: label)
      if weight != 0 { score += feature.value * weight }
    }
    return score
  }

  /// Dual coordinate descent for one class against the rest (squared hinge loss), with the
  /// bias as an extra feature fixed at 1. Lines that are clearly on their side and have no
  /// say in the weights are set aside while the rest converge ("shrinking"), then all are
  /// checked once more.
  ///
  /// - Parameter counts: how many lines each line stands for, which multiplies its cost (a
  ///   summary of many lines counts as all of them).
  static func train(
    _ vectors: [[(id: Int, value: Double)]], signs: [Double], counts: [Double], dimension: Int,
    cost: Double, epochs: Int
  ) -> (weights: [Double], bias: Double) {
    let diagonals = counts.map { 0.5 / (cost * $0) }
    let tolerance = 0.01
    var weights = [Double](repeating: 0, count: dimension)
    var bias = 0.0
    var alpha = [Double](repeating: 0, count: vectors.count)
    let squaredNorms = zip(vectors, diagonals).map { vector, diagonal in
      vector.reduce(1) { $0 + $1.value * $1.value } + diagonal
    }
    var order = Array(vectors.indices)
    var active = order.count
    var random = SplitMix(seed: 0x5EED)
    var oldLargest = Double.infinity
    for _ in 0..<epochs {
      for index in stride(from: active - 1, to: 0, by: -1) {
        order.swapAt(index, Int(random.next() % UInt64(index + 1)))
      }
      var largest = -Double.infinity
      var smallest = Double.infinity
      var position = 0
      while position < active {
        let line = order[position]
        let sign = signs[line]
        var margin = bias
        for (id, value) in vectors[line] { margin += weights[id] * value }
        let gradient = sign * margin - 1 + diagonals[line] * alpha[line]
        var projected = gradient
        if alpha[line] == 0 {
          if gradient > oldLargest {
            active -= 1
            order.swapAt(position, active)
            continue
          }
          projected = min(gradient, 0)
        }
        largest = max(largest, projected)
        smallest = min(smallest, projected)
        position += 1
        guard abs(projected) > 1e-12 else { continue }
        let previous = alpha[line]
        alpha[line] = max(previous - gradient / squaredNorms[line], 0)
        let step = (alpha[line] - previous) * sign
        for (id, value) in vectors[line] { weights[id] += step * value }
        bias += step
      }
      if largest - smallest <= tolerance {
        if active == order.count { break }
        active = order.count
        oldLargest = .infinity
        continue
      }
      oldLargest = largest > 0 ? largest : .infinity
    }
    return (weights, bias)
  }
}

/// A small deterministic random number generator, so training shuffles the same way each run.
struct SplitMix {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}

extension LinearClassifier {
  /// Adds the features of a run of stems (by feature id, -1 unknown) and of their neighbouring
  /// pairs, at a weight. With `own` at 0 or more these are context features: one the question
  /// has already (among the first `own`) is not counted again.
  fileprivate func addAll(
    _ stems: [Int], _ weight: Double, own: Int,
    to features: inout [(feature: Int, value: Double)]
  ) {
    var previous = -1
    for id in stems {
      if id >= 0 {
        Self.add(id, weight, own: own, to: &features)
        if previous >= 0, let pair = pairIDs[Self.key(previous, id)] {
          Self.add(pair, weight, own: own, to: &features)
        }
      }
      previous = id
    }
  }

  fileprivate static func add(
    _ id: Int, _ weight: Double, own: Int, to features: inout [(feature: Int, value: Double)]
  ) {
    if let index = features.firstIndex(where: { $0.feature == id }) {
      if own < 0 || index >= own { features[index].value += weight }
    } else {
      features.append((id, weight))
    }
  }
}
