import Testing

// The index's tables are internal: the snapshot stores them, nothing public shows them.
@testable import BacktalkCore

/// An index restored from its tables is the index they were taken from, and tables that point
/// outside themselves are refused.
@Suite struct IntentIndexTablesTests {
  let index = IntentIndex(
    examples: [
      ("ice", [["ice", "pack", "long", "time"], ["ice", "cold"]]),
      ("heat", [["heat", "pad"], ["heat", "ice", "bath"]]),
      ("walk", [["walk", "far"]]),
    ],
    keywords: ["heat": [["heat", "pad"]], "walk": [["walk"]]], stopwords: ["the"],
    asks: ["walk": ["how"]])

  @Test(arguments: ["ice", "the heat pad", "how far can i walk", "ice or heat bath", "unknown"])
  func restoredIndexMatchesAsTheBuiltOne(_ question: String) {
    let restored = IntentIndex(
      restoring: index.tables, stopwords: ["the"], classifier: nil, calibration: nil,
      asks: ["walk": ["how"]])
    #expect(restored.tables == index.tables)
    let stems = question.split(separator: " ").map(String.init)
    #expect(
      restored.matches(for: stems, kinds: ["how"]) == index.matches(for: stems, kinds: ["how"]))
  }

  @Test func tablesOfABuiltIndexAreConsistent() {
    #expect(index.tables.isConsistent(featureCount: 0))
  }

  @Test func tablesPointingOutsideThemselvesAreRefused() {
    var tables = index.tables
    tables.postings[0].intent = tables.intentIDs.count
    #expect(!tables.isConsistent(featureCount: 0))
    tables = index.tables
    tables.exampleStemIDs[0] = tables.idf.count
    #expect(!tables.isConsistent(featureCount: 0))
    tables = index.tables
    tables.postingStarts[1] = tables.postings.count + 1
    #expect(!tables.isConsistent(featureCount: 0))
  }
}
