import ArgumentParser
import BacktalkCore
import Foundation

/// The `backtalk` command: a REPL on a terminal, a question-per-line filter on a pipe.
struct Backtalk: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backtalk",
    abstract: "Answers questions about a back spasm from curated knowledge. Not a doctor.",
    discussion: "With no subcommand: a REPL on a terminal, or one answer per input line on a pipe.",
    subcommands: [
      Run.self, Ask.self, Topics.self, Exercises.self, Check.self, Lint.self, Eval.self,
    ],
    defaultSubcommand: Run.self
  )
}

/// The default mode: the REPL on a terminal, otherwise one answer per input line.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Answer questions: a REPL on a terminal, one answer per line on a pipe.")

  @OptionGroup var options: CommonOptions

  @Flag(help: "Write one JSON object per input line (pipe mode).")
  var json = false

  @Flag(help: "Read the piped lines as one conversation, the way the REPL does.")
  var conversation = false

  @Flag(help: "Add an 'explain' field (JSON) or an explanation (plain) to every answer.")
  var explain = false

  func run() throws {
    let session = try options.makeSession()
    if isatty(STDIN_FILENO) == 1 && !json {
      REPL(session: session, useColor: options.useColor).run()
    } else {
      PipeMode(
        session: session, json: json, conversation: conversation, explain: explain
      ).run()
    }
  }
}

/// Options every mode shares.
struct CommonOptions: ParsableArguments {
  @Option(
    name: .customLong("data"),
    help: ArgumentHelp(
      "Load Intents/, Corpus/ and Lexicon/ from this folder instead.", valueName: "dir"))
  var data: String?

  @Option(
    help: ArgumentHelp("Region code for the emergency number (US, GB, DE, ...).", valueName: "code")
  )
  var region: String?

  @Flag(name: .customLong("no-color"), help: "Never use color.")
  var noColor = false

  var useColor: Bool {
    let environment = ProcessInfo.processInfo.environment
    return !noColor && environment["NO_COLOR"].map(\.isEmpty) ?? true
      && environment["TERM"] != "dumb" && isatty(STDOUT_FILENO) == 1
  }

  /// Loads regression case files, or prints every problem and exits with status 2.
  func loadCases(_ paths: [String]) throws -> [RegressionCase] {
    do {
      return try RegressionCaseLoader.load(paths: paths)
    } catch {
      Output.error(error.description)
      throw ExitCode(2)
    }
  }

  /// Loads the knowledge, or prints every problem and exits with status 3.
  func makeSession() throws -> Session {
    do {
      return try Session(dataPath: data, region: region)
    } catch let errors as KnowledgeErrors {
      Output.error(errors.description)
      Output.error(
        "backtalk: the knowledge could not be loaded (\(errors.errors.count) problem\(errors.errors.count == 1 ? "" : "s"))"
      )
      throw ExitCode(3)
    } catch {
      Output.error("backtalk: the knowledge could not be loaded: \(error)")
      throw ExitCode(3)
    }
  }
}

struct Ask: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ask", abstract: "Answer one question and exit.")

  @OptionGroup var options: CommonOptions
  @Flag(help: "Print the answer as one JSON object.") var json = false
  @Flag(help: "Add why the answer was chosen.") var explain = false
  @Argument(help: "The question, in quotes.") var question: [String]

  func run() throws {
    let session = try options.makeSession()
    let reply = session.reply(to: question.joined(separator: " "))
    if json {
      Output.write(reply.jsonLine(explain: explain) + "\n")
    } else {
      Output.write(Render.plain(reply, session: session, explain: explain) + "\n")
    }
    Output.flush()
  }
}

struct Topics: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "topics", abstract: "List everything Backtalk can talk about.")
  @OptionGroup var options: CommonOptions

  func run() throws {
    let session = try options.makeSession()
    Output.write(Render.topics(session.responder.knowledge) + "\n")
    Output.flush()
  }
}

struct Exercises: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "exercises", abstract: "List the exercises with their purpose.")
  @OptionGroup var options: CommonOptions

  func run() throws {
    let session = try options.makeSession()
    Output.write(Render.exercises(session.responder.knowledge) + "\n")
    Output.flush()
  }
}

@main
enum Main {
  static func main() {
    Output.prepare()
    do {
      var command = try Backtalk.parseAsRoot()
      try command.run()
    } catch {
      let code = Backtalk.exitCode(for: error)
      let message = Backtalk.fullMessage(for: error)
      if code == .success {
        if !message.isEmpty { Output.write(message + "\n") }
        Output.flush()
        exit(0)
      }
      if !message.isEmpty { Output.error(message) }
      exit(code == .validationFailure ? 2 : code.rawValue)
    }
  }
}
