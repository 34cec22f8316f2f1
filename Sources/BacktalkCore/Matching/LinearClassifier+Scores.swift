extension LinearClassifier {
  /// Sets each marked class's score for a question's features, as `score(_:class:)` gives it,
  /// reading each feature's row of weights once instead of searching it once per class.
  ///
  /// Each class receives its bias and then the same additions in the same order as
  /// `score(_:class:)` makes them (feature by feature), so every sum is the same to the last
  /// bit.
  ///
  /// - Parameters:
  ///   - classes: the classes to score; `isWanted` is true exactly for them.
  ///   - scores: where each class's score is written, at its index.
  /// - Complexity: O(*c* + *w*), where *c* is the number of classes asked for and *w* the
  ///   number of non-zero weights of the question's features.
  func setScores<Classes: Collection<Int>>(
    _ features: [(feature: Int, value: Double)], of classes: Classes,
    isWanted: UnsafeMutableBufferPointer<Bool>, into scores: UnsafeMutableBufferPointer<Double>
  ) {
    for label in classes { scores[label] = bias[label] }
    if hasPlainRows {
      addPlainRows(features, isWanted: isWanted, into: scores)
      return
    }
    rowStarts.withUnsafeBufferPointer { rowStarts in
      weightClasses.withUnsafeBufferPointer { weightClasses in
        weightValues.withUnsafeBufferPointer { weightValues in
          for feature in features {
            var previous: Int32 = -1
            for entry in rowStarts[feature.feature]..<rowStarts[feature.feature + 1] {
              let label = weightClasses[entry]
              // `weight(feature:class:)` finds a class's first entry only.
              defer { previous = label }
              guard label != previous, isWanted[Int(label)] else { continue }
              let weight = Double(weightValues[entry])
              if weight != 0 { scores[Int(label)] += feature.value * weight }
            }
          }
        }
      }
    }
  }

  /// The loop of `setScores` for rows whose classes strictly increase and whose weights are
  /// not 0 (`hasPlainRows`): the repeats and zeros it skips cannot occur, so it tests neither.
  private func addPlainRows(
    _ features: [(feature: Int, value: Double)], isWanted: UnsafeMutableBufferPointer<Bool>,
    into scores: UnsafeMutableBufferPointer<Double>
  ) {
    rowStarts.withUnsafeBufferPointer { rowStarts in
      weightClasses.withUnsafeBufferPointer { weightClasses in
        weightValues.withUnsafeBufferPointer { weightValues in
          for feature in features {
            for entry in rowStarts[feature.feature]..<rowStarts[feature.feature + 1] {
              let label = Int(weightClasses[entry])
              if isWanted[label] { scores[label] += feature.value * Double(weightValues[entry]) }
            }
          }
        }
      }
    }
  }
}
