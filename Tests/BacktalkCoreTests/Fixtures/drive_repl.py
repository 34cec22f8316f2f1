#!/usr/bin/env python3
"""Drives the backtalk REPL through a pseudo-terminal, as a person would.

Usage: drive_repl.py BINARY STATE_DIR [--arg ARG]... [--columns N] [--term TERM] STEP...
STATE_DIR "-" starts it with neither HOME nor XDG_STATE_HOME. Each --arg is passed to the
binary (for a one-shot command such as `ask` on a terminal); --columns sets the screen width
(default 500, so no answer is wrapped), --term the TERM (default dumb) and --prompt the
regular expression to wait for instead of the prompt (for a mode that shows none).
Each STEP is text to type; "^C" sends Ctrl-C, "^Z" Ctrl-Z and then SIGCONT (as `fg` does), "^D" sends Ctrl-D, "^N" presses Enter and waits
a moment without waiting for a prompt (a countdown follows), "^J" presses Enter and waits for
the prompt, and a trailing "\\n" is Enter.
After each step it waits for the prompt (or the end). Prints a JSON object with the whole
transcript and the exit status.
"""
import fcntl
import json
import os
import re
import struct
import termios
import pty
import select
import sys
import time

binary, state, steps = sys.argv[1], sys.argv[2], sys.argv[3:]
arguments, columns, term = [], 500, "dumb"
PROMPT = re.compile(rb"backtalk[^\n>]*> ")
while steps and steps[0] in ("--arg", "--columns", "--term", "--prompt"):
    option, value, steps = steps[0], steps[1], steps[2:]
    if option == "--arg":
        arguments.append(value)
    elif option == "--prompt":
        PROMPT = re.compile(value.encode())
    elif option == "--columns":
        columns = int(value)
    else:
        term = value

pid, fd = pty.fork()
if pid == 0:
    env = {"PATH": os.environ.get("PATH", ""), "TERM": term, "LANG": "en_US.UTF-8"}
    if state != "-":
        env["XDG_STATE_HOME"] = state
        env["HOME"] = state
    # The child sets its own screen size, before anything can ask for it.
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    os.execve(binary, [binary] + arguments, env)

transcript = b""


def read_until(marker, seconds=10.0):
    global transcript
    deadline = time.time() + seconds
    start = len(transcript)
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return False
            if not chunk:
                return False
            transcript += chunk
            found = marker.search(transcript[start:]) if hasattr(marker, "search") else marker in transcript[start:]
            if found:
                return True
    return False


read_until(PROMPT)
for step in steps:
    if step == "^TERM":
        os.kill(pid, 15)
        read_until(b"\x00", seconds=2)
        continue
    if step == "^N":
        os.write(fd, b"\n")
        read_until(b"hold:", seconds=3)
        time.sleep(1.2)
        continue
    if step == "^J":
        os.write(fd, b"\n")
        read_until(PROMPT)
        continue
    if step == "^Z":
        # Ctrl-Z, then what `fg` sends: the REPL must draw the prompt and the typed line again.
        os.write(fd, b"\x1a")
        time.sleep(0.3)
        os.kill(pid, 18)  # SIGCONT
        read_until(PROMPT)
        continue
    if step == "^C":
        os.write(fd, b"\x03")
    elif step == "^D":
        os.write(fd, b"\x04")
    else:
        os.write(fd, step.encode().replace(b"\\n", b"\n").replace(b"\\t", b"\t"))
    if step.endswith("\\n") or step == "^C":
        read_until(PROMPT)
    elif step == "^D":
        read_until(b"\x00", seconds=3)
    else:
        time.sleep(0.2)

status = None
for _ in range(50):
    done, code = os.waitpid(pid, os.WNOHANG)
    if done:
        status = os.waitstatus_to_exitcode(code)
        break
    time.sleep(0.1)
if status is None:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
print(json.dumps({"transcript": transcript.decode("utf-8", "replace"), "status": status}))
