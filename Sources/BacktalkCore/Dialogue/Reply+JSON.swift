/// The JSON Lines form of a reply: one compact object with sorted keys, written directly.
extension Reply {
  /// Returns the reply as one line of JSON (no trailing newline).
  ///
  /// - Parameter explain: whether to add the `explain` field.
  public func jsonLine(explain: Bool = false) -> String {
    jsonLine(explain: explain, endingLine: false)
  }

  /// Returns the reply as one line of JSON, ended by a newline when `endingLine` is set:
  /// written into the same bytes, where appending "\n" to the line copied it again.
  public func jsonLine(explain: Bool, endingLine: Bool) -> String {
    var writer = JSONWriter()
    write(to: &writer, explain: explain)
    if endingLine { writer.raw("\n") }
    return writer.output
  }

  /// Appends the reply as one line of JSON, newline included, to `bytes`: the same bytes as
  /// `jsonLine(explain:endingLine:)`, with no `String` made, for a buffer a worker reuses.
  public func appendJSONLine(explain: Bool, to bytes: inout [UInt8]) {
    var writer = JSONWriter(taking: &bytes)
    write(to: &writer, explain: explain)
    writer.raw("\n")
    writer.give(to: &bytes)
  }

  private func write(to writer: inout JSONWriter, explain: Bool) {
    writer.open()
    writer.key("confidence")
    writer.number(confidence)
    writer.key("disclaimer")
    writer.string(disclaimer, escaped: escaped.disclaimer)
    if explain {
      writer.key("explain")
      explanation.write(to: &writer)
    }
    writer.key("intents")
    writer.strings(intents)
    writer.key("question")
    writer.string(question)
    writer.key("reply")
    writer.string(text, escaped: escaped.text)
    writer.key("sources")
    writer.strings(sources)
    if !steps.isEmpty {
      writer.key("steps")
      writer.strings(steps)
    }
    if !suggestions.isEmpty {
      writer.key("suggestions")
      writer.strings(suggestions)
    }
    writer.key("triage")
    writer.string(triage.rawValue)
    writer.close()
  }
}

extension Explanation {
  func write(to writer: inout JSONWriter) {
    writer.open()
    if !asks.isEmpty {
      writer.key("asks")
      writer.strings(asks)
    }
    writer.key("candidates")
    writer.raw("[")
    for (offset, match) in candidates.enumerated() {
      if offset > 0 { writer.raw(",") }
      writer.open()
      writer.key("confidence")
      writer.number(match.confidence)
      writer.key("intent")
      writer.string(match.intent)
      writer.key("score")
      writer.number(match.score)
      writer.key("words")
      writer.strings(match.matchedStems)
      writer.close()
    }
    writer.raw("]")
    writer.markValueWritten()
    writer.key("corrections")
    writer.strings(corrections.map { "\($0.from) -> \($0.to)" })
    writer.key("findings")
    writer.strings(findings)
    if !parts.isEmpty {
      writer.key("parts")
      writer.strings(parts)
    }
    if let rule {
      writer.key("rule")
      writer.string(rule)
    }
    writer.key("synonyms")
    writer.strings(synonyms.map { "\($0.from) -> \($0.to)" })
    writer.key("words")
    writer.strings(words)
    writer.close()
  }
}

/// A minimal JSON writer for flat objects of strings, numbers and string arrays, writing
/// UTF-8 bytes directly: JSON Lines output is on the per-question hot path.
struct JSONWriter {
  private(set) var bytes: [UInt8] = []
  /// Whether the next key or value at each open level needs a comma before it, the innermost
  /// level in the lowest bit: a reply nests three levels deep, far from the 64 this holds.
  private var needsComma: UInt64 = 0

  init() {
    bytes.reserveCapacity(2048)
  }

  /// A writer that appends to `buffer`, which it holds (left empty) until `give(to:)`.
  init(taking buffer: inout [UInt8]) {
    swap(&bytes, &buffer)
  }

  /// Hands the bytes written so far back to `buffer`, without copying them.
  mutating func give(to buffer: inout [UInt8]) {
    swap(&bytes, &buffer)
  }

  var output: String { String(decoding: bytes, as: UTF8.self) }

  mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Notes that a value was written by hand (with `raw`), so the next key gets a comma.
  mutating func markValueWritten() {
    needsComma |= 1
  }

  mutating func open() {
    bytes.append(UInt8(ascii: "{"))
    needsComma <<= 1
  }

  mutating func close() {
    bytes.append(UInt8(ascii: "}"))
    needsComma >>= 1
    needsComma |= 1
  }

