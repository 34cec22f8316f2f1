/// The lexicon's word sets that selection asks about token after token, told by the analyzer's
/// numbers of a token's strings (`NumberedWords`), which answer as the sets do without hashing
/// a `String`.
struct SelectionWords: Sendable {
  /// `question_joiners`, which part two questions.
  private(set) var questionJoiners: NumberedWords
  /// `alternative_joiners`, which offer a second question.
  private(set) var alternativeJoiners: NumberedWords
  private(set) var storyWords: NumberedWords
  private(set) var firstPerson: NumberedWords
  private(set) var negationCues: NumberedWords
  private(set) var reassuranceWords: NumberedWords
  /// `on_topic_words`, which keep a line in the back spasm's world.
  private(set) var onTopicWords: NumberedWords
  /// The stems of `on_topic_words`: a phrase a synonym folded ("put my back out" is "seiz")
  /// leaves its canonical stem as the token's word.
  private(set) var onTopicStems: NumberedWords
  /// `yes_no_openers`, which start a question.
  private(set) var yesNoOpeners: NumberedWords
  /// `yes_no_openers` and `question_openers`: the first words of a part that asks.
  private(set) var questionOpeners: NumberedWords
  /// `effect_words`, which ask what a thing does ("help", "cause", "worse").
  private(set) var effectWords: NumberedWords
  /// `on_topic_words` less `weak_on_topic_words`: words that put a line in the back spasm's
  /// world on their own.
  private(set) var strongOnTopicWords: NumberedWords
  /// `openers` ("hey, quick question:").
  private(set) var openers: NumberedWords
  /// The stems of the stopwords, as the intent index skips them (`IntentIndex.stopwords`).
  private(set) var stopStems: NumberedWords

  /// The sets, numbered by the analyzer whose tokens selection reads.
  init(_ lexicon: Lexicon, stopStems: Set<String>, numberedBy analyzer: TextAnalyzer) {
    questionJoiners = NumberedWords(lexicon.questionJoiners)
    alternativeJoiners = NumberedWords(lexicon.alternativeJoiners)
    storyWords = NumberedWords(lexicon.storyWords)
    firstPerson = NumberedWords(lexicon.contextCues.firstPerson)
    negationCues = NumberedWords(lexicon.negationCues)
    reassuranceWords = NumberedWords(lexicon.reassuranceWords)
    onTopicWords = NumberedWords(lexicon.onTopicWords)
    onTopicStems = NumberedWords(Set(lexicon.onTopicWords.map(Stemmer.stem)))
    yesNoOpeners = NumberedWords(lexicon.yesNoOpeners)
    questionOpeners = NumberedWords(lexicon.yesNoOpeners.union(lexicon.questionOpeners))
    effectWords = NumberedWords(lexicon.effectWords)
    strongOnTopicWords = NumberedWords(lexicon.onTopicWords.subtracting(lexicon.weakOnTopicWords))
    openers = NumberedWords(lexicon.openers)
    self.stopStems = NumberedWords(stopStems)
    for set in [
      \Self.questionJoiners, \.alternativeJoiners, \.storyWords, \.firstPerson, \.negationCues,
      \.reassuranceWords, \.onTopicWords, \.onTopicStems, \.yesNoOpeners, \.questionOpeners,
      \.effectWords, \.strongOnTopicWords, \.openers, \.stopStems,
    ] as [WritableKeyPath<Self, NumberedWords>] {
      self[keyPath: set].number(by: analyzer)
    }
  }
}
