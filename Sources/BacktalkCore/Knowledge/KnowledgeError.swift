/// A problem in a knowledge file, with what is needed to fix it.
public struct KnowledgeError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file's path relative to the knowledge root, such as `Intents/driving.yml`.
  public var file: String
  /// The 1-based line the problem is on; 0 when it concerns the whole file.
  public var line: Int
  /// What is wrong, starting in lowercase.
  public var problem: String
  /// How an author fixes it.
  public var fix: String

  public init(file: String, line: Int, problem: String, fix: String) {
    self.file = file
    self.line = line
    self.problem = problem
    self.fix = fix
  }

  /// The error in the compiler's `file:line: error:` shape, with any character a terminal
  /// would act on (copied from a file name or a quoted value) spelled as `U+XXXX`.
  public var description: String {
    let place = line > 0 ? "\(file):\(line)" : file
    return DisplaySafety.escaped("\(place): error: \(problem)") + "\n  fix: "
      + DisplaySafety.escaped(fix)
  }
}

/// Every problem found while loading knowledge, in file and line order.
public struct KnowledgeErrors: Error, Sendable, CustomStringConvertible {
  public var errors: [KnowledgeError]

  public init(_ errors: [KnowledgeError]) {
    self.errors = errors.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
  }

  public var description: String {
    errors.map(\.description).joined(separator: "\n")
  }
}
