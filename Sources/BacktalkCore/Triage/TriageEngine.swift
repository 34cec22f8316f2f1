/// Triage as one pure step: recognise findings with their context, then apply the rules.
///
/// A rule fires when its own symptom counts, or when every finding of one of its combinations
/// does ("fever + stiff_neck"). When a combination raises a line above a rule whose symptom
/// it used, only the higher rule is reported, so the reply leads with one clear action.
public struct TriageEngine: Sendable {
  public private(set) var scanner: FindingScanner
  public let rules: [TriageRule]
  /// The rules as numbers, to tell which could fire without looking up a string.
  let numbered: NumberedRules
  /// Each rule's level by id (the first rule of an id).
  let levels: [String: TriageLevel]
  /// The words of each opening of a question about an ability (`ability_questions`).
  let abilityQuestions: [[String]]
  let negationCues: Set<String>
  /// Words that answer a checklist question yes (`answer_words: checklist_yes`).
  let checklistYes: Set<String>

  /// - Parameters:
  ///   - compiled: the scanner an earlier build compiled from the same knowledge; without
  ///     it, the patterns are compiled here.
  ///   - analyzer: the analyzer whose tokens the engine will assess, whose numbers the
  ///     scanner then reads (`FindingScanner.numbered(by:)`).
  init(
    intents: [Intent], stems: (String) -> [String], lexicon: Lexicon,
    compiled: FindingScanner.Compiled? = nil, numberedBy analyzer: TextAnalyzer? = nil
  ) {
    scanner =
      compiled.map { FindingScanner(compiled: $0) }
      ?? FindingScanner(intents: intents, stems: stems, lexicon: lexicon)
    if let analyzer { scanner = scanner.numbered(by: analyzer) }
    rules = intents.compactMap { intent in
      intent.redFlag.map {
        TriageRule(
          id: intent.id, level: $0.level, hasOwnSymptom: !$0.triggers.isEmpty,
          combinations: $0.combinations)
      }
    }
    numbered = NumberedRules(rules)
    levels = Dictionary(rules.map { ($0.id, $0.level) }, uniquingKeysWith: { first, _ in first })
    abilityQuestions = lexicon.contextCues.abilityQuestions.map {
      $0.split(separator: " ").map(String.init)
    }
    negationCues = lexicon.negationCues
    checklistYes = lexicon.answerWords["checklist_yes"] ?? []
  }

  /// The tokens with a checklist question answered yes and then described read as one clause:
  /// "numb? yes, between my legs" as one clause, so the place joins the sign. The answer word
  /// stands in for the breaks, showing nothing typed, so every position stays where it was.
  func readingYes(_ tokens: [Token]) -> [Token] {
    guard !checklistYes.isEmpty else { return tokens }
    var result = tokens
    for position in tokens.indices.dropFirst().dropLast()
    where tokens[position].isPunctuation && !tokens[position].isComma
      && checklistYes.contains(tokens[position + 1].word)
    {
      let answer = tokens[position + 1]
      var filler = answer
      filler.typed = ""
      filler.isBreak = false
      let comma = position + 2 < tokens.count && tokens[position + 2].isComma
      let next = position + (comma ? 3 : 2)
      guard next < tokens.count, !tokens[next].isBreak else { continue }
      result[position] = filler
      if comma { result[position + 2] = filler }
    }
    return result
  }

  /// The tokens with each question about an ability that a bare negation answers read as the
  /// ability lost: "can you feel the paper when you wipe? no" as "can not feel the paper". The
  /// person's word becomes "not" (typed as it was), so every position stays where it was.
  func readingAnswers(_ tokens: [Token]) -> [Token] {
    guard !abilityQuestions.isEmpty else { return tokens }
    var result = tokens
    var start = 0
    while start < tokens.count {
      var end = start
      while end < tokens.count && !tokens[end].isBreak { end += 1 }
      defer { start = end + 1 }
      guard end < tokens.count, tokens[end].isPunctuation,
        let opening = abilityQuestions.first(where: { words in
          start + words.count <= end
            && zip(words, tokens[start..<start + words.count]).allSatisfy { $0 == $1.word }
        })
      else { continue }
      var answer = end + 1
      while answer < tokens.count && !tokens[answer].isBreak
        && negationCues.contains(tokens[answer].word)
      {
        answer += 1
      }
      guard answer > end + 1, answer == tokens.count || tokens[answer].isBreak else { continue }
      let person = start + opening.count - 1
      result[person] = Token(word: "not", stem: Stemmer.stem("not"), typed: tokens[person].word)
    }
    return result
  }

