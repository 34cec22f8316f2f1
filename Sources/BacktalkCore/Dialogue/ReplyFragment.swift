/// A piece of reply text with the bytes it takes inside a JSON string, escaped once.
///
/// Answers, walkthroughs, red-flag blocks and the disclaimer are made into fragments when the
/// knowledge is loaded, so a JSON line copies their escaped bytes instead of scanning the text
/// again for every reply. Escaping works character by character, so the escape of two
/// fragments put together is the two escapes put together (`append(_:)`).
struct ReplyFragment: Sendable, Equatable {
  /// The text as a person reads it.
  private(set) var text: String
  /// The text escaped as `JSONWriter.string(_:)` escapes it, without the quotes.
  private(set) var escaped: [UInt8]

  init(_ text: String) {
    self.text = text
    var escaped: [UInt8] = []
    escaped.reserveCapacity(text.utf8.count)
    JSONWriter.appendEscaped(text, to: &escaped)
    self.escaped = escaped
  }

  private init(text: String, escaped: [UInt8]) {
    self.text = text
    self.escaped = escaped
  }

  /// Adds a fragment after this one.
  mutating func append(_ other: ReplyFragment) {
    text += other.text
    escaped += other.escaped
  }

  /// The fragments one after the other, `separator` between each two.
  ///
  /// - Complexity: O(*n*) in the length of the result.
  static func joined(_ fragments: [ReplyFragment], separator: ReplyFragment) -> ReplyFragment {
    guard fragments.count > 1 else { return fragments.first ?? ReplyFragment("") }
    var text = ""
    var escaped: [UInt8] = []
    text.reserveCapacity(
      fragments.reduce(separator.text.utf8.count * (fragments.count - 1)) {
        $0 + $1.text.utf8.count
      })
    escaped.reserveCapacity(
      fragments.reduce(separator.escaped.count * (fragments.count - 1)) { $0 + $1.escaped.count })
    for index in fragments.indices {
      if index > 0 {
        text += separator.text
        escaped += separator.escaped
      }
      text += fragments[index].text
      escaped += fragments[index].escaped
    }
    return ReplyFragment(text: text, escaped: escaped)
  }
}
