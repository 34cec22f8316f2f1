/// A step-by-step walk through one exercise: where the person is, and what each command does.
///
/// A pure state machine: the REPL feeds it commands and prints what it returns; holds are
/// timed by the caller, so tests never sleep.
public struct Walkthrough: Sendable, Equatable {
  public let exercise: Exercise
  /// Related exercises to offer at the end, by name.
  public let nextExercises: [String]
  public private(set) var position: Position

  /// Where a walkthrough stands.
  public enum Position: Sendable, Equatable {
    /// The introduction: purpose, when, starting position, the stop rule.
    case intro
    /// A step of a repetition of a set, all counted from 1.
    case step(set: Int, repetition: Int, step: Int)
    /// The pain check after a set.
    case painCheck(set: Int)
    case finished
    /// Ended early, by the person or because it hurt.
    case stopped(becauseOfPain: Bool)
  }

  /// What the person can do.
  public enum Command: Sendable, Equatable {
    case next, back, again, stop
    case painAnswer(hurts: Bool)
  }

  /// When to get help if it hurts, shown after a pain answer of yes.
  public let whenToGetHelp: String?

  public init(exercise: Exercise, nextExercises: [String] = [], whenToGetHelp: String? = nil) {
    self.exercise = exercise
    self.nextExercises = nextExercises
    self.whenToGetHelp = whenToGetHelp
    self.position = .intro
  }

  /// Whether the walkthrough is over.
  public var isOver: Bool {
    switch position {
    case .finished, .stopped: true
    default: false
    }
  }

  /// Seconds to hold at the current step, if it has a hold.
  public var hold: Int? {
    guard case .step(_, _, let step) = position else { return nil }
    return exercise.steps[step - 1].hold
  }

  /// Applies a command and returns the text to show.
  public mutating func handle(_ command: Command) -> String {
    switch (command, position) {
    case (.stop, _):
      position = .stopped(becauseOfPain: false)
    case (.painAnswer(let hurts), .painCheck(let set)):
      if hurts {
        position = .stopped(becauseOfPain: true)
      } else {
        position = set < exercise.sets ? .step(set: set + 1, repetition: 1, step: 1) : .finished
      }
    case (.painAnswer, _), (.again, _):
      break
    case (.next, _):
      position = advanced(position)
    case (.back, _):
      position = retreated(position)
    }
    return render()
  }

  /// The text for where the walkthrough stands now.
  public func render() -> String {
    switch position {
    case .intro:
      var lines = [
        "\(exercise.name): \(exercise.purpose)", "When: \(exercise.when).",
        "Start: \(exercise.start)", "Stop if it hurts: \(exercise.stop)",
      ]
      lines.append(
        "Press Enter (or type 'next') for step 1; 'back', 'repeat' and 'stop' work at any time.")
      return lines.joined(separator: "\n")
    case .step(let set, let repetition, let step):
      var counter = "Step \(step) of \(exercise.steps.count)"
      if exercise.repetitions > 1 { counter += ", rep \(repetition) of \(exercise.repetitions)" }
      if exercise.sets > 1 { counter += ", set \(set) of \(exercise.sets)" }
      var text = "\(counter): \(exercise.steps[step - 1].text)"
      if let hold = exercise.steps[step - 1].hold { text += " Hold for \(hold) seconds." }
      return text
    case .painCheck:
      return "Any pain? (y/n)"
    case .finished:
      var text = "Done: well done. Rest a moment before you get up."
      if let perDay = exercise.perDay { text += " You can do this \(perDay)." }
      if let next = nextExercises.first {
        text += "\nYou could try next: \(next) (type 'exercise \(next.lowercased())')."
      }
      return text
    case .stopped(let becauseOfPain):
      if becauseOfPain {
        let help = whenToGetHelp.map { "\n" + $0 } ?? ""
        return "Stop here. \(exercise.stop)\nInstead: \(exercise.instead)" + help
      }
      return "Walkthrough stopped. Ask me anything, or type 'exercises' to pick another."
    }
  }
}

extension Walkthrough {
  fileprivate func advanced(_ position: Position) -> Position {
    switch position {
    case .intro:
      return .step(set: 1, repetition: 1, step: 1)
    case .step(let set, let repetition, let step):
      if step < exercise.steps.count {
        return .step(set: set, repetition: repetition, step: step + 1)
      }
      if repetition < exercise.repetitions {
        return .step(set: set, repetition: repetition + 1, step: 1)
      }
      return .painCheck(set: set)
    case .painCheck, .finished, .stopped:
      return position
    }
  }

  fileprivate func retreated(_ position: Position) -> Position {
    switch position {
    case .intro, .finished, .stopped:
      return position
    case .step(let set, let repetition, let step):
      if step > 1 { return .step(set: set, repetition: repetition, step: step - 1) }
      if repetition > 1 {
        return .step(set: set, repetition: repetition - 1, step: exercise.steps.count)
      }
      return set == 1 ? .intro : .painCheck(set: set - 1)
    case .painCheck(let set):
      return .step(set: set, repetition: exercise.repetitions, step: exercise.steps.count)
    }
  }
}
