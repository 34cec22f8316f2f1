import ArgumentParser
import BacktalkCore
import Foundation

/// `backtalk exercise NAME`: one exercise step by step, as piped output gives it; the names
/// complete in the shell (`--generate-completion-script`).
struct ExerciseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "exercise",
    abstract: "Print one exercise step by step (names as 'backtalk exercises' lists them).")

  @OptionGroup var options: CommonOptions
  @Flag(help: "Print it as one JSON object, with a 'steps' array.") var json = false
  @Argument(
    help: ArgumentHelp(
      "The exercise: its name or an alias, with spaces or hyphens (cat-stretch).",
      valueName: "name"),
    completion: .list(Self.builtInNames))
  var name: [String]

  /// The built-in exercises' names in lower case with hyphens for spaces, one shell word each.
  static let builtInNames: [String] = {
    guard let session = try? Session(dataPath: nil, region: "US") else { return [] }
    return session.responder.knowledge.intents.compactMap(\.exercise).map {
      $0.name.lowercased().replacingOccurrences(of: " ", with: "-")
    }
  }()

  func run() throws {
    let session = try options.makeSession()
    let exercises = session.responder.knowledge.intents.compactMap(\.exercise)
    let wanted = Self.folded(name.joined(separator: " "))
    guard
      let exercise = exercises.first(where: { exercise in
        ([exercise.name] + exercise.aliases).contains { Self.folded($0) == wanted }
      })
    else {
      let words = Set(wanted.split(separator: " "))
      let near = exercises.filter {
        !words.isDisjoint(with: Self.folded($0.name).split(separator: " "))
      }
      let offered = (near.isEmpty ? exercises : near).map { $0.name.lowercased() }
      Output.error(
        "backtalk: no exercise is called '\(name.joined(separator: " "))'; "
          + (near.isEmpty ? "the exercises are: " : "did you mean: ")
          + offered.joined(separator: ", ") + (near.isEmpty ? "" : "?"))
      throw ExitCode(2)
    }
    Ask.answer(
      "exercise " + exercise.name, session: session, json: json, explain: false,
      useColor: options.useColor)
  }

  /// A name in lower case with hyphens read as spaces and runs of spaces as one.
  private static func folded(_ name: String) -> String {
    name.lowercased().replacingOccurrences(of: "-", with: " ").split(separator: " ")
      .joined(separator: " ")
  }
}
