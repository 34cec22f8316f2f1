import Foundation

/// Turns what the matcher measured about its best intent (how much of the question it explains,
/// and how far it leads the runner-up) into an estimate of how often that intent is right.
///
/// A logistic model, fitted by `backtalk eval` to cross-validation over the intent examples and
/// kept in the lexicon (`calibration:`), so a confidence of 0.8 means "right about 8 times in 10".
public struct Calibration: Sendable, Equatable {
  public var bias: Double
  public var coverage: Double
  public var lead: Double

  /// The lexicon's keys for the three weights.
  public static let keys = ["bias", "coverage", "lead"]

  public init(bias: Double, coverage: Double, lead: Double) {
    self.bias = bias
    self.coverage = coverage
    self.lead = lead
  }

  /// The weights from a lexicon's `calibration:` mapping, or nil when it has none.
  public init?(_ weights: [String: Double]) {
    guard let bias = weights["bias"], let coverage = weights["coverage"],
      let lead = weights["lead"]
    else { return nil }
    self.init(bias: bias, coverage: coverage, lead: lead)
  }

  public var weights: [String: Double] { ["bias": bias, "coverage": coverage, "lead": lead] }

  /// The estimated chance that an intent with this coverage and lead is the right one.
  public func probability(coverage: Double, lead: Double) -> Double {
    1 / (1 + exp(-(bias + self.coverage * coverage + self.lead * lead)))
  }

  /// Fits the weights to observed outcomes by Newton's method on the log-likelihood, with a
  /// little ridge so the fit is defined even when every point is right.
  public static func fit(_ points: [(coverage: Double, lead: Double, right: Bool)]) -> Calibration {
    var weights = [0.0, 0.0, 0.0]
    let ridge = 0.01
    for _ in 0..<50 {
      var gradient = weights.map { ridge * $0 }
      var hessian = (0..<3).map { row in (0..<3).map { $0 == row ? ridge : 0.0 } }
      for point in points {
        let features = [1, point.coverage, point.lead]
        let sum = zip(weights, features).reduce(0) { $0 + $1.0 * $1.1 }
        let probability = 1 / (1 + exp(-sum))
        let error = probability - (point.right ? 1 : 0)
        let curvature = probability * (1 - probability)
        for row in 0..<3 {
          gradient[row] += error * features[row]
          for column in 0..<3 {
            hessian[row][column] += curvature * features[row] * features[column]
          }
        }
      }
      guard let step = solve(hessian, gradient) else { break }
      for index in 0..<3 { weights[index] -= step[index] }
      if step.map(abs).max() ?? 0 < 1e-9 { break }
    }
    func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
    return Calibration(
      bias: rounded(weights[0]), coverage: rounded(weights[1]), lead: rounded(weights[2]))
  }

  /// Solves a small linear system by Gaussian elimination with partial pivoting.
  static func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double]? {
    var rows = zip(matrix, vector).map { $0 + [$1] }
    let size = vector.count
    for column in 0..<size {
      guard
        let pivot = (column..<size).max(by: { abs(rows[$0][column]) < abs(rows[$1][column]) }),
        abs(rows[pivot][column]) > 1e-12
      else { return nil }
      rows.swapAt(column, pivot)
      for row in 0..<size where row != column {
        let factor = rows[row][column] / rows[column][column]
        for index in column...size { rows[row][index] -= factor * rows[column][index] }
      }
    }
    return (0..<size).map { rows[$0][size] / rows[$0][$0] }
  }
}

/// How well confidences match outcomes: a reliability table and its expected calibration error.
public struct CalibrationReport: Sendable {
  public struct Bin: Sendable {
    public var lower: Double
    public var upper: Double
    public var count: Int
    public var meanConfidence: Double
    public var accuracy: Double
  }

  /// Ten equal-width bins of confidence, the empty ones left out.
  public var bins: [Bin]
  /// The count-weighted mean gap between confidence and accuracy over the bins.
  public var expectedError: Double
  /// For each threshold, the share of questions answered and how many of those were right.
  public var curve: [(threshold: Double, answered: Double, accuracy: Double)]

  public init(_ points: [(confidence: Double, right: Bool)], binCount: Int = 10) {
    var bins: [Bin] = []
    var error = 0.0
    for bin in 0..<binCount {
      let lower = Double(bin) / Double(binCount)
      let upper = Double(bin + 1) / Double(binCount)
      let inside = points.filter {
        $0.confidence >= lower && ($0.confidence < upper || bin == binCount - 1)
      }
      guard !inside.isEmpty else { continue }
      let confidence = inside.reduce(0) { $0 + $1.confidence } / Double(inside.count)
      let accuracy = Double(inside.filter(\.right).count) / Double(inside.count)
      bins.append(
        Bin(
          lower: lower, upper: upper, count: inside.count, meanConfidence: confidence,
          accuracy: accuracy))
      error += Double(inside.count) * abs(confidence - accuracy)
    }
    self.bins = bins
    expectedError = points.isEmpty ? 0 : error / Double(points.count)
    curve = stride(from: 0.1, through: 0.9, by: 0.05).map { threshold in
      let answered = points.filter { $0.confidence >= threshold - 1e-9 }
      return (
        threshold,
        points.isEmpty ? 0 : Double(answered.count) / Double(points.count),
        answered.isEmpty ? 0 : Double(answered.filter(\.right).count) / Double(answered.count)
      )
    }
  }
}
