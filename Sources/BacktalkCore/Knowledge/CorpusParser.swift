import Foundation

/// Parses one `Corpus/*.md` file.
///
/// The file opens with a front-matter block between `---` lines holding `id`, `title` and
/// `source`; each passage is a `## Heading {#anchor}` followed by its text. A `##` heading
/// without an anchor starts a note (such as what was left out), which is not a passage.
enum CorpusParser {
  static func parse(_ text: String, file: String, errors: inout [KnowledgeError]) -> CorpusDocument?
  {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
    }
    guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
      let end = lines.dropFirst().firstIndex(where: {
        $0.trimmingCharacters(in: .whitespaces) == "---"
      })
    else {
      errors.append(
        KnowledgeError(
          file: file, line: 1, problem: "the corpus file has no front matter",
          fix: "start it with '---', lines 'id: …', 'title: …', 'source: …', then '---'"))
      return nil
    }
    var header: [String: String] = [:]
    for (offset, line) in lines[1..<end].enumerated() {
      let parts = line.split(separator: ":", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard parts.count == 2, ["id", "title", "source"].contains(parts[0]) else {
        errors.append(
          KnowledgeError(
            file: file, line: offset + 2, problem: "unexpected front-matter line '\(line)'",
            fix: "use only 'id: …', 'title: …' and 'source: …' lines"))
        continue
      }
      header[parts[0]] = parts[1]
    }
    for key in ["id", "title", "source"] where (header[key] ?? "").isEmpty {
      errors.append(
        KnowledgeError(
          file: file, line: 1, problem: "the front matter has no '\(key)'",
          fix: "add a line '\(key): …' between the '---' lines"))
    }
    var passages: [Passage] = []
    var current: Passage?
    var anchors: Set<String> = []
    func finish() {
      guard var passage = current else { return }
      passage.text = passage.text.trimmingCharacters(in: .whitespacesAndNewlines)
      if passage.text.isEmpty {
        errors.append(
          KnowledgeError(
            file: file, line: passage.line, problem: "passage '#\(passage.anchor)' has no text",
            fix: "write the passage under its heading, or remove the heading"))
      } else {
        passages.append(passage)
      }
      current = nil
    }
    for index in (end + 1)..<lines.count {
      let line = lines[index]
      if line.hasPrefix("## ") {
        finish()
        guard let open = line.range(of: "{#"), line.hasSuffix("}") else { continue }
        let heading = line[line.index(line.startIndex, offsetBy: 3)..<open.lowerBound]
          .trimmingCharacters(in: .whitespaces)
        let anchor = String(line[open.upperBound..<line.index(before: line.endIndex)])
        if anchor.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) == nil {
          errors.append(
            KnowledgeError(
              file: file, line: index + 1, problem: "anchor '\(anchor)' is not kebab-case",
              fix: "use lowercase letters, digits and dashes, such as '{#ice-first}'"))
        } else if !anchors.insert(anchor).inserted {
          errors.append(
            KnowledgeError(
              file: file, line: index + 1, problem: "anchor '#\(anchor)' is used twice",
              fix: "give each passage its own anchor"))
        }
        current = Passage(anchor: anchor, heading: heading, text: "", line: index + 1)
      } else if current != nil {
        current?.text += line + "\n"
      }
    }
    finish()
    guard let id = header["id"], let title = header["title"], let source = header["source"] else {
      return nil
    }
    return CorpusDocument(id: id, title: title, source: source, passages: passages, file: file)
  }
}
