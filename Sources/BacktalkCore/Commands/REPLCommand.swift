import Foundation

/// What a line typed at the REPL's prompt asks for: a command, or a question to answer.
///
/// Parsing lives here, not in the executable, so it is tested and fuzzed with the core.
public enum REPLCommand: Equatable, Sendable {
  case quit, help, topics, exercises, disclaimer, why, summary, more
  /// `summary --save FILE`; the path is trimmed and may be empty (then usage is shown).
  case saveSummary(path: String)
  case question(String)

  /// Reads a line, trimmed of spaces; commands are matched whatever their case.
  public init(_ line: String) {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    let lowered = trimmed.lowercased()
    switch lowered {
    case "quit", "exit": self = .quit
    case "help": self = .help
    case "topics": self = .topics
    case "exercises": self = .exercises
    case "disclaimer": self = .disclaimer
    case "why": self = .why
    case "summary": self = .summary
    case "more": self = .more
    case let command where command.hasPrefix(Self.savePrefix):
      // The path keeps its case: the prefix is dropped from the line as typed, by length.
      let path = trimmed.dropFirst(Self.savePrefix.count)
      self = .saveSummary(path: String(path).trimmingCharacters(in: .whitespaces))
    default: self = .question(trimmed)
    }
  }

  /// Reads what a line means inside a walkthrough, or nil when it is something else (a new
  /// question, which ends the walkthrough). At the pain check, answers such as "a bit" or
  /// "not really" are read with `answerWords` (the lexicon's yes and no words).
  public static func walkthroughCommand(
    _ line: String, atPainCheck: Bool, answerWords: [String: Set<String>]
  ) -> Walkthrough.Command? {
    switch line.lowercased() {
    case "", "next", "ok", "done":
      return .next
    case "back", "b", "previous":
      return .back
    case "repeat", "again", "r":
      return .again
    case "stop", "quit", "exit", "cancel":
      return .stop
    default:
      guard atPainCheck else { return nil }
      return PainAnswer.hurts(line, words: answerWords).map { .painAnswer(hurts: $0) }
    }
  }
}

extension REPLCommand {
  fileprivate static let savePrefix = "summary --save"
}
