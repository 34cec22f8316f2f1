import Foundation
import Yams

/// Parses `Lexicon/*.yml` files, each a mapping of the sections it sets.
enum LexiconParser {
  static let sections = [
    "synonyms", "contractions", "stopwords", "negation_cues", "negation_fillers",
    "negation_blockers", "clause_breaks", "numbers", "question_joiners", "follow_up_cues",
    "openers", "walkthrough_cues",
    "emergency_numbers", "default_emergency_number", "duration_units", "duration_quantifiers",
    "duration_fractions",
    "history_cues", "history_after_cues", "hypothetical_cues", "definition_cues",
    "other_person_cues", "animal_cues",
    "negation_scope_enders", "first_person_words", "ongoing_words", "findings", "self_care_groups",
    "self_care_intents", "answer_words", "helplines", "calibration", "ask_kinds", "word_classes",
    "story_words", "reassurance_words", "alternative_joiners", "unknown_topic_intent",
    "animal_topic_intent",
    "answer_blockers", "resolved_cues", "counts_when_passed", "ability_questions", "other_senses",
    "on_topic_words", "yes_no_openers", "uncovered_topic_intent", "effect_words",
    "weak_on_topic_words", "story_cues", "question_openers", "duration_intensifiers",
    "simile_words", "guidance_documents", "describing_words",
  ]

