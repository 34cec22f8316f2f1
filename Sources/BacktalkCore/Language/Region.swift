/// Picks the emergency number from a region code or the locale.
public enum Region {
  /// The region code of a locale such as `en_GB.UTF-8` (`GB`), or nil.
  public static func code(fromLocale locale: String) -> String? {
    let base = locale.split(separator: ".").first.map(String.init) ?? locale
    let parts = base.split(separator: "_")
    guard parts.count >= 2 else { return nil }
    let code = parts[1].split(separator: "@").first.map(String.init) ?? ""
    return code.count == 2 ? code.uppercased() : nil
  }

  /// The region code from the first non-empty of `LC_ALL`, `LC_MESSAGES` and `LANG`.
  public static func code(fromEnvironment environment: [String: String]) -> String? {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[name], !value.isEmpty { return code(fromLocale: value) }
    }
    return nil
  }

  /// Fills an action's placeholders: `{number}` with the emergency number, and each other
  /// `{name}` with the region's line of that name (`helplines` in the lexicon, such as
  /// `{crisis}` or `{poison}`), or its `default` wording.
  public static func fill(
    _ text: String, emergencyNumber: String, region code: String?, in lexicon: Lexicon
  ) -> String {
    var text = replacing("{number}", with: emergencyNumber, in: text)
    // Searched as bytes: `contains` on strings resolves to Foundation's, a search with locale
    // and options that cost more than the rest of the reply.
    guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
    for (name, lines) in lexicon.helplines where contains("{\(name)}", in: text) {
      let line = code.flatMap { lines[$0.uppercased()] } ?? lines["default"] ?? ""
      text = replacing("{\(name)}", with: line, in: text)
    }
    return text
  }

  /// Whether a text holds a placeholder, compared as UTF-8 bytes (placeholders are ASCII, and
  /// equal bytes are what `replacing(_:with:in:)` replaces).
  static func contains(_ placeholder: String, in text: String) -> Bool {
    let target = Array(placeholder.utf8)
    let bytes = Array(text.utf8)
    guard let first = target.first, bytes.count >= target.count else { return target.isEmpty }
    for index in 0...(bytes.count - target.count)
    where bytes[index] == first && bytes[index..<(index + target.count)].elementsEqual(target) {
      return true
    }
    return false
  }

  /// Replaces every occurrence of a placeholder, left to right. Plain ASCII text and
  /// placeholder, the case of every action, are replaced byte by byte, which gives what
  /// Foundation's `replacingOccurrences` gives at a small part of its cost (it is on the path
  /// of every red-flag reply); anything else goes through Foundation.
  static func replacing(_ placeholder: String, with value: String, in text: String) -> String {
    let target = Array(placeholder.utf8)
    guard let first = target.first, target.allSatisfy({ $0 < 0x80 }),
      text.utf8.allSatisfy({ $0 < 0x80 })
    else {
      return text.replacingOccurrences(of: placeholder, with: value)
    }
    let bytes = Array(text.utf8)
    guard bytes.contains(first) else { return text }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + value.utf8.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == first, index + target.count <= bytes.count,
        bytes[index..<(index + target.count)].elementsEqual(target)
      {
        result += value.utf8
        index += target.count
      } else {
        result.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// The number to call, such as "911", or the lexicon's default wording.
  public static func emergencyNumber(for code: String?, in lexicon: Lexicon) -> String {
    code.flatMap { lexicon.emergencyNumbers[$0.uppercased()] } ?? lexicon.defaultEmergencyNumber
  }
}
