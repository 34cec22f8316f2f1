/// Totals over a run of regression cases, with the safety figures on their own.
///
/// Outcomes are added one at a time and only the counts (and the failures, unless told not
/// to keep them) are kept, so a run of any size takes the memory of its failures alone.
public struct RegressionReport: Sendable {
  /// The failed outcomes, in the order added; empty when `keepsFailures` is false.
  public private(set) var failures: [RegressionRunner.Outcome] = []
  /// Whether failed outcomes are kept in `failures` (a caller that prints them as they come
  /// needs not keep them).
  public let keepsFailures: Bool
  public private(set) var checkCount = 0
  public private(set) var failureCount = 0
  /// Cases counted in their original wording.
  public private(set) var caseCount = 0
  public private(set) var underTriaged = 0
  public private(set) var overTriaged = 0
  /// Original wordings expected at `none` (the benign lines), and how many were escalated.
  public private(set) var benignCount = 0
  public private(set) var benignEscalated = 0
  private var emergencies = 0
  private var emergenciesCaught = 0
  private var variantChecks = 0
  private var variantsPassed = 0
  var topicRows: [String: SafetyRow] = [:]
  var modifierRows: [String: SafetyRow] = [:]

  public init(keepsFailures: Bool = true) {
    self.keepsFailures = keepsFailures
  }

  /// A report over outcomes already at hand.
  public init(outcomes: [RegressionRunner.Outcome]) {
    self.init()
    for outcome in outcomes { add(outcome) }
  }

  /// Counts one outcome in.
  public mutating func add(_ outcome: RegressionRunner.Outcome) {
    checkCount += 1
    if !outcome.passed {
      failureCount += 1
      if keepsFailures { failures.append(outcome) }
    }
    if outcome.isUnderTriaged { underTriaged += 1 }
    if outcome.isOverTriaged { overTriaged += 1 }
    guard outcome.variant == .original else {
      variantChecks += 1
      if outcome.passed { variantsPassed += 1 }
      return
    }
    caseCount += 1
    if outcome.regressionCase.triage == .emergency {
      emergencies += 1
      if outcome.reply.triage == .emergency { emergenciesCaught += 1 }
    }
    if outcome.regressionCase.triage == .none {
      benignCount += 1
      if outcome.isOverTriaged { benignEscalated += 1 }
    }
    countSafetyRows(outcome)
  }

  public var passedCount: Int { checkCount - failureCount }

  /// The share of emergency cases (original wording) answered as emergencies.
  public var emergencyRecall: Double? {
    guard emergencies > 0 else { return nil }
    return Double(emergenciesCaught) / Double(emergencies)
  }

  /// The share of variant checks that passed.
  public var variantPassRate: Double? {
    guard variantChecks > 0 else { return nil }
    return Double(variantsPassed) / Double(variantChecks)
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
      \(caseCount) cases, \(checkCount) checks with variants; variant pass rate \(percent(variantPassRate))
      safety: emergency recall \(percent(emergencyRecall)), under-triage \(underTriaged), over-triage \(overTriaged)
      \(safetyTable)
      \(passedCount) passed, \(failureCount) failed
      """
  }
}
