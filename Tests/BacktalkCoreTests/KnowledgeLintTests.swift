import BacktalkCore
import Testing

@Suite struct KnowledgeLintTests {
  /// Small knowledge whose hot-tub answer cites the right passage and whose other answers
  /// cite wrongly, one way each.
  static let intents = """
    - intent: disclaimer
      examples: [disclaimer]
      answer: Not medical advice.
    - intent: hot_tub
      examples: [hot tub?]
      answer: Yes, warm water helps. Take a break every 30 to 40 minutes.
      sources: [doc#hot-tub]
    - intent: hot_tub_wrong_number
      examples: [how long in the hot tub]
      answer: Warm water helps. Take a break every fifty minutes, or every two hours.
      sources: [doc#hot-tub]
    - intent: driving_wrong_passage
      examples: [can i drive]
      answer: You can drive unless you take narcotic pain medication.
      sources: [doc#driving, doc#posture]
    """

  func citationFindings() throws -> [KnowledgeLint.Finding] {
    let responder = try Fixture.responder(intents: Self.intents)
    return KnowledgeLint.citationFindings(responder.knowledge)
  }

  @Test func acceptsAnAnswerWhoseSourcesGiveItsNumbersAndWords() throws {
    #expect(!(try citationFindings()).contains { $0.message.contains("'hot_tub'") })
  }

  @Test func flagsANumberNoCitedPassageGives() throws {
    let findings = try citationFindings().filter { $0.message.contains("'hot_tub_wrong_number'") }
    #expect(findings.count == 1)
    // "two" is read as 2; "fifty" is not a number word of this lexicon.
    #expect(findings.first?.message.contains("says '2', which no passage it cites gives") == true)
    #expect(findings.first?.file == "Intents/test.yml")
    #expect(findings.first?.message.contains("fix:") == true)
  }

  @Test func flagsACitedPassageSharingNoWordWithTheAnswer() throws {
    let findings = try citationFindings().filter { $0.message.contains("'driving_wrong_passage'") }
    #expect(findings.count == 1)
    #expect(findings.first?.message.contains("cites 'doc#posture'") == true)
  }

  @Test func runsAsPartOfTheLint() throws {
    let responder = try Fixture.responder(intents: Self.intents)
    let findings = KnowledgeLint.run(responder, cases: [])
    #expect(findings.contains { $0.message.contains("cites 'doc#posture'") })
  }
}
