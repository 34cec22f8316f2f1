/// Conversation helpers for the REPL and `--conversation`: related topics and a summary.
extension Responder {
  /// The reply to "more": the topics related to the last answer, as numbered suggestions that
  /// the next line can pick with "1", "2" or "yes".
  public func relatedReply(to context: DialogueContext, question: String = "more") -> Reply {
    let offer = related(to: context)
    return Reply(
      question: question, triage: .none, intents: [], text: offer.text, sources: [],
      disclaimer: disclaimer, confidence: 1, suggestions: offer.suggestions)
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

  /// The symptoms mentioned so far, the highest level and what was advised, in a few lines.
  public func summary(of context: DialogueContext, emergencyNumber: String) -> String {
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
    var lines = ["Summary for a provider:"]
    lines.append(
      "- Symptoms mentioned: "
        + (mentioned.isEmpty ? "none of the warning signs" : mentioned.joined(separator: "; ")))
    if !denied.isEmpty { lines.append("- Said to be absent: " + denied.joined(separator: "; ")) }
    lines.append("- Highest level reached: \(context.highestLevel.rawValue)")
    if let first = actions.first { lines.append("- Advised: " + first) }
    return lines.joined(separator: "\n")
  }
}
