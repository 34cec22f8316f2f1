#!/usr/bin/env python3
"""Measures one command that speaks JSON Lines: start-up to the first answer (median of many
runs), throughput over a question file (median of a few runs), and peak memory.

Usage: measure.py --questions FILE [--runs N] [--starts N] -- COMMAND...
Prints one JSON object.
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import time

parser = argparse.ArgumentParser()
parser.add_argument("--questions", required=True)
parser.add_argument("--runs", type=int, default=3)
parser.add_argument("--starts", type=int, default=30)
parser.add_argument("command", nargs=argparse.REMAINDER)
args = parser.parse_args()
command = args.command[1:] if args.command[:1] == ["--"] else args.command


def first_answer_ms():
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    process.stdin.write(b"can I drive?\n")
    process.stdin.close()
    process.stdout.readline()
    elapsed = (time.perf_counter() - start) * 1000
    process.stdout.read()
    process.wait()
    return elapsed


def peak_rss_kb_of(run):
    # ru_maxrss of the children is the largest of any child waited for so far, so measure in a
    # fresh process that runs just this one command.
    probe = (
        "import resource,subprocess,sys;"
        "subprocess.run(sys.argv[2:],stdin=open(sys.argv[1],'rb'),stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    output = subprocess.run(["python3", "-c", probe, args.questions] + command, capture_output=True, text=True)
    return int(output.stdout.strip() or 0)


starts = sorted(first_answer_ms() for _ in range(args.starts))
lines = sum(1 for line in open(args.questions) if line.strip())
durations = []
answered = 0
for _ in range(args.runs):
    start = time.perf_counter()
    with open(args.questions, "rb") as questions:
        result = subprocess.run(command, stdin=questions, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    durations.append(time.perf_counter() - start)
    answered = result.stdout.count(b"\n")
seconds = statistics.median(durations)
print(json.dumps({
    "start_ms_median": round(statistics.median(starts), 2),
    "start_ms_min": round(starts[0], 2),
    "lines": lines,
    "answered": answered,
    "seconds_median": round(seconds, 3),
    "questions_per_second": round(lines / seconds),
    "peak_rss_mb": round(peak_rss_kb_of(command) / 1024, 1),
}))
