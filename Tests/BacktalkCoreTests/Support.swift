import BacktalkCore
import Foundation

/// Shared fixtures: the repository's root, its real knowledge, and a small inline knowledge.
enum Fixture {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The repository's own knowledge, loaded once.
  static let knowledge: Knowledge = {
    do {
      return try KnowledgeLoader.load(KnowledgeFile.read(from: repositoryRoot))
    } catch {
      fatalError("the repository's knowledge does not load:\n\(error)")
    }
  }()

  static let responder = Responder(knowledge: knowledge)

  /// Loads files and returns the errors, or an empty list when it loaded.
  static func loadErrors(_ files: [KnowledgeFile]) -> [KnowledgeError] {
    do {
      _ = try KnowledgeLoader.load(files)
      return []
    } catch {
      return error.errors
    }
  }

  /// A responder over small inline knowledge, so unit tests don't depend on the real content.
  static func responder(
    intents: String, lexicon: String = smallLexicon, corpus: String = smallCorpus
  ) throws -> Responder {
    let knowledge = try KnowledgeLoader.load([
      KnowledgeFile(path: "Intents/test.yml", text: intents),
      KnowledgeFile(path: "Corpus/doc.md", text: corpus),
      KnowledgeFile(path: "Lexicon/language.yml", text: lexicon),
    ])
    return Responder(knowledge: knowledge)
  }

  static let smallLexicon = """
    contractions: {cant: can not, dont: do not, didnt: did not}
    numbers: {two: "2", ten: "10"}
    duration_units: {day: 1, week: 7, month: 30}
    duration_quantifiers: {a: 1}
    stopwords: [a, the, i, my, is, it, to, can, do]
    negation_cues: [no, not, never, without]
    negation_fillers: [any, have, or, and, of]
    negation_blockers: [if, sure]
    clause_breaks: [but]
    question_joiners: [and]
    follow_up_cues: [and, how, what]
    synonyms:
      hot tub: [jacuzzi, hottub]
      drive: [behind the wheel]
      numb: [numbness]
    emergency_numbers: {US: "911"}
    answer_words: {yes: [yes, yeah, y, ok]}
    """

  static let smallCorpus = """
    ---
    id: doc
    title: Test Document
    source: test.txt
    ---
    ## Hot tubs {#hot-tub}
    Warm water relaxes the muscles; take a break every 30 to 40 minutes.

    ## Driving {#driving}
    Driving is fine unless you take narcotic pain medication.

    ## Posture {#posture}
    A twisted pelvis changes posture over months.
    """

  static let smallIntents = """
    - intent: disclaimer
      examples: [disclaimer]
      answer: Not medical advice.
      summary: Not medical advice, see a provider.
    - intent: hot_tub
      title: Hot tub
      examples: [hot tub?, is a hot tub ok, can i use the hot tub]
      keywords: [hot tub, jets]
      answer: Yes, warm water helps. Take a break every 30 to 40 minutes.
      sources: [doc#hot-tub]
      related: [driving]
    - intent: driving
      title: Driving
      examples: [can i drive, is driving ok, am i ok to drive]
      keywords: [drive, car]
      answer: You can drive unless you take narcotic pain medication.
      sources: [doc#driving]
    - intent: ice_duration
      title: How long to ice
      examples: [how long should i ice, how long ice]
      keywords: [ice]
      answer: Ice for 15 to 20 minutes.
    - intent: heat_duration
      title: How long to use heat
      examples: [how long should i use heat, how long heat]
      keywords: [heat]
      answer: Heat for up to 15 minutes every 4 hours.
    - intent: bladder
      title: Bladder control
      triage: emergency
      symptom: loss of bladder control
      triggers: ["can not ... control ... bladder", "wet myself"]
      action: "Call {number} now."
      tell: "you lost bladder control."
      watch: "Watch for loss of bladder control."
      examples: [i cant control my bladder]
      answer: This can be an emergency.
    - intent: leg_numb
      title: Leg numbness
      triage: urgent
      symptom: numbness in a leg
      triggers: [numb, "leg ... numb"]
      except: ["numb ... cream"]
      action: "See a provider today."
      watch: "Watch for numbness in a leg."
      examples: [my leg is numb]
      answer: A nerve may be pressed.
    - intent: not_better
      title: Not better
      triage: routine
      symptom: not improving
      triggers: ["been ... #long"]
      action: "Book an appointment."
      examples: [it has been two weeks]
      answer: See a provider.
    """
}
