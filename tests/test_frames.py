"""to_frames and the corpus analytics: the founding sample against its gold, and
consistency on the corpus that holds for any correct extractor output."""

from __future__ import annotations

import collections
import datetime
import doctest
import json
import subprocess
import sys
from typing import Any

import networkx as nx
import pandas as pd
import polars as pl
import pytest
from conftest import ROOT, SEED

import warta
import warta.analytics
import warta.display
import warta.frames
import warta.readers

# --- the founding sample against its gold ---------------------------------------------


@pytest.fixture(scope="module")
def seed_frames(seed_text: str) -> warta.Frames:
    return warta.to_frames([warta.parse(seed_text, id=SEED.name)])


def required(gold: dict[str, Any]) -> list[dict[str, Any]]:
    return [m for m in gold["mentions"] if not m.get("optional")]


def test_seed_article_row(seed_frames: warta.Frames, seed_gold: dict[str, Any]) -> None:
    a = seed_frames.articles
    assert len(a) == 1
    row = a.iloc[0]
    assert row["article_id"] == SEED.name
    assert row["title"] == seed_gold["title"]
    assert row["published"] == pd.Timestamp(seed_gold["published"])
    assert row["lang"] == seed_gold["lang"]
    assert row["agencies"] == "; ".join(seed_gold["credits"]["agencies"])
    assert row["authors"] == "; ".join(seed_gold["credits"]["authors"])
    for table in ("mentions", "entities", "quotes", "dates"):
        assert row[table] == len(seed_frames[table])


def test_seed_mentions_per_label(seed_frames: warta.Frames, seed_gold: dict[str, Any]) -> None:
    must = collections.Counter(m["label"] for m in required(seed_gold))
    may = collections.Counter(m["label"] for m in seed_gold["mentions"])
    got = seed_frames.mentions["label"].value_counts().to_dict()
    for label in sorted(may):
        assert must[label] <= got.get(label, 0) <= may[label], (label, got)


def test_seed_mentions_match_gold_spans(
    seed_frames: warta.Frames, seed_gold: dict[str, Any]
) -> None:
    spans = set(
        zip(
            seed_frames.mentions["start"],
            seed_frames.mentions["end"],
            seed_frames.mentions["label"].astype(str),
        )
    )
    allowed = {(m["start"], m["end"], m["label"]) for m in seed_gold["mentions"]}
    missing = {(m["start"], m["end"], m["label"]) for m in required(seed_gold)} - spans
    assert not missing, sorted(missing)
    assert not spans - allowed, sorted(spans - allowed)


def test_seed_entities(seed_frames: warta.Frames, seed_gold: dict[str, Any]) -> None:
    e = seed_frames.entities
    must = {m["entity"] for m in required(seed_gold)}
    may = {m["entity"] for m in seed_gold["mentions"]}
    assert len(must) <= len(e) <= len(may)
    rows = {name: row for name, row in zip(e["name"], e.to_dict("records"))}
    for gold in seed_gold["entities"]:
        assert gold["name"] in rows, gold["name"]
        row = rows[gold["name"]]
        assert row["label"] == gold["label"]
        roles = [] if pd.isna(row["roles"]) else row["roles"].split("; ")
        aliases = [] if pd.isna(row["aliases"]) else row["aliases"].split("; ")
        assert roles == gold["roles"], gold["name"]
        assert set(gold["aliases"]) <= set(aliases), gold["name"]
        count = sum(m["entity"] == gold["id"] for m in required(seed_gold))
        assert row["mentions"] == count, gold["name"]


def test_seed_quotes_and_speakers(seed_frames: warta.Frames, seed_gold: dict[str, Any]) -> None:
    q = seed_frames.quotes
    gold = seed_gold["quotes"]
    assert len(q) == len(gold)
    assert list(zip(q["start"], q["end"])) == [(g["start"], g["end"]) for g in gold]
    assert list(q["kind"].astype(str)) == [g["kind"] for g in gold]
    assert list(q["speaker_name"]) == [g["speaker"] for g in gold]
    linked = [g.get("speaker_entity") is not None for g in gold]
    assert list(q["speaker_entity"].notna()) == linked
    assert list(q.loc[linked, "speaker_label"].astype(str)) == ["PER"] * sum(linked)


def test_seed_dates(seed_frames: warta.Frames, seed_gold: dict[str, Any]) -> None:
    d = seed_frames.dates
    gold = seed_gold["dates"]
    assert list(d["value"]) == [g["value"] for g in gold]
    assert list(d["grain"].astype(str)) == [g["grain"] for g in gold]
    assert list(d["text"]) == [g["text"] for g in gold]
    assert list(d["date"]) == [pd.Timestamp(warta.frames.first_day(g["value"])) for g in gold]


# --- shapes and dtypes, whatever the extractors find -----------------------------------


