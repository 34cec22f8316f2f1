/// Everything Backtalk knows, loaded and validated: intents, corpus documents and the lexicon.
public struct Knowledge: Sendable {
  public var intents: [Intent]
  public var documents: [CorpusDocument]
  public var lexicon: Lexicon

  public init(intents: [Intent], documents: [CorpusDocument], lexicon: Lexicon) {
    self.intents = intents
    self.documents = documents
    self.lexicon = lexicon
  }

  /// The id of the intent whose answer is the full medical disclaimer.
  public static let disclaimerIntentID = "disclaimer"
  /// The id of the intent about when to see a provider; its summary is the one-line version
  /// a walkthrough shows when an exercise hurts.
  public static let warningSignsIntentID = "when_to_see_provider"

  /// The full medical disclaimer.
  public var disclaimer: String {
    intent(Self.disclaimerIntentID)?.answer ?? ""
  }

  /// The one-line reminder shown under every answer.
  public var disclaimerReminder: String {
    intent(Self.disclaimerIntentID).map { $0.summary ?? $0.answer } ?? ""
  }

  /// The intent with an id, if there is one.
  public func intent(_ id: String) -> Intent? {
    intents.first { $0.id == id }
  }

  /// The passage a `document#anchor` citation points to.
  public func passage(forCitation citation: String) -> (CorpusDocument, Passage)? {
    let parts = citation.split(separator: "#", maxSplits: 1).map(String.init)
    guard parts.count == 2, let document = documents.first(where: { $0.id == parts[0] }),
      let passage = document.passages.first(where: { $0.anchor == parts[1] })
    else { return nil }
    return (document, passage)
  }
}
