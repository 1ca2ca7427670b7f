"""Article dicts as tables: ``warta.to_frames(docs)`` gives pandas (or polars) DataFrames.

Five tables, each keyed by ``article_id`` (the article's ``id``, or its position in
``docs`` when it has none):

- ``articles``: one row per article: title, published (a date), lang, url, dateline
  place and agency, credits (authors, agencies), and the number of paragraphs, mentions,
  entities, quotes, dates and errors;
- ``mentions``: one row per mention, with its entity's id and canonical name;
- ``entities``: one row per entity of each article: name, label, roles and aliases
  (joined with "; "), number of mentions;
- ``quotes``: one row per quote with its speaker as written and the speaker entity's
  canonical name (``speaker_name``, the written speaker when no entity was linked);
- ``dates``: one row per date expression with its ISO value, its grain and ``date``, the
  first day of the value (a date; missing when the value is None).

Labels, kinds and grains are categoricals; ``published`` and ``date`` are datetime64
(pandas) or Date (polars). pandas and polars are optional and imported only here.

>>> import warta
>>> docs = warta.parse_many(["Presiden Joko Widodo tiba di Jakarta, Senin (27/3)."])
>>> frames = warta.to_frames(docs)
>>> list(frames.mentions["text"])
['Joko Widodo', 'Jakarta']
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal, Optional

Backend = Literal["pandas", "polars"]

TABLES = ("articles", "mentions", "entities", "quotes", "dates")

# Column name -> kind, per table. Kinds: str, int, bool, date, cat (categorical), key.
SCHEMA: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "key",
        "title": "str",
        "published": "date",
        "lang": "cat",
        "url": "str",
        "place": "str",
        "agency": "str",
        "authors": "str",
        "agencies": "str",
        "paragraphs": "int",
        "mentions": "int",
        "entities": "int",
        "quotes": "int",
        "dates": "int",
        "errors": "int",
    },
    "mentions": {
        "article_id": "key",
        "start": "int",
        "end": "int",
        "text": "str",
        "label": "cat",
        "entity": "int",
        "entity_name": "str",
    },
    "entities": {
        "article_id": "key",
        "entity": "int",
        "name": "str",
        "label": "cat",
        "roles": "str",
        "aliases": "str",
        "mentions": "int",
        "kb_id": "str",
    },
    "quotes": {
        "article_id": "key",
        "start": "int",
        "end": "int",
        "text": "str",
        "kind": "cat",
        "speaker": "str",
        "speaker_entity": "int",
        "speaker_name": "str",
        "speaker_label": "cat",
        "cue": "str",
    },
    "dates": {
        "article_id": "key",
        "start": "int",
        "end": "int",
        "text": "str",
        "value": "str",
        "grain": "cat",
        "relative": "bool",
        "date": "date",
    },
}


def _joined(values: Optional[Iterable[str]]) -> Optional[str]:
    if not values:
        return None
    return "; ".join(values)


def first_day(value: Optional[str]) -> Optional[datetime.date]:
    """The first day of an ISO value ("2020-12-27", "2020-11", "2014", "2020-W05",
    "2020-12-27T10:00"), or None when there is none."""
    if not value:
        return None
    head = value[:10]
    try:
        if len(head) >= 8 and head[4] == "-" and head[5] == "W":
            return datetime.date.fromisocalendar(int(head[:4]), int(head[6:8]), 1)
        parts = head.split("-")
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return datetime.date(year, month, day)
    except (ValueError, IndexError):
        return None


def rows(docs: Iterable[Mapping[str, Any]], start: int = 0) -> dict[str, list[dict[str, Any]]]:
    """The five tables as lists of plain row dicts (no pandas needed); ``start`` is the
    position of the first doc, used as its key when it has no id."""
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for i, doc in enumerate(docs, start):
        for name, table_rows in _doc_rows(doc, i).items():
            out[name].extend(table_rows)
    return out


def _doc_rows(doc: Mapping[str, Any], position: int) -> dict[str, list[dict[str, Any]]]:
    key = doc.get("id")
    if key is None:
        key = position
    entities = doc.get("entities") or []
    names = {e["id"]: e for e in entities}
    credits = doc.get("credits") or {}
    dateline = doc.get("dateline") or {}
    article = {
        "article_id": key,
        "title": doc.get("title"),
        "published": first_day(doc.get("published")),
        "lang": doc.get("lang"),
        "url": doc.get("url"),
        "place": dateline.get("place"),
        "agency": dateline.get("agency"),
        "authors": _joined(credits.get("authors")),
        "agencies": _joined(credits.get("agencies")),
        "paragraphs": len(doc.get("paragraphs") or []),
        "mentions": len(doc.get("mentions") or []),
        "entities": len(entities),
        "quotes": len(doc.get("quotes") or []),
        "dates": len(doc.get("dates") or []),
        "errors": len(doc.get("errors") or []),
    }
    mentions = [
        {
            "article_id": key,
            "start": m["start"],
            "end": m["end"],
            "text": m["text"],
            "label": m["label"],
            "entity": m.get("entity"),
            "entity_name": names[m["entity"]]["name"] if m.get("entity") in names else m["text"],
        }
        for m in doc.get("mentions") or []
    ]
    entity_rows = [
        {
            "article_id": key,
            "entity": e["id"],
            "name": e["name"],
            "label": e["label"],
            "roles": _joined(e.get("roles")),
            "aliases": _joined(e.get("aliases")),
            "mentions": e.get("mentions", 0),
            "kb_id": e.get("kb_id"),
        }
        for e in entities
    ]
    quotes = []
    for q in doc.get("quotes") or []:
        speaker = names.get(q.get("speaker_entity"))
        quotes.append(
            {
                "article_id": key,
                "start": q["start"],
                "end": q["end"],
                "text": q["text"],
                "kind": q["kind"],
                "speaker": q.get("speaker"),
                "speaker_entity": q.get("speaker_entity"),
                "speaker_name": speaker["name"] if speaker else q.get("speaker"),
                "speaker_label": speaker["label"] if speaker else None,
                "cue": q.get("cue"),
            }
        )
    dates = [
        {
            "article_id": key,
            "start": d["start"],
            "end": d["end"],
            "text": d["text"],
            "value": d.get("value"),
            "grain": d.get("grain"),
            "relative": bool(d.get("relative", False)),
            "date": first_day(d.get("value")),
        }
        for d in doc.get("dates") or []
    ]
    return {
        "articles": [article],
        "mentions": mentions,
        "entities": entity_rows,
        "quotes": quotes,
        "dates": dates,
    }


class Frames:
    """The five tables of :func:`to_frames`, as attributes (``frames.mentions``);
    iterating gives ``(name, frame)`` pairs."""

    __slots__ = TABLES

    articles: Any
    mentions: Any
    entities: Any
    quotes: Any
    dates: Any

    def __init__(self, **frames: Any) -> None:
        for name in TABLES:
            setattr(self, name, frames[name])

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        return iter([(name, getattr(self, name)) for name in TABLES])

    def __getitem__(self, name: str) -> Any:
        if name not in TABLES:
            raise KeyError(name)
        return getattr(self, name)

    def __repr__(self) -> str:
        shapes = ", ".join(f"{name}={len(frame)}" for name, frame in self)
        return f"Frames({shapes})"

    def _repr_html_(self) -> str:
        from html import escape

        rows = "".join(
            f"<tr><td><code>{name}</code></td><td style='text-align:right'>{len(frame):,}</td>"
            f"<td>{escape(', '.join(map(str, frame.columns)))}</td></tr>"
            for name, frame in self
        )
        head = "<tr><th>table</th><th>rows</th><th>columns</th></tr>"
        return f"<table>{head}{rows}</table>"


def to_frames(docs: Iterable[Mapping[str, Any]], *, backend: Backend = "pandas") -> Frames:
    """Turns article dicts into five DataFrames keyed by ``article_id`` (see the module
    docs): ``articles``, ``mentions``, ``entities``, ``quotes``, ``dates``.

    ``backend`` is "pandas" (``pip install warta[pandas]``) or "polars"
    (``pip install warta[polars]``).
    """
    if backend not in ("pandas", "polars"):
        raise ValueError(f"backend must be 'pandas' or 'polars', got {backend!r}")
    tables = rows(docs)
    build = _pandas_frame if backend == "pandas" else _polars_frame
    return Frames(**{name: build(tables[name], SCHEMA[name]) for name in TABLES})


def _need(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ImportError(
            f"warta.to_frames needs {module}: pip install 'warta[{module}]'"
        ) from None


def _key_kind(values: list[Any]) -> str:
    return "int" if values and all(isinstance(v, int) for v in values) else "str"


_NS_MIN = datetime.date(1678, 1, 1)
_NS_MAX = datetime.date(2261, 12, 31)


def _pandas_frame(table: list[dict[str, Any]], schema: dict[str, str]) -> Any:
    pd = _need("pandas")
    columns: dict[str, Any] = {}
    for col, kind in schema.items():
        values = [r[col] for r in table]
        if kind == "key":
            kind = _key_kind(values)
            if kind == "str":
                values = [str(v) for v in values]
        if kind == "int":
            columns[col] = pd.array(values, dtype="Int64")
        elif kind == "bool":
            columns[col] = pd.array(values, dtype="boolean")
        elif kind == "date":
            # datetime64[ns] spans the years 1678-2261; values outside it become NaT
            # (the ISO string stays in ``value``).
            stamps = [
                pd.Timestamp(v) if v is not None and _NS_MIN <= v <= _NS_MAX else None
                for v in values
            ]
            columns[col] = pd.Series(stamps, dtype="datetime64[ns]")
        elif kind == "cat":
            columns[col] = pd.Categorical(values)
        else:
            # pandas' own string dtype where it has a default one (pandas >= 3), else object.
            columns[col] = pd.Series(values, dtype=None if values else object)
    return pd.DataFrame(columns)


def _polars_frame(table: list[dict[str, Any]], schema: dict[str, str]) -> Any:
    pl = _need("polars")
    columns: dict[str, Any] = {}
    for col, kind in schema.items():
        values = [r[col] for r in table]
        if kind == "key":
            kind = _key_kind(values)
            if kind == "str":
                values = [str(v) for v in values]
        dtype = {
            "int": pl.Int64,
            "bool": pl.Boolean,
            "date": pl.Date,
            "cat": pl.Categorical,
            "str": pl.String,
        }[kind]
        columns[col] = pl.Series(col, values, dtype=dtype)
    return pl.DataFrame(columns)
