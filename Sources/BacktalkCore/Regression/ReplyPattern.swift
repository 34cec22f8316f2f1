import Foundation

/// A case's `must` or `must_not` pattern: a case-insensitive regular expression, matched with
/// a time limit so that one that backtracks without end fails its case instead of hanging the
/// run.
struct ReplyPattern {
  enum Outcome: Equatable {
    case found, notFound
    /// Stopped at the time limit, found or not.
    case tooSlow
  }

  /// Matches `pattern` anywhere in `text`, giving up after `timeLimit`.
  ///
  /// ICU calls back while it searches (`.reportProgress`), between starting positions and
  /// during long backtracking, and the callback stops the search once the deadline passes.
  static func match(_ pattern: String, in text: String, timeLimit: Duration) -> Outcome {
    guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    else { return .notFound }  // the loader rejects patterns that do not compile
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeLimit)
    var outcome = Outcome.notFound
    regex.enumerateMatches(
      in: text, options: [.reportProgress], range: NSRange(text.startIndex..., in: text)
    ) { result, _, stop in
      if result != nil {
        outcome = .found
        stop.pointee = true
      } else if clock.now >= deadline {
        outcome = .tooSlow
        stop.pointee = true
      }
    }
    return outcome
  }
}
