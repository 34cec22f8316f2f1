import BacktalkCore
import Foundation
import Testing

/// A 40-column terminal: the banner bars, `help`, `topics` and `exercises` fit the width, laid out once
/// rather than wrapped a second time.
@Suite struct NarrowTerminalTests {
  /// The lines the REPL showed at a width, without escape sequences or carriage returns.
  static func screenLines(_ steps: [String], columns: Int, term: String = "dumb") throws
    -> [String]
  {
    let state = try EndToEndTests.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: state) }
    let (transcript, status) = try EndToEndTests.driveREPL(
      state: state.path, ["--columns", "\(columns)", "--term", term] + steps + ["^D"])
    #expect(status == 0)
    return
      transcript
      .replacingOccurrences(
        of: "\u{1B}\\[[0-9;?]*[a-zA-Z]", with: "", options: .regularExpression
      )
      .replacingOccurrences(of: "\r", with: "").components(separatedBy: "\n")
  }

  @Test func theEmergencyBannerBarsFitFortyColumns() throws {
    let lines = try Self.screenLines(
      ["I can't control my bladder\\n"], columns: 40, term: "xterm")
    let bars = lines.filter { $0.hasPrefix("!!!!") }
    #expect(bars.count == 2)
    #expect(bars.allSatisfy { $0.count < 40 && $0.allSatisfy { $0 == "!" } })
  }

  @Test func helpTopicsAndExercisesFitFortyColumnsWithTitlesWhole() throws {
    let lines = try Self.screenLines(["help\\n", "topics\\n", "exercises\\n"], columns: 40)
    for line in lines where !line.hasPrefix("backtalk> ") {
      #expect(line.count < 40, "wider than the terminal: \(line)")
    }
    // Each title short enough for a line sits whole on one, after the two-space indent.
    for intent in Fixture.knowledge.intents
    where intent.id != Knowledge.disclaimerIntentID && intent.title.count <= 36 {
      #expect(
        lines.contains { $0.hasPrefix("  ") && $0.contains(intent.title) },
        "'\(intent.title)' is split or not indented")
    }
    for exercise in Fixture.knowledge.intents.compactMap(\.exercise) {
      #expect(lines.contains(exercise.name), "the name on a line of its own")
    }
  }

  @Test func pipedListingsDoNotDependOnColumns() throws {
    let plain = try EndToEndTests.run(["topics"]).stdout
    #expect(plain.split(separator: "\n").allSatisfy { $0.count <= 78 })
    let exercises = try EndToEndTests.run(["exercises"]).stdout
    #expect(exercises.contains("Cat stretch           Gently mobilises the whole back"))
  }
}
