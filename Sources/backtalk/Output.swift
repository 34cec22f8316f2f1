import Foundation

/// Buffered writing to stdout that ends the program quietly when the reader goes away, and
/// with a message and a non-zero status when the output cannot be written.
enum Output {
  nonisolated(unsafe) private static var buffer: [UInt8] = {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(1 << 16)
    return bytes
  }()

  /// Ignores SIGPIPE so a closed pipe shows up as a write error, handled in `flush`.
  static func prepare() {
    signal(SIGPIPE, SIG_IGN)
  }

  static func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 { flush() }
  }

  /// Writes bytes already rendered, such as a work unit's answers, and leaves `bytes` empty
  /// (its capacity kept). A block that would fill the buffer is written from where it is,
  /// after what is buffered, so it is never copied and the buffer never grows past 64 KB.
  static func write(_ bytes: inout [UInt8]) {
    if buffer.count + bytes.count < 1 << 16 {
      buffer.append(contentsOf: bytes)
    } else {
      flush()
      swap(&buffer, &bytes)
      flush()
      swap(&buffer, &bytes)
    }
    bytes.removeAll(keepingCapacity: true)
  }

  /// The exit status when stdin cannot be read or stdout cannot be written.
  static let ioFailureStatus: Int32 = 4

  /// Writes out what is buffered.
  ///
  /// If the reader has gone away (EPIPE) it exits 0 without a word, as for `| head`; any other
  /// write error (a full disk, a closed descriptor) is reported once on stderr and exits with
  /// `ioFailureStatus`, so a failed run never looks like a success.
  ///
  /// After a termination signal (see `SignalStop`) it writes on only to the end of the line
  /// it is in the middle of, then ends the program, so no reader sees half a line.
  static func flush() {
    var end = buffer.count
    var offset = 0
    while offset < end {
      if pendingSignal.load(ordering: .relaxed) != 0 { end = endOfLine(from: offset, upTo: end) }
      let written = buffer.withUnsafeBytes {
        Foundation.write(STDOUT_FILENO, $0.baseAddress! + offset, end - offset)
      }
      if written < 0 {
        let code = errno
        if code == EINTR { continue }
        buffer.removeAll()
        if code == EPIPE { exit(0) }
        fail("cannot write the output: \(String(cString: strerror(code)))")
      }
      offset += written
    }
    SignalStop.exitIfSignalled()
    buffer.removeAll(keepingCapacity: true)
  }

  /// Where the line holding `buffer[offset - 1]` ends: `offset` itself at a line boundary.
  private static func endOfLine(from offset: Int, upTo end: Int) -> Int {
    guard offset > 0, buffer[offset - 1] != 0x0A else { return offset }
    return buffer[offset..<end].firstIndex(of: 0x0A).map { $0 + 1 } ?? end
  }

  /// Reports an input or output failure on stderr and exits with `ioFailureStatus`.
  static func fail(_ problem: String) -> Never {
    error("backtalk: \(problem)")
    exit(ioFailureStatus)
  }

  /// Writes a diagnostic line to stderr.
  ///
  /// A full or closed stderr is ignored: there is nowhere left to report it, and a
  /// diagnostic must never be what crashes the program (`FileHandle.write` traps on it).
  static func error(_ message: String) {
    flush()
    let bytes = Array((message + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes {
        Foundation.write(STDERR_FILENO, $0.baseAddress! + offset, $0.count - offset)
      }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return }
      offset += written
    }
  }
}
