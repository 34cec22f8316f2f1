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

  /// The `count` bytes a string literal written by `KnowledgeSnapshot.literal(of:)` holds,
  /// from its UTF-8 form: each eight characters give seven bytes, the eighth character
  /// holding their high bits.
  ///
  /// - Complexity: O(*n*) in the length of `text`: one load, one table lookup and one store
  ///   per seven bytes.
  public static func unpack(_ text: UnsafeBufferPointer<UInt8>, count: Int) -> [UInt8] {
    let groups = text.count / 8
    guard let base = text.baseAddress, count > 0, count <= groups * 7 else { return [] }
    // Each group is stored as eight bytes, the eighth overwritten by the next group's.
    return [UInt8](unsafeUninitializedCapacity: groups * 7 + 1) { output, initialized in
      let target = UnsafeMutableRawPointer(output.baseAddress!)
      highBits.withUnsafeBufferPointer { highBits in
        for group in 0..<groups {
          let word = UInt64(
            littleEndian: UnsafeRawPointer(base + group * 8).loadUnaligned(as: UInt64.self))
          let low: UInt64 = word & 0x00FF_FFFF_FFFF_FFFF
          let high: UInt64 = highBits[Int(truncatingIfNeeded: word >> 56) & 0x7F]
          let value = low | high
          target.storeBytes(of: value.littleEndian, toByteOffset: group * 7, as: UInt64.self)
        }
      }
      initialized = count
    }
  }

  /// For each seven high bits, the bit 7 of each of the seven bytes they stand for.
  private static let highBits: [UInt64] = (0..<128).map { (bits: Int) -> UInt64 in
    var value: UInt64 = 0
    for offset in 0..<7 where bits >> offset & 1 != 0 {
      value |= UInt64(0x80) << UInt64(8 * offset)
    }
    return value
  }
}
