import BacktalkCore
import Foundation

/// Plain-text rendering of replies and listings.
enum Render {
  /// A reply as a person reads it, with the disclaimer reminder under it.
  static func plain(_ reply: Reply, session: Session, explain: Bool = false) -> String {
    var text = reply.text
    if !reply.sources.isEmpty {
      text += "\nSources: " + reply.sources.joined(separator: "; ")
    }
    text += "\n(" + session.responder.disclaimerReminder + ")"
    if explain { text += "\n" + explanation(reply) }
    return text
  }

  /// The date and time now, for the summary ("2026-05-14 09:30").
  static func now() -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: Date())
  }

  /// Why the matcher chose what it chose, for `why` and `--explain`.
  static func explanation(_ reply: Reply) -> String {
    let explanation = reply.explanation
    var lines = ["Words: " + explanation.words.joined(separator: " ")]
    if !explanation.corrections.isEmpty {
      lines.append(
        "Corrected: "
          + explanation.corrections.map { "\($0.from) → \($0.to)" }.joined(separator: ", "))
    }
    if !explanation.synonyms.isEmpty {
      lines.append(
        "Synonyms: " + explanation.synonyms.map { "\($0.from) → \($0.to)" }.joined(separator: ", "))
    }
    if !explanation.parts.isEmpty {
      lines.append("Split into: " + explanation.parts.map { "\"\($0)\"" }.joined(separator: ", "))
    }
    for finding in explanation.findings { lines.append("Finding: " + finding) }
    if let rule = explanation.rule {
      lines.append("Triage: \(reply.triage.rawValue), set by \(rule)")
    }
    for (rank, match) in explanation.candidates.enumerated() {
      let score = (match.score * 100).rounded() / 100
      lines.append(
        "\(rank + 1). \(match.intent)  score \(score)  confidence \(match.confidence)  words: \(match.matchedStems.joined(separator: ", "))"
      )
    }
    if explanation.candidates.isEmpty { lines.append("No intent matched.") }
    return lines.joined(separator: "\n")
  }

  /// Every topic, grouped, for `topics`.
  static func topics(_ knowledge: Knowledge) -> String {
    var groups: [String] = []
    var titles: [String: [String]] = [:]
    for intent in knowledge.intents where intent.id != Knowledge.disclaimerIntentID {
      let group = intent.redFlag == nil ? intent.group : "Warning signs"
      if titles[group] == nil { groups.append(group) }
      titles[group, default: []].append(intent.title)
    }
    return groups.map { group in
      let list = TextWrapper.wrap(titles[group, default: []].joined(separator: ", "), width: 76)
      return "\(group):\n" + list.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
    }.joined(separator: "\n\n")
  }

  /// Every exercise with its purpose, for `exercises`.
  static func exercises(_ knowledge: Knowledge) -> String {
    let exercises = knowledge.intents.compactMap(\.exercise)
    guard !exercises.isEmpty else { return "No exercises are loaded." }
    let width = exercises.map(\.name.count).max() ?? 0
    return exercises.map { exercise in
      exercise.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + exercise.purpose
    }.joined(separator: "\n")
  }

}
