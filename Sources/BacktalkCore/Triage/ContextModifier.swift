/// What the words around a finding say about it, in the NegEx/ConText tradition.
///
/// A finding with a blocking modifier was mentioned but is not happening now, so it does not
/// raise the level; the reply says what to watch for instead.
public enum ContextModifier: String, Sendable, Equatable, CaseIterable, Comparable {
  /// Said to be absent: "no numbness".
  case negated
  /// Long past: "had chest pain last year", "broke my wrist years ago".
  case historical
  /// Asked about or imagined: "what if I lose bladder control?", "signs of cauda equina".
  case hypothetical
  /// Explained by something harmless: "numb from the ice pack", "my foot fell asleep".
  case explained
  /// About someone else, now: "my mother can't lift her arm". Counts like the writer's own.
  case otherPerson = "someone else"
  /// About an animal: "my dog's back legs are wobbly". Not for Backtalk to triage: a vet's.
  case animal = "an animal"
  /// Told of a story: a character in a show, a film, a book or a podcast ("on Grey's Anatomy a
  /// character collapsed with chest pain"). Nobody's finding now.
  case story = "a story"

  /// Whether a finding with this modifier stops counting.
  public var blocks: Bool { self != .otherPerson }

  public static func < (lhs: ContextModifier, rhs: ContextModifier) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
