"""RSS across a million parse calls: it must stay flat (no leak per call).

Run: python bench/leak.py [--calls N]. Prints RSS every 100,000 calls. Nothing is enforced.
"""

from __future__ import annotations

import argparse
import resource
import time

import warta

TEXTS = [
    'Judul\nJAKARTA, KOMPAS.com - Presiden Joko Widodo mengatakan, "Kami siap," Senin (27/3).',
    "Menurut Menteri Keuangan Sri Mulyani, ekonomi tumbuh 5 persen tahun lalu. (ant)",
    "Pejabat KPK memeriksa tiga saksi di Gedung Merah Putih, Jakarta, kemarin.",
]


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=1_000_000)
    args = parser.parse_args()
    nlp = warta.Pipeline()
    for t in TEXTS:
        nlp.parse(t)
    start_rss, start = rss_mb(), time.perf_counter()
    print(f"calls {0:>9}  RSS {start_rss:7.1f} MB")
    for i in range(1, args.calls + 1):
        nlp.parse(TEXTS[i % len(TEXTS)], published="2017-03-28")
        if i % 100_000 == 0:
            print(f"calls {i:>9}  RSS {rss_mb():7.1f} MB  ({time.perf_counter() - start:.0f} s)")
    print(f"growth over {args.calls} calls: {rss_mb() - start_rss:+.1f} MB")


if __name__ == "__main__":
    main()
