import BacktalkCore
import Foundation
import Testing

@Suite struct HistoryFileTests {
  let folder: URL
  var path: String { folder.appendingPathComponent("state/backtalk/history").path }

  init() throws {
    folder = try EndToEndTests.temporaryFolder()
  }

  @Test func createsTheFileAndItsFolderAndReadsBackWhatWasAppended() throws {
    let history = try HistoryFile(path: path)
    try history.append("can I drive?")
    try history.append("hot tub?\nsecond line")
    #expect(try history.recentLines() == ["can I drive?", "hot tub? second line"])
  }

  // Losing a line needs an append to land between a trim's read and its rename, so the race
  // is run several times over.
  @Test(arguments: 1...6)
  func twoWritersAndATrimmerLoseNoLine(round: Int) throws {
    let history = try HistoryFile(path: path, maximumLines: 1000, maximumBytes: 2048)
    let count = 1500
    let group = DispatchGroup()
    let failures = Failures()
    for writer in ["a", "b"] {
      DispatchQueue.global().async(group: group) {
        // Each writer opens the file on its own, as a second REPL would.
        do {
          let mine = try HistoryFile(path: history.path, maximumBytes: 2048)
          for number in 0..<count {
            try mine.append("\(writer) \(number)")
            if number % 4 == 0 { usleep(20) }
          }
        } catch { failures.add("\(error)") }
      }
    }
    let trims = Failures()
    DispatchQueue.global().async(group: group) {
      for _ in 0..<3000 {
        do {
          if try history.trimIfNeeded() { trims.add("trimmed") }
        } catch { failures.add("\(error)") }
      }
    }
    group.wait()
    #expect(failures.messages.isEmpty)
    #expect(!trims.messages.isEmpty, "the test never trimmed")
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    for writer in ["a", "b"] {
      // A trim drops the oldest lines; what is left of each writer's lines must be an
      // unbroken run ending at its last line: a gap is a line lost to a trim.
      let numbers = lines.filter { $0.hasPrefix("\(writer) ") }.compactMap {
        Int($0.dropFirst(2))
      }
      #expect(numbers.isEmpty || numbers.last == count - 1)
      #expect(numbers == Array((count - numbers.count)..<count), "writer \(writer) lost lines")
    }
    #expect(lines.last?.hasSuffix(" \(count - 1)") == true)
    #expect(lines.allSatisfy { $0.first == "a" || $0.first == "b" }, "a line was garbled")
  }

  @Test func readsOnlyTheTailOfAHugeFile() throws {
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    // 8 MB on one line, then 3,000 ordinary lines.
    var text = String(repeating: "x", count: 8 << 20) + "\n"
    for number in 0..<3000 { text += "question \(number)\n" }
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    let history = try HistoryFile(path: path, maximumLines: 500, maximumBytes: 64 * 1024)
    let lines = try history.recentLines()
    #expect(lines.count == 500)
    #expect(lines.first == "question 2500")
    #expect(lines.last == "question 2999")
  }

  @Test func trimKeepsTheNewestLinesInHalfTheLimit() throws {
    let history = try HistoryFile(path: path, maximumLines: 100, maximumBytes: 4096)
    for number in 0..<1000 { try history.append("question \(number)") }
    #expect(try history.trimIfNeeded())
    let size = try #require(
      try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    #expect(size <= 2048)
    let lines = try history.recentLines()
    #expect(lines.last == "question 999")
    #expect(lines.count <= 100)
    #expect(try !history.trimIfNeeded())
  }

  @Test func aFolderAtThePathIsAClearError() throws {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    let error = #expect(throws: HistoryError.self) { try HistoryFile(path: path) }
    #expect(error?.reason == "it is a folder")
    #expect(error?.description.contains(path) == true)
    #expect(error?.description.contains("fix:") == true)
  }

  @Test func aHistoryFolderInTheREPLWarnsOnceAndCarriesOn() throws {
    let state = folder.appendingPathComponent("repl")
    try FileManager.default.createDirectory(
      at: state.appendingPathComponent("backtalk/history"), withIntermediateDirectories: true)
    let (transcript, status) = try EndToEndTests.driveREPL(
      state: state.path, ["can I drive?\\n", "hot tub?\\n", "^D"])
    #expect(transcript.components(separatedBy: "warning:").count == 2, "\(transcript)")
    #expect(transcript.contains("it is a folder"))
    #expect(transcript.contains("narcotic"))
    #expect(status == 0)
  }

  @Test func theREPLTrimsAHugeHistoryAndKeepsWhatItAppends() throws {
    let state = folder.appendingPathComponent("repl")
    let file = state.appendingPathComponent("backtalk/history")
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    var text = ""
    for number in 0..<200_000 { text += "old question \(number)\n" }
    try text.write(to: file, atomically: false, encoding: .utf8)
    let (transcript, status) = try EndToEndTests.driveREPL(
      state: state.path, ["can I drive?\\n", "^D"])
    #expect(status == 0, "\(transcript)")
    #expect(!transcript.contains("warning:"))
    let kept = try String(contentsOf: file, encoding: .utf8)
    #expect(kept.utf8.count < 256 * 1024)
    #expect(kept.hasSuffix("old question 199999\ncan I drive?\n"))
  }
}

/// Messages collected from several threads.
private final class Failures: @unchecked Sendable {
  private let lock = NSLock()
  private var collected: [String] = []

  func add(_ message: String) { lock.withLock { collected.append(message) } }
  var messages: [String] { lock.withLock { collected } }
}
