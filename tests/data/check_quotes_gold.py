#!/usr/bin/env python3
"""Verify tests/data/quotes_gold.jsonl and quotes_gold_heldout.jsonl against the IndoSum corpus.

Re-reads ../shared/data/corpus/indosum-dev.jsonl (relative to the repo root; override
with $WARTA_CORPUS) and asserts that every quote / not_quote offset slices the article
text to exactly the stored string, and that the record fields are well-formed.
Run: python3 tests/data/check_quotes_gold.py [--selection]
(--selection also re-derives each file's article selection from the corpus and compares ids.)
"""

import hashlib
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
GOLD = os.path.join(HERE, "quotes_gold.jsonl")
HELDOUT = os.path.join(HERE, "quotes_gold_heldout.jsonl")
HELDOUT_SEED = 20261129
CANDIDATES = [
    os.environ.get("WARTA_CORPUS", ""),
    os.path.join(REPO, "..", "shared", "data", "corpus", "indosum-dev.jsonl"),
    os.path.join(REPO, "shared", "data", "corpus", "indosum-dev.jsonl"),
    "/work/shared/data/corpus/indosum-dev.jsonl",
]
DQ = '"\u201c\u201d'


# --- article selection (documented in QUOTES_GOLD.md); run with --selection to re-derive ---
_CUE = re.compile(
    r"\b(kata|katanya|ujar|ujarnya|ucap|ucapnya|tutur|tuturnya|jelas|jelasnya|menurut|mengatakan)\b",
    re.I,
)
_TRAILCUE = re.compile(r"[,.?!] *(kata|ujar|ucap|tutur|jelas|tambah|lanjut|sambung|pungkas)", re.I)
QUOTA = {
    "cnn indonesia": 9,
    "kumparan": 6,
    "antaranews": 3,
    "merdeka": 3,
    "juara.net": 3,
    "suara": 4,
    "dailysocial.id": 3,
    "poskotanews": 3,
    "rimanews": 3,
    "goal indonesia": 3,
}
INDIRECT_ONLY_SLOT = {
    "antaranews",
    "poskotanews",
    "merdeka",
}  # last pick: an article with no quotation marks
MULTIPARA_SLOT = {
    "goal indonesia",
    "antaranews",
    "poskotanews",
}  # first pick: a multi-paragraph quote, if any


def _nq(p):
    return sum(p.count(c) for c in DQ)


def _wellformed(t):
    """Every paragraph has an even number of double quote marks, except the opening
    paragraph(s) of a multi-paragraph quote (starts with a mark, next paragraph starts
    with a mark, and no reporting cue after the text, which would mean a lost closing mark)."""
    ps = t.split("\n")
    for i, p in enumerate(ps):
        if _nq(p) % 2:
            if not (p[:1] in DQ and i + 1 < len(ps) and ps[i + 1][:1] in DQ):
                return False
            if _TRAILCUE.search(p):
                return False
    return True


def _multipara(t):
    return any(_nq(p) % 2 and p[:1] in DQ for p in t.split("\n"))


def select(articles):
    cands = [
        a
        for a in articles
        if 1500 <= len(a["text"]) <= 4000
        and (any(c in a["text"] for c in DQ) or _CUE.search(a["text"]))
    ]
    cands.sort(key=lambda a: hashlib.sha1(a["id"].encode()).hexdigest())
    sel = []
    for src, quota in QUOTA.items():
        pool = [a for a in cands if a["source"] == src]
        picked = []
        if src in MULTIPARA_SLOT:
            mp = [a for a in pool if _multipara(a["text"]) and _wellformed(a["text"])]
            if mp:
                picked.append(mp[0])
        n_io = 1 if src in INDIRECT_ONLY_SLOT else 0
        cats = sorted({a["category"] for a in pool})
        ci = 0
        while len(picked) < quota - n_io:  # round-robin over categories
            cat = cats[ci % len(cats)]
            ci += 1
            for a in pool:
                if a in picked or a["category"] != cat:
                    continue
                if _nq(a["text"]) < 4 or not _wellformed(a["text"]):
                    continue
                picked.append(a)
                break
        if n_io:
            picked.append(
                next(
                    a
                    for a in pool
                    if not any(c in a["text"] for c in DQ) and _CUE.search(a["text"])
                )
            )
        sel += picked
    return [a["id"] for a in sel]


