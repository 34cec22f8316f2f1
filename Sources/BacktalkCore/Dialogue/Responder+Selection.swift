/// Which intents a question asks about: whole, split into several questions, or as a follow-up.
struct Selection {
  var answered: [String] = []
  /// Numbered options: the whole reply when unsure, or "Or did you mean" after an answer.
  var suggestions: [String] = []
  var confidence = 0.0
  var candidates: [Match] = []
  var parts: [String] = []
  /// The kinds of question the line asks, which ranked the intents; sorted by name only
  /// for an explanation (`asks`), as most replies have none.
  var askKinds: Set<String> = []
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

  /// Whether a line is only a number or a short answer ("3", "yes", "no thanks", "ok"): it
  /// means something only when suggestions or a walkthrough are waiting for it.
  func isShortAnswer(_ analyzed: AnalyzedText) -> Bool {
    // Most lines are longer: told by counting, without copying their words.
    guard analyzed.tokens.count(where: { !$0.isPunctuation }) <= 3 else { return false }
    let words = analyzed.tokens.filter { !$0.isPunctuation }.map(\.word)
    guard !words.isEmpty, words.count <= 3 else { return false }
    let answers = ["yes", "pain_no", "pain_fine"].reduce(into: Set<String>()) {
      $0.formUnion(knowledge.lexicon.answerWords[$1] ?? [])
    }
    return words.allSatisfy { word in
      answers.contains(word) || (!word.isEmpty && word.allSatisfy { $0.isNumber || $0 == "." })
    }
  }

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
  ///
  /// A topic word used in another sense ("ice skates") counts for nothing; when the line then
  /// names no topic's keyword and no symptom (`mentionsSymptoms`), it is about something else.
  func select(
    _ analyzed: AnalyzedText, excluding findings: [Finding], mentionsSymptoms: Bool,
    context: DialogueContext?
  ) -> Selection {
    var remaining = analyzed
    // Drop openers such as "hey, quick question:" when something else follows.
    let openers = selectionWords.openers
    func isOpener(_ token: Token) -> Bool {
      token.isPunctuation || token.isOne(of: openers)
    }
    var dropped = 0
    while dropped < remaining.tokens.count, isOpener(remaining.tokens[dropped]) { dropped += 1 }
    let hasMore = remaining.tokens[dropped...].contains {
      !selectionWords.stopStems.containsStem(of: $0)
    }
    if !hasMore { dropped = 0 }
    let otherSenses = otherSensePositions(analyzed.tokens)
    // Most lines drop nothing and keep their tokens as they are.
    if dropped > 0 || !otherSenses.isEmpty || findings.contains(where: { !$0.range.isEmpty }) {
      // The positions a finding or another sense covers, one flag per token (a set hashed each
      // position).
      var flagged = [Bool](repeating: false, count: analyzed.tokens.count)
      for position in otherSenses where position < flagged.count { flagged[position] = true }
      for index in findings.indices {
        for position in findings[index].range where position < flagged.count {
          flagged[position] = true
        }
      }
      var kept: [Token] = []
      kept.reserveCapacity(analyzed.tokens.count - dropped)
      for (offset, token) in analyzed.tokens.enumerated()
      where offset >= dropped && !flagged[offset] {
        kept.append(token)
      }
      remaining.tokens = kept
    }
    var selection = select(remaining, context: context)
    if !otherSenses.isEmpty, !mentionsSymptoms,
      let unknownTopic = knowledge.lexicon.unknownTopicIntent,
      !index.holdsKeyword(remaining)
    {
      selection.answered = [unknownTopic]
      selection.suggestions = []
    }
    if !mentionsSymptoms, let unknownTopic = knowledge.lexicon.unknownTopicIntent,
      isAboutSomethingElse(remaining.tokens)
    {
      selection.answered = [unknownTopic]
      selection.suggestions = []
    }
    // Beside a red flag, only a confident answer to words that say something ("my back is in
    // spasm" says nothing the warning does not) is worth the reader's time.
    if findings.contains(where: { $0.counts }),
      selection.confidence < Self.besideRedFlagThreshold || !index.isInformative(remaining)
    {
      selection.answered = []
      selection.suggestions = []
    }
    return selection
  }

