import Foundation
import Testing

/// `ask` on a terminal, driven through a pseudo-terminal: it looks like the REPL's answers.
@Suite struct AskTerminalTests {
  static func ask(_ question: String, columns: Int, term: String) throws -> String {
    let (transcript, status) = try EndToEndTests.driveREPL(
      state: "-", ["--arg", "ask", "--arg", question, "--columns", "\(columns)", "--term", term])
    #expect(status == 0)
    return transcript.replacingOccurrences(of: "\r\n", with: "\n")
  }

  /// The words of a text, without escape sequences.
  static func words(_ text: String) -> [String] {
    text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
      .split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
  }

  @Test func wrapsToTheWidthWithoutSplittingWords() throws {
    let piped = try EndToEndTests.run(["ask", "can I drive?"]).stdout
    let shown = try Self.ask("can I drive?", columns: 40, term: "dumb")
    for line in shown.split(separator: "\n") {
      #expect(line.count < 40, "longer than the terminal: \(line)")
    }
    #expect(Self.words(shown) == Self.words(piped), "the same words, none split")
    #expect(shown.contains("(General information only"), "the disclaimer line")
  }

  @Test func showsTheEmergencyBannerInColour() throws {
    let shown = try Self.ask("I can't control my bladder", columns: 80, term: "xterm")
    #expect(shown.contains("EMERGENCY: read this first"))
    #expect(shown.contains("\u{1B}[1;97;41m"), "the REPL's alert colour")
    #expect(shown.contains("(General information only"))
  }

  @Test func showsTheBannerWithoutColourOnADumbTerminal() throws {
    let shown = try Self.ask("I have a fever with my back spasm", columns: 80, term: "dumb")
    #expect(shown.contains("URGENT: read this first"))
    #expect(!shown.contains("\u{1B}["))
  }
}
