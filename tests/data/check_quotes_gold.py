#!/usr/bin/env python3
"""Verify tests/data/quotes_gold.jsonl against the IndoSum corpus.

Re-reads ../shared/data/corpus/indosum-dev.jsonl (relative to the repo root; override
with $WARTA_CORPUS) and asserts that every quote / not_quote offset slices the article
text to exactly the stored string, and that the record fields are well-formed.
Run: python3 tests/data/check_quotes_gold.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
GOLD = os.path.join(HERE, "quotes_gold.jsonl")
CANDIDATES = [
    os.environ.get("WARTA_CORPUS", ""),
    os.path.join(REPO, "..", "shared", "data", "corpus", "indosum-dev.jsonl"),
    os.path.join(REPO, "shared", "data", "corpus", "indosum-dev.jsonl"),
    "/work/shared/data/corpus/indosum-dev.jsonl",
]
DQ = '"\u201c\u201d'


def main():
    corpus = next((p for p in CANDIDATES if p and os.path.exists(p)), None)
    if corpus is None:
        print("corpus not found; set WARTA_CORPUS", file=sys.stderr)
        return 2
    gold = [json.loads(l) for l in open(GOLD, encoding="utf-8") if l.strip()]
    ids = {g["id"] for g in gold}
    assert len(ids) == len(gold), "duplicate article ids"
    texts = {}
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["id"] in ids:
                texts[a["id"]] = (a["text"], a["source"])
    missing = ids - set(texts)
    assert not missing, f"ids not in corpus: {sorted(missing)}"
    n = {"direct": 0, "indirect": 0, "not_quotes": 0}
    for g in gold:
        text, source = texts[g["id"]]
        assert g["source"] == source, (g["id"], g["source"], source)
        assert isinstance(g.get("notes", ""), str)
        spans = []  # quotes and not_quotes must not overlap, except a not_quote nested in an indirect quote
        for q in g["quotes"]:
            assert set(q) == {"text", "start", "end", "kind", "speaker", "cue"}, (g["id"], q)
            assert q["kind"] in ("direct", "indirect"), (g["id"], q)
            assert isinstance(q["speaker"], str) and q["speaker"].strip(), (g["id"], q)
            assert q["cue"] is None or (isinstance(q["cue"], str) and q["cue"].strip()), (g["id"], q)
            assert 0 <= q["start"] < q["end"] <= len(text), (g["id"], q)
            assert text[q["start"]:q["end"]] == q["text"], (g["id"], q["text"], text[q["start"]:q["end"]])
            assert q["text"] == q["text"].strip(), (g["id"], q["text"])
            if q["kind"] == "direct":
                # an opening mark precedes and a closing mark follows (spaces allowed)
                assert text[:q["start"]].rstrip()[-1:] in DQ, (g["id"], "no opening mark", q["text"][:40])
                after = text[q["end"]:].lstrip()[:1]
                assert after in DQ or after == "", (g["id"], "no closing mark", q["text"][-40:])
            else:
                # marks inside an indirect quote may only belong to a nested not_quote (e.g. a title)
                nested = [n for n in g["not_quotes"] if q["start"] <= n["start"] and n["end"] <= q["end"]]
                marks = sum(q["text"].count(c) for c in DQ)
                assert marks <= 2 * len(nested), (g["id"], "marks in indirect quote", q["text"][:40])
            n[q["kind"]] += 1
            spans.append((q["start"], q["end"]))
        for q in g["not_quotes"]:
            assert set(q) == {"text", "start", "end"}, (g["id"], q)
            assert text[q["start"]:q["end"]] == q["text"], (g["id"], q)
            n["not_quotes"] += 1
            if not any(p["kind"] == "indirect" and p["start"] <= q["start"] and q["end"] <= p["end"]
                       for p in g["quotes"]):
                spans.append((q["start"], q["end"]))
        spans.sort()
        for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
            assert a1 <= b0, (g["id"], "overlapping spans", (a0, a1), (b0, b1))
    print(f"OK: {len(gold)} articles, {n['direct']} direct, {n['indirect']} indirect, "
          f"{n['not_quotes']} not_quotes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
