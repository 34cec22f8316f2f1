import Synchronization

extension FindingScanner {
  /// Where a pattern matched, and whether one of its exceptions explains it away.
  struct Span {
    var pattern: Int
    var range: Range<Int>
    var explained: Bool
  }

  /// Where a context cue matched, with the modifier it marks and whether it looks back at what
  /// came before it (a history cue such as "years ago") rather than ahead.
  struct Cue {
    var modifier: ContextModifier
    var range: Range<Int>
    var looksBack: Bool
    var resolves: Bool
  }

  /// What one scan works in; emptied, not freed, between lines.
  struct Buffers {
    var line = ScanProgram.Line()
    var spans: [Span] = []
    var cues: [Cue] = []
    /// Whether a finding that is not explained away covers each token.
    var covered: [Bool] = []
    /// Whether each token is a negation that is a covering finding's own word ("can not
    /// feel"), which negates nothing after it.
    var ownNegations: [Bool] = []
    /// The last token each cue was tried at (plus one), so a cue reached by two stems is
    /// tried once.
    var triedAt: [Int]

    init(cues: Int) {
      triedAt = Array(repeating: 0, count: cues)
    }
  }

  /// Buffers to reuse across scans and threads; a scan that finds none free makes its own, so
  /// there are as many as scans have ever run at once.
  final class BufferPool: Sendable {
    private let free = Mutex<[Buffers]>([])
    private let cues: Int

    init(cues: Int) {
      self.cues = cues
    }

    func take() -> Buffers {
      free.withLock { $0.popLast() } ?? Buffers(cues: cues)
    }

    func giveBack(_ buffers: Buffers) {
      free.withLock { $0.append(buffers) }
    }
  }

  /// Finds every pattern's matches, keeping one per finding and place, and marks the tokens
  /// that findings not explained away cover.
  func findSpans(_ buffers: inout Buffers) {
    buffers.spans.removeAll(keepingCapacity: true)
    let line = buffers.line
    // One matcher for the whole line: the patterns tried read the arrays in place.
    program.withMatcher(line) { matcher in
      for start in 0..<line.count where !line.isPunctuation(start) {
        let stem = line.stems[start]
        // Two wordings of one finding over the same words are one mention; such spans start at
        // the same token, so only this token's spans are compared.
        let firstHere = buffers.spans.count
        func tryPatterns(startingWith first: Int) {
          for item in patternStarts[first]..<patternStarts[first + 1] {
            let index = Int(patternsByFirstStem[Int(item)])
            guard isPossible(index, in: line),
              let end = matcher.match(patterns[index].steps, from: start)
            else { continue }
            let range = start..<end
            let finding = patterns[index].finding
            let isRepeat = buffers.spans[firstHere...].contains {
              patterns[$0.pattern].finding == finding && $0.range == range
            }
            if isRepeat { continue }
            buffers.spans.append(
              Span(pattern: index, range: range, explained: isExcepted(index, range, matcher)))
          }
        }
        if stem >= 0 { tryPatterns(startingWith: Int(stem)) }
        // A number also starts the patterns that begin with the marker it satisfies: "39 degrees"
        // for "#fever ... degrees", a bare "70" for "#older". Not `#ages` for `#long` (marker 0):
        // a duration's patterns start at the duration's own marker, as they always have.
        if !line.flags[start].isDisjoint(with: ScanProgram.TokenFlags.numberMarkers) {
          for marker in 1..<ScanProgram.markerStems.count
          where Int32(marker) != stem && line.stem(at: start, matches: Int32(marker)) {
            tryPatterns(startingWith: marker)
          }
        }
      }
    }
    buffers.covered.removeAll(keepingCapacity: true)
    buffers.covered.append(contentsOf: repeatElement(false, count: line.count))
    buffers.ownNegations.removeAll(keepingCapacity: true)
    buffers.ownNegations.append(contentsOf: repeatElement(false, count: line.count))
    // A negation word inside another finding's words still negates what follows it ("pee
    // fine and no leg pain"), unless that finding's own wording holds it ("can not feel").
    for span in buffers.spans where !span.explained {
      let pattern = patterns[span.pattern]
      for position in span.range {
        buffers.covered[position] = true
        if pattern.hasNegation, line.has(.negationCue, at: position),
          program.isOwnWord(at: position, of: pattern.steps, line)
        {
          buffers.ownNegations[position] = true
        }
      }
    }
  }

  /// Whether the line holds a stem for each later filtered step of the pattern, as far as
  /// the summaries tell: when not, the pattern cannot match anywhere in it.
  @inline(__always)
  func isPossible(_ pattern: Int, in line: ScanProgram.Line) -> Bool {
    for item in requirementStarts[pattern]..<requirementStarts[pattern + 1]
    where !requirements[Int(item)].intersects(line.signature) {
      return false
    }
    return true
  }

