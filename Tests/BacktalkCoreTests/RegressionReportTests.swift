import BacktalkCore
import Testing

@Suite struct RegressionReportTests {
  static let runner = RegressionRunner(responder: Fixture.responder)

  @Test func countsEveryOutcomeButKeepsOnlyTheFailures() throws {
    var failing = RegressionCase(
      question: "can I drive?", triage: .emergency, file: "a.yml", line: 3)
    failing.checksVariants = false
    let passing = RegressionCase(question: "can I drive?", triage: .none, file: "a.yml", line: 4)
    var report = RegressionReport()
    for _ in 0..<50 {
      for outcome in Self.runner.run(passing) + Self.runner.run(failing) { report.add(outcome) }
    }
    #expect(report.checkCount == report.passedCount + 50)
    #expect(report.failureCount == 50)
    #expect(report.failures.count == 50)
    #expect(report.caseCount == 100)
    #expect(report.underTriaged == 50)
    #expect(report.summary.hasSuffix("\(report.passedCount) passed, 50 failed"))
  }

  @Test func aReportThatPrintsAsItGoesKeepsNoOutcome() {
    var failing = RegressionCase(
      question: "can I drive?", triage: .emergency, file: "a.yml", line: 3)
    failing.checksVariants = false
    var report = RegressionReport(keepsFailures: false)
    for outcome in Self.runner.run(failing) { report.add(outcome) }
    #expect(report.failureCount == 1)
    #expect(report.failures.isEmpty)
  }

  /// `(\w+\s?)+$` backtracks for hours over a long reply; the case must fail, with its file
  /// and line, in about the time limit.
  @Test(.timeLimit(.minutes(1)))
  func aCatastrophicPatternFailsItsCaseInsteadOfHanging() throws {
    let runner = RegressionRunner(
      responder: Fixture.responder, patternTimeLimit: .milliseconds(200))
    let slow = RegressionCase(
      question: "can I drive?", triage: .none, must: [#"(\w+\s?)+$"#], mustNot: [#"(\w+\s?)+!$"#],
      checksVariants: false, file: "Tests/Regression/slow.yml", line: 7)
    let clock = ContinuousClock()
    let start = clock.now
    let outcome = try #require(runner.run(slow).first)
    #expect(clock.now - start < .seconds(10))
    #expect(outcome.failures.count == 2)
    #expect(outcome.failures.allSatisfy { $0.contains("was stopped after") })
    #expect(RegressionReport.describe(outcome).hasPrefix("Tests/Regression/slow.yml:7: "))
  }

  @Test func ordinaryPatternsStillMatchCaseInsensitively() throws {
    let plain = RegressionCase(
      question: "can I drive?", triage: .none, must: ["NARCOTIC"], mustNot: ["jacuzzi"],
      checksVariants: false, file: "a.yml", line: 1)
    #expect(try #require(Self.runner.run(plain).first).passed)
  }
}
