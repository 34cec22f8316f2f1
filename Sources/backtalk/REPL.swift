import BacktalkCore
import Foundation

/// The interactive loop: banner, prompt, commands, answers, and the conversation's context.
struct REPL {
  let session: Session
  let useColor: Bool
  /// Whether every answer is followed by how it was chosen (`--explain`), as `why` shows it.
  var explain = false

  static let commands = [
    "help", "topics", "exercises", "exercise", "disclaimer", "why", "summary", "more", "quit",
    "exit",
  ]

  func run() {
    Output.prepare()
    let knowledge = session.responder.knowledge
    let editor = LineEditor(
      historyPath: Self.historyPath(ProcessInfo.processInfo.environment),
      completions: Self.commands + knowledge.intents.compactMap { $0.exercise?.name.lowercased() })
    say(
      style("Backtalk", .bold) + " answers questions about a back spasm.\n\n" + knowledge.disclaimer
        + "\n\nType a question, 'help' for commands, or Ctrl-D to leave.\n")
    var context = DialogueContext()
    var lastReply: Reply?
    var walk: Walkthrough?
    // A line typed during a hold's countdown: answered next, as if typed at the prompt.
    var typedDuringHold: String?
    while let line = typedDuringHold
      ?? editor.readLine(
        prompt: walk.map { "backtalk (\($0.exercise.name.lowercased()))> " } ?? "backtalk> ")
    {
      typedDuringHold = nil
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if var active = walk {
        // A red flag ends the walkthrough at any prompt, the pain check included.
        let flagged = session.responder.triageLevel(of: trimmed) >= .urgent
        let atPainCheck = Self.isPainCheck(active.position)
        if !atPainCheck, ["n", "no", "nope", "nah"].contains(trimmed.lowercased()) {
          // At a step, "no" is not "next": ask what was meant.
          say("Press Enter (or type 'next') to go on, or type 'stop' to end the walkthrough.")
          continue
        }
        if flagged, atPainCheck,
          PainAnswer.hurts(trimmed, words: knowledge.lexicon.answerWords) == true
        {
          // A yes always gets the stop-here advice, then the red flag in it is answered.
          say(active.handle(.painAnswer(hurts: true)))
          context.recordPain(during: active.exercise.name)
          walk = nil
        } else if !flagged,
          let command = REPLCommand.walkthroughCommand(
            trimmed, atPainCheck: atPainCheck, answerWords: knowledge.lexicon.answerWords)
        {
          if !trimmed.isEmpty { editor.remember(trimmed) }
          say(active.handle(command))
          if command == .painAnswer(hurts: true) {
            context.recordPain(during: active.exercise.name)
          }
          if let hold = active.hold, let typed = countDown(hold) {
            typedDuringHold = typed
            walk = nil
            say("(walkthrough stopped)")
            continue
          }
          walk = active.isOver ? nil : active
          continue
        } else {
          walk = nil
          say("(walkthrough stopped)")
        }
      }
      guard !trimmed.isEmpty else { continue }
      editor.remember(trimmed)
      switch REPLCommand(trimmed) {
      case .quit:
        return
      case .help:
        say(Self.help(width: Terminal.width()))
      case .topics:
        say(Render.topics(knowledge, width: Terminal.width()))
      case .exercises:
        say(Render.exercises(knowledge, width: Terminal.width()))
      case .disclaimer:
        say(knowledge.disclaimer)
      case .why:
        say(
          lastReply.map(Render.explanation)
            ?? "Ask a question first; 'why' explains the last answer.")
      case .summary:
        say(summaryText(of: context))
      case .saveSummary(let path):
        say(save(summaryOf: context, to: path))
      case .more:
        let reply = session.responder.relatedReply(to: context)
        context.record(reply)
        say(reply.text)
      case .question:
        let reply = session.reply(to: trimmed, context: context)
        context.record(reply)
        lastReply = reply
        if reply.triage == .none,
          let intent = session.responder.exerciseToStart(for: trimmed, reply: reply),
          let started = session.responder.walkthrough(of: intent)
        {
          walk = started
          say(started.render())
        } else {
          say(render(reply) + "\n")
        }
      }
    }
    say("")  // Ctrl-D: readline leaves the cursor on the prompt line
    if var active = walk, Self.isPainCheck(active.position) {
      // Leaving without an answer: the advice for when it hurts, in case it does.
      say(active.handle(.painAnswer(hurts: true)))
    }
  }
}

