/// A question Backtalk can answer, with the words that lead to it and the reply it gives.
public struct Intent: Sendable, Equatable {
  /// The unique snake_case id.
  public var id: String
  /// A short human name, used in topic lists and suggestions.
  public var title: String
  /// The group it is listed under by `topics`.
  public var group: String
  /// Questions as people type them.
  public var examples: [String]
  /// Words and phrases that point strongly at this intent.
  public var keywords: [String]
  /// The reply; its first sentence answers the question.
  public var answer: String
  /// A one-line version of the answer, when the intent has one.
  public var summary: String?
  /// The details after a short answer, which a conversation shows on "more" and a one-shot
  /// reply prints whole.
  public var more: String?
  /// Corpus passages the answer rests on, as `document#anchor`.
  public var sources: [String]
  /// Intents to offer next.
  public var related: [String]
  /// The kinds of question it answers (`ask_kinds` in the lexicon), such as `now` or `can_i`;
  /// empty for any kind.
  public var asks: [String]
  /// The red-flag rule this intent carries, if it is one.
  public var redFlag: RedFlag?
  /// The exercise walkthrough this intent carries, if it is one.
  public var exercise: Exercise?
  /// Where it was defined, for error messages.
  public var file: String
  public var line: Int

  public init(
    id: String, title: String, group: String = "", examples: [String], keywords: [String] = [],
    answer: String, summary: String? = nil, sources: [String] = [], related: [String] = [],
    redFlag: RedFlag? = nil, exercise: Exercise? = nil, asks: [String] = [], more: String? = nil,
    file: String = "", line: Int = 0
  ) {
    self.id = id
    self.title = title
    self.group = group
    self.examples = examples
    self.keywords = keywords
    self.answer = answer
    self.summary = summary
    self.sources = sources
    self.related = related
    self.redFlag = redFlag
    self.exercise = exercise
    self.asks = asks
    self.more = more
    self.file = file
    self.line = line
  }
}

/// The triage part of an intent: the phrases that trigger it anywhere in a line, and what to do.
public struct RedFlag: Sendable, Equatable {
  public var level: TriageLevel
  /// Trigger patterns: words, `a|b` alternatives, and `...` for a gap of a few words.
  public var triggers: [String]
  /// Patterns that cancel a trigger they overlap, such as "fall asleep" for "fall".
  public var exceptions: [String]
  /// The action, put first in the reply; `{number}` stands for the emergency number.
  public var action: String
  /// What to tell the emergency service or provider.
  public var tell: String?
  /// What to watch for when the symptom was mentioned as absent.
  public var watch: String?
  /// A short name for the symptom, used in the REPL summary.
  public var symptom: String
  /// Combinations of findings that also set this level, each a list of finding or rule ids
  /// that must all be present (`when: [fever + stiff_neck]`).
  public var combinations: [[String]]
  /// For a rule that only hints at a red flag ("something weird with my bladder"): the rule a
  /// "yes" to its question confirms.
  public var confirms: String?

  public init(
    level: TriageLevel, triggers: [String], exceptions: [String] = [], action: String,
    tell: String? = nil, watch: String? = nil, symptom: String, combinations: [[String]] = [],
    confirms: String? = nil
  ) {
    self.level = level
    self.triggers = triggers
    self.exceptions = exceptions
    self.action = action
    self.tell = tell
    self.watch = watch
    self.symptom = symptom
    self.combinations = combinations
    self.confirms = confirms
  }
}

/// A step-by-step exercise or routine.
public struct Exercise: Sendable, Equatable {
  public var name: String
  public var aliases: [String]
  public var purpose: String
  /// When to do it, such as during a spasm or once moving again.
  public var when: String
  /// The starting position.
  public var start: String
  public var steps: [ExerciseStep]
  /// How many repetitions make one set (1 for a routine done once).
  public var repetitions: Int
  /// How many sets, with a pain check between them.
  public var sets: Int
  /// How often a day, in words.
  public var perDay: String?
  /// The stop-if-it-hurts rule for this exercise.
  public var stop: String
  /// What to do instead when it hurts.
  public var instead: String

  public init(
    name: String, aliases: [String] = [], purpose: String, when: String, start: String,
    steps: [ExerciseStep], repetitions: Int = 1, sets: Int = 1, perDay: String? = nil,
    stop: String, instead: String
  ) {
    self.name = name
    self.aliases = aliases
    self.purpose = purpose
    self.when = when
    self.start = start
    self.steps = steps
    self.repetitions = repetitions
    self.sets = sets
    self.perDay = perDay
    self.stop = stop
    self.instead = instead
  }
}

/// One step of an exercise: what to do, and how long to hold it.
public struct ExerciseStep: Sendable, Equatable {
  public var text: String
  /// Seconds to hold, or nil when the step has no hold.
  public var hold: Int?

  public init(text: String, hold: Int? = nil) {
    self.text = text
    self.hold = hold
  }
}

extension Intent {
  /// The answer with its details, as a one-shot reply prints it.
  public var fullAnswer: String { more.map { answer + "\n" + $0 } ?? answer }
}
