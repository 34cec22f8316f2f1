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
