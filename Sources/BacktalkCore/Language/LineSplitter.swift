/// Splits a byte stream into lines, bounding how much of one line it keeps.
///
/// Feed it chunks as they are read; it hands back complete lines. A line longer than
/// `maximumBytes` keeps only its first `maximumBytes` bytes and is marked as cut, so one huge
/// line cannot exhaust memory.
public struct LineSplitter: Sendable {
  public let maximumBytes: Int
  private var pending: [UInt8] = []
  private var pendingWasCut = false

  /// One line: its text (invalid UTF-8 replaced with U+FFFD, `\r\n` and `\n` removed) and
  /// whether it was cut short.
  public struct Line: Sendable, Equatable {
    public var text: String
    public var wasCut: Bool
  }

  public init(maximumBytes: Int = 64 * 1024) {
    self.maximumBytes = maximumBytes
  }

  /// Adds a chunk of bytes and returns the lines it completes.
  public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) -> [Line] {
    var lines: [Line] = []
    var start = 0
    while start < chunk.count {
      guard let newline = chunk[start...].firstIndex(of: 0x0A) else {
        append(UnsafeBufferPointer(rebasing: chunk[start...]))
        break
      }
      append(UnsafeBufferPointer(rebasing: chunk[start..<newline]))
      lines.append(takeLine())
      start = newline + 1
    }
    return lines
  }

  /// Returns the last line when the input ended without a newline.
  public mutating func finish() -> Line? {
    guard !pending.isEmpty || pendingWasCut else { return nil }
    return takeLine()
  }
}

extension LineSplitter {
  fileprivate mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    let room = maximumBytes - pending.count
    if bytes.count > room {
      pending.append(contentsOf: bytes.prefix(max(room, 0)))
      pendingWasCut = true
    } else {
      pending.append(contentsOf: bytes)
    }
  }

  fileprivate mutating func takeLine() -> Line {
    if pending.last == 0x0D { pending.removeLast() }
    let line = Line(text: String(decoding: pending, as: UTF8.self), wasCut: pendingWasCut)
    pending.removeAll(keepingCapacity: true)
    pendingWasCut = false
    return line
  }
}
