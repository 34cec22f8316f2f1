import BacktalkCore
import Foundation
import Testing

@Suite struct KnowledgeFileTests {
  /// A way a knowledge file can exist and still not be readable.
  enum Fault: String, CaseIterable, CustomTestStringConvertible {
    case danglingLink, folder, fifo, device

    var testDescription: String { rawValue }

    /// Puts the fault at a path.
    func make(at url: URL) throws {
      let manager = FileManager.default
      switch self {
      case .danglingLink:
        try manager.createSymbolicLink(atPath: url.path, withDestinationPath: "gone.yml")
      case .folder: try manager.createDirectory(at: url, withIntermediateDirectories: false)
      case .fifo: #expect(mkfifo(url.path, 0o644) == 0)
      case .device:
        try manager.createSymbolicLink(atPath: url.path, withDestinationPath: "/dev/null")
      }
    }

    /// Words the error must give as the reason.
    var reason: String {
      switch self {
      case .danglingLink: "dangling link"
      case .folder: "it is a folder, not a regular file"
      case .fifo: "it is a FIFO (named pipe), not a regular file"
      case .device: "it is a device, not a regular file"
      }
    }
  }

  /// Whether a file with mode 000 is unreadable here: root (or CAP_DAC_OVERRIDE) reads it
  /// anyway, so permission cases are only checked where a permission can stop a read.
  static let permissionsApply: Bool = {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bt-mode-\(UUID().uuidString)"
    ).path
    guard FileManager.default.createFile(atPath: path, contents: Data("x".utf8)) else {
      return false
    }
    defer { try? FileManager.default.removeItem(atPath: path) }
    chmod(path, 0)
    let descriptor = open(path, O_RDONLY)
    if descriptor >= 0 { close(descriptor) }
    return descriptor < 0
  }()

  /// A knowledge folder with one small file in each of its three folders.
  func makeRoot() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bt-\(UUID().uuidString)")
    for (folder, name, text) in [
      ("Intents", "test.yml", Fixture.smallIntents), ("Corpus", "doc.md", Fixture.smallCorpus),
      ("Lexicon", "words.txt", "apple\n"),
    ] {
      let url = root.appendingPathComponent(folder)
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return root
  }

  /// The errors reading a folder gives, or an empty list when it read.
  func readErrors(_ root: URL) -> [KnowledgeError] {
    do {
      _ = try KnowledgeFile.read(from: root)
      return []
    } catch {
      return error.errors
    }
  }

  @Test func readsTheKnowledgeFilesOfEachFolder() throws {
    let root = try makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let files = try KnowledgeFile.read(from: root)
    #expect(
      files.map { URL(fileURLWithPath: $0.path).lastPathComponent } == [
        "test.yml", "doc.md", "words.txt",
      ])
  }

  @Test(
    arguments: ["Lexicon/language.yml", "Intents/x.yml", "Corpus/x.md", "Lexicon/x.txt"],
    Fault.allCases)
  func reportsAKnowledgeFileThatCannotBeRead(_ name: String, _ fault: Fault) throws {
    let root = try makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    try fault.make(at: root.appendingPathComponent(name))
    let found = readErrors(root)
    try #require(found.count == 1)
    #expect(found[0].file == root.appendingPathComponent(name).path)
    #expect(found[0].problem.contains(fault.reason), "\(found[0].problem)")
    #expect(!found[0].fix.isEmpty)
  }

  @Test func leavesOtherNamesUnopenedEvenWhenTheyAreFIFOs() throws {
    let root = try makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(mkfifo(root.appendingPathComponent("Intents/notes").path, 0o644) == 0)
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("Corpus/drafts"), withIntermediateDirectories: false)
    #expect(try KnowledgeFile.read(from: root).count == 3)
  }

  @Test(arguments: Fault.allCases.filter { $0 != .folder })
  func reportsAnIntentsFolderThatCannotBeRead(_ fault: Fault) throws {
    let root = try makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let intents = root.appendingPathComponent("Intents")
    try FileManager.default.removeItem(at: intents)
    try fault.make(at: intents)
    let found = readErrors(root)
    try #require(found.count == 1)
    #expect(found[0].file == intents.path)
    #expect(!found[0].problem.contains("no Intents folder"), "\(found[0].problem)")
    #expect(found[0].problem.contains(fault == .danglingLink ? "dangling link" : "not a folder"))
  }

  @Test(.enabled(if: permissionsApply, "chmod 000 does not stop this user reading"))
  func reportsPermissionDeniedForAFileAndForTheIntentsFolder() throws {
    let root = try makeRoot()
    defer {
      chmod(root.appendingPathComponent("Intents").path, 0o755)
      try? FileManager.default.removeItem(at: root)
    }
    let lexicon = root.appendingPathComponent("Lexicon/language.yml")
    try "stopwords: [a]\n".write(to: lexicon, atomically: true, encoding: .utf8)
    chmod(lexicon.path, 0)
    chmod(root.appendingPathComponent("Intents").path, 0)
    let found = readErrors(root)
    #expect(found.map(\.file) == [root.appendingPathComponent("Intents").path, lexicon.path])
    #expect(found.allSatisfy { $0.problem.contains("permission denied") })
  }

  @Test func reportsAMissingIntentsFolderAsMissing() throws {
    let root = try makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.removeItem(at: root.appendingPathComponent("Intents"))
    #expect(readErrors(root).map(\.problem) == ["no Intents folder here"])
  }
}
