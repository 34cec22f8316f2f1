/// Starting an exercise walkthrough from what the person typed.
extension Responder {
  /// The exercise intent a line asks to be walked through, if any: "exercise NAME", or a cue
  /// such as "walk me through" or "start" with an exercise as the answer.
  public func exerciseToStart(for line: String, reply: Reply) -> Intent? {
    let words = analyzer.words(of: line)
    let text = words.joined(separator: " ")
    if words.first == "exercise", words.count > 1 {
      let name = words.dropFirst().joined(separator: " ")
      if let exact = knowledge.intents.first(where: { intent in
        guard let exercise = intent.exercise else { return false }
        return ([exercise.name] + exercise.aliases).contains {
          analyzer.words(of: $0).joined(separator: " ") == name
        }
      }) {
        return exact
      }
    }
    let asks = knowledge.lexicon.walkthroughCues.contains { cue in
      (" " + text + " ").contains(" " + cue + " ")
    }
    guard asks else { return nil }
    guard let first = reply.answeredIntents.first,
      let intent = intentsByID[first], intent.exercise != nil
    else { return nil }
    return intent
  }

  /// A walkthrough of an exercise intent, offering its related exercises at the end.
  public func walkthrough(of intent: Intent) -> Walkthrough? {
    guard let exercise = intent.exercise else { return nil }
    let next = intent.related.compactMap { intentsByID[$0]?.exercise?.name }
    // The one-line summary of the warning signs says when to get help instead.
    let help = intentsByID[Knowledge.warningSignsIntentID]?.summary
    return Walkthrough(exercise: exercise, nextExercises: next, whenToGetHelp: help)
  }
}
