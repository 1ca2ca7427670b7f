"""render() and warta.Doc: well-formed, escaped HTML that gives the article text back."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import warta

VOID = {"br", "hr", "img", "meta", "link", "input", "wbr"}
# Elements that add words of their own (legend, label badges, speaker names).
ADDED = {"warta-legend", "warta-lab", "warta-speaker"}


class Checker(HTMLParser):
    """Checks that tags nest and collects the text outside what render adds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag not in ("script", "img", "iframe"), tag
        a = {k: v or "" for k, v in attrs}
        assert not any(k.startswith("on") for k in a), a
        self.tags.append((tag, a))
        if tag in VOID:
            return
        assert tag != "style", "styles are inline (untrusted notebooks drop <style>)"
        added = bool(ADDED & set(a.get("class", "").split()))
        self.stack.append((tag, added or (bool(self.stack) and self.stack[-1][1])))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, (tag, self.stack)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1][1]):
            self.text.append(data)


def check(markup: str) -> Checker:
    checker = Checker()
    checker.feed(markup)
    checker.close()
    assert not checker.stack, checker.stack
    return checker


def visible_text(markup: str) -> str:
    return "".join(check(markup).text)


def test_seed_renders_every_layer(seed_text: str) -> None:
    doc = warta.parse_doc(seed_text)
    markup = warta.render(doc)
    assert markup == doc._repr_html_() == doc.html()
    checker = check(markup)
    assert "".join(checker.text) == seed_text
    marks = [a for t, a in checker.tags if t == "mark" and "warta-lab" not in a.get("class", "")]
    badges = [a for t, a in checker.tags if "warta-lab" in a.get("class", "")]
    assert len(badges) == len(doc["mentions"])
    assert len(marks) >= len(doc["mentions"])  # plus the legend's samples
    for label in {m["label"] for m in doc["mentions"]}:
        assert f'background:{warta.display.COLORS[label]}"' in markup
        assert f"warta-{label.lower()}" in markup
    date_tips = [a.get("title", "") for t, a in checker.tags if a.get("class") == "warta-date"]
    for d in doc["dates"]:
        assert any(d["value"] in tip for tip in date_tips if d["value"]), d
    quote_tips = [a.get("title", "") for t, a in checker.tags if a.get("class") == "warta-quote"]
    speakers = {q["speaker"] for q in doc["quotes"] if q["speaker"]}
    assert all(any(s in tip for tip in quote_tips) for s in speakers)
    assert len([t for t, a in checker.tags if a.get("class") == "warta-speaker"]) >= len(
        doc["quotes"]
    )


def test_render_dict_with_text_equals_doc(seed_text: str) -> None:
    article = warta.parse(seed_text)
    assert warta.render(article, seed_text) == warta.render(warta.Doc(seed_text, article))
    with pytest.raises(TypeError, match="needs the article text"):
        warta.render(article)


def test_markup_in_text_is_escaped() -> None:
    text = (
        "Presiden Joko Widodo tiba di Jakarta. <script>alert('x')</script> "
        '<img src=x onerror="alert(1)"> & "kutipan" <b>tebal</b>'
    )
    doc = warta.parse_doc(text, layout="plain")
    markup = doc.html()
    assert "<script" not in markup and "<img" not in markup and "<b>" not in markup
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in markup
    assert visible_text(markup) == text


def hostile_article(text: str) -> dict[str, Any]:
    """An article dict whose names and labels carry markup too."""
    evil = '"><script>alert(1)</script>'
    return {
        "paragraphs": [{"start": 0, "end": 12, "kind": "title"}],
        "mentions": [
            {"text": text[0:8], "label": "PER", "start": 0, "end": 8, "entity": 0},
            {"text": text[5:15], "label": f"X{evil}", "start": 5, "end": 15, "entity": 9},
        ],
        "entities": [
            {
                "id": 0,
                "name": f"N{evil}",
                "label": "PER",
                "roles": [evil],
                "aliases": [],
                "mentions": 1,
                "kb_id": None,
            },
        ],
        "quotes": [
            {
                "text": text[3:20],
                "start": 3,
                "end": 20,
                "kind": "direct",
                "speaker": f"S{evil}",
                "speaker_entity": None,
                "cue": evil,
            },
        ],
        "dates": [
            {
                "text": text[10:25],
                "start": 10,
                "end": 25,
                "value": evil,
                "grain": evil,
                "relative": False,
            },
        ],
    }