  /// The positions of topic words used in another sense, and of the neighbours that show it: a
  /// topic word (`other_senses`) with such a neighbour within `otherSenseReach` words of its
  /// clause, stopwords not counted ("best ice skates", "is my heat pump worth servicing").
  func otherSensePositions(_ tokens: [Token]) -> Set<Int> {
    var positions = Set<Int>()
    guard otherSenses.count > 0 else { return positions }
    // Each position tries only the topics that start with its stem; the positions gather in a
    // set, so the order they are found in makes no difference.
    for start in tokens.indices {
      guard otherSenseStarts.containsStem(of: tokens[start]),
        let senses = otherSenses[tokens[start].stem]
      else { continue }
      for (topic, others, typed) in senses {
        guard start + topic.count <= tokens.count,
          zip(topic.indices, start...).allSatisfy({ tokens[$1].stem == topic[$0] })
        else { continue }
        let end = start + topic.count
        // The neighbour that shows the sense, up to `otherSenseReach` words away, stopwords not
        // counted; it says nothing of a topic either ("car" of "car wipers").
        func neighbour(_ range: some Sequence<Int>) -> Int? {
          var words = 0
          for position in range {
            if tokens[position].isBreak { return nil }
            if others.contains(tokens[position].stem) { return position }
            if !typed.isEmpty, let word = tokens[position].typed, typed.contains(word) {
              return position
            }
            if !selectionWords.stopStems.containsStem(of: tokens[position]) { words += 1 }
            if words >= Self.otherSenseReach { return nil }
          }
          return nil
        }
        let before = stride(from: start - 1, through: 0, by: -1)
        if let found = neighbour(before) ?? neighbour(end..<tokens.count) {
          positions.formUnion(start..<end)
          positions.insert(found)
        }
      }
    }
    return positions
  }