  /// Assesses an analysed line.
  public func assess(_ tokens: [Token]) -> TriageResult {
    let findings = scanner.scan(readingYes(readingAnswers(tokens)))
    guard !findings.isEmpty else { return TriageResult(findings: []) }
    // Whether each finding counts, told once: asking a finding in the array copied it.
    let counting = findings.indices.map { Finding.counts(findings[$0].modifiers) }
    // A combination joins findings about one person: "my aunt had cancer" does not combine
    // with "my back hurts". The writer's side holds every finding not said to be someone
    // else's risk factor; the other side, everything said of someone else. Rules fire on
    // either side, and a rule that fired may take part in further combinations on its side
    // ("kidney stone + fever"): rules are applied until nothing new fires.
    // Room for every finding at once: the tables are only looked up, never walked, so their
    // capacity changes nothing but the growing.
    var spans = [String: [Range<Int>]](minimumCapacity: findings.count)
    var otherSpans: [String: [Range<Int>]] = [:]
    var fired: [(rule: TriageRule, reason: [String])] = []
    // The closures below read these locals, not `self`: capturing `self` copied the whole
    // engine, scanner and rules included, about 1,000 instructions each time.
    let numbered = self.numbered
    let rules = self.rules
    let riskFindings = scanner.riskFindings
    let levels = self.levels
    numbered.withPresence { presence in
      // By index: binding each finding would copy it, its strings and set retained.
      for index in findings.indices where counting[index] {
        let intent = findings[index].intent
        let range = findings[index].range
        let isOther = findings[index].modifiers.contains(.otherPerson)
        let number = numbered.numbers[intent]
        if !isOther || !riskFindings.contains(intent) {
          spans[intent, default: []].append(range)
          if let number { presence.insert(number, side: 0) }
        }
        if isOther {
          otherSpans[intent, default: []].append(range)
          if let number { presence.insert(number, side: 1) }
        }
      }
      var changed = true
      while changed {
        changed = false
        // A rule no id present names cannot fire: skipped, eight at a time, in the same order;
        // the next candidate is sought after this one is done, so one it made is not missed.
        var index = presence.nextCandidate(from: 0)
        while index < rules.count {
          defer { index = presence.nextCandidate(from: index + 1) }
          let rule = rules[index]
          let number = numbered.ruleNumbers[index]
          for side in 0..<2 where presence.isCandidate(index, side: side) {
            // Only a rule whose symptom or whole combination is present can fire; the numbers
            // say so before any string is looked up.
            let isPresent = presence.contains(number, side: side)
            guard !isPresent || !presence.hasFired(number),
              numbered.couldFire(index, hasOwnSymptom: rule.hasOwnSymptom, presence, side: side)
            else { continue }
            let current = side == 0 ? spans : otherSpans
            guard let reason = rule.reason(spans: current) else { continue }
            if !isPresent {
              if side == 0 { spans[rule.id] = [0..<0] } else { otherSpans[rule.id] = [0..<0] }
              presence.insert(number, side: side)
              changed = true
            }
            if !presence.hasFired(number) {
              fired.append((rule, reason))
              presence.markFired(number)
              changed = true
            }
          }
        }
      }
    }
    // The words each fired rule rests on; a rule named in a combination brings its own.
    var words = [String: Set<Int>](minimumCapacity: fired.count)
    for (rule, reason) in fired {
      var covered = Set<Int>()
      for id in reason {
        for span in spans[id] ?? [] { covered.formUnion(span) }
        for span in otherSpans[id] ?? [] { covered.formUnion(span) }
        covered.formUnion(words[id] ?? [])
      }
      words[rule.id] = covered
    }
    // A lower rule whose words a higher rule's combination used is raised into it: "fever
    // and a stiff neck" is one emergency, not an emergency and an urgent fever.
    var raised: Set<String> = []
    for (rule, reason) in fired where reason != [rule.id] {
      for other in fired where other.rule.level < rule.level {
        let used = words[other.rule.id] ?? []
        if reason.contains(other.rule.id)
          || (!used.isEmpty && used.isSubset(of: words[rule.id] ?? []))
        {
          raised.insert(other.rule.id)
        }
      }
    }
    // Beside an urgent or emergency action, "book an appointment" would only blur it.
    let top = fired.map(\.rule.level).max() ?? .none
    let kept = fired.filter {
      !raised.contains($0.rule.id) && !(top >= .urgent && $0.rule.level == .routine)
    }
    .sorted { $0.rule.level > $1.rule.level }
    let active = kept.map { entry in
      let words = entry.reason.compactMap { id in
        findings.indices.first { findings[$0].intent == id && counting[$0] }.map {
          findings[$0].words
        }
      }
      return Finding(
        intent: entry.rule.id, level: entry.rule.level,
        modifiers: Self.otherPerson(entry.reason, findings, counting: counting),
        words: words.joined(separator: " + "),
        range: findings.firstIndex { $0.intent == entry.rule.id }.map { findings[$0].range }
          ?? 0..<0)
    }
    // Asked only of findings said not to hold, few and rarely any: the tables are searched
    // in place rather than copied into sets first.
    var seen: Set<String> = []
    let negated = findings.filter { finding in
      !finding.counts && levels[finding.intent] != nil
        && !fired.contains { $0.rule.id == finding.intent }
        && spans[finding.intent] == nil && otherSpans[finding.intent] == nil
        && !finding.modifiers.contains(.animal)
    }.filter { seen.insert($0.intent).inserted }
    return TriageResult(
      findings: findings, active: active, negated: negated,
      decidedBy: kept.first.map { ($0.rule.id, $0.reason) })
  }

  /// Whether the findings a rule rests on are about someone else.
  /// - Parameter counting: whether each finding counts (`Finding.counts`).
  static func otherPerson(
    _ ids: [String], _ findings: [Finding], counting: [Bool]
  ) -> Set<ContextModifier> {
    let isOther = findings.indices.contains {
      ids.contains(findings[$0].intent) && counting[$0]
        && findings[$0].modifiers.contains(.otherPerson)
    }
    return isOther ? [.otherPerson] : []
  }
}
