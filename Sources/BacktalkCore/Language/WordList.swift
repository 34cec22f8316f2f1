/// A sorted list of real words, kept as one block of bytes (words separated by newlines) and
/// searched in place, so a list of tens of thousands of words costs one copy to load.
///
/// Typo correction consults it so that a real word the knowledge does not use ("sink") is not
/// turned into one it does ("sing").
public struct WordList: Sendable, Equatable {
  /// The words in byte order, each followed by a newline.
  public let bytes: [UInt8]

  public init(bytes: [UInt8] = []) { self.bytes = bytes }

  /// Builds a list from words already in byte order.
  public init(sortedWords: [String]) {
    var bytes: [UInt8] = []
    for word in sortedWords {
      bytes += word.utf8
      bytes.append(0x0A)
    }
    self.init(bytes: bytes)
  }

  public var isEmpty: Bool { bytes.isEmpty }

  /// Whether the list holds a word.
  ///
  /// - Complexity: O(*m* log *n*) for a word of *m* bytes in a list of *n* bytes.
  public func contains(_ word: String) -> Bool {
    let target = Array(word.utf8)
    guard !target.isEmpty else { return false }
    return bytes.withUnsafeBufferPointer { bytes in
      // `low` is always the start of a line and `high` the start of one or the end.
      var low = 0
      var high = bytes.count
      while low < high {
        let middle = (low + high) / 2
        var start = middle
        while start > low && bytes[start - 1] != 0x0A { start -= 1 }
        var end = middle
        while end < high && bytes[end] != 0x0A { end += 1 }
        let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if target.elementsEqual(line) { return true }
        if target.lexicographicallyPrecedes(line) {
          high = start
        } else {
          low = end + 1
        }
      }
      return false
    }
  }
}
