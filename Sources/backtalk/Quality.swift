import ArgumentParser
import BacktalkCore
import Foundation

/// `backtalk lint`: what in the knowledge needs an author's attention.
struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Report unreached intents, uncited passages, misrouted and duplicate examples.")

  @OptionGroup var options: CommonOptions
  @Flag(help: "Report, but exit 0 even when something is found.") var warn = false
  @Flag(help: "Print one JSON object with the findings.") var json = false
  @Argument(help: "Case files or folders, for which intents are reached.")
  var paths: [String] = ["Tests/Regression"]

  func run() throws {
    let session = try options.makeSession()
    let cases = try options.loadCases(paths)
    let findings = KnowledgeLint.run(session.responder, cases: cases)
    if json {
      Output.write(QualityJSON.lint(findings) + "\n")
    } else {
      for finding in findings { Output.write(finding.description + "\n") }
      Output.write("\(findings.count) finding\(findings.count == 1 ? "" : "s")\n")
    }
    Output.flush()
    if !findings.isEmpty && !warn { throw ExitCode(1) }
  }
}

/// `backtalk eval`: cross-validated accuracy of the matcher over the intent examples.
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Cross-validate the matcher over the intent examples and print top-1 accuracy.")

  @OptionGroup var options: CommonOptions
  @Option(help: "Number of folds (2 to \(Self.maximumFolds)).") var folds = 5
  @Option(help: "How many confused pairs to list.") var top = 10
  @Flag(help: "List every missed example: the question, the intent it belongs to, the answer.")
  var misses = false
  @Option(
    name: .customLong("cases"),
    help: ArgumentHelp(
      "Score the questions of a case file (q and intents) instead of cross-validating.",
      valueName: "file"))
  var caseFiles: [String] = []
  @Flag(
    help: "Print one JSON object with the figures, the calibration and every miss.")
  var json = false

  /// More folds than this only repeat the work: no intent has that many examples to hold out.
  static let maximumFolds = 100

  func validate() throws {
    guard (2...Self.maximumFolds).contains(folds) else {
      throw ValidationError("--folds must be between 2 and \(Self.maximumFolds), not \(folds)")
    }
    guard top >= 0 else {
      throw ValidationError("--top must be 0 or more, not \(top)")
    }
  }

  func run() throws {
    let session = try options.makeSession()
    if !caseFiles.isEmpty { return try score(caseFiles, session.responder) }
    let result = CrossValidation.run(session.responder.knowledge, folds: folds)
    let stored = session.responder.index.calibration
    if json {
      Output.write(
        QualityJSON.crossValidation(
          result, folds: folds, top: top, drifted: Self.drifted(result.fittedCalibration, stored))
          + "\n")
      return Output.flush()
    }
    Output.write(
      "\(folds)-fold cross-validated top-1 accuracy: \(percent(result.accuracy)) "
        + "(\(result.correct)/\(result.total))\n")
    Output.write(
      "ranked first by the matcher, answered or not: \(percent(result.rankedAccuracy)) "
        + "(\(result.rankedFirst)/\(result.total))\n")
    if !result.confusions.isEmpty { Output.write("most confused (expected -> answered):\n") }
    for pair in result.confusions.prefix(top) {
      Output.write("  \(pair.count)x \(pair.expected) -> \(pair.answered)\n")
    }
    writeCalibration(result, stored: stored)
    if misses && !result.misses.isEmpty {
      Output.write("missed examples (expected -> answered):\n")
      for miss in result.misses {
        Output.write("  \(miss.question)  [\(miss.expected) -> \(miss.answered)]\n")
      }
    }
    Output.flush()
  }

  /// Prints the reliability table, the expected calibration error and the coverage/accuracy
  /// curve of the confidences given, and the calibration that would fit them best.
  func writeCalibration(_ result: CrossValidation.Result, stored: Calibration?) {
    let report = result.calibrationReport
    Output.write("calibration of the confidence (right = the intent ranked first):\n")
    Output.write("  confidence   questions  mean confidence  right\n")
    for bin in report.bins {
      Output.write(
        String(
          format: "  %.1f-%.1f  %11d  %15.3f  %5.3f\n", bin.lower, bin.upper, bin.count,
          bin.meanConfidence, bin.accuracy))
    }
    Output.write(String(format: "expected calibration error: %.3f\n", report.expectedError))
    Output.write("answer threshold: share answered, share of those right\n")
    for row in report.curve {
      Output.write(
        String(
          format: "  %.2f  %5.1f%%  %5.1f%%\n", row.threshold, row.answered * 100,
          row.accuracy * 100))
    }
    let fitted = result.fittedCalibration
    let weights = Calibration.keys.map { key in
      "\(key): \(fitted.weights[key].map { String(format: "%.3f", $0) } ?? "")"
    }
    if Self.drifted(fitted, stored) {
      Output.write(
        "best fit to these outcomes (calibration: in Lexicon/language.yml): {"
          + weights.joined(separator: ", ") + "}\n")
    }
  }

  /// Whether a fitted calibration is worth copying over the stored one: it differs in some
  /// weight by more than 0.05, or there is none stored.
  static func drifted(_ fitted: Calibration, _ stored: Calibration?) -> Bool {
    stored.map { stored in
      Calibration.keys.contains {
        abs((fitted.weights[$0] ?? 0) - (stored.weights[$0] ?? 0)) > 0.05
      }
    } ?? true
  }

  /// Prints how many of the cases' questions were answered right first, abstained or wrong.
  func score(_ files: [String], _ responder: Responder) throws {
    let cases = try options.loadCases(files).filter { !$0.intents.isEmpty }
    guard !cases.isEmpty else {
      Output.error("backtalk: no case with intents in " + files.joined(separator: ", "))
      throw ExitCode(2)
    }
    let result = CaseEvaluation.run(responder, cases: cases)
    if json {
      Output.write(QualityJSON.cases(result, files: files) + "\n")
      return Output.flush()
    }
    func line(_ name: String, _ count: Int) -> String {
      "\(name): \(percent(result.share(count))) (\(count)/\(result.total))\n"
    }
    Output.write("\(result.total) questions from " + files.joined(separator: ", ") + "\n")
    Output.write(line("answered right first", result.right))
    Output.write(line("abstained", result.abstained))
    Output.write(line("answered wrong", result.wrong))
    if result.multiPart > 0 {
      Output.write(
        "lines with several questions, every part right: \(result.multiPartRight)/"
          + "\(result.multiPart)\n")
    }
    if misses {
      for item in result.outcomes where item.outcome != .right {
        Output.write(
          "  \(item.question)  [\(item.expected.joined(separator: "+")) -> "
            + "\(item.answered.isEmpty ? "(none)" : item.answered.joined(separator: "+"))]\n")
      }
    }
    Output.flush()
  }
}

/// A share as a percentage with one decimal, rounded down, so a figure printed at a target
/// has reached it.
private func percent(_ share: Double) -> String {
  String(format: "%.1f%%", (share * 1000).rounded(.down) / 10)
}
