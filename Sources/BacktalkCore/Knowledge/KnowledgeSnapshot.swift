/// A compact binary form of loaded knowledge, written at build time and read at start-up in
/// well under a millisecond, instead of parsing YAML on every run.
///
/// The format is private to one build: a magic number and version, then every field in a
/// fixed order, strings as a length and UTF-8 bytes, numbers as little-endian integers.
public enum KnowledgeSnapshot {
  /// "BTK" and a format version; bump the version when the layout changes.
  static let magic: [UInt8] = [0x42, 0x54, 0x4B, 0x16]

  public struct FormatError: Error, CustomStringConvertible {
    public var description: String {
      "the built-in knowledge snapshot is damaged or from another build"
    }
  }

  /// Encodes knowledge, and what a responder derived from it, into bytes.
  public static func encode(_ knowledge: Knowledge, compiled: CompiledKnowledge) -> [UInt8] {
    var writer = Writer(bytes: magic)
    writer.array(knowledge.intents) { writer, intent in writer.intent(intent) }
    writer.array(knowledge.documents) { writer, document in
      writer.string(document.id)
      writer.string(document.title)
      writer.string(document.source)
      writer.string(document.file)
      writer.array(document.passages) { writer, passage in
        writer.string(passage.anchor)
        writer.string(passage.heading)
        writer.string(passage.text)
        writer.int(passage.line)
      }
    }
    writer.lexicon(knowledge.lexicon)
    let parts = compiled.analyzer
    // The vocabulary and the stem cache are stored as the numbering, which holds both.
    let numbering = TextAnalyzer.Numbering(
      lexicon: knowledge.lexicon, vocabulary: parts.vocabulary, stemCache: parts.stemCache,
      synonymStems: parts.synonymStems)
    writer.strings(numbering.strings)
    writer.raw(numbering.counts)
    writer.raw(numbering.stemIDs)
    writer.raw(numbering.facts)
    writer.array(parts.synonymStems.sorted { $0.key.lexicographicallyPrecedes($1.key) }) {
      writer, entry in
      writer.strings(entry.key)
      writer.strings(entry.value)
    }
    writer.set(parts.priorityWords)
    writer.set(parts.bigrams)
    let typos = parts.typoIndex
    writer.raw(typos.wordBytes)
    writer.raw(typos.wordStarts)
    writer.raw(typos.slotKeys)
    writer.raw(typos.slotStarts)
    writer.raw(typos.entries)
    writer.array(compiled.phraseStems.sorted { $0.key < $1.key }) { writer, entry in
      writer.string(entry.key)
      writer.strings(entry.value)
    }
    writer.int(compiled.classifier == nil ? 0 : 1)
    if let classifier = compiled.classifier {
      writer.array(classifier.vocabulary) { writer, feature in
        switch feature {
        case .stem(let stem):
          writer.int(-1)
          writer.string(stem)
        case .pair(let first, let second):
          writer.int(first)
          writer.int(second)
        }
      }
      writer.doubles(classifier.idf)
      writer.floats(classifier.bias)
      // Most weights are 0: each feature's others, as class and value.
      for feature in classifier.vocabulary.indices {
        let kept = classifier.weights(of: feature)
        writer.int32(kept.count)
        for (label, weight) in kept {
          writer.int32(label)
          writer.int32(Int(weight.bitPattern))
        }
      }
    }
    writer.int(compiled.scanner == nil ? 0 : 1)
    if let scanner = compiled.scanner { writer.scanner(scanner) }
    for tables in [compiled.index, compiled.passageIndex] {
      writer.int(tables == nil ? 0 : 1)
      if let tables { writer.indexTables(tables) }
    }
    return writer.bytes
  }

