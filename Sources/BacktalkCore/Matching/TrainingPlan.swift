/// Which lines each class of a `LinearClassifier` is trained on: its own, those of its rivals
/// (the classes most like it), and the rest as one line, their average.
///
/// Trained against every line, each class would cost the whole training set, and learning
/// them all would grow with lines times classes: a knowledge base ten times the size would take
/// a hundred times as long. Most of those lines are about something else and share no telling
/// word with the class; they are on the right side of its boundary whatever it is, and move
/// only its bias. So, as one-against-the-rest training of many classes usually does (the
/// hard-negative shortlists of Slice, Jain et al., 2019, say), a class is trained line by line
/// against the classes that share a telling feature with it, at most `rivalLimit` of them,
/// best first by the cosine of the classes' mean vectors. The other lines become one line,
/// their mean, counted as many times as they are: within the features the class is trained
/// on its score is the mean of theirs, so it pushes the bias and the shared common words
/// down the way they would (a little more gently: the squared hinge of a mean is at most the
/// mean of the squared hinges).
///
/// A feature that more than `commonFeatureLimit` classes have ("can", "i") says little about
/// which one a line is of, and is left out of the search for rivals, though not out of
/// training. So finding the rivals costs at most that limit per feature of a class, and
/// training a class costs its rivals' lines: both grow with the knowledge, not with its square.
struct TrainingPlan: Sendable {
  /// A feature shared by more classes than this is not used to find rivals.
  static let commonFeatureLimit = 128

  /// Each class's rivals, in increasing order.
  let rivals: [[Int]]
  /// Each class's lines, in increasing order.
  let linesByClass: [[Int]]
  /// The sum of every line's values of a feature, and how many lines have it.
  let totals: [Double]
  let lineCounts: [Int]

  /// One class's training lines, with the features they use renumbered from 0.
  struct Problem {
    /// The lines trained on one by one, in increasing order, by their place in the input.
    var lines: [Int]
    /// How many lines the last vector stands for, 0 when every line is trained on by itself.
    var summarized: Int
    /// The vectors (the lines', then any summary's), in local feature ids.
    var vectors: [[(id: Int, value: Double)]]
    var signs: [Double]
    var counts: [Double]
    /// The feature id of each local id.
    var features: [Int]
  }

  /// Finds each class's rivals.
  ///
  /// - Complexity: O(*n* + *f* × `commonFeatureLimit` + *c* log *c*), for *n* non-zero values
  ///   in the lines, *f* features in the classes' mean vectors and *c* candidate rivals.
  init(
    vectors: [[(id: Int, value: Double)]], labels: [Int], classCount: Int, dimension: Int,
    rivalLimit: Int
  ) {
    var linesByClass = [[Int]](repeating: [], count: classCount)
    var totals = [Double](repeating: 0, count: dimension)
    var lineCounts = [Int](repeating: 0, count: dimension)
    var centroids = [[Int: Double]](repeating: [:], count: classCount)
    for (line, vector) in vectors.enumerated() {
      linesByClass[labels[line]].append(line)
      for (id, value) in vector {
        totals[id] += value
        lineCounts[id] += 1
        centroids[labels[line]][id, default: 0] += value
      }
    }
    // Each class's mean direction, features in increasing order, and the classes by feature.
    var classesByFeature = [[(label: Int, value: Double)]](repeating: [], count: dimension)
    var means: [[(id: Int, value: Double)]] = []
    means.reserveCapacity(classCount)
    for (label, centroid) in centroids.enumerated() {
      let sum = centroid.map { (id: $0.key, value: $0.value) }.sorted { $0.id < $1.id }
      let length = sum.reduce(0) { $0 + $1.value * $1.value }.squareRoot()
      let mean = sum.map { (id: $0.id, value: $0.value / length) }
      for (id, value) in mean { classesByFeature[id].append((label, value)) }
      means.append(mean)
    }
    var rivals = [[Int]](repeating: [], count: classCount)
    var similarity = [Double](repeating: 0, count: classCount)
    var touched: [Int] = []
    for (label, mean) in means.enumerated() {
      for (id, value) in mean where classesByFeature[id].count <= Self.commonFeatureLimit {
        for other in classesByFeature[id] where other.label != label {
          if similarity[other.label] == 0 { touched.append(other.label) }
          similarity[other.label] += value * other.value
        }
      }
      // Ties go to the lower class, so the plan is the same every run.
      touched.sort { (similarity[$0], $1) > (similarity[$1], $0) }
      rivals[label] = touched.prefix(rivalLimit).sorted()
      for other in touched { similarity[other] = 0 }
      touched.removeAll(keepingCapacity: true)
    }
    self.rivals = rivals
    self.linesByClass = linesByClass
    self.totals = totals
    self.lineCounts = lineCounts
  }

  /// One class's training lines: its own and its rivals', and the rest as their mean.
  ///
  /// - Complexity: O(the non-zero values of the class's and its rivals' lines).
  func problem(
    for label: Int, vectors: [[(id: Int, value: Double)]], labels: [Int]
  ) -> Problem {
    var lines = linesByClass[label]
    for rival in rivals[label] { lines += linesByClass[rival] }
    lines.sort()
    var localIDs: [Int: Int] = [:]
    var features: [Int] = []
    var sums: [Double] = []
    var counts: [Int] = []
    var problem = Problem(
      lines: lines, summarized: vectors.count - lines.count, vectors: [], signs: [], counts: [],
      features: [])
    problem.vectors.reserveCapacity(lines.count + 1)
    for line in lines {
      // Renumbering keeps each vector's order, so its sums come out the same to the bit.
      problem.vectors.append(
        vectors[line].map { id, value in
          let local =
            localIDs[id]
            ?? {
              features.append(id)
              sums.append(0)
              counts.append(0)
              localIDs[id] = features.count - 1
              return features.count - 1
            }()
          sums[local] += value
          counts[local] += 1
          return (local, value)
        })
      problem.signs.append(labels[line] == label ? 1 : -1)
      problem.counts.append(1)
    }
    if problem.summarized > 0 {
      // The features the class can weigh are those of its lines; of the rest only those count.
      var mean: [(id: Int, value: Double)] = []
      for (local, id) in features.enumerated() where lineCounts[id] > counts[local] {
        let rest = max(totals[id] - sums[local], 0)
        mean.append((local, rest / Double(problem.summarized)))
      }
      problem.vectors.append(mean)
      problem.signs.append(-1)
      problem.counts.append(Double(problem.summarized))
    }
    problem.features = features
    return problem
  }
}
