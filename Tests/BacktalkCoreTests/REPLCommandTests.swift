import BacktalkCore
import Testing

@Suite struct REPLCommandTests {
  @Test(arguments: [
    ("quit", REPLCommand.quit), ("  EXIT ", .quit), ("Help", .help), ("topics", .topics),
    ("exercises", .exercises), ("disclaimer", .disclaimer), ("why", .why),
    ("summary", .summary), ("more", .more),
  ])
  func readsCommandsWhateverTheirCase(_ line: String, _ command: REPLCommand) {
    #expect(REPLCommand(line) == command)
  }

  @Test func keepsTheCaseOfTheSummaryPath() {
    #expect(
      REPLCommand("Summary --save  /tmp/My Summary.txt ")
        == .saveSummary(path: "/tmp/My Summary.txt"))
    #expect(REPLCommand("summary --save") == .saveSummary(path: ""))
  }

  @Test(arguments: ["can I drive?", "quit smoking?", "", "helpful?"])
  func takesEverythingElseAsAQuestion(_ line: String) {
    #expect(REPLCommand(" \(line) ") == .question(line))
  }

  @Test func readsWalkthroughCommandsAndPainAnswersOnlyAtThePainCheck() {
    let words = Fixture.knowledge.lexicon.answerWords
    #expect(REPLCommand.walkthroughCommand("", atPainCheck: false, answerWords: words) == .next)
    #expect(REPLCommand.walkthroughCommand("B", atPainCheck: false, answerWords: words) == .back)
    #expect(REPLCommand.walkthroughCommand("a bit", atPainCheck: false, answerWords: words) == nil)
    #expect(
      REPLCommand.walkthroughCommand("a bit", atPainCheck: true, answerWords: words)
        == .painAnswer(hurts: true))
    #expect(
      REPLCommand.walkthroughCommand("not really", atPainCheck: true, answerWords: words)
        == .painAnswer(hurts: false))
  }
}