  /// Decodes bytes written by `encode`.
  ///
  /// - Throws: `FormatError` when the bytes are not a snapshot of this format.
  public static func decode(_ bytes: [UInt8]) throws(FormatError) -> (Knowledge, CompiledKnowledge)
  {
    guard bytes.starts(with: magic) else { throw FormatError() }
    var reader = Reader(bytes: bytes, offset: magic.count)
    let intents = try reader.array { reader throws(FormatError) in try reader.intent() }
    let documents = try reader.array { reader throws(FormatError) in
      let id = try reader.string()
      let title = try reader.string()
      let source = try reader.string()
      let file = try reader.string()
      let passages = try reader.array { reader throws(FormatError) in
        Passage(
          anchor: try reader.string(), heading: try reader.string(), text: try reader.string(),
          line: try reader.int())
      }
      return CorpusDocument(id: id, title: title, source: source, passages: passages, file: file)
    }
    let lexicon = try reader.lexicon()
    let numbering = TextAnalyzer.Numbering(
      strings: try reader.strings(), counts: try reader.raw(), stemIDs: try reader.raw(),
      facts: try reader.raw())
    guard numbering.isConsistent else { throw FormatError() }
    let synonyms = try reader.array { reader throws(FormatError) in
      (try reader.strings(), try reader.strings())
    }
    let priorityWords = try reader.set()
    let bigrams = try reader.set()
    let typos = TypoIndex(
      wordBytes: try reader.raw(), wordStarts: try reader.raw(), slotKeys: try reader.raw(),
      slotStarts: try reader.raw(), entries: try reader.raw())
    guard typos.isConsistent else { throw FormatError() }
    let parts = TextAnalyzer.Parts(
      vocabulary: numbering.vocabulary,
      synonymStems: Dictionary(synonyms, uniquingKeysWith: { first, _ in first }),
      priorityWords: priorityWords, bigrams: bigrams, stemCache: numbering.stemCache,
      typoIndex: typos)
    let phrases = try reader.array { reader throws(FormatError) in
      (try reader.string(), try reader.strings())
    }
    var classifier: LinearClassifier?
    if try reader.int() == 1 {
      let vocabulary = try reader.array { reader throws(FormatError) -> LinearClassifier.Feature in
        let first = try reader.int()
        if first < 0 { return .stem(try reader.string()) }
        return .pair(first, try reader.int())
      }
      // A pair names two features that come before it.
      for (id, feature) in vocabulary.enumerated() {
        if case .pair(let first, let second) = feature,
          !(0..<id).contains(first) || !(0..<id).contains(second)
        {
          throw FormatError()
        }
      }
      let idf = try reader.doubles()
      let bias = try reader.floats()
      guard idf.count == vocabulary.count else { throw FormatError() }
      // Read straight into the classifier's flat rows, as `LinearClassifier.init(vocabulary:
      // idf:weights:bias:)` lays them out (zero weights left out): rows of a few entries each,
      // grown one by one, were a third of the read.
      var rowStarts = [0]
      rowStarts.reserveCapacity(vocabulary.count + 1)
      var classes: [Int32] = []
      var values: [Float] = []
      for _ in vocabulary.indices {
        var previous = -1
        for _ in 0..<(try reader.int32()) {
          let label = try reader.int32()
          // Classes in increasing order, as written; anything else is not a snapshot.
          guard (previous + 1)..<bias.count ~= label else { throw FormatError() }
          previous = label
          let weight = Float(bitPattern: UInt32(truncatingIfNeeded: try reader.int32()))
          if weight != 0 {
            classes.append(Int32(label))
            values.append(weight)
          }
        }
        rowStarts.append(classes.count)
      }
      classifier = LinearClassifier(
        vocabulary: vocabulary, idf: idf, rowStarts: rowStarts, weightClasses: classes,
        weightValues: values, bias: bias)
    }
    var scanner: FindingScanner.Compiled?
    if try reader.int() == 1 { scanner = try reader.scanner() }
    // The passage index has no classifier, so its terms name no feature.
    let index =
      try reader.int() == 1
      ? try reader.indexTables(featureCount: classifier?.vocabulary.count ?? 0) : nil
    let passageIndex = try reader.int() == 1 ? try reader.indexTables(featureCount: 0) : nil
    guard reader.offset == bytes.count else { throw FormatError() }
    var compiled = CompiledKnowledge(
      analyzer: parts, phraseStems: Dictionary(phrases, uniquingKeysWith: { first, _ in first }),
      classifier: classifier)
    compiled.scanner = scanner
    compiled.index = index
    compiled.passageIndex = passageIndex
    compiled.numbering = numbering
    return (Knowledge(intents: intents, documents: documents, lexicon: lexicon), compiled)
  }
}