extension REPL {
  /// The help, laid out for the terminal's width.
  fileprivate static func help(width: Int) -> String {
    let intro = """
      Ask anything about your back spasm in your own words, for example "can I drive?". \
      Follow-ups such as "how long?" are read in the context of the last answer.
      Commands:
      """
    let commands = [
      ("topics", "everything Backtalk can talk about"),
      ("exercises", "the exercises, with what each is for"),
      (
        "exercise NAME",
        "walk through one step by step (\"exercise cat stretch\", or say \"walk me through the "
          + "cat stretch\"); Enter goes on, 'stop' leaves"
      ),
      ("more", "related topics to the last answer"),
      ("why", "how the last answer was chosen"),
      (
        "summary",
        "what you asked, the symptoms you mentioned and what was advised ('summary --save FILE' "
          + "writes it to a file to take to a provider)"
      ),
      ("disclaimer", "the full medical disclaimer"),
      ("quit, exit", "leave (or Ctrl-D); Ctrl-C clears the line"),
    ]
    return TextWrapper.wrap(intro, width: width) + "\n"
      + Render.table(commands, width: width - 2).split(separator: "\n").map { "  " + $0 }
      .joined(separator: "\n")
  }

  fileprivate func style(_ text: String, _ style: Terminal.Style) -> String {
    Terminal(useColor: useColor).style(text, style)
  }

  fileprivate func render(_ reply: Reply) -> String {
    Terminal(useColor: useColor).render(reply, session: session, explain: explain)
  }

  /// The dated summary with the disclaimer reminder under it, plain text.
  fileprivate func summaryText(of context: DialogueContext) -> String {
    session.responder.summary(
      of: context, emergencyNumber: session.emergencyNumber, date: Render.now()) + "\n("
      + session.responder.disclaimerReminder + ")"
  }

  /// Writes the summary, as plain text, to a file; returns what to tell the person.
  fileprivate func save(summaryOf context: DialogueContext, to path: String) -> String {
    let path = path.trimmingCharacters(in: .whitespaces)
    guard !path.isEmpty else { return "Usage: summary --save FILE" }
    do {
      try Data((summaryText(of: context) + "\n").utf8).write(to: URL(fileURLWithPath: path))
      return "Summary saved to \(path)."
    } catch {
      return "Could not save the summary to \(path): \(error.localizedDescription)"
    }
  }

  fileprivate static func isPainCheck(_ position: Walkthrough.Position) -> Bool {
    if case .painCheck = position { return true }
    return false
  }

  /// Shows a hold's countdown; Enter skips it and Ctrl-C ends it (not the program). Returns
  /// what was typed when it was more than Enter: a new question, never thrown away.
  fileprivate func countDown(_ seconds: Int) -> String? {
    var typed: String?
    let ending = Countdown.run(seconds: seconds) { remaining in
      Output.write("\r  hold: \(remaining) s (Enter skips) ")
      Output.flush()
      switch LineEditor.waitForEnter(milliseconds: 1000) {
      case .timeout: return .elapsed
      case .line(let text):
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty { typed = trimmed }
        return .skipped
      case .interrupted: return .interrupted
      }
    }
    let note =
      typed != nil
      ? "hold ended"
      : ending == .interrupted ? "hold ended" : ending == .skipped ? "hold skipped" : "hold done"
    say("\r  \(note).                    ")
    return typed
  }

  fileprivate func say(_ text: String) {
    Terminal(useColor: useColor).say(text)
  }

  fileprivate static func historyPath(_ environment: [String: String]) -> String? {
    if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
      return state + "/backtalk/history"
    }
    if let home = environment["HOME"], !home.isEmpty {
      return home + "/.local/state/backtalk/history"
    }
    return nil
  }
}
