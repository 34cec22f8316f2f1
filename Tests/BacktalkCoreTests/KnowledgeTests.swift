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

  /// The most words a short answer may have: someone in pain reads it first, and a
  /// conversation keeps the rest for "more".
  static let shortAnswerWords = 80

  @Test func everyShortAnswerIsEightyWordsOrFewer() {
    for intent in knowledge.intents {
      let words = intent.answer.split(whereSeparator: \.isWhitespace).count
      #expect(
        words <= Self.shortAnswerWords,
        """
        \(intent.file):\(intent.line): '\(intent.id)' has a short answer of \(words) words; \
        reword it, or move details (never a caution) to 'more:'
        """)
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
      let range = NSRange(intent.fullAnswer.startIndex..., in: intent.fullAnswer)
      #expect(
        dose.firstMatch(in: intent.fullAnswer, range: range) == nil,
        "\(intent.id) mentions a dose")
    }
  }

  /// The seeds folder beside the repository (shared/seeds), when it is there.
  static let seeds = Fixture.repositoryRoot.deletingLastPathComponent().appendingPathComponent(
    "shared/seeds")
  static let hasSeeds = FileManager.default.fileExists(atPath: seeds.path)

  /// The articles' fingerprints: made from the seeds when present, else read from the fixture,
  /// so the copy checks run the same in a clean clone.
  static let fingerprints: SeedFingerprints = {
    if hasSeeds, let made = try? SeedFingerprints(seedsFolder: seeds) { return made }
    let text = (try? String(contentsOf: SeedFingerprints.fixture, encoding: .utf8)) ?? ""
    return SeedFingerprints(fixtureText: text)
  }()

  /// A sentence sharing at least this many stems, and this share of its own, with one source
  /// sentence reads as that sentence with words swapped.
  static let nearCopyStems = 6
  static let nearCopyShare = 0.8

  @Test(.enabled(if: hasSeeds, "../shared/seeds is absent, so the fixture is used as it is"))
  func fingerprintFixtureMatchesTheSeeds() throws {
    let made = try SeedFingerprints(seedsFolder: Self.seeds)
    if ProcessInfo.processInfo.environment["RECORD_SEED_FINGERPRINTS"] == "1" {
      try made.fixtureText.write(to: SeedFingerprints.fixture, atomically: true, encoding: .utf8)
    }
    let recorded = try String(contentsOf: SeedFingerprints.fixture, encoding: .utf8)
    #expect(
      SeedFingerprints(fixtureText: recorded) == made,
      """
      Fixtures/seed-fingerprints.txt is stale; re-record it with
      RECORD_SEED_FINGERPRINTS=1 swift test --skip-build --filter KnowledgeTests
      """)
  }

  @Test func fingerprintsAreThere() {
    // An empty fixture would make every copy check pass.
    #expect(Self.fingerprints.exactRuns.count > 1000)
    #expect(Self.fingerprints.stemmedRuns.count > 1000)
    #expect(Self.fingerprints.sentences.count > 100)
  }

  @Test func sharesNoRunOfTenWordsWithASource() throws {
    var copied: [String] = []
    let length = SeedFingerprints.exactRunLength
    for file in try KnowledgeFile.read(from: Fixture.repositoryRoot) {
      let words = CopyText.words(String(decoding: file.bytes, as: UTF8.self))
      guard words.count >= length else { continue }
      for start in 0...(words.count - length) {
        let run = words[start..<start + length].joined(separator: " ")
        if Self.fingerprints.exactRuns.contains(CopyText.hash(run)) {
          copied.append("\(file.path): \"\(run)\"")
        }
      }
    }
    #expect(
      copied.isEmpty, "runs of ten words copied from a source:\n\(copied.joined(separator: "\n"))")
  }

  @Test func sharesNoRunOfEightStemsWithASource() {
    var copied: [String] = []
    let length = SeedFingerprints.stemmedRunLength
    for (place, text) in Self.retoldTexts(of: knowledge) {
      let stems = CopyText.stems(text)
      guard stems.count >= length else { continue }
      for start in 0...(stems.count - length) {
        let run = stems[start..<start + length].joined(separator: " ")
        if Self.fingerprints.stemmedRuns.contains(CopyText.hash(run)) {
          copied.append("\(place): stems \"\(run)\"")
        }
      }
    }
    #expect(
      copied.isEmpty,
      "runs of eight stems copied from a source; reword them:\n\(copied.joined(separator: "\n"))")
  }

  @Test func noSentenceIsASourceSentenceWithWordsSwapped() {
    var close: [String] = []
    for (place, text) in Self.retoldTexts(of: knowledge) {
      for sentence in CopyText.sentences(text, breakingLines: false) {
        let stems = Set(CopyText.stems(sentence))
        let shared = Self.fingerprints.mostSharedStems(with: stems)
        let share = Double(shared) / Double(max(stems.count, 1))
        if shared >= Self.nearCopyStems && share >= Self.nearCopyShare {
          let words = sentence.split(whereSeparator: \.isWhitespace).joined(separator: " ")
          close.append("\(place): \(shared) of \(stems.count) stems: \"\(words)\"")
        }
      }
    }
    #expect(
      close.isEmpty,
      "sentences too close to a source sentence; retell them:\n\(close.joined(separator: "\n"))")
  }

  /// Every text we retell from the articles, with where it is: answers, red-flag lines,
  /// exercise steps and corpus passages.
  static func retoldTexts(of knowledge: Knowledge) -> [(place: String, text: String)] {
    var texts: [(String, String)] = []
    for intent in knowledge.intents {
      let place = "\(intent.file):\(intent.line): '\(intent.id)'"
      var parts = [intent.fullAnswer, intent.summary ?? ""]
      if let flag = intent.redFlag { parts += [flag.action, flag.tell ?? "", flag.watch ?? ""] }
      if let exercise = intent.exercise {
        parts += [exercise.purpose, exercise.when, exercise.start, exercise.stop, exercise.instead]
        parts += exercise.steps.map(\.text)
      }
      texts += parts.filter { !$0.isEmpty }.map { (place, $0) }
    }
    for document in knowledge.documents {
      for passage in document.passages {
        texts.append(("\(document.file):\(passage.line): #\(passage.anchor)", passage.text))
      }
    }
    return texts
  }
}
