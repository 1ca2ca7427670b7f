"""Throughput of warta on the IndoSum corpus (../shared/data/corpus/indosum-dev.jsonl).

Run: python bench/bench.py [--repeat N]. Prints one table; nothing is enforced.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path
from typing import Any, Callable

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/data/corpus/indosum-dev.jsonl"


def best_of(repeat: int, fn: Callable[[], Any]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    t0 = time.perf_counter()
    import warta

    import_s = time.perf_counter() - t0
    rows = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    texts = [r["text"] for r in rows]
    chars = sum(map(len, texts))
    t0 = time.perf_counter()
    warta.parse(texts[0])
    first_s = time.perf_counter() - t0
    cpus = os.cpu_count() or 1

    cases: list[tuple[str, Callable[[], Any]]] = [
        ("parse, one by one", lambda: [warta.parse(t) for t in texts]),
        ("parse_many, 1 thread", lambda: warta.parse_many(texts, threads=1, progress=False)),
        (
            f"parse_many, {cpus} threads",
            lambda: warta.parse_many(texts, threads=cpus, progress=False),
        ),
        ("parse_stream, batch 1000", lambda: sum(1 for _ in warta.parse_stream(texts))),
    ]
    print(f"corpus: {len(texts)} articles, {chars / 1e6:.1f} M chars; CPUs: {cpus}")
    print(f"import warta: {import_s * 1e3:.0f} ms; first parse: {first_s * 1e3:.0f} ms")
    print(f"{'case':32} {'M chars/s':>10} {'articles/s':>11} {'seconds':>8}")
    timings = {}
    for name, fn in cases:
        s = best_of(args.repeat, fn)
        timings[name] = s
        print(f"{name:32} {chars / s / 1e6:10.2f} {len(texts) / s:11.0f} {s:8.3f}")
    one, many = timings["parse_many, 1 thread"], timings[f"parse_many, {cpus} threads"]
    print(f"speed-up 1 -> {cpus} threads: {one / many:.2f}x")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss:.0f} MB")


if __name__ == "__main__":
    main()
