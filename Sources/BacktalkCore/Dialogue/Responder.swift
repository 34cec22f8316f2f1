import Foundation

/// Answers question lines from the knowledge: triage first, then intents, then fallbacks.
///
/// Built once from loaded knowledge; `reply(to:)` is pure, so the same line in the same context
/// always gives the same reply.
public struct Responder: Sendable {
  public let knowledge: Knowledge
  public let analyzer: TextAnalyzer
  public let index: IntentIndex
  public let passageIndex: IntentIndex
  public let triage: TriageEngine
  let intentsByID: WordTable<Intent>
  /// Each intent's title, answer and walkthrough as a reply gives them, put together and
  /// escaped once.
  let answers: WordTable<AnswerText>
  /// The red-flag rule each red flag's reply asks about (`RedFlag.confirms`), by intent id.
  let confirmations: WordTable<String>
  /// Document titles by document id, for the `sources` of a reply.
  let titlesByDocument: [String: String]
  /// The titles of the documents each intent cites, in order and without repeats.
  let sourceTitles: WordTable<[String]>
  /// The full medical disclaimer and its one-line reminder, looked up once.
  public let disclaimer: String
  public let disclaimerReminder: String
  /// The disclaimer escaped for a JSON line.
  let escapedDisclaimer: [UInt8]
  /// The phrases that ask each kind of question, as cleaned words, by their first word.
  let askCues: WordTable<[(kind: String, words: [String])]>
  /// The first words of `askCues` and the first stems of `otherSenses`, told by a token's
  /// numbers, so a token that starts none is passed without a lookup.
  let askCueStarts: NumberedWords
  let otherSenseStarts: NumberedWords
  /// Topic words as stems, each with the stems of the neighbours that show another sense
  /// (`other_senses`: "ice" beside "skates").
  /// They are filed by their first stem, so a line looks up each of its stems once instead
  /// of comparing every topic at every position. A neighbour that a synonym folds into another
  /// word ("car" reads as "drive") is kept as typed, in `typed`, and matched as typed: its stem
  /// would be a topic word, and would show another sense wherever that topic is asked.
  let otherSenses: WordTable<[(topic: [String], others: Set<String>, typed: Set<String>)]>
  /// The lexicon's sets that selection reads for every token, as byte-hashed tables.
  let selectionWords: SelectionWords
  /// Intents whose words say nothing of what the articles cover: the red flags (triage
  /// wording), and the out-of-scope and not-covered answers (words of things not covered).
  let uncoveringIntents: Set<String>
  /// Every red-flag action filled for one emergency number and region (see `preparing`), by
  /// intent id; nil until prepared.
  private(set) var preparedActions: PreparedActions?

  /// What a reply gives of an intent, read without copying the intent out of its table.
  struct AnswerText: Sendable {
    var title: String
    /// The whole answer, with its longer part (`Intent.fullAnswer`).
    var full: ReplyFragment
    /// The answer without its longer part, which a conversation gives first, when there is one.
    var short: ReplyFragment?
    /// An exercise's walkthrough as text and numbered steps.
    var walkthrough: (text: ReplyFragment, steps: [String])?
  }

  /// Red-flag actions filled for the emergency number and region a run answers with.
  struct PreparedActions: Sendable {
    var emergencyNumber: String
    var region: String?
    /// Each red-flag intent's whole block of a reply, its action line, what to tell and its
    /// answer, as `compose` puts it together, with the intent's id.
    var blocks: WordTable<(id: String, text: ReplyFragment)>
  }

  // Confidences are calibrated probabilities (see `Calibration`); the thresholds come from the
  // reliability table and the threshold curve `backtalk eval` prints.
  /// At or above this confidence the top intent is answered: in cross-validation 97.8% of the
  /// questions reach it and 93.2% of those are answered right; the questions just below it
  /// (0.2 to 0.3) are right only a quarter of the time, so they get the menu.
  public static let answerThreshold = 0.3
  /// Below this confidence an answer offers the next intents too ("Or did you mean").
  public static let sureThreshold = 0.8
  /// How far from a topic word a neighbour can show it used in another sense.
  static let otherSenseReach = 3
  /// The shortest unknown word that may be a slip of a real one (see `isAboutSomethingElse`).
  static let slipLength = 5
  /// How many intents "Or did you mean" offers at most.
  static let alternativeCount = 2
  /// At or above this confidence an intent is worth a suggestion.
  public static let suggestThreshold = 0.15
  /// The confidence an answer needs to be given beside a red flag.
  public static let besideRedFlagThreshold = 0.75
  /// The confidence (raw coverage) a corpus passage needs to be offered when no intent fits.
  static let passageThreshold = 0.4

