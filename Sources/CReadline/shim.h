#ifndef BACKTALK_CREADLINE_SHIM_H
#define BACKTALK_CREADLINE_SHIM_H

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <readline/readline.h>
#include <readline/history.h>

// Swift 6 forbids touching C globals directly; these setters are plain C calls.

typedef char *(*backtalk_generator)(const char *text, int state);

static backtalk_generator backtalk_current_generator = NULL;

static inline char **backtalk_attempted_completion(const char *text, int start, int end) {
  (void)start; (void)end;
  rl_attempted_completion_over = 1;
  if (backtalk_current_generator == NULL) return NULL;
  return rl_completion_matches(text, backtalk_current_generator);
}

static inline void backtalk_rl_setup(const char *name, backtalk_generator generator, int use_stderr) {
  rl_readline_name = name;
  backtalk_current_generator = generator;
  rl_attempted_completion_function = backtalk_attempted_completion;
  if (use_stderr) rl_outstream = stderr;
  rl_catch_signals = 0;
}

static inline void backtalk_rl_set_event_hook(int (*hook)(void)) {
  rl_signal_event_hook = hook;
}

static inline void backtalk_rl_abandon_line(void) {
  rl_replace_line("", 0);
  rl_crlf();
  rl_on_new_line();
  rl_redisplay();
}

static inline void backtalk_rl_done(void) { rl_done = 1; }

// Ctrl-Z at the prompt: give the terminal back as it was, stop until `fg`, then take it again
// and draw the prompt and the half-typed line anew.
static inline void backtalk_rl_suspend(void) {
  rl_cleanup_after_signal();
  signal(SIGTSTP, SIG_DFL);
  raise(SIGTSTP);
  rl_reset_after_signal();
  rl_forced_update_display();
}

static inline FILE *backtalk_stdout(void) { return stdout; }
static inline FILE *backtalk_stderr(void) { return stderr; }

#endif