def select_heldout(articles, exclude, n):
    """The held-out draw (QUOTES_GOLD.md): same candidate filter as select(), minus the dev
    gold's ids, sorted by id, shuffled by a seeded generator; the first n."""
    cands = [
        a
        for a in articles
        if a["id"] not in exclude
        and 1500 <= len(a["text"]) <= 4000
        and (any(c in a["text"] for c in DQ) or _CUE.search(a["text"]))
    ]
    cands.sort(key=lambda a: a["id"])
    random.Random(HELDOUT_SEED).shuffle(cands)
    return [a["id"] for a in cands[:n]]


def load(path):
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def main():
    corpus = next((p for p in CANDIDATES if p and os.path.exists(p)), None)
    if corpus is None:
        print("corpus not found; set WARTA_CORPUS", file=sys.stderr)
        return 2
    dev = load(GOLD)
    heldout = load(HELDOUT)
    overlap = {g["id"] for g in dev} & {g["id"] for g in heldout}
    assert not overlap, f"held-out articles also in the dev gold: {sorted(overlap)}"
    check(corpus, GOLD, dev)
    check(corpus, HELDOUT, heldout)
    if "--selection" in sys.argv:
        with open(corpus, encoding="utf-8") as f:
            articles = [json.loads(line) for line in f]
        ids_sel = select(articles)
        assert ids_sel == [g["id"] for g in dev], "selection rule does not reproduce the gold ids"
        print("selection rule reproduces the", len(ids_sel), "gold ids in order")
        ids_held = select_heldout(articles, set(ids_sel), len(heldout))
        assert ids_held == [g["id"] for g in heldout], "held-out draw does not reproduce its ids"
        print("held-out draw reproduces the", len(ids_held), "held-out ids in order")
    return 0


def check(corpus, path, gold):
    """Asserts that every record of one gold file is well-formed against the corpus."""
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
        # quotes and not_quotes must not overlap, except a not_quote nested inside a quote
        spans = []
        for q in g["quotes"]:
            assert set(q) == {"text", "start", "end", "kind", "speaker", "cue"}, (g["id"], q)
            assert q["kind"] in ("direct", "indirect"), (g["id"], q)
            assert isinstance(q["speaker"], str) and q["speaker"].strip(), (g["id"], q)
            assert q["cue"] is None or (isinstance(q["cue"], str) and q["cue"].strip()), (
                g["id"],
                q,
            )
            assert 0 <= q["start"] < q["end"] <= len(text), (g["id"], q)
            assert text[q["start"] : q["end"]] == q["text"], (
                g["id"],
                q["text"],
                text[q["start"] : q["end"]],
            )
            assert q["text"] == q["text"].strip(), (g["id"], q["text"])
            if q["kind"] == "direct":
                # an opening mark precedes and a closing mark follows (spaces allowed)
                assert text[: q["start"]].rstrip()[-1:] in DQ, (
                    g["id"],
                    "no opening mark",
                    q["text"][:40],
                )
                after = text[q["end"] :].lstrip()[:1]
                assert after in DQ or after == "", (g["id"], "no closing mark", q["text"][-40:])
            else:
                # marks inside an indirect quote may only belong to a nested not_quote
                # (e.g. a title)
                nested = [
                    n for n in g["not_quotes"] if q["start"] <= n["start"] and n["end"] <= q["end"]
                ]
                marks = sum(q["text"].count(c) for c in DQ)
                assert marks <= 2 * len(nested), (
                    g["id"],
                    "marks in indirect quote",
                    q["text"][:40],
                )
            n[q["kind"]] += 1
            spans.append((q["start"], q["end"]))
        for q in g["not_quotes"]:
            assert set(q) == {"text", "start", "end"}, (g["id"], q)
            assert text[q["start"] : q["end"]] == q["text"], (g["id"], q)
            n["not_quotes"] += 1
            # a not_quote may sit inside a quote (a title inside a direct or indirect quote)
            if not any(p["start"] <= q["start"] and q["end"] <= p["end"] for p in g["quotes"]):
                spans.append((q["start"], q["end"]))
        spans.sort()
        for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
            assert a1 <= b0, (g["id"], "overlapping spans", (a0, a1), (b0, b1))
        assert [q["start"] for q in g["quotes"]] == sorted(q["start"] for q in g["quotes"])
    print(
        f"OK {os.path.basename(path)}: {len(gold)} articles, {n['direct']} direct, "
        f"{n['indirect']} indirect, {n['not_quotes']} not_quotes"
    )


if __name__ == "__main__":
    sys.exit(main())