  func select(_ analyzed: AnalyzedText, context: DialogueContext?) -> Selection {
    var selection = Selection()
    let asking = askKinds(in: analyzed.tokens)
    selection.askKinds = asking.kinds
    let matches = index.matches(for: analyzed, kinds: asking.kinds)
    selection.candidates = Array(matches.prefix(3))
    let top = matches.first

    let parts = splitQuestions(analyzed.tokens, asking: asking)
    if parts.count > 1 {
      var answered: [String] = []
      var confidences: [Double] = []
      var previous: [Token] = []
      // A statement about oneself that asks nothing ("i took a muscle relaxant", "i was lifting
      // my toddler and my back seized") before a part that asks something is the story behind
      // the question: it is read as the question's context, not answered on its own.
      let partKinds = parts.map { askKinds(in: $0) }
      // A part that asks nothing and tells what happened or how the writer is sets the
      // scene; one that opens as a question asks ("how do i sneeze without it seizing up").
      let setsScene = parts.indices.map { position in
        !partKinds[position].hasStarts
          && parts[position].first.map { !$0.isOne(of: selectionWords.questionOpeners) } ?? true
          && (tellsStory(parts[position]) || describesState(parts[position]))
      }
      var story: [String] = []
      var toldStory = false
      // Whether the last part answered names a thing the knowledge has no word for.
      var namesUnknownThing = false
      // A part is tried when its words tell topics apart, or when it asks something in words
      // the knowledge knows, however common ("what is a spasm and why does it hurt").
      for (position, part) in parts.enumerated() {
        // A part asking what a thing the articles never name does gets the honest answer.
        if knowledge.lexicon.uncoveredTopicIntent != nil, asksAboutAnUnnamedThing(part),
          let uncovered = unknownThingIntent(analyzed.tokens), !answered.contains(uncovered)
        {
          answered.append(uncovered)
          confidences.append(1)
          story = []
          continue
        }
        // Told from the tokens in place, as `isInformative` of their stems tells it, without
        // a throwaway array of stems.
        guard
          part.contains(where: { index.isInformative($0) })
            || asksAboutKnownWords(part, partKinds[position])
        else { continue }
        let stems = part.map(\.stem)
        let isShort = part.count(where: { !selectionWords.stopStems.containsStem(of: $0) }) <= 3
        defer { previous = part }
        let asking = partKinds[position]
        // It is the context of a later part that asks, or of a short last part that names
        // what it asks about: "... then my back twinged when i sat down. heat or ice for a
        // spasm" asks about heat or ice only.
        if setsScene[position],
          parts.indices.dropFirst(position + 1).contains(where: {
            partKinds[$0].hasStarts
              || $0 == parts.count - 1 && !setsScene[$0]
                && parts[$0].count(where: { index.isInformative($0) }) <= 3
          })
        {
          story += stems
          toldStory = true
          continue
        }
        let context = story
        story = []
        // The best intent not answered yet, found by words of this part itself, with its
        // confidence worked out against the next intent not answered yet.
        func best(_ words: [Token], context: [String] = [], withBefore: Bool = false) -> Match? {
          let all = index.matches(
            forStemsOf: words, context: context, limit: 4, kinds: asking.kinds)
          // A part whose own best match is a topic already answered asks about that topic
          // again ("can i drive to the pool and go for a swim"), not about the runner-up; read
          // with the part before, a short part asks what is next to it ("ice or heat? and how
          // long?" asks how long to ice).
          let open = all.filter { !answered.contains($0.intent) }
          guard var found = open.first else { return nil }
          if let first = all.first, answered.contains(first.intent) {
            guard withBefore else { return nil }
            // What the part adds must be what the runner-up explains and the answered topic
            // does not: "how long" for how long to ice.
            let added = found.matchedStems.filter {
              stems.contains($0) && !first.matchedStems.contains($0)
            }
            guard added.contains(where: { index.isInformative($0) }) else { return nil }
          }
          found.confidence = index.confidence(of: found, over: open.dropFirst().first)
          return found.confidence >= Self.answerThreshold
            && found.matchedStems.contains(where: stems.contains) ? found : nil
        }
        // A short part is asked together with the part before ("ice or heat? and how long?"
        // asks how long to ice), unless only on its own it asks something ("ice or heat and
        // can i drive"). After a story, the question is read on its own first ("lifted a box
        // and my back locked, what now" asks what to do now, not about lifting), and with the
        // story as context when it is not clear alone.
        let found =
          context.isEmpty
          ? (isShort ? best(previous + part, withBefore: true) : nil) ?? best(part)
          : best(part) ?? best(part, context: context)
        guard let found else { continue }
        // Only an out-of-scope answer asks whether the part names anything outside the
        // knowledge: one that names nothing ("who's right?") is no question about something
        // else beside the others.
        let namesThing =
          found.intent == knowledge.lexicon.unknownTopicIntent
          && part.contains { !$0.isPunctuation && isUnnamedThing($0) }
        if found.intent == knowledge.lexicon.unknownTopicIntent, !namesThing, !answered.isEmpty {
          continue
        }
        answered.append(found.intent)
        confidences.append(found.confidence)
        namesUnknownThing = namesThing
      }
      // "ice and heat" is one question when the whole line has a confident intent of its own
      // that none of the parts found, and it is sure of it or surer than of any part's answer
      // ("what is a spasm and why does it hurt" is two questions, whatever the whole resembles).
      let wholeIsOwnTopic =
        top.map {
          $0.confidence >= Self.answerThreshold && !answered.contains($0.intent)
            && ($0.confidence >= Self.sureThreshold || $0.confidence >= (confidences.max() ?? 0))
        } ?? false
      // After a story, a bare question ("... out of the crib is agony. any tips?") that its own
      // words answer less surely than the whole line's sure answer asks about the story; a
      // question about something not covered ("what chemicals do i need") stays so, but one
      // that names nothing ("who's right?") asks about the story.
      let storyIsTheTopic =
        toldStory && answered.count == 1
        && (answered[0] != knowledge.lexicon.unknownTopicIntent || !namesUnknownThing)
        && answered[0] != knowledge.lexicon.uncoveredTopicIntent
        && top.map { top in
          top.confidence >= Self.sureThreshold && top.confidence > (confidences.max() ?? 0)
            && !answered.contains(top.intent)
        } ?? false
      if answered.count > 1 && !wholeIsOwnTopic
        || toldStory && !answered.isEmpty && !storyIsTheTopic
      {
        selection.answered = answered
        selection.confidence = confidences.min() ?? 0
        selection.parts = parts.map {
          typedText($0)
        }
        return selection
      }
    }

    // "physio or chiro" asks about both, each a topic of its own; "ice or heat" stays one
    // topic, which the whole line's answer explains on both sides.
    if parts.count <= 1, let listed = listedTopics(analyzed.tokens, kinds: asking.kinds, whole: top)
    {
      selection.answered = listed.map(\.intent)
      selection.confidence = listed.map(\.confidence).min() ?? 0
      selection.parts = listed.map(\.part)
      return selection
    }
    if parts.count <= 1,
      let pair = alternativeTopics(analyzed.tokens, kinds: asking.kinds, whole: top)
    {
      selection.answered = pair.map(\.intent)
      selection.confidence = pair.map(\.confidence).min() ?? 0
      selection.parts = pair.map(\.part)
      return selection
    }
    // "does turmeric help with back spasms": the thing asked about is one the articles never
    // name, so they don't cover it, whatever its other words match; the match stays an offer.
    if parts.count <= 1, knowledge.lexicon.uncoveredTopicIntent != nil,
      asksAboutAnUnnamedThing(analyzed.tokens), let uncovered = unknownThingIntent(analyzed.tokens)
    {
      selection.answered = [uncovered]
      selection.confidence = top?.confidence ?? 0
      selection.suggestions = Array(
        matches.filter { $0.confidence >= Self.suggestThreshold && $0.intent != uncovered }
          .prefix(Self.alternativeCount).map(\.intent))
      return selection
    }
    if let top, top.confidence >= Self.answerThreshold, !isBareFollowUp(analyzed, context) {
      selection.answered = [top.intent]
      selection.confidence = top.confidence
      selection.suggestions = alternatives(to: top, in: matches)
      return selection
    }
    if let previous = context?.lastQuestion,
      let followUp = index.matches(
        for: analyzed, context: analyzer.analyze(previous).stems, limit: 1
      )
      .first,
      followUp.confidence >= Self.answerThreshold,
      // The follow-up's topic must explain some word of the line itself ("at night" is not
      // about the hot tub just because the hot tub came before).
      index.isInformative(followUp.matchedStems)
    {
      selection.answered = [followUp.intent]
      selection.confidence = followUp.confidence
      // `why` lists each intent once: the follow-up first, then the others as they ranked.
      selection.candidates =
        [followUp] + selection.candidates.filter { $0.intent != followUp.intent }
      return selection
    }
    if let top, top.confidence >= Self.answerThreshold {
      selection.answered = [top.intent]
      selection.confidence = top.confidence
      selection.suggestions = alternatives(to: top, in: matches)
      return selection
    }
    selection.confidence = top?.confidence ?? 0
    selection.suggestions = matches.filter { $0.confidence >= Self.suggestThreshold }.prefix(3)
      .map(\.intent)
    // A line whose telling words are all unknown asks about something the knowledge does not
    // cover ("can i get a tattoo"): it gets the honest answer, and the guesses stay as offers.
    if let unknownTopic = unknownThingIntent(analyzed.tokens),
      namesOnlyUnknownThings(analyzed, outside: asking)
    {
      selection.answered = [unknownTopic]
      selection.suggestions = Array(
        selection.suggestions.filter { $0 != unknownTopic }.prefix(Self.alternativeCount))
    }
    return selection
  }

