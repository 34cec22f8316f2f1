import Foundation
import Yams

/// Parses one `Intents/*.yml` file: a YAML list of intent mappings.
enum IntentParser {
  static let allowedKeys = [
    "intent", "title", "group", "examples", "keywords", "answer", "summary", "sources", "related",
    "asks", "more",
    "triage", "triggers", "when", "confirms", "except", "action", "tell", "watch", "symptom",
    "exercise",
  ]
  static let exerciseKeys = [
    "name", "aliases", "purpose", "when", "start", "steps", "reps", "sets", "per_day", "stop",
    "instead",
  ]

  static func parse(_ text: String, file: String, errors: inout [KnowledgeError]) -> [Intent] {
    guard let root = composeYAML(text, file: file, errors: &errors) else { return [] }
    guard let list = root.sequence else {
      errors.append(
        KnowledgeError(
          file: file, line: root.mark?.line ?? 1,
          problem: "an intent file must be a list of intents, not a \(root.kindName)",
          fix: "start each intent with '- intent: some_id'"))
      return []
    }
    var intents: [Intent] = []
    for item in list {
      guard let mapping = item.mapping else {
        errors.append(
          KnowledgeError(
            file: file, line: item.mark?.line ?? 1,
            problem: "each entry of the list must be a mapping, not a \(item.kindName)",
            fix: "write the entry as '- intent: some_id' followed by its keys"))
        continue
      }
      if let intent = parseIntent(mapping, file: file, errors: &errors) {
        intents.append(intent)
      }
    }
    return intents
  }

  private static func parseIntent(
    _ mapping: Node.Mapping, file: String, errors: inout [KnowledgeError]
  ) -> Intent? {
    var fields = YAMLFields(file: file, node: mapping, what: "this intent")
    let id = fields.string("intent", required: true)
    if let id {
      fields = YAMLFields(file: file, node: mapping, what: "intent '\(id)'")
      if id.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) == nil {
        fields.fail(
          fields.node("intent"), "intent id '\(id)' is not snake_case",
          fix: "use lowercase letters, digits and underscores, such as 'hot_tub'")
      }
    }
    fields.rejectUnknownKeys(allowed: allowedKeys)
    let examples = fields.strings("examples", required: true)
    let answer = fields.string("answer", required: true).map(unwrapped)
    let keywords = fields.strings("keywords")
    let title = fields.string("title")
    let group = fields.string("group")
    let summary = fields.string("summary").map(unwrapped)
    let sources = fields.strings("sources")
    let related = fields.strings("related")
    let asks = fields.strings("asks")
    let more = fields.string("more").map(unwrapped)
    let redFlag = parseRedFlag(&fields)
    let exercise = fields.node("exercise").flatMap { parseExercise($0, fields: &fields) }
    errors += fields.errors
    guard let id, let answer, fields.errors.isEmpty else { return nil }
    return Intent(
      id: id, title: title ?? id.replacingOccurrences(of: "_", with: " ").capitalized,
      group: group ?? "Other", examples: examples, keywords: keywords, answer: answer,
      summary: summary, sources: sources, related: related, redFlag: redFlag, exercise: exercise,
      asks: asks, more: more, file: file, line: fields.line)
  }

  private static func parseRedFlag(_ fields: inout YAMLFields) -> RedFlag? {
    guard let levelText = fields.string("triage") else {
      for key in ["triggers", "when", "confirms", "except", "action", "tell", "watch", "symptom"]
      where fields.node(key) != nil {
        fields.fail(
          fields.node(key), "'\(key)' only belongs to an intent with 'triage'",
          fix: "add 'triage: emergency|urgent|routine' or remove '\(key)'")
      }
      return nil
    }
    guard let level = TriageLevel(rawValue: levelText), level != .none else {
      fields.fail(
        fields.node("triage"), "unknown triage level '\(levelText)'",
        fix: "use one of: emergency, urgent, routine")
      return nil
    }
    let combinations = fields.strings("when").map { text in
      text.split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
    }.filter { !$0.isEmpty }
    let triggers = fields.strings("triggers", required: combinations.isEmpty)
    let exceptions = fields.strings("except")
    let action = fields.string("action", required: true)
    let symptom = fields.string("symptom", required: true)
    let tell = fields.string("tell")
    let watch = fields.string("watch")
    guard let action, let symptom, !triggers.isEmpty || !combinations.isEmpty else { return nil }
    return RedFlag(
      level: level, triggers: triggers, exceptions: exceptions, action: action, tell: tell,
      watch: watch, symptom: symptom, combinations: combinations,
      confirms: fields.string("confirms"))
  }

  private static func parseExercise(_ node: Node, fields parent: inout YAMLFields) -> Exercise? {
    guard let mapping = node.mapping else {
      parent.fail(
        node, "'exercise' must be a mapping, not a \(node.kindName)",
        fix: "give 'exercise' keys such as name, start and steps")
      return nil
    }
    var fields = YAMLFields(
      file: parent.file, node: mapping, what: "the exercise of \(parent.what)")
    fields.rejectUnknownKeys(allowed: exerciseKeys)
    let name = fields.string("name", required: true)
    let purpose = fields.string("purpose", required: true)
    let when = fields.string("when", required: true)
    let start = fields.string("start", required: true)
    let stop = fields.string("stop", required: true)
    let instead = fields.string("instead", required: true)
    let aliases = fields.strings("aliases")
    let repetitions = fields.int("reps") ?? 1
    let sets = fields.int("sets") ?? 1
    let perDay = fields.string("per_day")
    var steps: [ExerciseStep] = []
    if let stepsNode = fields.node("steps"), let list = stepsNode.sequence, !list.isEmpty {
      for item in list {
        if let text = item.scalar?.string, !text.isEmpty {
          steps.append(ExerciseStep(text: text))
        } else if let stepMapping = item.mapping {
          var stepFields = YAMLFields(file: parent.file, node: stepMapping, what: "a step")
          stepFields.rejectUnknownKeys(allowed: ["do", "hold"])
          let text = stepFields.string("do", required: true)
          let hold = stepFields.int("hold")
          fields.errors += stepFields.errors
          if let text { steps.append(ExerciseStep(text: text, hold: hold)) }
        } else {
          fields.fail(
            item, "a step must be text or a mapping with 'do' and 'hold'",
            fix: "write '- do: …' with an optional 'hold: SECONDS'")
        }
      }
    } else {
      fields.fail(
        fields.node("steps"), "the exercise has no steps", fix: "add a list under 'steps:'")
    }
    parent.errors += fields.errors
    guard let name, let purpose, let when, let start, let stop, let instead, fields.errors.isEmpty
    else { return nil }
    return Exercise(
      name: name, aliases: aliases, purpose: purpose, when: when, start: start, steps: steps,
      repetitions: repetitions, sets: sets, perDay: perDay, stop: stop, instead: instead)
  }
}

