"""Reliability: hostile input, huge batches, Ctrl-C, threads and forks."""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import subprocess
import sys
import textwrap
import time
from typing import Any

import pytest

import warta

SENTENCE = 'Presiden Joko Widodo mengatakan, "Kami siap," di Jakarta pada Senin (27/3/2017).\n'

HOSTILE = {
    "empty": "",
    "whitespace": " \n\t\r\n  \u3000 ",
    "big_article": SENTENCE * 60_000,  # ~5 MB
    "no_spaces_line": "a" * 2_000_000,
    "quote_marks": '"' * 100_000,
    "unbalanced_quotes": ('Ia berkata "tidak akan pernah ' * 5_000) + "\n" + SENTENCE,
    "brackets": "(" * 50_000 + "Jakarta" + ")" * 50_000,
    "nested_mixed": "([{«“‘" * 20_000,
    "nul_bytes": "Presiden\x00Joko\x00Widodo\x00" * 1_000,
    "cr_only": SENTENCE.replace("\n", "\r") * 200,
    "mixed_newlines": "Judul\r\nJAKARTA - Isi.\rLagi.\n\u2028Akhir.\u2029",
    "bom": "\ufeffJudul Berita\nJAKARTA, KOMPAS.com - Presiden tiba.",
    "rtl": "قال الرئيس إن الحكومة ستعمل \u202e" + "مع الجميع\n" * 500,
    "cjk": "習近平主席在北京會見了印尼總統佐科。" * 2_000,
    "emoji": "Presiden 👩🏽‍⚕️👨‍👩‍👧‍👦🇮🇩 tiba di Jakarta 😀.\n" * 2_000,
    "combining": "Jakarta" + "\u0301" * 10_000,
    "all_caps": SENTENCE.upper() * 500,
    "all_lower": SENTENCE.lower() * 500,
    "digits": "27/3/2017 " * 50_000,
    "surrogates": "Presiden \ud83d tiba \udc00 di Jakarta." * 100,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_gives_sane_output(name: str) -> None:
    text = HOSTILE[name]
    doc = warta.parse(text)
    n = len(text)
    for p in doc["paragraphs"]:
        assert 0 <= p["start"] < p["end"] <= n
    for key in ("mentions", "dates", "quotes"):
        for item in doc[key]:  # type: ignore[attr-defined]
            assert text[item["start"] : item["end"]] == item["text"]
    # A quote never swallows the rest of a long article.
    for q in doc["quotes"]:
        assert q["end"] - q["start"] < 20_000


def test_million_record_batch_keeps_every_record() -> None:
    good = {"text": "Presiden tiba di Jakarta.", "id": "g"}
    kinds: list[Any] = [good, None, 42, {"id": "no-text"}, "Berita singkat.", {"text": None}]
    n = 1_000_000
    items = [kinds[i % len(kinds)] for i in range(n)]
    docs = warta.parse_many(items, on_error="record", progress=False)
    assert len(docs) == n
    for i in (0, 1, 2, 3, 4, 5, 999_996, 999_997, 999_998, 999_999):
        bad = i % len(kinds) in (1, 2, 3, 5)
        assert bool(docs[i]["errors"]) == bad
        if bad:
            assert docs[i]["errors"][0].startswith(f"item {i}: ")
    expected_bad = sum(1 for i in range(n) if i % len(kinds) in (1, 2, 3, 5))
    assert sum(bool(d["errors"]) for d in docs) == expected_bad
    with pytest.raises(warta.InputTypeError, match="item 1: ") as info:
        warta.parse_many(items, progress=False)
    assert info.value.index == 1


CTRL_C_SCRIPT = textwrap.dedent(
    """
    import sys, time, warta
    items = ["Presiden Joko Widodo tiba di Jakarta pada Senin (27/3). " * 40] * 400_000
    print("ready", flush=True)
    t0 = time.perf_counter()
    try:
        warta.parse_many(items, progress=False)
        print("finished", flush=True)
    except KeyboardInterrupt:
        print(f"interrupted {time.perf_counter() - t0:.3f}", flush=True)
    print("after", len(warta.parse_many(["Berita."] * 10)), flush=True)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_interrupts_a_long_batch_quickly() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", CTRL_C_SCRIPT], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(1.0)
    sent = time.perf_counter()
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=60)
    latency = time.perf_counter() - sent
    assert "interrupted" in out, out
    assert "after 10" in out
    assert latency < 3.0, f"Ctrl-C took {latency:.2f} s"


def _parse_in_child(texts: list[str]) -> list[str | None]:
    return [d["lang"] for d in warta.parse_many(texts, threads=2, progress=False)]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_parse_many_after_fork() -> None:
    texts = [SENTENCE * 3] * 200
    warta.parse_many(texts, threads=2, progress=False)  # the parent's pool exists now
    ctx = mp.get_context("fork")
    with ctx.Pool(2) as pool:
        results = pool.map(_parse_in_child, [texts] * 4, chunksize=1)
    assert all(r == ["id"] * 200 for r in results)


def _parse_with(pipeline: warta.Pipeline, text: str) -> list[str]:
    return pipeline.parse(text)["subheadings"]


def test_pickled_pipeline_in_spawned_workers() -> None:
    nlp = warta.Pipeline(lang="id", gazetteer=[("Kompas Gramedia", "ORG")])
    text = (
        "Judul\nJAKARTA - Isi berita pertama.\nSubjudul Di Sini\n"
        "Isi berita kedua yang lebih panjang."
    )
    ctx = mp.get_context("spawn")
    with ctx.Pool(2) as pool:
        results = pool.starmap(_parse_with, [(nlp, text)] * 2)
    assert results == [["Subjudul Di Sini"]] * 2
