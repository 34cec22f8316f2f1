import Foundation
import Synchronization

/// Recognises findings anywhere in a line, each with the context modifiers that govern it.
///
/// Patterns come from red-flag intents' triggers (the rule's own symptom) and from the named
/// findings of the lexicon; both are compiled once, to numbers (`ScanProgram`), so a line is
/// numbered once and matched by comparing integers. Scanning is pure.
public struct FindingScanner: Sendable {
  let patterns: [Pattern]
  private(set) var program: ScanProgram
  /// Patterns by the stem number that can start them (`patternStarts[stem]..<[stem + 1]` of
  /// `patternsByFirstStem`), so a line only tries patterns it could match.
  let patternStarts: [Int32]
  let patternsByFirstStem: [Int32]
  /// Context cues: history, hypothetical and someone else's, which look ahead, then the history
  /// cues that follow what they date ("3 years ago"), which look back.
  let cues: [CueRule]
  /// Cues by the stem number that can start them, as for patterns; `cuesForAnyStart` may
  /// start anywhere (a first step that is a gap or a typed word).
  let cueStarts: [Int32]
  let cuesByFirstStem: [Int32]
  let cuesForAnyStart: [Int32]
  let definitionCues: [Range<Int32>]
  /// Whether some definition cue can start at a token of each stem number; empty when one
  /// may start at any token (a first step that is a gap, a typed word or a marker).
  let definitionStarts: [Bool]
  /// For each pattern, the summaries of its later filtered steps
  /// (`requirementStarts[pattern]..<[pattern + 1]` of `requirements`): a line that misses one
  /// is not tried (`ScanProgram.laterStepSignatures`).
  let requirementStarts: [Int32]
  let requirements: [ScanProgram.StemSignature]
  /// Buffers for one scan at a time, reused from line to line and thread to thread.
  let buffers: BufferPool
  /// The ids of findings that are risk factors, which stay true in the past.
  public let riskFindings: Set<String>

  struct Pattern: Sendable, Equatable {
    var id: String
    /// The finding's place among the ids, to keep one mention per finding and place.
    var finding: Int
    var level: TriageLevel
    /// Whether a mention of the past still counts (a risk factor such as a cancer history).
    var ignoresHistory: Bool
    /// Whether it counts even when said to have passed (`Lexicon.countsWhenPassed`).
    var countsWhenPassed = false
    var steps: Range<Int32>
    var exceptions: [Range<Int32>]
    /// Whether the pattern's own words hold a negation ("can not feel").
    var hasNegation = false
  }

