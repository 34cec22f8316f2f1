import BacktalkCore
import Foundation
import Testing

/// Runs the built binary against broken knowledge folders, full and closed descriptors, and
/// other faults, and checks it reports them instead of crashing or answering as if all was well.
@Suite struct FaultInjectionTests {
  static let binary = EndToEndTests.binary.path

  /// Runs a bash script (with `$B` set to the binary) and returns what it printed.
  static func shell(_ script: String, input: String = "") throws -> EndToEndTests.Result {
    try EndToEndTests.run(
      ["-c", "B='\(binary)'\n" + script], input: input, binary: URL(fileURLWithPath: "/bin/bash"))
  }

  /// A copy of the real knowledge in a new folder, so a test can break one file of it.
  static func copyOfKnowledge() throws -> URL {
    let folder = try EndToEndTests.temporaryFolder()
    for name in KnowledgeFile.folders {
      try FileManager.default.copyItem(
        at: Fixture.repositoryRoot.appendingPathComponent(name),
        to: folder.appendingPathComponent(name))
    }
    return folder
  }

  @Test func aDanglingLexiconIsALoadErrorNotASilentFallback() throws {
    let folder = try Self.copyOfKnowledge()
    defer { try? FileManager.default.removeItem(at: folder) }
    let lexicon = folder.appendingPathComponent("Lexicon/language.yml")
    try FileManager.default.removeItem(at: lexicon)
    try FileManager.default.createSymbolicLink(
      atPath: lexicon.path, withDestinationPath: "moved-away.yml")
    let result = try EndToEndTests.run([
      "ask", "--json", "--data", folder.path, "i can't control my bladder",
    ])
    #expect(result.status == 3)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("\(lexicon.path): error: "))
    #expect(result.stderr.contains("dangling link"))
    #expect(result.stderr.contains("\n  fix: "))
  }
}
