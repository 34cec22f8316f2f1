import BacktalkCore
import CReadline
import Foundation
import Synchronization

/// Set by the SIGINT handler; the readline event hook clears the line when it sees it.
let interrupted = Atomic<Bool>(false)
/// Set by the SIGTSTP handler (Ctrl-Z); the event hook stops the program the clean way.
let suspended = Atomic<Bool>(false)
/// The words tab completion offers.
let completionWords = Mutex<[String]>([])

/// GNU readline behind a small interface: prompt, history file, completion, Ctrl-C.
final class LineEditor {
  /// Nil when history cannot be kept; set to nil after the first failed write, so the
  /// warning is printed once.
  private var history: HistoryFile?
  private let name = strdup("backtalk")

  /// Sets up readline; prints one warning if the history file cannot be used.
  init(historyPath: String?, completions: [String]) {
    completionWords.withLock { $0 = completions.sorted() }
    backtalk_rl_setup(
      name,
      { text, state in
        LineEditor.complete(text, state)
      }, isatty(STDOUT_FILENO) == 1 ? 0 : 1)
    LineEditor.record(SIGINT) { _ in interrupted.store(true, ordering: .relaxed) }
    LineEditor.catchSuspend()
    backtalk_rl_set_event_hook {
      if interrupted.exchange(false, ordering: .relaxed) { backtalk_rl_abandon_line() }
      if suspended.exchange(false, ordering: .relaxed) {
        // Stops here until `fg`, with the terminal as the shell left it; then redraws.
        backtalk_rl_suspend()
        LineEditor.catchSuspend()
      }
      return 0
    }
    history = LineEditor.openHistory(historyPath)
    if let history {
      stifle_history(Int32(history.maximumLines))
      do {
        for line in try history.recentLines() { add_history(line) }
        // A REPL ended by a signal never trims at exit, so trim at start as well.
        try history.trimIfNeeded()
      } catch {
        warn(error)
      }
    }
  }

  deinit {
    // Under the lock and by replacing the file, so lines another REPL appended stay.
    do { try history?.trimIfNeeded() } catch { warn(error) }
    free(name)
  }

  /// Records Ctrl-Z instead of stopping at once with the terminal still in readline's mode,
  /// which left the prompt and the typed line gone after `fg`.
  static func catchSuspend() {
    record(SIGTSTP) { _ in suspended.store(true, ordering: .relaxed) }
  }

  /// Installs a handler that only records a signal, without `SA_RESTART` so the blocked read
  /// returns and readline runs the event hook, and unblocks the signal: a parent may have
  /// started us with it blocked (Ctrl-C and Ctrl-Z must reach the handler).
  static func record(_ number: Int32, with handler: @convention(c) (Int32) -> Void) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(number, &action, nil)
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, number)
    sigprocmask(SIG_UNBLOCK, &unblock, nil)
  }

  /// Reads one line; nil at end of input (Ctrl-D on an empty line).
  func readLine(prompt: String) -> String? {
    // A Ctrl-Z away from the prompt (during a countdown) is let go, not acted on later.
    suspended.store(false, ordering: .relaxed)
    guard let pointer = readline(prompt) else { return nil }
    defer { free(pointer) }
    return String(cString: pointer)
  }

  /// Adds a line to the history and appends it to the file at once, so nothing is lost.
  func remember(_ line: String) {
    add_history(line)
    do { try history?.append(line) } catch { warn(error) }
  }

  /// Warns once and stops keeping history.
  private func warn(_ error: HistoryError) {
    guard history != nil else { return }
    history = nil
    Output.error("backtalk: warning: \(error)")
  }
}

extension LineEditor {
  enum Wait {
    case timeout, interrupted
    /// A line was typed: empty for a bare Enter.
    case line(String)
  }

  /// Waits for a line on stdin (readline is idle, so the terminal is in line mode), Ctrl-C,
  /// or the timeout, whichever comes first; a typed line is read and returned, so words
  /// typed during a countdown are never thrown away.
  static func waitForEnter(milliseconds: Int32) -> Wait {
    var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    let ready = poll(&descriptor, 1, milliseconds)
    if interrupted.exchange(false, ordering: .relaxed) { return .interrupted }
    if ready < 0 { return errno == EINTR ? .interrupted : .timeout }
    guard ready > 0 else { return .timeout }
    var byte: UInt8 = 0
    var bytes: [UInt8] = []
    while read(STDIN_FILENO, &byte, 1) == 1 && byte != 0x0A {
      if bytes.count < 65536 { bytes.append(byte) }
    }
    return .line(String(decoding: bytes, as: UTF8.self))
  }
}

extension LineEditor {
  fileprivate static func complete(
    _ text: UnsafePointer<CChar>?, _ state: Int32
  ) -> UnsafeMutablePointer<CChar>? {
    guard let text else { return nil }
    let prefix = String(cString: text).lowercased()
    let matches = completionWords.withLock { words in words.filter { $0.hasPrefix(prefix) } }
    guard Int(state) < matches.count else { return nil }
    return strdup(matches[Int(state)])
  }

  /// Opens the history file, creating it and its folder; on failure warns once and returns
  /// nil.
  fileprivate static func openHistory(_ path: String?) -> HistoryFile? {
    guard let path else {
      Output.error("backtalk: warning: no HOME or XDG_STATE_HOME, so history will not be kept")
      return nil
    }
    do {
      return try HistoryFile(path: path)
    } catch {
      Output.error("backtalk: warning: \(error)")
      return nil
    }
  }
}
