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

  @Test(arguments: [
    ("$B --bogus 2>/dev/full", 2), ("$B --bogus 2>&-", 2),
    ("$B ask --data \"$DIR\" hi 2>/dev/full", 3), ("$B ask --data \"$DIR\" hi 2>&-", 3),
  ])
  func diagnosticsIntoAFullOrClosedStderrDoNotCrash(_ command: String, _ status: Int32) throws {
    let folder = try EndToEndTests.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("Intents"), withIntermediateDirectories: false)
    try "- intent: [broken\n".write(
      to: folder.appendingPathComponent("Intents/broken.yml"), atomically: true, encoding: .utf8)
    let result = try Self.shell("DIR='\(folder.path)'\n" + command)
    #expect(result.status == status, "\(result.stderr)")
  }

  @Test(arguments: ["--top=-3", "--top=-1", "--folds=-2", "--folds=1", "--folds=100000000"])
  func eachAbsurdEvalNumberIsAUsageError(_ argument: String) throws {
    let result = try EndToEndTests.run(["eval", argument])
    #expect(result.status == 2)
    #expect(result.stderr.contains(argument.prefix { $0 != "=" }))
    #expect(result.stdout.isEmpty)
  }

  @Test(arguments: [
    "echo 'can I drive?' | $B --json >/dev/full", "echo 'can I drive?' | $B >/dev/full",
    "echo 'can I drive?' | $B --json >&-", "$B ask 'can I drive?' >/dev/full",
    "$B topics >/dev/full", "$B exercises >/dev/full", "$B --help >/dev/full",
    "$B check --data \"$ROOT\" \"$ROOT/Tests/Regression\" >/dev/full",
  ])
  func outputThatCannotBeWrittenIsAFailureWithOneMessage(_ command: String) throws {
    let result = try Self.shell("ROOT='\(Fixture.repositoryRoot.path)'\n" + command)
    #expect(result.status == 4)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(result.stderr)")
    #expect(lines.first?.hasPrefix("backtalk: cannot write the output: ") == true)
  }

  @Test(arguments: ["", "--json"])
  func stdinThatIsAFolderIsReported(_ flag: String) throws {
    let result = try Self.shell("$B \(flag) < /")
    #expect(result.status == 4)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("cannot read the input: it is a folder"))
  }

  @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
  func aSignalDuringASlowPipeRunLeavesNoHalfWrittenLine(_ signalNumber: Int32) throws {
    let folder = try EndToEndTests.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let questions = folder.appendingPathComponent("questions.txt")
    try String(repeating: "can I drive?\n", count: 100_000).write(
      to: questions, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = EndToEndTests.binary
    process.arguments = ["--json"]
    process.standardInput = try FileHandle(forReadingFrom: questions)
    process.standardError = FileHandle.nullDevice
    let stdout = Pipe()
    process.standardOutput = stdout
    try process.run()
    // A slow reader: the pipe stays full, so the binary is in the middle of a write.
    var output = Data()
    let start = Date()
    while Date().timeIntervalSince(start) < 0.5 {
      output += stdout.fileHandleForReading.readData(ofLength: 700)
      usleep(10_000)
    }
    kill(process.processIdentifier, signalNumber)
    output += stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == signalNumber)
    #expect(output.count > 0)
    #expect(output.last == UInt8(ascii: "\n"), "the output ends in the middle of a line")
    let lines = output.split(separator: UInt8(ascii: "\n"))
    let broken = lines.filter { (try? JSONSerialization.jsonObject(with: Data($0))) == nil }
    #expect(broken.isEmpty, "\(broken.count) of \(lines.count) lines are not JSON")
  }
}
