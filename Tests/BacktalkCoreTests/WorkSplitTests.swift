import BacktalkCore
import Testing

/// Pipe mode shares a batch of lines among cores by `WorkSplit`: the ranges must keep the
/// lines in order and balance their bytes, not their count.
@Suite struct WorkSplitTests {
  func weights(_ ranges: [Range<Int>], _ weights: [Int]) -> [Int] {
    ranges.map { $0.reduce(0) { $0 + weights[$1] } }
  }

  /// Every item once, in order: consecutive, non-empty ranges from 0 to the end.
  func coverInOrder(_ ranges: [Range<Int>], count: Int) -> Bool {
    var next = 0
    for range in ranges {
      guard range.lowerBound == next, !range.isEmpty else { return false }
      next = range.upperBound
    }
    return next == count
  }

  @Test func coversEveryItemInOrder() {
    for count in [1, 2, 3, 7, 64, 1000] {
      for parts in [1, 2, 3, 8, 2000] {
        let weights = (0..<count).map { ($0 * 7919) % 97 + 1 }
        let ranges = WorkSplit.ranges(weights: weights, parts: parts)
        #expect(coverInOrder(ranges, count: count), "\(count) items in \(parts) parts")
        #expect(ranges.count <= max(parts, 1))
      }
    }
    #expect(WorkSplit.ranges(weights: [], parts: 4).isEmpty)
  }

  @Test func equalItemsGetEqualCounts() {
    let ranges = WorkSplit.ranges(weights: Array(repeating: 100, count: 64), parts: 8)
    #expect(ranges.map(\.count) == Array(repeating: 8, count: 8))
  }

  /// A few huge lines among many short ones: the units come out even in bytes, where a
  /// split by line count gives the unit holding the huge lines twice the other's bytes.
  @Test func balancesHugeLinesAmongShortOnes() {
    let huge = 65_536 + 512
    let short = 100 + 512
    let items = Array(repeating: huge, count: 3) + Array(repeating: short, count: 600)
    let total = items.reduce(0, +)
    let byCount = weights([0..<items.count / 2, items.count / 2..<items.count], items)
    #expect(Double(byCount.max()!) > 1.3 * Double(total) / 2)
    let two = WorkSplit.ranges(weights: items, parts: 2)
    #expect(coverInOrder(two, count: items.count))
    #expect(two.count == 2)
    #expect(weights(two, items).max()! <= total / 2 + short, "\(two)")
    // In eight units, as two cores get them, no unit carries more than its share and one
    // item, and the first huge lines, heavier than a share, stand alone.
    let eight = WorkSplit.ranges(weights: items, parts: 8)
    #expect(coverInOrder(eight, count: items.count))
    #expect(weights(eight, items).max()! <= total / 8 + huge)
    #expect(eight.prefix(2) == [0..<1, 1..<2], "\(eight)")
  }

  @Test func aHugeLineAtEitherEndStandsAlone() {
    let short = Array(repeating: 1, count: 10)
    #expect(WorkSplit.ranges(weights: [100] + short, parts: 4).first == 0..<1)
    #expect(WorkSplit.ranges(weights: short + [100], parts: 4).last == 10..<11)
  }
}
