import Foundation
import Yams

/// Turns knowledge files into validated `Knowledge`, reporting every problem it finds.
public enum KnowledgeLoader {
  /// Parses and validates intent, corpus and lexicon files.
  ///
  /// - Throws: `KnowledgeErrors` listing every problem, each with its file, line and fix.
  public static func load(_ files: [KnowledgeFile]) throws(KnowledgeErrors) -> Knowledge {
    var errors: [KnowledgeError] = []
    var intents: [Intent] = []
    var documents: [CorpusDocument] = []
    var lexicon = Lexicon()
    var sawIntentFile = false

    for file in files {
      let folder = file.path.split(separator: "/").dropLast().last.map(String.init) ?? ""
      // Counted even when the file has problems, so they are not hidden behind "no intent files".
      if folder == "Intents" && file.path.hasSuffix(".yml") { sawIntentFile = true }
      guard let text = String(validating: file.bytes, as: UTF8.self).map(withPlainLineEnds)
      else {
        let line = firstInvalidLine(file.bytes)
        errors.append(
          KnowledgeError(
            file: file.path, line: line, problem: "the file is not valid UTF-8 text",
            fix: "save the file with UTF-8 encoding"))
        continue
      }
      // Checked on the bytes: Foundation's trimming copies the whole text, and a word list is
      // over half a megabyte.
      if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
        errors.append(
          KnowledgeError(
            file: file.path, line: 1, problem: "the file is empty",
            fix: "add content to it, or delete the file"))
        continue
      }
      let unsafe = DisplaySafety.unsafeLines(in: text)
      guard unsafe.isEmpty else {
        // Not parsed further: libyaml would report the same characters again.
        for (line, scalar) in unsafe.prefix(maximumUnsafeLinesReported) {
          errors.append(unsafeTextError(file: file.path, line: line, scalar: scalar))
        }
        continue
      }
      if folder == "Intents" && file.path.hasSuffix(".yml") {
        intents += IntentParser.parse(text, file: file.path, errors: &errors)
      } else if folder == "Corpus" && file.path.hasSuffix(".md") {
        if let document = CorpusParser.parse(text, file: file.path, errors: &errors) {
          documents.append(document)
        }
      } else if folder == "Lexicon" && file.path.hasSuffix(".yml") {
        LexiconParser.parse(text, file: file.path, into: &lexicon, errors: &errors)
      } else if folder == "Lexicon" && file.path.hasSuffix(".txt") {
        let list = LexiconParser.parseWords(text, file: file.path, errors: &errors)
        lexicon.realWords = lexicon.realWords.merged(with: list)
        if WordList.holdsCommonWords(file.path) {
          lexicon.commonWords = lexicon.commonWords.merged(with: list)
        }
      }
    }
    if !sawIntentFile {
      errors.append(
        KnowledgeError(
          file: "Intents", line: 0, problem: "no intent files found",
          fix: "add at least one Intents/*.yml file"))
    }
    errors += expandWordClasses(intents: &intents, lexicon: &lexicon)
    errors += crossCheck(intents: intents, documents: documents, lexicon: lexicon)
    // A broken findings file would make every rule's findings look undefined: say only that.
    if errors.isEmpty { errors += checkCombinations(intents: intents, findings: lexicon.findings) }
    guard errors.isEmpty else { throw KnowledgeErrors(errors) }
    return Knowledge(intents: intents, documents: documents, lexicon: lexicon)
  }
}

extension KnowledgeLoader {
  /// Past this many lines with unsafe characters in one file, the rest go unreported: the
  /// file was most likely saved from a terminal capture and needs cleaning as a whole.
  static let maximumUnsafeLinesReported = 20

  /// The error for a character a terminal would act on, in a file or a YAML value.
  static func unsafeTextError(file: String, line: Int, scalar: Unicode.Scalar) -> KnowledgeError {
    KnowledgeError(
      file: file, line: line,
      problem: "the text holds \(DisplaySafety.describe(scalar)), which a terminal would act on",
      fix:
        "delete it: knowledge is plain text, without terminal escapes, control or bidirectional-override characters"
    )
  }
}

extension KnowledgeLoader {
  /// The text without a byte-order mark and with CRLF line ends as LF, as an editor on Windows
  /// may save it. Swift treats "\r\n" as one Character, so the parsers' splitting on "\n"
  /// would never split it; line numbers stay the same.
  fileprivate static func withPlainLineEnds(_ text: String) -> String {
    var text = text
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    guard text.utf8.contains(0x0D) else { return text }
    return text.replacingOccurrences(of: "\r\n", with: "\n")
  }

