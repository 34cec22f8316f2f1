import BacktalkCore
import Foundation
import Testing

@Suite struct RegionTests {
  @Test(
    arguments: [
      ("en_US.UTF-8", "US"), ("en_GB", "GB"), ("de_DE.UTF-8@euro", "DE"), ("C", nil),
      ("POSIX", nil),
      ("", nil),
    ] as [(String, String?)])
  func readsTheRegionFromALocale(_ locale: String, _ code: String?) {
    #expect(Region.code(fromLocale: locale) == code)
  }

  @Test func prefersLCAllThenLCMessagesThenLang() {
    #expect(Region.code(fromEnvironment: ["LANG": "en_US.UTF-8", "LC_ALL": "en_GB.UTF-8"]) == "GB")
    #expect(Region.code(fromEnvironment: ["LANG": "en_US.UTF-8", "LC_MESSAGES": "fr_FR"]) == "FR")
    #expect(Region.code(fromEnvironment: ["LANG": "en_AU.UTF-8"]) == "AU")
    #expect(Region.code(fromEnvironment: [:]) == nil)
  }

  @Test(arguments: [
    ("US", "911"), ("gb", "999"), ("DE", "112"), ("ZZ", "your local emergency number"),
  ])
  func picksTheEmergencyNumber(_ code: String, _ number: String) {
    #expect(Region.emergencyNumber(for: code, in: Fixture.knowledge.lexicon) == number)
  }

  @Test func namesTheNumberInTheEmergencyAction() throws {
    for (region, number) in [("GB", "999"), ("US", "911")] {
      let result = try EndToEndTests.run(["ask", "--region", region, "I wet myself"])
      #expect(result.stdout.hasPrefix("EMERGENCY: Call \(number)"))
    }
    let unknown = try EndToEndTests.run(["ask", "--region", "ZZ", "I wet myself"])
    #expect(unknown.stdout.hasPrefix("EMERGENCY: Call your local emergency number"))
  }

  /// Every red-flag action of the real knowledge, and a few made-up texts, filled as Foundation's
  /// `replacingOccurrences` fills them, for numbers and regions with and without helplines.
  @Test(arguments: ["911", "112 oder 110 – Notruf", "000"])
  func fillsPlaceholdersAsFoundationDoes(_ number: String) {
    let lexicon = Fixture.knowledge.lexicon
    let actions = Fixture.knowledge.intents.compactMap { $0.redFlag?.action }
    let madeUp = [
      "{number}{number} {number", "no placeholder", "", "{numbe {number}}", "café {number}",
      "{crisis} or {poison}", "{crisis", "x{crisis}{crisis}", "crisis}", "{",
    ]
    for text in actions + madeUp {
      for region in [nil, "US", "GB", "DE", "zz"] as [String?] {
        var expected = text.replacingOccurrences(of: "{number}", with: number)
        for (name, lines) in lexicon.helplines where expected.contains("{\(name)}") {
          let line = region.flatMap { lines[$0.uppercased()] } ?? lines["default"] ?? ""
          expected = expected.replacingOccurrences(of: "{\(name)}", with: line)
        }
        #expect(
          Region.fill(text, emergencyNumber: number, region: region, in: lexicon) == expected,
          "\(text)")
      }
    }
  }
}