/// Joins the hard-wrapped lines of each paragraph, keeping blank lines between paragraphs and
/// lines that start a list item.
func unwrapped(_ text: String) -> String {
  text.components(separatedBy: "\n\n").map { paragraph in
    var result = ""
    for line in paragraph.split(separator: "\n", omittingEmptySubsequences: true) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if result.isEmpty {
        result = trimmed
      } else if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
        result += "\n" + trimmed
      } else {
        result += " " + trimmed
      }
    }
    return result
  }.joined(separator: "\n\n")
}

/// Parses YAML into a node tree, turning Yams errors into `KnowledgeError`s with a line.
/// Composes YAML text into a node tree, adding an error with its line when it does not parse.
///
/// Knowledge is printed to people, so by default a value holding a character a terminal would
/// act on is an error too; regression cases may hold such characters on purpose, to test how
/// questions are cleaned.
func composeYAML(
  _ text: String, file: String, errors: inout [KnowledgeError], rejectingUnsafeText: Bool = true
) -> Node? {
  if let alias = YAMLAliasBudget.aliasOverBudget(in: text) {
    errors.append(
      KnowledgeError(
        file: file, line: alias.line,
        problem:
          "the alias '*\(alias.name)' takes this file past \(alias.budget) values repeated "
          + "through aliases (a \"billion laughs\"?), so it is not loaded",
        fix:
          "write the values out instead of repeating them with '*' aliases; aliases may add "
          + "as many values as the file writes out, plus \(YAMLAliasBudget.allowance)"))
    return nil
  }
  do {
    guard let root = try Yams.compose(yaml: text) else {
      errors.append(
        KnowledgeError(
          file: file, line: 1, problem: "the file holds no YAML", fix: "add content to it"))
      return nil
    }
    // The raw text was checked by the loader; this finds characters written as escapes.
    if rejectingUnsafeText { reportUnsafeScalars(in: root, file: file, errors: &errors) }
    return root
  } catch let error as YamlError {
    let (line, problem) = describe(error)
    var fix = "check indentation, quotes and the ':' after each key near this line"
    if case .reader = error {
      fix = "delete or retype the invisible character on this line, and save as plain UTF-8"
    }
    errors.append(
      KnowledgeError(
        file: file, line: line, problem: "this is not valid YAML: \(problem)", fix: fix))
  } catch {
    errors.append(
      KnowledgeError(
        file: file, line: 1, problem: "this is not valid YAML: \(error)",
        fix: "check indentation, quotes and the ':' after each key"))
  }
  return nil
}

/// Adds an error for each scalar (a key or a value) holding a character a terminal would act
/// on, such as `"\e[31m"` in a double-quoted string.
private func reportUnsafeScalars(in node: Node, file: String, errors: inout [KnowledgeError]) {
  switch node {
  case .scalar(let scalar):
    if let unsafe = scalar.string.unicodeScalars.first(where: DisplaySafety.isUnsafe) {
      errors.append(
        KnowledgeLoader.unsafeTextError(file: file, line: node.mark?.line ?? 1, scalar: unsafe))
    }
  case .mapping(let mapping):
    for (key, value) in mapping {
      reportUnsafeScalars(in: key, file: file, errors: &errors)
      reportUnsafeScalars(in: value, file: file, errors: &errors)
    }
  case .sequence(let sequence):
    for item in sequence { reportUnsafeScalars(in: item, file: file, errors: &errors) }
  case .alias:
    break
  }
}

private func describe(_ error: YamlError) -> (Int, String) {
  switch error {
  case .scanner(let context, let problem, let mark, _),
    .parser(let context, let problem, let mark, _),
    .composer(let context, let problem, let mark, _):
    let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }
    return (mark.line, text.joined(separator: ", "))
  case .duplicatedKeysInMapping(let duplicates, let context):
    return (
      context.mark.line,
      "the key '\(duplicates.joined(separator: "', '"))' appears twice in one mapping"
    )
  case .reader(let problem, let offset, _, let yaml):
    // The offset counts Characters from the start, so "\r\n" is one of them.
    let before = yaml.prefix(offset ?? 0)
    return (1 + before.count(where: { $0 == "\n" || $0 == "\r\n" }), problem)
  default:
    return (1, "\(error)")
  }
}
