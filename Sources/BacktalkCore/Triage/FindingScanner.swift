import Foundation

/// Recognises findings anywhere in a line, each with the context modifiers that govern it.
///
/// Patterns come from red-flag intents' triggers (the rule's own symptom) and from the named
/// findings of the lexicon; both are compiled once. Scanning is pure.
public struct FindingScanner: Sendable {
  let patterns: [Pattern]
  /// Patterns by the stems that can start them, so a line only tries patterns it could match.
  let patternsByFirstStem: [String: [Int]]
  let lexicon: Lexicon
  let cues: [(modifier: ContextModifier, pattern: [Element])]
  /// History cues that follow what they date ("3 years ago").
  let historyAfterCues: [[Element]]
  let definitionCues: [[Element]]
  /// The ids of findings that are risk factors, which stay true in the past.
  public let riskFindings: Set<String>

  struct Pattern: Sendable {
    var id: String
    var level: TriageLevel
    /// Whether a mention of the past still counts (a risk factor such as a cancer history).
    var ignoresHistory: Bool
    var pattern: [Element]
    var exceptions: [[Element]]
    /// Whether the pattern's own words hold a negation ("can not feel").
    var hasNegation = false
  }

  enum Element: Sendable, Equatable {
    /// Any one of these stem sequences.
    case words([[String]])
    /// Up to this many words of the same clause (`Int.max`: the rest of the clause).
    case gap(Int)
    /// One word exactly as typed, before synonyms folded it ("=legs", which "leg" is not).
    case typed(Set<String>)
  }

  static let gapLength = 4
  /// How many words other than fillers may stand between a negation and what it negates.
  static let negationReach = 2

  /// Compiles the triggers of every red-flag intent and the wordings of every named finding,
  /// taking the stems of their words from `stems`.
  init(intents: [Intent], stems: (String) -> [String], lexicon: Lexicon) {
    self.lexicon = lexicon
    var patterns: [Pattern] = []
    func add(
      _ id: String, _ level: TriageLevel, _ risk: Bool, _ triggers: [String], _ except: [String]
    ) {
      let exceptions = except.map { Self.compile($0, stems: stems) }
      for trigger in triggers {
        patterns.append(
          Pattern(
            id: id, level: level, ignoresHistory: risk,
            pattern: Self.compile(trigger, stems: stems),
            exceptions: exceptions))
      }
    }
    // A rule that one finding alone also sets (`when: [fever]`) says that symptom in its own
    // words too, so the finding's exceptions ("chills from the ice pack") hold for them as well.
    let findingExceptions = Dictionary(
      lexicon.findings.map { ($0.id, $0.exceptions) }, uniquingKeysWith: +)
    for intent in intents {
      guard let flag = intent.redFlag else { continue }
      let inherited = flag.combinations.filter { $0.count == 1 }
        .flatMap { findingExceptions[$0[0]] ?? [] }
      add(intent.id, flag.level, false, flag.triggers, flag.exceptions + inherited)
    }
    for finding in lexicon.findings {
      add(finding.id, .none, finding.kind == .risk, finding.wordings, finding.exceptions)
    }
    for index in patterns.indices {
      patterns[index].hasNegation = patterns[index].pattern.contains { element in
        guard case .words(let options) = element else { return false }
        return options.contains { $0.contains(where: lexicon.negationCues.contains) }
      }
    }
    var byFirst: [String: [Int]] = [:]
    for (index, pattern) in patterns.enumerated() {
      guard case .words(let firsts)? = pattern.pattern.first else { continue }
      for first in firsts where !first.isEmpty { byFirst[first[0], default: []].append(index) }
    }
    self.patterns = patterns
    riskFindings = Set(lexicon.findings.filter { $0.kind == .risk }.map(\.id))
    self.patternsByFirstStem = byFirst.mapValues { Array(Set($0)).sorted() }
    let contextCues = lexicon.contextCues
    cues =
      contextCues.history.map { (.historical, Self.compile($0, stems: stems)) }
      + contextCues.hypothetical.map { (.hypothetical, Self.compile($0, stems: stems)) }
      + contextCues.otherPerson.map { (.otherPerson, Self.compile($0, stems: stems)) }
    definitionCues = contextCues.definition.map { Self.compile($0, stems: stems) }
    historyAfterCues = contextCues.historyAfter.map { Self.compile($0, stems: stems) }
  }

