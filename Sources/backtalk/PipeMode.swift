import BacktalkCore
import Dispatch
import Foundation

/// Answers piped lines in order, as plain text headed by the disclaimer or as JSON Lines.
struct PipeMode: Sendable {
  let session: Session
  let json: Bool
  let conversation: Bool
  let explain: Bool

  /// Below this many lines in one read, answering on one thread is quicker than sharing out.
  static let parallelThreshold = 64

  func run() {
    Output.prepare()
    SignalStop.install()
    var status = stat()
    if fstat(STDIN_FILENO, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR {
      Output.fail("cannot read the input: it is a folder; pipe in a file of questions instead")
    }
    if !json {
      Output.write(session.responder.knowledge.disclaimer + "\n\n")
    }
    var splitter = LineSplitter()
    var context = DialogueContext()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var lineNumber = 0
    func answer(_ lines: [LineSplitter.Line]) {
      for line in lines {
        lineNumber += 1
        if line.wasCut {
          Output.error(
            "backtalk: line \(lineNumber) is longer than \(splitter.maximumBytes) bytes; only its start was read"
          )
        }
      }
      if conversation {
        for line in lines where !isBlank(line.text) {
          let command = line.text.trimmingCharacters(in: .whitespaces).lowercased()
          if command == "summary" {
            // Not recorded: the summary is about the conversation, not part of it.
            Output.write(
              render(
                session.responder.summaryReply(
                  of: context, emergencyNumber: session.emergencyNumber, date: Render.now())))
            continue
          }
          let reply =
            command == "more"
            ? session.responder.relatedReply(to: context)
            : session.reply(to: line.text, context: context, explaining: explain)
          context.record(reply)
          Output.write(render(reply))
        }
      } else {
        for text in answerIndependently(lines.map(\.text)) { Output.write(text) }
      }
    }
    while true {
      let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress!, $0.count) }
      if count < 0 && errno == EINTR {
        Output.flush()  // ends the program if the interruption was a termination signal
        continue
      }
      if count < 0 { Output.fail("cannot read the input: \(String(cString: strerror(errno)))") }
      if count == 0 { break }
      let lines = chunk.withUnsafeBufferPointer {
        splitter.feed(UnsafeBufferPointer(rebasing: $0[0..<count]))
      }
      answer(lines)
      // Flush whenever the input so far is answered, so a program that writes one question
      // and waits for the answer gets it, while a long file is written in large blocks.
      Output.flush()
    }
    if let last = splitter.finish() { answer([last]) }
    Output.flush()
  }
}

extension PipeMode {
  fileprivate func isBlank(_ text: String) -> Bool {
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      return text.utf8.allSatisfy { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
    }
    return !text.contains { !$0.isWhitespace }
  }

  fileprivate func answerLine(_ line: String) -> String {
    isBlank(line) ? "" : render(session.reply(to: line, explaining: explain))
  }

  fileprivate func render(_ reply: Reply) -> String {
    json
      ? reply.jsonLine(explain: explain, endingLine: true)
      : "> \(reply.question)\n" + Render.plain(reply, session: session, explain: explain) + "\n\n"
  }

  /// Answers lines that do not depend on each other, on every core when there are many, and
  /// returns the output in input order (nothing for a blank line).
  fileprivate func answerIndependently(_ lines: [String]) -> [String] {
    guard lines.count >= Self.parallelThreshold else { return lines.map(answerLine) }
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let results = UnsafeMutableBufferPointer<String>.allocate(capacity: lines.count)
    results.initialize(repeating: "")
    defer {
      _ = results.deinitialize()
      results.deallocate()
    }
    nonisolated(unsafe) let shared = results
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      // Each worker takes every workers-th line, so each slot is written by one thread only.
      for index in stride(from: worker, to: lines.count, by: workers) {
        shared[index] = answerLine(lines[index])
      }
    }
    return Array(results)
  }
}
