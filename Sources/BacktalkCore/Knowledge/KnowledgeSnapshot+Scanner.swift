/// The red-flag scanner's compiled patterns in the snapshot: numbers as raw little-endian
/// arrays, read back in one copy each, so a start-up compiles no trigger.
extension Writer {
  mutating func scanner(_ scanner: FindingScanner.Compiled) {
    array(scanner.patterns) { writer, pattern in
      writer.string(pattern.id)
      writer.int(pattern.finding)
      writer.string(pattern.level.rawValue)
      writer.int(
        (pattern.ignoresHistory ? 1 : 0) | (pattern.countsWhenPassed ? 2 : 0)
          | (pattern.hasNegation ? 4 : 0))
      writer.ranges([pattern.steps])
      writer.ranges(pattern.exceptions)
    }
    let program = scanner.program
    array(program.vocabulary.sorted { $0.key < $1.key }) { writer, entry in
      writer.string(entry.key)
      writer.raw([
        entry.value.stem, entry.value.word, Int32(entry.value.asStem.rawValue),
        Int32(entry.value.asWord.rawValue),
      ])
    }
    raw(
      program.ops.flatMap { op in
        [
          Int32(op.kind.rawValue), op.lower, op.upper, op.firsts.lowerBound, op.firsts.upperBound,
          op.hasFilter ? 1 : 0,
        ]
      })
    ranges(program.options)
    raw(program.stems)
    raw(program.typedWords)
    raw(program.firstStems)
    raw(program.optionsByFirstStem)
    int(Int(program.stemCount))
    int(Int(program.wordCount))
    raw(scanner.patternStarts)
    raw(scanner.patternsByFirstStem)
    array(scanner.cues) { writer, cue in
      writer.string(cue.modifier.rawValue)
      writer.ranges([cue.steps])
      writer.int((cue.looksBack ? 1 : 0) | (cue.resolves ? 2 : 0))
    }
    raw(scanner.cueStarts)
    raw(scanner.cuesByFirstStem)
    raw(scanner.cuesForAnyStart)
    ranges(scanner.definitionCues)
    set(scanner.riskFindings)
  }

  /// Ranges of numbers as one raw array of bounds.
  mutating func ranges(_ values: [Range<Int32>]) {
    raw(values.flatMap { [$0.lowerBound, $0.upperBound] })
  }
}

extension Reader {
  mutating func scanner() throws(KnowledgeSnapshot.FormatError) -> FindingScanner.Compiled {
    let patterns = try array { reader throws(KnowledgeSnapshot.FormatError) in
      let id = try reader.string()
      let finding = try reader.int()
      guard let level = TriageLevel(rawValue: try reader.string()) else {
        throw KnowledgeSnapshot.FormatError()
      }
      let flags = try reader.int()
      let steps = try reader.ranges()
      guard steps.count == 1 else { throw KnowledgeSnapshot.FormatError() }
      return FindingScanner.Pattern(
        id: id, finding: finding, level: level, ignoresHistory: flags & 1 != 0,
        countsWhenPassed: flags & 2 != 0, steps: steps[0], exceptions: try reader.ranges(),
        hasNegation: flags & 4 != 0)
    }
    let entries = try array { reader throws(KnowledgeSnapshot.FormatError) in
      let word = try reader.string()
      let numbers: [Int32] = try reader.raw()
      guard numbers.count == 4, let asStem = UInt16(exactly: numbers[2]),
        let asWord = UInt16(exactly: numbers[3])
      else { throw KnowledgeSnapshot.FormatError() }
      return (
        word,
        ScanProgram.Entry(
          stem: numbers[0], word: numbers[1], asStem: ScanProgram.TokenFlags(rawValue: asStem),
          asWord: ScanProgram.TokenFlags(rawValue: asWord))
      )
    }
    let opNumbers: [Int32] = try raw()
    guard opNumbers.count % 6 == 0 else { throw KnowledgeSnapshot.FormatError() }
    var ops: [ScanProgram.Op] = []
    ops.reserveCapacity(opNumbers.count / 6)
    for start in stride(from: 0, to: opNumbers.count, by: 6) {
      guard let small = UInt8(exactly: opNumbers[start]),
        let kind = ScanProgram.Op.Kind(rawValue: small),
        opNumbers[start + 3] <= opNumbers[start + 4]
      else { throw KnowledgeSnapshot.FormatError() }
      ops.append(
        ScanProgram.Op(
          kind: kind, lower: opNumbers[start + 1], upper: opNumbers[start + 2],
          firsts: opNumbers[start + 3]..<opNumbers[start + 4], hasFilter: opNumbers[start + 5] != 0
        ))
    }
    let program = ScanProgram(
      vocabulary: Dictionary(entries, uniquingKeysWith: { first, _ in first }), ops: ops,
      options: try ranges(), stems: try raw(), typedWords: try raw(), firstStems: try raw(),
      optionsByFirstStem: try raw(), stemCount: try int32Number(), wordCount: try int32Number())
    let patternStarts: [Int32] = try raw()
    let patternsByFirstStem: [Int32] = try raw()
    let cues = try array { reader throws(KnowledgeSnapshot.FormatError) in
      guard let modifier = ContextModifier(rawValue: try reader.string()) else {
        throw KnowledgeSnapshot.FormatError()
      }
      let steps = try reader.ranges()
      let flags = try reader.int()
      guard steps.count == 1 else { throw KnowledgeSnapshot.FormatError() }
      return FindingScanner.CueRule(
        modifier: modifier, steps: steps[0], looksBack: flags & 1 != 0, resolves: flags & 2 != 0)
    }
    let compiled = FindingScanner.Compiled(
      patterns: patterns, program: program, patternStarts: patternStarts,
      patternsByFirstStem: patternsByFirstStem, cues: cues, cueStarts: try raw(),
      cuesByFirstStem: try raw(), cuesForAnyStart: try raw(), definitionCues: try ranges(),
      riskFindings: try set())
    guard compiled.isConsistent else { throw KnowledgeSnapshot.FormatError() }
    return compiled
  }

  /// Ranges written by `Writer.ranges`; a lower bound above its upper bound is no snapshot.
  mutating func ranges() throws(KnowledgeSnapshot.FormatError) -> [Range<Int32>] {
    let bounds: [Int32] = try raw()
    guard bounds.count % 2 == 0 else { throw KnowledgeSnapshot.FormatError() }
    var ranges: [Range<Int32>] = []
    ranges.reserveCapacity(bounds.count / 2)
    for start in stride(from: 0, to: bounds.count, by: 2) {
      guard bounds[start] <= bounds[start + 1] else { throw KnowledgeSnapshot.FormatError() }
      ranges.append(bounds[start]..<bounds[start + 1])
    }
    return ranges
  }

  /// A count written by `Writer.int` that fits in 32 bits.
  mutating func int32Number() throws(KnowledgeSnapshot.FormatError) -> Int32 {
    guard let value = Int32(exactly: try int()) else { throw KnowledgeSnapshot.FormatError() }
    return value
  }
}
