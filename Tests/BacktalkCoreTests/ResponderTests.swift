import BacktalkCore
import Foundation
import Testing

@Suite struct ResponderTests {
  let responder = try! Fixture.responder(intents: Fixture.smallIntents)

  @Test func answersTheMatchingIntentWithItsSource() {
    let reply = responder.reply(to: "is the jacuzzi ok?")
    #expect(reply.intents == ["hot_tub"])
    #expect(reply.text.contains("30 to 40 minutes"))
    #expect(reply.sources == ["Test Document"])
    #expect(reply.triage == .none)
    #expect(!reply.disclaimer.isEmpty)
  }

  @Test func putsTheEmergencyActionFirst() {
    let reply = responder.reply(to: "hot tub ok? i cant control my bladder", emergencyNumber: "999")
    #expect(reply.triage == .emergency)
    #expect(reply.text.hasPrefix("EMERGENCY: Call 999 now."))
    #expect(reply.intents.first == "bladder")
    // Self-care never follows an emergency: the hot tub question goes unanswered.
    #expect(!reply.intents.contains("hot_tub"))
    #expect(!reply.text.contains("30 to 40 minutes"))
  }

  @Test func acknowledgesNegatedRedFlagWithWhatToWatchFor() {
    let reply = responder.reply(to: "no numbness, can i drive")
    #expect(reply.triage == .none)
    #expect(reply.text.contains("Watch for numbness in a leg."))
  }

  @Test func answersSeveralQuestionsPartByPart() {
    let reply = responder.reply(to: "can i drive and is the hot tub ok")
    #expect(reply.intents == ["driving", "hot_tub"])
    #expect(reply.explanation.parts.count == 2)
  }

  @Test(arguments: ["can i drive and is the hot tub ok", "hot tub ok? i cant control my bladder"])
  func answersTheSameWithoutAnExplanation(_ line: String) {
    let explained = responder.reply(to: line, emergencyNumber: "999")
    var plain = responder.reply(to: line, emergencyNumber: "999", explaining: false)
    #expect(plain.explanation == Explanation())
    #expect(!explained.explanation.words.isEmpty)
    plain.explanation = explained.explanation
    #expect(plain == explained)
  }

  @Test func doesNotRepeatAnAnswer() {
    let reply = responder.reply(to: "can i drive and can i drive")
    #expect(reply.intents == ["driving"])
  }

  @Test func readsFollowUpInContext() {
    var context = DialogueContext()
    context.record(responder.reply(to: "how long should i ice"))
    let followUp = responder.reply(to: "and heat?", context: context)
    #expect(followUp.intents == ["heat_duration"])
    // `why` lists each candidate once, the follow-up's intent first, in the real knowledge too.
    var real = DialogueContext()
    real.record(Fixture.responder.reply(to: "should i put ice on it"))
    let howLong = Fixture.responder.reply(to: "how long?", context: real)
    let candidates = howLong.explanation.candidates.map(\.intent)
    #expect(candidates.first == "ice_duration")
    #expect(Set(candidates).count == candidates.count)
  }

  @Test func offersSuggestionsWhenUnsureAndTakesANumber() throws {
    let unsure = responder.reply(to: "drive jets weather tomorrow sunny rain windy cloudy")
    #expect(unsure.intents.isEmpty)
    let first = try #require(unsure.suggestions.first)
    #expect(first == "driving")
    #expect(unsure.text.contains("did you mean 1) Driving"))
    // An unclear line also learns what Backtalk answers.
    #expect(unsure.text.contains("questions about back spasms"))
    var context = DialogueContext()
    context.record(unsure)
    #expect(responder.reply(to: "1", context: context).intents == ["driving"])
    #expect(responder.reply(to: "yes", context: context).intents == ["driving"])
  }

  @Test func fallsBackToACorpusExcerpt() {
    let reply = responder.reply(to: "twisted pelvis posture")
    #expect(reply.intents.isEmpty)
    #expect(reply.text.contains("excerpt from \"Test Document\""))
    #expect(reply.text.contains("A twisted pelvis changes posture"))
  }

