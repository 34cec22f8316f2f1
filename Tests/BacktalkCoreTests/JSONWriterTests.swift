import Testing

// The writer is internal: replies reach it through `jsonLine`, which cleans their text first.
@testable import BacktalkCore

/// The writer skips eight plain bytes at a time; it must stop at exactly the bytes the
/// byte-by-byte test stops at.
@Suite struct JSONWriterTests {
  static func isPlain(_ byte: UInt8) -> Bool {
    byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte < 0x7F
  }

  @Test func eightBytesArePlainExactlyWhenEachIs() {
    let filler = UInt8(ascii: "a")
    for position in 0..<8 {
      for value in 0...255 {
        var bytes = [UInt8](repeating: filler, count: 8)
        bytes[position] = UInt8(value)
        let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        #expect(
          JSONWriter.isPlain(word) == bytes.allSatisfy(Self.isPlain), "\(value) at \(position)")
      }
    }
  }

  @Test(arguments: 0..<20)
  func escapesEveryByteWhereverItStands(offset: Int) {
    let prefix = String(repeating: "x", count: offset)
    for special in ["\"", "\\", "\n", "\u{1}", "\u{7F}", "\u{85}", "\u{2028}", "é", "\t"] {
      var writer = JSONWriter()
      writer.string(prefix + special + "tail of plain text")
      var expected = JSONWriter()
      expected.string(special)
      let inner = String(decoding: expected.bytes.dropFirst().dropLast(), as: UTF8.self)
      #expect(writer.output == "\"" + prefix + inner + "tail of plain text\"")
    }
  }
}
