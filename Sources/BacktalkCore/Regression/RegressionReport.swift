/// Totals over a run of regression cases, with the safety figures on their own.
public struct RegressionReport: Sendable {
  public var outcomes: [RegressionRunner.Outcome]

  public init(outcomes: [RegressionRunner.Outcome]) {
    self.outcomes = outcomes
  }

  public var failures: [RegressionRunner.Outcome] { outcomes.filter { !$0.passed } }
  public var passedCount: Int { outcomes.count - failures.count }
  public var caseCount: Int { outcomes.filter { $0.variant == .original }.count }

  /// The share of emergency cases (original wording) answered as emergencies.
  public var emergencyRecall: Double? {
    let emergencies = outcomes.filter {
      $0.variant == .original && $0.regressionCase.triage == .emergency
    }
    guard !emergencies.isEmpty else { return nil }
    return Double(emergencies.filter { $0.reply.triage == .emergency }.count)
      / Double(emergencies.count)
  }

  public var underTriaged: Int { outcomes.filter(\.isUnderTriaged).count }
  public var overTriaged: Int { outcomes.filter(\.isOverTriaged).count }

  /// The share of variant checks that passed.
  public var variantPassRate: Double? {
    let variants = outcomes.filter { $0.variant != .original }
    guard !variants.isEmpty else { return nil }
    return Double(variants.filter(\.passed).count) / Double(variants.count)
  }

  /// One failure as `FILE:LINE: "question": expected …, got …` with an excerpt of the reply.
  public static func describe(_ outcome: RegressionRunner.Outcome) -> String {
    let item = outcome.regressionCase
    let variant = outcome.variant == .original ? "" : " [\(outcome.variant.rawValue)]"
    let excerpt = outcome.reply.text.replacingOccurrences(of: "\n", with: " ").prefix(160)
    return "\(item.file):\(item.line): \"\(item.question)\"\(variant): "
      + outcome.failures.joined(separator: "; ") + "\n  reply: \(excerpt)"
  }

  /// The closing lines: safety figures, then `N passed, N failed`.
  public var summary: String {
    func percent(_ value: Double?) -> String {
      value.map { String(format: "%.1f%%", $0 * 100) } ?? "n/a"
    }
    return """
      \(caseCount) cases, \(outcomes.count) checks with variants; variant pass rate \(percent(variantPassRate))
      safety: emergency recall \(percent(emergencyRecall)), under-triage \(underTriaged), over-triage \(overTriaged)
      \(safetyTable)
      \(passedCount) passed, \(failures.count) failed
      """
  }
}