struct Writer {
  var bytes: [UInt8]

  mutating func int(_ value: Int) {
    var remaining = UInt64(bitPattern: Int64(value))
    for _ in 0..<8 {
      bytes.append(UInt8(remaining & 0xFF))
      remaining >>= 8
    }
  }

  mutating func double(_ value: Double) { int(Int(Int64(bitPattern: value.bitPattern))) }

  mutating func string(_ value: String) {
    int(value.utf8.count)
    bytes.append(contentsOf: value.utf8)
  }

  mutating func optional(_ value: String?) {
    int(value == nil ? 0 : 1)
    if let value { string(value) }
  }

  mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

  mutating func doubles(_ values: [Double]) {
    array(values) { writer, value in writer.double(value) }
  }

  /// A number below 2^32, in four bytes.
  mutating func int32(_ value: Int) {
    var remaining = UInt32(truncatingIfNeeded: value)
    for _ in 0..<4 {
      bytes.append(UInt8(remaining & 0xFF))
      remaining >>= 8
    }
  }

  /// Values exact in single precision, four bytes each.
  mutating func floats(_ values: [Double]) {
    int(values.count)
    for value in values {
      var bits = Float(value).bitPattern
      for _ in 0..<4 {
        bytes.append(UInt8(bits & 0xFF))
        bits >>= 8
      }
    }
  }

