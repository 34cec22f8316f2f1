/// Language data the matcher and triage use: synonyms, stopwords, negation words, numbers.
public struct Lexicon: Sendable, Equatable {
  /// Variant phrase (normalised words joined by spaces) to its canonical phrase.
  public var synonyms: [String: String]
  /// Contracted or run-together word to its expansion, such as `cant` to `can not`.
  public var contractions: [String: String]
  /// Words too common to carry meaning for matching.
  public var stopwords: Set<String>
  /// Words that negate what follows them.
  public var negationCues: Set<String>
  /// Words that may stand between a negation and what it negates.
  public var negationFillers: Set<String>
  /// Words that end a negation's reach, such as `if` in "not sure if".
  public var negationBlockers: Set<String>
  /// Words that start a new clause, such as `but`.
  public var clauseBreaks: Set<String>
  /// Number words to digits, such as `ten` to `10`.
  public var numbers: [String: String]
  /// Words dropped from the start of a line before matching, such as `hey` or `so`.
  public var openers: Set<String>
  /// Phrases that ask to be walked through an exercise, such as `walk me through`.
  public var walkthroughCues: [String]
  /// Words that may join two questions in one line, such as `and`.
  public var questionJoiners: Set<String>
  /// Words that mark a follow-up, such as `and`, `what about`.
  public var followUpCues: Set<String>
  /// Stems of time units to their length in days, such as `week` to 7.
  public var durationUnits: [String: Double]
  /// Words that stand for a count before a time unit, such as `a` (1) or `few` (3).
  public var durationQuantifiers: [String: Double]
  /// Words after a unit that add a fraction of it (`duration_fractions`: "and a half").
  public var durationFractions: [String: Double]
  /// Emergency numbers by region code, such as `US` to `911`.
  public var emergencyNumbers: [String: String]
  /// What to call the emergency number when the region is unknown.
  public var defaultEmergencyNumber: String
  /// Real words typo correction leaves alone (`Lexicon/*.txt`).
  public var realWords: WordList
  /// The common ones among them (`Lexicon/common-*.txt`): one a slip away from a red-flag word
  /// ("bowl") is that word for triage only, and itself for matching.
  public var commonWords: WordList
  /// Findings triage rules can name, with their wordings (`Lexicon/findings.yml`).
  public var findings: [FindingDefinition]
  /// Other lines an action can name, by name then region code (`default` when unknown):
  /// `helplines: {crisis: {US: "988"}}` fills `{crisis}`.
  public var helplines: [String: [String: String]]
  /// Words of short answers, by kind: `yes` (to a suggestion or a question), and the pain
  /// check's `pain_yes`, `pain_no`, `pain_fine` and `pain` (`answer_words`).
  public var answerWords: [String: Set<String>]
  /// Topic groups of self-care answers, which never follow an urgent or emergency reply.
  public var selfCareGroups: Set<String>
  /// Self-care intents of other groups, such as the hot tub.
  public var selfCareIntents: Set<String>
  /// Context cues in trigger syntax, by the modifier they mark (`history_cues` and the like).
  public var contextCues: ContextCues
  /// The weights that turn the matcher's measures into a probability (`calibration:`), fitted
  /// by `backtalk eval`; empty for the raw coverage.
  public var calibration: [String: Double]
  /// Kinds of question (what to do now, why, how long, can I...) with the phrases that ask
  /// them (`ask_kinds:`); intents name the kinds they answer (`asks:`).
  public var askKinds: [String: [String]]
  /// Named classes of words and phrases (`word_classes:`) that triggers and wordings name as
  /// `@name`, one class of body areas or sensations for many rules. They are written into the
  /// patterns at load, so only the expanded patterns are kept.
  public var wordClasses: [String: WordClass] = [:]
  /// Words that tell what happened ("was", "took", "bent"; `story_words:`): a part of a line
  /// with one of them and the writer's own words, asking nothing, is the story behind the
  /// question after it.
  public var storyWords: Set<String> = []
  /// Words that say what is not wrong ("fine", "just", "normal"; `reassurance_words:`): a part
  /// of a line with one of them or a negation, asking nothing, describes the writer's state
  /// for the question after it ("no numbness, just stiff, what should i do").
  public var reassuranceWords: Set<String> = []
  /// Words that offer another question (`alternative_joiners:` "or"): they split a line only
  /// where a question follows one that already asked ("is walking ok or should i rest").
  public var alternativeJoiners: Set<String> = []
  /// The intent that answers a line about something the knowledge has no word for ("can i
  /// get a tattoo", "how do i fix my wifi"; `unknown_topic_intent:`), instead of a menu of
  /// guesses; nil to offer the menu.
  public var unknownTopicIntent: String?
  /// The intent that answers a question in the back spasm's world about something the
  /// articles never name ("does turmeric help a back spasm", "can i get a tattoo with a back
  /// spasm"; `uncovered_topic_intent:`): they don't cover it, ask a provider. Nil to answer such
  /// lines as `unknownTopicIntent` does.
  public var uncoveredTopicIntent: String?
  /// Words that ask what something does to the back ("help", "stop", "cause", "worse";
  /// `effect_words:`): in "does X help", the words between the opener and the effect word are
  /// the thing asked about.
  public var effectWords: Set<String> = []
  /// On-topic words that also have everyday senses ("back": "get my deposit back";
  /// `weak_on_topic_words:`): alone they don't put a question about an unknown thing in the back
  /// spasm's world, so it gets the out-of-scope answer rather than the uncovered one.
  public var weakOnTopicWords: Set<String> = []
  /// The intent that answers a line about an animal's back (`animal_topic_intent:`; see
  /// `animal_cues`), whose findings are a vet's to weigh; nil to answer it as any other line.
  public var animalTopicIntent: String?
  /// Findings and red-flag rules whose signs count even when they have passed (a mini-stroke,
  /// cauda equina that comes and goes; `counts_when_passed:`): a word saying it went away does
  /// not make them historical, only a time long past does.
  public var countsWhenPassed: Set<String> = []