  /// Whether a line shares a topic word with the knowledge but is about something else: none
  /// of its words is of the back spasm's world (`on_topic_words`), and the real words neither
  /// the examples nor the articles hold ("pitcher", "margaritas"; at least two) are as many as
  /// the known words that tell topics apart ("ice"). "can i drive?" holds no unknown word; "hot tub ok
  /// with a spasm?" holds "spasm".
  func isAboutSomethingElse(_ tokens: [Token]) -> Bool {
    // Counted in halves, so that a word of no list can count half.
    let onTopic = selectionWords.onTopicWords
    var unknown = 0
    var telling = 0
    for token in tokens where !token.isPunctuation {
      if token.isOne(of: onTopic) { return false }
      // A phrase folded by a synonym into an on-topic word: "put my back out".
      if let typed = token.typed, typed.contains(" "),
        selectionWords.onTopicStems.containsWord(of: token)
      {
        return false
      }
      if selectionWords.stopStems.containsStem(of: token) || token.stem.allSatisfy(\.isNumber) {
        continue
      }
      if index.knows(token) {
        if index.isTelling(token) { telling += 1 }
      } else {
        unknown += unseenWeight(of: token)
      }
    }
    return unknown >= 4 && unknown >= 2 * telling
  }

  /// The intent for a line that names things the knowledge has no word for: the
  /// uncovered-topic answer when the line is in the back spasm's world ("can i get a tattoo
  /// with a back spasm"), the out-of-scope one otherwise ("can i get a tattoo", "how do i get
  /// my deposit back": `weak_on_topic_words` alone don't count).
  func unknownThingIntent(_ tokens: [Token]) -> String? {
    let lexicon = knowledge.lexicon
    if let uncovered = lexicon.uncoveredTopicIntent,
      tokens.indices.contains(where: { isOnTopic(tokens, at: $0) })
    {
      return uncovered
    }
    return lexicon.unknownTopicIntent
  }

  /// Whether the token at a position puts a line about an unknown thing in the back spasm's
  /// world: an on-topic word (`on_topic_words`), but one with an everyday sense as well
  /// (`weak_on_topic_words`: "get my deposit back") only as the writer's ("my back").
  func isOnTopic(_ tokens: [Token], at position: Int) -> Bool {
    let token = tokens[position]
    return token.isOne(of: selectionWords.strongOnTopicWords)
      || token.isOne(of: selectionWords.onTopicWords) && position > 0
        && tokens[position - 1].isOne(of: selectionWords.firstPerson)
  }

