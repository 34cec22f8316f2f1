/// The knowledge files built into the binary; the generated `EmbeddedKnowledge` holds them.
public enum BuiltInKnowledge {
  /// The embedded files, ready for `KnowledgeLoader`.
  public static var files: [(path: String, bytes: [UInt8])] { EmbeddedKnowledge.files }

  /// The knowledge validated at build time, in `KnowledgeSnapshot` form.
  public static var snapshot: [UInt8] { EmbeddedKnowledge.snapshot }

  /// The real-word lists of `Lexicon/`, merged and validated at build time, in `WordList`
  /// form (sorted words, each followed by a newline).
  public static var realWords: [UInt8] {
    EmbeddedKnowledge.realWords.withUTF8Buffer { Array($0) }
  }

  /// The common words among them (`Lexicon/common-*.txt`), in the same form.
  public static var commonWords: [UInt8] {
    EmbeddedKnowledge.commonWords.withUTF8Buffer { Array($0) }
  }

  /// The knowledge's version: a fingerprint of its files, with how many intents and source
  /// documents it holds, so two binaries can be told apart by what they know.
  public static var version: String { EmbeddedKnowledge.version }

  /// The bytes a string literal written by `KnowledgeSnapshot.literal(of:)` holds, from its
  /// UTF-8 form: a byte below 0x80 is itself, a character from U+0080 to U+00FF (two bytes)
  /// the byte of that number.
  ///
  /// - Complexity: O(*n*) in the length of `text`; plain bytes are copied eight at a time.
  public static func unpack(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    guard let base = text.baseAddress, !text.isEmpty else { return [] }
    return [UInt8](unsafeUninitializedCapacity: text.count) { output, count in
      let target = output.baseAddress!
      let end = text.count
      var read = 0
      var written = 0
      while read < end {
        // The run of plain bytes from here, found eight at a time, is copied in one go.
        var plain = read
        while plain + 8 <= end,
          UnsafeRawPointer(base + plain).loadUnaligned(as: UInt64.self)
            & 0x8080_8080_8080_8080 == 0
        {
          plain += 8
        }
        while plain < end && base[plain] < 0x80 { plain += 1 }
        if plain > read {
          (target + written).initialize(from: base + read, count: plain - read)
          written += plain - read
          read = plain
        }
        guard read < end else { break }
        if read + 1 < end {
          target[written] = (base[read] & 0x03) << 6 | (base[read + 1] & 0x3F)
          read += 2
        } else {
          target[written] = base[read]
          read += 1
        }
        written += 1
      }
      count = written
    }
  }
}
