import Testing

// `setScores` works on raw buffers inside the matcher; nothing public reaches it alone.
@testable import BacktalkCore

/// Scoring every touched class from each feature's row at once gives the sums one class at a
/// time gives, to the last bit.
@Suite struct LinearClassifierScoresTests {
  @Test func rowByRowScoresAreTheSameAsClassByClass() {
    let classifier = Fixture.responder.index.classifier!
    let questions = [
      ["how", "long", "ice", "back"], ["can", "i", "driv"], ["why", "spasm", "start"],
      ["hot", "tub", "ok", "heat", "ice", "walk"], ["zzz"],
    ]
    let classes = classifier.classCount
    let isWanted = UnsafeMutableBufferPointer<Bool>.allocate(capacity: classes)
    let scores = UnsafeMutableBufferPointer<Double>.allocate(capacity: classes)
    defer {
      isWanted.deallocate()
      scores.deallocate()
    }
    for stems in questions {
      let features = classifier.features(for: stems, context: ["heat"])
      // Every other class, so the rows also hold classes that are not asked for.
      let wanted = Array(stride(from: 0, to: classes, by: 2))
      isWanted.initialize(repeating: false)
      for label in wanted { isWanted[label] = true }
      scores.initialize(repeating: .nan)
      classifier.setScores(features, of: wanted, isWanted: isWanted, into: scores)
      for label in wanted {
        #expect(
          scores[label].bitPattern == classifier.score(features, class: label).bitPattern,
          "class \(label) for \(stems)")
      }
    }
  }

  /// The built-in classifier takes the loop without repeat and zero tests, so the test above
  /// covers that loop; a row with a repeated class or a 0 keeps the careful one.
  @Test func plainRowsAreToldApart() {
    #expect(Fixture.responder.index.classifier!.hasPlainRows)
    func classifier(classes: [Int32], values: [Float]) -> LinearClassifier {
      LinearClassifier(
        vocabulary: [.stem("a")], idf: [1], rowStarts: [0, classes.count], weightClasses: classes,
        weightValues: values, bias: [0, 0])
    }
    #expect(classifier(classes: [0, 1], values: [0.5, -0.5]).hasPlainRows)
    #expect(!classifier(classes: [1, 1], values: [0.5, -0.5]).hasPlainRows)
    #expect(!classifier(classes: [1, 0], values: [0.5, -0.5]).hasPlainRows)
    #expect(!classifier(classes: [0, 1], values: [0.5, 0]).hasPlainRows)
  }

  /// A repeated class counts its first weight only and a 0 adds nothing, in the careful loop as
  /// in `score(_:class:)`.
  @Test func rowsWithRepeatsScoreAsClassByClass() {
    let classifier = LinearClassifier(
      vocabulary: [.stem("a"), .stem("b")], idf: [1, 1], rowStarts: [0, 3, 5],
      weightClasses: [0, 0, 1, 1, 2], weightValues: [0.25, 4, 0, 0.5, -1.5], bias: [0.1, 0.2, 0.3])
    #expect(!classifier.hasPlainRows)
    let features = classifier.features(for: ["a", "b"])
    let isWanted = UnsafeMutableBufferPointer<Bool>.allocate(capacity: 3)
    let scores = UnsafeMutableBufferPointer<Double>.allocate(capacity: 3)
    defer {
      isWanted.deallocate()
      scores.deallocate()
    }
    isWanted.initialize(repeating: true)
    scores.initialize(repeating: .nan)
    classifier.setScores(features, of: [0, 1, 2], isWanted: isWanted, into: scores)
    for label in 0..<3 {
      #expect(scores[label].bitPattern == classifier.score(features, class: label).bitPattern)
    }
  }
}
