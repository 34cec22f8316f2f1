import Foundation
import PackagePlugin

/// Generates `EmbeddedKnowledge.swift` from the package's knowledge folders.
///
/// The folders themselves are listed as inputs as well as their files, so adding or
/// removing a file invalidates the cached build plan.
@main
struct EmbedKnowledge: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let root = context.package.directoryURL
    let folders = ["Intents", "Corpus", "Lexicon"].map { root.appending(path: $0) }
    var inputs: [URL] = folders
    for folder in folders {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path())) ?? []
      inputs += names.sorted().map { folder.appending(path: $0) }
    }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedKnowledge.swift")
    return [
      .buildCommand(
        displayName: "Embedding knowledge files",
        executable: try context.tool(named: "knowledge-embedder").url,
        arguments: [output.path()] + folders.map { $0.path() },
        inputFiles: inputs,
        outputFiles: [output]
      )
    ]
  }
}
