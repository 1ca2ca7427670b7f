"""Batches over the whole corpus: identical to one-by-one, whatever the thread count."""

from __future__ import annotations

from typing import Any

import warta


def test_parse_many_equals_parse_on_the_corpus(corpus: list[dict[str, Any]]) -> None:
    items = [{"id": r["id"], "text": r["text"], "url": r["url"]} for r in corpus]
    one_by_one = [warta.parse(r["text"], id=r["id"], url=r["url"]) for r in corpus]
    assert warta.parse_many(items, threads=2, progress=False) == one_by_one
    assert warta.parse_many(items, threads=1, progress=False) == one_by_one
    streamed = list(warta.parse_stream(iter(items), batch_size=500))
    assert streamed == one_by_one