  /// Finds where each context cue matches.
  func findCues(_ buffers: inout Buffers) {
    buffers.cues.removeAll(keepingCapacity: true)
    for index in buffers.triedAt.indices { buffers.triedAt[index] = 0 }
    let line = buffers.line
    program.withMatcher(line) { matcher in
      for start in 0..<line.count where !line.isPunctuation(start) {
        let ongoing = start > 0 && line.has(.ongoing, at: start - 1)
        func tryCue(_ item: Int32) {
          let index = Int(item)
          guard buffers.triedAt[index] != start + 1 else { return }
          buffers.triedAt[index] = start + 1
          let cue = cues[index]
          guard !(cue.looksBack && ongoing), matcher.canStart(cue.steps, at: start),
            let end = matcher.match(cue.steps, from: start)
          else { return }
          buffers.cues.append(
            Cue(
              modifier: cue.modifier, range: start..<end, looksBack: cue.looksBack,
              resolves: cue.resolves))
        }
        let stem = line.stems[start]
        if stem >= 0 {
          for item in cueStarts[Int(stem)]..<cueStarts[Int(stem) + 1] {
            tryCue(cuesByFirstStem[Int(item)])
          }
        }
        // A number or `#ages` also starts the cues that begin with the marker it satisfies.
        for marker in 0..<ScanProgram.markerStems.count
        where Int32(marker) != stem && line.stem(at: start, matches: Int32(marker)) {
          for item in cueStarts[marker]..<cueStarts[marker + 1] {
            tryCue(cuesByFirstStem[Int(item)])
          }
        }
        for item in cuesForAnyStart { tryCue(item) }
      }
    }
  }