  /// Whether a line asks what a thing the articles never name does to the back: "does
  /// turmeric help with back spasms", "could orthotic insoles in my shoes stop my back going
  /// into spasm". The thing is the first run of words after a yes-or-no opener, up to a small
  /// word ("in", "at", "that"); an effect word (`effect_words`) must follow it in its clause,
  /// and one of its words must be one neither the examples nor the articles hold, a real word
  /// or a long name, not a slip of one, nor a word naming a kind of the topic word before it
  /// ("a thermacare wrap" is heat).
  func asksAboutAnUnnamedThing(_ tokens: [Token]) -> Bool {
    // "should i chuck a sickie" asks about doing something, not what a thing does.
    guard let first = tokens.firstIndex(where: { !$0.isPunctuation }),
      tokens[first].isOne(of: selectionWords.yesNoOpeners), first + 1 < tokens.count,
      !tokens[first + 1].isOne(of: selectionWords.firstPerson)
    else { return false }
    var position = first + 1
    while position < tokens.count, !tokens[position].isBreak,
      selectionWords.stopStems.containsStem(of: tokens[position])
    {
      position += 1
    }
    var unnamed = false
    var head: Token?
    while position < tokens.count, !tokens[position].isBreak,
      !selectionWords.stopStems.containsStem(of: tokens[position]),
      !tokens[position].isOne(of: selectionWords.effectWords)
    {
      let token = tokens[position]
      if !index.isInformative(tokens[position - 1]), isUnnamedThing(token) { unnamed = true }
      head = token
      position += 1
    }
    // A topic's keyword ends the thing, so it is a kind of that topic: "a wonky pelvis".
    guard unnamed, let head, !index.holdsKeyword(stemsOf: CollectionOfOne(head)) else {
      return false
    }
    return tokens[position...].prefix { !$0.isBreak }.contains {
      $0.isOne(of: selectionWords.effectWords)
    }
  }

