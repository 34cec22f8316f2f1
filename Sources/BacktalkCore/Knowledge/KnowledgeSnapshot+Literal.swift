extension KnowledgeSnapshot {
  /// The bytes as the body of a Swift string literal whose UTF-8 form holds them as
  /// `BuiltInKnowledge.unpack` reads them back: a byte below 0x80 is itself, a byte from 0x80
  /// up the character of that number (two bytes in UTF-8).
  ///
  /// The build embeds the snapshot so, in a `StaticString`: reading it back is a copy of its
  /// plain bytes eight at a time, where decoding base64 cost a tenth of a start-up.
  public static func literal(of bytes: [UInt8]) -> String {
    var text: [UInt8] = []
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      switch byte {
      case 0: text.append(contentsOf: Array(#"\0"#.utf8))
      case UInt8(ascii: "\""), UInt8(ascii: "\\"):
        text.append(UInt8(ascii: "\\"))
        text.append(byte)
      case 0x20..<0x7F: text.append(byte)
      default: text.append(contentsOf: Array("\\u{\(String(byte, radix: 16))}".utf8))
      }
    }
    return String(decoding: text, as: UTF8.self)
  }
}
