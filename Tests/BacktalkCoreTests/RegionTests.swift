import BacktalkCore
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
}