  /// Whether a token is a word that no topic's examples and no article hold (`isCovered`): a
  /// real word or a name long enough not to be slang ("turmeric", "botox"), or a slip
  /// corrected into a word only red-flag wording or the guidance holds; not a number.
  func isUnnamedThing(_ token: Token) -> Bool {
    guard !token.isBreak, !selectionWords.stopStems.containsStem(of: token),
      token.word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A })
    else { return false }
    guard !isCovered(token.stem) else { return false }
    // A slip counts as the word it was corrected into only when the knowledge holds that word
    // ("smoing" as the guidance's "smoking"); a correction into a word of no list is a guess.
    guard token.typed == nil else {
      return index.knows(token) || passageIndex.knows(token)
    }
    return isRealWord(token.word) || token.word.utf8.count >= Self.slipLength
  }

  /// Whether the articles cover a stem as a topic: a topic's example or keyword holds it, or a
  /// passage of an article does. Red-flag wording, the out-of-scope and not-covered examples
  /// and the safety guidance (`guidance_documents`) do not count ("smoking", "caffeine").
  func isCovered(_ stem: String) -> Bool {
    let guidance = knowledge.lexicon.guidanceDocuments
    return index.isPosted(stem) { !uncoveringIntents.contains($0) }
      || passageIndex.isPosted(stem) { passage in
        // A passage's id is its document's, "#", and its anchor: compared in place.
        let document = passage.utf8.prefix { $0 != UInt8(ascii: "#") }
        return !guidance.contains { $0.utf8.elementsEqual(document) }
      }
  }

  /// How much a word that neither the examples nor the articles hold says a line is about
  /// something they don't name: 2 for a real word, 1 for one of no list long enough to be a
  /// slip of one ("scrathy") or a name ("botox"), 0 for a short one ("tbh", "hrs"), most likely
  /// slang, or a word the knowledge holds.
  func unseenWeight(of token: Token) -> Int {
    guard !index.knows(token), !passageIndex.knows(token) else { return 0 }
    let typed = token.typed ?? token.word
    return isRealWord(typed) ? 2 : typed.utf8.count >= Self.slipLength ? 1 : 0
  }

  /// Whether a word is in the real-word lists (`Lexicon/*.txt`): a word of English, not a typo.
  func isRealWord(_ word: String) -> Bool {
    knowledge.lexicon.realWords.contains(word) || knowledge.lexicon.commonWords.contains(word)
  }

  /// Whether the words of a line that say what it is about, outside its asking phrases, hold
  /// one the knowledge has never seen and none it knows that tells one topic from another
  /// ("can i get a tattoo with a back spasm": "tattoo" unknown, "back" and "spasm" common).
  func namesOnlyUnknownThings(_ analyzed: AnalyzedText, outside asking: Asking) -> Bool {
    let content = analyzed.tokens.enumerated().filter { position, token in
      !token.isPunctuation && !asking.covers(position)
        && !selectionWords.stopStems.containsStem(of: token)
        && !token.stem.hasPrefix("#") && !token.stem.allSatisfy(\.isNumber)
    }.map(\.element)
    return content.contains { !index.knows($0) } && !content.contains { index.isInformative($0) }
  }

  /// The two topics a line offers as alternatives ("massage or a hot tub", "cat stretch or knee
  /// to chest"): the words either side of an "or" (`alternative_joiners`)
  /// within their clause, each answered confidently on its own words by a different intent,
  /// and the whole line's answer not explaining telling words of both sides (as "ice or heat"
  /// does).
  /// A side that says what is not wrong ("no numbness in my arms or legs") offers nothing.
  func alternativeTopics(
    _ tokens: [Token], kinds: Set<String>, whole: Match?
  ) -> [(intent: String, confidence: Double, part: String)]? {
    let joiners = selectionWords.alternativeJoiners
    let negations = selectionWords.negationCues
    // Most lines hold no "or": they are told by one pass, before anything is built.
    guard tokens.contains(where: { joiners.containsWord(of: $0) }) else { return nil }
    func isEdge(_ token: Token) -> Bool { token.isBreak || joiners.containsWord(of: token) }
    let explained = Set(whole?.matchedStems.filter(index.isInformative) ?? [])
    func telling(_ side: ArraySlice<Token>) -> Set<String> {
      Set(side.filter { index.isInformative($0) && !$0.stem.allSatisfy(\.isNumber) }.map(\.stem))
    }
    for joint in tokens.indices where joiners.containsWord(of: tokens[joint]) {
      var start = joint
      while start > 0 && !isEdge(tokens[start - 1]) { start -= 1 }
      var end = joint + 1
      while end < tokens.count && !isEdge(tokens[end]) { end += 1 }
      let sides = [tokens[start..<joint], tokens[(joint + 1)..<end]]
      guard
        sides.allSatisfy({ side in !side.contains { negations.containsWord(of: $0) } }),
        sides.contains(where: { telling($0).isDisjoint(with: explained) })
      else { continue }
      var found: [(intent: String, confidence: Double, part: String)] = []
      for side in sides {
        let words = telling(side)
        guard !words.isEmpty else { break }
        let open = index.matches(forStemsOf: side, limit: 2, kinds: kinds)
        guard var best = open.first, !found.contains(where: { $0.intent == best.intent }),
          !words.isDisjoint(with: best.matchedStems)
        else { break }
        best.confidence = index.confidence(of: best, over: open.dropFirst().first)
        guard best.confidence >= Self.answerThreshold else { break }
        found.append(
          (best.intent, best.confidence, typedText(side)))
      }
      if found.count == 2 { return found }
    }
    return nil
  }

  /// The topics a line lists clause by clause ("heat or ice, walking or resting?", "overhead
  /// reach reps, knee lift reps"): every clause with telling words answered confidently on its
  /// own words by an intent of its own, and the whole line's answer not explaining all the
  /// telling words of every clause. A clause with words that say something, tell a story or say what
  /// is fine ("no numbness, just stiff") makes the line one question.
  func listedTopics(
    _ tokens: [Token], kinds: Set<String>, whole: Match?
  ) -> [(intent: String, confidence: Double, part: String)]? {
    guard tokens.contains(where: \.isComma) else { return nil }
    var clauses: [ArraySlice<Token>] = []
    var start = 0
    for position in tokens.indices where tokens[position].isBreak {
      if position > start { clauses.append(tokens[start..<position]) }
      start = position + 1
    }
    if start < tokens.count { clauses.append(tokens[start...]) }
    func telling(_ clause: ArraySlice<Token>) -> Set<String> {
      Set(clause.filter { index.isInformative($0) && !$0.stem.allSatisfy(\.isNumber) }.map(\.stem))
    }
    let asked = clauses.map { (clause: $0, telling: telling($0)) }.filter { !$0.telling.isEmpty }
    guard asked.count >= 2 else { return nil }
    let explained = Set(whole?.matchedStems ?? [])
    if asked.allSatisfy({ $0.telling.isSubset(of: explained) }) { return nil }
    let joiners = selectionWords.alternativeJoiners
    var found: [(intent: String, confidence: Double, part: String)] = []
    for (clause, tellingWords) in asked {
      let words = Array(clause)
      // Each clause names its topics and nothing more: alternatives ("heat or ice") or bare
      // words ("knee lift reps"); a clause that says something ("coughing makes it worse")
      // belongs with the rest of the line.
      guard
        words.allSatisfy({
          !selectionWords.stopStems.containsStem(of: $0) || joiners.containsWord(of: $0)
        }),
        !tellsStory(words), !describesState(words)
      else { return nil }
      let open = index.matches(forStemsOf: words, limit: 2, kinds: kinds)
      guard var best = open.first, !found.contains(where: { $0.intent == best.intent }),
        !tellingWords.isDisjoint(with: best.matchedStems)
      else { return nil }
      best.confidence = index.confidence(of: best, over: open.dropFirst().first)
      guard best.confidence >= Self.answerThreshold else { return nil }
      found.append(
        (best.intent, best.confidence, typedText(words)))
    }
    return found
  }

  /// What an answer that is not sure offers beside it ("Or did you mean"): the next intents
  /// that are worth a suggestion, none when the answer is sure.
  func alternatives(to top: Match, in matches: [Match]) -> [String] {
    guard top.confidence < Self.sureThreshold else { return [] }
    return matches.dropFirst().filter { $0.confidence >= Self.suggestThreshold }
      .prefix(Self.alternativeCount).map(\.intent)
  }

  /// The kinds of question a line asks (`ask_kinds`), and where each asking phrase starts.
  func askKinds(in tokens: [Token]) -> Asking {
    var asking = Asking()
    for start in tokens.indices where askCueStarts.containsWord(of: tokens[start]) {
      // The cues are read where they stand and compared word by word: binding each cue copied
      // its kind and words, and `zip` retained both sides, about 250 instructions a cue.
      _ = askCues.withValue(of: tokens[start].word) { cues in
        for cue in cues.indices where start + cues[cue].words.count <= tokens.count {
          let count = cues[cue].words.count
          var offset = 0
          while offset < count && cues[cue].words[offset] == tokens[start + offset].word {
            offset += 1
          }
          if offset == count { asking.add(cues[cue].kind, at: start..<start + count) }
        }
      }
    }
    return asking
  }

  /// Splits tokens into candidate questions at sentence punctuation, joining words, and where a
  /// phrase that asks something starts after words that say something ("my back locked what
  /// now"), so a line reads the same with or without its punctuation.
  func splitQuestions(
    _ tokens: [Token], asking: Asking
  ) -> [[Token]] {
    var parts: [[Token]] = [[]]
    var said = 0  // words of the current part that say something, outside asking phrases
    var partStart = 0
    // A part holds at most the line's tokens, so one allocation serves it, where appending
    // one by one grew it four or five times.
    parts[0].reserveCapacity(tokens.count)
    func newPart() {
      var part: [Token] = []
      part.reserveCapacity(tokens.count)
      parts.append(part)
      said = 0
    }
    var afterComma = false
    for (position, token) in tokens.enumerated() {
      // A comma parts clauses, not questions: where a question follows one, the phrase that
      // asks it splits the line below, exactly as it does when the comma is left out.
      if token.isComma {
        afterComma = true
        // A question listing topics ("can i drive, swim and use the hot tub"): a comma
        // between two clauses that each name a topic's keyword parts them, the first in words
        // that tell topics apart ("which is better for a spasm, advil or paracetamol" is one).
        if let part = parts.last, let opener = part.first,
          opener.isOne(of: selectionWords.questionOpeners),
          index.holdsKeyword(stemsOf: part.lazy.filter { index.isTelling($0) })
        {
          if index.holdsKeyword(stemsOf: tokens[(position + 1)...].prefix { !$0.isBreak }) {
            newPart()
            partStart = position + 1
          }
        }
        continue
      }
      defer { afterComma = false }
      // A comma and then a word that opens a question ("is walking ok, is swimming ok") part
      // two questions, when the part before is a question with words of its own.
      if afterComma, token.isOne(of: selectionWords.yesNoOpeners),
        let part = parts.last, let first = part.first,
        first.isOne(of: selectionWords.questionOpeners),
        part.dropFirst().contains(where: { !selectionWords.stopStems.containsStem(of: $0) })
      {
        newPart()
        partStart = position
      }
      if token.isPunctuation || selectionWords.questionJoiners.containsWord(of: token) {
        if !(parts.last?.isEmpty ?? true) { newPart() }
        partStart = position + 1
        continue
      }
      // A statement followed by a question splits; two questions run together do not (the
      // line is too unclear to cut without its punctuation), unless an "or" offers the second
      // as another question ("is walking ok or should i stay in bed").
      if asking.starts(at: position) {
        let partAsks = (partStart..<position).contains { asking.starts(at: $0) }
        let offered =
          (partAsks || said >= 1) && position > partStart + 1
          && selectionWords.alternativeJoiners.containsWord(of: tokens[position - 1])
        if offered { parts[parts.count - 1].removeLast() }
        // The same asking phrase again after words of its own asks again: "how long ice how
        // long heat", "can i swim can i run".
        let repeated =
          partAsks && said >= 1
          && (partStart..<position).contains {
            asking.starts(at: $0) && tokens[$0].word == token.word
              && position + 1 < tokens.count && $0 + 1 < position
              && tokens[$0 + 1].word == tokens[position + 1].word
          }
        // A question of another opener after a whole question asks again, with or without
        // its punctuation: "what is a back spasm why does it happen how long does it last".
        // The part before must open with its own asking phrase and hold a word of its own
        // besides it.
        let chained =
          partAsks && !repeated && asking.starts(at: partStart)
          && isWhOpener(token) && isWhOpener(tokens[partStart])
          && tokens[partStart].word != token.word
          && (partStart..<position).contains {
            !asking.covers($0) && !tokens[$0].isPunctuation
              && !selectionWords.stopStems.containsStem(of: tokens[$0])
          }
        if said >= 2 && !partAsks || offered || repeated || chained {
          newPart()
          partStart = position
        }
      }
      if !asking.covers(position) && index.isInformative(token) { said += 1 }
      parts[parts.count - 1].append(token)
    }
    return parts.filter { !$0.isEmpty }
  }

  /// Whether a word opens a question that is not yes-or-no: "what", "why", "how".
  func isWhOpener(_ token: Token) -> Bool {
    token.isOne(of: selectionWords.questionOpeners) && !token.isOne(of: selectionWords.yesNoOpeners)
  }

  /// Tokens as the writer typed them, a phrase a synonym made several tokens of once ("hot
  /// bath", not "hot bath hot bath").
  func typedText<Tokens: Collection<Token>>(_ tokens: Tokens) -> String {
    var words: [String] = []
    var last: String?
    for token in tokens {
      let typed = token.typed ?? token.word
      if typed.isEmpty || token.typed != nil && token.typed == last { continue }
      words.append(typed)
      last = token.typed
    }
    return words.joined(separator: " ")
  }

  /// Whether words tell what happened to the writer: a word of the story (`story_words`:
  /// "was", "took", "bent") with their own words ("i", "my"), or first with the "i" left out
  /// ("lifted a box"). "my neck hurts too" and "i need to lift my toddler" say something to
  /// answer; "i took a muscle relaxant" sets the scene.
  func tellsStory(_ tokens: [Token]) -> Bool {
    // The two sets are read where they stand: a copy of the whole lexicon would retain and
    // release every one of its tables (about 6,000 instructions a call).
    let storyWords = selectionWords.storyWords
    let firstPerson = selectionWords.firstPerson
    guard let first = tokens.first(where: { !$0.isPunctuation }) else { return false }
    // A phrase a synonym folded keeps its first typed word: "threw my back out" opens with
    // "threw".
    let firstTyped = first.typed.map { String($0.prefix { $0 != " " }) }
    return first.isOne(of: storyWords) || firstTyped.map(storyWords.contains) == true
      || tokens.contains { $0.isOne(of: firstPerson) }
        && tokens.contains { $0.isOne(of: storyWords) }
  }

  /// Whether a part asks something (any of `ask_kinds`: "what is", "why does", "how long")
  /// about words the knowledge knows, however common ("why does it hurt so much").
  func asksAboutKnownWords(
    _ tokens: [Token], _ asking: Asking
  ) -> Bool {
    guard !asking.kinds.isEmpty else { return false }
    return tokens.enumerated().contains { position, token in
      !asking.covers(position) && !token.isPunctuation
        && !selectionWords.stopStems.containsStem(of: token) && index.knows(token)
    }
  }

  /// Whether words describe how the writer is, asking nothing: a negation or a word that
  /// says what is fine (`reassurance_words`: "no numbness, just stiff", "legs feel normal, no
  /// weakness"). A word that says fine at the very end asks whether it is ("hot tub ok"), and
  /// so does a part that opens as a yes-or-no question (`yes_no_openers`: "is sex ok with this").
  func describesState(_ tokens: [Token]) -> Bool {
    let negationCues = selectionWords.negationCues
    let reassuranceWords = selectionWords.reassuranceWords
    // The words' places among the tokens, where a filtered copy of the tokens retained and
    // released every string they hold.
    var words: [Int] = []
    words.reserveCapacity(tokens.count)
    for place in tokens.indices where !tokens[place].isPunctuation { words.append(place) }
    // "is sex ok with this" asks, however fine its words; "don't want to make it worse" (read
    // as "do not") does not.
    if let first = words.first, tokens[first].isOne(of: selectionWords.yesNoOpeners),
      words.count < 2 || !negationCues.containsWord(of: tokens[words[1]])
    {
      return false
    }
    return words.indices.contains { position in
      negationCues.containsWord(of: tokens[words[position]])
        || position < words.count - 1 && tokens[words[position]].isOne(of: reassuranceWords)
    }
  }

  /// Whether a line is a short follow-up such as "and heat?" or "how long?" after a topic.
  func isBareFollowUp(_ analyzed: AnalyzedText, _ context: DialogueContext?) -> Bool {
    guard context?.lastIntent != nil else { return false }
    let words = analyzed.tokens.filter { !$0.isPunctuation }.map(\.word)
    guard let first = words.first, words.count <= 4, knowledge.lexicon.followUpCues.contains(first)
    else { return false }
    // A word outside the asking phrase that names a topic ("what about sleeping?") makes the
    // line a question of its own; "how long?" and "and then?" only build on the last one.
    let asking = askKinds(in: analyzed.tokens)
    return !analyzed.tokens.enumerated().contains { position, token in
      !token.isPunctuation && !asking.covers(position)
        && !knowledge.lexicon.followUpCues.contains(token.word) && index.isInformative(token)
        && index.matches(forStemsOf: CollectionOfOne(token), limit: 1).first.map {
          $0.confidence >= Self.answerThreshold
        } == true
    }
  }
}
