"""The Python API: argument handling, errors, batches, pickling and threads."""

from __future__ import annotations

import datetime as dt
import pickle
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import warta

TEXT = "Judul Berita\nJAKARTA, KOMPAS.com - Presiden tiba di Bogor pada Senin.\n(ant)"


def test_article_dict_has_every_key() -> None:
    doc = warta.parse(TEXT, id=7, url="https://example.org/a")
    assert set(doc) == set(warta.Article.__annotations__)
    assert doc["id"] == 7 and doc["url"] == "https://example.org/a"
    for key in ("mentions", "entities", "acronyms", "dates", "quotes", "errors"):
        assert isinstance(doc[key], list)


@pytest.mark.parametrize(
    "published",
    ["2017-03-28", "2017-03-28T10:00:00+07:00", dt.date(2017, 3, 28), dt.datetime(2017, 3, 28, 9)],
)
def test_published_forms(published: Any) -> None:
    assert warta.parse(TEXT, published=published)["published"] == "2017-03-28"


def test_bad_published_is_a_value_error() -> None:
    with pytest.raises(warta.InputError, match="ISO 8601") as info:
        warta.parse(TEXT, published="28/03/2017")
    assert isinstance(info.value, ValueError)
    with pytest.raises(warta.InputTypeError, match="published must be"):
        warta.parse(TEXT, published=20170328)


def test_wrong_types_name_the_type() -> None:
    with pytest.raises(TypeError, match="text must be str, got bytes"):
        warta.parse(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(warta.WartaError, match="lang must be"):
        warta.parse(TEXT, lang="fr")
    with pytest.raises(ValueError, match="layout must be"):
        warta.parse(TEXT, layout="tabloid")


def test_given_title_and_lang_win() -> None:
    doc = warta.parse(TEXT, title="Judul Lain", lang="en")
    assert doc["title"] == "Judul Lain" and doc["lang"] == "en"


def test_parse_many_keeps_order_and_equals_parse() -> None:
    items: list[Any] = [TEXT, {"text": "Isi berita.", "id": "b", "published": "2020-01-02"}, ""]
    docs = warta.parse_many(items * 50, threads=2)
    assert len(docs) == 150
    assert docs[1]["id"] == "b" and docs[1]["published"] == "2020-01-02"
    assert docs[0] == warta.parse(TEXT)
    assert docs[3] == docs[0]


def test_record_fields_travel_as_meta() -> None:
    row = {"text": "Isi berita.", "id": 1, "source": "kompas", "category": "politik"}
    doc = warta.parse_many([row, "Teks saja."])
    assert doc[0]["meta"] == {"source": "kompas", "category": "politik"}
    assert doc[1]["meta"] == {} and warta.parse("Teks.")["meta"] == {}
    assert row == {"text": "Isi berita.", "id": 1, "source": "kompas", "category": "politik"}


def test_parse_many_raise_names_the_index() -> None:
    with pytest.raises(warta.InputTypeError, match="item 2: expected str or a mapping") as info:
        warta.parse_many(["a", "b", 5, None])
    assert info.value.index == 2
    with pytest.raises(warta.InputError, match="item 1: mapping has no 'text' key"):
        warta.parse_many(["a", {"body": "x"}])


def test_parse_many_record_keeps_every_record() -> None:
    items: list[Any] = [
        "ok",
        None,
        {"id": "x", "text": 3},
        {"id": "y"},
        {"text": "fine", "id": "z"},
    ]
    docs = warta.parse_many(items, on_error="record")
    assert len(docs) == len(items)
    assert [bool(d["errors"]) for d in docs] == [False, True, True, True, False]
    assert docs[1]["errors"] == [
        "item 1: expected str or a mapping with a 'text' key, got NoneType"
    ]
    assert docs[2]["id"] == "x" and "'text' must be str, got int" in docs[2]["errors"][0]
    assert docs[3]["id"] == "y" and docs[4]["id"] == "z"


def test_parse_many_rejects_a_single_string() -> None:
    with pytest.raises(TypeError):
        warta.parse_many("not a list")
    with pytest.raises(ValueError, match="on_error"):
        warta.parse_many(["a"], on_error="ignore")  # type: ignore[arg-type]


def test_parse_stream_is_lazy_and_ordered() -> None:
    consumed = []

    def gen() -> Any:
        for i in range(2_500):
            consumed.append(i)
            yield {"text": f"Berita nomor {i}.", "id": i}

    stream = warta.parse_stream(gen(), batch_size=100)
    first = next(stream)
    assert first["id"] == 0 and len(consumed) == 100  # only one batch pulled
    rest = list(stream)
    assert [d["id"] for d in rest] == list(range(1, 2_500))
    with pytest.raises(ValueError, match="batch_size"):
        next(warta.parse_stream(["a"], batch_size=0))


def test_stream_record_errors_carry_global_index() -> None:
    items: list[Any] = ["a"] * 150 + [None]
    docs = list(warta.parse_stream(items, batch_size=100, on_error="record"))
    assert docs[150]["errors"] == [
        "item 150: expected str or a mapping with a 'text' key, got NoneType"
    ]


def test_lone_surrogates_keep_offsets() -> None:
    text = "Presiden \ud800 tiba di Jakarta.\nIa disambut warga."
    doc = warta.parse(text)
    for p in doc["paragraphs"]:
        assert 0 <= p["start"] <= p["end"] <= len(text)
    assert text[doc["paragraphs"][0]["start"] : doc["paragraphs"][0]["end"]].startswith("Presiden")


def test_pipeline_pickles_and_repr() -> None:
    nlp = warta.Pipeline(lang="id", gazetteer=[{"name": "Kompas Gramedia", "label": "ORG"}])
    clone = pickle.loads(pickle.dumps(nlp))
    assert clone.lang == "id" and clone.gazetteer == nlp.gazetteer
    assert clone.parse(TEXT) == nlp.parse(TEXT)
    assert "gazetteer=<1 entries>" in repr(nlp)


@pytest.mark.parametrize(
    ("gazetteer", "message"),
    [
        ([{"name": "X", "label": "THING"}], "entry 0: label 'THING' is not one of PER, ORG, LOC"),
        ([{"label": "PER"}], "entry 0: missing 'name'"),
        ([{"name": "  ", "label": "PER"}], "entry 0: 'name' is empty"),
        ([("A", "PER"), 5], "entry 1: expected a dict or a"),
    ],
)
def test_bad_gazetteer_fails_at_creation(gazetteer: Any, message: str) -> None:
    with pytest.raises(warta.ConfigError, match=message):
        warta.Pipeline(gazetteer=gazetteer)


def test_gazetteer_from_files(tmp_path: Any) -> None:
    csv_path = tmp_path / "names.csv"
    csv_path.write_text("name,label,canonical,id\nJokowi,PER,Joko Widodo,Q1\n", encoding="utf-8")
    nlp = warta.Pipeline(gazetteer=csv_path)
    assert nlp.gazetteer == [
        {"name": "Jokowi", "label": "PER", "canonical": "Joko Widodo", "id": "Q1"}
    ]
    jsonl = tmp_path / "names.jsonl"
    jsonl.write_text('{"name": "KPK", "label": "ORG"}\nnot json\n', encoding="utf-8")
    with pytest.raises(warta.ConfigError, match=r"names.jsonl:2: invalid JSON"):
        warta.Pipeline(gazetteer=jsonl)


def test_threads_share_one_pipeline(corpus: list[dict[str, Any]]) -> None:
    texts = [r["text"] for r in corpus[:200]]
    nlp = warta.Pipeline()
    serial = [nlp.parse(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(nlp.parse, texts))
    assert threaded == serial
