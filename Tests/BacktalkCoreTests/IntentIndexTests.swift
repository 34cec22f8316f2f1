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

  /// The accumulators are reused from one question to the next; nothing of one may leak into
  /// the scores of another, whatever was asked in between or at the same time.
  @Test func answersAQuestionTheSameWhateverCameBefore() async {
    let index = Fixture.responder.index
    let questions: [[String]] = [
      ["hot", "tub", "jet"], ["driv", "car", "long"], ["ice", "or", "heat"], ["sleep", "side"],
      ["stretch", "hamstr", "hot", "tub"], ["weather"], ["driv", "driv", "car", "car", "ice"],
    ]
    let alone = questions.map { index.matches(for: $0, context: ["heat"], kinds: ["now"]) }
    for (question, expected) in zip(questions.reversed(), alone.reversed()) {
      #expect(index.matches(for: question, context: ["heat"], kinds: ["now"]) == expected)
    }
    await withTaskGroup(of: Bool.self) { group in
      for round in 0..<8 {
        group.addTask {
          (0..<50).allSatisfy { turn in
            let which = (round + turn) % questions.count
            return index.matches(for: questions[which], context: ["heat"], kinds: ["now"])
              == alone[which]
          }
        }
      }
      for await same in group { #expect(same) }
    }
  }

  @Test func repeatsOfAStemCountOnceInLongQuestions() {
    let stems = ["jet", "a", "b", "c", "d", "e", "f", "g", "h", "jet", "i", "jet"]
    let once = ["jet", "a", "b", "c", "d", "e", "f", "g", "h", "i"]
    #expect(index.matches(for: stems) == index.matches(for: once))
  }

  @Test func contextStemsCountOncePerQuestionAndNotAgainWhenAsked() {
    #expect(
      index.matches(for: ["jet"], context: ["jet", "jet"]) == index.matches(for: ["jet"]))
    #expect(
      index.matches(for: ["jet"], context: ["car", "car", "jet"])
        == index.matches(for: ["jet"], context: ["car"]))
  }

  /// Ask kinds are compared as bits, up to 64 of them; more are compared by name, with the same
  /// ranking.
  @Test(arguments: [3, 70])
  func ranksTheIntentAnsweringTheKindAskedFirst(kindCount: Int) {
    let kinds = (0..<kindCount).map { "kind\($0)" }
    var examples: [(intent: String, stems: [[String]])] = [
      ("a_first", [["same"]]), ("b_second", [["same"]]),
    ]
    var asks = ["a_first": Set([kinds[1]]), "b_second": Set([kinds[kindCount - 1]])]
    for (offset, kind) in kinds.enumerated() {
      examples.append(("other_\(offset)", [["other"]]))
      asks["other_\(offset)"] = [kind]
    }
    let index = IntentIndex(examples: examples, keywords: [:], stopwords: [], asks: asks)
    #expect(index.matches(for: ["same"]).map(\.intent) == ["a_first", "b_second"])
    #expect(
      index.matches(for: ["same"], kinds: [kinds[kindCount - 1]]).map(\.intent)
        == ["b_second", "a_first"])
    #expect(
      index.matches(for: ["same"], kinds: ["unknown", kinds[1]]).map(\.intent)
        == ["a_first", "b_second"])
  }

  @Test(arguments: ["driv", "ice", "back", "can", "zzz", "#long", ""])
  func tellsOneStemInformativeAsAListOfIt(_ stem: String) {
    let index = Fixture.responder.index
    #expect(index.isInformative(stem) == index.isInformative([stem]))
  }
}
