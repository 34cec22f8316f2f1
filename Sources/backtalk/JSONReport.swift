import Foundation

/// One JSON object on one line, keys sorted, for the `--json` reports of `check`, `lint` and
/// `eval` that content authors' CI reads.
enum JSONReport {
  static func text(_ object: [String: Any]) -> String {
    let data =
      (try? JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  /// A share rounded to four decimals, so a report does not carry float noise
  /// (0.9260450160771704).
  static func share(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
