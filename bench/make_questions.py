#!/usr/bin/env python3
"""Writes N realistic questions, one per line: the regression cases and their robustness
variants (upper case, no punctuation, filler, a typo, trailing ?!), shuffled with a fixed seed.

Usage: make_questions.py CASES_DIR N OUTPUT
"""
import glob
import os
import random
import re
import sys

import yaml

cases_dir, count, output = sys.argv[1], int(sys.argv[2]), sys.argv[3]
questions = []
for path in sorted(glob.glob(os.path.join(cases_dir, "*.yml"))):
    for case in yaml.safe_load(open(path)) or []:
        questions.append(case["q"])


def typo(question):
    words = question.split(" ")
    best = max(range(len(words)), key=lambda i: (sum(c.isalpha() for c in words[i]), -i))
    word = words[best]
    if len(word) >= 7 and word.isalpha():
        words[best] = word[: len(word) // 2] + word[len(word) // 2 + 1 :]
    return " ".join(words)


variants = []
for q in questions:
    variants += [q, q.upper(), re.sub(r"[^\w\s']", "", q), "hey, quick question: " + q, typo(q), q + "?!"]
random.seed(20261121)
lines = [random.choice(variants) for _ in range(count)]
with open(output, "w") as out:
    out.write("\n".join(lines) + "\n")
print(f"{count} questions from {len(variants)} distinct lines ({len(questions)} cases)")
