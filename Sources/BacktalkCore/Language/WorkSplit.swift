/// Sharing out a batch of lines among threads by their size, so one thread is not left with
/// a few huge lines while the others run out of work.
public enum WorkSplit {
  /// Cuts items, kept in order, into at most `parts` contiguous ranges of about equal total
  /// weight, together covering every item once.
  ///
  /// A range ends where adding the next item would overshoot its share by more than stopping
  /// short of it falls under, and each share is the weight left over the ranges left, so an
  /// item heavier than a share gets a range to itself and the light items around it are
  /// spread over the rest.
  public static func ranges(weights: [Int], parts: Int) -> [Range<Int>] {
    guard !weights.isEmpty else { return [] }
    var left = weights.reduce(0) { $0 + max($1, 0) }
    var partsLeft = max(parts, 1)
    var ranges: [Range<Int>] = []
    var start = 0
    var weight = 0
    for (index, item) in weights.enumerated() {
      let item = max(item, 0)
      if partsLeft > 1 && index > start {
        let share = Double(left) / Double(partsLeft)
        let over = Double(weight + item) - share
        let under = share - Double(weight)
        if over > under {
          ranges.append(start..<index)
          left -= weight
          partsLeft -= 1
          start = index
          weight = 0
        }
      }
      weight += item
    }
    ranges.append(start..<weights.count)
    return ranges
  }
}
