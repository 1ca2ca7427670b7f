"""The same work done the way a user would without warta, for `bench.py`'s table.

- entities: spaCy `spacy.blank("id")` with an EntityRuler fed a gazetteer of PER/ORG/LOC names
  taken from the *train* splits of idner-news-2k and NERGrit (a few thousand names);
- dates: dateparser `search_dates(text, languages=["id"])`;
- quotes: a pure-Python regex for a quotation plus a reporting cue word next to it.

Every baseline returns plain dicts with offsets, as warta does, so that the timings include
getting the results out of the library's own objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1].parent / "shared/data"
GAZETTEER_SOURCES = (
    # (path, column separator, label map); train splits only.
    (DATA / "id/idner-news-2k/train.txt", None, {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}),
    (
        DATA / "id/nergrit/train_preprocess.txt",
        "\t",
        {"PERSON": "PER", "ORGANISATION": "ORG", "PLACE": "LOC"},
    ),
)


def _spans(path: Path, sep: str | None, labels: dict[str, str]) -> Iterable[tuple[str, str]]:
    """Entity spans (surface, label) of an IOB/IOB2 CoNLL-style file."""
    current: list[str] | None = None
    label = ""
    with path.open(encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split(sep)
            tag = parts[-1] if len(parts) >= 2 else "O"
            inside = tag.startswith("I-") and current is not None and label == tag[2:]
            if current is not None and not inside:
                if label in labels:
                    yield " ".join(current), labels[label]
                current = None
            if tag.startswith(("B-", "I-")) and not inside:
                current, label = [parts[0]], tag[2:]
            elif inside and current is not None:
                current.append(parts[0])
    if current is not None and label in labels:
        yield " ".join(current), labels[label]


def gazetteer() -> list[tuple[str, str]]:
    """Unique (name, label) pairs from the train splits; the first label seen wins."""
    names: dict[str, str] = {}
    for path, sep, labels in GAZETTEER_SOURCES:
        for span, label in _spans(path, sep, labels):
            name = span.strip(" \"'“”‘’()")
            if len(name) >= 2:
                names.setdefault(name, label)
    return sorted(names.items())


class SpacyEntities:
    """spaCy blank Indonesian tokenizer + EntityRuler (phrase patterns) over the gazetteer."""

    def __init__(self, names: list[tuple[str, str]]) -> None:
        import spacy

        self.nlp = spacy.blank("id")
        ruler = self.nlp.add_pipe("entity_ruler")
        ruler.add_patterns([{"label": label, "pattern": name} for name, label in names])  # type: ignore[attr-defined]

    def run(self, texts: list[str]) -> list[list[dict[str, Any]]]:
        return [
            [
                {"text": e.text, "label": e.label_, "start": e.start_char, "end": e.end_char}
                for e in doc.ents
            ]
            for doc in self.nlp.pipe(texts, batch_size=64)
        ]


def dateparser_dates(texts: list[str]) -> list[list[dict[str, Any]]]:
    """dateparser's `search_dates` in Indonesian; it gives no offsets, so none are kept."""
    from dateparser.search import search_dates

    out = []
    for text in texts:
        found = search_dates(text, languages=["id"]) or []
        out.append([{"text": s, "value": d.isoformat()} for s, d in found])
    return out


_CUE = (
    r"(?:kata|ujar|ucap|ungkap|tutur|jelas|tegas|imbuh|tambah|terang|papar|sebut)(?:nya)?"
    r"|me(?:ngatakan|nyatakan|njelaskan|negaskan|nambahkan|ngungkapkan|nuturkan|maparkan)"
    r"|menurut|said|says|told"
)
_QUOTE = re.compile(r"[\"“]([^\"“”\n]{8,1000})[\"”]")
_NAME = r"[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|bin|binti|van|de))*"
_AFTER = re.compile(rf"\W{{0,3}}\s*(?:{_CUE})\b\s*(?P<name>{_NAME})?")
_BEFORE = re.compile(rf"(?P<name>{_NAME})?\s*,?\s*(?:{_CUE})\b\W{{0,3}}\s*$")


def regex_quotes(texts: list[str]) -> list[list[dict[str, Any]]]:
    """A quotation in straight or curly double quotes with a cue word within a few characters
    after it ('"...," kata Budi') or before it ('Budi mengatakan, "..."'); the speaker is the
    capitalised run next to the cue, if any."""
    out = []
    for text in texts:
        quotes = []
        for m in _QUOTE.finditer(text):
            after = _AFTER.match(text, m.end(), min(len(text), m.end() + 60))
            before = None if after else _BEFORE.search(text, max(0, m.start() - 80), m.start())
            cue = after or before
            if cue is None:
                continue
            quotes.append(
                {
                    "text": m.group(1),
                    "start": m.start(1),
                    "end": m.end(1),
                    "speaker": cue.group("name"),
                }
            )
        out.append(quotes)
    return out
