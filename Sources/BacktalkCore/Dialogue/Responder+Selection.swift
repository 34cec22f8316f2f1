/// Which intents a question asks about: whole, split into several questions, or as a follow-up.
struct Selection {
  var answered: [String] = []
  var suggestions: [String] = []
  var confidence = 0.0
  var candidates: [Match] = []
  var parts: [String] = []
}

extension Responder {
  /// The intent picked by answering "1", "2" or "yes" to open suggestions.
  func chosenSuggestion(_ analyzed: AnalyzedText, context: DialogueContext?) -> String? {
    guard let suggestions = context?.suggestions, !suggestions.isEmpty else { return nil }
    let words = analyzed.tokens.filter { !$0.isPunctuation }.map(\.word)
    guard words.count == 1, let word = words.first else { return nil }
    if let number = Int(word), (1...suggestions.count).contains(number) {
      return suggestions[number - 1]
    }
    return affirmatives.contains(word) ? suggestions[0] : nil
  }

  /// The words that say yes to a suggestion or a question (`answer_words: yes`).
  var affirmatives: Set<String> { knowledge.lexicon.answerWords["yes"] ?? [] }

  /// Whether a short line says yes ("yes", "yeah a bit", "yes i think so"), with no negation.
  func isAffirmative(_ analyzed: AnalyzedText) -> Bool {
    let words = analyzed.tokens.filter { !$0.isPunctuation }.map(\.word)
    guard let first = words.first, words.count <= 5, affirmatives.contains(first) else {
      return false
    }
    return !words.contains(where: knowledge.lexicon.negationCues.contains)
  }

  /// Picks the intents a question asks about. Words that triggered a red flag are left out:
  /// triage already answers them, and they would only lower the confidence in the rest.
  func select(
    _ analyzed: AnalyzedText, excluding findings: [Finding], context: DialogueContext?
  ) -> Selection {
    var remaining = analyzed
    // Drop openers such as "hey, quick question:" when something else follows.
    let openers = knowledge.lexicon.openers
    func isOpener(_ token: Token) -> Bool {
      token.isPunctuation || openers.contains(token.typed ?? token.word)
        || openers.contains(token.word)
    }
    var dropped = 0
    while dropped < remaining.tokens.count, isOpener(remaining.tokens[dropped]) { dropped += 1 }
    let hasMore = remaining.tokens[dropped...].contains { !index.stopwords.contains($0.stem) }
    if !hasMore { dropped = 0 }
    var flagged = Set<Int>()
    for finding in findings { flagged.formUnion(finding.range) }
    remaining.tokens = analyzed.tokens.enumerated()
      .filter { $0.offset >= dropped && !flagged.contains($0.offset) }.map(\.element)
    var selection = select(remaining, context: context)
    // Beside a red flag, only a confident answer to words that say something ("my back is in
    // spasm" says nothing the warning does not) is worth the reader's time.
    if findings.contains(where: \.counts),
      selection.confidence < Self.besideRedFlagThreshold || !index.isInformative(remaining.stems)
    {
      selection.answered = []
      selection.suggestions = []
    }
    return selection
  }

  func select(_ analyzed: AnalyzedText, context: DialogueContext?) -> Selection {
    let whole = analyzed.stems
    var selection = Selection()
    let matches = index.matches(for: whole)
    selection.candidates = Array(matches.prefix(3))
    let top = matches.first

    let parts = splitQuestions(analyzed.tokens)
    if parts.count > 1 {
      var answered: [String] = []
      var confidences: [Double] = []
      var previous: [String] = []
      for part in parts where index.isInformative(part.map(\.stem)) {
        let stems = part.map(\.stem)
        let isShort = stems.filter { !index.stopwords.contains($0) }.count <= 3
        defer { previous = stems }
        // A short part is asked together with the part before, and takes the best intent not
        // answered yet: "ice or heat? and how long?" asks how long to ice.
        guard
          let best = index.matches(for: isShort ? previous + stems : stems, limit: 3)
            .first(where: { !answered.contains($0.intent) }),
          best.confidence >= Self.answerThreshold
        else { continue }
        answered.append(best.intent)
        confidences.append(best.confidence)
      }
      // "ice and heat" is one question when the whole line has a confident intent of its own
      // that none of the parts found.
      let wholeIsOwnTopic =
        top.map {
          $0.confidence >= Self.answerThreshold && !answered.contains($0.intent)
        } ?? false
      if answered.count > 1 && !wholeIsOwnTopic {
        selection.answered = answered
        selection.confidence = confidences.min() ?? 0
        selection.parts = parts.map { $0.map { $0.typed ?? $0.word }.joined(separator: " ") }
        return selection
      }
    }

    if let top, top.confidence >= Self.answerThreshold, !isBareFollowUp(analyzed, context) {
      selection.answered = [top.intent]
      selection.confidence = top.confidence
      return selection
    }
    if let previous = context?.lastQuestion,
      let followUp = index.matches(for: whole, context: analyzer.analyze(previous).stems, limit: 1)
        .first,
      followUp.confidence >= Self.answerThreshold
    {
      selection.answered = [followUp.intent]
      selection.confidence = followUp.confidence
      selection.candidates = [followUp] + selection.candidates
      return selection
    }
    if let top, top.confidence >= Self.answerThreshold {
      selection.answered = [top.intent]
      selection.confidence = top.confidence
      return selection
    }
    selection.confidence = top?.confidence ?? 0
    selection.suggestions = matches.filter { $0.confidence >= Self.suggestThreshold }.prefix(3)
      .map(\.intent)
    return selection
  }

  /// Splits tokens into candidate questions at clause punctuation and joining words.
  func splitQuestions(_ tokens: [Token]) -> [[Token]] {
    var parts: [[Token]] = [[]]
    for token in tokens {
      if token.isPunctuation || knowledge.lexicon.questionJoiners.contains(token.word) {
        if !(parts.last?.isEmpty ?? true) { parts.append([]) }
      } else {
        parts[parts.count - 1].append(token)
      }
    }
    return parts.filter { !$0.isEmpty }
  }

  /// Whether a line is a short follow-up such as "and heat?" or "how long?" after a topic.
  func isBareFollowUp(_ analyzed: AnalyzedText, _ context: DialogueContext?) -> Bool {
    guard context?.lastIntent != nil else { return false }
    let words = analyzed.tokens.filter { !$0.isPunctuation }.map(\.word)
    guard let first = words.first, words.count <= 4 else { return false }
    return knowledge.lexicon.followUpCues.contains(first)
  }
}
