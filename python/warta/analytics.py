"""Corpus questions over :func:`warta.to_frames` tables: who is mentioned most, who appears
together, how coverage moves over time, who is quoted most.

Each function takes the ``Frames`` (or the article dicts, turned into frames first) and
returns a DataFrame of the same backend (the work is done in pandas; polars tables are
converted, which needs pyarrow). Entities are
matched across articles by canonical name and label: warta links mentions to entities
within an article, so "Jokowi" in one article and "Joko Widodo" in another stay apart
unless an article names both.

>>> import warta
>>> docs = warta.parse_many(["Presiden Joko Widodo bertemu Prabowo di Jakarta."] * 2)
>>> warta.top_entities(warta.to_frames(docs), labels="PER")["name"].tolist()
['Joko Widodo', 'Prabowo']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal, Optional, Union

from warta.frames import Frames, to_frames

Labels = Union[str, Iterable[str], None]
Tables = Union[Frames, Iterable[Mapping[str, Any]]]
"""The frames of :func:`warta.to_frames`, or article dicts to make them from."""
Freq = Literal["day", "week", "month", "year"]

_FREQ = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def _frames(tables: Tables) -> Frames:
    return tables if isinstance(tables, Frames) else to_frames(tables)


def _pandas(frame: Any) -> tuple[Any, bool]:
    """The frame as pandas, and whether it was polars."""
    if type(frame).__module__.split(".")[0] == "polars":
        return frame.to_pandas(), True
    return frame, False


def _back(frame: Any, was_polars: bool) -> Any:
    if not was_polars:
        return frame
    import polars as pl

    return pl.from_pandas(frame)


def _label_set(labels: Labels) -> Optional[set[str]]:
    if labels is None:
        return None
    return {labels} if isinstance(labels, str) else set(labels)


def _filter_labels(frame: Any, labels: Labels, column: str = "label") -> Any:
    wanted = _label_set(labels)
    if wanted is None:
        return frame
    return frame[frame[column].astype(object).isin(wanted)]


def top_entities(
    frames: Tables,
    *,
    labels: Labels = None,
    by: Literal["mentions", "articles"] = "mentions",
    n: Optional[int] = 20,
) -> Any:
    """The most mentioned entities: one row per (name, label) with its number of
    ``mentions`` and of ``articles`` mentioning it, sorted by ``by``; the first ``n``
    (all when None). ``labels`` keeps only "PER", "ORG", "LOC" or a set of them."""
    frames = _frames(frames)
    if by not in ("mentions", "articles"):
        raise ValueError(f"by must be 'mentions' or 'articles', got {by!r}")
    mentions, was_polars = _pandas(frames.mentions)
    m = _filter_labels(mentions, labels)
    m = m.assign(label=m["label"].astype(object))
    out = (
        m.groupby(["entity_name", "label"], sort=False)
        .agg(mentions=("article_id", "size"), articles=("article_id", "nunique"))
        .reset_index()
        .rename(columns={"entity_name": "name"})
    )
    other = "articles" if by == "mentions" else "mentions"
    out = out.sort_values([by, other, "name"], ascending=[False, False, True], kind="stable")
    out = (out if n is None else out.head(n)).reset_index(drop=True)
    out["mentions"] = out["mentions"].astype("int64")
    out["articles"] = out["articles"].astype("int64")
    return _back(out, was_polars)


def cooccurrence(
    frames: Tables,
    *,
    labels: Labels = None,
    min_articles: int = 1,
    n: Optional[int] = None,
) -> Any:
    """Pairs of entities named in the same article: one row per pair (``a``, ``a_label``,
    ``b``, ``b_label``, ``articles``: the number of articles naming both), most frequent
    first, pairs in fewer than ``min_articles`` articles left out; the first ``n`` (all
    when None). ``labels`` keeps only entities of those labels (e.g. "ORG")."""
    frames = _frames(frames)
    import pandas as pd

    entities, was_polars = _pandas(frames.entities)
    e = _filter_labels(entities, labels)
    e = pd.DataFrame(
        {
            "article_id": e["article_id"].to_numpy(),
            "name": e["name"].astype(object).to_numpy(),
            "label": e["label"].astype(object).to_numpy(),
        }
    ).drop_duplicates()
    pairs = e.merge(e, on="article_id", suffixes=("_a", "_b"))
    a_first = (pairs["name_a"] < pairs["name_b"]) | (
        (pairs["name_a"] == pairs["name_b"]) & (pairs["label_a"] < pairs["label_b"])
    )
    pairs = pairs[a_first]
    out = (
        pairs.groupby(["name_a", "label_a", "name_b", "label_b"], sort=False)
        .size()
        .reset_index(name="articles")
        .rename(columns={"name_a": "a", "label_a": "a_label", "name_b": "b", "label_b": "b_label"})
    )
    out = out[out["articles"] >= min_articles]
    out = out.sort_values(
        ["articles", "a", "b"], ascending=[False, True, True], kind="stable"
    ).reset_index(drop=True)
    out["articles"] = out["articles"].astype("int64")
    if n is not None:
        out = out.head(n)
    return _back(out, was_polars)


def cooccurrence_graph(
    frames: Tables,
    *,
    labels: Labels = None,
    min_articles: int = 1,
) -> Any:
    """The :func:`cooccurrence` pairs as a ``networkx.Graph`` (``pip install networkx``):
    nodes are entity names with a ``label`` and the number of ``articles`` naming them;
    edges carry ``weight``, the number of articles naming both ends."""
    frames = _frames(frames)
    try:
        import networkx as nx
    except ImportError:
        raise ImportError("cooccurrence_graph needs networkx: pip install networkx") from None

    pairs = cooccurrence(frames, labels=labels, min_articles=min_articles)
    pairs, _ = _pandas(pairs)
    counts = top_entities(frames, labels=labels, by="articles", n=None)
    counts, _ = _pandas(counts)
    graph = nx.Graph()
    ends = set(pairs["a"]).union(pairs["b"])
    for name, label, articles in zip(counts["name"], counts["label"], counts["articles"]):
        if name in ends and name not in graph:
            graph.add_node(name, label=label, articles=int(articles))
    for a, b, weight in zip(pairs["a"], pairs["b"], pairs["articles"]):
        graph.add_edge(a, b, weight=int(weight))
    return graph


def timeline(
    frames: Tables,
    name: Union[str, Iterable[str]],
    *,
    freq: Freq = "week",
    labels: Labels = None,
) -> Any:
    """Mentions of an entity over time: one row per day, week, month or year (``period``,
    its first day) from the first to the last with a mention, with the number of
    ``mentions`` and of ``articles`` (zero where none). Articles are dated by their
    ``published`` date, so parse with ``published=`` (or from datelines); undated
    articles are left out. ``name`` is matched case-insensitively against canonical
    entity names and mention texts; a list matches any of its names."""
    frames = _frames(frames)
    import pandas as pd

    if freq not in _FREQ:
        raise ValueError(f"freq must be one of {', '.join(_FREQ)}, got {freq!r}")
    wanted = {name.casefold()} if isinstance(name, str) else {n.casefold() for n in name}
    mentions, was_polars = _pandas(frames.mentions)
    articles, _ = _pandas(frames.articles)
    m = _filter_labels(mentions, labels)
    hit = m["entity_name"].astype(object).str.casefold().isin(wanted) | m["text"].astype(
        object
    ).str.casefold().isin(wanted)
    m = m.loc[hit, ["article_id"]]
    dated = articles[["article_id", "published"]].dropna()
    m = m.merge(dated, on="article_id")
    columns = ["period", "mentions", "articles"]
    if m.empty:
        out = pd.DataFrame({c: pd.Series(dtype="int64") for c in columns})
        out["period"] = pd.Series(dtype="datetime64[ns]")
        return _back(out, was_polars)
    code = _FREQ[freq]
    period = m["published"].dt.to_period(code)
    counts = (
        m.assign(period=period)
        .groupby("period")
        .agg(mentions=("article_id", "size"), articles=("article_id", "nunique"))
    )
    full = pd.period_range(counts.index.min(), counts.index.max(), freq=code)
    counts = counts.reindex(full, fill_value=0)
    out = pd.DataFrame(
        {
            "period": full.to_timestamp().astype("datetime64[ns]"),
            "mentions": counts["mentions"].to_numpy().astype("int64"),
            "articles": counts["articles"].to_numpy().astype("int64"),
        }
    )
    return _back(out, was_polars)


def top_speakers(
    frames: Tables,
    *,
    n: Optional[int] = 10,
    examples: int = 3,
    labels: Labels = None,
) -> Any:
    """The most quoted speakers: one row per speaker (the linked entity's canonical name,
    else the speaker as written) with its ``label`` (None when no entity was linked),
    number of ``quotes`` and of ``articles``, and up to ``examples`` of its quotes (the
    longest first). Quotes without a speaker are left out; ``labels`` keeps speakers
    linked to entities of those labels."""
    frames = _frames(frames)
    quotes, was_polars = _pandas(frames.quotes)
    q = quotes[quotes["speaker_name"].notna()]
    q = _filter_labels(q, labels, "speaker_label")
    q = q.assign(
        speaker=q["speaker_name"].astype(object),
        label=q["speaker_label"].astype(object),
        length=q["text"].astype(object).str.len(),
    )
    grouped = q.groupby("speaker", sort=False)
    out = grouped.agg(
        label=("label", "first"),
        quotes=("article_id", "size"),
        articles=("article_id", "nunique"),
    ).reset_index()
    best = q.sort_values("length", ascending=False, kind="stable").groupby("speaker", sort=False)
    samples = {s: list(g["text"].astype(object))[:examples] for s, g in best}
    out["examples"] = [samples[s] for s in out["speaker"]]
    out = out.sort_values(
        ["quotes", "articles", "speaker"], ascending=[False, False, True], kind="stable"
    )
    out = (out if n is None else out.head(n)).reset_index(drop=True)
    out["quotes"] = out["quotes"].astype("int64")
    out["articles"] = out["articles"].astype("int64")
    return _back(out, was_polars)


def quotes_by(frames: Tables, speaker: str) -> Any:
    """Every quote of one speaker, matched case-insensitively against ``speaker_name``
    (the key :func:`top_speakers` counts by), with the title and date of its article."""
    frames = _frames(frames)
    quotes, was_polars = _pandas(frames.quotes)
    articles, _ = _pandas(frames.articles)
    hit = quotes["speaker_name"].astype(object).str.casefold().eq(speaker.casefold())
    q = quotes[hit.fillna(False).astype(bool)]
    out = q.merge(articles[["article_id", "title", "published"]], on="article_id", how="left")
    return _back(out.reset_index(drop=True), was_polars)
