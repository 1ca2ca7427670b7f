"""Hostile and odd inputs: time and outcome per case, at two sizes, to show linear time.

Run: python bench/hostile.py. Each case is parsed at size n and 2n; a ratio near 2 (not 4)
says the time grows linearly with the input. Nothing is enforced.
"""

from __future__ import annotations

import time
from typing import Callable

import warta

SENTENCE = 'Presiden Joko Widodo mengatakan, "Kami siap," di Jakarta pada Senin (27/3/2017).\n'

# name -> builder of a text about `n` units long
CASES: dict[str, Callable[[int], str]] = {
    "long article (sentences)": lambda n: SENTENCE * n,
    "one line, no spaces": lambda n: "a" * (80 * n),
    "quote marks only": lambda n: '"' * (80 * n),
    "unbalanced quotes": lambda n: 'Ia berkata "tidak pernah ' * (3 * n),
    "repeated brackets": lambda n: "(" * (40 * n) + "Jakarta" + ")" * (40 * n),
    "mixed open marks": lambda n: "([{«“‘" * (13 * n),
    "NUL bytes": lambda n: "Presiden\x00Joko\x00Widodo\x00" * (4 * n),
    "CR-only newlines": lambda n: SENTENCE.replace("\n", "\r") * n,
    "RTL + override": lambda n: "قال الرئيس إن الحكومة \u202eستعمل\n" * (3 * n),
    "CJK": lambda n: "習近平主席在北京會見了印尼總統佐科。" * (4 * n),
    "emoji, skin tones, ZWJ": lambda n: "Presiden 👩🏽‍⚕️👨‍👩‍👧‍👦🇮🇩 tiba di Jakarta 😀.\n" * (2 * n),
    "combining marks": lambda n: "Jakarta" + "\u0301" * (80 * n),
    "all capitals": lambda n: SENTENCE.upper() * n,
    "all lower case": lambda n: SENTENCE.lower() * n,
    "dates everywhere": lambda n: "27/3/2017 " * (8 * n),
    "names everywhere": lambda n: "".join(
        f"Budi Santoso{i} (BS{i}) dan Santoso{i}, " for i in range(2 * n)
    ),
    "lone surrogates": lambda n: "Presiden \ud83d tiba \udc00 di Jakarta." * (2 * n),
}


def timed(text: str) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        doc = warta.parse(text)
        counts = (len(doc["mentions"]), len(doc["dates"]), len(doc["quotes"]))
        outcome = "{} mentions, {} dates, {} quotes".format(*counts)
    except warta.WartaError as e:
        outcome = f"{type(e).__name__}: {str(e)[:40]}"
    return time.perf_counter() - start, outcome


def main() -> None:
    n = 25_000  # about 2 MB of text per case at size n
    print(f"{'case':26} {'MB':>6} {'s at n':>8} {'s at 2n':>8} {'ratio':>6}  outcome at 2n")
    for name, build in CASES.items():
        small, big = build(n), build(2 * n)
        t1, _ = timed(small)
        t2, outcome = timed(big)
        mb = len(big.encode("utf-8", "surrogatepass")) / 1e6
        print(f"{name:26} {mb:6.1f} {t1:8.3f} {t2:8.3f} {t2 / max(t1, 1e-9):6.2f}  {outcome}")
    big = SENTENCE * 600_000
    t, outcome = timed(big)
    print(f"{'50 MB single article':26} {len(big) / 1e6:6.1f} {'':8} {t:8.3f} {'':6}  {outcome}")


if __name__ == "__main__":
    main()
