import BacktalkCore
import Foundation
import Testing

@Suite struct PainAnswerTests {
  @Test(arguments: [
    "y", "Yes.", "yes a little", "a bit", "yeah it hurts", "it hurts", "a little", "Some.",
    "no, but it hurts a bit", "kinda sore", "no, well, a bit",
  ])
  func readsAYes(_ line: String) {
    #expect(PainAnswer.hurts(line, words: Fixture.knowledge.lexicon.answerWords) == true)
  }

  @Test(arguments: [
    "n", "no", "No.", "not really", "no it's fine", "nope", "fine", "it's fine", "no pain",
    "it doesn't hurt",
  ])
  func readsANo(_ line: String) {
    #expect(PainAnswer.hurts(line, words: Fixture.knowledge.lexicon.answerWords) == false)
  }

  @Test(arguments: ["", "next", "what?", "maybe later"])
  func asksBackWhenItIsNeither(_ line: String) {
    #expect(PainAnswer.hurts(line, words: Fixture.knowledge.lexicon.answerWords) == nil)
  }
}

/// The pain check and walkthrough steps in the REPL, through a pseudo-terminal.
@Suite struct PainCheckREPLTests {
  /// Walks the hip-flexor check (four steps, no holds) to its pain check, then types `steps`.
  static func atPainCheck(_ steps: [String]) throws -> (transcript: String, status: Int?) {
    let state = try EndToEndTests.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: state) }
    let walk = ["exercise hip-flexor check\\n"] + Array(repeating: "\\n", count: 5)
    return try EndToEndTests.driveREPL(state: state.path, walk + steps)
  }

  static let advice = "Stop here."

  @Test(arguments: ["Yes.", "yes a little", "a bit"])
  func aYesEndsWithTheStopHereAdvice(_ answer: String) throws {
    let (transcript, status) = try Self.atPainCheck(["\(answer)\\n", "^D"])
    #expect(transcript.contains("Any pain? (y/n)"))
    #expect(transcript.contains(Self.advice))
    #expect(transcript.contains("Instead: Rest"))
    #expect(!transcript.contains("(walkthrough stopped)"), "the answer is not a new question")
    #expect(status == 0)
  }

  @Test(arguments: ["not really", "no it's fine"])
  func aNoFinishesTheWalkthrough(_ answer: String) throws {
    let (transcript, _) = try Self.atPainCheck(["\(answer)\\n", "^D"])
    #expect(transcript.contains("Done: well done."))
    #expect(!transcript.contains(Self.advice))
  }

  @Test func aYesWithARedFlagGetsTheAdviceAndTheRedFlag() throws {
    let (transcript, _) = try Self.atPainCheck(["yes and now my leg is numb\\n", "^D"])
    #expect(transcript.contains(Self.advice))
    #expect(transcript.contains("URGENT"))
  }

  @Test func ctrlDAtThePainCheckShowsTheAdviceBeforeLeaving() throws {
    let (transcript, status) = try Self.atPainCheck(["^D"])
    #expect(transcript.contains(Self.advice))
    #expect(status == 0)
  }

  @Test func noAtAStepIsAskedBackNotTakenAsNext() throws {
    let state = try EndToEndTests.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: state) }
    let steps = ["exercise hip-flexor check\\n", "\\n", "no\\n", "n\\n", "^D"]
    let (transcript, _) = try EndToEndTests.driveREPL(state: state.path, steps)
    #expect(transcript.contains("Step 1 of 4"))
    #expect(!transcript.contains("Step 2 of 4"), "'no' is not 'next'")
    #expect(!transcript.contains("(walkthrough stopped)"))
    #expect(transcript.contains("type 'stop' to end the walkthrough"))
  }

  @Test func helpListsTheExerciseCommand() throws {
    let (transcript, _) = try EndToEndTests.driveREPL(state: "-", ["help\\n", "^D"])
    #expect(transcript.contains("exercise NAME"))
    #expect(transcript.contains("walk me through"))
  }
}
