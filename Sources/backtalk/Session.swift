import BacktalkCore
import BacktalkKnowledge
import Foundation

/// The loaded knowledge and settings one run answers with.
struct Session: Sendable {
  let responder: Responder
  let emergencyNumber: String
  /// The region code, for the crisis and poison lines; nil when unknown.
  let region: String?

  init(dataPath: String?, region: String?) throws {
    var knowledge: Knowledge
    var compiled: CompiledKnowledge?
    if let dataPath {
      let own = try KnowledgeFile.read(from: URL(fileURLWithPath: dataPath))
      // A data folder without a Lexicon/ uses the built-in one.
      let hasLexicon = own.contains { $0.path.contains("/Lexicon/") }
      let builtInLexicon = BuiltInKnowledge.files.filter { $0.path.hasPrefix("Lexicon/") }
        .map { KnowledgeFile(path: $0.path, bytes: $0.bytes) }
      knowledge = try KnowledgeLoader.load(own + (hasLexicon ? [] : builtInLexicon))
    } else {
      // Validated at build time; reading the snapshot skips YAML parsing at every start.
      (knowledge, compiled) = try KnowledgeSnapshot.decode(BuiltInKnowledge.snapshot)
      knowledge.lexicon.realWords = WordList(loading: { BuiltInWords.list.bytes })
      knowledge.lexicon.commonWords = WordList(loading: { BuiltInWords.common.bytes })
    }
    let code = region ?? Region.code(fromEnvironment: ProcessInfo.processInfo.environment)
    emergencyNumber = Region.emergencyNumber(for: code, in: knowledge.lexicon)
    self.region = code
    responder = Responder(knowledge: knowledge, compiled: compiled)
      .preparing(emergencyNumber: emergencyNumber, region: code)
    // Only a code given with --region is worth a warning; a locale's may simply be unlisted.
    if let region, knowledge.lexicon.emergencyNumbers[region.uppercased()] == nil {
      let known = knowledge.lexicon.emergencyNumbers.keys.sorted().joined(separator: ", ")
      Output.error(
        "backtalk: warning: unknown region '\(region)'; saying \"\(emergencyNumber)\" instead "
          + "of a number (known: \(known))")
    }
  }

  /// Answers a line; `explaining: false` leaves the explanation empty, for output that does not
  /// show it.
  func reply(to line: String, context: DialogueContext? = nil, explaining: Bool = true) -> Reply {
    responder.reply(
      to: line, emergencyNumber: emergencyNumber, context: context, region: region,
      explaining: explaining)
  }
}

/// The built-in real-word lists, copied out of the binary (merged at build time) the first
/// time a word needs correcting rather than at every start.
enum BuiltInWords {
  static let list = WordList(bytes: BuiltInKnowledge.realWords)
  /// The common words (`Lexicon/common-*.txt`).
  static let common = WordList(bytes: BuiltInKnowledge.commonWords)
}
