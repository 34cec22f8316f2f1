import BacktalkCore
import Testing

@Suite struct DisplaySafetyTests {
  @Test(arguments: ["\u{1B}", "\u{07}", "\r", "\u{7F}", "\u{85}", "\u{9B}", "\u{202E}", "\u{2066}"])
  func flagsCharactersATerminalActsOn(_ character: String) {
    #expect(character.unicodeScalars.allSatisfy(DisplaySafety.isUnsafe))
  }

  @Test(arguments: ["a", "\t", "\n", "é", "—", "ü", "\u{A0}", "😀"])
  func leavesPrintableTextAlone(_ character: String) {
    #expect(!character.unicodeScalars.contains(where: DisplaySafety.isUnsafe))
  }

  @Test func spellsUnsafeCharactersAsCodePoints() {
    #expect(DisplaySafety.escaped("red \u{1B}[31m\u{202E}x") == "red U+001B[31mU+202Ex")
    #expect(DisplaySafety.escaped("plain é") == "plain é")
  }
}