def test_crossing_spans_and_hostile_fields_stay_well_formed() -> None:
    text = "abcdefghijklmnopqrstuvwxyz0123456789"
    article = hostile_article(text)
    markup = warta.render(article, text, colors={"PER": 'red;"><script>'})
    assert "<script" not in markup
    assert visible_text(markup) == text
    # Layers switch off.
    bare = warta.render(article, text, mentions=False, quotes=False, dates=False)
    assert "<mark" not in bare and "warta-quote" not in bare and "<style" not in bare
    assert visible_text(bare) == text


def test_nested_and_crossing_spans_each_get_a_tag() -> None:
    text = "Kementerian Luar Negeri GNA di Tripoli, kata Menteri Fathi Bashagha."
    inner = text.index("GNA")
    person = text.index("Fathi")
    article = {
        "mentions": [
            {"text": text[:27], "label": "ORG", "start": 0, "end": 27, "entity": 0},
            {"text": "GNA", "label": "ORG", "start": inner, "end": inner + 3, "entity": 1},
            {"text": "Luar Negeri", "label": "LOC", "start": 12, "end": 23, "entity": 2},
            {"text": "x", "label": "PER", "start": person - 8, "end": person + 5, "entity": 3},
            {"text": "x", "label": "PER", "start": person, "end": len(text) - 1, "entity": 3},
        ],
        "quotes": [
            {"text": "q", "start": 0, "end": 40, "kind": "indirect", "speaker": "A"},
            {"text": "q", "start": 3, "end": 10, "kind": "direct", "speaker": "B"},
        ],
        "dates": [{"text": "d", "start": 5, "end": 30, "value": "2020", "grain": "year"}],
    }
    checker = check(warta.render(article, text))
    assert "".join(checker.text) == text
    badges = [a for t, a in checker.tags if "warta-lab" in a.get("class", "")]
    assert len(badges) == len(article["mentions"])
    speakers = [a for t, a in checker.tags if a.get("class") == "warta-speaker"]
    assert len(speakers) == 1 + len(article["quotes"])  # with the legend's sample


def test_spans_past_the_end_are_clipped() -> None:
    text = "Jakarta"
    article = {"mentions": [{"text": "x", "label": "LOC", "start": 3, "end": 99, "entity": 0}]}
    assert visible_text(warta.render(article, text)) == text


def test_doc_reads_like_the_dict(seed_text: str) -> None:
    doc = warta.parse_doc(seed_text, id="seed")
    assert doc["id"] == "seed" and doc.get("title") == doc.article["title"]
    assert "mentions" in doc and set(doc.keys()) == set(doc.article) == set(doc)
    assert len(doc) == len(doc.article)
    assert dict(doc) == doc.article and doc == doc.article
    assert doc.text == seed_text
    frames = warta.to_frames([doc])
    assert list(frames.articles["article_id"]) == ["seed"]
    assert repr(doc).startswith("<warta.Doc id='seed' title='Pejabat Tinggi")


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab <>&\"'\n.,JoPresidenJakartaKPK\u00e9\U0001f600")),
        max_size=200,
    )
)
def test_any_text_renders_to_itself(text: str) -> None:
    doc = warta.parse_doc(text)
    assert visible_text(doc.html()) == text


def test_corpus_articles_render_well_formed(corpus: list[dict[str, Any]]) -> None:
    sample = corpus[::8]
    for record, doc in zip(sample, warta.parse_many(sample)):
        checker = check(warta.render(doc, record["text"]))
        assert "".join(checker.text) == record["text"], record["id"]
        badges = [a for t, a in checker.tags if "warta-lab" in a.get("class", "")]
        assert len(badges) == len(doc["mentions"]), record["id"]
