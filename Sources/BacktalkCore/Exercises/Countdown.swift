/// A hold's countdown, one tick a second, that the person can skip or interrupt.
public enum Countdown {
  /// What one tick of waiting saw.
  public enum Tick: Sendable, Equatable {
    /// The second passed.
    case elapsed
    /// The person pressed Enter: skip the rest of the hold.
    case skipped
    /// The person pressed Ctrl-C: end the countdown (not the program).
    case interrupted
  }

  /// Counts down from `seconds`, calling `tick` with the seconds left; `tick` shows them and
  /// waits up to a second. Returns how the countdown ended.
  ///
  /// - Complexity: O(*seconds*) calls to `tick`.
  public static func run(seconds: Int, tick: (_ remaining: Int) -> Tick) -> Tick {
    var remaining = seconds
    while remaining > 0 {
      let result = tick(remaining)
      if result != .elapsed { return result }
      remaining -= 1
    }
    return .elapsed
  }
}
