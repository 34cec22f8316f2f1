/// Puts a reply's text together: the action for any red flag first, then the answers, then
/// what to watch for, or a fallback when nothing matched.
extension Responder {
  func compose(
    question: String, triage: TriageResult, answered: [String], suggestions: [String],
    confidence: Double, emergencyNumber: String, region: String? = nil,
    explanation: Explanation, isBareAnswer: Bool = false, isConversation: Bool = false
  ) -> Reply {
    var blocks: [ReplyFragment] = []
    var cited: [String] = []  // intent ids whose sources the reply rests on
    var steps: [String] = []
    let active = triage.active

    // By index: binding each finding would copy it.
    for index in active.indices {
      let id = active[index].intent
      if let prepared = preparedBlock(of: id, emergencyNumber: emergencyNumber, region: region) {
        blocks.append(prepared.text)
        cited.append(prepared.id)
        continue
      }
      guard let intent = intentsByID[id], let flag = intent.redFlag else { continue }
      let action = Region.fill(
        flag.action, emergencyNumber: emergencyNumber, region: region, in: knowledge.lexicon)
      blocks.append(ReplyFragment(Self.redFlagBlock(of: intent, flag, action: action)))
      cited.append(intent.id)
    }
    // Below an urgent level every answer may follow, so the intent is not copied out to ask.
    let shown = answered.filter { id in
      triage.level < .urgent
        ? intentsByID.contains(id)
        : intentsByID[id].map { allowsAnswer($0, at: triage.level) } ?? false
    }
    var heldBack: [String] = []
    for id in shown {
      // In a conversation a long answer stops after its short part; "more" gives the rest. A
      // one-shot reply has no next line to ask with, so it prints the whole answer.
      guard let answer = answers[id] else { continue }
      let short = isConversation ? answer.short : nil
      var block = short ?? answer.full
      if shown.count > 1 {
        block = ReplyFragment("\(answer.title): ")
        block.append(short ?? answer.full)
      }
      if short != nil {
        block.append(Self.moreNote)
        heldBack.append(id)
      }
      if let walkthrough = answer.walkthrough {
        steps += walkthrough.steps
        block.append(Self.lineBreak)
        block.append(walkthrough.text)
      }
      blocks.append(block)
      cited.append(id)
    }
    // An answer that is not sure offers the next intents on one line, answerable by number.
    if !shown.isEmpty && !suggestions.isEmpty && active.isEmpty {
      let options = suggestions.enumerated().map { offset, id in
        "\(offset + 1)) \(intentsByID.withValue(of: id) { $0.title } ?? id)"
      }
      blocks.append(
        ReplyFragment(
          "Or did you mean: \(options.joined(separator: "  "))? (answer with the number)"))
    }
    for finding in triage.negated {
      guard let intent = intentsByID[finding.intent], let flag = intent.redFlag,
        let watch = flag.watch
      else { continue }
      blocks.append(
        ReplyFragment(finding.isNegated ? "You said no \(flag.symptom). \(watch)" : watch))
      cited.append(intent.id)
    }
    var titles: [String] = []
    for id in cited {
      for title in sourceTitles[id] ?? [] where !titles.contains(title) { titles.append(title) }
    }
    if blocks.isEmpty || (shown.isEmpty && active.isEmpty) {
      let fallback =
        isBareAnswer
        ? (
          text: "That reads like an answer, but no question of mine is waiting for one. "
            + "Ask me a question about your back spasm, or type 'topics' to see what I can "
            + "answer.", citations: [String]()
        ) : fallbackBlock(question: question, suggestions: suggestions)
      blocks.append(ReplyFragment(fallback.text))
      for title in Self.documentTitles(of: fallback.citations, in: titlesByDocument)
      where !titles.contains(title) {
        titles.append(title)
      }
    }
    let text = ReplyFragment.joined(blocks, separator: Self.paragraphBreak)
    var reply = Reply(
      question: question, triage: triage.level, intents: active.map(\.intent) + shown,
      text: text.text, sources: titles, disclaimer: disclaimer,
      confidence: (confidence * 100).rounded() / 100, steps: steps, suggestions: suggestions,
      findings: triage.findings, explanation: explanation)
    reply.escaped = Reply.EscapedFields(text: text.escaped, disclaimer: escapedDisclaimer)
    reply.heldBack = heldBack
    // A plain loop: a lazy sequence's closure would hold a copy of the whole responder.
    for index in active.indices {
      if let confirms = confirmations[active[index].intent] {
        reply.asksAbout = confirms
        break
      }
    }
    return reply
  }

