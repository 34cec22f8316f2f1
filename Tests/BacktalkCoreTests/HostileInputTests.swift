import BacktalkCore
import Foundation
import Testing

/// The built binary against input and conditions that try to break it.
@Suite struct HostileInputTests {
  @Test func answersInvalidUTF8NulAndEscapesWithoutLeakingThem() throws {
    var bytes = Array("hot tub \u{1B}]0;pwned\u{07} ok?\n".utf8)
    bytes += [
      0x63, 0x61, 0x6E, 0x20, 0x69, 0x20, 0xFF, 0xFE, 0x20, 0x64, 0x72, 0x69, 0x76, 0x65, 0x0A,
    ]  // "can i \xFF\xFE drive"
    bytes += Array("ice\u{0}heat \u{1B}[2J\u{9B}31m\r\n".utf8)
    bytes += Array("last line without newline".utf8)
    for mode in [["--json"], []] {
      let result = try EndToEndTests.run(mode, bytes: bytes)
      #expect(result.status == 0)
      #expect(!result.stdout.utf8.contains(0x1B), "an escape reached the output in mode \(mode)")
      #expect(!result.stdout.contains("\u{9B}"))
      #expect(!result.stdout.utf8.contains(0x00))
      #expect(!result.stdout.contains("pwned\u{07}"))
      if mode == ["--json"] {
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[1].contains("\u{FFFD}"))
        #expect(lines[3].contains("last line without newline"))
      }
    }
  }

  /// The address sanitizer's shadow memory inflates every process, so memory is not judged there.
  static let isSanitized = ProcessInfo.processInfo.environment["ASAN_OPTIONS"] != nil

  @Test func aTenMegabyteLineIsAnsweredInBoundedMemory() throws {
    let line =
      Array("can i drive ".utf8) + [UInt8](repeating: 0x61, count: 10 * 1024 * 1024) + [0x0A]
    let result = try EndToEndTests.run(["--json"], bytes: line + Array("hot tub?\n".utf8))
    #expect(result.status == 0)
    #expect(result.stdout.split(separator: "\n").count == 2)
    #expect(result.stdout.contains("narcotic"), "the start of the long line is answered")
    #expect(result.stderr.contains("line 1 is longer than"))
    if !Self.isSanitized {
      // Measured in a probe process of its own: the test runner's other children would
      // otherwise count too. Against the same run on a short line, so that the knowledge the
      // binary loads at start does not count: reading the whole line would need some 30 MB
      // more than that.
      func peakKilobytes(of input: [UInt8]) throws -> Int {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
          "bt-\(UUID().uuidString)")
        try Data(input).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let probe = """
          import resource, subprocess, sys
          subprocess.run(sys.argv[2:], stdin=open(sys.argv[1], "rb"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
          print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
          """
        let measured = try EndToEndTests.run(
          ["python3", "-c", probe, file.path, EndToEndTests.binary.path, "--json"],
          binary: URL(fileURLWithPath: "/usr/bin/env"))
        return try #require(Int(measured.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
      }
      let usual = try peakKilobytes(of: Array("can i drive aaaaaaaa\n".utf8))
      let long = try peakKilobytes(of: line)
      #expect(long - usual < 8_000, "peak RSS \(long) KB on the long line, \(usual) KB usually")
    }
  }

  @Test func aHundredThousandEmptyLinesGiveNoOutput() throws {
    let bytes = [UInt8](repeating: 0x0A, count: 100_000) + Array("   \n\t\n".utf8)
    let result = try EndToEndTests.run(["--json"], bytes: bytes)
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
  }

  @Test func closedStdinEndsCleanly() throws {
    let result = try EndToEndTests.run(["--json"], bytes: [])
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.isEmpty)
  }

  @Test(arguments: ["-", "/dev/null/not-a-folder"])
  func historyThatCannotBeKeptWarnsOnceAndCarriesOn(_ state: String) throws {
    let (transcript, status) = try EndToEndTests.driveREPL(
      state: state, ["can I drive?\\n", "hot tub?\\n", "^D"])
    #expect(
      transcript.components(separatedBy: "warning:").count == 2, "expected exactly one warning")
    #expect(transcript.contains("narcotic"))
    #expect(transcript.contains("30 to 40 minutes"))
    #expect(status == 0)
  }

  @Test func sigtermKeepsTheHistoryWrittenSoFar() throws {
    let state = try EndToEndTests.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: state) }
    _ = try EndToEndTests.driveREPL(
      state: state.path, ["can I drive?\\n", "swimming?\\n", "^TERM"])
    let history = try String(
      contentsOf: state.appendingPathComponent("backtalk/history"), encoding: .utf8)
    #expect(history.contains("can I drive?"))
    #expect(history.contains("swimming?"))
  }
}

/// Inputs the fuzzer found interesting (and any crash it ever found) replayed on every run.
@Suite struct FuzzCorpusTests {
  @Test func replaysTheFuzzCorpusWithoutACrash() throws {
    let corpus = Fixture.repositoryRoot.appendingPathComponent("Tests/Fuzz/corpus")
    let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
      .map { corpus.appendingPathComponent($0).path }
    #expect(files.count >= 8)
    let replay = EndToEndTests.binary.deletingLastPathComponent().appendingPathComponent(
      "backtalk-fuzz")
    let result = try EndToEndTests.run(files, binary: replay)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.split(separator: "\n").count == files.count)
  }
}
