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
    var text = text.replacingOccurrences(of: "{number}", with: emergencyNumber)
    guard text.contains("{") else { return text }
    for (name, lines) in lexicon.helplines where text.contains("{\(name)}") {
      let line = code.flatMap { lines[$0.uppercased()] } ?? lines["default"] ?? ""
      text = text.replacingOccurrences(of: "{\(name)}", with: line)
    }
    return text
  }

  /// The number to call, such as "911", or the lexicon's default wording.
  public static func emergencyNumber(for code: String?, in lexicon: Lexicon) -> String {
    code.flatMap { lexicon.emergencyNumbers[$0.uppercased()] } ?? lexicon.defaultEmergencyNumber
  }
}