def test_dtypes_and_keys(seed_frames: warta.Frames) -> None:
    f = seed_frames
    assert pd.api.types.is_datetime64_any_dtype(f.articles["published"])
    assert pd.api.types.is_datetime64_any_dtype(f.dates["date"])
    for frame, col in [
        (f.mentions, "label"),
        (f.entities, "label"),
        (f.quotes, "kind"),
        (f.dates, "grain"),
        (f.articles, "lang"),
    ]:
        assert isinstance(frame[col].dtype, pd.CategoricalDtype), col
    for name, frame in f:
        assert frame.columns[0] == "article_id"
        assert list(frame.columns) == list(warta.frames.SCHEMA[name])
    assert repr(f).startswith("Frames(articles=1, mentions=")
    assert "<td><code>mentions</code></td>" in f._repr_html_()


def test_empty_and_idless_docs() -> None:
    f = warta.to_frames([])
    assert all(len(frame) == 0 for _, frame in f)
    docs = warta.parse_many(["Presiden Joko Widodo tiba di Jakarta.", "Tidak ada nama."])
    f = warta.to_frames(docs)
    assert list(f.articles["article_id"]) == [0, 1]  # positions stand in for missing ids
    assert set(f.mentions["article_id"]) <= {0}
    g = warta.to_frames(docs, backend="polars")
    assert g.articles["article_id"].to_list() == [0, 1]
    with pytest.raises(ValueError, match="backend"):
        warta.to_frames(docs, backend="spark")  # type: ignore[arg-type]


def test_first_day() -> None:
    fd = warta.frames.first_day
    assert fd("2020-12-27") == datetime.date(2020, 12, 27)
    assert fd("2020-11") == datetime.date(2020, 11, 1)
    assert fd("2014") == datetime.date(2014, 1, 1)
    assert fd("2020-W05") == datetime.date(2020, 1, 27)
    assert fd("2020-12-27T10:30") == datetime.date(2020, 12, 27)
    assert fd(None) is None
    assert fd("2020-13") is None


def test_import_warta_does_not_import_pandas() -> None:
    heavy = "{'pandas', 'polars', 'networkx', 'pyarrow'}"
    code = f"import sys, warta; print(sorted({heavy} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_module_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for module in (warta.readers, warta.frames, warta.analytics, warta.display):
        result = doctest.testmod(module, raise_on_error=False, report=True)
        assert result.failed == 0 and result.attempted > 0, module.__name__


# --- the corpus: consistency between the tables and the dicts --------------------------


def dated(record: dict[str, Any]) -> dict[str, Any]:
    """IndoSum ids start with the Unix time of publication."""
    stamp = int(record["id"].split("-", 1)[0])
    day = datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc).date()
    return {**record, "published": day}


@pytest.fixture(scope="module")
def corpus_docs(corpus: list[dict[str, Any]]) -> list[warta.Article]:
    return warta.parse_many([dated(r) for r in corpus[:1200]])


@pytest.fixture(scope="module")
def corpus_frames(corpus_docs: list[warta.Article]) -> warta.Frames:
    return warta.to_frames(corpus_docs)


def test_corpus_tables_agree_with_dicts(
    corpus_docs: list[warta.Article], corpus_frames: warta.Frames
) -> None:
    f = corpus_frames
    assert list(f.articles["article_id"]) == [d["id"] for d in corpus_docs]
    for table in ("mentions", "entities", "quotes", "dates"):
        assert len(f[table]) == sum(len(d[table]) for d in corpus_docs)  # type: ignore[literal-required]
        assert f.articles[table].sum() == len(f[table])
    # Each entity's mention count is the number of its mention rows.
    per_entity = f.mentions.groupby(["article_id", "entity"]).size()
    counts = f.entities.set_index(["article_id", "entity"])["mentions"]
    assert (per_entity.reindex(counts.index, fill_value=0) == counts).all()
    # Mentions carry their entity's canonical name and label.
    merged = f.mentions.merge(f.entities, on=["article_id", "entity"], suffixes=("", "_e"))
    assert len(merged) == len(f.mentions)
    assert (merged["entity_name"] == merged["name"]).all()
    assert (merged["label"].astype(str) == merged["label_e"].astype(str)).all()
    assert (f.articles["published"].notna()).all()
    assert (f.dates["date"].isna() | f.dates["value"].notna()).all()


def test_polars_backend_has_the_same_values(
    corpus_docs: list[warta.Article], corpus_frames: warta.Frames
) -> None:
    p = warta.to_frames(corpus_docs[:300], backend="polars")
    q = warta.to_frames(corpus_docs[:300])
    assert p.articles.schema["published"] == pl.Date
    assert p.mentions.schema["label"] == pl.Categorical
    for name, frame in p:
        assert isinstance(frame, pl.DataFrame)
        assert frame.columns == list(q[name].columns)
        assert frame.height == len(q[name])
    assert p.mentions["text"].to_list() == list(q.mentions["text"])
    assert p.quotes["speaker_name"].to_list() == [
        None if pd.isna(v) else v for v in q.quotes["speaker_name"]
    ]


