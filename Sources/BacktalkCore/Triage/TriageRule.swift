/// A triage rule: the level a red-flag intent sets, and the findings that set it.
///
/// A rule fires when its own symptom is present (the intent's triggers) or when every finding
/// of one of its combinations is.
public struct TriageRule: Sendable, Equatable {
  /// The red-flag intent that carries the rule and its reply.
  public var id: String
  public var level: TriageLevel
  /// Whether the intent has triggers of its own.
  public var hasOwnSymptom: Bool
  /// Each a set of finding or rule ids that must all be present.
  public var combinations: [[String]]

  public init(id: String, level: TriageLevel, hasOwnSymptom: Bool, combinations: [[String]]) {
    self.id = id
    self.level = level
    self.hasOwnSymptom = hasOwnSymptom
    self.combinations = combinations
  }

  /// Why the rule fires, or nil: its own id, or the first combination whose findings are all
  /// present in different mentions: two findings read from words starting at the same place
  /// are one phrase ("tripping over my feet" is not a fall and a weak leg).
  ///
  /// - Parameter spans: for each id present, where its counting mentions stand; a rule that
  ///   fired has an empty span, which overlaps nothing.
  public func reason(spans: [String: [Range<Int>]]) -> [String]? {
    if hasOwnSymptom && spans[id] != nil { return [id] }
    return combinations.first { Self.disjoint($0, spans, taken: []) }
  }

  /// Whether every id can be given a mention starting where none given to the others does.
  static func disjoint(_ ids: [String], _ spans: [String: [Range<Int>]], taken: [Range<Int>])
    -> Bool
  {
    var taken = taken
    return disjoint(ids[...], spans, &taken)
  }

  /// `disjoint(_:_:taken:)` on a slice of the ids, the mentions given so far pushed on and
  /// popped off one list, where each step had copied both into new arrays.
  private static func disjoint(
    _ ids: ArraySlice<String>, _ spans: [String: [Range<Int>]], _ taken: inout [Range<Int>]
  ) -> Bool {
    guard let first = ids.first else { return true }
    guard let mentions = spans[first] else { return false }
    for span in mentions
    where span.isEmpty
      || !taken.contains(where: { $0.lowerBound == span.lowerBound && !$0.isEmpty })
    {
      taken.append(span)
      let found = disjoint(ids.dropFirst(), spans, &taken)
      taken.removeLast()
      if found { return true }
    }
    return false
  }
}