  static func parse(
    _ text: String, file: String, into lexicon: inout Lexicon, errors: inout [KnowledgeError]
  ) {
    guard let root = composeYAML(text, file: file, errors: &errors) else { return }
    guard let mapping = root.mapping else {
      errors.append(
        KnowledgeError(
          file: file, line: root.mark?.line ?? 1,
          problem: "a lexicon file must be a mapping of sections, not a \(root.kindName)",
          fix: "write sections such as 'synonyms:' and 'stopwords:' at the top level"))
      return
    }
    var fields = YAMLFields(file: file, node: mapping, what: "the lexicon")
    fields.rejectUnknownKeys(allowed: sections)
    func set(_ key: String) -> Set<String> { Set(fields.strings(key).map(normalizedEntry)) }
    lexicon.stopwords.formUnion(set("stopwords"))
    lexicon.negationCues.formUnion(set("negation_cues"))
    lexicon.negationFillers.formUnion(set("negation_fillers"))
    lexicon.negationBlockers.formUnion(set("negation_blockers"))
    lexicon.clauseBreaks.formUnion(set("clause_breaks"))
    lexicon.questionJoiners.formUnion(set("question_joiners"))
    lexicon.openers.formUnion(set("openers"))
    lexicon.walkthroughCues += fields.strings("walkthrough_cues").map(normalizedEntry)
    lexicon.followUpCues.formUnion(set("follow_up_cues"))
    lexicon.contextCues.history += fields.strings("history_cues").map(normalizedEntry)
    lexicon.contextCues.historyAfter += fields.strings("history_after_cues").map(normalizedEntry)
    lexicon.contextCues.hypothetical += fields.strings("hypothetical_cues").map(normalizedEntry)
    lexicon.contextCues.definition += fields.strings("definition_cues").map(normalizedEntry)
    lexicon.contextCues.otherPerson += fields.strings("other_person_cues").map(normalizedEntry)
    lexicon.contextCues.animal += fields.strings("animal_cues").map(normalizedEntry)
    lexicon.contextCues.story += fields.strings("story_cues").map(normalizedEntry)
    lexicon.contextCues.scopeEnders.formUnion(set("negation_scope_enders"))
    lexicon.contextCues.firstPerson.formUnion(set("first_person_words"))
    lexicon.contextCues.ongoing.formUnion(set("ongoing_words"))
    lexicon.contextCues.answerBlockers.formUnion(set("answer_blockers"))
    lexicon.contextCues.resolved += fields.strings("resolved_cues").map(normalizedEntry)
    lexicon.contextCues.abilityQuestions += fields.strings("ability_questions").map(normalizedEntry)
    lexicon.countsWhenPassed.formUnion(set("counts_when_passed"))
    lexicon.selfCareGroups.formUnion(fields.strings("self_care_groups"))
    lexicon.selfCareIntents.formUnion(fields.strings("self_care_intents"))
    lexicon.storyWords.formUnion(set("story_words"))
    lexicon.reassuranceWords.formUnion(set("reassurance_words"))
    lexicon.onTopicWords.formUnion(set("on_topic_words"))
    lexicon.yesNoOpeners.formUnion(set("yes_no_openers"))
    lexicon.questionOpeners.formUnion(set("question_openers"))
    lexicon.durationIntensifiers.formUnion(set("duration_intensifiers"))
    lexicon.simileWords.formUnion(set("simile_words"))
    lexicon.describingWords.formUnion(set("describing_words"))
    lexicon.guidanceDocuments.formUnion(set("guidance_documents"))
    lexicon.effectWords.formUnion(set("effect_words"))
    lexicon.weakOnTopicWords.formUnion(set("weak_on_topic_words"))
    lexicon.alternativeJoiners.formUnion(set("alternative_joiners"))
    if let node = fields.node("answer_words") {
      if let kinds = node.mapping {
        for (key, value) in kinds {
          let kind = key.scalar?.string ?? ""
          let words = value.sequence?.compactMap { $0.scalar?.string }.map(normalizedEntry)
          guard let words else {
            fields.fail(
              value, "answer words of '\(kind)' must be a list", fix: "write '\(kind): [yes, yeah]'"
            )
            continue
          }
          lexicon.answerWords[kind, default: []].formUnion(words)
        }
      } else {
        fields.fail(
          node, "'answer_words' must map a kind to its words", fix: "write 'yes: [yes, yeah]'")
      }
    }
    for (kind, cues) in lists("ask_kinds", of: "ask kind", &fields, example: "now: [what do i do]")
    {
      lexicon.askKinds[kind, default: []] += cues.map(normalizedEntry)
    }
    for (topic, others) in lists(
      "other_senses", of: "topic word", &fields, example: "ice: [skates, rink]")
    {
      lexicon.otherSenses[normalizedEntry(topic), default: []] += others.map(normalizedEntry)
    }
    if let node = fields.node("word_classes") {
      parseWordClasses(node, fields: &fields, into: &lexicon)
    }
    for (key, value) in pairs("calibration", &fields, normalize: false) {
      guard Calibration.keys.contains(key), let weight = Double(value), weight.isFinite else {
        fields.fail(
          fields.node("calibration"), "'\(key): \(value)' is not a calibration weight",
          fix: "write the weights 'backtalk eval' prints: "
            + Calibration.keys.map { "\($0): 1.0" }.joined(separator: ", "))
        continue
      }
      lexicon.calibration[key] = weight
    }
    if let node = fields.node("helplines") {
      if let names = node.mapping {
        for (key, value) in names {
          let name = key.scalar?.string ?? ""
          guard let byRegion = value.mapping else {
            fields.fail(
              value, "helplines of '\(name)' must map region codes to a line",
              fix: "write '\(name): {default: \"a helpline where you live\", US: \"988\"}'")
            continue
          }
          for (region, line) in byRegion {
            guard let code = region.scalar?.string, let text = line.scalar?.string else { continue }
            lexicon.helplines[name, default: [:]][code == "default" ? code : code.uppercased()] =
              text
          }
        }
      } else {
        fields.fail(
          node, "'helplines' must be a mapping of names to regions",
          fix: "write 'helplines:' then 'crisis: {default: ..., US: ...}'")
      }
    }
    if let node = fields.node("findings") {
      lexicon.findings += parseFindings(node, fields: &fields, known: lexicon.findings)
    }
    if let name = fields.string("unknown_topic_intent") { lexicon.unknownTopicIntent = name }
    if let name = fields.string("uncovered_topic_intent") { lexicon.uncoveredTopicIntent = name }
    if let name = fields.string("animal_topic_intent") { lexicon.animalTopicIntent = name }
    if let name = fields.string("default_emergency_number") {
      lexicon.defaultEmergencyNumber = name
    }
    for (key, value) in pairs("contractions", &fields) { lexicon.contractions[key] = value }
    for (key, value) in pairs("numbers", &fields) { lexicon.numbers[key] = value }
    for (key, value) in pairs("duration_units", &fields) {
      guard let days = Double(value) else {
        fields.fail(
          fields.node("duration_units"), "'\(key)' in duration_units must be a number of days",
          fix: "write '\(key): 7'")
        continue
      }
      lexicon.durationUnits[Stemmer.stem(key)] = days
    }
    for (key, value) in pairs("duration_quantifiers", &fields) {
      guard let count = Double(value) else {
        fields.fail(
          fields.node("duration_quantifiers"), "'\(key)' in duration_quantifiers must be a number",
          fix: "write '\(key): 2'")
        continue
      }
      lexicon.durationQuantifiers[key] = count
    }
    for (key, value) in pairs("duration_fractions", &fields) {
      guard let fraction = Double(value) else {
        fields.fail(
          fields.node("duration_fractions"), "'\(key)' in duration_fractions must be a number",
          fix: "write '\(key): 0.5'")
        continue
      }
      lexicon.durationFractions[key] = fraction
    }
    for (key, value) in pairs("emergency_numbers", &fields, normalize: false) {
      lexicon.emergencyNumbers[key.uppercased()] = value
    }
    if let node = fields.node("synonyms") {
      if let groups = node.mapping {
        for (key, value) in groups {
          let canonical = normalizedEntry(key.scalar?.string ?? "")
          guard let variants = value.sequence else {
            fields.fail(
              value, "synonyms of '\(canonical)' must be a list",
              fix: "write '\(canonical): [variant, other variant]'")
            continue
          }
          for variant in variants {
            guard let text = variant.scalar?.string, !text.isEmpty else { continue }
            let entry = normalizedEntry(text)
            if let earlier = lexicon.synonyms[entry], earlier != canonical {
              // Which one wins would depend on the order of a hash table: say so instead.
              fields.fail(
                variant, "'\(entry)' is a synonym of both '\(earlier)' and '\(canonical)'",
                fix: "keep '\(entry)' under one of them")
              continue
            }
            lexicon.synonyms[entry] = canonical
          }
        }
      } else {
        fields.fail(
          node, "'synonyms' must be a mapping of a word to its variants",
          fix: "write 'drive: [behind the wheel, driving]'")
      }
    }
    errors += fields.errors
  }

