import Foundation
import Testing

/// What a first attempt at the command line gets: a bare question, `--`, the version.
@Suite struct CommandLineTests {
  @Test func aQuestionAsTheOnlyArgumentIsAnsweredAsAskDoes() throws {
    let bare = try EndToEndTests.run(["can I drive?"])
    let asked = try EndToEndTests.run(["ask", "can I drive?"])
    #expect(bare.status == 0)
    #expect(bare.stdout.contains("narcotic"))
    #expect(bare.stdout == asked.stdout)
  }

  @Test func aQuestionStartingWithADashWorksAfterDoubleDash() throws {
    let result = try EndToEndTests.run(["--", "-hot tub?"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("30 to 40 minutes"))
  }

  @Test(arguments: ["-hot tub?", "-why does it hurt", "--can I drive"])
  func aQuestionStartingWithADashExplainsDoubleDash(_ question: String) throws {
    let result = try EndToEndTests.run([question])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty, "not the help text")
    #expect(result.stderr.contains("goes after '--'"))
  }

  @Test(arguments: [["--version"], ["version"]])
  func printsTheVersionAndTheKnowledgeVersion(_ arguments: [String]) throws {
    let result = try EndToEndTests.run(arguments)
    #expect(result.status == 0)
    let line = result.stdout.trimmingCharacters(in: .newlines)
    #expect(line.hasPrefix("backtalk "))
    #expect(line.contains("knowledge "))
    #expect(line.contains(" intents"))
    #expect(!line.contains("\n"))
  }
}

/// The summary to take to a provider, from a conversation and from the REPL.
@Suite struct SummaryTests {
  @Test func conversationModeAnswersSummary() throws {
    let input = "can I drive?\nmy leg is numb\nno fever\nsummary\n"
    let result = try EndToEndTests.run(["--conversation"], input: input)
    #expect(result.status == 0)
    let summary = try #require(result.stdout.components(separatedBy: "> summary\n").last)
    #expect(summary.hasPrefix("Summary for a provider, 20"))
    #expect(summary.contains("    can I drive?\n    my leg is numb"))
    #expect(summary.contains("Symptoms mentioned: numbness or tingling in a leg"))
    #expect(summary.contains("Said to be absent: fever or chills"))
    #expect(summary.contains("Highest level reached: urgent"))
    #expect(summary.contains("Sources: "))
  }

  @Test func replSavesTheSummaryAsPlainText() throws {
    let state = try EndToEndTests.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: state) }
    let file = state.appendingPathComponent("for-the-doctor.txt")
    let walk = ["exercise hip-flexor check\\n"] + Array(repeating: "\\n", count: 5)
    let steps =
      ["my leg is numb\\n"] + walk + ["yes a little\\n", "summary --save \(file.path)\\n", "^D"]
    let (transcript, _) = try EndToEndTests.driveREPL(state: state.path, steps)
    #expect(transcript.contains("Summary saved to \(file.path)."))
    let saved = try String(contentsOf: file, encoding: .utf8)
    #expect(saved.hasPrefix("Summary for a provider, 20"))
    #expect(saved.contains("    my leg is numb"))
    #expect(saved.contains("Pain during an exercise: Hip-flexor check"))
    #expect(saved.contains("Highest level reached: urgent"))
    #expect(saved.contains("(General information only"))
    #expect(!saved.contains("\u{1B}["))
  }
}

/// Manners scripts rely on: a filter that selects nothing, a region that is not known.
@Suite struct CommandManners {
  @Test func checkWithAFilterSelectingNothingSaysSoAndFails() throws {
    let result = try EndToEndTests.run(
      ["check", "--filter", "zzz-no-such-case", "--data", "."],
      directory: Fixture.repositoryRoot)
    #expect(result.status == 1)
    #expect(result.stderr.contains("no case matches --filter 'zzz-no-such-case'"))
  }

  @Test func anUnknownRegionWarnsOnceAndNamesTheFallback() throws {
    let result = try EndToEndTests.run(["--region", "ZZ"], input: "can I drive?\nhot tub?\n")
    #expect(result.status == 0)
    let warnings = result.stderr.components(separatedBy: "unknown region 'ZZ'").count - 1
    #expect(warnings == 1)
    #expect(result.stderr.contains("\"your local emergency number\""))
  }

  @Test func aKnownRegionDoesNotWarn() throws {
    let result = try EndToEndTests.run(["ask", "--region", "gb", "hot tub?"])
    #expect(result.stderr.isEmpty)
  }
}

/// Flags meant for pipes given with a terminal on stdin: a word on stderr, never silence.
@Suite struct TerminalFlagTests {
  @Test func jsonOnATerminalSaysItReadsLinesAsAPipeWouldAndAnswersThem() throws {
    let (transcript, status) = try EndToEndTests.driveREPL(
      state: "-",
      ["--arg", "--json", "--prompt", "Ctrl-D ends|\"triage\"", "can I drive?\\n", "^D"])
    #expect(status == 0)
    #expect(transcript.contains("--json reads questions from the terminal as from a pipe"))
    let answer = transcript.components(separatedBy: "\r\n").first { $0.hasPrefix("{") }
    #expect(answer?.contains("\"intents\":[\"driving\"") == true)
  }

  @Test func explainInTheREPLSaysSoAndExplainsEveryAnswer() throws {
    let state = try EndToEndTests.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: state) }
    let (transcript, status) = try EndToEndTests.driveREPL(
      state: state.path, ["--arg", "--explain", "can I drive?\\n", "^D"])
    #expect(status == 0)
    #expect(transcript.contains("--explain: each answer is followed by how it was chosen"))
    #expect(transcript.contains("narcotic"))
    #expect(transcript.contains("Words: "))
    #expect(transcript.contains("1. driving  score"))
  }

  @Test func explainOnAPipeSaysNothingExtra() throws {
    let result = try EndToEndTests.run(["--explain"], input: "can I drive?\n")
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
  }
}
