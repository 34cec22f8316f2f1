import Foundation
import Testing

/// The benchmark's question set: not only the regression wording the matcher was tuned on.
@Suite struct BenchTests {
  /// Runs `bench/make_questions.py` over the regression cases and returns its lines.
  func questions(_ count: Int, _ options: [String]) throws -> [Substring] {
    let folder = try EndToEndTests.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("questions.txt")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      [
        "python3", Fixture.repositoryRoot.appendingPathComponent("bench/make_questions.py").path,
        Fixture.repositoryRoot.appendingPathComponent("Tests/Regression").path, String(count),
        output.path,
      ] + options
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0)
    return try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
  }

  @Test func paraphrasesAddRewordingsAndLongLinesToTheSameCount() throws {
    let plain = try questions(3000, [])
    let mixed = try questions(3000, ["--paraphrases"])
    #expect(plain.count == 3000 && mixed.count == 3000)
    let longestPlain = plain.map(\.utf8.count).max() ?? 0
    #expect(mixed.filter { $0.utf8.count > longestPlain }.count > 50)
    let known = Set(plain)
    #expect(mixed.filter { !known.contains($0) }.count > 300)
  }
}