  /// Reads a word list: one lowercase word per line in byte order (`LC_ALL=C sort -u`), with
  /// blank lines and lines starting with `#` ignored. Every problem is reported with its line.
  /// Works on the bytes: a list has tens of thousands of lines.
  static func parseWords(
    _ text: String, file: String, errors: inout [KnowledgeError]
  ) -> WordList {
    var bytes: [UInt8] = []
    var text = text
    text.withUTF8 { utf8 in
      bytes.reserveCapacity(utf8.count)
      var previous: Range<Int>?
      var lineNumber = 0
      var start = 0
      while start < utf8.count {
        lineNumber += 1
        var end = start
        while end < utf8.count && utf8[end] != 0x0A { end += 1 }
        defer { start = end + 1 }
        var first = start
        var last = end
        while first < last && (utf8[first] == 0x20 || utf8[first] == 0x09) { first += 1 }
        while last > first
          && (utf8[last - 1] == 0x20 || utf8[last - 1] == 0x09 || utf8[last - 1] == 0x0D)
        {
          last -= 1
        }
        guard first < last, utf8[first] != 0x23 else { continue }
        let word = UnsafeBufferPointer(rebasing: utf8[first..<last])
        guard word.allSatisfy({ (0x61...0x7A).contains($0) }) else {
          errors.append(
            KnowledgeError(
              file: file, line: lineNumber,
              problem:
                "'\(String(decoding: word, as: UTF8.self))' is not one lowercase word (a to z)",
              fix: "write one word per line, lowercase letters only"))
          continue
        }
        if let previous,
          !UnsafeBufferPointer(rebasing: utf8[previous]).lexicographicallyPrecedes(word)
        {
          errors.append(
            KnowledgeError(
              file: file, line: lineNumber,
              problem: "'\(String(decoding: word, as: UTF8.self))' is out of order or repeated",
              fix: "sort the file in byte order without repeats: LC_ALL=C sort -u"))
          continue
        }
        previous = first..<last
        bytes += word
        bytes.append(0x0A)
      }
    }
    return WordList(bytes: bytes)
  }

  /// Reads the `word_classes` section: class names, each with a list of plain words or
  /// phrases (no gaps or alternatives, which the patterns naming the class give).
  private static func parseWordClasses(
    _ node: Node, fields: inout YAMLFields, into lexicon: inout Lexicon
  ) {
    guard let classes = node.mapping else {
      fields.fail(
        node, "'word_classes' must map a class name to its words",
        fix: "write 'saddle_area: [groin, crotch, between my legs]'")
      return
    }
    for (key, value) in classes {
      let name = key.scalar?.string ?? ""
      let line = (key.mark?.line ?? 0)
      guard let phrases = value.sequence?.compactMap({ $0.scalar?.string }), !phrases.isEmpty
      else {
        fields.fail(
          value, "the word class '\(name)' must be a list of words or phrases",
          fix: "write '\(name): [word, two words]'")
        continue
      }
      guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !name.isEmpty else {
        fields.fail(
          key, "'\(name)' is not a word class name",
          fix: "use letters, digits and '_' only, such as 'saddle_area'")
        continue
      }
      if lexicon.wordClasses[name] != nil {
        fields.fail(
          key, "the word class '\(name)' is defined twice",
          fix: "merge the two lists into one")
        continue
      }
      let bad = phrases.first { phrase in
        phrase.split(separator: " ").contains { $0.hasPrefix("...") || $0.hasPrefix("@") }
          || phrase.contains("|") || phrase.contains("_")
      }
      if let bad {
        fields.fail(
          value, "the phrase '\(bad)' of word class '\(name)' holds pattern syntax",
          fix: "list plain words or phrases; write gaps and alternatives in the patterns instead")
        continue
      }
      lexicon.wordClasses[name] = Lexicon.WordClass(
        phrases: phrases.map(normalizedEntry), file: fields.file, line: line)
    }
  }

