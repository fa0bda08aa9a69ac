"""scikit-learn peer for scripts/bench/peers: TF-IDF (word 1-2 + char_wb 2-5, sublinear TF) with LinearSVC and
LogisticRegression, fitted on the same training rows kolm sees and predicting the same held-out rows.

Usage: peer.py TRAIN.jsonl HELD.jsonl   (lines {"x": text, "y": label key}); prints one JSON object:
{"models": [{"name", "vectorize_s", "fit_s", "fit_cpu_s", "predictions": [...]}], "features": N}
(fit_cpu_s: process CPU time, the fairer figure on a machine shared with other work)
Scoring is the caller's (kolm's scorer), so both sides are judged by the same rule.
"""
import json
import sys
import time

from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC


def read(path):
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [r["x"] for r in rows], [r["y"] for r in rows]


def main():
    x_train, y_train = read(sys.argv[1])
    x_held, _ = read(sys.argv[2])
    t0 = time.perf_counter()
    word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
    X = hstack([word.fit_transform(x_train), char.fit_transform(x_train)]).tocsr()
    H = hstack([word.transform(x_held), char.transform(x_held)]).tocsr()
    vectorize_s = time.perf_counter() - t0
    models = []
    for name, clf in [("LinearSVC", LinearSVC()), ("LogisticRegression", LogisticRegression(max_iter=1000))]:
        t, c = time.perf_counter(), time.process_time()
        clf.fit(X, y_train)
        fit_s, fit_cpu_s = time.perf_counter() - t, time.process_time() - c
        models.append({"name": name, "vectorize_s": vectorize_s, "fit_s": fit_s, "fit_cpu_s": fit_cpu_s, "predictions": clf.predict(H).tolist()})
    json.dump({"models": models, "features": X.shape[1]}, sys.stdout)


if __name__ == "__main__":
    main()
