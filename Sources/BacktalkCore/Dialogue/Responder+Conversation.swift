/// Conversation helpers for the REPL and `--conversation`: related topics and a summary.
extension Responder {
  /// The reply to "more": the details the last answer held back, then the topics related to
  /// it, as numbered suggestions that the next line can pick with "1", "2" or "yes".
  public func relatedReply(to context: DialogueContext, question: String = "more") -> Reply {
    let offer = related(to: context)
    var blocks: [String] = []
    var sources: [String] = []
    // First the details the last answer held back, if any.
    for id in context.heldBack {
      guard let intent = intentsByID[id], let more = intent.more else { continue }
      blocks.append(context.heldBack.count > 1 ? "\(intent.title): \(more)" : more)
      for title in sourceTitles[id] ?? [] where !sources.contains(title) { sources.append(title) }
    }
    if blocks.isEmpty || !offer.suggestions.isEmpty { blocks.append(offer.text) }
    return Reply(
      question: question, triage: .none, intents: [], text: blocks.joined(separator: "\n\n"),
      sources: sources, disclaimer: disclaimer, confidence: 1, suggestions: offer.suggestions)
  }

  /// The intents related to the last answer, offered as numbered suggestions.
  func related(to context: DialogueContext) -> (text: String, suggestions: [String]) {
    guard let last = context.lastIntent, let intent = intentsByID[last], !intent.related.isEmpty
    else {
      return ("Ask a question first; 'more' then offers related topics.", [])
    }
    let options = intent.related.enumerated().map { offset, id in
      "\(offset + 1)) \(intentsByID[id]?.title ?? id)"
    }
    return (
      "Related to \(intent.title): " + options.joined(separator: "  ") + "\nAnswer with a number.",
      intent.related
    )
  }

  /// A plain-text summary to take to a provider: the date, what was asked, the symptoms
  /// reported and denied, any exercise that hurt, the highest level, the advice given and the
  /// sources.
  ///
  /// - Parameter date: when it was made, as the caller wants it shown (the responder keeps
  ///   no clock).
  public func summary(of context: DialogueContext, emergencyNumber: String, date: String? = nil)
    -> String
  {
    var mentioned: [String] = []
    var denied: [String] = []
    var actions: [String] = []
    for finding in context.findings {
      guard let flag = intentsByID[finding.intent]?.redFlag else { continue }
      if finding.isNegated {
        if !denied.contains(flag.symptom) { denied.append(flag.symptom) }
      } else if finding.counts && !mentioned.contains(flag.symptom) {
        mentioned.append(flag.symptom)
        actions.append(
          Region.fill(
            flag.action, emergencyNumber: emergencyNumber, region: nil, in: knowledge.lexicon))
      }
    }
    var lines = ["Summary for a provider" + (date.map { ", \($0)" } ?? "") + ":"]
    if !context.questions.isEmpty {
      lines.append("- Asked:")
      lines += context.questions.map { "    \($0)" }
    }
    lines.append(
      "- Symptoms mentioned: "
        + (mentioned.isEmpty ? "none of the warning signs" : mentioned.joined(separator: "; ")))
    if !denied.isEmpty { lines.append("- Said to be absent: " + denied.joined(separator: "; ")) }
    if !context.painDuringExercises.isEmpty {
      lines.append(
        "- Pain during an exercise: " + context.painDuringExercises.joined(separator: "; "))
    }
    lines.append("- Highest level reached: \(context.highestLevel.rawValue)")
    if let first = actions.first { lines.append("- Advised: " + first) }
    let advice = context.advice.filter { lead in !actions.contains { lead.hasSuffix($0) } }
    if !advice.isEmpty {
      lines.append("- Advice given:")
      lines += advice.map { "    \($0)" }
    }
    if !context.sources.isEmpty {
      lines.append("- Sources: " + context.sources.joined(separator: "; "))
    }
    return lines.joined(separator: "\n")
  }

  /// The summary as a reply, for `summary` in `--conversation` mode.
  public func summaryReply(
    of context: DialogueContext, emergencyNumber: String, date: String? = nil
  ) -> Reply {
    Reply(
      question: "summary", triage: .none, intents: [],
      text: summary(of: context, emergencyNumber: emergencyNumber, date: date), sources: [],
      disclaimer: disclaimer, confidence: 1)
  }
}
