import BacktalkCore
import Testing

@Suite struct KnowledgeLoaderTests {
  func errors(_ files: [KnowledgeFile]) -> [KnowledgeError] { Fixture.loadErrors(files) }

  let disclaimer = KnowledgeFile(
    path: "Intents/about.yml",
    text: "- intent: disclaimer\n  examples: [x]\n  answer: Not advice.\n")

  @Test func loadsValidKnowledge() throws {
    let knowledge = try KnowledgeLoader.load([
      disclaimer, KnowledgeFile(path: "Corpus/doc.md", text: Fixture.smallCorpus),
    ])
    #expect(knowledge.intents.map(\.id) == ["disclaimer"])
    #expect(knowledge.documents.first?.passages.map(\.anchor) == ["hot-tub", "driving", "posture"])
  }

  @Test func reportsBadYAMLWithItsLine() {
    let found = errors([
      disclaimer,
      KnowledgeFile(path: "Intents/bad.yml", text: "- intent: a\n  examples: [x, y\n  answer: z\n"),
    ])
    #expect(found.count == 1)
    #expect(found.first?.file == "Intents/bad.yml")
    #expect(found.first?.line == 3)
    #expect(found.first?.problem.contains("not valid YAML") == true)
  }

  @Test func reportsWrongTypeAndMappingWhereListBelongs() {
    let found = errors([
      disclaimer,
      KnowledgeFile(
        path: "Intents/types.yml",
        text: "- intent: a\n  examples:\n    one: x\n  answer: [not, text]\n"),
    ])
    #expect(found.map(\.line) == [3, 4])
    #expect(found[0].problem.contains("must be a list, not a mapping"))
    #expect(found[1].problem.contains("must be text"))
  }

  @Test func reportsUnknownKeyWithSuggestion() {
    let found = errors([
      disclaimer,
      KnowledgeFile(
        path: "Intents/keys.yml", text: "- intent: a\n  examples: [x]\n  answr: y\n  answer: z\n"),
    ])
    #expect(found.count == 1)
    #expect(found[0].line == 3)
    #expect(found[0].fix.contains("did you mean 'answer'"))
  }

  @Test func reportsASynonymListedUnderTwoWords() {
    let found = errors([
      disclaimer,
      KnowledgeFile(
        path: "Lexicon/language.yml",
        text: "synonyms:\n  greeting: [hi, hello]\n  hello: [hiya,\n    hi]\n"),
    ])
    #expect(found.count == 1)
    #expect(found.first?.file == "Lexicon/language.yml")
    #expect(found.first?.line == 4)
    #expect(found.first?.problem.contains("'hi' is a synonym of both") == true)
    #expect(found.first?.fix == "keep 'hi' under one of them")
  }

  @Test func rejectsAWeightThatIsNotACalibrationWeight() {
    let found = errors([
      disclaimer,
      KnowledgeFile(
        path: "Lexicon/language.yml", text: "calibration: {bias: -2, coverage: 3, leed: 3}\n"),
    ])
    #expect(found.count == 1)
    #expect(found.first?.problem.contains("'leed: 3' is not a calibration weight") == true)
    #expect(found.first?.fix.contains("lead: 1.0") == true)
  }

  @Test func rejectsAnAskKindThatIsNotAList() {
    let found = errors([
      disclaimer,
      KnowledgeFile(path: "Lexicon/language.yml", text: "ask_kinds:\n  now: what do i do\n"),
    ])
    #expect(found.count == 1)
    #expect(found.first?.problem.contains("ask kind 'now' must be a list") == true)
  }

  @Test func reportsDuplicateIDsWithBothPlaces() {
    let found = errors([
      disclaimer,
      KnowledgeFile(
        path: "Intents/dup.yml",
        text:
          "- intent: a\n  examples: [x]\n  answer: y\n- intent: a\n  examples: [z]\n  answer: w\n"),
    ])
    #expect(found.count == 1)
    #expect(found[0].line == 4)
    #expect(found[0].problem.contains("Intents/dup.yml:1"))
  }

  @Test func reportsEmptyExamples() {
    let found = errors([
      disclaimer,
      KnowledgeFile(path: "Intents/empty.yml", text: "- intent: a\n  examples: []\n  answer: y\n"),
    ])
    #expect(found.count == 1)
    #expect(found[0].line == 2)
    #expect(found[0].problem.contains("has no examples"))
  }

  @Test func reportsDanglingSourceAndRelated() {
    let found = errors([
      disclaimer, KnowledgeFile(path: "Corpus/doc.md", text: Fixture.smallCorpus),
      KnowledgeFile(
        path: "Intents/refs.yml",
        text:
          "- intent: a\n  examples: [x]\n  answer: y\n  sources: [doc#nowhere, nodoc#x]\n  related: [ghost]\n"
      ),
    ])
    #expect(found.count == 3)
    #expect(found.allSatisfy { $0.file == "Intents/refs.yml" && $0.line == 1 })
    #expect(found.contains { $0.problem.contains("no passage '{#nowhere}'") })
    #expect(found.contains { $0.problem.contains("no document 'nodoc'") })
    #expect(found.contains { $0.problem.contains("'ghost'") })
  }

  @Test func reportsEmptyAndNonUTF8Files() {
    let found = errors([
      disclaimer,
      KnowledgeFile(path: "Intents/empty.yml", text: "  \n"),
      KnowledgeFile(path: "Intents/latin1.yml", bytes: Array("- intent: a\n".utf8) + [0xE9, 0x0A]),
    ])
    #expect(found.map(\.file) == ["Intents/empty.yml", "Intents/latin1.yml"])
    #expect(found[0].problem.contains("empty"))
    #expect(found[1].line == 2)
    #expect(found[1].problem.contains("UTF-8"))
  }

