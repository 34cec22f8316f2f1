/// A source document, retold in our own words as short passages.
public struct CorpusDocument: Sendable, Equatable {
  /// The stable id that citations use, such as `tips`.
  public var id: String
  public var title: String
  /// The source document's file name in the seeds folder.
  public var source: String
  public var passages: [Passage]
  public var file: String

  public init(id: String, title: String, source: String, passages: [Passage], file: String = "") {
    self.id = id
    self.title = title
    self.source = source
    self.passages = passages
    self.file = file
  }
}

/// A passage under one heading of a corpus document.
public struct Passage: Sendable, Equatable {
  /// The stable anchor, unique within its document.
  public var anchor: String
  public var heading: String
  public var text: String
  public var line: Int

  public init(anchor: String, heading: String, text: String, line: Int = 0) {
    self.anchor = anchor
    self.heading = heading
    self.text = text
    self.line = line
  }
}