  /// What was derived from the knowledge, to store at build time (see `CompiledKnowledge`).
  public let compiled: CompiledKnowledge

  /// Builds the analyzer, the indexes and the red-flag scanner from the knowledge.
  ///
  /// - Parameter compiled: what an earlier build derived from the same knowledge; without it,
  ///   everything is worked out here.
  public init(knowledge: Knowledge, compiled: CompiledKnowledge? = nil) {
    self.knowledge = knowledge
    let analyzer =
      compiled.map {
        TextAnalyzer(lexicon: knowledge.lexicon, parts: $0.analyzer, numbering: $0.numbering)
      }
      ?? Self.makeAnalyzer(knowledge)
    self.analyzer = analyzer
    let stems = PhraseStemmer(analyzer: analyzer, cache: compiled?.phraseStems ?? [:])
    let stopStems = Set(
      knowledge.lexicon.stopwords.map(Stemmer.stem))
    let answerable = knowledge.intents.filter { $0.redFlag == nil }
    let asks = Dictionary(
      answerable.map { ($0.id, Set($0.asks)) }, uniquingKeysWith: { first, _ in first })
    let calibration = Calibration(knowledge.lexicon.calibration)
    // The tables an earlier build worked out, with the classifier it learned, or built here.
    var intentIndex: IntentIndex
    var passages: IntentIndex
    if let tables = compiled?.index, let classifier = compiled?.classifier {
      intentIndex = IntentIndex(
        restoring: tables, stopwords: stopStems, classifier: classifier,
        calibration: calibration, asks: asks)
    } else {
      intentIndex = IntentIndex(
        examples: answerable.map { intent in
          (intent.id, (intent.examples + [intent.title]).map(stems.callAsFunction))
        },
        keywords: Dictionary(
          uniqueKeysWithValues: answerable.map { intent in
            let exerciseNames = intent.exercise.map { [$0.name] + $0.aliases } ?? []
            return (intent.id, (intent.keywords + exerciseNames).map(stems.callAsFunction))
          }),
        stopwords: stopStems, classifier: compiled?.classifier.map { .learned($0) } ?? .learn,
        calibration: calibration, asks: asks)
    }
    if let tables = compiled?.passageIndex {
      passages = IntentIndex(
        restoring: tables, stopwords: stopStems, classifier: nil, calibration: nil, asks: [:])
    } else {
      passages = IntentIndex(
        examples: knowledge.documents.flatMap { document in
          document.passages.map {
            ("\(document.id)#\($0.anchor)", [stems($0.heading + " " + $0.text)])
          }
        },
        keywords: [:], stopwords: stopStems)
    }
    // Tokens of this analyzer are looked up in the indexes by number.
    intentIndex.number(by: analyzer)
    passages.number(by: analyzer)
    index = intentIndex
    passageIndex = passages
    triage = TriageEngine(
      intents: knowledge.intents, stems: stems.callAsFunction, lexicon: knowledge.lexicon,
      compiled: compiled?.scanner, numberedBy: analyzer)
    intentsByID = WordTable(
      Dictionary(knowledge.intents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }))
    confirmations = WordTable(intentsByID.dictionary.compactMapValues { $0.redFlag?.confirms })
    answers = WordTable(
      Dictionary(
        knowledge.intents.map { intent in
          let walkthrough = intent.exercise.map { exercise in
            let steps = ExerciseRenderer.numberedSteps(exercise)
            return (ReplyFragment(ExerciseRenderer.render(exercise, steps: steps)), steps)
          }
          let answer = AnswerText(
            title: intent.title, full: ReplyFragment(intent.fullAnswer),
            short: intent.more.map { _ in ReplyFragment(intent.answer) }, walkthrough: walkthrough)
          return (intent.id, answer)
        }, uniquingKeysWith: { first, _ in first }))
    let titles = Dictionary(
      knowledge.documents.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    sourceTitles = WordTable(
      Dictionary(
        uniqueKeysWithValues: knowledge.intents.map { intent in
          (intent.id, Self.documentTitles(of: intent.sources, in: titles))
        }))
    askCues = WordTable(
      Dictionary(
        grouping: knowledge.lexicon.askKinds.sorted { $0.key < $1.key }.flatMap { kind, phrases in
          phrases.map {
            (kind, analyzer.analyze($0).tokens.filter { !$0.isPunctuation }.map(\.word))
          }
        }
        .filter { !$0.words.isEmpty }, by: { $0.words[0] }))
    // A start-up that restores the indexes and the scanner still stems these phrases: the
    // snapshot keeps their stems (`CompiledKnowledge.phraseStems`), not those of every example,
    // passage and trigger, which it would only decode to throw away.
    stems.startRecording()
    otherSenses = WordTable(
      Dictionary(
        grouping: knowledge.lexicon.otherSenses.sorted { $0.key < $1.key }.map { topic, others in
          let synonyms = knowledge.lexicon.synonyms
          return (
            topic: stems(topic),
            others: Set(others.filter { synonyms[$0] == nil }.flatMap(stems.callAsFunction)),
            typed: Set(others.filter { synonyms[$0] != nil })
          )
        }
        .filter { !$0.topic.isEmpty }, by: { $0.topic[0] }))
    var askCueStarts = NumberedWords(Set(askCues.dictionary.keys))
    askCueStarts.number(by: analyzer)
    self.askCueStarts = askCueStarts
    var otherSenseStarts = NumberedWords(Set(otherSenses.dictionary.keys))
    otherSenseStarts.number(by: analyzer)
    self.otherSenseStarts = otherSenseStarts
    disclaimer = knowledge.disclaimer
    escapedDisclaimer = ReplyFragment(disclaimer).escaped
    disclaimerReminder = knowledge.disclaimerReminder
    selectionWords = SelectionWords(knowledge.lexicon, stopStems: stopStems, numberedBy: analyzer)
    uncoveringIntents = Set(
      knowledge.intents.filter { $0.redFlag != nil }.map(\.id)
        + [knowledge.lexicon.unknownTopicIntent, knowledge.lexicon.uncoveredTopicIntent]
        .compactMap { $0 })
    titlesByDocument = titles
    var derived =
      compiled
      ?? CompiledKnowledge(
        analyzer: analyzer.parts, phraseStems: stems.recorded, classifier: index.classifier)
    if derived.scanner == nil { derived.scanner = triage.scanner.compiled }
    if derived.index == nil { derived.index = index.tables }
    if derived.passageIndex == nil { derived.passageIndex = passageIndex.tables }
    if derived.numbering == nil { derived.numbering = analyzer.numbering }
    self.compiled = derived
  }

