/// Renders an exercise as numbered steps, for pipe and JSON output.
public enum ExerciseRenderer {
  /// The exercise's steps numbered, with holds and repetitions spelled out.
  public static func numberedSteps(_ exercise: Exercise) -> [String] {
    var lines = ["Start: \(exercise.start)"]
    for step in exercise.steps {
      var line = step.text
      if let hold = step.hold { line += " Hold for \(hold) seconds." }
      lines.append(line)
    }
    return lines.enumerated().map { "\($0.offset + 1). \($0.element)" }
  }

  /// The whole walkthrough as text: when, steps, repetitions and the stop rule.
  public static func render(_ exercise: Exercise, steps: [String]) -> String {
    var lines = ["\(exercise.name), step by step (\(exercise.when)):"]
    lines += steps
    var dose: [String] = []
    if exercise.repetitions > 1 { dose.append("Repeat \(exercise.repetitions) times") }
    if exercise.sets > 1 { dose.append("in \(exercise.sets) sets") }
    if let perDay = exercise.perDay { dose.append(perDay) }
    if !dose.isEmpty { lines.append(dose.joined(separator: ", ") + ".") }
    lines.append("Stop if it hurts: \(exercise.stop)")
    return lines.joined(separator: "\n")
  }
}