  @Test func saysWhatItCoversWhenNothingFits() {
    let reply = responder.reply(to: "xylophone quantum")
    #expect(reply.intents.isEmpty)
    #expect(reply.text.hasPrefix("I can only help with back spasms and back pain. Type 'topics'"))
    // The real knowledge answers words it has never seen with its not-covered intent
    // (`unknown_topic_intent`); a line of only common words still gets the topic groups.
    #expect(Fixture.responder.reply(to: "xylophone quantum").intents == ["out_of_scope"])
    let real = Fixture.responder.reply(to: "so it is")
    #expect(real.intents.isEmpty)
    #expect(real.text.contains("back pain: activities, understanding back spasms"))
    #expect(!real.text.contains("about backtalk"), "small talk is not a topic to offer")
  }

  @Test func explainsCorrectionsAndCandidates() {
    let reply = responder.reply(to: "can i drvie")
    #expect(reply.explanation.corrections == [Rewrite(from: "drvie", to: "drive")])
    #expect(reply.explanation.candidates.first?.intent == "driving")
    #expect(reply.explanation.candidates.first?.matchedStems == ["driv"])
  }

  @Test func summarisesSymptomsForAProvider() {
    var context = DialogueContext()
    context.record(responder.reply(to: "my leg is numb"))
    context.record(responder.reply(to: "i never wet myself"))
    let summary = responder.summary(of: context, emergencyNumber: "911")
    #expect(summary.contains("numbness in a leg"))
    #expect(summary.contains("Said to be absent: loss of bladder control"))
    #expect(summary.contains("Highest level reached: urgent"))
  }

  @Test func summaryListsWhatWasAskedTheAdviceAndTheSources() {
    var context = DialogueContext()
    context.record(responder.reply(to: "is a hot tub ok"))
    context.record(responder.reply(to: "my leg is numb"))
    context.recordPain(during: "Cat stretch")
    let summary = responder.summary(of: context, emergencyNumber: "911", date: "2026-05-14 09:30")
    #expect(summary.hasPrefix("Summary for a provider, 2026-05-14 09:30:"))
    #expect(summary.contains("- Asked:\n    is a hot tub ok\n    my leg is numb"))
    #expect(summary.contains("- Pain during an exercise: Cat stretch"))
    #expect(summary.contains("- Advice given:"))
    #expect(summary.contains("- Sources: "))
    #expect(!summary.contains("\u{1B}["))
  }

  @Test func moreOffersRelatedTopicsThatANumberPicks() {
    var context = DialogueContext()
    context.record(responder.reply(to: "is a hot tub ok"))
    let more = responder.relatedReply(to: context)
    #expect(more.suggestions == ["driving"])
    #expect(more.text.contains("1) Driving"))
    context.record(more)
    #expect(responder.reply(to: "1", context: context).intents == ["driving"])
  }

  /// A responder prepared for a run's number and region gives every reply it would give
  /// unprepared, for that number and region and for any other.
  @Test(arguments: [("999", "GB"), ("911", nil), ("112", "DE")] as [(String, String?)])
  func preparedActionsReplyAsFillingEachTime(_ number: String, _ region: String?) {
    let plain = Fixture.responder
    let prepared = plain.preparing(emergencyNumber: number, region: region)
    let lines = [
      "I wet myself and my legs are numb", "my back hurts and I feel like hurting myself",
      "I swallowed a whole bottle of pills", "hot tub ok?", "fever and a stiff neck",
    ]
    for line in lines {
      for (otherNumber, otherRegion) in [(number, region), ("000", "AU" as String?)] {
        #expect(
          prepared.reply(to: line, emergencyNumber: otherNumber, region: otherRegion).text
            == plain.reply(to: line, emergencyNumber: otherNumber, region: otherRegion).text,
          "\(line)")
      }
    }
  }
}
