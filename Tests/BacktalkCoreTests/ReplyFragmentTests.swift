import Testing

// Fragments are internal: replies reach JSON through `jsonLine`, which uses them.
@testable import BacktalkCore

/// A fragment's bytes are what the JSON writer would write for its text, and putting fragments
/// together puts their texts and their escapes together.
@Suite struct ReplyFragmentTests {
  static let texts = [
    "", "plain words", "a \"quote\" and a \\ backslash", "two\nlines\tand a tab\r",
    "\u{1}\u{7F} controls", "C1 \u{85} and \u{2028} separators \u{2029}", "é and 🙂",
    String(repeating: "eight by", count: 9) + "\n",
  ]

  /// What `JSONWriter.string(_:)` writes for a text, without its quotes.
  static func written(_ text: String) -> [UInt8] {
    var writer = JSONWriter()
    writer.string(text)
    return Array(writer.bytes.dropFirst().dropLast())
  }

  @Test(arguments: texts)
  func escapesAsTheWriterDoes(_ text: String) {
    let fragment = ReplyFragment(text)
    #expect(fragment.text == text)
    #expect(fragment.escaped == Self.written(text))
  }

  @Test(arguments: texts)
  func appendingPutsTextsAndEscapesTogether(_ first: String) {
    for second in Self.texts {
      var fragment = ReplyFragment(first)
      fragment.append(ReplyFragment(second))
      #expect(fragment.text == first + second)
      #expect(fragment.escaped == Self.written(first + second))
    }
  }

  @Test(arguments: 0..<4)
  func joinsAsStringsJoin(count: Int) {
    let texts = Array(Self.texts.shuffled().prefix(count))
    let joined = ReplyFragment.joined(
      texts.map { ReplyFragment($0) }, separator: ReplyFragment("\n\n"))
    #expect(joined.text == texts.joined(separator: "\n\n"))
    #expect(joined.escaped == Self.written(texts.joined(separator: "\n\n")))
  }
}
