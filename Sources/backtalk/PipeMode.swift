import BacktalkCore
import Dispatch
import Foundation

/// Answers piped lines in order, as plain text headed by the disclaimer or as JSON Lines.
struct PipeMode: Sendable {
  let session: Session
  let json: Bool
  let conversation: Bool
  let explain: Bool

  /// What a line weighs in sharing out work besides its bytes: a short question costs about
  /// as much as this many bytes more of a long one.
  static let lineWeight = 512

  /// Below this weight beside a round's heaviest line, answering on one thread is quicker
  /// than sharing out: a huge line with a short one is answered no sooner on two cores, and a
  /// second thread costs a megabyte or two of memory.
  static let parallelWeight = 8 * lineWeight

  /// The most weight answered at once: a 64 KB read holds some 360,000 of short lines, and
  /// answering it in parts keeps fewer answers waiting in memory for the slowest unit.
  static let roundWeight = 128 * 1024

  /// How many cores answer at once: asked of the system, as `ProcessInfo`'s first use costs
  /// a megabyte of memory.
  static let workers = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))

  /// How many work units each core gets: more than one, so a core that finishes early takes
  /// another unit while a unit holding a huge line is still being answered.
  static let unitsPerWorker = 4

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
        answerIndependently(lines.map(\.text))
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
  /// Whether a line holds only whitespace. One pass over the bytes, which stops at the first
  /// ASCII byte that is not whitespace (the first byte of almost every line): such a byte is
  /// a character that is not whitespace, or ends a cluster that starts with one, so the line
  /// is not blank whatever else it holds. Only a line of whitespace and non-ASCII bytes asks
  /// its characters.
  fileprivate func isBlank(_ text: String) -> Bool {
    var text = text
    let decided: Bool? = text.withUTF8 { bytes in
      var isASCII = true
      for byte in bytes {
        if byte >= 0x80 {
          isASCII = false
        } else if !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) {
          return false
        }
      }
      return isASCII ? true : nil
    }
    if let decided { return decided }
    return !text.contains { !$0.isWhitespace }
  }

  /// Appends the answer to a line to `bytes` (nothing for a blank line).
  fileprivate func appendAnswer(to line: String, into bytes: inout [UInt8]) {
    guard !isBlank(line) else { return }
    let reply = session.reply(to: line, explaining: explain)
    if json {
      reply.appendJSONLine(explain: explain, to: &bytes)
    } else {
      bytes.append(contentsOf: "> ".utf8)
      bytes.append(contentsOf: reply.question.utf8)
      bytes.append(UInt8(ascii: "\n"))
      Render.appendPlain(reply, session: session, explain: explain, to: &bytes)
      bytes.append(contentsOf: "\n\n".utf8)
    }
  }

  fileprivate func render(_ reply: Reply) -> String {
    json
      ? reply.jsonLine(explain: explain, endingLine: true)
      : "> \(reply.question)\n" + Render.plain(reply, session: session, explain: explain) + "\n\n"
  }

  /// Answers lines that do not depend on each other and writes the answers in input order,
  /// a round of at most `roundWeight` at a time (a heavier line is a round of its own).
  fileprivate func answerIndependently(_ lines: [String]) {
    let weights = lines.map { $0.utf8.count + Self.lineWeight }
    var start = 0
    while start < lines.count {
      var end = start + 1
      var weight = weights[start]
      while end < lines.count && weight + weights[end] <= Self.roundWeight {
        weight += weights[end]
        end += 1
      }
      answerRound(lines[start..<end], weights: weights[start..<end], weight: weight)
      start = end
    }
  }

  /// Answers a round of lines: on every core when it is heavy enough, the lines cut by their
  /// bytes into work units (a few huge lines weigh as much as many short ones), each unit
  /// rendered into its own byte buffer, the buffers written in order.
  fileprivate func answerRound(_ lines: ArraySlice<String>, weights: ArraySlice<Int>, weight: Int) {
    let beside = weight - (weights.max() ?? 0)
    guard lines.count > 1, beside >= Self.parallelWeight, Self.workers > 1 else {
      var bytes: [UInt8] = []
      for line in lines {
        appendAnswer(to: line, into: &bytes)
        Output.write(&bytes)
      }
      return
    }
    let lines = Array(lines)
    let weights = Array(weights)
    let units = WorkSplit.ranges(weights: weights, parts: Self.workers * Self.unitsPerWorker)
    let buffers = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: units.count)
    buffers.initialize(repeating: [])
    defer {
      _ = buffers.deinitialize()
      buffers.deallocate()
    }
    nonisolated(unsafe) let shared = buffers
    DispatchQueue.concurrentPerform(iterations: units.count) { unit in
      // Each unit's buffer is written by the one thread that answers the unit.
      // Room for the usual answers at once (a JSON line is about twice its line's weight):
      // grown from empty, the buffer was copied again at every doubling.
      var bytes: [UInt8] = []
      bytes.reserveCapacity(units[unit].reduce(0) { $0 + weights[$1] } * 3)
      for index in units[unit] { appendAnswer(to: lines[index], into: &bytes) }
      shared[unit] = bytes
    }
    for unit in buffers.indices {
      Output.write(&buffers[unit])
      buffers[unit] = []  // its memory goes back before the next unit is written
    }
  }
}
