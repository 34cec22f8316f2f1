/// Finds what authors should look at: intents no case reaches, passages no intent cites,
/// examples the matcher sends elsewhere, duplicate examples, and citations that do not hold.
public struct KnowledgeLint: Sendable {
  public struct Finding: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public var description: String { "\(file):\(line): warning: \(message)" }
  }

  public static func run(_ responder: Responder, cases: [RegressionCase]) -> [Finding] {
    let knowledge = responder.knowledge
    var findings: [Finding] = []
    let reached = Set(cases.flatMap(\.intents))
    for intent in knowledge.intents where !reached.contains(intent.id) {
      findings.append(
        Finding(
          file: intent.file, line: intent.line,
          message: "no regression case expects intent '\(intent.id)'"))
    }
    let cited = Set(knowledge.intents.flatMap(\.sources))
    for document in knowledge.documents {
      for passage in document.passages where !cited.contains("\(document.id)#\(passage.anchor)") {
        findings.append(
          Finding(
            file: document.file, line: passage.line,
            message: "no intent cites passage '\(document.id)#\(passage.anchor)'"))
      }
    }
    var owners: [String: String] = [:]
    for intent in knowledge.intents {
      for example in intent.examples {
        let key = example.lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " }
        if let owner = owners[key] {
          findings.append(
            Finding(
              file: intent.file, line: intent.line,
              message: "example '\(example)' of '\(intent.id)' is also an example of '\(owner)'"))
        }
        owners[key] = intent.id
        guard intent.redFlag == nil else { continue }
        let reply = responder.reply(to: example)
        let answered = reply.answeredIntents.first
        if answered != intent.id {
          findings.append(
            Finding(
              file: intent.file, line: intent.line,
              message:
                "example '\(example)' of '\(intent.id)' is answered by '\(answered ?? "nothing")'"))
        }
      }
    }
    return findings + citationFindings(knowledge)
  }
}
