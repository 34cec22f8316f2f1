extension ScanProgram {
  /// A line's tokens as the program's numbers, in buffers reused from line to line.
  struct Line {
    /// The stem's number, or -1 for a stem no pattern names.
    var stems: [Int32] = []
    /// The folded word's number, or -1 for one no typed step names.
    var words: [Int32] = []
    /// The typed word's number, or -1 (none, or one no typed step names).
    var typed: [Int32] = []
    var flags: [TokenFlags] = []
    /// The stems of the line, summarised (`StemSignature`).
    var signature = StemSignature()

    var count: Int { stems.count }

    func isPunctuation(_ position: Int) -> Bool { flags[position].contains(.punctuation) }
    func isBreak(_ position: Int) -> Bool { flags[position].contains(.isBreak) }
    func has(_ flag: TokenFlags, at position: Int) -> Bool { flags[position].contains(flag) }

    /// Whether the token at `position` matches a pattern's stem: the same, or a marker the
    /// token's value satisfies (`FindingScanner.stem(_:matches:)`).
    @inline(__always)
    func stem(at position: Int, matches wanted: Int32) -> Bool {
      if stems[position] == wanted { return true }
      guard wanted < ScanProgram.markerStems.count else { return false }
      return flags[position].contains(TokenFlags.marker(wanted))
    }
  }

  /// Numbers the tokens into `line`, replacing what it held.
  func encode(_ tokens: [Token], into line: inout Line) {
    line.stems.removeAll(keepingCapacity: true)
    line.words.removeAll(keepingCapacity: true)
    line.typed.removeAll(keepingCapacity: true)
    line.flags.removeAll(keepingCapacity: true)
    line.signature = StemSignature()
    // A program used before `freeze()` still numbers lines right, slowly.
    let vocabulary = frozenVocabulary ?? WordTable(self.vocabulary)
    let byNumber = entriesByNumber
    // An empty entry says what no entry says: a number no string of the vocabulary has.
    func entry(_ number: Int32, _ string: String) -> Entry? {
      number >= 0 && Int(number) < byNumber.count ? byNumber[Int(number)] : vocabulary[string]
    }
    for token in tokens {
      var flags: TokenFlags = []
      if token.isBreak { flags.insert(.isBreak) }
      if token.isPunctuation { flags.insert(.punctuation) }
      if token.isComma { flags.insert(.comma) }
      let stemEntry = entry(token.stemID, token.stem)
      let wordEntry =
        token.wordID >= 0 && token.wordID == token.stemID
        ? stemEntry : entry(token.wordID, token.word)
      let typedEntry = token.typed.flatMap { vocabulary[$0] }
      flags.formUnion(stemEntry?.asStem ?? [])
      flags.formUnion((wordEntry?.asWord ?? []).subtracting(.firstPerson))
      // `Token.isOne(of:)`: the word as typed, or as folded.
      let asTyped = token.typed == nil ? wordEntry : typedEntry
      if (asTyped?.asWord ?? []).contains(.firstPerson)
        || (wordEntry?.asWord ?? []).contains(.firstPerson)
      {
        flags.insert(.firstPerson)
      }
      flags.formUnion(Self.numberFlags(token.stem))
      if let stem = stemEntry?.stem, stem >= 0 { line.signature.insert(stem) }
      line.stems.append(stemEntry?.stem ?? -1)
      line.words.append(wordEntry?.word ?? -1)
      line.typed.append(typedEntry?.word ?? -1)
      line.flags.append(flags)
    }
  }

  /// Returns the end of a match of the pattern whose steps are `pattern` starting at `start`,
  /// or nil: `FindingScanner`'s pattern semantics, on numbers.
  func match(_ pattern: Range<Int32>, _ line: Line, from start: Int) -> Int? {
    withMatcher(line) { $0.match(pattern, from: start) }
  }

  /// Whether the word at `position` is one of the pattern's own: some option of one of its
  /// steps holds its stem and matches the words around it ("no feeling" of a class of
  /// lost-feeling words), rather than a word a gap passed over ("my groin is fine no
  /// numbness").
  func isOwnWord(at position: Int, of pattern: Range<Int32>, _ line: Line) -> Bool {
    for op in ops[Int(pattern.lowerBound)..<Int(pattern.upperBound)] where op.kind == .words {
      for option in options[Int(op.lower)..<Int(op.upper)] {
        for (offset, stem) in stems[Int(option.lowerBound)..<Int(option.upperBound)].enumerated()
        where stem == line.stems[position] {
          let start = position - offset
          if start >= 0, matches(option, line, from: start) { return true }
        }
      }
    }
    return false
  }

  /// The summaries of the first stems of the pattern's filtered steps after its first: a line
  /// whose summary misses one of them cannot match the pattern, as every step must match and
  /// a filtered step only starts at a token with one of those stems.
  func laterStepSignatures(of pattern: Range<Int32>) -> [StemSignature] {
    guard pattern.lowerBound < pattern.upperBound else { return [] }
    return ops[Int(pattern.lowerBound + 1)..<Int(pattern.upperBound)].filter(\.hasFilter).map {
      op in
      var signature = StemSignature()
      for stem in firstStems[Int(op.firsts.lowerBound)..<Int(op.firsts.upperBound)] {
        signature.insert(stem)
      }
      return signature
    }
  }

  /// Whether the pattern's first step could match at `position`: a cheap test that spares
  /// the full match at most tokens.
  func canStart(_ pattern: Range<Int32>, _ line: Line, at position: Int) -> Bool {
    guard pattern.lowerBound < pattern.upperBound else { return true }
    let op = ops[Int(pattern.lowerBound)]
    guard op.kind == .words else { return true }
    for index in Int(op.lower)..<Int(op.upper) {
      let option = options[index]
      guard option.lowerBound < option.upperBound else { return true }
      if line.stem(at: position, matches: stems[Int(option.lowerBound)]) { return true }
    }
    return false
  }
}

extension ScanProgram {
  /// Whether one option's stems match the words from `start` on.
  fileprivate func matches(_ option: Range<Int32>, _ line: Line, from start: Int) -> Bool {
    end(of: option, line, from: start) != nil
  }

  /// Where one option's stems, matched word by word from `start` on, end; nil when a word
  /// does not match.
  @inline(__always)
  fileprivate func end(of option: Range<Int32>, _ line: Line, from start: Int) -> Int? {
    var position = start
    for stem in option {
      guard position < line.count, !line.isPunctuation(position),
        line.stem(at: position, matches: stems[Int(stem)])
      else { return nil }
      position += 1
    }
    return position
  }

  /// The marker flags of a stem that is a number (`Int(stem)`, as the string scanner reads it;
  /// a temperature may have a decimal point).
  fileprivate static func numberFlags(_ stem: String) -> TokenFlags {
    guard let first = stem.utf8.first,
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first == UInt8(ascii: "+")
        || first == UInt8(ascii: "-"),
      let reading = Double(stem)
    else { return [] }
    var flags: TokenFlags = []
    if (37.5...43).contains(reading) || (99.5...110).contains(reading) { flags.insert(.fever) }
    guard let value = Int(stem) else { return flags }
    if (50...120).contains(value) { flags.insert(.older) }
    if value >= 10 { flags.insert(.many) }
    if (1900...2100).contains(value) { flags.insert(.year) }
    return flags
  }
}
