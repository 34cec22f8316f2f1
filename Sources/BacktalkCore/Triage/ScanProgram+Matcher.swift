extension ScanProgram {
  /// The program's arrays and a line's numbers, read in place.
  ///
  /// Matching walks the steps recursively and reads these arrays at every token it tries
  /// (about a hundred patterns a line); through buffer pointers it makes no bounds checks and
  /// no retains on the way. The numbers are the program's own, checked to point inside it when
  /// it is made or restored (`isConsistent`), and a line's arrays have one entry per token.
  struct Matcher {
    let ops: UnsafeBufferPointer<Op>
    let options: UnsafeBufferPointer<Range<Int32>>
    let stems: UnsafeBufferPointer<Int32>
    let typedWords: UnsafeBufferPointer<Int32>
    let firstStems: UnsafeBufferPointer<Int32>
    let optionsByFirstStem: UnsafeBufferPointer<Int32>
    let lineStems: UnsafeBufferPointer<Int32>
    let lineWords: UnsafeBufferPointer<Int32>
    let lineTyped: UnsafeBufferPointer<Int32>
    let lineFlags: UnsafeBufferPointer<TokenFlags>

    /// The number of tokens in the line.
    var count: Int { lineStems.count }

    /// Returns the end of a match of the pattern whose steps are `pattern` starting at
    /// `start`, or nil, as `ScanProgram.match(_:_:from:)` does.
    @inline(__always)
    func match(_ pattern: Range<Int32>, from start: Int) -> Int? {
      match(Int(pattern.lowerBound), Int(pattern.upperBound), start)
    }

    /// Whether the pattern's first step could match at `position`: false only where `match`
    /// finds nothing, a cheap test before it, like `ScanProgram.canStart(_:_:at:)`.
    func canStart(_ pattern: Range<Int32>, at position: Int) -> Bool {
      guard pattern.lowerBound < pattern.upperBound else { return true }
      let op = ops[Int(pattern.lowerBound)]
      guard op.kind == .words else { return true }
      // A filtered step is told by one binary search where the loop below tries every option
      // (a word class has dozens); both refuse only starts `match` refuses.
      if op.hasFilter { return canStartFiltered(op, at: position) }
      for index in Int(op.lower)..<Int(op.upper) {
        let option = options[index]
        guard option.lowerBound < option.upperBound else { return true }
        if stem(at: position, matches: stems[Int(option.lowerBound)]) { return true }
      }
      return false
    }
  }

  /// Calls `body` with a matcher over this program and `line`, valid only inside it.
  func withMatcher<Result>(_ line: Line, _ body: (Matcher) -> Result) -> Result {
    ops.withUnsafeBufferPointer { ops in
      options.withUnsafeBufferPointer { options in
        stems.withUnsafeBufferPointer { stems in
          typedWords.withUnsafeBufferPointer { typedWords in
            firstStems.withUnsafeBufferPointer { firstStems in
              optionsByFirstStem.withUnsafeBufferPointer { optionsByFirstStem in
                line.stems.withUnsafeBufferPointer { lineStems in
                  line.words.withUnsafeBufferPointer { lineWords in
                    line.typed.withUnsafeBufferPointer { lineTyped in
                      line.flags.withUnsafeBufferPointer { lineFlags in
                        body(
                          Matcher(
                            ops: ops, options: options, stems: stems, typedWords: typedWords,
                            firstStems: firstStems, optionsByFirstStem: optionsByFirstStem,
                            lineStems: lineStems, lineWords: lineWords, lineTyped: lineTyped,
                            lineFlags: lineFlags))
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}

extension ScanProgram.Matcher {
  @inline(__always)
  fileprivate func isPunctuation(_ position: Int) -> Bool {
    lineFlags[position].contains(.punctuation)
  }

  /// `ScanProgram.Line.stem(at:matches:)`, in place.
  @inline(__always)
  fileprivate func stem(at position: Int, matches wanted: Int32) -> Bool {
    if lineStems[position] == wanted { return true }
    guard wanted < ScanProgram.markerStems.count else { return false }
    return lineFlags[position].contains(ScanProgram.TokenFlags.marker(wanted))
  }

  /// The steps `index..<upper` matched from `start`: the same walk, in the same order, as the
  /// array version it replaces, so it finds the same first match.
  fileprivate func match(_ index: Int, _ upper: Int, _ start: Int) -> Int? {
    guard index < upper else { return start }
    let op = ops[index]
    switch op.kind {
    case .words:
      if op.hasFilter {
        // Only the options that start with the token's stem can match here: none starts
        // with a marker, so the stem decides. They are tried in their order, as below.
        guard start < count, !isPunctuation(start) else { return nil }
        let stem = lineStems[start]
        var item = lowerBound(of: stem, op.firsts)
        while item < Int(op.firsts.upperBound) && firstStems[item] == stem {
          let option = options[Int(optionsByFirstStem[item])]
          item += 1
          if let position = end(of: (option.lowerBound + 1)..<option.upperBound, from: start + 1),
            let end = match(index + 1, upper, position)
          {
            return end
          }
        }
        return nil
      }
      for choice in Int(op.lower)..<Int(op.upper) {
        if let position = end(of: options[choice], from: start),
          let end = match(index + 1, upper, position)
        {
          return end
        }
      }
      return nil
    case .typed:
      guard start < count, !isPunctuation(start) else { return nil }
      let word = lineWords[start]
      let typed = lineTyped[start]
      var found = false
      for item in Int(op.lower)..<Int(op.upper) where typedWords[item] == word {
        found = true
        break
      }
      if !found {
        for item in Int(op.lower)..<Int(op.upper) where typedWords[item] == typed {
          found = true
          break
        }
      }
      guard found else { return nil }
      return match(index + 1, upper, start + 1)
    case .gap:
      var position = start
      // A numbered gap ("...8") reaches over a comma as well, so a finding told in two
      // halves of one sentence ("around my backside, that's numb") is still one finding;
      // not over a negation after the comma ("my bits are fine, no numbness").
      let overCommas = op.upper == 1
      var crossed = false
      // A filtered step after the gap refuses a token none of its options starts with: told
      // here by its binary search, without a call per position.
      let hasNext = index + 1 < upper
      let next = hasNext ? ops[index + 1] : op
      let filtersNext = hasNext && next.hasFilter
      for _ in 0...min(Int(op.lower), count) {
        if !filtersNext || canStartFiltered(next, at: position),
          let end = match(index + 1, upper, position)
        {
          return end
        }
        guard position < count else { return nil }
        let flags = lineFlags[position]
        guard !flags.contains(.isBreak) || overCommas && flags.contains(.comma),
          !(crossed && flags.contains(.negationCue))
        else { return nil }
        if flags.contains(.comma) { crossed = true }
        position += 1
      }
      return nil
    }
  }

  /// Whether a filtered `words` step has an option starting with the token at `position`.
  @inline(__always)
  fileprivate func canStartFiltered(_ op: ScanProgram.Op, at position: Int) -> Bool {
    guard position < count, !isPunctuation(position) else { return false }
    let stem = lineStems[position]
    let item = lowerBound(of: stem, op.firsts)
    return item < Int(op.firsts.upperBound) && firstStems[item] == stem
  }

  /// Where one option's stems, matched word by word from `start` on, end; nil when a word
  /// does not match.
  @inline(__always)
  fileprivate func end(of option: Range<Int32>, from start: Int) -> Int? {
    var position = start
    for stem in option {
      guard position < count, !isPunctuation(position),
        self.stem(at: position, matches: stems[Int(stem)])
      else { return nil }
      position += 1
    }
    return position
  }

  /// The first place in the sorted `firstStems[range]` whose value is not below `value`, by
  /// binary search (`range.upperBound` when there is none).
  @inline(__always)
  fileprivate func lowerBound(of value: Int32, _ range: Range<Int32>) -> Int {
    var lower = Int(range.lowerBound)
    var upper = Int(range.upperBound)
    while lower < upper {
      let middle = (lower + upper) / 2
      if firstStems[middle] < value { lower = middle + 1 } else { upper = middle }
    }
    return lower
  }
}
