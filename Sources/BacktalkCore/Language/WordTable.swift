/// A table from words to values, built once and then only read, for lookups on the
/// per-question hot path.
///
/// A plain ASCII word is found by its UTF-8 bytes (an FNV-1a hash over open addressing),
/// several times cheaper than `Dictionary`, whose hashing of a `String` costs more than the
/// rest of most lookups. Every lookup gives what the dictionary it was built from gives for the
/// same string: bytes decide only when both the word and every key are plain ASCII (such
/// strings are equal exactly when their bytes are); any other word, or any table with a key
/// outside ASCII, goes through the dictionary, so Unicode equivalence is kept.
struct WordTable<Value: Sendable>: Sendable {
  /// What the table was built from, for lookups the bytes cannot decide.
  let dictionary: [String: Value]
  /// Entry numbers by hash slot, -1 for an empty slot; the count is a power of two.
  private let slots: [Int32]
  /// Entry *i*'s key is `keyBytes[keyStarts[i]..<keyStarts[i + 1]]`.
  private let keyBytes: [UInt8]
  private let keyStarts: [Int32]
  private let values: [Value]
  private let isASCII: Bool

  /// Builds a table holding a dictionary's keys and values.
  ///
  /// - Complexity: O(*n*) for *n* keys.
  init(_ dictionary: [String: Value] = [:]) {
    self.dictionary = dictionary
    isASCII = dictionary.keys.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
    var capacity = 1
    while capacity < 2 * dictionary.count { capacity *= 2 }
    var slots = [Int32](repeating: -1, count: capacity)
    var keyBytes: [UInt8] = []
    var keyStarts: [Int32] = [0]
    var values: [Value] = []
    if isASCII {
      keyStarts.reserveCapacity(dictionary.count + 1)
      values.reserveCapacity(dictionary.count)
      // In the dictionary's order, which varies from run to run: that moves keys between
      // slots, never what a lookup finds.
      for (key, value) in dictionary {
        var slot = Int(Self.hash(key.utf8)) & (capacity - 1)
        while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
        slots[slot] = Int32(values.count)
        keyBytes += key.utf8
        keyStarts.append(Int32(keyBytes.count))
        values.append(value)
      }
    }
    self.slots = slots
    self.keyBytes = keyBytes
    self.keyStarts = keyStarts
    self.values = values
  }

  /// The value of a word, as `dictionary[word]` gives it.
  ///
  /// - Complexity: O(*m*) for a word of *m* bytes, on average.
  subscript(word: String) -> Value? {
    guard isASCII else { return dictionary[word] }
    let found = word.utf8.withContiguousStorageIfAvailable { entry(of: $0) }
    switch found {
    case .some(.some(let entry)): return entry >= 0 ? values[entry] : nil
    case .some(.none), .none: return dictionary[word]
    }
  }

  /// Whether the table holds a word, as `dictionary[word] != nil` tells.
  func contains(_ word: String) -> Bool {
    guard isASCII else { return dictionary[word] != nil }
    let found = word.utf8.withContiguousStorageIfAvailable { entry(of: $0) }
    switch found {
    case .some(.some(let entry)): return entry >= 0
    case .some(.none), .none: return dictionary[word] != nil
    }
  }

  /// What `body` makes of a word's value, read where it stands in the table: `self[word]`
  /// copies the value out, which for a large struct retains and releases every field.
  func withValue<Result>(of word: String, _ body: (Value) -> Result) -> Result? {
    guard isASCII else { return dictionary[word].map(body) }
    let found = word.utf8.withContiguousStorageIfAvailable { entry(of: $0) }
    switch found {
    case .some(.some(let entry)): return entry >= 0 ? body(values[entry]) : nil
    case .some(.none), .none: return dictionary[word].map(body)
    }
  }

  var count: Int { dictionary.count }
}

extension WordTable where Value == Bool {
  /// A table standing for a set of words: each is there with `true`.
  init(_ words: Set<String>) {
    self.init(Dictionary(uniqueKeysWithValues: words.map { ($0, true) }))
  }
}

extension WordTable {
  /// The entry holding a word's bytes, -1 when there is none, or nil for bytes outside ASCII,
  /// which the bytes alone cannot decide.
  fileprivate func entry(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var hash: UInt32 = 0x811C_9DC5
    var high: UInt8 = 0
    for byte in bytes {
      hash = (hash ^ UInt32(byte)) &* 0x0100_0193
      high |= byte
    }
    guard high < 0x80 else { return nil }
    // Read in place, so the probe loop makes no bounds checks.
    return slots.withUnsafeBufferPointer { slots in
      keyStarts.withUnsafeBufferPointer { keyStarts in
        keyBytes.withUnsafeBufferPointer { keys in
          let mask = slots.count - 1
          var slot = Int(hash) & mask
          while true {
            let entry = Int(slots[slot])
            guard entry >= 0 else { return -1 }
            let start = Int(keyStarts[entry])
            if Int(keyStarts[entry + 1]) - start == bytes.count {
              var same = true
              for offset in 0..<bytes.count where keys[start + offset] != bytes[offset] {
                same = false
                break
              }
              if same { return entry }
            }
            slot = (slot + 1) & mask
          }
        }
      }
    }
  }

  fileprivate static func hash(_ bytes: String.UTF8View) -> UInt32 {
    var hash: UInt32 = 0x811C_9DC5
    for byte in bytes { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
    return hash
  }
}
