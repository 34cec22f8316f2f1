import Foundation
import Yams

/// Reads regression case files (`Tests/Regression/*.yml`): YAML lists of cases.
public enum RegressionCaseLoader {
  /// The most earlier questions a case may have: each is answered again for every variant, so
  /// thousands would make one case take minutes.
  public static let maximumBefore = 100

  static let keys = [
    "q", "triage", "intents", "must", "must_not", "before", "variants", "skip", "topic",
  ]

  /// Parses one case file; problems are reported like knowledge errors.
  public static func parse(_ text: String, file: String) throws(KnowledgeErrors) -> [RegressionCase]
  {
    var errors: [KnowledgeError] = []
    guard let root = composeYAML(text, file: file, errors: &errors, rejectingUnsafeText: false)
    else {
      throw KnowledgeErrors(errors)
    }
    guard let list = root.sequence else {
      throw KnowledgeErrors([
        KnowledgeError(
          file: file, line: 1, problem: "a case file must be a list of cases",
          fix: "start each case with '- q: question'")
      ])
    }
    var cases: [RegressionCase] = []
    for item in list {
      guard let mapping = item.mapping else {
        errors.append(
          KnowledgeError(
            file: file, line: item.mark?.line ?? 1, problem: "a case must be a mapping",
            fix: "write '- q: question' and its keys"))
        continue
      }
      var fields = YAMLFields(file: file, node: mapping, what: "this case")
      fields.rejectUnknownKeys(allowed: keys)
      let question = fields.string("q", required: true)
      let levelText = fields.string("triage") ?? "none"
      let level = TriageLevel(rawValue: levelText)
      if level == nil {
        fields.fail(
          fields.node("triage"), "unknown triage level '\(levelText)'",
          fix: "use none, routine, urgent or emergency")
      }
      let variants = fields.string("variants").map { $0 != "false" && $0 != "no" } ?? true
      var skipped: [RegressionVariant] = []
      for name in fields.strings("skip") {
        guard let variant = RegressionVariant(rawValue: name) else {
          fields.fail(
            fields.node("skip"), "unknown variant '\(name)'",
            fix: "use: "
              + RegressionVariant.allCases.dropFirst().map(\.rawValue).joined(separator: ", "))
          continue
        }
        skipped.append(variant)
      }
      let regressionCase = RegressionCase(
        question: question ?? "", triage: level ?? .none, intents: fields.strings("intents"),
        must: fields.strings("must"), mustNot: fields.strings("must_not"),
        before: fields.strings("before"), checksVariants: variants, skippedVariants: skipped,
        topic: fields.string("topic"), file: file, line: fields.line)
      if regressionCase.before.count > maximumBefore {
        fields.fail(
          fields.node("before"),
          "this case has \(regressionCase.before.count) earlier questions in 'before'",
          fix: "keep 'before' to the conversation that matters, at most \(maximumBefore) questions")
      }
      for pattern in regressionCase.must + regressionCase.mustNot
      where (try? NSRegularExpression(pattern: pattern)) == nil {
        fields.fail(
          nil, "'\(pattern)' is not a valid regular expression",
          fix: "escape special characters such as ( ) ? with a backslash")
      }
      errors += fields.errors
      if fields.errors.isEmpty { cases.append(regressionCase) }
    }
    guard errors.isEmpty else { throw KnowledgeErrors(errors) }
    return cases
  }

  /// Reads every `*.yml` file in the given files or folders, in name order.
  public static func load(paths: [String]) throws(KnowledgeErrors) -> [RegressionCase] {
    var files: [String] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw KnowledgeErrors([
          KnowledgeError(
            file: path, line: 0, problem: "no such file or folder",
            fix: "pass a case file or a folder of them")
        ])
      }
      if isDirectory.boolValue {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        files += names.filter { $0.hasSuffix(".yml") }.sorted().map {
          (path as NSString).appendingPathComponent($0)
        }
      } else {
        files.append(path)
      }
    }
    var cases: [RegressionCase] = []
    var errors: [KnowledgeError] = []
    for file in files {
      guard let data = FileManager.default.contents(atPath: file),
        let text = String(data: data, encoding: .utf8)
      else {
        errors.append(
          KnowledgeError(
            file: file, line: 0, problem: "cannot read the file as UTF-8 text",
            fix: "save it as UTF-8"))
        continue
      }
      do {
        cases += try parse(text, file: file)
      } catch {
        errors += error.errors
      }
    }
    guard errors.isEmpty else { throw KnowledgeErrors(errors) }
    return cases
  }
}
