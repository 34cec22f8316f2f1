import BacktalkCore
import Testing

@Suite struct TextWrapperTests {
  @Test func wrapsLongLinesAtSpacesAndKeepsLineBreaks() {
    let text = "one two three four five\nshort\n\nsix seven"
    #expect(TextWrapper.wrap(text, width: 9) == "one two\nthree\nfour five\nshort\n\nsix seven")
  }

  @Test func leavesAWordLongerThanTheWidthWhole() {
    #expect(
      TextWrapper.wrap("a incomprehensibilities b", width: 5) == "a\nincomprehensibilities\nb")
  }

  @Test func keepsEveryWordInOrder() {
    let answer = Fixture.knowledge.intent("ice_or_heat")?.answer ?? ""
    let wrapped = TextWrapper.wrap(answer, width: 40)
    #expect(
      wrapped.split(whereSeparator: { $0 == " " || $0 == "\n" }) == answer.split(separator: " "))
    #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 40 })
  }
}
