import BacktalkCore
import Testing

@Suite struct LineSplitterTests {
  func split(_ chunks: [[UInt8]], maximum: Int = 64) -> [LineSplitter.Line] {
    var splitter = LineSplitter(maximumBytes: maximum)
    var lines: [LineSplitter.Line] = []
    for chunk in chunks {
      lines += chunk.withUnsafeBufferPointer { splitter.feed($0) }
    }
    if let last = splitter.finish() { lines.append(last) }
    return lines
  }

  @Test func splitsAcrossChunksAndKeepsLastLineWithoutNewline() {
    let lines = split([Array("can I dr".utf8), Array("ive?\r\nhot tub".utf8)])
    #expect(lines.map(\.text) == ["can I drive?", "hot tub"])
  }

  @Test func replacesInvalidUTF8() {
    let lines = split([[0x69, 0x63, 0xFF, 0x65, 0x0A]])
    #expect(lines.map(\.text) == ["ic\u{FFFD}e"])
  }

  @Test func boundsLongLines() {
    let lines = split([Array(repeating: 0x61, count: 1000) + [0x0A, 0x62, 0x0A]], maximum: 10)
    #expect(lines.map(\.text) == [String(repeating: "a", count: 10), "b"])
    #expect(lines.map(\.wasCut) == [true, false])
  }
}
