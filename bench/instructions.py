#!/usr/bin/env python3
"""Counts the instructions a question costs under callgrind, which repeat exactly on a noisy
machine: the binary (copied without DWARF, which valgrind 3.19 cannot read) answers the first
LINES questions and then the first one alone; the difference divided by LINES - 1 is the cost
of a question, the one-line run the cost of start-up.

Usage: instructions.py BINARY QUESTIONS [LINES] [-- ARGUMENTS...]   (default 2000, --json)
Prints one JSON object.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

argv = sys.argv[1:]
extra = ["--json"]
if "--" in argv:
    extra = argv[argv.index("--") + 1 :]
    argv = argv[: argv.index("--")]
binary, questions = argv[0], argv[1]
count = int(argv[2]) if len(argv) > 2 else 2000
if shutil.which("valgrind") is None:
    print(json.dumps({"error": "valgrind is not installed (apt-get install valgrind)"}))
    sys.exit(0)
work = tempfile.mkdtemp(prefix="backtalk-instructions-")
stripped = os.path.join(work, "backtalk")
subprocess.run(["objcopy", "--strip-debug", binary, stripped], check=True)
lines = [line for line in open(questions, encoding="utf-8", errors="surrogateescape")]
lines = lines[:count]


def instructions(some):
    path = os.path.join(work, "questions.txt")
    with open(path, "w", encoding="utf-8", errors="surrogateescape") as out:
        out.writelines(some)
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={work}/cg.out", stripped] + extra,
        stdin=open(path, "rb"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    total = re.findall(r"refs:\s+([\d,]+)", result.stderr)
    return int(total[-1].replace(",", ""))


many = instructions(lines)
one = instructions(lines[:1])
print(json.dumps({
    "lines": len(lines),
    "instructions_per_question": round((many - one) / (len(lines) - 1)),
    "startup_instructions": one,
}))
shutil.rmtree(work, ignore_errors=True)
