extension IntentIndex {
  /// Sets each intent's `closest` to the overlap of its example most like the question, a
  /// Dice coefficient weighted by IDF, as measuring every example that holds a known stem
  /// gives it, to the bit.
  ///
  /// The known stem with the most examples is not walked. Its examples that hold no other
  /// known stem overlap the question by its weight alone, so of those the lightest of each
  /// intent is the closest, and the table built at load (`closestIntents`) gives it; an
  /// example lighter still that holds another known stem overlaps by more, and is reached
  /// through that stem. Each example reached is measured once, its overlap summed in the
  /// question's order of stems, as one pass per stem would add it.
  ///
  /// - Parameters:
  ///   - known: the question's known stems, each once, with their IDF; at most 64.
  ///   - queryWeight: the sum of their IDF, in their order.
  /// - Complexity: O(*i* + *e*), where *i* is the number of intents with an example holding
  ///   the commonest known stem and *e* the number of examples holding the others.
  func setClosest(
    _ known: [(stemID: Int, weight: Double)], queryWeight: Double, _ scratch: Scratch
  ) {
    guard !known.isEmpty else { return }
    let closest = scratch.closest
    var longest = 0
    for place in known.indices.dropFirst()
    where exampleCount(of: known[place].stemID) > exampleCount(of: known[longest].stemID) {
      longest = place
    }
    let (longStem, longWeight) = known[longest]
    closestIntents.withUnsafeBufferPointer { closestIntents in
      closestWeights.withUnsafeBufferPointer { closestWeights in
        for entry in closestStarts[longStem]..<closestStarts[longStem + 1] {
          let dice = 2 * longWeight / (queryWeight + closestWeights[entry])
          closest[closestIntents[entry]] = max(closest[closestIntents[entry]], dice)
        }
      }
    }
    guard known.count > 1 else { return }
    // Examples reached are marked in `overlap` (1) and listed in `overlapping`; both are
    // cleared as they are measured.
    let reached = scratch.overlap
    let listed = scratch.overlapping
    let knownBits = scratch.knownBits
    for (place, entry) in known.enumerated() { knownBits[entry.stemID] = 1 << UInt64(place) }
    defer { for entry in known { knownBits[entry.stemID] = 0 } }
    var count = 0
    examplePostings.withUnsafeBufferPointer { examplePostings in
      for (place, entry) in known.enumerated() where place != longest {
        for example in examplePostings[
          exampleStarts[entry.stemID]..<exampleStarts[entry.stemID + 1]]
        where reached[example] == 0 {
          reached[example] = 1
          listed[count] = example
          count += 1
        }
      }
    }
    exampleStemIDs.withUnsafeBufferPointer { exampleStemIDs in
      for example in listed[..<count] {
        reached[example] = 0
        var bits: UInt64 = 0
        for stemID in exampleStemIDs[exampleStemStarts[example]..<exampleStemStarts[example + 1]] {
          bits |= knownBits[stemID]
        }
        var overlap = 0.0
        while bits != 0 {
          overlap += known[bits.trailingZeroBitCount].weight
          bits &= bits - 1
        }
        let dice = 2 * overlap / (queryWeight + exampleWeight[example])
        closest[exampleIntent[example]] = max(closest[exampleIntent[example]], dice)
      }
    }
  }

  /// How many examples hold a stem (by number).
  private func exampleCount(of stemID: Int) -> Int {
    exampleStarts[stemID + 1] - exampleStarts[stemID]
  }
}
