import BacktalkCore
import Foundation

/// The whole question pipeline over the repository's own knowledge, built once.
let responder: Responder = {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  do {
    return Responder(knowledge: try KnowledgeLoader.load(KnowledgeFile.read(from: root)))
  } catch {
    fatalError("the knowledge at \(root.path) does not load:\n\(error)")
  }
}()

/// What the fuzzer feeds, from `BACKTALK_FUZZ_MODE` (scripts/fuzz sets it): the question
/// pipeline and the intent and corpus loaders (the default), the lexicon loader, the
/// regression-case loader, or the REPL's command parser.
enum Mode: String {
  case question, lexicon, cases, commands

  static let current =
    ProcessInfo.processInfo.environment["BACKTALK_FUZZ_MODE"].flatMap(Mode.init) ?? .question
}

func checkOneInput(_ bytes: [UInt8]) {
  switch Mode.current {
  case .question: checkQuestion(bytes)
  case .lexicon: checkLexicon(bytes)
  case .cases: checkCases(bytes)
  case .commands: checkCommands(bytes)
  }
}

/// One input is a line typed, the same line as a follow-up in a conversation, and an intent and
/// a corpus file: each must come back without a crash, with safe output and a disclaimer.
func checkQuestion(_ bytes: [UInt8]) {
  let line = String(decoding: bytes, as: UTF8.self)
  let reply = responder.reply(to: line)
  let json = reply.jsonLine(explain: true)
  precondition(!json.utf8.contains(0x1B) && !json.utf8.contains(0x0A), "unsafe JSON line")
  precondition(!reply.disclaimer.isEmpty, "no disclaimer")
  precondition(
    !reply.question.unicodeScalars.contains { $0.value < 0x20 }, "control character kept")
  var context = DialogueContext()
  context.record(reply)
  _ = responder.reply(to: line, context: context)
  _ = try? KnowledgeLoader.load([
    KnowledgeFile(path: "Intents/fuzz.yml", bytes: bytes),
    KnowledgeFile(path: "Corpus/fuzz.md", bytes: bytes),
  ])
}

/// The input as a lexicon file (YAML, and a word list), with a small intent beside it; when
/// it loads, a question is answered with it.
func checkLexicon(_ bytes: [UInt8]) {
  let intent = KnowledgeFile(
    path: "Intents/fuzz.yml",
    text: "- intent: driving\n  examples: [can i drive, driving to work]\n  answer: Yes.\n")
  guard
    let knowledge = try? KnowledgeLoader.load([
      intent, KnowledgeFile(path: "Lexicon/fuzz.yml", bytes: bytes),
      KnowledgeFile(path: "Lexicon/fuzz.txt", bytes: bytes),
    ])
  else { return }
  let reply = Responder(knowledge: knowledge).reply(to: String(decoding: bytes, as: UTF8.self))
  precondition(!reply.jsonLine(explain: true).utf8.contains(0x1B), "unsafe JSON line")
}

/// The input as a regression-case file; cases that load are run against the real knowledge,
/// under a short pattern time limit, without variants.
func checkCases(_ bytes: [UInt8]) {
  guard
    let cases = try? RegressionCaseLoader.parse(
      String(decoding: bytes, as: UTF8.self), file: "fuzz.yml")
  else { return }
  let runner = RegressionRunner(responder: responder, patternTimeLimit: .milliseconds(20))
  var report = RegressionReport(keepsFailures: false)
  for item in cases.prefix(8) {
    for outcome in runner.run(item, variants: false) { report.add(outcome) }
  }
  precondition(report.checkCount == min(cases.count, 8), "an outcome went missing")
}

/// Each line of the input as typed at the REPL's prompt and inside a walkthrough.
func checkCommands(_ bytes: [UInt8]) {
  let words = responder.knowledge.lexicon.answerWords
  for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n").prefix(16) {
    let command = REPLCommand(String(line))
    if case .question(let question) = command {
      precondition(question == question.trimmingCharacters(in: .whitespaces), "untrimmed")
    }
    for atPainCheck in [false, true] {
      _ = REPLCommand.walkthroughCommand(String(line), atPainCheck: atPainCheck, answerWords: words)
    }
  }
}

#if FUZZING
  /// libFuzzer's entry point (scripts/fuzz builds with -DFUZZING and -sanitize=fuzzer).
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    checkOneInput(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
  }
#else
  /// Without the fuzzer: replays input files (a crash found earlier, or the seed corpus).
  @main
  enum Replay {
    static func main() throws {
      for path in CommandLine.arguments.dropFirst() {
        checkOneInput(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        print("ok \(path)")
      }
    }
  }
#endif
