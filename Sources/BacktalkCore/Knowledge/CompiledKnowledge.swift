/// Everything a `Responder` derives from knowledge before it can answer: the analyzer's parts
/// and the stems of every phrase (examples, keywords, passages, triggers).
///
/// Working it out takes milliseconds; the build stores it beside the knowledge snapshot, so a
/// start-up only rebuilds the lookup tables.
public struct CompiledKnowledge: Sendable, Equatable {
  public var analyzer: TextAnalyzer.Parts
  /// Each phrase's stems, as `TextAnalyzer.analyze(_:correcting: false)` gives them: those a
  /// start-up still asks for once it restores the indexes and the scanner (the words of
  /// `other_senses`); any other phrase is stemmed when asked.
  public var phraseStems: [String: [String]]
  /// The intent classifier learned from the examples.
  public var classifier: LinearClassifier?
  /// The red-flag scanner's compiled patterns; with them a start-up compiles no trigger.
  var scanner: FindingScanner.Compiled?
  /// The intent index's and the passage index's tables; with them a start-up counts no
  /// example's stems.
  var index: IntentIndex.Tables?
  var passageIndex: IntentIndex.Tables?
  /// The analyzer's numbered strings; with them a start-up gathers no string to number.
  var numbering: TextAnalyzer.Numbering?

  public init(
    analyzer: TextAnalyzer.Parts, phraseStems: [String: [String]],
    classifier: LinearClassifier? = nil
  ) {
    self.analyzer = analyzer
    self.phraseStems = phraseStems
    self.classifier = classifier
  }
}

/// Stems of knowledge phrases, worked out once each: from a compiled cache when there is one,
/// else by the analyzer, remembering what it worked out.
final class PhraseStemmer {
  let analyzer: TextAnalyzer
  private(set) var cache: [String: [String]]
  /// The phrases asked for since `startRecording()`, with their stems.
  private(set) var recorded: [String: [String]] = [:]
  private var isRecording = false

  init(analyzer: TextAnalyzer, cache: [String: [String]] = [:]) {
    self.analyzer = analyzer
    self.cache = cache
  }

  /// Starts keeping the phrases asked for from now on in `recorded`.
  func startRecording() { isRecording = true }

  func callAsFunction(_ text: String) -> [String] {
    let stems: [String]
    if let cached = cache[text] {
      stems = cached
    } else {
      stems = analyzer.analyze(text, correcting: false).stems
      cache[text] = stems
    }
    if isRecording { recorded[text] = stems }
    return stems
  }
}
