#!/usr/bin/env python3
"""Writes a knowledge folder FACTOR times (default ten) the size of the real one: every
answerable intent FACTOR - 1 more times under new ids, each copy with its own made-up words,
so the vocabulary, the postings and the number of intents all grow. Red flags, corpus and
lexicon are copied as they are.

Usage: grow_knowledge.py REPO_ROOT OUTPUT_DIR [FACTOR]
"""
import os
import shutil
import sys

import yaml

root, out = sys.argv[1], sys.argv[2]
factor = int(sys.argv[3]) if len(sys.argv) > 3 else 10
shutil.rmtree(out, ignore_errors=True)
for folder in ("Corpus", "Lexicon"):
    shutil.copytree(os.path.join(root, folder), os.path.join(out, folder))
os.makedirs(os.path.join(out, "Intents"))
total = 0
for name in sorted(os.listdir(os.path.join(root, "Intents"))):
    intents = yaml.safe_load(open(os.path.join(root, "Intents", name)))
    grown = []
    for intent in intents:
        grown.append(intent)
        if "triage" in intent or intent["intent"] == "disclaimer":
            continue
        for copy in range(2, factor + 1):
            clone = dict(intent)
            clone["intent"] = f"{intent['intent']}_v{copy}"
            tag = f"zq{copy}x{len(grown)}"
            clone["examples"] = [f"{e} {tag}" for e in intent["examples"]]
            clone["keywords"] = [f"{k} {tag}" for k in intent.get("keywords", [])]
            clone.pop("related", None)
            clone.pop("exercise", None)
            grown.append(clone)
    total += len(grown)
    with open(os.path.join(out, "Intents", name), "w") as f:
        yaml.safe_dump(grown, f, sort_keys=False, allow_unicode=True)
print(f"{total} intents written to {out}")