  /// The titles of the documents that citations (`document#anchor`) point to, without repeats.
  static func documentTitles(of citations: [String], in titles: [String: String]) -> [String] {
    var result: [String] = []
    for citation in citations {
      // Plain ASCII is cut at its first "#" by bytes (splitting by `Character` cost some 20,000
      // instructions an intent at start-up); a leading "#" or anything else splits as before.
      let utf8 = citation.utf8
      let document =
        if utf8.allSatisfy({ $0 < 0x80 }), let hash = utf8.firstIndex(of: UInt8(ascii: "#")),
          hash != utf8.startIndex
        {
          String(citation[..<hash])
        } else {
          citation.split(separator: "#", maxSplits: 1).first.map(String.init) ?? citation
        }
      if let title = titles[document], !result.contains(title) { result.append(title) }
    }
    return result
  }

  static func makeAnalyzer(_ knowledge: Knowledge) -> TextAnalyzer {
    var vocabulary: [String] = []
    var answers: [String] = []
    var triggerText: [String] = []
    for finding in knowledge.lexicon.findings {
      triggerText += (finding.wordings + finding.exceptions).map {
        $0.replacingOccurrences(of: "|", with: " ").replacingOccurrences(of: "_", with: " ")
      }
    }
    let cues = knowledge.lexicon.contextCues
    // The neighbours that show another sense are known words: a typo in one is corrected to it.
    let senses = knowledge.lexicon.otherSenses.sorted { $0.key < $1.key }.flatMap {
      [$0.key] + $0.value
    }
    triggerText +=
      (cues.history + cues.hypothetical + cues.definition + cues.otherPerson
      + cues.animal + cues.story + senses).map {
        $0.replacingOccurrences(of: "|", with: " ").replacingOccurrences(of: "_", with: " ")
      }
    for intent in knowledge.intents {
      vocabulary += intent.examples + intent.keywords + [intent.title]
      answers.append(intent.fullAnswer)
      vocabulary += (intent.redFlag?.exceptions ?? []).map {
        $0.replacingOccurrences(of: "|", with: " ").replacingOccurrences(of: "_", with: " ")
      }
      triggerText += (intent.redFlag?.triggers ?? []).map {
        $0.replacingOccurrences(of: "|", with: " ").replacingOccurrences(of: "_", with: " ")
      }
    }
    return TextAnalyzer(
      lexicon: knowledge.lexicon, vocabularyText: vocabulary, knownText: answers,
      priorityText: triggerText)
  }

