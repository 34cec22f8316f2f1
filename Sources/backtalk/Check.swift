import ArgumentParser
import BacktalkCore
import Foundation

/// `backtalk check`: runs the answer-regression cases and exits 1 on any failure.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Run answer-regression cases (default Tests/Regression/) against the knowledge.")

  @OptionGroup var options: CommonOptions
  @Flag(help: "Print a machine-readable JSON report.") var json = false
  @Option(
    help: ArgumentHelp(
      "Run only cases whose question or file contains this text.", valueName: "text"))
  var filter: String?
  @Flag(name: .customLong("no-variants"), help: "Skip the robustness variants.") var noVariants =
    false
  @Argument(help: "Case files or folders.") var paths: [String] = ["Tests/Regression"]

  func run() throws {
    let session = try options.makeSession()
    let cases = try options.loadCases(paths)
    let selected = cases.filter { item in
      guard let filter = filter?.lowercased() else { return true }
      return item.question.lowercased().contains(filter) || item.file.lowercased().contains(filter)
    }
    if let filter, selected.isEmpty {
      Output.error(
        "backtalk: no case matches --filter '\(filter)' (of \(cases.count) in "
          + paths.joined(separator: ", ") + "); nothing was checked")
      throw ExitCode(1)
    }
    let runner = RegressionRunner(responder: session.responder)
    // Outcomes are counted and dropped as they come; the text report prints each failure at
    // once, so only the JSON report keeps them.
    var report = RegressionReport(keepsFailures: json)
    for item in selected {
      for outcome in runner.run(item, variants: !noVariants) {
        report.add(outcome)
        if !json && !outcome.passed {
          Output.write(RegressionReport.describe(outcome) + "\n")
        }
      }
    }
    Output.write((json ? jsonReport(report) : report.summary) + "\n")
    Output.flush()
    if report.failureCount > 0 { throw ExitCode(1) }
  }

  private func jsonReport(_ report: RegressionReport) -> String {
    let failures: [[String: Any]] = report.failures.map { outcome in
      [
        "file": outcome.regressionCase.file, "line": outcome.regressionCase.line,
        "question": outcome.regressionCase.question, "variant": outcome.variant.rawValue,
        "failures": outcome.failures, "triage": outcome.reply.triage.rawValue,
        "intents": outcome.reply.intents,
      ]
    }
    let object: [String: Any] = [
      "cases": report.caseCount, "checks": report.checkCount, "passed": report.passedCount,
      "failed": report.failureCount, "emergency_recall": report.emergencyRecall ?? NSNull(),
      "under_triage": report.underTriaged, "over_triage": report.overTriaged,
      "variant_pass_rate": report.variantPassRate ?? NSNull(), "failures": failures,
    ]
    return JSONReport.text(object)
  }
}
