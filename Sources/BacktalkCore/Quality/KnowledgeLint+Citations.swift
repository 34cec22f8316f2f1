extension KnowledgeLint {
  /// Finds citations that do not hold: an answer number that no cited passage gives, and a
  /// cited passage that shares no content word with the answer.
  ///
  /// Numbers are digits ("30", the "2" and "3" of "2-3") and the lexicon's number words
  /// ("ten"), read as digits; "one" is left out, since in answers it is nearly always "one
  /// article" or "one knee". An exercise's holds and repetitions count as its numbers.
  ///
  /// - Complexity: O(*n*) in the total length of the answers and the passages they cite.
  public static func citationFindings(_ knowledge: Knowledge) -> [Finding] {
    let reader = CitationReader(knowledge: knowledge)
    var findings: [Finding] = []
    for intent in knowledge.intents where !intent.sources.isEmpty {
      let passages = intent.sources.compactMap { citation in
        knowledge.passage(forCitation: citation).map { (citation, $0.1) }
      }
      let text = reader.answerText(of: intent)
      let cited = passages.reduce(into: Set<String>()) {
        $0.formUnion(reader.numbers(in: $1.1.text))
      }
      let missing = reader.numbers(in: text).union(reader.exerciseNumbers(of: intent))
        .subtracting(cited)
      if !missing.isEmpty {
        let list = missing.sorted { (Int($0) ?? 0, $0) < (Int($1) ?? 0, $1) }
        findings.append(
          Finding(
            file: intent.file, line: intent.line,
            message:
              "intent '\(intent.id)' says \(list.map { "'\($0)'" }.joined(separator: ", ")), "
              + "which no passage it cites gives\n  fix: cite the passage that gives it, or "
              + "reword the answer to what its sources say"))
      }
      let answerWords = reader.contentStems(in: text)
      for (citation, passage) in passages
      where reader.contentStems(in: passage.heading + " " + passage.text).isDisjoint(
        with: answerWords)
      {
        findings.append(
          Finding(
            file: intent.file, line: intent.line,
            message:
              "intent '\(intent.id)' cites '\(citation)', which shares no word with its answer"
              + "\n  fix: drop the citation, or cite the passage the answer retells"))
      }
    }
    return findings
  }
}

/// Reads answers and passages the way the citation check compares them.
private struct CitationReader {
  let numberWords: [String: String]
  let stopwords: Set<String>
  /// Stems found in more than a quarter of all passages, and in at least three ("back",
  /// "spasm", "pain"): sharing one says nothing about whether a passage is the one an answer
  /// retells.
  let commonStems: Set<String>

  init(knowledge: Knowledge) {
    numberWords = knowledge.lexicon.numbers.filter { $0.value != "1" }
    stopwords = knowledge.lexicon.stopwords
    let passages = knowledge.documents.flatMap(\.passages)
    var counts: [String: Int] = [:]
    for passage in passages {
      for stem in Self.stems(in: passage.heading + " " + passage.text, skipping: stopwords) {
        counts[stem, default: 0] += 1
      }
    }
    commonStems = Set(counts.filter { $0.value * 4 > passages.count && $0.value >= 3 }.keys)
  }

  /// The answer and every line an exercise walkthrough says.
  func answerText(of intent: Intent) -> String {
    guard let exercise = intent.exercise else { return intent.fullAnswer }
    let parts = [intent.fullAnswer, exercise.purpose, exercise.when, exercise.start, exercise.stop]
    return (parts + exercise.steps.map(\.text)).joined(separator: "\n")
  }

  func numbers(in text: String) -> Set<String> {
    var numbers: Set<String> = []
    for word in Self.words(in: text) {
      if word.first?.isNumber == true {
        numbers.insert(String(word.prefix { $0.isNumber }))
      } else if let digits = numberWords[word] {
        numbers.insert(digits)
      }
    }
    return numbers
  }

  func exerciseNumbers(of intent: Intent) -> Set<String> {
    guard let exercise = intent.exercise else { return [] }
    var numbers = Set(exercise.steps.compactMap(\.hold).map(String.init))
    if exercise.repetitions > 1 { numbers.insert(String(exercise.repetitions)) }
    if exercise.sets > 1 { numbers.insert(String(exercise.sets)) }
    return numbers
  }

  func contentStems(in text: String) -> Set<String> {
    Self.stems(in: text, skipping: stopwords).subtracting(commonStems)
  }

  static func stems(in text: String, skipping stopwords: Set<String>) -> Set<String> {
    Set(
      words(in: text).filter {
        $0.count > 2 && $0.first?.isLetter == true && !stopwords.contains($0)
      }
      .map(Stemmer.stem))
  }

  /// Lower-cased words and numbers; "2-3" is two numbers, "38.3" one word starting with 38.
  static func words(in text: String) -> [String] {
    text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
  }
}