  /// Returns every finding in the tokens, each with its modifiers.
  ///
  /// - Complexity: O(*n* · *p*) where *n* is the number of tokens and *p* the number of
  ///   patterns that can start at a token (usually a handful).
  public func scan(_ tokens: [Token]) -> [Finding] {
    var spans: [(pattern: Int, range: Range<Int>, explained: Bool)] = []
    for start in tokens.indices where !tokens[start].isPunctuation {
      for index in patternsByFirstStem[tokens[start].stem] ?? [] {
        if let end = match(patterns[index].pattern, tokens, from: start) {
          spans.append((index, start..<end, isExcepted(patterns[index], start..<end, tokens)))
        }
      }
    }
    // Two wordings of one finding over the same words are one mention.
    var seen = Set<Mention>()
    spans = spans.filter {
      seen.insert(Mention(id: patterns[$0.pattern].id, range: $0.range)).inserted
    }
    var covered = Set<Int>()
    // A negation word inside another finding's words still negates what follows it ("pee
    // fine and no leg pain"), unless that finding's own wording holds it ("can not feel").
    var ownNegations = Set<Int>()
    for span in spans where !span.explained {
      covered.formUnion(span.range)
      let pattern = patterns[span.pattern]
      guard pattern.hasNegation else { continue }
      ownNegations.formUnion(
        span.range.filter {
          lexicon.negationCues.contains(tokens[$0].word) && isOwnNegation(at: $0, pattern, tokens)
        })
    }
    let cueSpans = cueMatches(tokens)
    return spans.map { span in
      let pattern = patterns[span.pattern]
      var modifiers = context(of: span.range, tokens, cues: cueSpans)
      if pattern.ignoresHistory { modifiers.remove(.historical) }
      if span.explained { modifiers.insert(.explained) }
      if isNegated(
        before: span.range.lowerBound, tokens, covered: covered, ownNegations: ownNegations)
        || isNegatedInside(span.range, pattern, tokens)
      {
        modifiers.insert(.negated)
      }
      return Finding(
        intent: pattern.id, level: pattern.level, modifiers: modifiers,
        words: tokens[span.range].map { $0.typed ?? $0.word }.joined(separator: " "),
        range: span.range)
    }
  }
}

