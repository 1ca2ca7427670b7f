"""Property tests: any str gives a dict (or a warta error), with offsets that slice back."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import warta

# Text with the characters that break naive offset handling: multi-byte letters, emoji
# with skin tones and ZWJ, combining marks, CR/CRLF, NUL, BOM, quotes and lone surrogates.
ALPHABET = st.one_of(
    st.characters(),
    st.sampled_from(list("abc ABC .,-()/\"“”'\n\r\t\x00\ufeffé\u0301😀👍🏽👩‍👩‍👧\u200d12345")),
    st.sampled_from(["\ud800", "\udfff"]),
)
NEWSY = st.lists(
    st.sampled_from(
        [
            "Presiden Joko Widodo",
            "JAKARTA, KOMPAS.com - ",
            "Minggu (27/12)",
            "28 Desember 2020",
            '"Kami siap," kata Budi.',
            "\n",
            "rap/ha (AP, Reuters)",
            "Baca juga: ",
            "bulan lalu",
            " di ",
        ]
    )
).map("".join)
TEXTS = st.one_of(
    st.text(ALPHABET, max_size=300), NEWSY, st.tuples(NEWSY, st.text(ALPHABET)).map("".join)
)


def check_offsets(text: str, doc: warta.Article) -> None:
    n = len(text)
    for p in doc["paragraphs"]:
        assert 0 <= p["start"] <= p["end"] <= n
    spanned: list[Any] = [
        doc["credits"],
        doc["dateline"],
        *doc["mentions"],
        *doc["dates"],
        *doc["quotes"],
    ]
    for item in spanned:
        if item is not None:
            assert 0 <= item["start"] <= item["end"] <= n
            assert text[item["start"] : item["end"]] == item["text"]
    for m in doc["mentions"]:
        assert 0 <= m["entity"] < len(doc["entities"])
    for q in doc["quotes"]:
        assert q["speaker_entity"] is None or 0 <= q["speaker_entity"] < len(doc["entities"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from(["article", "plain"]))
def test_any_text_parses_with_valid_offsets(text: str, layout: str) -> None:
    try:
        doc = warta.parse(text, layout=layout)
    except (warta.WartaError, TypeError, ValueError):
        return
    assert isinstance(doc, dict)
    check_offsets(text, doc)


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXTS, max_size=20), st.integers(min_value=1, max_value=4))
def test_batch_equals_one_by_one(texts: list[str], threads: int) -> None:
    docs = warta.parse_many(texts, threads=threads, on_error="record")
    assert len(docs) == len(texts)
    for text, doc in zip(texts, docs):
        try:
            single = warta.parse(text)
        except (warta.WartaError, TypeError, ValueError):
            assert doc["errors"]
            continue
        assert doc == single