def test_top_entities(corpus_frames: warta.Frames) -> None:
    f = corpus_frames
    top = warta.top_entities(f, n=None)
    assert top["mentions"].sum() == len(f.mentions)
    assert (top["articles"] <= top["mentions"]).all()
    assert top["mentions"].is_monotonic_decreasing
    by_articles = warta.top_entities(f, by="articles", n=5, labels=["ORG", "PER"])
    assert len(by_articles) == 5 and by_articles["articles"].is_monotonic_decreasing
    assert set(by_articles["label"]) <= {"ORG", "PER"}
    name = top["name"].iloc[0]
    assert top["mentions"].iloc[0] == (f.mentions["entity_name"] == name).sum()


def test_cooccurrence_and_graph(corpus_frames: warta.Frames) -> None:
    f = corpus_frames
    pairs = warta.cooccurrence(f, labels="ORG")
    assert (pairs["a"] < pairs["b"]).all() or pairs.empty
    assert set(pairs["a_label"]) | set(pairs["b_label"]) <= {"ORG"}
    assert pairs["articles"].is_monotonic_decreasing
    assert not pairs.duplicated(["a", "b"]).any()
    if not pairs.empty:  # a pair's count never exceeds its ends' article counts
        a, b, n = pairs.iloc[0][["a", "b", "articles"]]
        ents = f.entities[f.entities["label"] == "ORG"]
        both = set(ents.loc[ents["name"] == a, "article_id"]) & set(
            ents.loc[ents["name"] == b, "article_id"]
        )
        assert len(both) == n
    strong = warta.cooccurrence(f, labels="ORG", min_articles=3)
    graph = warta.cooccurrence_graph(f, labels="ORG", min_articles=3)
    assert isinstance(graph, nx.Graph)
    assert graph.number_of_edges() == len(strong)
    for a, b, n in zip(strong["a"], strong["b"], strong["articles"]):
        assert graph[a][b]["weight"] == n
    for _, data in graph.nodes(data=True):
        assert data["label"] == "ORG" and data["articles"] >= 3


def test_timeline(corpus_frames: warta.Frames) -> None:
    f = corpus_frames
    name = warta.top_entities(f, labels="PER", n=1)["name"].iloc[0]
    for freq in ("day", "week", "month", "year"):
        t = warta.timeline(f, name, freq=freq)  # type: ignore[arg-type]
        total = (f.mentions["entity_name"].str.casefold() == name.casefold()) | (
            f.mentions["text"].str.casefold() == name.casefold()
        )
        assert t["mentions"].sum() == total.sum()
        assert t["period"].is_monotonic_increasing
        assert pd.api.types.is_datetime64_any_dtype(t["period"])
    assert warta.timeline(f, "no such person anywhere").empty
    with pytest.raises(ValueError, match="freq"):
        warta.timeline(f, name, freq="hour")  # type: ignore[arg-type]


def test_top_speakers_and_quotes_by(corpus_frames: warta.Frames) -> None:
    f = corpus_frames
    speakers = warta.top_speakers(f, n=None, examples=2)
    assert speakers["quotes"].sum() == f.quotes["speaker_name"].notna().sum()
    assert speakers["quotes"].is_monotonic_decreasing
    assert all(1 <= len(ex) <= 2 for ex in speakers["examples"])
    first = speakers.iloc[0]
    mine = warta.quotes_by(f, first["speaker"])
    assert len(mine) == first["quotes"]
    assert mine["article_id"].nunique() == first["articles"]
    assert set(first["examples"]) <= set(mine["text"])
    assert "title" in mine.columns


def test_analytics_take_dicts_too(corpus_docs: list[warta.Article]) -> None:
    docs = corpus_docs[:100]
    frames = warta.to_frames(docs)
    pd.testing.assert_frame_equal(warta.top_entities(docs), warta.top_entities(frames))
    pd.testing.assert_frame_equal(warta.top_speakers(docs), warta.top_speakers(frames))


def test_analytics_on_polars(corpus_docs: list[warta.Article]) -> None:
    p = warta.to_frames(corpus_docs[:200], backend="polars")
    q = warta.to_frames(corpus_docs[:200])
    for fn in (warta.top_entities, warta.top_speakers, warta.cooccurrence):
        a, b = fn(p), fn(q)  # type: ignore[operator]
        assert isinstance(a, pl.DataFrame)
        assert a.height == len(b)
        assert a.columns == list(b.columns)


def test_frames_roundtrip_through_json(corpus_docs: list[warta.Article]) -> None:
    # Dicts read back from the CLI's JSON lines give the same tables.
    again = [json.loads(json.dumps(d)) for d in corpus_docs[:100]]
    a, b = warta.to_frames(corpus_docs[:100]), warta.to_frames(again)
    for name, frame in a:
        pd.testing.assert_frame_equal(frame, b[name])
