import BacktalkCore
import Testing

@Suite struct WalkthroughTests {
  let exercise = Exercise(
    name: "Knee hug", purpose: "Stretches the back.", when: "once moving again",
    start: "Lie on your back.",
    steps: [ExerciseStep(text: "Pull one knee up.", hold: 10), ExerciseStep(text: "Lower it.")],
    repetitions: 2, sets: 2, perDay: "up to 3 times a day", stop: "Stop if it hurts.",
    instead: "Rest with your legs raised.")

  @Test func walksStepsRepetitionsAndSetsInOrder() {
    var walk = Walkthrough(exercise: exercise, nextExercises: ["Cat stretch"])
    #expect(walk.render().contains("Start: Lie on your back."))
    #expect(
      walk.handle(.next)
        == "Step 1 of 2, rep 1 of 2, set 1 of 2: Pull one knee up. Hold for 10 seconds.")
    #expect(walk.hold == 10)
    #expect(walk.handle(.next).hasPrefix("Step 2 of 2, rep 1 of 2"))
    #expect(walk.hold == nil)
    #expect(walk.handle(.next).hasPrefix("Step 1 of 2, rep 2 of 2"))
    _ = walk.handle(.next)
    #expect(walk.handle(.next) == "Any pain? (y/n)")
    #expect(walk.handle(.painAnswer(hurts: false)).hasPrefix("Step 1 of 2, rep 1 of 2, set 2 of 2"))
    for _ in 0..<4 { _ = walk.handle(.next) }
    #expect(walk.position == .painCheck(set: 2))
    let end = walk.handle(.painAnswer(hurts: false))
    #expect(walk.position == .finished)
    #expect(end.contains("Cat stretch"))
    #expect(walk.isOver)
  }

  @Test func backStopsAtTheStartAndCrossesRepetitions() {
    var walk = Walkthrough(exercise: exercise)
    _ = walk.handle(.back)
    #expect(walk.position == .intro)
    _ = walk.handle(.next)
    _ = walk.handle(.back)
    #expect(walk.position == .intro)
    for _ in 0..<3 { _ = walk.handle(.next) }
    #expect(walk.position == .step(set: 1, repetition: 2, step: 1))
    _ = walk.handle(.back)
    #expect(walk.position == .step(set: 1, repetition: 1, step: 2))
  }

  @Test func nextAtTheEndStaysAtTheEnd() {
    var walk = Walkthrough(exercise: exercise)
    for _ in 0..<5 { _ = walk.handle(.next) }
    #expect(walk.position == .painCheck(set: 1))
    _ = walk.handle(.next)
    #expect(walk.position == .painCheck(set: 1))
  }

  @Test func repeatShowsTheSameStepAgain() {
    var walk = Walkthrough(exercise: exercise)
    let first = walk.handle(.next)
    #expect(walk.handle(.again) == first)
  }

  @Test func painEndsWithWhatToDoInsteadAndWhenToGetHelp() throws {
    var walk = Walkthrough(exercise: exercise, whenToGetHelp: "See a provider if it spreads.")
    for _ in 0..<5 { _ = walk.handle(.next) }
    let text = walk.handle(.painAnswer(hurts: true))
    #expect(walk.position == .stopped(becauseOfPain: true))
    #expect(text.contains("Rest with your legs raised."))
    #expect(text.hasSuffix("See a provider if it spreads."))
    let cat = try #require(Fixture.knowledge.intent("exercise_cat_stretch"))
    let real = try #require(Fixture.responder.walkthrough(of: cat))
    #expect(real.whenToGetHelp?.contains("contact a healthcare provider") == true)
  }

  @Test func stopLeavesAtAnyPoint() {
    var walk = Walkthrough(exercise: exercise)
    _ = walk.handle(.next)
    _ = walk.handle(.stop)
    #expect(walk.position == .stopped(becauseOfPain: false))
  }

  @Test func countdownTicksEverySecondAndCanBeSkippedOrInterrupted() {
    var seen: [Int] = []
    #expect(
      Countdown.run(seconds: 3) {
        seen.append($0)
        return .elapsed
      } == .elapsed)
    #expect(seen == [3, 2, 1])
    seen = []
    #expect(
      Countdown.run(seconds: 5) {
        seen.append($0)
        return $0 == 4 ? .skipped : .elapsed
      } == .skipped)
    #expect(seen == [5, 4])
    #expect(Countdown.run(seconds: 5) { _ in .interrupted } == .interrupted)
  }

  @Test(arguments: Fixture.knowledge.intents.filter { $0.exercise != nil }.map(\.id))
  func everyExerciseRendersCompletely(_ id: String) throws {
    let intent = try #require(Fixture.knowledge.intent(id))
    let exercise = try #require(intent.exercise)
    let reply = Fixture.responder.reply(to: "walk me through \(exercise.name)")
    #expect(reply.intents.first == id)
    #expect(reply.steps.count == exercise.steps.count + 1)
    #expect(reply.text.contains(exercise.start))
    #expect(reply.text.contains("Stop if it hurts"))
    for step in exercise.steps { #expect(reply.text.contains(step.text)) }
    var walk = try #require(Fixture.responder.walkthrough(of: intent))
    var shown = walk.render()
    while !walk.isOver {
      shown +=
        "\n"
        + walk.handle(
          walk.position == .painCheck(set: exercise.sets)
            || { if case .painCheck = walk.position { return true } else { return false } }()
            ? .painAnswer(hurts: false) : .next)
    }
    for step in exercise.steps { #expect(shown.contains(step.text)) }
    #expect(walk.position == .finished)
  }

  @Test(arguments: [
    "walk me through the cat stretch", "start knee to chest", "exercise windshield wipers",
    "guide me through slow breathing",
  ])
  func startsFromSeveralPhrasings(_ line: String) throws {
    let reply = Fixture.responder.reply(to: line)
    let intent = try #require(Fixture.responder.exerciseToStart(for: line, reply: reply))
    #expect(intent.exercise != nil)
  }

  @Test func doesNotStartForAPlainQuestion() {
    let line = "is the cat stretch good for me"
    #expect(
      Fixture.responder.exerciseToStart(for: line, reply: Fixture.responder.reply(to: line)) == nil)
  }
}
