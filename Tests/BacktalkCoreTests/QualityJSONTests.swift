import Foundation
import Testing

/// `lint --json` and `eval --json`: one JSON object with the text report's figures and
/// findings, over small knowledge so the cross-validation takes a moment.
@Suite struct QualityJSONTests {
  /// A data folder holding the small inline knowledge, and a case file for it.
  static func dataFolder() throws -> URL {
    let folder = try EndToEndTests.temporaryFolder()
    let files = [
      "Intents/test.yml": Fixture.smallIntents, "Corpus/doc.md": Fixture.smallCorpus,
      "Lexicon/language.yml": Fixture.smallLexicon,
      "cases.yml": """
      - {q: "is the hot tub ok", intents: [hot_tub]}
      - {q: "can i drive", intents: [driving]}
      - {q: "zebra crossing", intents: [driving]}
      """,
    ]
    for (path, text) in files {
      let file = folder.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: file, atomically: true, encoding: .utf8)
    }
    return folder
  }

  /// Runs backtalk in the data folder and parses its whole stdout as one JSON object.
  static func report(_ arguments: [String], status: Int32 = 0) throws -> [String: Any] {
    let folder = try dataFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try EndToEndTests.run(
      arguments + ["--data", folder.path], directory: folder)
    #expect(result.status == status, "\(result.stderr)")
    #expect(result.stdout.split(separator: "\n").count == 1, "one line")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  @Test func lintReportsEveryFindingWithItsFileAndLine() throws {
    let object = try Self.report(["lint", "--json", "--warn", "cases.yml"])
    let findings = try #require(object["findings"] as? [[String: Any]])
    #expect(object["count"] as? Int == findings.count)
    #expect(!findings.isEmpty, "the cases reach neither ice nor heat duration")
    for finding in findings {
      let file = try #require(finding["file"] as? String)
      #expect(file.hasSuffix("Intents/test.yml") || file.hasSuffix("Corpus/doc.md"), "\(file)")
      #expect((finding["line"] as? Int ?? 0) > 0)
      #expect(!(finding["message"] as? String ?? "").isEmpty)
    }
  }

  @Test func lintExitsOneOnFindingsAsTheTextReportDoes() throws {
    let object = try Self.report(["lint", "--json", "cases.yml"], status: 1)
    #expect((object["count"] as? Int ?? 0) > 0)
  }

  @Test func evalGivesTheAccuracyCalibrationAndMisses() throws {
    let object = try Self.report(["eval", "--json", "--folds", "2"])
    #expect(object["mode"] as? String == "cross_validation")
    #expect(object["folds"] as? Int == 2)
    let total = try #require(object["total"] as? Int)
    let correct = try #require(object["correct"] as? Int)
    let misses = try #require(object["misses"] as? [[String: Any]])
    #expect(total > 0 && total - correct == misses.count)
    #expect(
      object["accuracy"] as? Double == (Double(correct) / Double(total) * 10_000)
        .rounded() / 10_000)
    #expect(object["ranked_accuracy"] is Double)
    #expect(object["confusions"] is [[String: Any]])
    let calibration = try #require(object["calibration"] as? [String: Any])
    let bins = try #require(calibration["bins"] as? [[String: Any]])
    #expect(bins.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == total)
    #expect(calibration["expected_error"] is Double)
    #expect((calibration["curve"] as? [[String: Any]])?.isEmpty == false)
    let fitted = try #require(calibration["fitted"] as? [String: Double])
    #expect(Set(fitted.keys) == ["bias", "coverage", "lead"])
  }

  @Test func evalOfACaseFileGivesItsFiguresAndWhatWasNotRight() throws {
    let object = try Self.report(["eval", "--json", "--cases", "cases.yml"])
    #expect(object["mode"] as? String == "cases")
    #expect(object["files"] as? [String] == ["cases.yml"])
    #expect(object["total"] as? Int == 3)
    let right = try #require(object["right"] as? Int)
    let abstained = try #require(object["abstained"] as? Int)
    let wrong = try #require(object["wrong"] as? Int)
    #expect(right + abstained + wrong == 3)
    let misses = try #require(object["misses"] as? [[String: Any]])
    #expect(misses.count == 3 - right)
    #expect(misses.contains { $0["question"] as? String == "zebra crossing" })
  }
}
