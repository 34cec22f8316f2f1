import Testing

// The plan is internal: which lines a class trains on is not part of the classifier's face, but
// it is what keeps training from growing with lines times classes.
@testable import BacktalkCore

@Suite struct TrainingPlanTests {
  /// Makes a plan the way `LinearClassifier` does, from lines of stems.
  func makePlan(_ lines: [(stems: [String], label: Int)], classCount: Int, rivalLimit: Int = 128)
    -> (plan: TrainingPlan, problems: [TrainingPlan.Problem])
  {
    var ids: [String: Int] = [:]
    for stem in lines.flatMap({ Set($0.stems).sorted() }) where ids[stem] == nil {
      ids[stem] = ids.count
    }
    let vectors = lines.map { line in
      Set(line.stems).map { (id: ids[$0]!, value: 1.0) }.sorted { $0.id < $1.id }
    }
    let labels = lines.map(\.label)
    let plan = TrainingPlan(
      vectors: vectors, labels: labels, classCount: classCount, dimension: ids.count,
      rivalLimit: rivalLimit)
    return (
      plan, (0..<classCount).map { plan.problem(for: $0, vectors: vectors, labels: labels) }
    )
  }

  @Test func classWithDisjointFeaturesTrainsOnItsOwnLinesAndOneSummary() {
    let (plan, problems) = makePlan(
      [
        (["ice", "pack"], 0), (["ice", "cold"], 0), (["drive", "car"], 1), (["car", "seat"], 1),
        (["sleep", "bed"], 2), (["bed", "pillow"], 2),
      ], classCount: 3)
    for (label, problem) in problems.enumerated() {
      #expect(plan.rivals[label].isEmpty)
      // Two lines of its own, and the other four as one: not every line of the knowledge.
      #expect(problem.lines == [2 * label, 2 * label + 1])
      #expect(problem.vectors.count == 3)
      #expect(problem.summarized == 4 && problem.counts.last == 4 && problem.signs.last == -1)
      // The other classes' lines have none of its features: the summary moves the bias only.
      #expect(problem.vectors.last?.isEmpty == true)
    }
  }

  @Test func classTrainsAgainstTheLinesOfClassesSharingAFeature() {
    let (plan, problems) = makePlan(
      [
        (["ice", "pack"], 0), (["heat", "pack"], 1), (["drive", "car"], 2), (["car", "seat"], 2),
      ], classCount: 3)
    #expect(plan.rivals == [[1], [0], []])
    #expect(problems[0].lines == [0, 1] && problems[0].summarized == 2)
    #expect(problems[0].signs == [1, -1, -1])
    #expect(problems[2].lines == [2, 3] && problems[2].summarized == 2)
  }

  @Test func summaryIsTheMeanOfTheRestOverTheClassFeatures() throws {
    let (_, problems) = makePlan(
      [(["ice", "pack"], 0), (["heat", "pack"], 1), (["sleep", "ice"], 2), (["bed"], 2)],
      classCount: 3, rivalLimit: 1)
    // Class 0 shares "pack" with 1 and "ice" with 2; the limit keeps the closer, 1 (class 2 has
    // a third word), and the two lines of class 2 become one with "ice" at half.
    let problem = problems[0]
    #expect(problem.lines == [0, 1] && problem.summarized == 2)
    let summary = try #require(problem.vectors.last)
    #expect(summary.map { problem.features[$0.id] } == [0])
    #expect(summary.map(\.value) == [0.5])
  }

  /// A word every class has ("shared") finds no rivals, so each of 600 classes trains on its own
  /// two lines and one summary, not on 1,200.
  @Test func commonFeatureFindsNoRivals() {
    let lines = (0..<600).flatMap { label in
      [
        (stems: ["word\(label)", "shared"], label: label),
        (stems: ["word\(label)", "more\(label)"], label: label),
      ]
    }
    let (plan, problems) = makePlan(lines, classCount: 600)
    #expect(plan.rivals.allSatisfy { $0.isEmpty })
    #expect(problems.allSatisfy { $0.lines.count == 2 && $0.vectors.count == 3 })
  }

  /// However many classes are alike, a class trains against at most `rivalLimit` of them: the
  /// lines trained on grow with the classes, not with their square.
  @Test func rivalsAreCappedAtTheLimit() {
    let lines = (0..<40).flatMap { label in
      [
        (stems: ["word\(label)", "group\(label / 20)"], label: label),
        (stems: ["other\(label)", "group\(label / 20)"], label: label),
      ]
    }
    let (plan, problems) = makePlan(lines, classCount: 40, rivalLimit: 5)
    #expect(plan.rivals.allSatisfy { $0.count == 5 })
    // Only classes of the same group share a word, all alike: ties go to the lower class.
    #expect(plan.rivals[0] == [1, 2, 3, 4, 5] && plan.rivals[39] == [20, 21, 22, 23, 24])
    #expect(problems.allSatisfy { $0.lines.count == 12 && $0.summarized == 68 })
  }
}
