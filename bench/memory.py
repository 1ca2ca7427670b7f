"""Resident memory: a sampler for peak RSS, and the long parse_stream run (`bench.py --memory`).

The long run streams about 1 GB of article text (the IndoSum corpus read again and again from
disk, each pass with distinct ids, generated lazily: never more than one JSONL line held by the
generator) through `warta.parse_stream` and prints RSS at the start, at intervals and at its peak.
"""

from __future__ import annotations

import json
import os
import resource
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Optional

import psutil

MB = 1024 * 1024


def rss_mb() -> float:
    """The process's resident set size now, in MiB."""
    return float(psutil.Process().memory_info().rss) / MB


def max_rss_mb() -> float:
    """The kernel's high-water mark of RSS for the whole process life, in MiB (Linux: KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class PeakRss:
    """Samples RSS on a background thread every `interval` seconds; `peak` is the highest seen
    since the last `reset`. warta releases the GIL while it parses, so the sampler keeps
    running during native work; a spike shorter than the interval can be missed, which is why
    reports also give the kernel's lifetime high-water mark (`max_rss_mb`)."""

    def __init__(self, interval: float = 0.005) -> None:
        self.interval = interval
        self._proc = psutil.Process()
        self._peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def __enter__(self) -> PeakRss:
        self.reset()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            time.sleep(self.interval)

    def _sample(self) -> None:
        rss = self._proc.memory_info().rss
        if rss > self._peak:
            self._peak = rss

    def reset(self) -> None:
        self._peak = 0
        self._sample()

    @property
    def peak(self) -> float:
        """Highest RSS seen since the last reset, in MiB."""
        self._sample()
        return self._peak / MB


class RepeatedCorpus:
    """Iterates `{"id", "text"}` records, re-reading `corpus` from disk pass after pass until
    `target_chars` characters of text have been yielded. Ids are `"<pass>:<id>"`, distinct
    across passes. Only the current line is ever held; `chars` counts what was yielded."""

    def __init__(self, corpus: Path, target_chars: int) -> None:
        self.corpus = corpus
        self.target_chars = target_chars
        self.chars = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        rep = 0
        while self.chars < self.target_chars:
            with self.corpus.open(encoding="utf-8") as f:
                for line in f:
                    if not line.strip():
                        continue
                    record = json.loads(line)
                    text = record["text"]
                    self.chars += len(text)
                    yield {"id": f"{rep}:{record['id']}", "text": text}
                    if self.chars >= self.target_chars:
                        return
            rep += 1


def run_memory(
    corpus: Path, gb: float, threads: Optional[int], batch_size: int, reports: int = 20
) -> None:
    """Streams `gb` billion characters through `warta.parse_stream` and prints RSS."""
    with PeakRss(interval=0.02) as sampler:
        start_rss = rss_mb()
        import warta

        pipeline = warta.Pipeline()
        pipeline.parse("Jakarta (ANTARA) - Presiden tiba di Jakarta pada Senin (27/3).")
        ready_rss = rss_mb()
        target = int(gb * 1e9)
        cpus = threads or warta.default_threads()
        print(
            f"memory: parse_stream over {target / 1e9:.2f} G chars of text (IndoSum re-read "
            f"from disk with distinct ids, generated lazily); batch_size {batch_size}, "
            f"threads {cpus}; pid {os.getpid()}"
        )
        print(
            f"RSS before import: {start_rss:.0f} MB; after import + Pipeline(): {ready_rss:.0f} MB"
        )
        print(
            f"{'elapsed s':>9} {'G chars':>8} {'articles':>9} {'M chars/s':>9} {'RSS MB':>7} "
            f"{'peak MB':>8}"
        )
        sampler.reset()
        step = target // reports
        next_report = step
        source = RepeatedCorpus(corpus, target)
        articles = 0
        found = 0
        seen: list[float] = []
        t0 = time.perf_counter()
        stream = pipeline.parse_stream(source, batch_size=batch_size, threads=threads)
        for doc in stream:
            articles += 1
            found += len(doc["mentions"]) + len(doc["dates"]) + len(doc["quotes"])
            chars = source.chars  # read ahead by at most one batch
            if chars >= next_report:
                now = rss_mb()
                seen.append(now)
                elapsed = time.perf_counter() - t0
                print(
                    f"{elapsed:9.1f} {chars / 1e9:8.3f} {articles:9d} "
                    f"{chars / elapsed / 1e6:9.2f} {now:7.0f} {sampler.peak:8.0f}",
                    flush=True,
                )
                next_report += step
        elapsed = time.perf_counter() - t0
        chars = source.chars
        peak = sampler.peak
    final = rss_mb()
    kernel_peak = max_rss_mb()
    print(
        f"done: {articles} articles, ~{chars / 1e9:.2f} G chars, {found} mentions+dates+quotes "
        f"in {elapsed:.0f} s ({chars / elapsed / 1e6:.2f} M chars/s)"
    )
    print(
        f"RSS: start {ready_rss:.0f} MB, first interval {seen[0] if seen else final:.0f} MB, "
        f"end {final:.0f} MB, sampled peak {peak:.0f} MB, kernel high-water mark "
        f"{kernel_peak:.0f} MB"
    )
    if len(seen) >= 4:
        half = len(seen) // 2
        growth = max(seen[half:]) - max(seen[:half])
        print(
            f"flat (second-half max minus first-half max = {growth:+.0f} MB, <= 10 MB): "
            f"{'yes' if growth <= 10 else 'no'}"
        )
    print(f"peak under 200 MB: {'yes' if max(peak, kernel_peak) < 200 else 'no'}")
