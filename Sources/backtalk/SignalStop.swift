import Foundation
import Synchronization

/// The termination signal (SIGTERM, SIGINT, SIGHUP) received while answering piped lines, or 0.
///
/// Pipe mode must not die in the middle of a line: a consumer would read half a JSON object.
/// The handler only records the signal; `Output.flush` finishes the line it is writing, then
/// calls `exitIfSignalled`, which re-raises the signal so the exit status is the conventional
/// one (143 for SIGTERM).
let pendingSignal = Atomic<Int32>(0)

enum SignalStop {
  static let signals = [SIGTERM, SIGINT, SIGHUP]

  /// Records the termination signals instead of dying at once. Without `SA_RESTART`, so a
  /// blocked read or write returns and the signal is acted on promptly.
  static func install() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { number in
      pendingSignal.store(number, ordering: .relaxed)
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    var blocked = sigset_t()
    sigemptyset(&blocked)
    for number in signals {
      sigaction(number, &action, nil)
      sigaddset(&blocked, number)
    }
    // A parent may hand down a mask that blocks them (Foundation's Process launched from a
    // test thread does); blocked, they would wait until the end of the input. Threads
    // started later inherit this mask.
    pthread_sigmask(SIG_UNBLOCK, &blocked, nil)
  }

  /// Ends the program with the recorded signal, if there is one.
  static func exitIfSignalled() {
    let number = pendingSignal.load(ordering: .relaxed)
    guard number != 0 else { return }
    signal(number, SIG_DFL)
    raise(number)
    exit(128 + number)
  }
}
