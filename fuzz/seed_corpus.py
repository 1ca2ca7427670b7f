"""Builds the fuzzers' seed corpus from the sample article and real corpus paragraphs.

Run from the repository root: python fuzz/seed_corpus.py (writes fuzz/corpus/<target>/).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "indosum-dev.jsonl"
TARGETS = ("parse", "entities", "dates", "quotes")


def seeds() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if CORPUS.exists():
        with CORPUS.open(encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i % 20 == 0:  # 174 articles, cut to a few paragraphs each
                    text = json.loads(line)["text"]
                    texts.append("\n".join(text.split("\n")[:4]))
    return texts


def main() -> None:
    texts = seeds()
    for target in TARGETS:
        out = ROOT / "fuzz" / "corpus" / target
        out.mkdir(parents=True, exist_ok=True)
        for text in texts:
            data = text.encode("utf-8")
            (out / hashlib.sha1(data).hexdigest()).write_bytes(data)
    print(f"wrote {len(texts)} seeds for each of {', '.join(TARGETS)}")


if __name__ == "__main__":
    main()
