import BacktalkCore
import Foundation
import Testing

/// Runs the built `backtalk` binary the way users and scripts do.
@Suite struct EndToEndTests {
  /// The binary `swift build` put next to this test bundle.
  static let binary: URL = {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("backtalk")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    return Fixture.repositoryRoot.appendingPathComponent(".build/debug/backtalk")
  }()

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func run(
    _ arguments: [String], input: String = "", directory: URL? = nil, binary: URL = binary
  ) throws -> Result {
    try run(arguments, bytes: Array(input.utf8), directory: directory, binary: binary)
  }

  /// Runs a binary with raw bytes on stdin. Input is written and stderr read on threads of
  /// their own, so a large input or a chatty stderr cannot deadlock the pipes.
  static func run(
    _ arguments: [String], bytes: [UInt8], directory: URL? = nil, binary: URL = binary
  ) throws -> Result {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let writer = Thread {
      stdin.fileHandleForWriting.write(Data(bytes))
      try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let errors = Box()
    let reader = Thread { errors.fill(with: stderr.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: errors.waitForData(), as: UTF8.self))
  }

  /// Bytes handed from a reading thread to the test, under a condition lock: the reader fills
  /// it once, and the test waits for that, so the hand-over is ordered (polling
  /// `Thread.isFinished` is not, and ThreadSanitizer reports it as a race).
  final class Box: @unchecked Sendable {
    private let condition = NSCondition()
    private var data: Data?

    func fill(with bytes: Data) {
      condition.withLock {
        data = bytes
        condition.broadcast()
      }
    }

    func waitForData() -> Data {
      condition.withLock {
        while data == nil { condition.wait() }
        return data ?? Data()
      }
    }
  }

  /// A new empty folder under the temporary directory.
  static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bt-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// Types steps into the REPL through a pseudo-terminal (see Fixtures/drive_repl.py) and
  /// returns what the screen showed and the exit status.
  static func driveREPL(state: String, _ steps: [String]) throws -> (
    transcript: String, status: Int?
  ) {
    let driver = Fixture.repositoryRoot.appendingPathComponent(
      "Tests/BacktalkCoreTests/Fixtures/drive_repl.py")
    let result = try run(
      ["python3", driver.path, binary.path, state] + steps,
      binary: URL(fileURLWithPath: "/usr/bin/env"))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    return (try #require(object["transcript"] as? String), object["status"] as? Int)
  }

  @Test func answersJSONLinesWithTheSixFields() throws {
    let result = try Self.run(["--json"], input: "can I drive?\n\nhot tub?\n")
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    for line in lines {
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      for field in ["question", "triage", "intents", "reply", "sources", "disclaimer"] {
        #expect(object[field] != nil, "missing \(field)")
      }
    }
    #expect(lines[0].contains("narcotic"))
  }

  @Test func headsPlainOutputWithTheDisclaimer() throws {
    let result = try Self.run([], input: "can I drive?\n")
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("Backtalk gives general information"))
    #expect(result.stdout.contains("> can I drive?"))
    #expect(result.stdout.contains("narcotic"))
    #expect(result.stdout.contains("(General information only"))
  }

  @Test func askAnswersOnce() throws {
    let result = try Self.run(["ask", "hot tub?"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("30 to 40 minutes"))
  }

  @Test func evalPrintsAccuracyAndEveryMiss() throws {
    let result = try Self.run(["eval", "--misses", "--top", "3"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("5-fold cross-validated top-1 accuracy: "))
    #expect(result.stdout.contains("\nranked first by the matcher, answered or not: "))
    let lines = result.stdout.split(separator: "\n")
    let missed = try #require(lines.firstIndex(of: "missed examples (expected -> answered):"))
    // Each miss names the question, the intent it belongs to and what was answered instead.
    let misses = lines[(missed + 1)...]
    #expect(!misses.isEmpty)
    #expect(misses.allSatisfy { $0.hasPrefix("  ") && $0.contains(" -> ") && $0.hasSuffix("]") })
    let total = try #require(
      result.stdout.split(separator: "(").dropFirst().first?.split(separator: ")").first)
    let counts = total.split(separator: "/").compactMap { Int($0) }
    #expect(counts.count == 2 && counts[1] - counts[0] == misses.count)
    // The percentage is rounded down, so it never shows a target reached that was not.
    let tenths = counts[0] * 1000 / counts[1]
    #expect(result.stdout.contains("accuracy: \(tenths / 10).\(tenths % 10)% ("))
  }

  @Test func builtInKnowledgeLeavesRealWordsAlone() throws {
    // The real-word list is not in the snapshot; the binary loads it when a word needs it.
    let result = try Self.run(
      ["--json", "--explain"], input: "what shoes should i wear\nlost control of my bowls\n")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.first?.contains("\"corrections\":[]") == true)
    #expect(lines.last?.contains("\"triage\":\"emergency\"") == true)
  }

  @Test func aRealWordAloneIsNotReadAsARedFlagWord() throws {
    // Each of these real words is one slip from a red-flag word ("confusing" and
    // "convulsing", "remaining" and "retaining", "fill" and "fell"); alone, or beside only small
    // words ("fill from" is not "fell from"), it is only itself.
    // A misspelling the words around it complete still escalates.
    let result = try Self.run(
      ["--json"],
      input: """
        this is confusing, ice or heat?
        I have 3 days remaining of sick leave, should I go back to work
        help me fill in my tax return
        the hot water bottle you fill from the kettle, any good
        lost control of my bowls
        i need to pee but noting comes out

        """)
    let levels = result.stdout.split(separator: "\n").map { line in
      ["none", "urgent", "emergency"].first { line.contains("\"triage\":\"\($0)\"") }
    }
    #expect(levels == ["none", "none", "none", "none", "emergency", "emergency"])
  }

  @Test func aNegationOfKnowingInsideAFindingDeniesOnlyTheKnowing() throws {
    // "without knowing" stands inside the tally's words; it denies the knowing, not the 16.
    // A negation of the sign itself still denies it.
    let result = try Self.run(
      ["--json"],
      input: """
        took my co-codamol and then my partner gave me more without knowing, I've had about 16 today
        no numbness in my groin, just a stiff back

        """)
    let levels = result.stdout.split(separator: "\n").map { line in
      ["none", "urgent", "emergency"].first { line.contains("\"triage\":\"\($0)\"") }
    }
    #expect(levels == ["emergency", "none"])
  }

  @Test func unknownFlagIsAUsageError() throws {
    let result = try Self.run(["--frobnicate"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("--frobnicate"))
  }

  @Test func brokenKnowledgeExitsThreeWithFileAndLine() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bt-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("Intents"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "- intent: disclaimer\n  examples: [x\n".write(
      to: folder.appendingPathComponent("Intents/broken.yml"), atomically: true, encoding: .utf8)
    let result = try Self.run(["ask", "--data", folder.path, "hi"])
    #expect(result.status == 3)
    #expect(result.stderr.contains("Intents/broken.yml:"))
    #expect(result.stderr.contains("error:"))
    #expect(result.stderr.contains("fix:"))
    #expect(!result.stderr.contains("Fatal error"))
  }

  @Test func copiedBinaryAnswersFromAnotherFolder() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bt-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("backtalk")
    try FileManager.default.copyItem(at: Self.binary, to: copy)
    // A test running in parallel may fork while the copy is still open for writing, which
    // makes exec fail with "text file busy" for a moment; try again briefly.
    var attempt = 0
    var result: Result?
    while result == nil {
      do {
        result = try Self.run(
          ["--json"], input: "can I drive?\n", directory: URL(fileURLWithPath: "/"), binary: copy)
      } catch  where attempt < 20 {
        attempt += 1
        usleep(100_000)
      }
    }
    let answer = try #require(result)
    #expect(answer.status == 0)
    #expect(answer.stdout.contains("narcotic"))
  }

  @Test func closedPipeEndsQuietly() throws {
    let script = "yes 'can I drive?' | head -n 200000 | '\(Self.binary.path)' --json | head -1"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-o", "pipefail", "-c", script]
    let stderr = Pipe()
    let stdout = Pipe()
    process.standardError = stderr
    process.standardOutput = stdout
    try process.run()
    _ = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(err.isEmpty)
    #expect([0, 141].contains(process.terminationStatus))
  }

  @Test func replAnswersKeepsHistoryAndSurvivesCtrlC() throws {
    let state = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: state) }
    let (transcript, status) = try Self.driveREPL(
      state: state.path, ["can I drive?\\n", "half a line", "^C", "hot tub?\\n", "^D"])
    #expect(transcript.contains("not medical advice"))
    #expect(transcript.contains("narcotic"))
    #expect(transcript.contains("30 to 40 minutes"), "the REPL should still answer after Ctrl-C")
    #expect(status == 0)
    let history = try String(
      contentsOf: state.appendingPathComponent("backtalk/history"), encoding: .utf8)
    #expect(history.contains("can I drive?"))
    #expect(history.contains("hot tub?"))
    #expect(!history.contains("half a line"))
  }

  @Test func ctrlZThenFgRedrawsThePromptAndTheTypedLine() throws {
    let state = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: state) }
    let (transcript, status) = try Self.driveREPL(
      state: state.path, ["hot t", "^Z", "ub?\\n", "^D"])
    // After the prompt and "hot t" were drawn once, the resumed REPL draws them again, and the
    // line typed before Ctrl-Z is finished and answered.
    let prompts = transcript.components(separatedBy: "> hot t").count - 1
    #expect(prompts >= 2, "the prompt and typed line should be redrawn after fg:\n\(transcript)")
    #expect(transcript.contains("30 to 40 minutes"))
    #expect(status == 0)
  }

  @Test func replWalksThroughAnExerciseWithCountdowns() throws {
    let state = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: state) }
    // Knee to chest is the exercise whose article gives a hold (10 seconds); the cat stretch
    // has none, so it cannot show a countdown.
    let steps = [
      "walk me through knee to chest\\n", "^N", "^J", "back\\n", "^N", "^C", "stop\\n",
      "start windshield wipers\\n", "^N", "^J", "I wet myself\\n", "^D",
    ]
    let (transcript, status) = try Self.driveREPL(state: state.path, steps)
    #expect(transcript.contains("Start: Lie face up on the floor"))
    #expect(transcript.contains("Step 1 of 4: Slowly draw one knee up towards your chest"))
    #expect(transcript.contains("hold: 10 s"))
    #expect(transcript.contains("hold skipped"), "Enter should skip the countdown")
    #expect(transcript.contains("hold ended"), "Ctrl-C should end the countdown, not the program")
    #expect(transcript.contains("Walkthrough stopped."))
    #expect(transcript.contains("(walkthrough stopped)"), "a red flag ends the walkthrough")
    #expect(transcript.contains("EMERGENCY: Call 911"))
    #expect(!transcript.contains("\u{1B}["), "TERM=dumb gets no color")
    #expect(status == 0)
  }

  @Test func aRedFlagTypedDuringAHoldIsAnsweredNotThrownAway() throws {
    let state = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: state) }
    let steps = ["walk me through knee to chest\\n", "^N", "i cant feel my legs\\n", "^D"]
    let (transcript, status) = try Self.driveREPL(state: state.path, steps)
    #expect(transcript.contains("hold: 10 s"))
    #expect(!transcript.contains("hold skipped"), "a typed line is not a bare Enter")
    #expect(transcript.contains("(walkthrough stopped)"))
    #expect(transcript.contains("EMERGENCY: Call 911"))
    #expect(status == 0)
  }

  @Test func replCompletesCommandsAndStartsEveryExercise() throws {
    let state = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: state) }
    let exercises = Fixture.knowledge.intents.compactMap(\.exercise)
    var steps = ["topi\\t\\n"]
    for exercise in exercises { steps += ["exercise \(exercise.name.lowercased())\\n", "stop\\n"] }
    steps.append("^D")
    let (transcript, status) = try Self.driveREPL(state: state.path, steps)
    #expect(transcript.contains("Warning signs:"), "Tab should complete 'topi' to 'topics'")
    for exercise in exercises {
      #expect(transcript.contains("Start: \(exercise.start)"), "\(exercise.name) did not start")
    }
    #expect(transcript.components(separatedBy: "Walkthrough stopped.").count == exercises.count + 1)
    #expect(status == 0)
  }

  @Test func conversationModeReadsLinesInContext() throws {
    let input = "should i put ice on it\nhow long?\nmore\n1\n"
    func intents(_ arguments: [String]) throws -> [[String]] {
      let result = try Self.run(arguments, input: input)
      return try result.stdout.split(separator: "\n").map { line in
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        return object?["intents"] as? [String] ?? []
      }
    }
    let together = try intents(["--json", "--conversation"])
    #expect(together.count == 4)
    #expect(together[1] == ["ice_duration"], "'how long?' is read after the ice question")
    #expect(together[2].isEmpty, "'more' offers related topics")
    #expect(together[3].count == 1, "'1' picks the first related topic")
    let apart = try intents(["--json"])
    #expect(apart[1] != ["ice_duration"], "without --conversation each line stands alone")
  }
}
