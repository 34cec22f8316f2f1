/// Reads the answer to a walkthrough's "Any pain? (y/n)" the way people give it.
public enum PainAnswer {
  /// Whether the line says it hurts: true for "Yes.", "yes a little", "a bit", "it hurts";
  /// false for "no", "not really", "no it's fine"; nil when it is neither (asked back).
  ///
  /// Doubt counts as pain: a line that says both ("no, well, a bit") is a yes.
  public static func hurts(_ line: String) -> Bool? {
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

extension PainAnswer {
  fileprivate static let yesWords: Set = [
    "y", "yes", "yeah", "yep", "yup", "ya", "yea", "some", "slightly", "little", "bit", "kinda",
    "sorta", "somewhat", "ouch", "ow",
  ]
  fileprivate static let noWords: Set = [
    "n", "no", "nope", "nah", "not", "never", "none", "nothing", "doesn", "don", "isn", "didn",
    "dont", "doesnt", "isnt",
  ]
  fileprivate static let fineWords: Set = ["fine", "ok", "okay", "good", "alright"]
  fileprivate static let painWords: Set = [
    "hurt", "hurts", "hurting", "hurted", "pain", "painful", "sore", "aches", "ache", "aching",
    "twinge", "sharp", "worse",
  ]
}
