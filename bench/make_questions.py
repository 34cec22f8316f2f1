#!/usr/bin/env python3
"""Writes N realistic questions, one per line: the regression cases and their robustness
variants (upper case, no punctuation, filler, a typo, trailing ?!), shuffled with a fixed seed.
With --paraphrases, 15% of the lines are instead generated rewordings (a story before the
question, a courtesy after it, words dropped or doubled, contractions spelt out) and 5% long
lines of 5 to 40 questions run together, so the set is not only the wording the matcher was
tuned on.

Usage: make_questions.py CASES_DIR N OUTPUT [--paraphrases]
"""
import glob
import os
import random
import re
import sys

import yaml

cases_dir, count, output = sys.argv[1], int(sys.argv[2]), sys.argv[3]
paraphrases = "--paraphrases" in sys.argv[4:]
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

STORIES = ["my back went into spasm this morning and ", "so i bent down to pick up a box, ",
           "been lying on the floor for an hour. ", "sorry if this is a silly question but ",
           "i'm 34 and fairly fit, ", "ok so ", "my physio is away this week, ",
           "it started after gardening yesterday, "]
COURTESIES = [" thanks", " thank you so much", " please help", " any advice?", " cheers",
              " asap", " x", " (sorry for typos)"]
SPELT_OUT = {"can't": "can not", "don't": "do not", "i'm": "i am", "it's": "it is",
             "cant": "can not", "dont": "do not", "im": "i am"}


def reworded(rng, question):
    words = question.split(" ")
    kind = rng.randrange(4)
    if kind == 0:
        return rng.choice(STORIES) + question
    if kind == 1:
        return question.rstrip("?!. ") + rng.choice(COURTESIES)
    if kind == 2:
        return " ".join(SPELT_OUT.get(word.lower(), word) for word in words)
    if len(words) > 3:
        position = rng.randrange(len(words))
        words.insert(position, words[position])
    return " ".join(words)


if paraphrases:
    rng = random.Random(20261201)
    for index in range(count):
        roll = rng.random()
        if roll < 0.15:
            lines[index] = reworded(rng, rng.choice(questions))
        elif roll < 0.20:
            joiner = rng.choice([" and ", ". ", ", also ", " "])
            lines[index] = joiner.join(rng.choice(questions) for _ in range(rng.randint(5, 40)))
with open(output, "w") as out:
    out.write("\n".join(lines) + "\n")
print(f"{count} questions from {len(variants)} distinct lines ({len(questions)} cases)")
