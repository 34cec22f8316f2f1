import BacktalkCore
import Testing

/// Hostile YAML: aliases that repeat an anchor until the file stands for billions of values.
@Suite(.timeLimit(.minutes(1))) struct YAMLAliasBudgetTests {
  /// Nine levels of nine aliases each: 9^9 values from about 500 bytes.
  static let laughs: String = {
    var lines = [
      "- intent: bomb", "  examples:", "    - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
    ]
    for level in 1...8 {
      lines.append(
        "    - &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
          + "]")
    }
    return (lines + ["  answer: x"]).joined(separator: "\n") + "\n"
  }()

  func errors(_ files: [KnowledgeFile]) -> [KnowledgeError] { Fixture.loadErrors(files) }

  @Test func aBillionLaughsIntentFileIsAnErrorWithItsFileAndLine() {
    let found = errors([
      KnowledgeFile(
        path: "Intents/about.yml",
        text: "- intent: disclaimer\n  examples: [x]\n  answer: Not advice.\n"),
      KnowledgeFile(path: "Intents/bomb.yml", text: Self.laughs),
    ])
    let error = found.first { $0.file == "Intents/bomb.yml" }
    #expect(error?.line == 6)
    #expect(error?.problem.contains("'*a2'") == true)
    #expect(error?.fix.contains("write the values out") == true)
  }

  @Test func aBombUsedAsAKeyIsCaughtBeforeItIsHashed() throws {
    let text =
      "- &k [a, b, c, d, e, f, g, h]\n"
      + (1...12).map {
        "- &k\($0) [*k\($0 == 1 ? "" : String($0 - 1)), *k\($0 == 1 ? "" : String($0 - 1))]"
      }
      .joined(separator: "\n") + "\n- {*k12: x}\n"
    let error = #expect(throws: KnowledgeErrors.self) {
      try RegressionCaseLoader.parse(text, file: "Tests/Regression/keys.yml")
    }
    #expect(error?.errors.first?.problem.contains("aliases") == true)
  }

  @Test func aBeforeListOfThousandsOfAliasesIsAnError() {
    let text =
      "- q: &q can i drive\n  before: ["
      + Array(repeating: "*q", count: 5000).joined(separator: ", ")
      + "]\n"
    let error = #expect(throws: KnowledgeErrors.self) {
      try RegressionCaseLoader.parse(text, file: "Tests/Regression/before.yml")
    }
    #expect(error?.errors.first?.file == "Tests/Regression/before.yml")
    #expect(error?.errors.first?.line == 2)
  }

  @Test func aCaseWithHundredsOfEarlierQuestionsIsAnError() {
    let questions = (0...RegressionCaseLoader.maximumBefore).map { "question \($0)" }
    let text = "- q: can i drive\n  before: [" + questions.joined(separator: ", ") + "]\n"
    let error = #expect(throws: KnowledgeErrors.self) {
      try RegressionCaseLoader.parse(text, file: "Tests/Regression/before.yml")
    }
    #expect(error?.errors.first?.line == 2)
    #expect(error?.errors.first?.problem.contains("101 earlier questions") == true)
  }

  /// PyYAML writes a list two intents share as an anchor and aliases: that is no attack.
  @Test func aGeneratedFileThatSharesListsStillLoads() throws {
    var text = ""
    for number in 0..<600 {
      text +=
        number == 0
        ? "- q: first\n  before: &shared [a, b, c, d]\n"
        : "- q: question \(number)\n  before: *shared\n"
    }
    let cases = try RegressionCaseLoader.parse(text, file: "generated.yml")
    #expect(cases.count == 600)
    #expect(cases.last?.before == ["a", "b", "c", "d"])
  }

  @Test func aFewAliasesStillLoad() throws {
    let text = "- q: &q can i drive\n  before: [*q, *q]\n- q: hot tub?\n  before: [*q]\n"
    let cases = try RegressionCaseLoader.parse(text, file: "cases.yml")
    #expect(cases.map(\.before) == [["can i drive", "can i drive"], ["can i drive"]])
  }
}