  @Test func reportsEveryProblemNotOnlyTheFirst() {
    let found = errors([
      KnowledgeFile(path: "Intents/many.yml", text: "- intent: Bad-Id\n  examples: []\n- 42\n")
    ])
    #expect(found.count >= 4)  // id, examples, answer, the scalar entry, the missing disclaimer
  }

  @Test func reportsCorpusWithoutFrontMatter() {
    let found = errors([
      disclaimer, KnowledgeFile(path: "Corpus/bare.md", text: "## Heading {#a}\ntext\n"),
    ])
    #expect(found.count == 1)
    #expect(found[0].file == "Corpus/bare.md")
    #expect(found[0].fix.contains("---"))
  }

  @Test func describesErrorsInCompilerShape() {
    let error = KnowledgeError(
      file: "Intents/a.yml", line: 12, problem: "intent 'x' has no examples", fix: "add one")
    #expect(
      error.description == "Intents/a.yml:12: error: intent 'x' has no examples\n  fix: add one")
  }

  @Test(arguments: ["\r\n", "\n"], [true, false])
  func readsFilesSavedWithCRLFOrAByteOrderMark(_ lineEnd: String, _ hasMark: Bool) throws {
    func saved(_ text: String) -> String {
      (hasMark ? "\u{FEFF}" : "") + text.replacingOccurrences(of: "\n", with: lineEnd)
    }
    let knowledge = try KnowledgeLoader.load([
      KnowledgeFile(path: "Intents/test.yml", text: saved(Fixture.smallIntents)),
      KnowledgeFile(path: "Corpus/doc.md", text: saved(Fixture.smallCorpus)),
      KnowledgeFile(path: "Lexicon/language.yml", text: saved(Fixture.smallLexicon)),
    ])
    let document = try #require(knowledge.documents.first)
    #expect(document.id == "doc")
    #expect(document.passages.map(\.anchor) == ["hot-tub", "driving", "posture"])
    #expect(document.passages.first?.line == 6)
    #expect(!document.passages.contains { $0.text.contains("\r") })
    #expect(knowledge.lexicon.stopwords.contains("the"))
  }

  @Test(arguments: ["\r\n", "\n"])
  func reportsAControlCharacterOnItsOwnLine(_ lineEnd: String) {
    // Line 1 is '- intent: …', 2 'answer: …', 3 'examples:', then one example per line.
    var lines = ["- intent: disclaimer", "  answer: Not advice.", "  examples:"]
    lines += (4...60).map { "    - question número \($0)" }
    lines[49] += " \u{01}"
    let found = errors([
      KnowledgeFile(path: "Intents/about.yml", text: lines.joined(separator: lineEnd))
    ])
    #expect(found.map(\.line) == [50])
    #expect(found.first?.problem.contains("U+0001") == true)
  }

  @Test(arguments: [
    ("Corpus/doc.md", "\u{1B}[2J", "U+001B"), ("Corpus/doc.md", "\u{202E}", "U+202E"),
    ("Intents/test.yml", "\u{202E}", "U+202E"), ("Intents/test.yml", "\u{9B}31m", "U+009B"),
    ("Lexicon/language.yml", "\u{2066}", "U+2066"),
  ])
  func rejectsRawTerminalControlsWithTheirLine(_ path: String, _ inserted: String, _ name: String) {
    var texts = [
      "Intents/test.yml": Fixture.smallIntents, "Corpus/doc.md": Fixture.smallCorpus,
      "Lexicon/language.yml": Fixture.smallLexicon,
    ]
    var lines = texts[path]!.split(separator: "\n", omittingEmptySubsequences: false)
    lines[6] += inserted
    texts[path] = lines.joined(separator: "\n")
    let all = errors(texts.keys.sorted().map { KnowledgeFile(path: $0, text: texts[$0]!) })
    // A rejected corpus file also leaves its citations dangling; those errors are elsewhere.
    let found = all.filter { $0.file == path }
    #expect(found.map(\.line) == [7], "\(all)")
    #expect(found.first?.problem.contains(name) == true)
    #expect(
      all.allSatisfy { !$0.description.unicodeScalars.contains(where: DisplaySafety.isUnsafe) })
  }

  @Test(arguments: [#""\e[31mred""#, #""\x9b""#, #""\u202E""#, #""\a""#])
  func rejectsTerminalControlsWrittenAsYAMLEscapes(_ value: String) {
    let found = errors([
      KnowledgeFile(
        path: "Intents/about.yml",
        text: "- intent: disclaimer\n  examples: [x]\n  answer: Not advice.\n  summary: \(value)\n")
    ])
    #expect(found.map(\.line) == [4])
    #expect(found.first?.problem.contains("which a terminal would act on") == true)
  }

  @Test func messagesNeverCopyAControlCharacterToTheTerminal() {
    let found = errors([
      disclaimer,
      KnowledgeFile(
        path: "Intents/bad.yml", text: "- intent: \"bad\\e]0;title\\a\"\n  examples: [x]\n"),
    ])
    let text = found.map(\.description).joined()
    #expect(!found.isEmpty)
    #expect(!text.unicodeScalars.contains(where: DisplaySafety.isUnsafe))
    #expect(text.contains("U+001B"))
  }
}
