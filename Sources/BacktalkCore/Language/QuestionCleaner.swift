/// Makes a raw input line safe to echo and match: no control characters or terminal escapes.
public enum QuestionCleaner {
  /// The longest question kept, in characters; the rest is cut off.
  public static let maximumLength = 1_000

  /// Returns the line without escape sequences and control characters, with runs of white
  /// space folded to one space, trimmed, and cut to `maximumLength` characters.
  ///
  /// - Complexity: O(*n*) in the length of the line.
  public static func clean(_ line: Substring) -> String {
    if let plain = cleanPrintableASCII(line) { return plain }
    var output = String.UnicodeScalarView()
    var pendingSpace = false
    var count = 0
    var iterator = line.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      if scalar == "\u{1B}" {
        skipEscapeSequence(&iterator)
        pendingSpace = !output.isEmpty
        continue
      }
      let value = scalar.value
      let isControl = value < 0x20 || (0x7F...0x9F).contains(value)
      // Zero-width characters (joiners, spaces, the word joiner, a soft hyphen, a BOM) vanish
      // without a trace, so "sci\u{200D}atica" stays one word; bidi controls part words.
      let isZeroWidth =
        (0x200B...0x200F).contains(value) || (0x2060...0x2064).contains(value)
        || value == 0xFEFF || value == 0xAD || value == 0x180E
      if isZeroWidth { continue }
      let isBidiControl = (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
      if isControl || isBidiControl || scalar.properties.isWhitespace {
        pendingSpace = !output.isEmpty
        continue
      }
      if pendingSpace {
        output.append(" ")
        pendingSpace = false
        count += 1
      }
      output.append(scalar)
      count += 1
      if count >= maximumLength { break }
    }
    return String(output)
  }

  public static func clean(_ line: String) -> String { clean(line[...]) }
}

extension QuestionCleaner {
  /// The fast path for the common case: printable ASCII with single spaces needs only
  /// trimming and the length cut. Returns nil for anything else.
  fileprivate static func cleanPrintableASCII(_ line: Substring) -> String? {
    func isPlain<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
      var previousWasSpace = true
      for byte in bytes {
        guard byte >= 0x20 && byte < 0x7F else { return false }
        if byte == 0x20 && previousWasSpace { return false }
        previousWasSpace = byte == 0x20
      }
      return true
    }
    guard line.utf8.withContiguousStorageIfAvailable(isPlain) ?? isPlain(line.utf8) else {
      return nil
    }
    var text = String(line)
    // Printable ASCII has one character per byte, so bytes count characters without the
    // grapheme breaking that `count` and `last` do.
    if text.utf8.last == 0x20 { text.removeLast() }
    return text.utf8.count > maximumLength ? String(text.prefix(maximumLength)) : text
  }

  /// Skips the rest of an escape sequence whose ESC was just read: CSI (`ESC [ … final`),
  /// OSC and other strings (`ESC ] … BEL` or `ESC \`), or a two-character escape.
  fileprivate static func skipEscapeSequence(
    _ iterator: inout String.UnicodeScalarView.SubSequence.Iterator
  ) {
    guard let kind = iterator.next() else { return }
    switch kind {
    case "[":
      while let next = iterator.next(), !(0x40...0x7E).contains(next.value) {}
    case "]", "P", "X", "^", "_":
      var previous: Unicode.Scalar = " "
      while let next = iterator.next() {
        if next == "\u{07}" || (previous == "\u{1B}" && next == "\\") { break }
        previous = next
      }
    default:
      break
    }
  }
}
