/// The JSON Lines form of a reply: one compact object with sorted keys, written directly.
extension Reply {
  /// Returns the reply as one line of JSON (no trailing newline).
  ///
  /// - Parameter explain: whether to add the `explain` field.
  public func jsonLine(explain: Bool = false) -> String {
    var writer = JSONWriter()
    writer.open()
    writer.key("confidence")
    writer.number(confidence)
    writer.key("disclaimer")
    writer.string(disclaimer)
    if explain {
      writer.key("explain")
      explanation.write(to: &writer)
    }
    writer.key("intents")
    writer.strings(intents)
    writer.key("question")
    writer.string(question)
    writer.key("reply")
    writer.string(text)
    writer.key("sources")
    writer.strings(sources)
    if !steps.isEmpty {
      writer.key("steps")
      writer.strings(steps)
    }
    if !suggestions.isEmpty {
      writer.key("suggestions")
      writer.strings(suggestions)
    }
    writer.key("triage")
    writer.string(triage.rawValue)
    writer.close()
    return writer.output
  }
}

extension Explanation {
  func write(to writer: inout JSONWriter) {
    writer.open()
    writer.key("candidates")
    writer.output += "["
    for (offset, match) in candidates.enumerated() {
      if offset > 0 { writer.output += "," }
      writer.open()
      writer.key("confidence")
      writer.number(match.confidence)
      writer.key("intent")
      writer.string(match.intent)
      writer.key("score")
      writer.number(match.score)
      writer.key("words")
      writer.strings(match.matchedStems)
      writer.close()
    }
    writer.output += "]"
    writer.key("corrections")
    writer.strings(corrections.map { "\($0.from) -> \($0.to)" })
    if !parts.isEmpty {
      writer.key("parts")
      writer.strings(parts)
    }
    writer.key("synonyms")
    writer.strings(synonyms.map { "\($0.from) -> \($0.to)" })
    writer.key("words")
    writer.strings(words)
    writer.close()
  }
}

/// A minimal JSON writer for flat objects of strings, numbers and string arrays.
struct JSONWriter {
  var output = ""
  private var needsComma = [false]

  mutating func open() {
    output += "{"
    needsComma.append(false)
  }

  mutating func close() {
    output += "}"
    needsComma.removeLast()
    needsComma[needsComma.count - 1] = true
  }

  mutating func key(_ name: String) {
    if needsComma[needsComma.count - 1] { output += "," }
    needsComma[needsComma.count - 1] = false
    string(name)
    output += ":"
  }

  mutating func number(_ value: Double) {
    let rounded = (value * 1000).rounded() / 1000
    output += rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    needsComma[needsComma.count - 1] = true
  }

  mutating func strings(_ values: [String]) {
    output += "["
    for (offset, value) in values.enumerated() {
      if offset > 0 { output += "," }
      string(value)
    }
    output += "]"
    needsComma[needsComma.count - 1] = true
  }

  mutating func string(_ value: String) {
    output += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
          || scalar.value == 0x2028 || scalar.value == 0x2029
        {
          let hex = String(scalar.value, radix: 16)
          output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output += "\""
    needsComma[needsComma.count - 1] = true
  }
}