  /// Fixed-width integers as a count and their little-endian bytes, read back in one copy.
  mutating func raw<Value: FixedWidthInteger>(_ values: [Value]) {
    int(values.count)
    for value in values {
      withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
  }

  mutating func array<T>(_ values: [T], _ element: (inout Writer, T) -> Void) {
    int(values.count)
    for value in values { element(&self, value) }
  }

  mutating func set(_ values: Set<String>) { strings(values.sorted()) }

  mutating func map(_ values: [String: String]) {
    array(values.sorted { $0.key < $1.key }) { writer, pair in
      writer.string(pair.key)
      writer.string(pair.value)
    }
  }

  mutating func numbers(_ values: [String: Double]) {
    array(values.sorted { $0.key < $1.key }) { writer, pair in
      writer.string(pair.key)
      writer.double(pair.value)
    }
  }

  mutating func intent(_ intent: Intent) {
    string(intent.id)
    string(intent.title)
    string(intent.group)
    strings(intent.examples)
    strings(intent.keywords)
    string(intent.answer)
    optional(intent.summary)
    strings(intent.sources)
    strings(intent.related)
    strings(intent.asks)
    optional(intent.more)
    string(intent.file)
    int(intent.line)
    int(intent.redFlag == nil ? 0 : 1)
    if let flag = intent.redFlag {
      string(flag.level.rawValue)
      strings(flag.triggers)
      strings(flag.exceptions)
      string(flag.action)
      optional(flag.tell)
      optional(flag.watch)
      string(flag.symptom)
      array(flag.combinations) { writer, combination in writer.strings(combination) }
      optional(flag.confirms)
    }
    int(intent.exercise == nil ? 0 : 1)
    if let exercise = intent.exercise {
      string(exercise.name)
      strings(exercise.aliases)
      string(exercise.purpose)
      string(exercise.when)
      string(exercise.start)
      array(exercise.steps) { writer, step in
        writer.string(step.text)
        writer.int(step.hold ?? -1)
      }
      int(exercise.repetitions)
      int(exercise.sets)
      optional(exercise.perDay)
      string(exercise.stop)
      string(exercise.instead)
    }
  }

  mutating func lexicon(_ lexicon: Lexicon) {
    map(lexicon.synonyms)
    map(lexicon.contractions)
    set(lexicon.stopwords)
    set(lexicon.negationCues)
    set(lexicon.negationFillers)
    set(lexicon.negationBlockers)
    set(lexicon.clauseBreaks)
    map(lexicon.numbers)
    set(lexicon.openers)
    strings(lexicon.walkthroughCues)
    set(lexicon.questionJoiners)
    set(lexicon.followUpCues)
    numbers(lexicon.durationUnits)
    numbers(lexicon.durationQuantifiers)
    numbers(lexicon.durationFractions)
    map(lexicon.emergencyNumbers)
    string(lexicon.defaultEmergencyNumber)
    array(lexicon.findings) { writer, finding in
      writer.string(finding.id)
      writer.string(finding.kind.rawValue)
      writer.string(finding.name)
      writer.strings(finding.wordings)
      writer.strings(finding.exceptions)
      writer.string(finding.file)
      writer.int(finding.line)
    }
    let cues = lexicon.contextCues
    strings(cues.history)
    strings(cues.historyAfter)
    strings(cues.hypothetical)
    strings(cues.definition)
    strings(cues.otherPerson)
    set(cues.scopeEnders)
    set(cues.firstPerson)
    set(cues.ongoing)
    set(cues.answerBlockers)
    strings(cues.resolved)
    strings(cues.abilityQuestions)
    set(lexicon.selfCareGroups)
    set(lexicon.selfCareIntents)
    array(lexicon.answerWords.sorted { $0.key < $1.key }) { writer, entry in
      writer.string(entry.key)
      writer.set(entry.value)
    }
    array(lexicon.helplines.sorted { $0.key < $1.key }) { writer, entry in
      writer.string(entry.key)
      writer.map(entry.value)
    }
    numbers(lexicon.calibration)
    array(lexicon.askKinds.sorted { $0.key < $1.key }) { writer, entry in
      writer.string(entry.key)
      writer.strings(entry.value)
    }
    set(lexicon.storyWords)
    set(lexicon.reassuranceWords)
    set(lexicon.alternativeJoiners)
    string(lexicon.unknownTopicIntent ?? "")
    set(lexicon.countsWhenPassed)
    strings(lexicon.contextCues.animal)
    string(lexicon.animalTopicIntent ?? "")
    array(lexicon.otherSenses.sorted { $0.key < $1.key }) { writer, entry in
      writer.string(entry.key)
      writer.strings(entry.value)
    }
    set(lexicon.onTopicWords)
    set(lexicon.yesNoOpeners)
    string(lexicon.uncoveredTopicIntent ?? "")
    set(lexicon.effectWords)
    set(lexicon.weakOnTopicWords)
    strings(lexicon.contextCues.story)
    set(lexicon.questionOpeners)
    set(lexicon.durationIntensifiers)
    set(lexicon.simileWords)
    set(lexicon.guidanceDocuments)
    set(lexicon.describingWords)
    // The real-word list is left out: it is half a megabyte, consulted only when a word needs
    // correcting, and the command loads it from the embedded files when it is first needed.
  }
}

struct Reader {
  let bytes: [UInt8]
  var offset: Int

  mutating func int() throws(KnowledgeSnapshot.FormatError) -> Int {
    guard offset >= 0, offset + 8 <= bytes.count else { throw KnowledgeSnapshot.FormatError() }
    // One unaligned load, not eight byte reads: a start-up reads some 60,000 of them.
    let value = bytes.withUnsafeBytes {
      UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
    offset += 8
    return Int(Int64(bitPattern: value))
  }

  mutating func double() throws(KnowledgeSnapshot.FormatError) -> Double {
    Double(bitPattern: UInt64(bitPattern: Int64(try int())))
  }

  mutating func string() throws(KnowledgeSnapshot.FormatError) -> String {
    let count = try int()
    guard count >= 0, offset + count <= bytes.count else { throw KnowledgeSnapshot.FormatError() }
    defer { offset += count }
    return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
  }

  mutating func optional() throws(KnowledgeSnapshot.FormatError) -> String? {
    try int() == 0 ? nil : try string()
  }

  mutating func strings() throws(KnowledgeSnapshot.FormatError) -> [String] {
    try array { reader throws(KnowledgeSnapshot.FormatError) in try reader.string() }
  }

  mutating func array<T>(
    _ element: (inout Reader) throws(KnowledgeSnapshot.FormatError) -> T
  ) throws(KnowledgeSnapshot.FormatError) -> [T] {
    let count = try int()
    guard count >= 0, count <= bytes.count else { throw KnowledgeSnapshot.FormatError() }
    var values: [T] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try element(&self)) }
    return values
  }

