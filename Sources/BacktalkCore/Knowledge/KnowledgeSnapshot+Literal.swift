extension KnowledgeSnapshot {
  /// The bytes as the body of a Swift string literal of seven-bit characters, which
  /// `BuiltInKnowledge.unpack(_:count:)` reads back: every seven bytes (the last ones padded
  /// with zeros) become their low seven bits, one character each, then one character of their
  /// seven high bits, the first byte's lowest.
  ///
  /// The build embeds the snapshot so, in a `StaticString`: reading it back is a load, a
  /// table lookup and a store per seven bytes, where decoding base64 cost a tenth of a
  /// start-up.
  public static func literal(of bytes: [UInt8]) -> String {
    var text: [UInt8] = []
    text.reserveCapacity(bytes.count * 2)
    func append(_ value: UInt8) {
      switch value {
      case 0: text.append(contentsOf: Array(#"\0"#.utf8))
      case UInt8(ascii: "\""), UInt8(ascii: "\\"):
        text.append(UInt8(ascii: "\\"))
        text.append(value)
      case 0x20..<0x7F: text.append(value)
      default: text.append(contentsOf: Array("\\u{\(String(value, radix: 16))}".utf8))
      }
    }
    for start in stride(from: 0, to: bytes.count, by: 7) {
      var high: UInt8 = 0
      for offset in 0..<7 {
        let byte = start + offset < bytes.count ? bytes[start + offset] : 0
        append(byte & 0x7F)
        high |= (byte >> 7) << UInt8(offset)
      }
      append(high)
    }
    return String(decoding: text, as: UTF8.self)
  }
}
