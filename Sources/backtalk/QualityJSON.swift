import BacktalkCore
import Foundation

/// The `--json` reports of `lint` and `eval`: one object each, with the same figures and
/// findings the text report prints, for content authors' CI.
enum QualityJSON {
  /// `lint --json`: every finding with its file and line, and how many there are.
  static func lint(_ findings: [KnowledgeLint.Finding]) -> String {
    JSONReport.text([
      "count": findings.count,
      "findings": findings.map { ["file": $0.file, "line": $0.line, "message": $0.message] },
    ])
  }

  /// `eval --json` when cross-validating: the accuracy, the confused pairs (the first `top`),
  /// the calibration table and curve, the best-fitting weights and every miss.
  static func crossValidation(
    _ result: CrossValidation.Result, folds: Int, top: Int, drifted: Bool
  ) -> String {
    let report = result.calibrationReport
    let calibration: [String: Any] = [
      "bins": report.bins.map { bin in
        [
          "lower": JSONReport.share(bin.lower), "upper": JSONReport.share(bin.upper),
          "count": bin.count, "mean_confidence": JSONReport.share(bin.meanConfidence),
          "accuracy": JSONReport.share(bin.accuracy),
        ]
      },
      "expected_error": JSONReport.share(report.expectedError),
      "curve": report.curve.map { row in
        [
          "threshold": JSONReport.share(row.threshold),
          "answered": JSONReport.share(row.answered), "accuracy": JSONReport.share(row.accuracy),
        ]
      },
      "fitted": result.fittedCalibration.weights,
      "fit_differs": drifted,
    ]
    return JSONReport.text([
      "mode": "cross_validation", "folds": folds, "total": result.total,
      "correct": result.correct, "accuracy": JSONReport.share(result.accuracy),
      "ranked_first": result.rankedFirst,
      "ranked_accuracy": JSONReport.share(result.rankedAccuracy),
      "confusions": result.confusions.prefix(top).map {
        ["expected": $0.expected, "answered": $0.answered, "count": $0.count]
      },
      "calibration": calibration,
      "misses": result.misses.map {
        ["question": $0.question, "expected": $0.expected, "answered": $0.answered]
      },
    ])
  }

  /// `eval --cases FILE --json`: how many questions were answered right first, abstained or
  /// wrong, the multi-part lines, and every line that was not right.
  static func cases(_ result: CaseEvaluation.Result, files: [String]) -> String {
    JSONReport.text([
      "mode": "cases", "files": files, "total": result.total, "right": result.right,
      "abstained": result.abstained, "wrong": result.wrong,
      "accuracy": JSONReport.share(result.share(result.right)),
      "multi_part": result.multiPart, "multi_part_right": result.multiPartRight,
      "misses": result.outcomes.filter { $0.outcome != .right }.map {
        [
          "question": $0.question, "expected": $0.expected, "answered": $0.answered,
          "outcome": $0.outcome.rawValue,
        ]
      },
    ])
  }
}
