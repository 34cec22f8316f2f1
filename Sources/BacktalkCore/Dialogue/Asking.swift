/// The kinds of question a line asks (`ask_kinds`), where each asking phrase starts, and the
/// positions the phrases cover.
///
/// Positions are bits for the first 64 tokens, where nearly every line ends, and a set beyond:
/// the splitter asks about every position of a line, and a set hashed each one.
struct Asking {
  var kinds: Set<String> = []
  private var startBits: UInt64 = 0
  private var coveredBits: UInt64 = 0
  private var laterStarts: Set<Int> = []
  private var laterCovered: Set<Int> = []

  /// Whether some asking phrase starts in the line.
  var hasStarts: Bool { startBits != 0 || !laterStarts.isEmpty }

  /// Whether an asking phrase starts at a position.
  func starts(at position: Int) -> Bool {
    position < 64 ? startBits & (1 << UInt64(position)) != 0 : laterStarts.contains(position)
  }

  /// Whether an asking phrase covers a position.
  func covers(_ position: Int) -> Bool {
    position < 64 ? coveredBits & (1 << UInt64(position)) != 0 : laterCovered.contains(position)
  }

  /// Notes an asking phrase of a kind over these positions.
  mutating func add(_ kind: String, at positions: Range<Int>) {
    kinds.insert(kind)
    let start = positions.lowerBound
    if start < 64 { startBits |= 1 << UInt64(start) } else { laterStarts.insert(start) }
    for position in positions {
      if position < 64 {
        coveredBits |= 1 << UInt64(position)
      } else {
        laterCovered.insert(position)
      }
    }
  }
}
