import Foundation

extension KnowledgeFile {
  /// Reads the knowledge files directly inside `Intents/`, `Corpus/` and `Lexicon/` of a
  /// folder, named by their full paths.
  ///
  /// A knowledge file (`*.yml`, `*.md`, `*.txt` as its folder expects) that exists but cannot
  /// be read is an error, never a silent skip: a missing lexicon changes what counts as an
  /// emergency. Each entry's type is checked before it is opened, so a FIFO never blocks the
  /// load. Other names and subfolders are left alone, and a missing `Corpus/` or `Lexicon/` is
  /// not an error (the caller may supply a built-in lexicon).
  ///
  /// - Throws: `KnowledgeErrors` naming every folder and file that cannot be read and why, or
  ///   saying that the folder or its `Intents/` is missing.
  public static func read(from root: URL) throws(KnowledgeErrors) -> [KnowledgeFile] {
    guard case .folder = FileKind(at: root.path) else {
      throw KnowledgeErrors([
        KnowledgeError(
          file: root.path, line: 0, problem: "no such folder",
          fix: "pass --data a folder that holds Intents/ and Corpus/")
      ])
    }
    var files: [KnowledgeFile] = []
    var errors: [KnowledgeError] = []
    for folder in folders {
      files += readFolder(root.appendingPathComponent(folder).path, errors: &errors)
    }
    guard errors.isEmpty else { throw KnowledgeErrors(errors) }
    return files
  }

  /// Whether the loader reads a file of this name in a knowledge folder.
  public static func isKnowledgeName(_ name: String, inFolder folder: String) -> Bool {
    switch folder {
    case "Intents": name.hasSuffix(".yml")
    case "Corpus": name.hasSuffix(".md")
    case "Lexicon": name.hasSuffix(".yml") || name.hasSuffix(".txt")
    default: false
    }
  }

  /// Reads the knowledge files of one `Intents`, `Corpus` or `Lexicon` folder, named by full
  /// path and sorted by name, adding an error for each file that cannot be read.
  ///
  /// A missing `Intents` folder is an error; a missing `Corpus` or `Lexicon` is not.
  public static func readFolder(_ path: String, errors: inout [KnowledgeError]) -> [KnowledgeFile] {
    let folder = URL(fileURLWithPath: path).lastPathComponent
    switch FileKind(at: path) {
    case .folder: break
    case .missing:
      if folder == "Intents" {
        errors.append(
          KnowledgeError(
            file: path, line: 0, problem: "no Intents folder here",
            fix: "pass --data a folder that holds Intents/ and Corpus/"))
      }
      return []
    case let kind:
      errors.append(unreadable(path, kind, isFolder: true))
      return []
    }
    let names: [String]
    switch listNames(path) {
    case .success(let list): names = list
    case .failure(let failure):
      errors.append(unreadable(path, .failed(failure.code), isFolder: true))
      return []
    }
    var files: [KnowledgeFile] = []
    for name in names.sorted()
    where !name.hasPrefix(".") && isKnowledgeName(name, inFolder: folder) {
      let filePath = path + "/" + name
      let kind = FileKind(at: filePath)
      guard case .regular = kind else {
        errors.append(unreadable(filePath, kind, isFolder: false))
        continue
      }
      switch readBytes(filePath) {
      case .success(let bytes): files.append(KnowledgeFile(path: filePath, bytes: bytes))
      case .failure(let failure):
        errors.append(unreadable(filePath, .failed(failure.code), isFolder: false))
      }
    }
    return files
  }
}

extension KnowledgeFile {
  fileprivate static func unreadable(_ path: String, _ kind: FileKind, isFolder: Bool)
    -> KnowledgeError
  {
    let what = isFolder ? "folder" : "file"
    let expected = isFolder ? "a folder" : "a regular file"
    let problem: String
    let fix: String
    switch kind {
    case .danglingLink(let target):
      problem = "the \(what) is a link to '\(target)', which does not exist (a dangling link)"
      fix = "point the link at an existing \(what), or delete it"
    case .failed(EACCES):
      problem = "the \(what) cannot be read: permission denied"
      fix = "make it readable (chmod \(isFolder ? "a+rx" : "a+r") '\(path)'), or delete it"
    case .failed(let code):
      problem = "the \(what) cannot be read: \(String(cString: strerror(code)))"
      fix = "check the \(what) and the disk it is on, or delete it"
    case .folder, .fifo, .device, .other, .regular, .missing:
      problem = "the \(what) cannot be read: it is \(kind.article), not \(expected)"
      fix = "replace it with \(expected), or move it out of the knowledge folder"
    }
    return KnowledgeError(file: path, line: 0, problem: problem, fix: fix)
  }

  fileprivate static func listNames(_ path: String) -> Result<[String], SystemError> {
    guard let directory = opendir(path) else { return .failure(SystemError()) }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) {
        String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return .success(names)
  }

  /// Reads a regular file whole. `O_NONBLOCK` and the second type check keep a file swapped
  /// for a FIFO after the first check from blocking the load.
  fileprivate static func readBytes(_ path: String) -> Result<[UInt8], SystemError> {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return .failure(SystemError()) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return .failure(SystemError()) }
    guard status.st_mode & S_IFMT == S_IFREG else { return .failure(SystemError(code: EINVAL)) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes {
        Foundation.read(descriptor, $0.baseAddress, $0.count)
      }
      if count < 0 && errno == EINTR { continue }
      if count < 0 { return .failure(SystemError()) }
      if count == 0 { return .success(bytes) }
      bytes += chunk[0..<count]
    }
  }
}

/// What a path names, as far as loading knowledge cares, found without opening it.
private enum FileKind {
  case regular, folder, fifo, device, other, missing
  case danglingLink(target: String)
  case failed(Int32)

  init(at path: String) {
    var status = stat()
    guard stat(path, &status) == 0 else {
      let code = errno
      var linkStatus = stat()
      if code == ENOENT, lstat(path, &linkStatus) == 0, linkStatus.st_mode & S_IFMT == S_IFLNK {
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
        self = .danglingLink(target: target)
      } else {
        self = code == ENOENT ? .missing : .failed(code)
      }
      return
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG: self = .regular
    case S_IFDIR: self = .folder
    case S_IFIFO: self = .fifo
    case S_IFCHR, S_IFBLK: self = .device
    default: self = .other
    }
  }

  var article: String {
    switch self {
    case .regular: "a regular file"
    case .folder: "a folder"
    case .fifo: "a FIFO (named pipe)"
    case .device: "a device"
    case .other: "a socket or other special file"
    case .missing: "missing"
    case .danglingLink: "a dangling link"
    case .failed: "unreadable"
    }
  }
}

/// An `errno` value from a failed system call.
private struct SystemError: Error {
  var code: Int32 = errno
}
