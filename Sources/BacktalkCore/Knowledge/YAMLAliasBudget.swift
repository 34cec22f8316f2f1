// libyaml, through Yams's own C module: Yams offers no limit on alias expansion and no way to
// see the events before it composes (and hashes) the expanded tree, which is where a "billion
// laughs" file spends its minutes and gigabytes.
import CYaml

/// A bound on how much YAML aliases (`*name`) may add to a file, checked on libyaml's events
/// before the file is composed.
enum YAMLAliasBudget {
  /// The most values that aliases may add to one file beyond as many as it writes out.
  ///
  /// Tools such as PyYAML write a value used twice as an anchor and an alias, so a generated
  /// file may repeat a fair share of itself; a "billion laughs" adds millions of times more
  /// than it writes. Either way what a file loads stays within twice its written size plus
  /// this.
  static let allowance = 1000

  /// The alias that takes a file past the budget (what aliases add may not pass what the file
  /// writes out plus `allowance`), with the budget; nil when the file stays within it (or does
  /// not parse: composing reports that).
  ///
  /// Each alias adds the number of values (scalars, lists and mappings) its anchor stands for,
  /// counted with the aliases inside it, so nested aliases count at their full size.
  ///
  /// - Complexity: O(*n*) in the length of the text: aliases are counted, never expanded.
  static func aliasOverBudget(in text: String) -> (line: Int, name: String, budget: Int)? {
    guard text.utf8.contains(UInt8(ascii: "&")) else { return nil }  // no anchor, no alias
    var bytes = Array(text.utf8)
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return nil }
    defer { yaml_parser_delete(&parser) }
    return bytes.withUnsafeMutableBufferPointer { buffer in
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var sizes: [String: Int] = [:]
      // Open lists and mappings: their anchor and the values counted in them so far.
      var open: [(anchor: String?, size: Int)] = []
      var added = 0
      var written = 0
      // Every alias, with what aliases had added up to and including it.
      var aliases: [(line: Int, name: String, added: Int)] = []
      func finish(_ anchor: String?, _ size: Int) {
        if let anchor { sizes[anchor] = size }
        if !open.isEmpty {
          open[open.count - 1].size = saturatingSum(open[open.count - 1].size, size)
        }
      }
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        switch event.type {
        case YAML_STREAM_END_EVENT:
          let budget = written + allowance
          guard let over = aliases.first(where: { $0.added > budget }) else { return nil }
          return (over.line, over.name, budget)
        case YAML_SCALAR_EVENT:
          written += 1
          finish(name(event.data.scalar.anchor), 1)
        case YAML_SEQUENCE_START_EVENT:
          written += 1
          open.append((name(event.data.sequence_start.anchor), 1))
        case YAML_MAPPING_START_EVENT:
          written += 1
          open.append((name(event.data.mapping_start.anchor), 1))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
          if let closed = open.popLast() { finish(closed.anchor, closed.size) }
        case YAML_ALIAS_EVENT:
          let alias = name(event.data.alias.anchor) ?? ""
          let size = sizes[alias] ?? 1
          added = saturatingSum(added, size)
          aliases.append((Int(event.start_mark.line) + 1, alias, added))
          finish(nil, size)
        default:
          break
        }
      }
    }
  }
}

extension YAMLAliasBudget {
  fileprivate static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
  }

  /// Sizes grow exponentially in a hostile file; they stop growing at 2^40.
  fileprivate static func saturatingSum(_ left: Int, _ right: Int) -> Int {
    min(left + right, 1 << 40)
  }
}
