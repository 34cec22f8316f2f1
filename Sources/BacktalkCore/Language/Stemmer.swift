/// A light suffix-stripping stemmer, so that "spasms", "numbness" and "tingling" meet their
/// base words. It only has to be consistent: questions and knowledge go through the same one.
public enum Stemmer {
  /// Returns the stem of a folded word.
  ///
  /// - Complexity: O(*n*) in the word's length.
  public static func stem(_ word: String) -> String {
    var letters = Array(word.utf8)
    guard letters.count > 3, letters.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
    if strip("ness", from: &letters, keeping: 3) {
    } else if ends(letters, "ies") && letters.count > 4 {
      letters.removeLast(3)
      letters.append(0x79)  // y
    } else if ends(letters, "sses") {
      letters.removeLast(2)
    } else if strip("ing", from: &letters, keeping: 3) || strip("ed", from: &letters, keeping: 3) {
      undouble(&letters)
    } else if ends(letters, "ly") && letters.count >= 5 && letters[letters.count - 3] != 0x6C {
      letters.removeLast(2)  // "badly" to "bad", but "really" stays apart from "real"
    } else if ends(letters, "s") && !ends(letters, "ss") && !ends(letters, "us")
      && !ends(letters, "is")
    {
      letters.removeLast()
    }
    if letters.count > 3 && letters.last == 0x65 {  // e
      letters.removeLast()
    }
    return String(decoding: letters, as: UTF8.self)
  }
}

extension Stemmer {
  fileprivate static func ends(_ letters: [UInt8], _ suffix: String) -> Bool {
    let tail = Array(suffix.utf8)
    return letters.count >= tail.count && Array(letters.suffix(tail.count)) == tail
  }

  fileprivate static func strip(_ suffix: String, from letters: inout [UInt8], keeping minimum: Int)
    -> Bool
  {
    let length = suffix.utf8.count
    guard ends(letters, suffix), letters.count - length >= minimum else { return false }
    letters.removeLast(length)
    return true
  }

  /// Turns "swimm" back into "swim" and "stopp" into "stop", but leaves "fall" and "press".
  fileprivate static func undouble(_ letters: inout [UInt8]) {
    guard letters.count >= 3 else { return }
    let last = letters[letters.count - 1]
    let keep: Set<UInt8> = Array("lsz".utf8).reduce(into: []) { $0.insert($1) }
    if last == letters[letters.count - 2] && !keep.contains(last) && !"aeiou".utf8.contains(last) {
      letters.removeLast()
    }
  }
}
