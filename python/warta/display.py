"""HTML display of a parsed article, in the manner of displaCy: mentions highlighted by
label with a legend, quotes marked with their speaker, dates with their value on hover.

The article dict does not carry its text, so :func:`render` takes both, or a
:class:`Doc` (text and dict together, what :func:`parse_doc` returns), which Jupyter
displays as HTML on its own. All text is escaped: markup in an article stays text.

>>> import warta
>>> doc = warta.parse_doc("Presiden Joko Widodo tiba di <b>Jakarta</b>.", layout="plain")
>>> "&lt;b&gt;" in doc.html()
True
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, KeysView, Mapping
from html import escape
from typing import Any, Optional, Union

from warta._types import Article

COLORS = {
    "PER": "#aa9cfc",
    "ORG": "#7aecec",
    "LOC": "#feca74",
    "GPE": "#feca74",
    "EVT": "#ffeb80",
    "MISC": "#e4e7d2",
}
"""Background colour per mention label; other labels get ``DEFAULT_COLOR``."""
DEFAULT_COLOR = "#dddddd"
QUOTE_COLOR = "#f2f2f2"
DATE_COLOR = "#4a90d9"

_LABEL_NAMES = {"PER": "person", "ORG": "organisation", "LOC": "place"}

# Inline styles, as displaCy does: notebooks opened untrusted (and GitHub's viewer) drop
# <style> elements but keep style attributes. Classes stay as hooks for a page's own CSS.
_BOX = "font-family:system-ui,sans-serif;line-height:2.4;white-space:pre-wrap;max-width:60em"
_LEGEND = "margin-bottom:.8em;line-height:1.9;white-space:normal"
_ENT = "padding:.15em .35em;border-radius:.35em;color:#000;background:{}"
_LAB = "font-size:.62em;font-weight:bold;margin-left:.35em;vertical-align:middle"
_QUOTE = f"background:{QUOTE_COLOR};border-bottom:2px solid #888;padding:.1em 0"
_SPEAKER = "font-size:.7em;font-style:italic;color:#555;margin:0 .3em"
_DATE = f"border-bottom:2px dotted {DATE_COLOR};cursor:help"
_TITLE = "font-weight:bold;font-size:1.15em"


class Doc(Mapping[str, Any]):
    """A parsed article together with its text. A read-only mapping over the article dict
    (``doc["mentions"]``, ``doc.get("title")``, ``dict(doc)``, ``warta.to_frames([doc])``)
    that shows as HTML in Jupyter."""

    __slots__ = ("article", "text")

    def __init__(self, text: str, article: Article) -> None:
        self.text = text
        self.article = article

    def __getitem__(self, key: str) -> Any:
        return self.article[key]  # type: ignore[literal-required]

    def keys(self) -> KeysView[str]:
        return self.article.keys()

    def __iter__(self) -> Iterator[str]:
        return iter(self.article)

    def __len__(self) -> int:
        return len(self.article)

    def html(self, **options: Any) -> str:
        """The article as HTML (see :func:`render` for the options)."""
        return render(self, **options)

    def _repr_html_(self) -> str:
        return render(self)

    def __repr__(self) -> str:
        a = self.article
        return (
            f"<warta.Doc id={a.get('id')!r} title={a.get('title')!r} "
            f"mentions={len(a.get('mentions') or [])} quotes={len(a.get('quotes') or [])} "
            f"dates={len(a.get('dates') or [])}>"
        )


def parse_doc(text: str, **options: Any) -> Doc:
    """Parses one article like :func:`warta.parse` (same options) and returns a
    :class:`Doc` holding the text and the article dict."""
    from warta._api import parse

    return Doc(text, parse(text, **options))


def render(
    doc: Union[Doc, Mapping[str, Any]],
    text: Optional[str] = None,
    *,
    colors: Optional[Mapping[str, str]] = None,
    mentions: bool = True,
    quotes: bool = True,
    dates: bool = True,
) -> str:
    """The article as an HTML fragment: mentions highlighted by label (with a legend),
    quotes shaded and followed by their speaker, dates underlined with their value on
    hover, the title in bold. ``doc`` is a :class:`Doc`, or an article dict with its
    ``text``. ``colors`` overrides colours per label; ``mentions``, ``quotes`` and
    ``dates`` switch the layers. Styles are inline, so the markup shows the same in an
    untrusted notebook; the elements also carry ``warta-*`` classes."""
    if isinstance(doc, Doc):
        article: Mapping[str, Any] = doc.article
        text = doc.text if text is None else text
    else:
        article = doc
    if text is None:
        raise TypeError("render needs the article text: render(doc, text) or a warta.Doc")
    palette = {**COLORS, **(colors or {})}
    titles = [p for p in article.get("paragraphs") or [] if p.get("kind") == "title"]
    shown = {
        "quote": (article.get("quotes") or []) if quotes else [],
        "mention": (article.get("mentions") or []) if mentions else [],
        "date": (article.get("dates") or []) if dates else [],
    }
    # One layer per kind and tier, outermost first: spans of a kind that overlap (a
    # mention inside a longer one) go to the next tier, so they nest inside it.
    layers: list[Layer] = [("title", tier) for tier in _tiers(titles, text)]
    for kind, spans in shown.items():
        layers.extend((kind, tier) for tier in _tiers(spans, text))
    cuts = {0, len(text)}
    for _, layer in layers:
        for span in layer:
            cuts.update((_clip(span["start"], text), _clip(span["end"], text)))
    bounds = sorted(cuts)
    # Each piece of text between two cuts knows the span of each layer covering it
    # (None when none); grouping consecutive pieces layer by layer nests the tags.
    pieces = [
        (start, end, tuple(_covering(layer, start, end) for _, layer in layers))
        for start, end in zip(bounds, bounds[1:])
        if start < end
    ]
    entities = {e["id"]: e for e in article.get("entities") or []}
    body = "".join(_Renderer(text, layers, entities, palette).group(pieces, 0))
    labels = sorted({str(m["label"]) for m in shown["mention"]})
    legend = _legend(labels, palette, bool(shown["quote"]), bool(shown["date"]))
    return f'<div class="warta" style="{_BOX}">{legend}{body}</div>'


Piece = tuple[int, int, tuple[Optional[int], ...]]
Layer = tuple[str, list[Any]]


def _clip(offset: int, text: str) -> int:
    return max(0, min(len(text), offset))


def _tiers(spans: list[Any], text: str) -> list[list[Any]]:
    """Spans in tiers of non-overlapping spans sorted by start: each span goes to the
    first tier whose last span ends before it starts (empty spans are dropped)."""
    tiers: list[list[Any]] = []
    ends: list[int] = []
    for span in sorted(spans, key=lambda s: (s["start"], -s["end"])):
        start, end = _clip(span["start"], text), _clip(span["end"], text)
        if start >= end:
            continue
        for i, last in enumerate(ends):
            if start >= last:
                tiers[i].append(span)
                ends[i] = end
                break
        else:
            tiers.append([span])
            ends.append(end)
    return tiers


def _covering(layer: list[Any], start: int, end: int) -> Optional[int]:
    """The index of the span of a tier covering [start, end), or None."""
    for i, span in enumerate(layer):
        if span["start"] <= start and end <= span["end"]:
            return i
        if span["start"] > start:
            break
    return None


class _Renderer:
    """Writes pieces of text as nested tags, one layer (a tier of titles, quotes,
    mentions or dates) per depth: consecutive pieces under the same span of a layer share
    one tag, so tags always nest, and a span crossing an outer one is drawn in parts."""

    def __init__(
        self,
        text: str,
        layers: list[Layer],
        entities: Mapping[int, Any],
        palette: Mapping[str, str],
    ) -> None:
        self.text = text
        self.layers = layers
        self.entities = entities
        self.palette = palette

    def group(self, pieces: list[Piece], depth: int) -> Iterator[str]:
        if depth == len(self.layers):
            for start, end, _ in pieces:
                yield escape(self.text[start:end])
            return
        for key, run in itertools.groupby(pieces, key=lambda p: p[2][depth]):
            group = list(run)
            inner = "".join(self.group(group, depth + 1))
            if key is None:
                yield inner
            else:
                kind, layer = self.layers[depth]
                span = layer[key]
                yield self.wrap(kind, span, group[-1][1] >= span["end"], inner)

    def wrap(self, kind: str, span: Mapping[str, Any], ends_here: bool, inner: str) -> str:
        if kind == "title":
            return f'<span class="warta-title" style="{_TITLE}">{inner}</span>'
        if kind == "quote":
            speaker = span.get("speaker") or "?"
            tip = f"{span.get('kind', 'quote')} quote, speaker: {speaker}"
            if span.get("cue"):
                tip += f", cue: {span['cue']}"
            after = _speaker(speaker) if ends_here else ""
            return (
                f'<span class="warta-quote" style="{_QUOTE}" title="{escape(tip)}">{inner}</span>'
                f"{after}"
            )
        if kind == "mention":
            label = str(span["label"])
            color = self.palette.get(label, DEFAULT_COLOR)
            key = span.get("entity")
            entity = self.entities.get(key) if isinstance(key, int) else None
            tip = label
            if entity is not None:
                tip = f"{label}: {entity['name']}"
                if entity.get("roles"):
                    tip += f" ({'; '.join(entity['roles'])})"
            badge = f'<span class="warta-lab" style="{_LAB}">{escape(label)}</span>'
            return (
                f'<mark class="warta-ent warta-{escape(label.lower())}" '
                f'style="{_ENT.format(escape(color))}" title="{escape(tip)}">'
                f"{inner}{badge if ends_here else ''}</mark>"
            )
        value = span.get("value")
        grain = span.get("grain")
        tip = f"{value} ({grain})" if value else f"unresolved ({grain})"
        return f'<span class="warta-date" style="{_DATE}" title="{escape(tip)}">{inner}</span>'


def _speaker(name: str) -> str:
    return f'<span class="warta-speaker" style="{_SPEAKER}">— {escape(name)}</span>'


def _legend(labels: list[str], palette: Mapping[str, str], quotes: bool, dates: bool) -> str:
    items = []
    for label in labels:
        color = escape(palette.get(label, DEFAULT_COLOR))
        name = _LABEL_NAMES.get(label)
        words = escape(label) + (f" ({name})" if name else "")
        items.append(f'<mark class="warta-ent" style="{_ENT.format(color)}">{words}</mark>')
    if quotes:
        items.append(
            f'<span class="warta-quote" style="{_QUOTE}">quote</span>{_speaker("speaker")}'
        )
    if dates:
        items.append(f'<span class="warta-date" style="{_DATE}" title="value on hover">date</span>')
    if not items:
        return ""
    return f'<div class="warta-legend" style="{_LEGEND}">' + " ".join(items) + "</div>"