  /// Topic words with the neighbours that show them used in another sense (`other_senses:`):
  /// "ice" beside "skates", "heat" beside "pump". Such a topic word says nothing about the
  /// topic, so it does not count towards an answer.
  public var otherSenses: [String: [String]] = [:]
  /// Words that put a line in the back spasm's own world ("back", "spasm", "pain";
  /// `on_topic_words:`). A line with none of them, whose words are mostly real words the
  /// knowledge has never seen, is about something else, whatever topic word it shares ("how
  /// much ice for a pitcher of margaritas").
  public var onTopicWords: Set<String> = []
  /// Words that open a yes-or-no question ("is", "can", "should"; `yes_no_openers:`): a part of
  /// a line that starts with one asks something, however fine its words ("is sex ok with this").
  public var yesNoOpeners: Set<String> = []
  /// Words that open a question of another kind ("how", "why"; `question_openers:`): a part
  /// that starts with one asks, so it is never the scene of another ("how do i sneeze without
  /// it seizing up").
  public var questionOpeners: Set<String> = []
  /// Words that stress a duration without changing it ("a whole week", "two full weeks";
  /// `duration_intensifiers:`): between a count and its unit they are passed over.
  public var durationIntensifiers: Set<String> = []
  /// Words that open a likeness of what the clause before said ("my chest, like a band
  /// squeezing"; `simile_words:`): a comma before one does not end the clause.
  public var simileWords: Set<String> = []
  /// Words that describe a pain or a feeling ("sharp", "severe"; `describing_words:`): a comma
  /// between two of them lists the qualities of one thing and does not end the clause.
  public var describingWords: Set<String> = []
  /// Corpus documents of safety guidance rather than the articles (`guidance_documents:`): a
  /// word only they hold is no topic the articles cover ("does smoking help a spasm").
  public var guidanceDocuments: Set<String> = []

  /// A folded word with its contraction written out ("cant" is "can not"), or with a number
  /// and the letters run on to it apart ("62m" is "62 m", "10hrs" is "10 hrs", "x3" is "x 3"),
  /// or the word alone. An ordinal ("3rd") stays one word.
  public func expanded(_ word: String) -> [String] {
    if let written = contractions[word] { return written.split(separator: " ").map(String.init) }
    return Self.numberApart(word)
  }

  /// The letters after an ordinal's digits ("3rd"), which keep it one word.
  private static let ordinalEndings: Set<[UInt8]> = [
    Array("st".utf8), Array("nd".utf8), Array("rd".utf8), Array("th".utf8),
  ]