  /// Writes an object key. Keys are the field names of `SPEC.md`, plain ASCII letters that
  /// need no escape, so their bytes go straight in, quoted, as `string(_:)` would write them.
  mutating func key(_ name: StaticString) {
    if needsComma & 1 != 0 { bytes.append(UInt8(ascii: ",")) }
    bytes.append(UInt8(ascii: "\""))
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(UInt8(ascii: "\""))
    bytes.append(UInt8(ascii: ":"))
    needsComma |= 1
  }

  mutating func number(_ value: Double) {
    let rounded = (value * 1000).rounded() / 1000
    let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    bytes.append(contentsOf: text.utf8)
    needsComma |= 1
  }

  mutating func strings(_ values: [String]) {
    bytes.append(UInt8(ascii: "["))
    for (offset, value) in values.enumerated() {
      if offset > 0 { bytes.append(UInt8(ascii: ",")) }
      string(value)
    }
    bytes.append(UInt8(ascii: "]"))
    needsComma |= 1
  }

  /// Writes a JSON string: quotes, backslashes and control characters escaped, and the
  /// C1 controls and line separators too, so no output line can carry a terminal escape.
  mutating func string(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    Self.appendEscaped(value, to: &bytes)
    bytes.append(UInt8(ascii: "\""))
    needsComma |= 1
  }

  /// Writes a JSON string from its escape when one was made ahead (see `ReplyFragment`), the
  /// same bytes as `string(value)`, or escapes `value` when none was.
  mutating func string(_ value: String, escaped: [UInt8]?) {
    guard let escaped else { return string(value) }
    bytes.append(UInt8(ascii: "\""))
    bytes.append(contentsOf: escaped)
    bytes.append(UInt8(ascii: "\""))
    needsComma |= 1
  }

  /// Appends the contents of `value` as a JSON string, without the quotes, to `bytes`.
  static func appendEscaped(_ value: String, to bytes: inout [UInt8]) {
    // Read in place; `withUTF8` needs a mutable copy, which retains the string and releases it.
    let done: Void? = value.utf8.withContiguousStorageIfAvailable { utf8 in
      appendEscaped(utf8: utf8, to: &bytes)
    }
    if done == nil {
      var value = value
      value.withUTF8 { appendEscaped(utf8: $0, to: &bytes) }
    }
  }

  private static func appendEscaped(utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
    var runStart = 0
    var index = 0
    func flush(_ end: Int) {
      if end > runStart {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<end]))
      }
    }
    while index < utf8.count {
      // Eight plain bytes at a time: most of a reply needs no escape.
      while index + 8 <= utf8.count,
        isPlain(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self))
      {
        index += 8
      }
      guard index < utf8.count else { break }
      let byte = utf8[index]
      if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte < 0x7F {
        index += 1
        continue
      }
      if byte >= 0x80 {
        // C1 controls are C2 80...C2 9F; U+2028/2029 are E2 80 A8/A9.
        if byte == 0xC2, index + 1 < utf8.count, (0x80...0x9F).contains(utf8[index + 1]) {
          flush(index)
          appendEscape(UInt32(utf8[index + 1]), to: &bytes)
          index += 2
          runStart = index
        } else if byte == 0xE2, index + 2 < utf8.count, utf8[index + 1] == 0x80,
          utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9
        {
          flush(index)
          appendEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &bytes)
          index += 3
          runStart = index
        } else {
          index += 1
        }
        continue
      }
      flush(index)
      switch byte {
      case 0x22: append("\\\"", to: &bytes)
      case 0x5C: append("\\\\", to: &bytes)
      case 0x0A: append("\\n", to: &bytes)
      case 0x0D: append("\\r", to: &bytes)
      case 0x09: append("\\t", to: &bytes)
      default: appendEscape(UInt32(byte), to: &bytes)
      }
      index += 1
      runStart = index
    }
    flush(utf8.count)
  }

  /// Whether none of eight bytes needs attention: each is from 0x20 to 0x7E and neither a
  /// quote nor a backslash, as the byte-by-byte test in `string(_:)` asks.
  @inline(__always)
  static func isPlain(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    // Whether some byte is zero; exact for "some", whatever the borrows do above it.
    func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
    if word & highs != 0 { return false }
    // With no high bit set, a byte below 0x20 borrows into its own high bit.
    if (word &- 0x20 &* ones) & ~word & highs != 0 { return false }
    return !hasZero(word ^ (0x22 &* ones)) && !hasZero(word ^ (0x5C &* ones))
      && !hasZero(word ^ (0x7F &* ones))
  }

  private static func append(_ text: StaticString, to bytes: inout [UInt8]) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  private static func appendEscape(_ value: UInt32, to bytes: inout [UInt8]) {
    let hex = Array("0123456789abcdef".utf8)
    append("\\u", to: &bytes)
    for shift in stride(from: 12, through: 0, by: -4) {
      bytes.append(hex[Int((value >> UInt32(shift)) & 0xF)])
    }
  }
}