  /// The intent with an id.
  public func intent(_ id: String) -> Intent? { intentsByID[id] }

  /// The same responder with every red-flag action filled once for an emergency number and
  /// region, as `Region.fill` fills them; replies with that number and region use the filled
  /// text instead of filling it again, any other number or region fills as before.
  public func preparing(emergencyNumber: String, region: String?) -> Responder {
    var prepared = self
    var blocks: [String: (id: String, text: ReplyFragment)] = [:]
    for intent in knowledge.intents {
      guard let flag = intent.redFlag, blocks[intent.id] == nil else { continue }
      let action = Region.fill(
        flag.action, emergencyNumber: emergencyNumber, region: region, in: knowledge.lexicon)
      blocks[intent.id] = (
        intent.id, ReplyFragment(Self.redFlagBlock(of: intent, flag, action: action))
      )
    }
    prepared.preparedActions = PreparedActions(
      emergencyNumber: emergencyNumber, region: region, blocks: WordTable(blocks))
    return prepared
  }

  /// The triage level of a line on its own, for prompts that expect a short answer (a
  /// walkthrough's "next" or pain check): a red flag there is a new question.
  public func triageLevel(of line: String) -> TriageLevel {
    assess(analyzer.analyze(QuestionCleaner.clean(line))).level
  }

  /// The triage of an analysed line, not trusting a finding that rests on one real word read
  /// as a red-flag word and nothing else but small words: "3 days remaining" is not
  /// "retaining", "fill it from the kettle" is not "fell from", "this is confusing" is not
  /// "convulsing". A misspelling the words around it complete ("lost control of my bowls")
  /// still counts, and so does another form of the same word ("tingled" for "tingle").
  func assess(_ analyzed: AnalyzedText) -> TriageResult {
    let result = triage.assess(analyzed.tokens)
    guard !analyzed.corrections.isEmpty, !result.findings.isEmpty else { return result }
    let stopwords = knowledge.lexicon.stopwords
    var tokens = analyzed.tokens
    var doubted = false
    for position in tokens.indices {
      // The correction behind the token: a synonym read after it shows the corrected word.
      guard let shown = tokens[position].typed,
        let rewrite = analyzed.corrections.first(where: { $0.from == shown || $0.to == shown }),
        isRealWord(rewrite.from), Stemmer.stem(rewrite.from) != Stemmer.stem(rewrite.to)
      else { continue }
      let covering = result.findings.lazy.filter { $0.range.contains(position) }
      let alone = covering.allSatisfy { finding in
        finding.range.allSatisfy { other in
          other == position || tokens[other].isBreak || stopwords.contains(tokens[other].word)
        }
      }
      guard !covering.isEmpty, alone else { continue }
      tokens[position] = Token(word: rewrite.from, stem: Stemmer.stem(rewrite.from))
      doubted = true
    }
    return doubted ? triage.assess(tokens) : result
  }