  /// A word's runs of digits and of letters, apart; the word alone unless it has both.
  static func numberApart(_ word: String) -> [String] {
    let bytes = word.utf8
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 || byte == 0x2E }
    guard bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
      bytes.contains(where: { !isDigit($0) })
    else { return [word] }
    var runs: [[UInt8]] = []
    for byte in bytes {
      if let last = runs.last?.last, isDigit(last) == isDigit(byte) {
        runs[runs.count - 1].append(byte)
      } else {
        runs.append([byte])
      }
    }
    if runs.count == 2, isDigit(runs[0][0]), ordinalEndings.contains(runs[1]) { return [word] }
    return runs.map { String(decoding: $0, as: UTF8.self) }
  }

  /// One `word_classes:` entry: its phrases and where it is defined.
  public struct WordClass: Sendable, Equatable {
    public var phrases: [String]
    public var file: String
    public var line: Int
  }

  public init(
    synonyms: [String: String] = [:], contractions: [String: String] = [:],
    stopwords: Set<String> = [], negationCues: Set<String> = [],
    negationFillers: Set<String> = [], negationBlockers: Set<String> = [],
    clauseBreaks: Set<String> = [], numbers: [String: String] = [:],
    openers: Set<String> = [], walkthroughCues: [String] = [], questionJoiners: Set<String> = [],
    followUpCues: Set<String> = [],
    durationUnits: [String: Double] = [:], durationQuantifiers: [String: Double] = [:],
    durationFractions: [String: Double] = [:],
    emergencyNumbers: [String: String] = [:],
    defaultEmergencyNumber: String = "your local emergency number",
    realWords: WordList = WordList(), commonWords: WordList = WordList(),
    findings: [FindingDefinition] = [], contextCues: ContextCues = ContextCues(),
    selfCareGroups: Set<String> = [], selfCareIntents: Set<String> = [],
    answerWords: [String: Set<String>] = [:], helplines: [String: [String: String]] = [:],
    calibration: [String: Double] = [:], askKinds: [String: [String]] = [:]
  ) {
    self.synonyms = synonyms
    self.contractions = contractions
    self.stopwords = stopwords
    self.negationCues = negationCues
    self.negationFillers = negationFillers
    self.negationBlockers = negationBlockers
    self.clauseBreaks = clauseBreaks
    self.numbers = numbers
    self.openers = openers
    self.walkthroughCues = walkthroughCues
    self.questionJoiners = questionJoiners
    self.followUpCues = followUpCues
    self.durationUnits = durationUnits
    self.durationQuantifiers = durationQuantifiers
    self.durationFractions = durationFractions
    self.emergencyNumbers = emergencyNumbers
    self.defaultEmergencyNumber = defaultEmergencyNumber
    self.realWords = realWords
    self.commonWords = commonWords
    self.findings = findings
    self.contextCues = contextCues
    self.selfCareGroups = selfCareGroups
    self.selfCareIntents = selfCareIntents
    self.answerWords = answerWords
    self.helplines = helplines
    self.calibration = calibration
    self.askKinds = askKinds
  }
}

/// The cue patterns that set a finding's context, in the trigger syntax of red-flag rules.
public struct ContextCues: Sendable, Equatable {
  /// Before the finding in its clause: "in the past", "used to".
  public var history: [String]
  /// After the finding in its clause: "years ago", "last year", "tests were normal".
  public var historyAfter: [String]
  /// After the finding, in its clause or starting the next: it has passed ("went away", "it is
  /// gone now"). Historical, except for what counts when passed.
  public var resolved: [String] = []
  /// Before the finding in its clause: "what if", "signs of", "in case".
  public var hypothetical: [String]
  /// Right before the finding: "what is", "tell me about" (a question about a name).
  public var definition: [String]
  /// Before the finding in its clause: "my mother", "my husband", "he", "she".
  public var otherPerson: [String]
  /// Before the finding in its clause: an animal as its subject ("my dog's", "the horse has").
  public var animal: [String] = []
  /// Before the finding in its clause: a story in a show, a film, a book or a podcast ("on
  /// Grey's Anatomy a character collapsed"). Nobody's finding now.
  public var story: [String] = []
  /// Words that end a negation's reach once it has passed over another finding: a new
  /// subject such as "i" or "my" starts a new statement in a run-on line.
  public var scopeEnders: Set<String>
  /// Words of the writer ("i", "my"): between "my aunt" and a finding they make it the
  /// writer's again ("my aunt had cancer i hurt my back").
  public var firstPerson: Set<String>
  /// Words that turn a history cue into a duration: "since last month" is still going on.
  public var ongoing: Set<String>
  /// Words that make a bare "no" after a finding's clause report a loss rather than deny it:
  /// "sweating? no." denies the sweating, "bladder control? no." reports losing it.
  public var answerBlockers: Set<String>
  /// The openings of a question about an ability ("can you", "could she"): answered by a bare
  /// "no", the clause is read with "not" for the person ("can not feel the paper").
  public var abilityQuestions: [String] = []

  public init(
    history: [String] = [], historyAfter: [String] = [], hypothetical: [String] = [],
    definition: [String] = [],
    otherPerson: [String] = [], scopeEnders: Set<String> = [], firstPerson: Set<String> = [],
    ongoing: Set<String> = [], answerBlockers: Set<String> = [], resolved: [String] = [],
    abilityQuestions: [String] = []
  ) {
    self.history = history
    self.historyAfter = historyAfter
    self.hypothetical = hypothetical
    self.definition = definition
    self.otherPerson = otherPerson
    self.scopeEnders = scopeEnders
    self.firstPerson = firstPerson
    self.ongoing = ongoing
    self.answerBlockers = answerBlockers
    self.resolved = resolved
    self.abilityQuestions = abilityQuestions
  }
}
