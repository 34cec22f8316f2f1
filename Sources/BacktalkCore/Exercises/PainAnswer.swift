/// Reads the answer to a walkthrough's "Any pain? (y/n)" the way people give it.
public enum PainAnswer {
  /// Whether the line says it hurts: true for "Yes.", "yes a little", "a bit", "it hurts";
  /// false for "no", "not really", "no it's fine"; nil when it is neither (asked back).
  ///
  /// Doubt counts as pain: a line that says both ("no, well, a bit") is a yes.
  ///
  /// - Parameter answerWords: the lexicon's answer words (`pain_yes`, `pain_no`, `pain_fine`,
  ///   `pain`).
  public static func hurts(_ line: String, words answerWords: [String: Set<String>]) -> Bool? {
    let yesWords = answerWords["pain_yes"] ?? []
    let noWords = answerWords["pain_no"] ?? []
    let fineWords = answerWords["pain_fine"] ?? []
    let painWords = answerWords["pain"] ?? []
    let words = line.lowercased().split { !$0.isLetter }.map(String.init)
    guard let first = words.first else { return nil }
    let saysABit = zip(words, words.dropFirst()).contains {
      $0 == "a" && ($1 == "bit" || $1 == "little")
    }
    if yesWords.contains(first) { return true }
    if words.contains(where: { noWords.contains($0) }) {
      // "no pain" and "it doesn't hurt" are a no; "no, but it hurts a bit" is not.
      return words.contains("but") || saysABit
    }
    if saysABit || words.contains(where: { painWords.contains($0) }) { return true }
    if words.count <= 3 && words.contains(where: { fineWords.contains($0) }) { return false }
    return nil
  }
}