  /// One finding as `why` shows it: its id, the words, and its modifiers.
  static func describe(_ finding: Finding) -> String {
    let modifiers = finding.modifierNames
    return "\(finding.intent) from \"\(finding.words)\""
      + (modifiers.isEmpty ? "" : " (\(modifiers.joined(separator: ", ")))")
  }

  /// Answers one input line.
  ///
  /// - Parameters:
  ///   - line: the raw line, cleaned here.
  ///   - emergencyNumber: what to call, such as "911" or "your local emergency number".
  ///   - context: the conversation so far, or nil to answer the line on its own.
  ///   - region: the region code, for the crisis and poison lines an action names.
  ///   - explaining: whether to fill in the reply's `explanation`; without it the reply is the
  ///     same but for an empty explanation, which spares writing out what nobody reads.
  public func reply(
    to line: String, emergencyNumber: String? = nil, context: DialogueContext? = nil,
    region: String? = nil, explaining: Bool = true
  ) -> Reply {
    let question = QuestionCleaner.clean(line)
    let analyzed = analyzer.analyze(question)
    var triage = assess(analyzed)
    // "yes" to the question a hint asked ("can you control your bladder?") is the finding.
    if let asked = context?.askedAbout, let level = intentsByID[asked]?.redFlag?.level,
      triage.level < level, isAffirmative(analyzed)
    {
      let confirmed = Finding(intent: asked, level: level, words: question)
      triage = TriageResult(
        findings: triage.findings + [confirmed], active: [confirmed] + triage.active,
        negated: triage.negated, decidedBy: (asked, [asked]))
    }
    var explanation = Explanation()
    if explaining {
      explanation.findings = triage.findings.map(Self.describe)
      explanation.rule = triage.decidedBy.map {
        "\($0.rule) (\($0.findings.joined(separator: " + ")))"
      }
      explanation.words = analyzed.tokens.filter { !$0.isPunctuation }.map(\.word)
      explanation.corrections = analyzed.corrections
      explanation.synonyms = analyzed.synonyms
    }

    var answered: [String] = []
    var suggestions: [String] = []
    var confidence = 0.0
    var isBareAnswer = false
    if let chosen = chosenSuggestion(analyzed, context: context) {
      answered = [chosen]
      confidence = 1
    } else if isShortAnswer(analyzed) {
      // "3" or "yes" with nothing asked answers nothing: no passage that happens to hold a 3.
      isBareAnswer = true
    } else {
      // Matching reads a real word as itself: "a bowl of soup" is not about the bowel.
      let matched =
        analyzed.correctedCommonWord
        ? analyzer.analyze(question, correctingCommonWords: false) : analyzed
      let selection = select(
        matched, excluding: triage.findings.filter { $0.isRuleSymptom },
        mentionsSymptoms: !triage.findings.isEmpty, context: context)
      if explaining {
        explanation.candidates = selection.candidates
        explanation.parts = selection.parts
        explanation.asks = selection.askKinds.sorted()
      }
      answered = selection.answered
      suggestions = selection.suggestions
      confidence = selection.confidence
      // A line about an animal's back ("my dog's back legs are wobbly") is a vet's question:
      // its honest answer, not the human topic its words resemble.
      if triage.active.isEmpty, let animal = knowledge.lexicon.animalTopicIntent,
        triage.findings.contains(where: { $0.modifiers.contains(.animal) })
      {
        answered = [animal]
        suggestions = []
        confidence = 1
      }
    }
    let flagged = triage.active.map(\.intent)
    answered.removeAll { id in flagged.contains(id) }
    if !triage.active.isEmpty { confidence = 1 }
    return compose(
      question: question, triage: triage, answered: answered, suggestions: suggestions,
      confidence: confidence,
      emergencyNumber: emergencyNumber ?? knowledge.lexicon.defaultEmergencyNumber, region: region,
      explanation: explanation, isBareAnswer: isBareAnswer, isConversation: context != nil)
  }
}
