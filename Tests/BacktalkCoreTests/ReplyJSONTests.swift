import BacktalkCore
import Foundation
import Testing

@Suite struct ReplyJSONTests {
  let responder = try! Fixture.responder(intents: Fixture.smallIntents)

  func object(_ line: String) throws -> [String: Any] {
    let data = Data(line.utf8)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func carriesTheSixContractFields() throws {
    let json = try object(responder.reply(to: "hot tub \"quoted\"\\ ok?").jsonLine())
    #expect(json["question"] as? String == "hot tub \"quoted\"\\ ok?")
    #expect(json["triage"] as? String == "none")
    #expect(json["intents"] as? [String] == ["hot_tub"])
    #expect((json["reply"] as? String)?.contains("30 to 40") == true)
    #expect(json["sources"] as? [String] == ["Test Document"])
    #expect((json["disclaimer"] as? String)?.isEmpty == false)
  }

  @Test func isOneLineWithSortedKeys() {
    let line = responder.reply(to: "hot tub\nnext").jsonLine()
    #expect(!line.contains("\n"))
    let keys = ["confidence", "disclaimer", "intents", "question", "reply", "sources", "triage"]
    let positions = keys.compactMap { line.range(of: "\"\($0)\":")?.lowerBound }
    #expect(positions == positions.sorted())
  }

  @Test func endsTheLineInTheSameBytesWhenAsked() {
    let reply = responder.reply(to: "can i drvie")
    for explain in [false, true] {
      #expect(
        reply.jsonLine(explain: explain, endingLine: true) == reply.jsonLine(explain: explain)
          + "\n")
      #expect(
        reply.jsonLine(explain: explain, endingLine: false) == reply.jsonLine(explain: explain))
    }
  }

  @Test func appendsTheSameBytesAsTheEndedLineAfterWhatIsThere() {
    let reply = responder.reply(to: "can i drvie")
    for explain in [false, true] {
      var bytes = Array("before\n".utf8)
      reply.appendJSONLine(explain: explain, to: &bytes)
      reply.appendJSONLine(explain: explain, to: &bytes)
      let line = reply.jsonLine(explain: explain, endingLine: true)
      #expect(bytes == Array(("before\n" + line + line).utf8))
    }
  }

  @Test func addsExplainOnlyWhenAsked() throws {
    let reply = responder.reply(to: "can i drvie")
    #expect(try object(reply.jsonLine())["explain"] == nil)
    let explain = try #require(
      try object(reply.jsonLine(explain: true))["explain"] as? [String: Any])
    #expect(explain["corrections"] as? [String] == ["drvie -> drive"])
  }

  @Test func explainIsValidJSONEvenWithNoCandidates() throws {
    let reply = responder.reply(to: "xylophone")
    let explain = try #require(
      try object(reply.jsonLine(explain: true))["explain"] as? [String: Any])
    #expect((explain["candidates"] as? [Any])?.isEmpty == true)
  }

  @Test func escapesControlCharactersAndLineSeparators() throws {
    var reply = responder.reply(to: "hot tub")
    reply.text = "a\u{1B}[2J\u{9B}b\u{2028}c\u{0}"
    let line = reply.jsonLine()
    #expect(!line.contains("\u{1B}"))
    #expect(!line.contains("\u{9B}"))
    #expect(!line.contains("\u{2028}"))
    #expect(line.contains(#"a\u001b[2J\u009bb\u2028c\u0000"#))
    #expect(try object(line)["reply"] as? String == reply.text)
  }

  /// A composed reply carries its text and disclaimer escaped ahead; its line is the one
  /// escaping them afresh gives, and setting the fields drops what was escaped.
  @Test(arguments: [
    "hot tub ok?", "can i drive and is the hot tub ok", "I wet myself and my legs are numb",
    "no numbness, can i drive", "show me the cat cow stretch", "xylophone", "3",
  ])
  func writesTheTextEscapedAheadAsEscapingItAfresh(_ line: String) {
    let prepared = Fixture.responder.preparing(emergencyNumber: "999", region: "GB")
    for responder in [Fixture.responder, prepared] {
      let reply = responder.reply(to: line, emergencyNumber: "999", region: "GB")
      var afresh = reply
      afresh.text = reply.text
      afresh.disclaimer = reply.disclaimer
      #expect(afresh == reply)
      for explain in [false, true] {
        #expect(reply.jsonLine(explain: explain) == afresh.jsonLine(explain: explain), "\(line)")
      }
    }
  }
}
