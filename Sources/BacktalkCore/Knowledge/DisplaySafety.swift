/// Characters knowledge text must not hold, because a terminal would act on them rather than
/// show them: escape sequences can recolour, hide or rewrite what a person reads, and
/// bidirectional overrides can reorder it.
///
/// Knowledge is rejected at load when it holds one (with its file and line), and messages
/// about knowledge spell them as `U+001B` so a diagnostic never carries one to stderr.
public enum DisplaySafety {
  /// Whether a character must not be printed raw: C0 controls other than tab and line feed,
  /// DEL, C1 controls, and the bidirectional marks, embeddings, overrides and isolates.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: false
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// The text with each unsafe character written as `U+XXXX`.
  public static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      if isUnsafe(scalar) { result += name(scalar) } else { result.unicodeScalars.append(scalar) }
    }
    return result
  }

  /// A character's code point and what it is, such as `U+001B (a control character)`.
  public static func describe(_ scalar: Unicode.Scalar) -> String {
    let kind = scalar.value >= 0x200 ? "a bidirectional-text control" : "a control character"
    return "\(name(scalar)) (\(kind))"
  }

  /// The 1-based lines holding an unsafe character, each with the first such character.
  ///
  /// - Complexity: O(*n*), where *n* is the length of the text.
  static func unsafeLines(in text: String) -> [(line: Int, scalar: Unicode.Scalar)] {
    var found: [(line: Int, scalar: Unicode.Scalar)] = []
    var line = 1
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        line += 1
      } else if isUnsafe(scalar), found.last?.line != line {
        found.append((line, scalar))
      }
    }
    return found
  }
}

extension DisplaySafety {
  fileprivate static func name(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }
}
