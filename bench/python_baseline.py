#!/usr/bin/env python3
"""A typical Python alternative on the same Intents/: TF-IDF (word and character n-grams) with
logistic regression, trained at start-up. Speaks a minimal JSON Lines contract (question,
intents, reply) on stdin/stdout, one line per question, flushed per line like Backtalk.

Usage: python_baseline.py REPO_ROOT < questions > answers
"""
import glob
import json
import os
import sys

import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline, make_union

root = sys.argv[1]
texts, labels, answers = [], [], {}
for path in sorted(glob.glob(os.path.join(root, "Intents", "*.yml"))):
    for intent in yaml.safe_load(open(path)):
        answers[intent["intent"]] = intent["answer"]
        for example in intent["examples"]:
            texts.append(example)
            labels.append(intent["intent"])
model = make_pipeline(
    make_union(
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True),
    ),
    LogisticRegression(max_iter=2000, C=10),
)
model.fit(texts, labels)
out = sys.stdout
batch = []


def flush(batch):
    for question, label in zip(batch, model.predict(batch)):
        out.write(json.dumps({"question": question, "intents": [label], "reply": answers[label]}) + "\n")
    out.flush()


for line in sys.stdin:
    line = line.rstrip("\n")
    if not line.strip():
        continue
    batch.append(line)
    if len(batch) >= 1000:
        flush(batch)
        batch = []
if batch:
    flush(batch)
