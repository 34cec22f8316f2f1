import Foundation
import Testing

/// Shell completion, the `exercise` command whose names it completes, and the man page.
@Suite struct ShellCompletionTests {
  static let subcommands = [
    "run", "ask", "topics", "exercises", "exercise", "check", "lint", "eval", "version",
  ]

  @Test(arguments: ["bash", "zsh", "fish"])
  func completionScriptNamesTheSubcommandsAndExercises(_ shell: String) throws {
    let result = try EndToEndTests.run(["--generate-completion-script", shell])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    for name in Self.subcommands {
      #expect(result.stdout.contains(name), "\(shell) script lacks \(name)")
    }
    #expect(result.stdout.contains("cat-stretch"))
    #expect(result.stdout.contains("knee-to-chest"))
  }

  @Test func bashCompletesExerciseNamesFromTheirStart() throws {
    let script = try EndToEndTests.run(["--generate-completion-script", "bash"]).stdout
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "backtalk-completion-\(UUID().uuidString).bash")
    defer { try? FileManager.default.removeItem(at: file) }
    try script.write(to: file, atomically: true, encoding: .utf8)
    // What bash does on Tab after "backtalk exercise ca": the function gets the command, the
    // word so far and the word before it.
    let probe = """
      source '\(file.path)'
      COMP_WORDS=(backtalk exercise ca); COMP_CWORD=2
      COMP_LINE='backtalk exercise ca'; COMP_POINT=${#COMP_LINE}
      _backtalk backtalk ca exercise
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    let result = try EndToEndTests.run(
      ["bash", "-c", probe], binary: URL(fileURLWithPath: "/usr/bin/env"))
    #expect(result.stdout.split(separator: "\n").sorted() == ["calves-on-a-chair", "cat-stretch"])
  }

  @Test(arguments: [["cat-stretch"], ["cat", "stretch"], ["Cat"], ["cat-cow"]])
  func exercisePrintsTheStepsByNameOrAlias(_ name: [String]) throws {
    let result = try EndToEndTests.run(["exercise"] + name)
    #expect(result.status == 0)
    #expect(result.stdout.contains("Cat stretch, step by step"))
    #expect(result.stdout.contains("\n1. Start: "))
    #expect(result.stdout.contains("(General information only"))
  }

  @Test func anUnknownExerciseOffersTheNearestAndFails() throws {
    let result = try EndToEndTests.run(["exercise", "hip"])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("no exercise is called 'hip'; did you mean: figure-4 hip"))
  }

  @Test func theManPageDescribesEverySubcommand() throws {
    let page = try String(
      contentsOf: Fixture.repositoryRoot.appendingPathComponent("docs/backtalk.1"),
      encoding: .utf8)
    #expect(page.contains(".Dt BACKTALK 1"))
    for name in Self.subcommands {
      #expect(page.contains(".It Em \(name)\n"), "regenerate with scripts/man: no \(name)")
    }
  }
}
