import Foundation

/// The REPL's history file: one line appended at a time, trimmed under a lock, read from its
/// tail.
///
/// Several REPLs may share the file. Each line is one `write` to a descriptor opened with
/// `O_APPEND` while holding an exclusive `flock`, and trimming writes the kept tail to a new
/// file that replaces the old one under the same lock, so a line another REPL appends is never
/// overwritten and a crash mid-trim leaves the old file whole. Reading at start looks at no more
/// than `maximumBytes` from the end, so a history that grew huge still starts at once.
public struct HistoryFile: Sendable {
  /// Where the history lives.
  public let path: String
  /// How many lines are read at start and kept by a trim.
  public var maximumLines: Int
  /// How much of the file's end is read at start; a file larger than this is trimmed.
  public var maximumBytes: Int

  /// Checks that `path` can hold the history, creating it and its folder when missing.
  ///
  /// - Throws: `HistoryError` naming the path, why it cannot be used and the fix.
  public init(path: String, maximumLines: Int = 1000, maximumBytes: Int = 256 * 1024)
    throws(HistoryError)
  {
    self.path = path
    self.maximumLines = max(1, maximumLines)
    self.maximumBytes = max(64, maximumBytes)
    let folder = (path as NSString).deletingLastPathComponent
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw HistoryError(path: path, reason: "its folder \(folder) cannot be created")
    }
    let descriptor = try openChecked(O_WRONLY | O_APPEND | O_CREAT)
    close(descriptor)
  }

  /// The most recent lines, oldest first: at most `maximumLines`, from at most the last
  /// `maximumBytes` of the file.
  ///
  /// - Complexity: O(`maximumBytes`), whatever the size of the file.
  public func recentLines() throws(HistoryError) -> [String] {
    let descriptor = try openChecked(O_RDONLY)
    defer { close(descriptor) }
    let size = Int(try status(of: descriptor).st_size)
    let start = max(0, size - maximumBytes)
    var bytes = try read(descriptor, from: start, count: size - start)
    if start > 0, let newline = bytes.firstIndex(of: 0x0A) {
      bytes.removeSubrange(...newline)  // the first line was cut in the middle
    }
    let lines = bytes.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
    return Array(lines.suffix(maximumLines))
  }

  /// Appends one line, its own line breaks turned into spaces, as a single write under the
  /// lock.
  public func append(_ line: String) throws(HistoryError) {
    let text = line.replacingOccurrences(of: "\r\n", with: " ")
      .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    let bytes = Array((text + "\n").utf8)
    let descriptor = try lockedDescriptor(O_WRONLY | O_APPEND | O_CREAT)
    defer { close(descriptor) }
    try writeAll(bytes, to: descriptor)
  }

  /// Trims the file to its last `maximumLines` lines (and at most half of `maximumBytes`) when
  /// it is larger than `maximumBytes`, replacing it under the lock.
  ///
  /// - Returns: Whether the file was trimmed.
  @discardableResult
  public func trimIfNeeded() throws(HistoryError) -> Bool {
    let descriptor = try lockedDescriptor(O_RDONLY)
    defer { close(descriptor) }
    let info = try status(of: descriptor)
    let size = Int(info.st_size)
    guard size > maximumBytes else { return false }
    let keep = maximumBytes / 2
    var bytes = try read(descriptor, from: size - keep, count: keep)
    if let newline = bytes.firstIndex(of: 0x0A) { bytes.removeSubrange(...newline) }
    let lines = bytes.split(separator: 0x0A).suffix(maximumLines)
    let kept: [UInt8] = lines.flatMap { Array($0) + [0x0A] }
    let temporary = path + ".trim-\(getpid())"
    let output = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, info.st_mode & 0o777)
    guard output >= 0 else { throw failure("a trimmed copy cannot be written beside it") }
    do throws(HistoryError) {
      try writeAll(kept, to: output)
      guard fsync(output) == 0 else { throw failure("a trimmed copy cannot be saved") }
      close(output)
    } catch {
      close(output)
      unlink(temporary)
      throw error
    }
    guard rename(temporary, path) == 0 else {
      let error = failure("the trimmed copy cannot replace it")
      unlink(temporary)
      throw error
    }
    return true
  }
}

/// Why the history file cannot be used, and what to do about it.
public struct HistoryError: Error, CustomStringConvertible, Equatable {
  public var path: String
  public var reason: String

  public var description: String {
    "cannot keep history in \(path): \(reason); going on without it\n"
      + "  fix: make \(path) a writable file (or remove it), or set XDG_STATE_HOME to a "
      + "writable folder"
  }
}

extension HistoryFile {
  fileprivate func failure(_ reason: String) -> HistoryError {
    let cause = String(cString: strerror(errno))
    return HistoryError(path: path, reason: "\(reason) (\(cause.lowercased()))")
  }

  /// Opens the file and checks that it is a regular file.
  fileprivate func openChecked(_ flags: Int32) throws(HistoryError) -> Int32 {
    var info = stat()
    if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
      let kind = info.st_mode & S_IFMT == S_IFDIR ? "a folder" : "not a regular file"
      throw HistoryError(path: path, reason: "it is \(kind)")
    }
    let descriptor = open(path, flags | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw failure(errno == EACCES ? "permission denied" : "it cannot be opened")
    }
    return descriptor
  }

  /// Opens the file and takes the exclusive lock, opening again if a trim replaced the file
  /// while this one waited for the lock (the lock would then be on the old file).
  fileprivate func lockedDescriptor(_ flags: Int32) throws(HistoryError) -> Int32 {
    while true {
      let descriptor = try openChecked(flags)
      while flock(descriptor, LOCK_EX) != 0 {
        guard errno == EINTR else {
          let error = failure("it cannot be locked")
          close(descriptor)
          throw error
        }
      }
      var opened = stat()
      var current = stat()
      if fstat(descriptor, &opened) == 0, stat(path, &current) == 0,
        opened.st_ino == current.st_ino, opened.st_dev == current.st_dev
      {
        return descriptor
      }
      close(descriptor)
    }
  }

  fileprivate func status(of descriptor: Int32) throws(HistoryError) -> stat {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw failure("it cannot be examined") }
    return info
  }

  fileprivate func read(_ descriptor: Int32, from offset: Int, count: Int) throws(HistoryError)
    -> [UInt8]
  {
    var bytes = [UInt8](repeating: 0, count: max(0, count))
    var done = 0
    while done < bytes.count {
      let got = bytes.withUnsafeMutableBytes {
        pread(descriptor, $0.baseAddress! + done, $0.count - done, off_t(offset + done))
      }
      if got < 0 && errno == EINTR { continue }
      guard got >= 0 else { throw failure("it cannot be read") }
      if got == 0 { break }
      done += got
    }
    return Array(bytes.prefix(done))
  }

  fileprivate func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(HistoryError) {
    var done = 0
    while done < bytes.count {
      let wrote = bytes.withUnsafeBytes {
        write(descriptor, $0.baseAddress! + done, $0.count - done)
      }
      if wrote < 0 && errno == EINTR { continue }
      guard wrote > 0 else { throw failure("it cannot be written") }
      done += wrote
    }
  }
}
