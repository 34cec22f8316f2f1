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
}