  struct CueRule: Sendable, Equatable {
    var modifier: ContextModifier
    var steps: Range<Int32>
    var looksBack: Bool
    /// A history cue that says it has passed ("went away"), which may also start the next
    /// clause ("a fever last week, it is gone now").
    var resolves = false
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
    var program = ScanProgram(lexicon: lexicon)
    var patterns: [Pattern] = []
    var findingNumbers: [String: Int] = [:]
    // A pattern holds its words as stems, and a negation's stem may differ from the word
    // ("nothing"), so both are looked for.
    let negationStems = lexicon.negationCues.union(lexicon.negationCues.flatMap(stems))
    func add(
      _ id: String, _ level: TriageLevel, _ risk: Bool, _ triggers: [String], _ except: [String]
    ) {
      let exceptions = except.map { program.add(Self.compile($0, stems: stems)) }
      let finding = findingNumbers[id, default: findingNumbers.count]
      findingNumbers[id] = finding
      for trigger in triggers {
        let pattern = Self.compile(trigger, stems: stems)
        let hasNegation = pattern.contains { element in
          guard case .words(let options) = element else { return false }
          return options.contains { $0.contains(where: negationStems.contains) }
        }
        patterns.append(
          Pattern(
            id: id, finding: finding, level: level, ignoresHistory: risk,
            countsWhenPassed: lexicon.countsWhenPassed.contains(id),
            steps: program.add(pattern), exceptions: exceptions, hasNegation: hasNegation))
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
    let contextCues = lexicon.contextCues
    var cues: [CueRule] = []
    for (modifier, wordings) in [
      (ContextModifier.historical, contextCues.history), (.hypothetical, contextCues.hypothetical),
      (.otherPerson, contextCues.otherPerson), (.animal, contextCues.animal),
      (.story, contextCues.story),
    ] {
      for wording in wordings {
        let steps = program.add(Self.compile(wording, stems: stems))
        cues.append(CueRule(modifier: modifier, steps: steps, looksBack: false))
      }
    }
    for wording in contextCues.historyAfter {
      let steps = program.add(Self.compile(wording, stems: stems))
      cues.append(CueRule(modifier: .historical, steps: steps, looksBack: true))
    }
    for wording in contextCues.resolved {
      let steps = program.add(Self.compile(wording, stems: stems))
      cues.append(CueRule(modifier: .historical, steps: steps, looksBack: true, resolves: true))
    }
    let definitionCues = contextCues.definition.map {
      program.add(Self.compile($0, stems: stems))
    }
    let stemCount = Int(program.stemCount)
    let (patternStarts, patternsByFirstStem) = Self.buckets(
      stemCount,
      patterns.indices.map { (Int32($0), program.indexedFirstStems(of: patterns[$0].steps)) })
    var anyStart: [Int32] = []
    var cueFirsts: [(Int32, [Int32])] = []
    for (index, cue) in cues.enumerated() {
      if let firsts = program.firstStems(of: cue.steps) {
        cueFirsts.append((Int32(index), firsts))
      } else {
        anyStart.append(Int32(index))
      }
    }
    let (cueStarts, cuesByFirstStem) = Self.buckets(stemCount, cueFirsts)
    program.freeze()
    // What is derived from the compiled parts is derived in one place, as for a snapshot.
    self.init(
      compiled: Compiled(
        patterns: patterns, program: program, patternStarts: patternStarts,
        patternsByFirstStem: patternsByFirstStem, cues: cues, cueStarts: cueStarts,
        cuesByFirstStem: cuesByFirstStem, cuesForAnyStart: anyStart,
        definitionCues: definitionCues,
        riskFindings: Set(lexicon.findings.filter { $0.kind == .risk }.map(\.id))))
  }

  /// Everything the scanner compiles from the knowledge, which a build stores in the snapshot
  /// so a start-up compiles no pattern (`CompiledKnowledge.scanner`).
  struct Compiled: Sendable, Equatable {
    var patterns: [Pattern]
    var program: ScanProgram
    var patternStarts: [Int32]
    var patternsByFirstStem: [Int32]
    var cues: [CueRule]
    var cueStarts: [Int32]
    var cuesByFirstStem: [Int32]
    var cuesForAnyStart: [Int32]
    var definitionCues: [Range<Int32>]
    var riskFindings: Set<String>

    /// Whether every number points inside the arrays it indexes, as a scan takes them to.
    var isConsistent: Bool {
      let ops = Int32(program.ops.count)
      func isSteps(_ steps: Range<Int32>) -> Bool {
        steps.lowerBound >= 0 && steps.upperBound <= ops
      }
      func isBuckets(_ starts: [Int32], _ items: [Int32], _ count: Int) -> Bool {
        starts.count == Int(program.stemCount) + 1 && starts.first == 0
          && zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 }
          && starts.last == Int32(items.count)
          && items.allSatisfy { (0..<Int32(count)).contains($0) }
      }
      return program.isConsistent && program.stemCount >= Int32(ScanProgram.markerStems.count)
        && patterns.allSatisfy { isSteps($0.steps) && $0.exceptions.allSatisfy(isSteps) }
        && cues.allSatisfy { isSteps($0.steps) } && definitionCues.allSatisfy(isSteps)
        && isBuckets(patternStarts, patternsByFirstStem, patterns.count)
        && isBuckets(cueStarts, cuesByFirstStem, cues.count)
        && cuesForAnyStart.allSatisfy { (0..<Int32(cues.count)).contains($0) }
    }
  }

  /// The scanner with its program numbered by an analyzer (`ScanProgram.number(by:)`),
  /// for lines of that analyzer's tokens.
  func numbered(by analyzer: TextAnalyzer) -> FindingScanner {
    var numbered = self
    numbered.program.number(by: analyzer)
    return numbered
  }

  /// What the scanner compiled, to store at build time.
  var compiled: Compiled {
    Compiled(
      patterns: patterns, program: program, patternStarts: patternStarts,
      patternsByFirstStem: patternsByFirstStem, cues: cues, cueStarts: cueStarts,
      cuesByFirstStem: cuesByFirstStem, cuesForAnyStart: cuesForAnyStart,
      definitionCues: definitionCues, riskFindings: riskFindings)
  }

  /// A scanner from what an earlier build compiled, compiling nothing.
  init(compiled: Compiled) {
    patterns = compiled.patterns
    program = compiled.program
    patternStarts = compiled.patternStarts
    patternsByFirstStem = compiled.patternsByFirstStem
    cues = compiled.cues
    cueStarts = compiled.cueStarts
    cuesByFirstStem = compiled.cuesByFirstStem
    cuesForAnyStart = compiled.cuesForAnyStart
    definitionCues = compiled.definitionCues
    riskFindings = compiled.riskFindings
    buffers = BufferPool(cues: compiled.cues.count)
    (requirementStarts, requirements) = Self.requirements(of: compiled.patterns, compiled.program)
    definitionStarts = Self.starts(of: compiled.definitionCues, compiled.program)
  }

