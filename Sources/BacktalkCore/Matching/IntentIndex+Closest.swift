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
  /// question's order of stems, as one pass per stem would add it: the other stems' postings
  /// mark the places it holds, and the commonest stem's bitmap tells whether it holds that one
  /// too, so its own stems are not walked.
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
    // Each example reached through a stem other than the commonest gets the bit of that stem's
    // place (`exampleBits`) and is listed in `overlapping` the first time; both are cleared as
    // the examples are measured. Whether it holds the commonest stem as well is read from that
    // stem's bitmap when it has one, else from the example's stems.
    let reachedBits = scratch.exampleBits
    let listed = scratch.overlapping
    // The known stems' weights by place, read without the bounds checks of `known`.
    let placeWeights = scratch.placeWeights
    for place in known.indices { placeWeights[place] = known[place].weight }
    var count = 0
    examplePostings.withUnsafeBufferPointer { examplePostings in
      exampleStarts.withUnsafeBufferPointer { exampleStarts in
        for (place, entry) in known.enumerated() where place != longest {
          let bit: UInt64 = 1 << UInt64(place)
          for example in examplePostings[
            exampleStarts[entry.stemID]..<exampleStarts[entry.stemID + 1]]
          {
            // Listed every time, but counted only the first: no branch to mispredict.
            let bits = reachedBits[example]
            listed[count] = example
            count &+= bits == 0 ? 1 : 0
            reachedBits[example] = bits | bit
          }
        }
      }
    }
    let longBit: UInt64 = 1 << UInt64(longest)
    let bitmapStart = exampleBitmapStarts[longStem]
    exampleStemIDs.withUnsafeBufferPointer { exampleStemIDs in
      exampleStemStarts.withUnsafeBufferPointer { exampleStemStarts in
        exampleBitmaps.withUnsafeBufferPointer { bitmaps in
          exampleIntent.withUnsafeBufferPointer { exampleIntent in
            exampleWeight.withUnsafeBufferPointer { exampleWeight in
              for example in listed[..<count] {
                var bits = reachedBits[example]
                reachedBits[example] = 0
                if bitmapStart >= 0 {
                  let word = bitmaps[bitmapStart &+ example &>> 6]
                  bits |= word &>> UInt64(example & 63) & 1 == 0 ? 0 : longBit
                } else {
                  for stemID in exampleStemIDs[
                    exampleStemStarts[example]..<exampleStemStarts[example &+ 1]]
                  where stemID == longStem {
                    bits |= longBit
                  }
                }
                var overlap = 0.0
                while bits != 0 {
                  overlap += placeWeights[bits.trailingZeroBitCount]
                  bits &= bits &- 1
                }
                let dice = 2 * overlap / (queryWeight + exampleWeight[example])
                let intent = exampleIntent[example]
                closest[intent] = max(closest[intent], dice)
              }
            }
          }
        }
      }
    }
  }

  /// For each stem held by at least `bitmapExamples` examples, the examples that hold it as
  /// bits, example *e* at bit `e % 64` of word `start + e / 64`; a start of -1 for the others.
  static func exampleBitmaps(starts: [Int], postings: [Int], examples: Int) -> (
    starts: [Int], words: [UInt64]
  ) {
    let width = examples / 64 + 1
    var bitmapStarts = [Int](repeating: -1, count: max(starts.count - 1, 0))
    var words: [UInt64] = []
    for stemID in bitmapStarts.indices where starts[stemID + 1] - starts[stemID] >= bitmapExamples {
      bitmapStarts[stemID] = words.count
      words.append(contentsOf: repeatElement(0, count: width))
      for example in postings[starts[stemID]..<starts[stemID + 1]] {
        words[bitmapStarts[stemID] + example >> 6] |= 1 << UInt64(example & 63)
      }
    }
    return (bitmapStarts, words)
  }

  /// How many examples a stem needs to get a bitmap: below it, walking the stems of the
  /// examples reached costs little, as the stem is then the commonest of a question of rare
  /// stems.
  static let bitmapExamples = 16

  /// How many examples hold a stem (by number).
  private func exampleCount(of stemID: Int) -> Int {
    exampleStarts[stemID + 1] - exampleStarts[stemID]
  }
}