extension FindingScanner {
  /// Compiles one pattern in the trigger syntax: words, `a|b` (`not_right` for an option of
  /// several words), `...` (up to four words), `...8` (up to eight), `...*` (any number,
  /// within the clause),
  /// `=word` or `=a,b` (the word exactly as typed, before synonyms) and `#markers`.
  static func compile(_ trigger: String, stems: (String) -> [String]) -> [Element] {
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
      if part == "..." {
        flushPlain()
        pattern.append(.gap(gapLength))
      } else if part.hasPrefix("..."), let length = Int(part.dropFirst(3)), length > 0 {
        flushPlain()
        pattern.append(.gap(length))
      } else if part == "...*" {
        flushPlain()
        pattern.append(.gap(Int.max))
      } else if part.contains("|") {
        flushPlain()
        // An option of several words joins them with "_": "gave_way|weak"; a marker such as
        // "#short" stands as it is.
        let options = part.split(separator: "|").map { option in
          option.hasPrefix("#")
            ? [String(option)] : stems(option.replacingOccurrences(of: "_", with: " "))
        }
        pattern.append(.words(options.filter { !$0.isEmpty }))
      } else if part.hasPrefix("=") {
        flushPlain()
        pattern.append(.typed(Set(part.dropFirst().split(separator: ",").map(String.init))))
      } else if part.hasPrefix("#") {
        flushPlain()
        pattern.append(.words([[String(part)]]))
      } else {
        plain.append(String(part))
      }
    }
    flushPlain()
    return pattern
  }

  /// Where each context cue matches, with the modifier it marks and whether it looks back at
  /// what came before it (a history cue such as "years ago") rather than ahead.
  fileprivate func cueMatches(_ tokens: [Token]) -> [Cue] {
    var found: [Cue] = []
    for start in tokens.indices where !tokens[start].isPunctuation {
      let stem = tokens[start].stem
      for cue in cues where Self.canStart(cue.pattern, with: stem) {
        if let end = match(cue.pattern, tokens, from: start) {
          found.append(Cue(modifier: cue.modifier, range: start..<end, looksBack: false))
        }
      }
      let ongoing = start > 0 && lexicon.contextCues.ongoing.contains(tokens[start - 1].word)
      for cue in historyAfterCues where !ongoing && Self.canStart(cue, with: stem) {
        if let end = match(cue, tokens, from: start) {
          found.append(Cue(modifier: .historical, range: start..<end, looksBack: true))
        }
      }
    }
    return found
  }

  /// Whether a pattern could match from a token with this stem: a cheap test on its first
  /// element that spares the full match at most tokens.
  static func canStart(_ pattern: [Element], with stem: String) -> Bool {
    guard case .words(let options)? = pattern.first else { return true }
    return options.contains { option in
      guard let first = option.first else { return true }
      return Self.stem(stem, matches: first)
    }
  }

  /// One finding at one place, to keep a mention once however many wordings matched it.
  struct Mention: Hashable {
    var id: String
    var range: Range<Int>
  }

  struct Cue {
    var modifier: ContextModifier
    var range: Range<Int>
    var looksBack: Bool
  }

  /// The modifiers the cues of the span's clause give it: a history cue on its side of the
  /// finding ("years ago" after it, "in the past" before it); a hypothetical or another
  /// person before it; a definition question right before it.
  fileprivate func context(
    of span: Range<Int>, _ tokens: [Token], cues: [Cue]
  ) -> Set<ContextModifier> {
    let clause = clauseBounds(of: span, tokens)
    var modifiers: Set<ContextModifier> = []
    for cue in cues where clause.contains(cue.range.lowerBound) {
      let (modifier, range) = (cue.modifier, cue.range)
      // A cue counts as before the finding when it starts before it: "if my legs go numb"
      // shares "legs" with the finding.
      let before = range.lowerBound < span.lowerBound
      let overlaps = range.overlaps(span)
      switch modifier {
      case .historical:
        let onItsSide = cue.looksBack ? range.lowerBound >= span.upperBound : before
        if !overlaps && onItsSide { modifiers.insert(.historical) }
      case .hypothetical:
        if before { modifiers.insert(modifier) }
      case .otherPerson:
        // "she is not making sense": the cue may be the finding's first word. The writer's
        // own words between them make it the writer's again.
        let between =
          range.upperBound < span.lowerBound ? range.upperBound..<span.lowerBound : 0..<0
        let writer = tokens[between].contains { $0.isOne(of: lexicon.contextCues.firstPerson) }
        if range.lowerBound <= span.lowerBound && !writer { modifiers.insert(modifier) }
      case .negated, .explained:
        break
      }
    }
    for cue in definitionCues {
      var start = span.lowerBound - 1
      while start >= clause.lowerBound, ["a", "an", "the"].contains(tokens[start].word) {
        start -= 1
      }
      for length in 1...4 where start - length + 1 >= clause.lowerBound {
        if match(cue, tokens, from: start - length + 1) == start + 1 {
          modifiers.insert(.hypothetical)
        }
      }
    }
    return modifiers
  }

  /// The clause around a span: from the token after the previous break to the next break.
  fileprivate func clauseBounds(of span: Range<Int>, _ tokens: [Token]) -> Range<Int> {
    var lower = span.lowerBound
    while lower > 0 && !tokens[lower - 1].isBreak { lower -= 1 }
    var upper = span.upperBound
    while upper < tokens.count && !tokens[upper].isBreak { upper += 1 }
    return lower..<upper
  }

  /// Whether one of the pattern's exceptions matches over any of the span's words.
  fileprivate func isExcepted(_ pattern: Pattern, _ span: Range<Int>, _ tokens: [Token]) -> Bool {
    for exception in pattern.exceptions {
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
  func match(
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
            Self.stem(tokens[position].stem, matches: stem)
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
    case .typed(let words):
      guard start < tokens.count, !tokens[start].isPunctuation,
        words.contains(tokens[start].word) || tokens[start].typed.map(words.contains) == true
      else { return nil }
      return match(pattern, tokens, from: start + 1, element: index + 1)
    case .gap(let length):
      var position = start
      // A numbered gap ("...8") reaches over a comma as well, so a finding told in two
      // halves of one sentence ("around my backside, that's numb") is still one finding;
      // not over a negation after the comma ("my bits are fine, no numbness").
      let overCommas = length != Self.gapLength && length != Int.max
      var crossed = false
      for _ in 0...min(length, tokens.count) {
        if let end = match(pattern, tokens, from: position, element: index + 1) { return end }
        guard position < tokens.count,
          !tokens[position].isBreak || overCommas && tokens[position].isComma,
          !(crossed && lexicon.negationCues.contains(tokens[position].word))
        else { return nil }
        if tokens[position].isComma { crossed = true }
        position += 1
      }
      return nil
    }
  }

  /// Whether a token's stem matches a pattern's: the same, or a duration of months or more
  /// (`#ages`) where a pattern asks for one of a week or more (`#long`).
  ///
  /// `#older` also takes a bare number from 50 to 120, so "is 75" can say an age where the
  /// pattern gives the words around it; `#many` takes a number of 10 or more ("took 20"), and
  /// `#year` a year from 1900 to 2100 ("in 2010").
  static func stem(_ stem: String, matches wanted: String) -> Bool {
    if stem == wanted { return true }
    switch wanted {
    case "#long": return stem == "#ages"
    case "#older": return Int(stem).map { (50...120).contains($0) } ?? false
    case "#many": return Int(stem).map { $0 >= 10 } ?? false
    case "#year": return Int(stem).map { (1900...2100).contains($0) } ?? false
    default: return false
    }
  }

  /// Whether a negation stands inside a match's gap ("pee fine and no problems" for "pee ...
  /// problems"), in a pattern that holds no negation of its own ("can not feel" does).
  fileprivate func isNegatedInside(_ span: Range<Int>, _ pattern: Pattern, _ tokens: [Token])
    -> Bool
  {
    guard span.count > 2 else { return false }
    return ((span.lowerBound + 1)..<(span.upperBound - 1)).contains { position in
      lexicon.negationCues.contains(tokens[position].word)
        && !(pattern.hasNegation && isOwnNegation(at: position, pattern, tokens))
    }
  }

  /// Whether the negation at a position is one of the pattern's own words ("no feeling" of a
  /// class of lost-feeling words) rather than a word its gap passed over ("my groin is fine
  /// no numbness").
  fileprivate func isOwnNegation(at position: Int, _ pattern: Pattern, _ tokens: [Token]) -> Bool {
    for case .words(let options) in pattern.pattern {
      for option in options {
        for (offset, stem) in option.enumerated() where stem == tokens[position].stem {
          let start = position - offset
          if start >= 0, match([.words([option])], tokens, from: start) != nil { return true }
        }
      }
    }
    return false
  }

  /// Whether a negation governs the words starting at `start`: a cue earlier in the same
  /// clause, with only filler words or other findings between, and nothing such as "if".
  /// A new subject ("i", "my") ends the reach, so "no fever i cant pee" negates only the
  /// fever and "didn't notice I had soiled myself" does not deny the soiling.
  fileprivate func isNegated(
    before start: Int, _ tokens: [Token], covered: Set<Int>, ownNegations: Set<Int>
  ) -> Bool {
    var position = start - 1
    var distance = 0
    while position >= 0 {
      let token = tokens[position]
      if token.isBreak { return false }
      defer { position -= 1 }
      let isCue = lexicon.negationCues.contains(token.word)
      if isCue && covered.contains(position) && !ownNegations.contains(position) { return true }
      if covered.contains(position) { continue }
      if isCue { return true }
      if lexicon.negationBlockers.contains(token.word) { return false }
      if lexicon.contextCues.scopeEnders.contains(token.word) { return false }
      if !lexicon.negationFillers.contains(token.word) {
        distance += 1
        if distance > Self.negationReach { return false }
      }
    }
    return false
  }
}