  /// The modifiers the cues of the span's clause give it: a history cue on its side of the
  /// finding ("years ago" after it, "in the past" before it); a hypothetical or another
  /// person before it; a definition question right before it. A cue saying it has passed
  /// may also start the next clause, and does not count for what counts when passed.
  func context(
    of span: Range<Int>, _ line: ScanProgram.Line, cues: [Cue], countsWhenPassed: Bool = false
  ) -> Set<ContextModifier> {
    let clause = clauseBounds(of: span, line)
    // The next clause starts after every break between: ", but it went away".
    var nextClause = clause.upperBound + 1
    while nextClause < line.count && line.isBreak(nextClause) { nextClause += 1 }
    var modifiers: Set<ContextModifier> = []
    for cue in cues
    where clause.contains(cue.range.lowerBound)
      || (cue.resolves && cue.range.lowerBound == nextClause)
      || isOpeningClause(cue, before: clause, line)
    {
      if cue.resolves && countsWhenPassed { continue }
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
      case .otherPerson, .animal, .story:
        // "she is not making sense": the cue may be the finding's first word. The writer's
        // own words between them make it the writer's again.
        let between =
          range.upperBound < span.lowerBound ? range.upperBound..<span.lowerBound : 0..<0
        let writer = between.contains { line.has(.firstPerson, at: $0) }
        if range.lowerBound <= span.lowerBound && !writer { modifiers.insert(modifier) }
      case .negated, .explained:
        break
      }
    }
    // Someone else named earlier in the sentence stays the subject of the clauses after it
    // until the writer's own words come: "my mum had breast cancer and now has a new backache".
    if !modifiers.contains(.otherPerson) {
      for cue in cues
      where cue.modifier == .otherPerson && cue.range.upperBound <= clause.lowerBound
        && isSameSubject(from: cue.range.upperBound, to: span.lowerBound, line)
      {
        modifiers.insert(.otherPerson)
        break
      }
    }
    var start = span.lowerBound - 1
    while start >= clause.lowerBound, line.has(.article, at: start) {
      start -= 1
    }
    for length in 1...4 where start - length + 1 >= clause.lowerBound {
      let from = start - length + 1
      // Only a place where some definition cue can start is tried (`definitionStarts`).
      if !definitionStarts.isEmpty {
        let stem = line.stems[from]
        guard stem >= 0, definitionStarts[Int(stem)] else { continue }
      }
      for cue in definitionCues {
        // `canStart` spares the full match at most places, as for the other cues.
        if program.canStart(cue, line, at: from), program.match(cue, line, from: from) == start + 1
        {
          modifiers.insert(.hypothetical)
        }
      }
    }
    return modifiers
  }

  /// Whether a one-word hypothetical cue is a clause of its own right before the finding's,
  /// which it then governs: "hypothetically, numbness between my legs would be a 999 job,
  /// right?". Not a longer one: "just wondering, my legs have gone numb" reports.
  func isOpeningClause(_ cue: Cue, before clause: Range<Int>, _ line: ScanProgram.Line) -> Bool {
    guard cue.modifier == .hypothetical, cue.range.count == 1, clause.lowerBound >= 1,
      cue.range.upperBound == clause.lowerBound - 1, line.isBreak(clause.lowerBound - 1)
    else { return false }
    return cue.range.lowerBound == 0 || line.isBreak(cue.range.lowerBound - 1)
  }

  /// Whether the words between two places go on about the same person: no end of a sentence
  /// (punctuation other than a comma) and none of the writer's own words ("i", "my").
  func isSameSubject(from start: Int, to end: Int, _ line: ScanProgram.Line) -> Bool {
    guard start <= end else { return false }
    for position in start..<end {
      if line.isPunctuation(position) && !line.has(.comma, at: position) { return false }
      if line.has(.firstPerson, at: position) { return false }
    }
    return true
  }

  /// The clause around a span: from the token after the previous break to the next break.
  /// How many words before a finding an exception may start: twelve, so "is it safe to keep
  /// taking naproxen every single day for three months" reaches the duration (eight did not).
  static let exceptionReach = 12

  func clauseBounds(of span: Range<Int>, _ line: ScanProgram.Line) -> Range<Int> {
    var lower = span.lowerBound
    while lower > 0 && !line.isBreak(lower - 1) { lower -= 1 }
    var upper = span.upperBound
    while upper < line.count && !line.isBreak(upper) { upper += 1 }
    return lower..<upper
  }

  /// Whether one of the pattern's exceptions matches over any of the span's words, starting at
  /// most `exceptionReach` words before them.
  func isExcepted(_ pattern: Int, _ span: Range<Int>, _ matcher: ScanProgram.Matcher) -> Bool {
    for exception in patterns[pattern].exceptions {
      let earliest = max(0, span.lowerBound - Self.exceptionReach)
      for start in earliest..<min(span.upperBound, matcher.count) {
        // `canStart` only refuses starts `match` would refuse, more cheaply.
        if matcher.canStart(exception, at: start),
          let end = matcher.match(exception, from: start), end > span.lowerBound
        {
          return true
        }
      }
    }
    return false
  }

  /// Whether the line answers the finding's own clause with a bare negation, as in a checklist
  /// ("sweating? no. chest pain? no."): after punctuation, the next clause holds only
  /// negations. Not when the clause names a function (`answer_blockers`): "bladder control? no"
  /// reports losing it.
  func isAnsweredNo(after span: Range<Int>, _ line: ScanProgram.Line) -> Bool {
    let clause = clauseBounds(of: span, line)
    // Punctuation ends the clause: after a word such as "still", "does nothing" is a report.
    guard clause.upperBound < line.count, line.isPunctuation(clause.upperBound),
      !clause.contains(where: { line.has(.answerBlocker, at: $0) })
    else { return false }
    // Only negations: "never had that" after a symptom says it is new, not absent.
    var position = clause.upperBound + 1
    let start = position
    while position < line.count && !line.isBreak(position) {
      guard line.has(.negationCue, at: position) else { return false }
      position += 1
    }
    return position > start
  }

  /// Whether a negation stands inside a match's gap ("pee fine and no problems" for "pee ...
  /// problems"), in a pattern that holds no negation of its own ("can not feel" does). A
  /// negation of a word such as "knowing" (`negation_blockers`) right after it denies only that:
  /// "gave me more without knowing, I've had 16" still counts them.
  func isNegatedInside(_ span: Range<Int>, _ pattern: Pattern, _ line: ScanProgram.Line) -> Bool {
    guard span.count > 2 else { return false }
    return ((span.lowerBound + 1)..<(span.upperBound - 1)).contains { position in
      line.has(.negationCue, at: position) && !line.has(.negationBlocker, at: position + 1)
        && !(pattern.hasNegation && program.isOwnWord(at: position, of: pattern.steps, line))
    }
  }

  /// Whether a negation governs the words starting at `start`: a cue earlier in the same
  /// clause, with only filler words or other findings between, and nothing such as "if".
  /// A new subject ("i", "my") ends the reach, so "no fever i cant pee" negates only the
  /// fever and "didn't notice I had soiled myself" does not deny the soiling.
  func isNegated(
    before start: Int, _ line: ScanProgram.Line, covered: [Bool], ownNegations: [Bool]
  ) -> Bool {
    var position = start - 1
    var distance = 0
    while position >= 0 {
      if line.isBreak(position) { return false }
      defer { position -= 1 }
      let isCue = line.has(.negationCue, at: position)
      if isCue && covered[position] && !ownNegations[position] { return true }
      if covered[position] { continue }
      if isCue { return true }
      if line.has(.negationBlocker, at: position) { return false }
      if line.has(.scopeEnder, at: position) { return false }
      if !line.has(.negationFiller, at: position) {
        distance += 1
        if distance > Self.negationReach { return false }
      }
    }
    return false
  }
}
