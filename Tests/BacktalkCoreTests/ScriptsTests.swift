import Foundation
import Testing

/// The set-up scripts a newcomer runs first.
@Suite struct ScriptsTests {
  /// Runs `scripts/start` with a stand-in `swift` that records the environment it was given.
  func environmentOfBuild(terminal: [String: String], stubIn folder: URL) throws -> String {
    let record = folder.appendingPathComponent("environment")
    let stub = folder.appendingPathComponent("swift")
    try "#!/bin/sh\nenv | sort > '\(record.path)'\necho \"arguments: $*\" >> '\(record.path)'\n"
      .write(
        to: stub, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: stub.path)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [Fixture.repositoryRoot.appendingPathComponent("scripts/start").path]
    let inherited = ProcessInfo.processInfo.environment
    process.environment = terminal.merging(
      ["PATH": folder.path + ":" + (inherited["PATH"] ?? "/usr/bin:/bin"), "HOME": "/root"]
    ) { $1 }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return try String(contentsOf: record, encoding: .utf8)
  }

  @Test func startBuildsInTheSameEnvironmentFromAnyTerminal() throws {
    let folder = try EndToEndTests.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let tmux = try environmentOfBuild(
      terminal: ["TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0", "COLUMNS": "80"],
      stubIn: folder)
    let plain = try environmentOfBuild(
      terminal: ["TERM": "dumb", "COLORTERM": "truecolor"], stubIn: folder)
    #expect(tmux == plain, "SwiftPM rebuilds its plugin tools when the environment changes")
    #expect(!tmux.contains("TERM="))
  }

  @Test func startLinksWithLLDSoNoMktempWarningShows() throws {
    // GNU ld warns that the static Foundation uses `mktemp`; lld does not print it.
    let folder = try EndToEndTests.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let record = try environmentOfBuild(terminal: [:], stubIn: folder)
    #expect(record.contains("-use-ld=lld"))
    #expect(record.contains("--static-swift-stdlib"))
  }

  @Test func everyExcludedFolderExists() throws {
    // SwiftPM warns about an excluded path that is missing, which reads like an error.
    let manifest = try String(
      contentsOf: Fixture.repositoryRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
    for line in manifest.split(separator: "\n") where line.contains("exclude:") {
      let names = line.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }
      for name in names.map(\.element) {
        let path = Fixture.repositoryRoot.appendingPathComponent(
          "Tests/BacktalkCoreTests/" + name
        ).path
        #expect(FileManager.default.fileExists(atPath: path), "excluded but missing: \(name)")
      }
    }
  }
}
