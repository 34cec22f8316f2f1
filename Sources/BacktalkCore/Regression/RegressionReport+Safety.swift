/// The safety figures broken down: per topic (a SAFETY.md row or modifier, else the case
/// file) and per context modifier the replies' findings carried.
extension RegressionReport {
  /// Safety figures for one group of cases, original wordings only.
  public struct SafetyRow: Sendable, Equatable {
    public var name: String
    public var cases: Int
    public var emergencies: Int
    public var emergenciesCaught: Int
    public var under: Int
    public var over: Int
  }

  /// One row per topic, in name order.
  public var byTopic: [SafetyRow] { topicRows.values.sorted { $0.name < $1.name } }

  /// One row per context modifier found in the replies (a case counts under each it had).
  public var byModifier: [SafetyRow] { modifierRows.values.sorted { $0.name < $1.name } }

  /// The two tables as text, one line per row.
  public var safetyTable: String {
    func line(_ row: SafetyRow) -> String {
      let recall = row.emergencies == 0 ? "-" : "\(row.emergenciesCaught)/\(row.emergencies)"
      return
        "  \(row.name): \(row.cases) cases, emergencies \(recall), under \(row.under), over \(row.over)"
    }
    return (["per topic:"] + byTopic.map(line) + ["per modifier:"] + byModifier.map(line))
      .joined(separator: "\n")
  }
}

extension RegressionReport {
  /// Counts an outcome (original wording) under its topic and its modifiers.
  mutating func countSafetyRows(_ outcome: RegressionRunner.Outcome) {
    let item = outcome.regressionCase
    Self.count(outcome, in: &topicRows, under: [item.topic ?? Self.baseName(item.file)])
    Self.count(
      outcome, in: &modifierRows,
      under: Set(outcome.reply.findings.flatMap(\.modifierNames)).sorted())
  }

  fileprivate static func count(
    _ outcome: RegressionRunner.Outcome, in table: inout [String: SafetyRow], under names: [String]
  ) {
    for name in names {
      var row =
        table[name]
        ?? SafetyRow(name: name, cases: 0, emergencies: 0, emergenciesCaught: 0, under: 0, over: 0)
      row.cases += 1
      if outcome.regressionCase.triage == .emergency {
        row.emergencies += 1
        if outcome.reply.triage == .emergency { row.emergenciesCaught += 1 }
      }
      if outcome.isUnderTriaged { row.under += 1 }
      if outcome.isOverTriaged { row.over += 1 }
      table[name] = row
    }
  }

  fileprivate static func baseName(_ file: String) -> String {
    let name = file.split(separator: "/").last.map(String.init) ?? file
    return name.hasSuffix(".yml") ? String(name.dropLast(4)) : name
  }
}