  mutating func set() throws(KnowledgeSnapshot.FormatError) -> Set<String> { Set(try strings()) }

  mutating func int32() throws(KnowledgeSnapshot.FormatError) -> Int {
    guard offset >= 0, offset + 4 <= bytes.count else { throw KnowledgeSnapshot.FormatError() }
    let value = bytes.withUnsafeBytes {
      UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }
    offset += 4
    return Int(value)
  }

  /// Values written by `Writer.floats`, read straight from the bytes (the classifier's
  /// weights are tens of thousands) rather than one byte at a time.
  mutating func floats() throws(KnowledgeSnapshot.FormatError) -> [Double] {
    let count = try int()
    guard count >= 0, count <= (bytes.count - offset) / 4 else {
      throw KnowledgeSnapshot.FormatError()
    }
    let start = offset
    offset += count * 4
    return bytes.withUnsafeBytes { raw in
      (0..<count).map { index in
        Double(
          Float(
            bitPattern: UInt32(
              littleEndian: raw.loadUnaligned(fromByteOffset: start + index * 4, as: UInt32.self))))
      }
    }
  }

  /// Values written by `Writer.raw`.
  mutating func raw<Value: FixedWidthInteger>() throws(KnowledgeSnapshot.FormatError) -> [Value] {
    let size = MemoryLayout<Value>.size
    let count = try int()
    guard count >= 0, count <= (bytes.count - offset) / size else {
      throw KnowledgeSnapshot.FormatError()
    }
    let start = offset
    offset += count * size
    return [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
      bytes.withUnsafeBytes { raw in
        for index in 0..<count {
          buffer[index] = Value(
            littleEndian: raw.loadUnaligned(fromByteOffset: start + index * size, as: Value.self))
        }
      }
      initialized = count
    }
  }

  mutating func doubles() throws(KnowledgeSnapshot.FormatError) -> [Double] {
    try array { reader throws(KnowledgeSnapshot.FormatError) in try reader.double() }
  }

  mutating func map() throws(KnowledgeSnapshot.FormatError) -> [String: String] {
    let pairs = try array { reader throws(KnowledgeSnapshot.FormatError) in
      (try reader.string(), try reader.string())
    }
    return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
  }

  mutating func numbers() throws(KnowledgeSnapshot.FormatError) -> [String: Double] {
    let pairs = try array { reader throws(KnowledgeSnapshot.FormatError) in
      (try reader.string(), try reader.double())
    }
    return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
  }

  mutating func intent() throws(KnowledgeSnapshot.FormatError) -> Intent {
    let id = try string()
    let title = try string()
    let group = try string()
    let examples = try strings()
    let keywords = try strings()
    let answer = try string()
    let summary = try optional()
    let sources = try strings()
    let related = try strings()
    let asks = try strings()
    let more = try optional()
    let file = try string()
    let line = try int()
    var redFlag: RedFlag?
    if try int() == 1 {
      guard let level = TriageLevel(rawValue: try string()) else {
        throw KnowledgeSnapshot.FormatError()
      }
      redFlag = RedFlag(
        level: level, triggers: try strings(), exceptions: try strings(), action: try string(),
        tell: try optional(), watch: try optional(), symptom: try string(),
        combinations: try array { reader throws(KnowledgeSnapshot.FormatError) in
          try reader.strings()
        }, confirms: try optional())
    }
    var exercise: Exercise?
    if try int() == 1 {
      let name = try string()
      let aliases = try strings()
      let purpose = try string()
      let when = try string()
      let start = try string()
      let steps = try array { reader throws(KnowledgeSnapshot.FormatError) in
        let text = try reader.string()
        let hold = try reader.int()
        return ExerciseStep(text: text, hold: hold < 0 ? nil : hold)
      }
      exercise = Exercise(
        name: name, aliases: aliases, purpose: purpose, when: when, start: start, steps: steps,
        repetitions: try int(), sets: try int(), perDay: try optional(), stop: try string(),
        instead: try string())
    }
    return Intent(
      id: id, title: title, group: group, examples: examples, keywords: keywords, answer: answer,
      summary: summary, sources: sources, related: related, redFlag: redFlag, exercise: exercise,
      asks: asks, more: more, file: file, line: line)
  }

