import Foundation
import Yams

/// Reads typed fields out of a YAML mapping, recording a `KnowledgeError` for each problem.
///
/// Every accessor returns nil (or an empty value) on a problem and keeps going, so one pass
/// over a file reports all of its problems.
struct YAMLFields {
  let file: String
  let mapping: Node.Mapping
  let line: Int
  let what: String
  var errors: [KnowledgeError] = []
  private var seen: Set<String> = []

  init(file: String, node: Node.Mapping, what: String) {
    self.file = file
    self.mapping = node
    self.line = node.mark?.line ?? 0
    self.what = what
  }

  mutating func fail(_ node: Node?, _ problem: String, fix: String) {
    errors.append(
      KnowledgeError(file: file, line: node?.mark?.line ?? line, problem: problem, fix: fix))
  }

  /// Records an error for every key not in `allowed`, with a "did you mean" when one is close.
  mutating func rejectUnknownKeys(allowed: [String]) {
    for (key, _) in mapping {
      let name = key.scalar?.string ?? "?"
      guard !allowed.contains(name) else { continue }
      let guess = allowed.min { editDistance(name, $0) < editDistance(name, $1) }
      let hint =
        guess.map { editDistance(name, $0) <= 3 ? "did you mean '\($0)'? " : "" } ?? ""
      fail(
        key, "unknown key '\(name)' in \(what)",
        fix: "\(hint)allowed keys are: \(allowed.joined(separator: ", "))")
    }
  }

  func node(_ key: String) -> Node? {
    mapping.first { $0.key.scalar?.string == key }?.value
  }

  mutating func string(_ key: String, required: Bool = false) -> String? {
    guard let value = node(key) else {
      if required {
        fail(nil, "\(what) has no '\(key)'", fix: "add '\(key):' with a value")
      }
      return nil
    }
    guard let scalar = value.scalar else {
      fail(
        value, "'\(key)' in \(what) must be text, not a \(value.kindName)",
        fix: "write '\(key): some text'")
      return nil
    }
    let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.isEmpty, required || value.tag.rawValue != "tag:yaml.org,2002:null" {
      fail(value, "'\(key)' in \(what) is empty", fix: "give '\(key)' a value or remove it")
      return nil
    }
    return text.isEmpty ? nil : text
  }

  mutating func int(_ key: String) -> Int? {
    guard let value = node(key) else { return nil }
    guard let text = value.scalar?.string, let number = Int(text), number > 0 else {
      fail(
        value, "'\(key)' in \(what) must be a whole number above 0",
        fix: "write for example '\(key): 10'")
      return nil
    }
    return number
  }

  mutating func strings(_ key: String, required: Bool = false) -> [String] {
    guard let value = node(key) else {
      if required {
        fail(nil, "\(what) has no '\(key)'", fix: "add '\(key):' with a list of entries")
      }
      return []
    }
    guard let sequence = value.sequence else {
      fail(
        value, "'\(key)' in \(what) must be a list, not a \(value.kindName)",
        fix: "write it as '\(key): [a, b]' or one '- item' per line")
      return []
    }
    var result: [String] = []
    for item in sequence {
      guard let text = item.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines),
        !text.isEmpty
      else {
        fail(
          item, "an entry of '\(key)' in \(what) is empty or not text",
          fix: "write each entry as plain text")
        continue
      }
      result.append(text)
    }
    if required && result.isEmpty && value.sequence?.isEmpty == true {
      fail(value, "\(what) has no \(key)", fix: "add at least one entry under '\(key):'")
    }
    return result
  }
}

extension Node {
  /// A plain word for the node's kind, for error messages.
  var kindName: String {
    switch self {
    case .scalar: "single value"
    case .mapping: "mapping"
    case .sequence: "list"
    case .alias: "alias"
    }
  }
}

/// The Levenshtein distance between two strings, counted in characters.
func editDistance(_ lhs: String, _ rhs: String) -> Int {
  let a = Array(lhs)
  let b = Array(rhs)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = previous
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
