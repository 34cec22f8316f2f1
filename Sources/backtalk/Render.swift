import BacktalkCore
import Foundation

/// Plain-text rendering of replies and listings.
enum Render {
  /// A reply as a person reads it, with the disclaimer reminder under it.
  static func plain(_ reply: Reply, session: Session, explain: Bool = false) -> String {
    var bytes: [UInt8] = []
    appendPlain(reply, session: session, explain: explain, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the bytes of `plain(reply)` to `bytes`, with no `String` made on the way.
  static func appendPlain(
    _ reply: Reply, session: Session, explain: Bool = false, to bytes: inout [UInt8]
  ) {
    bytes += reply.text.utf8
    if !reply.sources.isEmpty {
      bytes += "\nSources: ".utf8
      for (offset, source) in reply.sources.enumerated() {
        if offset > 0 { bytes += "; ".utf8 }
        bytes += source.utf8
      }
    }
    bytes += "\n(".utf8
    bytes += session.responder.disclaimerReminder.utf8
    bytes += ")".utf8
    if explain {
      bytes += "\n".utf8
      bytes += explanation(reply).utf8
    }
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
    if !explanation.asks.isEmpty {
      lines.append("Asks: " + explanation.asks.joined(separator: ", "))
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

  /// The width listings are laid out for when the output is not a terminal.
  static let pipeWidth = 78

  /// Every topic, grouped, for `topics`: each group's titles indented under it, whole titles
  /// to a line as far as `width` allows, so a narrow terminal never wraps a line again.
  static func topics(_ knowledge: Knowledge, width: Int = pipeWidth) -> String {
    var groups: [String] = []
    var titles: [String: [String]] = [:]
    for intent in knowledge.intents where intent.id != Knowledge.disclaimerIntentID {
      let group = intent.redFlag == nil ? intent.group : "Warning signs"
      if titles[group] == nil { groups.append(group) }
      titles[group, default: []].append(intent.title)
    }
    return groups.map { group in
      let lines = packed(titles[group, default: []], width: max(width - 2, 10))
      return TextWrapper.wrap(group + ":", width: width) + "\n"
        + lines.map { "  " + $0 }.joined(separator: "\n")
    }.joined(separator: "\n\n")
  }

  /// Every exercise with its purpose, for `exercises`.
  static func exercises(_ knowledge: Knowledge, width: Int = pipeWidth) -> String {
    let exercises = knowledge.intents.compactMap(\.exercise)
    guard !exercises.isEmpty else { return "No exercises are loaded." }
    return table(exercises.map { ($0.name, $0.purpose) }, width: width)
  }

  /// Names and what they are, in two columns: the second wraps under itself, or, when the
  /// width leaves it too little room, each text goes indented under its name.
  static func table(_ rows: [(name: String, text: String)], width: Int) -> String {
    let nameWidth = rows.map(\.name.count).max() ?? 0
    let column = width - nameWidth - 2
    return rows.map { row in
      guard column >= 24 else {
        let text = TextWrapper.wrap(row.text, width: max(width - 2, 10))
        return row.name + "\n" + indented(text, by: 2)
      }
      return row.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
        + indented(TextWrapper.wrap(row.text, width: column), by: nameWidth + 2, first: false)
    }.joined(separator: "\n")
  }
}

extension Render {
  /// Items joined with ", " into lines of at most `width` characters, an item split only
  /// when it is longer than a line on its own.
  fileprivate static func packed(_ items: [String], width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for (position, item) in items.enumerated() {
      let piece = item + (position == items.count - 1 ? "" : ",")
      if current.isEmpty {
        current = piece
      } else if current.count + 1 + piece.count <= width {
        current += " " + piece
      } else {
        lines.append(current)
        current = piece
      }
      if current.count > width {
        let wrapped = TextWrapper.wrap(current, width: width).split(separator: "\n")
        lines += wrapped.dropLast().map(String.init)
        current = wrapped.last.map(String.init) ?? ""
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  /// Text with each line indented, the first one too unless `first` is false.
  fileprivate static func indented(_ text: String, by count: Int, first: Bool = true) -> String {
    let pad = String(repeating: " ", count: count)
    return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
      ($0.offset == 0 && !first ? "" : pad) + $0.element
    }.joined(separator: "\n")
  }
}
