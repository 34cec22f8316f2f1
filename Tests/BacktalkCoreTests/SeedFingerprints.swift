import BacktalkCore
import Foundation

/// One-way fingerprints of the source articles, so the copy check runs without their text.
///
/// The articles live outside the repository (`../shared/seeds`) and must not be copied into it,
/// so a clean clone, as CI has, checks against `Fixtures/seed-fingerprints.txt` instead: FNV-1a
/// 64 hashes of every run of ten words and of eight stemmed content words, and for every
/// sentence a 256-bit signature of its stems (one bit per stem, so the words cannot be read
/// back). When the seeds are present the fingerprints are made from them and compared with the
/// file; `RECORD_SEED_FINGERPRINTS=1 swift test --filter KnowledgeTests` rewrites it.
struct SeedFingerprints: Equatable {
  /// Hashes of every run of `exactRunLength` words as written.
  var exactRuns: Set<UInt64> = []
  /// Hashes of every run of `stemmedRunLength` stems, stop words left out.
  var stemmedRuns: Set<UInt64> = []
  /// One signature per sentence.
  var sentences: Set<Signature> = []

  static let exactRunLength = 10
  static let stemmedRunLength = 8

  /// The fixture, found from this file so recording writes to the source tree.
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/seed-fingerprints.txt")

  /// A set of stems folded into 256 bits.
  struct Signature: Hashable {
    var words: [UInt64] = [0, 0, 0, 0]

    init(stems: some Sequence<String>) {
      for stem in stems { insert(stem) }
    }

    init?(hex: Substring) {
      guard hex.count == 64 else { return nil }
      var start = hex.startIndex
      for index in 0..<4 {
        let end = hex.index(start, offsetBy: 16)
        guard let word = UInt64(hex[start..<end], radix: 16) else { return nil }
        words[index] = word
        start = end
      }
    }

    mutating func insert(_ stem: String) {
      let bit = Int(CopyText.hash(stem) % 256)
      words[bit / 64] |= 1 << UInt64(bit % 64)
    }

    func contains(_ stem: String) -> Bool {
      let bit = Int(CopyText.hash(stem) % 256)
      return words[bit / 64] & (1 << UInt64(bit % 64)) != 0
    }

    var hex: String { words.map(CopyText.hex).joined() }
  }

  /// Fingerprints every article in a folder.
  init(seedsFolder: URL) throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: seedsFolder.path).sorted()
    for name in names {
      let text = try String(contentsOf: seedsFolder.appendingPathComponent(name), encoding: .utf8)
      exactRuns.formUnion(CopyText.runs(of: CopyText.words(text), length: Self.exactRunLength))
      stemmedRuns.formUnion(CopyText.runs(of: CopyText.stems(text), length: Self.stemmedRunLength))
      for sentence in CopyText.sentences(text, breakingLines: true) {
        let stems = Set(CopyText.stems(sentence))
        if stems.count >= 3 { sentences.insert(Signature(stems: stems)) }
      }
    }
  }

  /// Reads the fixture file.
  init(fixtureText: String) {
    for line in fixtureText.split(separator: "\n") where !line.hasPrefix("#") {
      let fields = line.split(separator: " ")
      guard fields.count == 2 else { continue }
      switch fields[0] {
      case "run10": if let hash = UInt64(fields[1], radix: 16) { exactRuns.insert(hash) }
      case "run8": if let hash = UInt64(fields[1], radix: 16) { stemmedRuns.insert(hash) }
      case "sentence": if let signature = Signature(hex: fields[1]) { sentences.insert(signature) }
      default: continue
      }
    }
  }

  /// The fixture file's text, sorted so a re-record diffs cleanly.
  var fixtureText: String {
    var lines = [
      "# Fingerprints of the source articles (../shared/seeds) for KnowledgeTests' copy check.",
      "# One-way: FNV-1a 64 of each run of 10 words (run10) and of 8 stemmed content words",
      "# (run8), and a 256-bit signature of each sentence's stems (sentence). Re-record with",
      "# RECORD_SEED_FINGERPRINTS=1 swift test --skip-build --filter KnowledgeTests",
    ]
    lines += exactRuns.map { "run10 " + CopyText.hex($0) }.sorted()
    lines += stemmedRuns.map { "run8 " + CopyText.hex($0) }.sorted()
    lines += sentences.map { "sentence " + $0.hex }.sorted()
    return lines.joined(separator: "\n") + "\n"
  }

  /// The most stems of a sentence that one source sentence also has.
  ///
  /// A signature can claim a stem it lacks (about one in twenty for a 12-stem sentence), so
  /// the count is at worst slightly high, the same with or without the seeds.
  ///
  /// - Complexity: O(*s* × *w*), for *s* source sentences and *w* stems.
  func mostSharedStems(with stems: Set<String>) -> Int {
    sentences.map { signature in stems.count { signature.contains($0) } }.max() ?? 0
  }
}

/// How the copy check reads text: words, stems without stop words, sentences, hashes.
enum CopyText {
  /// Function words left out of stemmed runs and sentence shares, so "1 to 2" meets "1-2" and
  /// swapping "the" for "your" changes nothing. Part of the fingerprint format: changing it
  /// needs a re-record.
  static let stopWords: Set<String> = Set(
    """
    a an the and or but nor of to in on at for with from by as into onto over under up down out
    off about than then so if when while because this that these those it its i me my we us our
    you your yours they them their he him his she her is are was were be been being am do does
    did have has had can could will would should shall may might must not no just very also too
    there here what which who whom how why where all any some each every both either neither such
    own same other more most much many few less only again once s t
    """.split(whereSeparator: \.isWhitespace).map(String.init))

  /// Lower-cased words, apostrophes dropped ("can’t" is "cant").
  static func words(_ text: String) -> [String] {
    text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }
      .map { $0.filter { $0 != "'" && $0 != "’" } }.filter { !$0.isEmpty }
  }

  /// Stems of the words that are not stop words, in order.
  static func stems(_ text: String) -> [String] {
    words(text).filter { !stopWords.contains($0) }.map(Stemmer.stem)
  }

  /// Sentences and clauses: a `.`, `!`, `?`, `;`, `:` or `•` before a space ends one, and so
  /// does a line break when `breakingLines` (the articles' paragraphs and list items; our
  /// answers wrap their lines).
  static func sentences(_ text: String, breakingLines: Bool) -> [String] {
    var sentences: [String] = []
    var current = ""
    let characters = Array(text)
    for (index, character) in characters.enumerated() {
      let next = index + 1 < characters.count ? characters[index + 1] : " "
      if character == "\n" && breakingLines {
        sentences.append(current)
        current = ""
      } else if ".!?;:•".contains(character) && next.isWhitespace {
        sentences.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    sentences.append(current)
    return sentences.filter { $0.contains { $0.isLetter || $0.isNumber } }
  }

  /// Hashes of every run of `length` items, joined by spaces.
  static func runs(of items: [String], length: Int) -> Set<UInt64> {
    guard items.count >= length else { return [] }
    return Set(
      (0...(items.count - length)).map { start in
        hash(items[start..<start + length].joined(separator: " "))
      })
  }

  /// FNV-1a 64 of the UTF-8 bytes: stable across runs and platforms, unlike `hashValue`.
  static func hash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    return hash
  }

  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
