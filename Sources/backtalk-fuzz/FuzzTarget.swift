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

/// One input is a line typed, the same line as a follow-up in a conversation, and an intent and
/// a corpus file: each must come back without a crash, with safe output and a disclaimer.
func checkOneInput(_ bytes: [UInt8]) {
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
