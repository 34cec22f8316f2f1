import BacktalkCore
import Foundation

/// Answers piped lines in order, as plain text headed by the disclaimer or as JSON Lines.
struct PipeMode {
  let session: Session
  let json: Bool
  let conversation: Bool
  let explain: Bool

  func run() {
    Output.prepare()
    if !json {
      Output.write(session.responder.knowledge.disclaimer + "\n\n")
    }
    var splitter = LineSplitter()
    var context = DialogueContext()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var lineNumber = 0
    func answer(_ line: LineSplitter.Line) {
      lineNumber += 1
      if line.wasCut {
        Output.error("backtalk: line \(lineNumber) is longer than \(splitter.maximumBytes) bytes; only its start was read")
      }
      guard line.text.contains(where: { !$0.isWhitespace }) else { return }
      let reply = session.reply(to: line.text, context: conversation ? context : nil)
      if conversation { context.record(reply) }
      if json {
        Output.write(reply.jsonLine(explain: explain) + "\n")
      } else {
        Output.write("> \(reply.question)\n" + Render.plain(reply, session: session, explain: explain) + "\n\n")
      }
    }
    while true {
      let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress!, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      let lines = chunk.withUnsafeBufferPointer {
        splitter.feed(UnsafeBufferPointer(rebasing: $0[0..<count]))
      }
      lines.forEach(answer)
      // Flush whenever the input so far is answered, so a program that writes one question
      // and waits for the answer gets it, while a long file is written in large blocks.
      Output.flush()
    }
    if let last = splitter.finish() { answer(last) }
    Output.flush()
  }
}
