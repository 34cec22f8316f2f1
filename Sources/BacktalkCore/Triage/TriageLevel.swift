/// How urgently a person should get care, lowest first.
public enum TriageLevel: String, Sendable, Comparable, CaseIterable, Codable {
  case none, routine, urgent, emergency

  public static func < (lhs: TriageLevel, rhs: TriageLevel) -> Bool {
    lhs.rank < rhs.rank
  }

  /// The level's position in severity, 0 for `none`.
  public var rank: Int {
    switch self {
    case .none: 0
    case .routine: 1
    case .urgent: 2
    case .emergency: 3
    }
  }
}
