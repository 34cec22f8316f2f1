extension KnowledgeLoader {
  /// Writes each `@name` of a trigger, wording or exception out as the alternatives of its word
  /// class (`word_classes:`), so "numb|@numb_feeling ... @saddle_area" names many phrasings in
  /// one rule. A name no class defines is an error at the pattern's file and line.
  static func expandWordClasses(intents: inout [Intent], lexicon: inout Lexicon)
    -> [KnowledgeError]
  {
    let classes = lexicon.wordClasses
    var errors: [KnowledgeError] = []
    func expand(_ patterns: [String], file: String, line: Int, owner: String) -> [String] {
      patterns.map { pattern in
        guard pattern.contains("@") else { return pattern }
        return pattern.split(separator: " ", omittingEmptySubsequences: false).map { part in
          guard part.contains("@") else { return String(part) }
          return part.split(separator: "|").map { option -> String in
            guard option.hasPrefix("@") else { return String(option) }
            let name = String(option.dropFirst())
            guard let wordClass = classes[name] else {
              let guess = classes.keys.min { editDistance(name, $0) < editDistance(name, $1) }
              let hint = guess.map { editDistance(name, $0) <= 3 ? "did you mean '@\($0)'? " : "" }
              errors.append(
                KnowledgeError(
                  file: file, line: line,
                  problem:
                    "the pattern '\(pattern)' of '\(owner)' names the word class '@\(name)', "
                    + "which is not defined",
                  fix: "\(hint ?? "")define it under 'word_classes:' in a Lexicon file"))
              return String(option)
            }
            return wordClass.phrases.map { $0.replacingOccurrences(of: " ", with: "_") }
              .joined(separator: "|")
          }.joined(separator: "|")
        }.joined(separator: " ")
      }
    }
    for index in intents.indices {
      guard var flag = intents[index].redFlag else { continue }
      let (file, line, id) = (intents[index].file, intents[index].line, intents[index].id)
      flag.triggers = expand(flag.triggers, file: file, line: line, owner: id)
      flag.exceptions = expand(flag.exceptions, file: file, line: line, owner: id)
      intents[index].redFlag = flag
    }
    for index in lexicon.findings.indices {
      let finding = lexicon.findings[index]
      lexicon.findings[index].wordings = expand(
        finding.wordings, file: finding.file, line: finding.line, owner: finding.id)
      lexicon.findings[index].exceptions = expand(
        finding.exceptions, file: finding.file, line: finding.line, owner: finding.id)
    }
    // Written out everywhere now: the compiled snapshot keeps only the expanded patterns.
    lexicon.wordClasses = [:]
    return errors
  }
}