  /// Reads the `findings` section: a list of mappings with `finding`, `name`, `kind`,
  /// `wordings` and `except`.
  private static func parseFindings(
    _ node: Node, fields: inout YAMLFields, known: [FindingDefinition]
  ) -> [FindingDefinition] {
    guard let list = node.sequence else {
      fields.fail(
        node, "'findings' must be a list of findings",
        fix: "write '- finding: stiff_neck' with 'name:' and 'wordings:' under it")
      return []
    }
    var result: [FindingDefinition] = []
    var seen = Set(known.map(\.id))
    for item in list {
      guard let mapping = item.mapping else {
        fields.fail(
          item, "a finding must be a mapping, not a \(item.kindName)",
          fix: "write '- finding: stiff_neck' with 'name:' and 'wordings:' under it")
        continue
      }
      var entry = YAMLFields(file: fields.file, node: mapping, what: "a finding")
      entry.rejectUnknownKeys(allowed: ["finding", "name", "kind", "wordings", "except"])
      let id = entry.string("finding", required: true)
      let name = entry.string("name", required: true)
      let wordings = entry.strings("wordings", required: true)
      let exceptions = entry.strings("except")
      var kind = FindingDefinition.Kind.symptom
      if let text = entry.string("kind") {
        if let parsed = FindingDefinition.Kind(rawValue: text) {
          kind = parsed
        } else {
          entry.fail(
            entry.node("kind"), "unknown finding kind '\(text)'",
            fix: "use one of: "
              + FindingDefinition.Kind.allCases.map(\.rawValue).joined(separator: ", "))
        }
      }
      if let id, !seen.insert(id).inserted {
        entry.fail(
          entry.node("finding"), "the finding '\(id)' is defined twice",
          fix: "merge the two entries' wordings into one")
      }
      fields.errors += entry.errors
      guard let id, let name, !wordings.isEmpty, entry.errors.isEmpty else { continue }
      result.append(
        FindingDefinition(
          id: id, kind: kind, name: name, wordings: wordings.map(normalizedEntry),
          exceptions: exceptions.map(normalizedEntry), file: fields.file, line: entry.line))
    }
    return result
  }

  private static func pairs(
    _ key: String, _ fields: inout YAMLFields, normalize: Bool = true
  ) -> [(String, String)] {
    guard let node = fields.node(key) else { return [] }
    guard let mapping = node.mapping else {
      fields.fail(node, "'\(key)' must be a mapping", fix: "write one 'word: replacement' per line")
      return []
    }
    return mapping.compactMap { key, value in
      guard let from = key.scalar?.string, let to = value.scalar?.string else {
        fields.fail(
          value, "an entry of '\(key)' is not a plain value", fix: "write 'word: replacement'")
        return nil
      }
      return normalize ? (normalizedEntry(from), normalizedEntry(to)) : (from, to)
    }
  }

  /// A section that maps names to lists of phrases (`ask_kinds`, `other_senses`), in file order.
  private static func lists(
    _ key: String, of entry: String, _ fields: inout YAMLFields, example: String
  ) -> [(String, [String])] {
    guard let node = fields.node(key) else { return [] }
    guard let mapping = node.mapping else {
      fields.fail(node, "'\(key)' must map a name to its phrases", fix: "write '\(example)'")
      return []
    }
    return mapping.compactMap { name, value in
      let name = name.scalar?.string ?? ""
      guard let phrases = value.sequence?.compactMap({ $0.scalar?.string }) else {
        fields.fail(
          value, "the phrases of \(entry) '\(name)' must be a list",
          fix: "write '\(name): [...]', as in '\(example)'")
        return nil
      }
      return (name, phrases)
    }
  }

  /// Lowercases and drops apostrophes, the same way questions are folded.
  static func normalizedEntry(_ text: String) -> String {
    text.lowercased().replacingOccurrences(of: "'", with: "").replacingOccurrences(
      of: "’", with: ""
    )
    .trimmingCharacters(in: .whitespaces)
  }
}
