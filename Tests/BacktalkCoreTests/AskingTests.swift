import Testing

// `Asking` is the selection's own bookkeeping; nothing public returns it.
@testable import BacktalkCore

/// Asking phrases are kept as bits for the first 64 positions and in sets beyond; both answer
/// alike.
@Suite struct AskingTests {
  @Test func knowsWherePhrasesStartAndWhatTheyCover() {
    var asking = Asking()
    #expect(!asking.hasStarts)
    asking.add("duration", at: 2..<4)
    asking.add("cause", at: 62..<66)
    asking.add("cause", at: 90..<91)
    #expect(asking.hasStarts)
    #expect(asking.kinds == ["duration", "cause"])
    #expect((0..<100).filter(asking.starts(at:)) == [2, 62, 90])
    #expect((0..<100).filter(asking.covers) == [2, 3, 62, 63, 64, 65, 90])
  }

  @Test func aPhraseStartingPastTheBitsStillCounts() {
    var asking = Asking()
    asking.add("what_to_do", at: 70..<72)
    #expect(asking.hasStarts)
    #expect(asking.starts(at: 70) && !asking.starts(at: 71))
    #expect(asking.covers(71) && !asking.covers(72))
  }
}
