/// Known words filed under the strings left when one or two of their letters are deleted, so
/// typo correction compares a typed word only with the few known words that can be within its
/// edit distance, not with every word of a similar length.
///
/// Two words within *k* edits (insertions, deletions, substitutions or swaps of neighbours)
/// become the same string after at most *k* deletions from each, so the words filed under the
/// typed word's own deletions are a superset of those within reach; the caller still measures
/// each one. Built once with the knowledge and stored in the snapshot, so start-up builds
/// nothing.
public struct TypoIndex: Sendable, Equatable {
  /// The indexed words' UTF-8 bytes, one after another; word *i* is
  /// `wordBytes[wordStarts[i]..<wordStarts[i + 1]]`.
  let wordBytes: [UInt8]
  let wordStarts: [UInt32]
  /// An open-addressing table of deletion keys (0 for an empty slot); slot *s* files the
  /// entries `entries[slotStarts[s]..<slotStarts[s + 1]]`.
  let slotKeys: [UInt64]
  let slotStarts: [UInt32]
  /// A word's position times 4, plus how many letters were deleted from it (0, 1 or 2).
  let entries: [UInt32]

  /// Words this long or longer are also filed under their deletions of two letters: only they
  /// can be two edits from a typed word of nine letters or more, the shortest the analyzer
  /// corrects by two.
  static let twoEditLength = 7

  /// Files every word that can be a correction: three letters or more, starting with a
  /// lowercase ASCII letter, under itself and its deletions of one letter, and words of seven
  /// letters or more under their deletions of two.
  ///
  /// - Complexity: O(*n* × *l*²) for *n* words of at most *l* letters.
  public init(words: some Sequence<String>) {
    let eligible = words.map { Array($0.utf8) }
      .filter { $0.count >= 3 && (0x61...0x7A).contains($0[0]) }
      .sorted { $0.lexicographicallyPrecedes($1) }
    var wordBytes: [UInt8] = []
    var wordStarts: [UInt32] = [0]
    var filed: [(key: UInt64, entry: UInt32)] = []
    for (position, word) in eligible.enumerated() {
      wordBytes += word
      wordStarts.append(UInt32(wordBytes.count))
      let base = UInt32(position) << 2
      let deletions = word.count >= Self.twoEditLength ? 2 : 1
      Self.forEachDeletion(of: word, upTo: deletions) { key, deleted in
        filed.append((key, base | UInt32(deleted)))
      }
    }
    // One entry per word and key, with the fewest deletions ("book" less either "o").
    filed.sort { $0.key != $1.key ? $0.key < $1.key : $0.entry < $1.entry }
    var keys: [UInt64] = []
    var groups: [[UInt32]] = []
    for (key, entry) in filed {
      if keys.last != key {
        keys.append(key)
        groups.append([])
      }
      if groups[groups.count - 1].last.map({ $0 >> 2 == entry >> 2 }) != true {
        groups[groups.count - 1].append(entry)
      }
    }
    // Filled to at most three quarters: linear probing stays short, and the table (twelve bytes
    // a slot, in the snapshot and in memory) does not double at every few hundred new words.
    var slotCount = 16
    while 3 * slotCount < 4 * keys.count { slotCount *= 2 }
    var slotKeys = [UInt64](repeating: 0, count: slotCount)
    var slotGroup = [Int](repeating: -1, count: slotCount)
    for (group, key) in keys.enumerated() {
      var slot = Int(truncatingIfNeeded: key) & (slotCount - 1)
      while slotKeys[slot] != 0 { slot = (slot + 1) & (slotCount - 1) }
      slotKeys[slot] = key
      slotGroup[slot] = group
    }
    var slotStarts: [UInt32] = [0]
    var entries: [UInt32] = []
    for group in slotGroup {
      if group >= 0 { entries += groups[group] }
      slotStarts.append(UInt32(entries.count))
    }
    self.init(
      wordBytes: wordBytes, wordStarts: wordStarts, slotKeys: slotKeys, slotStarts: slotStarts,
      entries: entries)
  }