  fileprivate static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
    var line = 1
    var start = 0
    for (offset, byte) in bytes.enumerated() where byte == 0x0A {
      if String(validating: bytes[start..<offset], as: UTF8.self) == nil { return line }
      line += 1
      start = offset + 1
    }
    return line
  }

  /// Checks that every finding a triage combination names is defined, as a finding of the
  /// lexicon or as a red-flag rule, with a "did you mean" when one is close.
  fileprivate static func checkCombinations(intents: [Intent], findings: [FindingDefinition])
    -> [KnowledgeError]
  {
    let known = Set(findings.map(\.id) + intents.filter { $0.redFlag != nil }.map(\.id))
    var errors: [KnowledgeError] = []
    // A gap at either end would match any words at all ("took ..." once a '#' started a
    // YAML comment): never a pattern anyone meant.
    func checkEnds(_ patterns: [String], file: String, line: Int, owner: String) {
      for pattern in patterns {
        let parts = pattern.split(separator: " ")
        guard
          parts.isEmpty || parts.first!.hasPrefix("...") || parts.last!.hasPrefix("...")
            || parts.first!.hasPrefix("=")
        else { continue }
        errors.append(
          KnowledgeError(
            file: file, line: line,
            problem:
              "the pattern '\(pattern)' of '\(owner)' starts or ends with a gap, or starts with '='",
            fix:
              "start and end with a word; quote a pattern holding '#', which YAML reads as a comment"
          )
        )
      }
    }
    for intent in intents {
      if let flag = intent.redFlag {
        checkEnds(
          flag.triggers + flag.exceptions, file: intent.file, line: intent.line, owner: intent.id)
      }
    }
    for finding in findings {
      checkEnds(
        finding.wordings + finding.exceptions, file: finding.file, line: finding.line,
        owner: finding.id)
    }
    for intent in intents {
      for combination in intent.redFlag?.combinations ?? [] {
        for id in combination where !known.contains(id) {
          let guess = known.min { editDistance(id, $0) < editDistance(id, $1) }
          let hint = guess.map { editDistance(id, $0) <= 3 ? "did you mean '\($0)'? " : "" } ?? ""
          errors.append(
            KnowledgeError(
              file: intent.file, line: intent.line,
              problem: "rule '\(intent.id)' names the finding '\(id)', which is not defined",
              fix:
                "\(hint)define it under 'findings:' in Lexicon/findings.yml, or name a red-flag rule"
            ))
        }
      }
    }
    return errors
  }

  /// Checks what spans files: unique ids and documents, citations and links that resolve.
  fileprivate static func crossCheck(
    intents: [Intent], documents: [CorpusDocument], lexicon: Lexicon
  )
    -> [KnowledgeError]
  {
    var errors: [KnowledgeError] = []
    var firstByID: [String: Intent] = [:]
    for intent in intents {
      if let first = firstByID[intent.id] {
        errors.append(
          KnowledgeError(
            file: intent.file, line: intent.line,
            problem:
              "duplicate intent id '\(intent.id)' (first defined at \(first.file):\(first.line))",
            fix: "rename one of them or merge their examples"))
      } else {
        firstByID[intent.id] = intent
      }
    }
    var documentIDs: [String: CorpusDocument] = [:]
    for document in documents {
      if let first = documentIDs[document.id] {
        errors.append(
          KnowledgeError(
            file: document.file, line: 2,
            problem: "duplicate document id '\(document.id)' (also in \(first.file))",
            fix: "give each corpus document its own id"))
      }
      documentIDs[document.id] = document
    }
    for intent in intents {
      for citation in intent.sources {
        let parts = citation.split(separator: "#", maxSplits: 1).map(String.init)
        guard let document = documentIDs[parts[0]] else {
          let known = documentIDs.keys.sorted().joined(separator: ", ")
          errors.append(
            KnowledgeError(
              file: intent.file, line: intent.line,
              problem:
                "intent '\(intent.id)' cites '\(citation)', but there is no document '\(parts[0])'",
              fix: "cite one of: \(known.isEmpty ? "(no documents loaded)" : known)"))
          continue
        }
        if parts.count == 2, !document.passages.contains(where: { $0.anchor == parts[1] }) {
          errors.append(
            KnowledgeError(
              file: intent.file, line: intent.line,
              problem:
                "intent '\(intent.id)' cites '\(citation)', but \(document.file) has no passage '{#\(parts[1])}'",
              fix:
                "cite an anchor that exists, such as '\(document.id)#\(document.passages.first?.anchor ?? "")'"
            ))
        }
      }
      for related in intent.related where firstByID[related] == nil {
        errors.append(
          KnowledgeError(
            file: intent.file, line: intent.line,
            problem:
              "intent '\(intent.id)' lists related intent '\(related)', which does not exist",
            fix: "use an existing intent id or remove it from 'related'"))
      }
    }
    for (section, id, answering) in [
      ("unknown_topic_intent", lexicon.unknownTopicIntent, "off-topic questions"),
      ("uncovered_topic_intent", lexicon.uncoveredTopicIntent, "what the articles don't cover"),
      ("animal_topic_intent", lexicon.animalTopicIntent, "questions about pets"),
    ] {
      guard let id, !intents.isEmpty, firstByID[id] == nil else { continue }
      errors.append(
        KnowledgeError(
          file: "Lexicon", line: 0,
          problem: "'\(section)' names intent '\(id)', which does not exist",
          fix: "name an existing intent id, such as the one that answers \(answering)"))
    }
    let findingIDs = Set(lexicon.findings.map(\.id))
    for id in lexicon.countsWhenPassed.sorted()
    where !intents.isEmpty && firstByID[id]?.redFlag == nil && !findingIDs.contains(id) {
      errors.append(
        KnowledgeError(
          file: "Lexicon", line: 0,
          problem:
            "'counts_when_passed' names '\(id)', which is neither a finding nor a red-flag rule",
          fix: "name a finding of Lexicon/findings.yml or a red-flag intent, or remove it"))
    }
    if !intents.isEmpty && firstByID[Knowledge.disclaimerIntentID] == nil {
      errors.append(
        KnowledgeError(
          file: "Intents", line: 0, problem: "no intent 'disclaimer' holds the medical disclaimer",
          fix:
            "add an intent with id 'disclaimer', the full text as 'answer' and one line as 'summary'"
        ))
    }
    return errors
  }
}
