import Synchronization

extension IntentIndex {
  /// Per-intent and per-example accumulators for one call of `matches(for:)`, all zero between
  /// calls: a call clears only the entries it touched, so its cost follows the postings of the
  /// question's stems, not the size of the index.
  ///
  /// The buffers are raw memory owned by the scratch, so the hot loops write to them without
  /// the uniqueness check an array needs. Used by one call at a time: a call takes it from the
  /// pool and gives it back, so it may cross threads (hence `@unchecked Sendable`) but is never
  /// shared.
  final class Scratch: @unchecked Sendable {
    let scores: UnsafeMutableBufferPointer<Double>
    let covered: UnsafeMutableBufferPointer<Double>
    /// Which of the question's stems each intent holds, one bit per stem (the first 64).
    let earnedBits: UnsafeMutableBufferPointer<UInt64>
    let isTouched: UnsafeMutableBufferPointer<Bool>
    let closest: UnsafeMutableBufferPointer<Double>
    let overlap: UnsafeMutableBufferPointer<Double>
    /// The classifier's score of each touched intent; written before it is read, so it need
    /// not be cleared.
    let learned: UnsafeMutableBufferPointer<Double>
    /// The intents and the examples a call touched, in the order it touched them: the first
    /// `touchedCount` and `overlappingCount` entries. Each intent or example is listed once, so
    /// the sizes of the index bound them.
    let touched: UnsafeMutableBufferPointer<Int>
    let overlapping: UnsafeMutableBufferPointer<Int>
    /// Which stems (by number) a call has taken already, to skip repeats.
    let isSeen: UnsafeMutableBufferPointer<Bool>
    /// For each example (by position) reached through a known stem, the bits of the places of
    /// the known stems that reached it; cleared as read.
    let exampleBits: UnsafeMutableBufferPointer<UInt64>
    /// The small lists a call builds, kept between calls with their capacity: a call takes
    /// them (`takeLists()`) and puts them back, so they are not allocated again.
    var lists = Lists()
    /// The weights of a call's known stems by place, for `setClosest` (at most 64).
    let placeWeights: UnsafeMutableBufferPointer<Double>

    /// The lists of one call, each empty between calls.
    struct Lists {
      /// The question's stems and what the index knows of each.
      var stems: [String] = []
      var terms: [Term] = []
      var contextTerms: [Term] = []
      /// The places in `stems` of the stems matched, each once, and their numbers.
      var content: [Int] = []
      var contentIDs: [Int] = []
      var contextIDs: [Int] = []
      var known: [(stemID: Int, weight: Double)] = []
      var stemFeatures: [Int] = []
      var contextFeatures: [Int] = []
      var features: [(feature: Int, value: Double)] = []
      var ranked: [Int] = []

      mutating func removeAll() {
        stems.removeAll(keepingCapacity: true)
        terms.removeAll(keepingCapacity: true)
        contextTerms.removeAll(keepingCapacity: true)
        content.removeAll(keepingCapacity: true)
        contentIDs.removeAll(keepingCapacity: true)
        contextIDs.removeAll(keepingCapacity: true)
        known.removeAll(keepingCapacity: true)
        stemFeatures.removeAll(keepingCapacity: true)
        contextFeatures.removeAll(keepingCapacity: true)
        features.removeAll(keepingCapacity: true)
        ranked.removeAll(keepingCapacity: true)
      }
    }

    /// The lists, emptied, for the caller to hold alone until it puts them back.
    func takeLists() -> Lists {
      var taken = Lists()
      swap(&taken, &lists)
      taken.removeAll()
      return taken
    }

    init(intents: Int, examples: Int, stems: Int) {
      func zeros<Value>(_ count: Int, _ zero: Value) -> UnsafeMutableBufferPointer<Value> {
        let buffer = UnsafeMutableBufferPointer<Value>.allocate(capacity: max(count, 1))
        buffer.initialize(repeating: zero)
        return buffer
      }
      scores = zeros(intents, 0.0)
      covered = zeros(intents, 0.0)
      earnedBits = zeros(intents, UInt64(0))
      isTouched = zeros(intents, false)
      closest = zeros(intents, 0.0)
      overlap = zeros(examples, 0.0)
      learned = zeros(intents, 0.0)
      touched = zeros(intents, 0)
      // One more than the examples: `setClosest` writes past the last one listed.
      overlapping = zeros(examples + 1, 0)
      isSeen = zeros(stems, false)
      exampleBits = zeros(examples, UInt64(0))
      placeWeights = zeros(64, 0.0)
    }

    deinit {
      scores.deallocate()
      covered.deallocate()
      earnedBits.deallocate()
      isTouched.deallocate()
      closest.deallocate()
      overlap.deallocate()
      learned.deallocate()
      touched.deallocate()
      overlapping.deallocate()
      isSeen.deallocate()
      exampleBits.deallocate()
      placeWeights.deallocate()
    }
  }

  /// Scratch accumulators to reuse across calls and threads; a call that finds none free
  /// makes its own, so there are as many as calls have ever run at once.
  final class ScratchPool: Sendable {
    private let free = Mutex<[Scratch]>([])
    private let intents: Int
    private let examples: Int
    private let stems: Int

    init(intents: Int, examples: Int, stems: Int) {
      self.intents = intents
      self.examples = examples
      self.stems = stems
    }

    /// A scratch whose entries are all zero, for one call.
    func take() -> Scratch {
      free.withLock { $0.popLast() } ?? Scratch(intents: intents, examples: examples, stems: stems)
    }

    /// Gives back a scratch whose entries the caller has set back to zero.
    func giveBack(_ scratch: Scratch) {
      free.withLock { $0.append(scratch) }
    }
  }
}