  /// Recreates an index from its stored arrays (see `KnowledgeSnapshot`).
  init(
    wordBytes: [UInt8], wordStarts: [UInt32], slotKeys: [UInt64], slotStarts: [UInt32],
    entries: [UInt32]
  ) {
    self.wordBytes = wordBytes
    self.wordStarts = wordStarts
    self.slotKeys = slotKeys
    self.slotStarts = slotStarts
    self.entries = entries
  }

  /// Whether the arrays fit together: every range inside its array, every entry naming a word.
  var isConsistent: Bool {
    let wordCount = wordStarts.count - 1
    return !wordStarts.isEmpty && wordStarts.first == 0
      && zip(wordStarts, wordStarts.dropFirst()).allSatisfy { $0 <= $1 }
      && Int(wordStarts[wordCount]) == wordBytes.count
      && slotKeys.count.nonzeroBitCount == 1 && slotKeys.contains(0)
      && slotStarts.count == slotKeys.count + 1
      && slotStarts.first == 0
      && zip(slotStarts, slotStarts.dropFirst()).allSatisfy { $0 <= $1 }
      && Int(slotStarts[slotKeys.count]) == entries.count
      && entries.allSatisfy { Int($0 >> 2) < wordCount && $0 & 3 <= 2 }
  }

  /// The positions of the words that may be within `limit` edits (1 or 2) of a word, each
  /// once, in no particular order.
  ///
  /// - Complexity: O(*l*^`limit`) lookups for a word of *l* letters.
  func candidates(of word: [UInt8], limit: Int) -> [Int] {
    var found: [Int] = []
    guard !word.isEmpty else { return found }
    let mask = slotKeys.count - 1
    Self.forEachDeletion(of: word, upTo: limit) { key, _ in
      var slot = Int(truncatingIfNeeded: key) & mask
      while slotKeys[slot] != 0 {
        if slotKeys[slot] == key {
          for entry in entries[Int(slotStarts[slot])..<Int(slotStarts[slot + 1])]
          where Int(entry & 3) <= limit {
            let position = Int(entry >> 2)
            if !found.contains(position) { found.append(position) }
          }
          return
        }
        slot = (slot + 1) & mask
      }
    }
    return found
  }

  /// The bytes of the word at a position, for as long as `body` runs.
  func withWord<Result>(at position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result)
    -> Result
  {
    wordBytes.withUnsafeBufferPointer { bytes in
      body(
        UnsafeBufferPointer(
          rebasing: bytes[Int(wordStarts[position])..<Int(wordStarts[position + 1])]))
    }
  }
}

extension TypoIndex {
  /// Calls `body` with the key of the word itself and of every string left by deleting up to
  /// `limit` (1 or 2) of its letters, with how many were deleted; a string that arises in
  /// several ways comes more than once.
  ///
  /// The key also holds the word's first letter, since a correction never changes it.
  fileprivate static func forEachDeletion(
    of word: [UInt8], upTo limit: Int, _ body: (UInt64, Int) -> Void
  ) {
    let first = word[0]
    body(key(first, word, skipping: -1, -1), 0)
    guard word.count > 1 else { return }
    for i in word.indices {
      body(key(first, word, skipping: i, -1), 1)
      guard limit >= 2 else { continue }
      for j in (i + 1)..<word.count {
        body(key(first, word, skipping: i, j), 2)
      }
    }
  }

  /// A 64-bit FNV-1a hash of the first letter and the word less the letters at two positions,
  /// never 0. Two strings may share a key; that only adds a candidate, which is then measured.
  fileprivate static func key(_ first: UInt8, _ word: [UInt8], skipping i: Int, _ j: Int)
    -> UInt64
  {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    hash = (hash ^ UInt64(first)) &* 0x100_0000_01b3
    hash = (hash ^ 0xFF) &* 0x100_0000_01b3
    for index in word.indices where index != i && index != j {
      hash = (hash ^ UInt64(word[index])) &* 0x100_0000_01b3
    }
    // Spread the low bits, which pick the slot.
    hash ^= hash >> 29
    return hash == 0 ? 1 : hash
  }
}
