"""Quote extraction measured on hand-annotated articles, through ``warta.parse``.

Gold: ``tests/data/quotes_gold.jsonl`` (40 IndoSum articles, annotated independently of
the extractor; see ``tests/data/QUOTES_GOLD.md``), ``quotes_gold_heldout.jsonl`` (56 more,
drawn by seed and kept out of development: measured, not tuned on; see QUOTES_GOLD.md)
and the founding sample's gold.
Matching follows the gold's notes: a prediction matches a gold quote when it covers at
least half of it; speakers are compared case-folded. The floors sit a few points under
the figures measured when they were set (dev: direct recall 100 %, direct speaker 97 %,
indirect recall 89 %, indirect speaker 81 %, no scare quote taken for speech; held-out,
all 56 articles: direct recall 98 %, direct speaker 80 %, indirect recall 82 %, indirect
speaker 62 %), so a regression fails while the entity model's ordinary drift does not.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import need

import warta

GOLD = Path(__file__).resolve().parent / "data" / "quotes_gold.jsonl"
HELDOUT = Path(__file__).resolve().parent / "data" / "quotes_gold_heldout.jsonl"

DIRECT_RECALL_FLOOR = 0.95
DIRECT_SPEAKER_FLOOR = 0.94
INDIRECT_RECALL_FLOOR = 0.85
INDIRECT_SPEAKER_FLOOR = 0.77
MAX_SCARE_QUOTE_FPS = 2

# Held-out gold (56 articles drawn by seed, measured but not tuned on).
HELDOUT_DIRECT_RECALL_FLOOR = 0.95
HELDOUT_DIRECT_SPEAKER_FLOOR = 0.85
HELDOUT_INDIRECT_RECALL_FLOOR = 0.78
HELDOUT_INDIRECT_SPEAKER_FLOOR = 0.65


def covers(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Whether a predicted span covers at least half of a gold span."""
    overlap = min(pred["end"], gold["end"]) - max(pred["start"], gold["start"])
    return overlap > 0 and 2 * overlap >= gold["end"] - gold["start"]


Evaluated = list[tuple[dict[str, Any], list[dict[str, Any]]]]


def overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return min(a["end"], b["end"]) > max(a["start"], b["start"])


def fold(name: str | None) -> str:
    return (name or "").casefold().strip()


def evaluate(path: Path, corpus: list[dict[str, Any]]) -> Evaluated:
    """Each gold record of one file with the quotes ``warta.parse`` finds in its article."""
    texts = {row["id"]: row["text"] for row in corpus}
    out = []
    with need(path).open(encoding="utf-8") as f:
        for line in f:
            gold = json.loads(line)
            doc = warta.parse(texts[gold["id"]])
            out.append((gold, doc["quotes"]))
    return out


@pytest.fixture(scope="module")
def evaluated(corpus: list[dict[str, Any]]) -> Evaluated:
    return evaluate(GOLD, corpus)


@pytest.fixture(scope="module")
def evaluated_heldout(corpus: list[dict[str, Any]]) -> Evaluated:
    return evaluate(HELDOUT, corpus)


def score(evaluated: Evaluated, kind: str) -> tuple[int, int, int]:
    """(gold quotes, found, found with the right speaker) for one kind."""
    total = found = right = 0
    for gold, predicted in evaluated:
        for q in gold["quotes"]:
            if q["kind"] != kind:
                continue
            total += 1
            match = next((p for p in predicted if covers(p, q)), None)
            if match is not None:
                found += 1
                right += fold(match["speaker"]) == fold(q["speaker"])
    return total, found, right


def test_direct_quotes_found_with_their_speakers(evaluated):
    total, found, right = score(evaluated, "direct")
    assert total >= 100
    assert found / total >= DIRECT_RECALL_FLOOR, f"direct recall {found}/{total}"
    assert right / total >= DIRECT_SPEAKER_FLOOR, f"direct speaker {right}/{total}"


def test_indirect_quotes_found(evaluated):
    total, found, right = score(evaluated, "indirect")
    assert total >= 50
    assert found / total >= INDIRECT_RECALL_FLOOR, f"indirect recall {found}/{total}"
    assert right / total >= INDIRECT_SPEAKER_FLOOR, f"indirect speaker {right}/{total}"


