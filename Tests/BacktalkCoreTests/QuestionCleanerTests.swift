import BacktalkCore
import Testing

@Suite struct QuestionCleanerTests {
  @Test(arguments: [
    ("hot\u{1B}]0;pwned\u{07} tub?", "hot tub?"),
    ("\u{1B}[2Jcan I drive", "can I drive"),
    ("ice\u{0}or\u{7F}heat", "ice or heat"),
    ("  spaced\t\tout  ", "spaced out"),
    ("bidi\u{202E}text", "bidi text"),
    ("caf\u{E9} ok", "caf\u{E9} ok"),
    ("sci\u{200D}atica", "sciatica"),
    ("hot\u{2060}tub", "hottub"),
    ("ibu\u{AD}profen", "ibuprofen"),
    ("\u{FEFF}ice\u{200B}pack", "icepack"),
  ])
  func removesControlAndEscapeSequences(_ input: String, _ expected: String) {
    #expect(QuestionCleaner.clean(input) == expected)
  }

  @Test func cutsVeryLongQuestions() {
    let long = String(repeating: "a", count: 5_000)
    #expect(QuestionCleaner.clean(long).count == QuestionCleaner.maximumLength)
  }
}
