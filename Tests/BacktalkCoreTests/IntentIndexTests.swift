import BacktalkCore
import Testing

@Suite struct IntentIndexTests {
  let index = IntentIndex(
    examples: [
      ("hot_tub", [["hot", "tub"], ["jacuzzi", "ok"]]), ("driving", [["can", "driv"]]),
    ],
    keywords: ["hot_tub": [["jet"]], "driving": [["car"]]], stopwords: ["can"])

  @Test func matchesKeywordsAndExamples() {
    #expect(index.matches(for: ["jet"]).first?.intent == "hot_tub")
    #expect(index.matches(for: ["driv", "car"]).first?.intent == "driving")
  }

  @Test(arguments: [[String](), ["can"], ["weather"]])
  func findsNothingWithoutKnownContent(_ stems: [String]) {
    #expect(index.matches(for: stems).isEmpty)
  }

  @Test func confidenceFallsWithUnknownWords() throws {
    let sure = try #require(index.matches(for: ["driv"]).first)
    let unsure = try #require(
      index.matches(for: [
        "driv", "tomorrow", "weather", "sunny", "rain", "snow", "wind", "cloud", "storm",
      ]).first)
    // Without a calibration the confidence is the share of the question explained.
    #expect(sure.confidence == 1)
    #expect(unsure.confidence < 0.5)
  }

  @Test func breaksTiesByIntentID() {
    let tied = IntentIndex(
      examples: [("b_intent", [["same"]]), ("a_intent", [["same"]])], keywords: [:], stopwords: [])
    #expect(tied.matches(for: ["same"]).map(\.intent) == ["a_intent", "b_intent"])
  }
}
