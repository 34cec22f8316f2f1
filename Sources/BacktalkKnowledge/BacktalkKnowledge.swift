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
}