def test_heldout_direct_quotes_found_with_their_speakers(evaluated_heldout):
    total, found, right = score(evaluated_heldout, "direct")
    assert total >= 60
    assert found / total >= HELDOUT_DIRECT_RECALL_FLOOR, f"direct recall {found}/{total}"
    assert right / total >= HELDOUT_DIRECT_SPEAKER_FLOOR, f"direct speaker {right}/{total}"


def test_heldout_indirect_quotes_found(evaluated_heldout):
    total, found, right = score(evaluated_heldout, "indirect")
    assert total >= 60
    assert found / total >= HELDOUT_INDIRECT_RECALL_FLOOR, f"indirect recall {found}/{total}"
    assert right / total >= HELDOUT_INDIRECT_SPEAKER_FLOOR, f"indirect speaker {right}/{total}"


def test_scare_quotes_and_titles_are_not_speech(evaluated):
    false_positives = [
        p["text"]
        for gold, predicted in evaluated
        for p in predicted
        if not any(overlaps(p, q) for q in gold["quotes"])
        and any(overlaps(p, n) for n in gold.get("not_quotes", []))
    ]
    assert len(false_positives) <= MAX_SCARE_QUOTE_FPS, false_positives


def test_offsets_slice_back_to_the_quote(evaluated, corpus):
    texts = {row["id"]: row["text"] for row in corpus}
    for gold, predicted in evaluated:
        text = texts[gold["id"]]
        for p in predicted:
            assert text[p["start"] : p["end"]] == p["text"]
            assert p["kind"] in ("direct", "indirect")


def test_article_without_quotes_yields_no_direct_quote(evaluated):
    empty = [predicted for gold, predicted in evaluated if not gold["quotes"]]
    assert empty, "the gold keeps a zero-quote control article"
    assert all(p["kind"] != "direct" for predicted in empty for p in predicted)


def test_seed_article_quotes_and_speakers(seed_text, seed_gold):
    predicted = warta.parse(seed_text)["quotes"]
    expected = [(q["start"], q["end"], q["kind"], q["speaker"]) for q in seed_gold["quotes"]]
    got = [(q["start"], q["end"], q["kind"], q["speaker"]) for q in predicted]
    assert got == expected
    cues = ["mencuit", "mencuit", "katanya", "Menurut", "kata", "kata"]
    assert [q["cue"] for q in predicted] == cues
    entities = warta.parse(seed_text)["entities"]
    for q in predicted:
        if q["speaker_entity"] is not None:
            assert entities[q["speaker_entity"]]["label"] == "PER"


def test_office_words_and_title_abbreviations_name_the_office_holder():
    # A field word glued to a one-word name stays with the title, and "kata Menpora"
    # names the minister the article introduced by the full title (IndoSum sentences).
    text = (
        "Suara.com-Menteri Koordinator Bidang Politik, Hukum, dan Keamanan Wiranto "
        "mengatakan kompleksitas masalah laut membuat Indonesia perlu memperkuat kerja "
        "sama.\n\n"
        '"Saat ini, dunia berada di tengah meningkatnya kompleksitas dalam bidang '
        'keamanan maritim," ujar Wiranto di Nusa Dua, Bali, Kamis (24/8/2017).\n\n'
        "Sementara itu, Menteri Pemuda dan Olahraga Imam Nahrawi akan menentukan "
        "target medali bagi setiap cabang olahraga.\n\n"
        '"Proyeksi sebelumnya itu hanya perkiraan saja," kata Menpora di Jakarta, Selasa.'
    )
    speakers = {q["text"][:9]: q["speaker"] for q in warta.parse(text)["quotes"]}
    assert speakers.get("Saat ini,") == "Wiranto"
    assert speakers.get("Proyeksi ") == "Imam Nahrawi"


def test_title_abbreviation_in_brackets_names_the_holder():
    text = (
        "Jakarta-Menteri Perhubungan (Menhub) Budi Karya Sumadi meresmikan KRL Commuter "
        "Line di Stasiun Bekasi, Jumat.\n\n"
        '"Kami ingin masyarakat beralih ke angkutan umum," kata Menhub di Bekasi.'
    )
    speakers = [q["speaker"] for q in warta.parse(text)["quotes"] if q["kind"] == "direct"]
    assert speakers == ["Budi Karya Sumadi"]
