import ArgumentParser
import BacktalkCore
import BacktalkKnowledge
import Foundation

/// The `backtalk` command: a REPL on a terminal, a question-per-line filter on a pipe.
struct Backtalk: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backtalk",
    abstract: "Answers questions about a back spasm from curated knowledge. Not a doctor.",
    discussion: """
      With no subcommand: a REPL on a terminal, or one answer per input line on a pipe. \
      A question as the only argument is answered once, as 'ask' does: backtalk "can I drive?" \
      (after '--' when it starts with '-').
      """,
    version: versionText,
    subcommands: [
      Run.self, Ask.self, Topics.self, Exercises.self, ExerciseCommand.self, Check.self,
      Lint.self, Eval.self,
      Version.self,
    ],
    defaultSubcommand: Run.self
  )

  /// The program's own version.
  static let version = "0.16.0"

  /// What `--version` and `backtalk version` print: the program and the knowledge it carries.
  static let versionText = "backtalk \(version) (knowledge \(BuiltInKnowledge.version))"

  /// Added to a usage error about an unknown option: the likeliest cause is a question that
  /// starts with "-".
  static let dashHint =
    "A question that starts with '-' goes after '--': backtalk -- \"-5 degrees, ice or heat?\""
}

extension Backtalk {
  /// The first argument before any `--` that starts with "-" but holds a space: a question,
  /// since no option does (`--data=/a b` aside).
  static func questionTakenForOptions(_ arguments: [String]) -> String? {
    for argument in arguments {
      if argument == "--" { return nil }
      guard argument.hasPrefix("-"), argument.contains(" ") else { continue }
      if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "="),
        let space = argument.firstIndex(of: " "), equals < space
      {
        continue
      }
      return argument
    }
    return nil
  }
}

/// `backtalk version`: the same as `--version`.
struct Version: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "version", abstract: "Print the version and the built-in knowledge's version.")

  func run() throws {
    Output.write(Backtalk.versionText + "\n")
    Output.flush()
  }
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

  @Argument(
    help: ArgumentHelp(
      "A question to answer once, as 'ask' does (after '--' when it starts with '-').",
      valueName: "question"))
  var question: [String] = []

  func run() throws {
    let session = try options.makeSession()
    if !question.isEmpty {
      Ask.answer(
        question.joined(separator: " "), session: session, json: json, explain: explain,
        useColor: options.useColor)
    } else if isatty(STDIN_FILENO) == 1 && !json {
      if explain { Output.error(Self.explainOnTerminal) }
      if conversation { Output.error(Self.conversationOnTerminal) }
      REPL(session: session, useColor: options.useColor, explain: explain).run()
    } else {
      // Nothing prompts on a terminal in pipe mode; without a word it would look hung.
      if isatty(STDIN_FILENO) == 1 { Output.error(Self.jsonOnTerminal) }
      PipeMode(
        session: session, json: json, conversation: conversation, explain: explain
      ).run()
      // Everything is written (`run` flushed it): the process's end frees the session's tables
      // at once, where destroying them one by one cost about 10 million instructions, a
      // twentieth of a one-line run.
      Foundation.exit(0)
    }
  }
}

extension Run {
  /// Said on stderr when flags meant for pipes are given with a terminal on stdin, so the
  /// person knows what happens instead of meeting silence.
  static let jsonOnTerminal = """
    backtalk: --json reads questions from the terminal as from a pipe: type one per line and \
    each is answered with a JSON line; Ctrl-D ends. (Without --json this is the REPL; \
    'backtalk --json < questions.txt' answers a file.)
    """
  static let explainOnTerminal =
    "backtalk: --explain: each answer is followed by how it was chosen, as 'why' shows it."
  static let conversationOnTerminal =
    "backtalk: --conversation changes nothing here: the REPL always reads your lines as one "
    + "conversation."
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
    Self.answer(
      question.joined(separator: " "), session: session, json: json, explain: explain,
      useColor: options.useColor)
  }

  /// Answers one question on stdout, for `ask` and for a question given as the only argument.
  static func answer(
    _ question: String, session: Session, json: Bool, explain: Bool, useColor: Bool
  ) {
    let reply = session.reply(to: question)
    if json {
      Output.write(reply.jsonLine(explain: explain, endingLine: true))
    } else if isatty(STDOUT_FILENO) == 1 {
      Terminal(useColor: useColor).say(
        Terminal(useColor: useColor).render(
          reply, session: session, explain: explain))
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
    Output.write(Render.topics(session.responder.knowledge, width: Terminal.listingWidth()) + "\n")
    Output.flush()
  }
}

struct Exercises: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "exercises", abstract: "List the exercises with their purpose.")
  @OptionGroup var options: CommonOptions

  func run() throws {
    let session = try options.makeSession()
    Output.write(
      Render.exercises(session.responder.knowledge, width: Terminal.listingWidth()) + "\n")
    Output.flush()
  }
}

@main
enum Main {
  static func main() {
    Output.prepare()
    let arguments = Array(CommandLine.arguments.dropFirst())
    // ArgumentParser would read "-what helps" as the short options -w -h ..., and show help.
    if let question = Backtalk.questionTakenForOptions(arguments) {
      Output.error("Error: '\(question)' is not an option.\n" + Backtalk.dashHint)
      exit(2)
    }
    do {
      var command = try Backtalk.parseAsRoot(arguments)
      try command.run()
    } catch {
      let code = Backtalk.exitCode(for: error)
      var message = Backtalk.fullMessage(for: error)
      if message.contains("Unknown option") { message += "\n" + Backtalk.dashHint }
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
