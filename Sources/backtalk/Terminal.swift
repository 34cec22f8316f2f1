import BacktalkCore
import Foundation

/// Writing replies to a terminal, for the REPL and for `ask`: wrapped to the width at word
/// boundaries, with the emergency or urgent banner, in colour when colour is wanted.
struct Terminal {
  let useColor: Bool

  enum Style: String {
    case bold = "1"
    case alert = "1;97;41"
    case warning = "1;30;43"
    case dim = "2"
  }

  func style(_ text: String, _ style: Style) -> String {
    useColor ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }

  /// A reply as the REPL shows it: the banner first when it is urgent or an emergency, then
  /// the plain reply with its sources and the disclaimer reminder.
  func render(_ reply: Reply, session: Session, explain: Bool = false) -> String {
    var text = Render.plain(reply, session: session, explain: explain)
    if reply.triage >= .urgent {
      let word = reply.triage == .emergency ? "EMERGENCY" : "URGENT"
      let bar = String(
        repeating: reply.triage == .emergency ? "!" : "=", count: min(60, Self.width()))
      let banner = "\(bar)\n  \(word): read this first\n\(bar)"
      text = style(banner, reply.triage == .emergency ? .alert : .warning) + "\n" + text
    }
    return text
  }

  /// Writes text wrapped to the terminal's width (escape sequences only come in whole lines).
  func say(_ text: String) {
    Output.write(TextWrapper.wrap(text, width: Self.width()) + "\n")
    Output.flush()
  }

  /// The width to lay a listing out for: the terminal's when stdout is one, else the fixed
  /// width of piped output, so a script's output does not depend on `COLUMNS`.
  static func listingWidth() -> Int {
    isatty(STDOUT_FILENO) == 1 ? width() : Render.pipeWidth
  }

  /// The width to wrap at: the terminal's, else `COLUMNS`, else 79.
  static func width() -> Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 {
      return Int(size.ws_col) - 1
    }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns >= 20
    {
      return columns - 1
    }
    return 79
  }
}
