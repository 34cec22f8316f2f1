import BacktalkCore
import Foundation
import Testing

/// The answer-regression cases in Tests/Regression, one test per case, through the same runner
/// `backtalk check` uses.
@Suite struct RegressionTests {
  static let cases: [RegressionCase] = {
    do {
      return try RegressionCaseLoader.load(
        paths: [Fixture.repositoryRoot.appendingPathComponent("Tests/Regression").path])
    } catch {
      fatalError("the regression cases do not load:\n\(error)")
    }
  }()

  static let runner = RegressionRunner(responder: Fixture.responder)

  @Test(arguments: cases)
  func answersAsExpected(_ regressionCase: RegressionCase) {
    for outcome in Self.runner.run(regressionCase) {
      #expect(outcome.passed, "\(RegressionReport.describe(outcome))")
    }
  }

  @Test func safetyFiguresHold() {
    let report = RegressionReport(outcomes: Self.cases.flatMap { Self.runner.run($0) })
    print(report.summary)
    #expect(Self.cases.count >= 250)
    #expect(report.emergencyRecall == 1)
    #expect(report.underTriaged == 0)
    print("false escalation on benign lines: \(report.benignEscalated)/\(report.benignCount)")
    #expect(Double(report.benignEscalated) <= 0.02 * Double(report.benignCount))
  }

  @Test func changingOneExpectationMakesACaseFail() throws {
    var regressionCase = try #require(Self.cases.first { $0.triage == .emergency })
    regressionCase.triage = .routine
    #expect(Self.runner.run(regressionCase, variants: false).contains { !$0.passed })
  }

  @Test(arguments: RegressionVariant.allCases)
  func variantsRewordTheQuestion(_ variant: RegressionVariant) {
    let question = "Can I go swimming with spasms?"
    let worded = variant.apply(to: question)
    #expect((worded == question) == (variant == .original))
  }
}