  /// Returns every finding in the tokens, each with its modifiers.
  ///
  /// - Complexity: O(*n* · *p*) where *n* is the number of tokens and *p* the number of
  ///   patterns that can start at a token (usually a handful).
  public func scan(_ tokens: [Token]) -> [Finding] {
    var buffers = self.buffers.take()
    defer { self.buffers.giveBack(buffers) }
    program.encode(tokens, into: &buffers.line)
    findSpans(&buffers)
    guard !buffers.spans.isEmpty else { return [] }
    findCues(&buffers)
    let line = buffers.line
    return buffers.spans.map { span in
      let pattern = patterns[span.pattern]
      var modifiers = context(
        of: span.range, line, cues: buffers.cues, countsWhenPassed: pattern.countsWhenPassed)
      if pattern.ignoresHistory { modifiers.remove(.historical) }
      if span.explained { modifiers.insert(.explained) }
      if isNegated(
        before: span.range.lowerBound, line, covered: buffers.covered,
        ownNegations: buffers.ownNegations)
        || isNegatedInside(span.range, pattern, line) || isAnsweredNo(after: span.range, line)
      {
        modifiers.insert(.negated)
      }
      // The words as typed, joined by spaces, without the arrays a map, a filter and a join
      // would build.
      var words = ""
      for token in tokens[span.range] {
        let word = token.typed ?? token.word
        guard !word.isEmpty else { continue }
        if !words.isEmpty { words.append(" ") }
        words.append(word)
      }
      return Finding(
        intent: pattern.id, level: pattern.level, modifiers: modifiers, words: words,
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
    for part in Self.split(Substring(trigger), by: UInt8(ascii: " ")) {
      if part == "..." {
        flushPlain()
        pattern.append(.gap(gapLength))
      } else if part.hasPrefix("..."), let length = Int(part.dropFirst(3)), length > 0 {
        flushPlain()
        pattern.append(.gap(length))
      } else if part == "...*" {
        flushPlain()
        pattern.append(.gap(Int.max))
      } else if part.utf8.contains(UInt8(ascii: "|")) {
        flushPlain()
        // An option of several words joins them with "_": "gave_way|weak"; a marker such as
        // "#short" stands as it is.
        let options = Self.split(part, by: UInt8(ascii: "|")).map { option in
          option.hasPrefix("#")
            ? [String(option)] : stems(Self.spaced(option))
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
}

extension FindingScanner {
  /// The text split at an ASCII separator as `split(separator:)` splits it at that character:
  /// by bytes when the text is plain ASCII, where every byte is a character (start-up splits
  /// thousands of triggers and options), by characters otherwise.
  fileprivate static func split(_ text: Substring, by separator: UInt8) -> [Substring] {
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
      return text.split(separator: Character(Unicode.Scalar(separator)))
    }
    return text.utf8.split(separator: separator).map { Substring($0) }
  }

  /// An option of several words with its "_" as spaces: Foundation's
  /// `replacingOccurrences`, byte by byte (start-up compiles thousands of options).
  fileprivate static func spaced(_ option: Substring) -> String {
    String(
      decoding: option.utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 },
      as: UTF8.self)
  }

  /// Which stems can start one of the cues (`definitionStarts`).
  fileprivate static func starts(of cues: [Range<Int32>], _ program: ScanProgram) -> [Bool] {
    var starts = [Bool](repeating: false, count: Int(program.stemCount))
    for cue in cues {
      guard let firsts = program.firstStems(of: cue),
        firsts.allSatisfy({ $0 >= Int32(ScanProgram.markerStems.count) })
      else { return [] }
      for stem in firsts { starts[Int(stem)] = true }
    }
    return starts
  }

  /// Each pattern's later-step summaries, flat.
  fileprivate static func requirements(of patterns: [Pattern], _ program: ScanProgram) -> (
    [Int32], [ScanProgram.StemSignature]
  ) {
    var starts: [Int32] = [0]
    var signatures: [ScanProgram.StemSignature] = []
    for pattern in patterns {
      signatures.append(contentsOf: program.laterStepSignatures(of: pattern.steps))
      starts.append(Int32(signatures.count))
    }
    return (starts, signatures)
  }

  /// Flat buckets of items by stem number: `starts[stem]..<starts[stem + 1]` of `items`, each
  /// bucket in ascending order without repeats.
  fileprivate static func buckets(_ stemCount: Int, _ firsts: [(Int32, [Int32])]) -> (
    [Int32], [Int32]
  ) {
    var byStem = [[Int32]](repeating: [], count: stemCount)
    for (item, stems) in firsts {
      for stem in stems where byStem[Int(stem)].last != item { byStem[Int(stem)].append(item) }
    }
    var starts: [Int32] = [0]
    var items: [Int32] = []
    for bucket in byStem {
      items.append(contentsOf: Array(Set(bucket)).sorted())
      starts.append(Int32(items.count))
    }
    return (starts, items)
  }
}
