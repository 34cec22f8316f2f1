/// A sorted list of real words, kept as one block of bytes (words separated by newlines) and
/// searched in place, so a list of tens of thousands of words costs one copy to load.
///
/// Typo correction consults it so that a real word the knowledge does not use ("sink") is not
/// turned into one it does ("sing").
public struct WordList: Sendable, Equatable {
  private enum Source {
    case bytes([UInt8])
    case loading(@Sendable () -> [UInt8])
  }
  private let source: Source

  /// The words in byte order, each followed by a newline.
  public var bytes: [UInt8] {
    switch source {
    case .bytes(let bytes): bytes
    case .loading(let load): load()
    }
  }

  public init(bytes: [UInt8] = []) { source = .bytes(bytes) }

  /// A list read only when first consulted. `load` is called on every lookup, so it should
  /// hand back something already loaded, such as a `static let` (Swift initialises one once,
  /// safely across threads): the built-in list costs nothing at start-up that way.
  public init(loading load: @escaping @Sendable () -> [UInt8]) { source = .loading(load) }

  public static func == (lhs: WordList, rhs: WordList) -> Bool { lhs.bytes == rhs.bytes }

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

  /// Whether a word-list file (`Lexicon/*.txt`) holds common words (`Lexicon/common-*.txt`),
  /// which `Lexicon.commonWords` collects besides `realWords`.
  public static func holdsCommonWords(_ path: String) -> Bool {
    path.split(separator: "/").last?.hasPrefix("common-") == true
  }

  /// Reads a word list file that was validated before (at build time): one word per line,
  /// sorted, lines starting with `#` ignored.
  public static func parse(_ text: String, adding earlier: WordList = WordList()) -> WordList {
    var errors: [KnowledgeError] = []
    return earlier.merged(with: LexiconParser.parseWords(text, file: "", errors: &errors))
  }

  /// This list and another as one, in byte order and without repeats.
  ///
  /// - Complexity: O(*n*) in the two lists' bytes.
  public func merged(with other: WordList) -> WordList {
    if isEmpty { return other }
    if other.isEmpty { return self }
    let (left, right) = (bytes, other.bytes)
    var result: [UInt8] = []
    result.reserveCapacity(left.count + right.count)
    // Each side's current word is `start..<end`, its newline at `end`.
    func lineEnd(_ bytes: [UInt8], from start: Int) -> Int {
      var end = start
      while end < bytes.count && bytes[end] != 0x0A { end += 1 }
      return end
    }
    var (l, r) = (0, 0)
    var (lEnd, rEnd) = (lineEnd(left, from: 0), lineEnd(right, from: 0))
    while l < left.count || r < right.count {
      let takeLeft: Bool
      let takeRight: Bool
      if r >= right.count {
        (takeLeft, takeRight) = (true, false)
      } else if l >= left.count {
        (takeLeft, takeRight) = (false, true)
      } else {
        let leftWord = left[l..<lEnd]
        let rightWord = right[r..<rEnd]
        let same = leftWord.elementsEqual(rightWord)
        takeLeft = same || leftWord.lexicographicallyPrecedes(rightWord)
        takeRight = same || !takeLeft
      }
      if takeLeft {
        result += left[l..<lEnd]
        l = lEnd + 1
        lEnd = lineEnd(left, from: l)
      } else {
        result += right[r..<rEnd]
      }
      if takeRight {
        r = rEnd + 1
        rEnd = lineEnd(right, from: r)
      }
      result.append(0x0A)
    }
    return WordList(bytes: result)
  }

  /// Whether the list holds a word.
  ///
  /// - Complexity: O(*m* log *n*) for a word of *m* bytes in a list of *n* bytes.
  public func contains(_ word: String) -> Bool {
    let target = Array(word.utf8)
    guard !target.isEmpty else { return false }
    return self.bytes.withUnsafeBufferPointer { bytes in
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
