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

  /// Reads the knowledge files (named by their full paths) directly inside `Intents/`, `Corpus/` and `Lexicon/` of a folder.
  ///
  /// - Throws: `KnowledgeErrors` when the folder or its `Intents/` folder is missing.
  public static func read(from root: URL) throws -> [KnowledgeFile] {
    let manager = FileManager.default
    var files: [KnowledgeFile] = []
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw KnowledgeErrors([
        KnowledgeError(
          file: root.path, line: 0, problem: "no such folder",
          fix: "pass --data a folder that holds Intents/ and Corpus/")
      ])
    }
    for folder in folders {
      let folderURL = root.appendingPathComponent(folder)
      guard let names = try? manager.contentsOfDirectory(atPath: folderURL.path) else {
        if folder == "Intents" {
          throw KnowledgeErrors([
            KnowledgeError(
              file: folderURL.path, line: 0, problem: "no Intents folder here",
              fix: "pass --data a folder that holds Intents/ and Corpus/")
          ])
        }
        continue
      }
      for name in names.sorted() where !name.hasPrefix(".") {
        let url = folderURL.appendingPathComponent(name)
        guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory),
          !isDirectory.boolValue, let data = manager.contents(atPath: url.path)
        else { continue }
        files.append(KnowledgeFile(path: url.path, bytes: Array(data)))
      }
    }
    return files
  }
}
