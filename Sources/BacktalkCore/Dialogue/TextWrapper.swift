/// Wraps text for a terminal at word boundaries.
public enum TextWrapper {
  /// Wraps every line longer than `width` characters at spaces, keeping the text's own line
  /// breaks; a word longer than the width stands on a line of its own.
  ///
  /// - Complexity: O(*n*) in the text's length.
  public static func wrap(_ text: String, width: Int) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      guard line.count > width else { return String(line) }
      var lines: [String] = []
      var current = ""
      for word in line.split(separator: " ") {
        if !current.isEmpty && current.count + 1 + word.count > width {
          lines.append(current)
          current = ""
        }
        current += current.isEmpty ? String(word) : " " + word
      }
      lines.append(current)
      return lines.joined(separator: "\n")
    }.joined(separator: "\n")
  }
}