  /// What goes between the blocks of a reply, within a block and after a held-back answer.
  static let paragraphBreak = ReplyFragment("\n\n")
  static let lineBreak = ReplyFragment("\n")
  static let moreNote = ReplyFragment("\n(More on this: type 'more'.)")

  /// Whether an answer may follow a red flag of this level: after an emergency nothing does;
  /// after an urgent one, no exercise and nothing from the self-care groups the lexicon names
  /// (ice, heat, first aid), only a separate question such as driving or work.
  func allowsAnswer(_ intent: Intent, at level: TriageLevel) -> Bool {
    switch level {
    case .emergency: false
    case .urgent:
      intent.exercise == nil && !knowledge.lexicon.selfCareGroups.contains(intent.group)
        && !knowledge.lexicon.selfCareIntents.contains(intent.id)
    case .routine, .none: true
    }
  }

  /// A red-flag intent's block of a reply: the action line, what to tell, and the answer.
  static func redFlagBlock(of intent: Intent, _ flag: RedFlag, action: String) -> String {
    var block = "\(label(flag.level)): \(action)"
    if let tell = flag.tell { block += "\nTell them: \(tell)" }
    block += "\n" + intent.answer
    return block
  }

  /// The word that heads an action line for a level.
  static func label(_ level: TriageLevel) -> String {
    switch level {
    case .emergency: "EMERGENCY"
    case .urgent: "URGENT"
    case .routine: "SEE A PROVIDER"
    case .none: "NOTE"
    }
  }
}

extension Responder {
  /// A red-flag action filled by `preparing(emergencyNumber:region:)`, when it was prepared for
  /// this number and region.
  /// A red-flag intent's whole block, with its id, when the actions were prepared for this
  /// number and region.
  fileprivate func preparedBlock(of id: String, emergencyNumber: String, region: String?)
    -> (id: String, text: ReplyFragment)?
  {
    // Read through the optional in place: binding it would copy the tables it holds.
    guard let number = preparedActions?.emergencyNumber, number == emergencyNumber,
      preparedActions?.region == region
    else { return nil }
    return preparedActions?.blocks[id]
  }

  /// Suggestions when unsure; else the closest corpus passage; else what Backtalk covers.
  fileprivate func fallbackBlock(question: String, suggestions: [String]) -> (
    text: String, citations: [String]
  ) {
    if !suggestions.isEmpty {
      let options = suggestions.enumerated().map { offset, id in
        "\(offset + 1)) \(intentsByID[id]?.title ?? id)"
      }
      return (
        // The scope is said too: a line about something else learns what Backtalk is for.
        "I'm not sure I understood. I answer questions about back spasms; did you mean "
          + "\(options.joined(separator: "  "))? "
          + "Answer with a number, or ask again in other words.", []
      )
    }
    if let best = passageIndex.matches(for: analyzer.analyze(question), limit: 1).first,
      best.confidence >= Self.passageThreshold,
      let (document, passage) = knowledge.passage(forCitation: best.intent)
    {
      return (
        "I have no ready answer for that. This excerpt from \"\(document.title)\" "
          + "(\(passage.heading)) may help:\n\(passage.text)", [best.intent]
      )
    }
    let groups = orderedGroups().prefix(8).joined(separator: ", ")
    let scope = groups.isEmpty ? "" : ": \(groups)"
    return (
      "I can only help with back spasms and back pain\(scope). "
        + "Type 'topics' to see everything I can answer.", []
    )
  }

  /// The topic groups, in the order the knowledge lists them, without the group of small
  /// talk (the one the disclaimer is in).
  fileprivate func orderedGroups() -> [String] {
    let smallTalk = intentsByID[Knowledge.disclaimerIntentID]?.group
    var groups: [String] = []
    for intent in knowledge.intents
    where intent.redFlag == nil && intent.group != smallTalk && !groups.contains(intent.group) {
      groups.append(intent.group)
    }
    return groups.map { $0.lowercased() }
  }
}
