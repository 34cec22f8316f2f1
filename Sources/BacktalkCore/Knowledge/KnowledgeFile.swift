import Foundation

/// One knowledge file's bytes, named by its path relative to the knowledge root.
public struct KnowledgeFile: Sendable, Equatable {
  public var path: String
  public var bytes: [UInt8]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  public init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }
}

extension KnowledgeFile {
  /// The folders a knowledge root holds, in load order.
  public static let folders = ["Intents", "Corpus", "Lexicon"]
}
