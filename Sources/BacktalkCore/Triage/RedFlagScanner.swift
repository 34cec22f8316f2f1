/// Finds red-flag symptoms anywhere in a question, with negation that has a scope.
///
/// Trigger patterns are compiled once from the red-flag intents; scanning a question is pure.
public struct RedFlagScanner: Sendable {
  let rules: [Rule]
  /// Rules by the stems that can start them, so a question only tries rules it could match.
  let rulesByFirstStem: [String: [Int]]
  let lexicon: Lexicon

  struct Rule: Sendable {
    var intent: String
    var level: TriageLevel
    var pattern: [Element]
    var exceptions: [[Element]]
  }

  enum Element: Sendable, Equatable {
    /// Any one of these stem sequences.
    case words([[String]])
    /// Up to this many words of the same clause.
    case gap(Int)
  }

  static let gapLength = 4

  /// Compiles the triggers of every intent that has a red flag, taking the stems of their words from `stems`.
  init(intents: [Intent], stems: (String) -> [String], lexicon: Lexicon) {
    self.lexicon = lexicon
    var rules: [Rule] = []
    var byFirst: [String: [Int]] = [:]
    for intent in intents {
      guard let flag = intent.redFlag else { continue }
      let exceptions = flag.exceptions.map { Self.compile($0, stems: stems) }
      for trigger in flag.triggers {
        let pattern = Self.compile(trigger, stems: stems)
        guard case .words(let firsts)? = pattern.first else { continue }
        for first in firsts where !first.isEmpty {
          byFirst[first[0], default: []].append(rules.count)
        }
        rules.append(
          Rule(intent: intent.id, level: flag.level, pattern: pattern, exceptions: exceptions))
      }
    }
    self.rules = rules
    self.rulesByFirstStem = byFirst.mapValues { Array(Set($0)).sorted() }
  }

  /// Returns every red flag in the tokens, each marked negated or not.
  ///
  /// - Complexity: O(*n* · *r*) where *n* is the number of tokens and *r* the number of
  ///   rules that can start at a token (usually a handful).
  public func scan(_ tokens: [Token]) -> TriageResult {
    var spans: [(rule: Int, range: Range<Int>)] = []
    for start in tokens.indices where !tokens[start].isPunctuation {
      for ruleIndex in rulesByFirstStem[tokens[start].stem] ?? [] {
        if let end = match(rules[ruleIndex].pattern, tokens, from: start),
          !isExcepted(rules[ruleIndex], start..<end, tokens)
        {
          spans.append((ruleIndex, start..<end))
        }
      }
    }
    var covered = Set<Int>()
    for span in spans { covered.formUnion(span.range) }
    let findings = spans.map { span in
      Finding(
        intent: rules[span.rule].intent, level: rules[span.rule].level,
        isNegated: isNegated(before: span.range.lowerBound, tokens, covered: covered),
        words: tokens[span.range].map { $0.typed ?? $0.word }.joined(separator: " "),
        range: span.range)
    }
    return TriageResult(findings: findings)
  }
}

extension RedFlagScanner {
  fileprivate static func compile(_ trigger: String, stems: (String) -> [String]) -> [Element] {
    var pattern: [Element] = []
    var plain: [String] = []
    func flushPlain() {
      guard !plain.isEmpty else { return }
      for stem in stems(plain.joined(separator: " ")) {
        pattern.append(.words([[stem]]))
      }
      plain = []
    }
    for part in trigger.split(separator: " ") {
      if part.hasPrefix("#") {
        flushPlain()
        pattern.append(.words([[String(part)]]))
      } else if part == "..." {
        flushPlain()
        pattern.append(.gap(gapLength))
      } else if part.contains("|") {
        flushPlain()
        let options = part.split(separator: "|").map { stems(String($0)) }
        pattern.append(.words(options.filter { !$0.isEmpty }))
      } else {
        plain.append(String(part))
      }
    }
    flushPlain()
    return pattern
  }

  /// Whether one of the rule's exceptions matches over any of the span's words.
  fileprivate func isExcepted(_ rule: Rule, _ span: Range<Int>, _ tokens: [Token]) -> Bool {
    for exception in rule.exceptions {
      let earliest = max(0, span.lowerBound - 8)
      for start in earliest..<min(span.upperBound, tokens.count) {
        if let end = match(exception, tokens, from: start), end > span.lowerBound {
          return true
        }
      }
    }
    return false
  }

  /// Returns the end of a match of `pattern` starting at `start`, or nil.
  fileprivate func match(
    _ pattern: [Element], _ tokens: [Token], from start: Int, element index: Int = 0
  ) -> Int? {
    guard index < pattern.count else { return start }
    switch pattern[index] {
    case .words(let options):
      for option in options {
        var position = start
        var matched = true
        for stem in option {
          guard position < tokens.count, !tokens[position].isPunctuation,
            tokens[position].stem == stem
          else {
            matched = false
            break
          }
          position += 1
        }
        if matched, let end = match(pattern, tokens, from: position, element: index + 1) {
          return end
        }
      }
      return nil
    case .gap(let length):
      var position = start
      for _ in 0...length {
        if let end = match(pattern, tokens, from: position, element: index + 1) { return end }
        guard position < tokens.count, !tokens[position].isBreak else { return nil }
        position += 1
      }
      return nil
    }
  }

  /// Whether a negation governs the words starting at `start`: a cue earlier in the same
  /// clause, with only filler words or other symptoms between, and nothing such as "if".
  fileprivate func isNegated(before start: Int, _ tokens: [Token], covered: Set<Int>) -> Bool {
    var position = start - 1
    var distance = 0
    while position >= 0 {
      let token = tokens[position]
      if token.isBreak { return false }
      if covered.contains(position) {
        position -= 1
        continue
      }
      if lexicon.negationCues.contains(token.word) { return true }
      if lexicon.negationBlockers.contains(token.word) { return false }
      if !lexicon.negationFillers.contains(token.word) {
        distance += 1
        if distance > 2 { return false }
      }
      position -= 1
    }
    return false
  }
}