  mutating func lexicon() throws(KnowledgeSnapshot.FormatError) -> Lexicon {
    var lexicon = Lexicon(
      synonyms: try map(), contractions: try map(), stopwords: try set(), negationCues: try set(),
      negationFillers: try set(), negationBlockers: try set(), clauseBreaks: try set(),
      numbers: try map(), openers: try set(), walkthroughCues: try strings(),
      questionJoiners: try set(), followUpCues: try set(), durationUnits: try numbers(),
      durationQuantifiers: try numbers(), durationFractions: try numbers(),
      emergencyNumbers: try map(),
      defaultEmergencyNumber: try string(),
      findings: try array { reader throws(KnowledgeSnapshot.FormatError) in
        let id = try reader.string()
        guard let kind = FindingDefinition.Kind(rawValue: try reader.string()) else {
          throw KnowledgeSnapshot.FormatError()
        }
        return FindingDefinition(
          id: id, kind: kind, name: try reader.string(), wordings: try reader.strings(),
          exceptions: try reader.strings(), file: try reader.string(), line: try reader.int())
      },
      contextCues: ContextCues(
        history: try strings(), historyAfter: try strings(), hypothetical: try strings(),
        definition: try strings(),
        otherPerson: try strings(), scopeEnders: try set(), firstPerson: try set(),
        ongoing: try set(), answerBlockers: try set(), resolved: try strings(),
        abilityQuestions: try strings()),
      selfCareGroups: try set(), selfCareIntents: try set(),
      answerWords: Dictionary(
        try array { reader throws(KnowledgeSnapshot.FormatError) in
          (try reader.string(), try reader.set())
        }, uniquingKeysWith: { first, _ in first }),
      helplines: Dictionary(
        try array { reader throws(KnowledgeSnapshot.FormatError) in
          (try reader.string(), try reader.map())
        }, uniquingKeysWith: { first, _ in first }),
      calibration: try numbers(),
      askKinds: Dictionary(
        try array { reader throws(KnowledgeSnapshot.FormatError) in
          (try reader.string(), try reader.strings())
        }, uniquingKeysWith: { first, _ in first }))
    lexicon.storyWords = try set()
    lexicon.reassuranceWords = try set()
    lexicon.alternativeJoiners = try set()
    let unknownTopic = try string()
    lexicon.unknownTopicIntent = unknownTopic.isEmpty ? nil : unknownTopic
    lexicon.countsWhenPassed = try set()
    lexicon.contextCues.animal = try strings()
    let animalTopic = try string()
    lexicon.animalTopicIntent = animalTopic.isEmpty ? nil : animalTopic
    lexicon.otherSenses = Dictionary(
      try array { reader throws(KnowledgeSnapshot.FormatError) in
        (try reader.string(), try reader.strings())
      }, uniquingKeysWith: { first, _ in first })
    lexicon.onTopicWords = try set()
    lexicon.yesNoOpeners = try set()
    let uncoveredTopic = try string()
    lexicon.uncoveredTopicIntent = uncoveredTopic.isEmpty ? nil : uncoveredTopic
    lexicon.effectWords = try set()
    lexicon.weakOnTopicWords = try set()
    lexicon.contextCues.story = try strings()
    lexicon.questionOpeners = try set()
    lexicon.durationIntensifiers = try set()
    lexicon.simileWords = try set()
    lexicon.guidanceDocuments = try set()
    lexicon.describingWords = try set()
    return lexicon
  }
}
