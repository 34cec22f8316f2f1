import BacktalkCore
import Foundation
import Testing

/// Checks on the real knowledge: complete, traceable, and in our own words.
@Suite struct KnowledgeTests {
  let knowledge = Fixture.knowledge

  @Test func everyIntentHasEnoughExamplesAndAnAnswer() {
    for intent in knowledge.intents {
      #expect(intent.examples.count >= 8, "\(intent.id) has \(intent.examples.count) examples")
      #expect(!intent.answer.isEmpty, "\(intent.id) has no answer")
    }
  }

  @Test func everyTopicCitesTheCorpus() {
    // Only small talk and the emergencies beyond the documents (chest pain, self-harm) may
    // stand without a source.
    for intent in knowledge.intents where intent.sources.isEmpty {
      let allowed = intent.group == "About Backtalk" || intent.redFlag?.level == .emergency
      #expect(allowed, "\(intent.id) cites no corpus passage")
    }
  }

  @Test func everyPassageIsCitedByAnIntent() {
    let cited = Set(knowledge.intents.flatMap(\.sources))
    for document in knowledge.documents {
      for passage in document.passages {
        #expect(
          cited.contains("\(document.id)#\(passage.anchor)"),
          "\(document.id)#\(passage.anchor) is cited by no intent")
      }
    }
  }

  @Test func everyDocumentNamesItsSource() {
    // The five articles and the safety document that retells public guidance.
    #expect(knowledge.documents.count == 6)
    #expect(Set(knowledge.documents.map(\.source)).count == 6)
  }

  @Test func noExampleAppearsUnderTwoIntents() {
    var owner: [String: String] = [:]
    for intent in knowledge.intents {
      for example in intent.examples {
        let key = example.lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " }
        if let first = owner[key], first != intent.id {
          Issue.record("'\(example)' is an example of both \(first) and \(intent.id)")
        }
        owner[key] = intent.id
      }
    }
  }

  @Test func everyRedFlagExampleTriggersItsRule() {
    let responder = Fixture.responder
    for intent in knowledge.intents {
      guard let flag = intent.redFlag else { continue }
      for example in intent.examples {
        let reply = responder.reply(to: example)
        #expect(
          reply.triage >= flag.level, "'\(example)' gave \(reply.triage), expected \(flag.level)")
        // A combination may raise the rule into a higher one that used its words; its own
        // finding must still count.
        let counted = reply.findings.contains { $0.intent == intent.id && $0.counts }
        #expect(
          reply.intents.contains(intent.id) || counted,
          "'\(example)' did not trigger \(intent.id)")
      }
    }
  }

  @Test func neverGivesADose() {
    let dose = try! NSRegularExpression(
      pattern: "\\b\\d+\\s*(mg|milligrams?|tablets?|pills?|capsules?)\\b",
      options: [.caseInsensitive])
    for intent in knowledge.intents {
      let range = NSRange(intent.answer.startIndex..., in: intent.answer)
      #expect(
        dose.firstMatch(in: intent.answer, range: range) == nil, "\(intent.id) mentions a dose")
    }
  }

  /// The seeds folder beside the repository (shared/seeds), when it is there.
  static let seeds = Fixture.repositoryRoot.deletingLastPathComponent().appendingPathComponent(
    "shared/seeds")

  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: seeds.path),
      "../shared/seeds is absent, so the copy check is skipped"))
  func sharesNoRunOfTenWordsWithASource() throws {
    func words(_ text: String) -> [String] {
      text.lowercased().replacingOccurrences(of: "’", with: "'").split {
        !($0.isLetter || $0.isNumber || $0 == "'")
      }.map(String.init)
    }
    var sourceRuns = Set<String>()
    for name in try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path) {
      let text = try String(contentsOf: Self.seeds.appendingPathComponent(name), encoding: .utf8)
      let list = words(text)
      guard list.count >= 10 else { continue }
      for start in 0...(list.count - 10) {
        sourceRuns.insert(list[start..<start + 10].joined(separator: " "))
      }
    }
    var copied: [String] = []
    for file in try KnowledgeFile.read(from: Fixture.repositoryRoot) {
      let list = words(String(decoding: file.bytes, as: UTF8.self))
      guard list.count >= 10 else { continue }
      for start in 0...(list.count - 10) {
        let run = list[start..<start + 10].joined(separator: " ")
        if sourceRuns.contains(run) { copied.append("\(file.path): \"\(run)\"") }
      }
    }
    #expect(
      copied.isEmpty, "runs of ten words copied from a source:\n\(copied.joined(separator: "\n"))")
  }
}
