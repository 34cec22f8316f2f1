/// The lexicon's word sets that selection asks about token after token, as byte-hashed tables
/// (`WordTable`), which answer as the sets do at a fraction of the cost of hashing a `String`.
struct SelectionWords: Sendable {
  /// `question_joiners`, which part two questions.
  let questionJoiners: WordTable<Bool>
  /// `alternative_joiners`, which offer a second question.
  let alternativeJoiners: WordTable<Bool>
  let storyWords: WordTable<Bool>
  let firstPerson: WordTable<Bool>
  let negationCues: WordTable<Bool>
  let reassuranceWords: WordTable<Bool>
  /// `on_topic_words`, which keep a line in the back spasm's world.
  let onTopicWords: WordTable<Bool>
  /// The stems of `on_topic_words`: a phrase a synonym folded ("put my back out" is "seiz")
  /// leaves its canonical stem as the token's word.
  let onTopicStems: WordTable<Bool>
  /// `yes_no_openers`, which start a question.
  let yesNoOpeners: WordTable<Bool>
  /// `yes_no_openers` and `question_openers`: the first words of a part that asks.
  let questionOpeners: WordTable<Bool>
  /// `effect_words`, which ask what a thing does ("help", "cause", "worse").
  let effectWords: WordTable<Bool>
  /// `on_topic_words` less `weak_on_topic_words`: words that put a line in the back spasm's
  /// world on their own.
  let strongOnTopicWords: WordTable<Bool>

  init(_ lexicon: Lexicon) {
    questionJoiners = WordTable(lexicon.questionJoiners)
    alternativeJoiners = WordTable(lexicon.alternativeJoiners)
    storyWords = WordTable(lexicon.storyWords)
    firstPerson = WordTable(lexicon.contextCues.firstPerson)
    negationCues = WordTable(lexicon.negationCues)
    reassuranceWords = WordTable(lexicon.reassuranceWords)
    onTopicWords = WordTable(lexicon.onTopicWords)
    onTopicStems = WordTable(Set(lexicon.onTopicWords.map(Stemmer.stem)))
    yesNoOpeners = WordTable(lexicon.yesNoOpeners)
    questionOpeners = WordTable(lexicon.yesNoOpeners.union(lexicon.questionOpeners))
    effectWords = WordTable(lexicon.effectWords)
    strongOnTopicWords = WordTable(lexicon.onTopicWords.subtracting(lexicon.weakOnTopicWords))
  }
}
