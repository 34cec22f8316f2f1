import Foundation

/// Buffered writing to stdout that ends the program quietly when the reader goes away.
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

  /// Writes out what is buffered; if stdout is closed, exits 0 without a word.
  static func flush() {
    var offset = 0
    while offset < buffer.count {
      let written = buffer.withUnsafeBytes {
        Foundation.write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        exit(0)  // the reader is gone (EPIPE): nothing left to say to anyone
      }
      offset += written
    }
    buffer.removeAll(keepingCapacity: true)
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
