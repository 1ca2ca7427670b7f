//! Article → Python dict. Byte offsets become code-point offsets here and nowhere else.
//!
//! Dicts of more than five keys (article, entity, date, quote, dateline) are copies of a
//! template that holds the keys in output order with None values: the copy takes the
//! template's hash table whole, and setting a key that is already there neither grows nor
//! rehashes it (a dict built key by key grows on its sixth key, and the article's on its
//! eleventh too). Values that are None are left as the template has them. Smaller dicts
//! (mention, paragraph, ...) never grow, and copying a template costs more than filling an
//! empty dict, so they are built key by key. Lists are made at their final length, and the
//! fixed names ("PER", "body", "day") are Python strings made once per process.

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PySlice, PyString};

use super::input::OwnedInput;
use crate::doc::{Article, Grain, Label, Lang, ParagraphKind, QuoteKind, Span};
use crate::text::OffsetMap;

/// The keys of one kind of dict, in output order, and its template (made on first use).
struct DictKind {
    keys: &'static [&'static str],
    template: PyOnceLock<Py<PyDict>>,
}

impl DictKind {
    const fn new(keys: &'static [&'static str]) -> DictKind {
        DictKind {
            keys,
            template: PyOnceLock::new(),
        }
    }

    /// A new dict with every key set to None. Keys are interned, as `intern!` makes
    /// them, so that setting one finds it by identity.
    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let template = self
            .template
            .get_or_try_init(py, || -> PyResult<Py<PyDict>> {
                let d = PyDict::new(py);
                for &key in self.keys {
                    d.set_item(PyString::intern(py, key), py.None())?;
                }
                Ok(d.unbind())
            })?;
        template.bind(py).copy()
    }
}

static ARTICLE: DictKind = DictKind::new(&[
    "id",
    "lang",
    "title",
    "published",
    "url",
    "meta",
    "paragraphs",
    "subheadings",
    "credits",
    "dateline",
    "mentions",
    "entities",
    "acronyms",
    "dates",
    "quotes",
    "errors",
]);
static DATELINE: DictKind = DictKind::new(&["text", "start", "end", "place", "agency", "date"]);
static ENTITY: DictKind = DictKind::new(&[
    "id", "name", "label", "roles", "aliases", "mentions", "kb_id",
]);
static DATE: DictKind = DictKind::new(&["text", "start", "end", "value", "grain", "relative"]);
static QUOTE: DictKind = DictKind::new(&[
    "text",
    "start",
    "end",
    "kind",
    "speaker",
    "speaker_entity",
    "cue",
]);

/// The Python string of `value`'s name: one interned string per variant of `all`, made
/// on first use (a variant missing from `all` gets a new string each time).
fn name_of<'py, T: Copy + PartialEq, const N: usize>(
    py: Python<'py>,
    strings: &'static PyOnceLock<[Py<PyString>; N]>,
    all: [T; N],
    name: fn(T) -> &'static str,
    value: T,
) -> Bound<'py, PyString> {
    let strings = strings.get_or_init(py, || all.map(|v| PyString::intern(py, name(v)).unbind()));
    match all
        .iter()
        .position(|&v| v == value)
        .and_then(|i| strings.get(i))
    {
        Some(s) => s.bind(py).clone(),
        None => PyString::new(py, name(value)),
    }
}

fn label_name(py: Python<'_>, label: Label) -> Bound<'_, PyString> {
    static NAMES: PyOnceLock<[Py<PyString>; 3]> = PyOnceLock::new();
    let all = [Label::Per, Label::Org, Label::Loc];
    name_of(py, &NAMES, all, Label::name, label)
}

fn lang_code(py: Python<'_>, lang: Lang) -> Bound<'_, PyString> {
    static NAMES: PyOnceLock<[Py<PyString>; 3]> = PyOnceLock::new();
    name_of(
        py,
        &NAMES,
        [Lang::Id, Lang::En, Lang::Und],
        Lang::code,
        lang,
    )
}

fn paragraph_kind_name(py: Python<'_>, kind: ParagraphKind) -> Bound<'_, PyString> {
    static NAMES: PyOnceLock<[Py<PyString>; 7]> = PyOnceLock::new();
    use ParagraphKind::*;
    let all = [Title, Dateline, Body, Subheading, Credit, Related, Caption];
    name_of(py, &NAMES, all, ParagraphKind::name, kind)
}

fn grain_name(py: Python<'_>, grain: Grain) -> Bound<'_, PyString> {
    static NAMES: PyOnceLock<[Py<PyString>; 8]> = PyOnceLock::new();
    use Grain::*;
    let all = [Time, Day, Week, Month, Quarter, Year, Decade, Duration];
    name_of(py, &NAMES, all, Grain::name, grain)
}

fn quote_kind_name(py: Python<'_>, kind: QuoteKind) -> Bound<'_, PyString> {
    static NAMES: PyOnceLock<[Py<PyString>; 2]> = PyOnceLock::new();
    let all = [QuoteKind::Direct, QuoteKind::Indirect];
    name_of(py, &NAMES, all, QuoteKind::name, kind)
}

/// A list of `f(item)` for each item, made at its length.
fn list_of<'py, T>(
    py: Python<'py>,
    items: &[T],
    mut f: impl FnMut(&T) -> PyResult<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    // Not `collect`: through `Result` it cannot know the length and grows the Vec.
    let mut built = Vec::with_capacity(items.len());
    for item in items {
        built.push(f(item)?);
    }
    PyList::new(py, built)
}

/// Builds text fields and offsets for one article.
struct Slicer<'a, 'py> {
    py: Python<'py>,
    text: &'a str,
    map: OffsetMap,
    original: Option<&'a Bound<'py, PyString>>,
}

impl<'py> Slicer<'_, 'py> {
    fn offsets(&self, span: Span) -> (usize, usize) {
        (
            self.map.char_index(span.start),
            self.map.char_index(span.end),
        )
    }

    /// The span's text, sliced from the original string when it held lone surrogates.
    fn text(&self, span: Span) -> PyResult<Bound<'py, PyAny>> {
        match self.original {
            None => Ok(PyString::new(self.py, span.slice(self.text)).into_any()),
            Some(orig) => {
                let (start, end) = self.offsets(span);
                let slice = PySlice::new(self.py, start as isize, end as isize, 1);
                orig.get_item(slice)
            }
        }
    }

    /// `d` (empty, or a template whose first keys are `text`, `start`, `end`) with
    /// those set.
    fn spanned(&self, d: Bound<'py, PyDict>, span: Span) -> PyResult<Bound<'py, PyDict>> {
        let py = self.py;
        let (start, end) = self.offsets(span);
        d.set_item(intern!(py, "text"), self.text(span)?)?;
        d.set_item(intern!(py, "start"), start)?;
        d.set_item(intern!(py, "end"), end)?;
        Ok(d)
    }
}

/// The article dict of the Python API (see `warta._types.Article`).
pub fn article_dict<'py>(
    py: Python<'py>,
    input: &OwnedInput,
    article: &Article,
) -> PyResult<Bound<'py, PyDict>> {
    let text = input.text.text.as_str();
    let original = input.text.original.as_ref().map(|o| o.bind(py));
    let s = Slicer {
        py,
        text,
        map: OffsetMap::new(text),
        original,
    };
    let d = ARTICLE.dict(py)?;
    if let Some(id) = &input.id {
        d.set_item(intern!(py, "id"), id.bind(py))?;
    }
    d.set_item(intern!(py, "lang"), lang_code(py, article.lang))?;
    match (&input.title, article.title) {
        (Some(given), _) => d.set_item(intern!(py, "title"), given)?,
        (None, Some(span)) => d.set_item(intern!(py, "title"), s.text(span)?)?,
        (None, None) => {}
    }
    if let Some(date) = article.published {
        d.set_item(intern!(py, "published"), date.to_string())?;
    }
    if let Some(url) = &input.url {
        d.set_item(intern!(py, "url"), url)?;
    }
    match &input.meta {
        Some(meta) => d.set_item(intern!(py, "meta"), meta.bind(py))?,
        None => d.set_item(intern!(py, "meta"), PyDict::new(py))?,
    }

    let paragraphs = list_of(py, &article.paragraphs, |p| {
        let item = PyDict::new(py);
        let (start, end) = s.offsets(p.span);
        item.set_item(intern!(py, "start"), start)?;
        item.set_item(intern!(py, "end"), end)?;
        item.set_item(intern!(py, "kind"), paragraph_kind_name(py, p.kind))?;
        Ok(item.into_any())
    })?;
    d.set_item(intern!(py, "paragraphs"), paragraphs)?;

    let subheadings = list_of(py, &article.subheadings, |&span| s.text(span))?;
    d.set_item(intern!(py, "subheadings"), subheadings)?;

    if let Some(c) = &article.credits {
        let item = s.spanned(PyDict::new(py), c.span)?;
        item.set_item(intern!(py, "authors"), &c.authors)?;
        item.set_item(intern!(py, "agencies"), &c.agencies)?;
        d.set_item(intern!(py, "credits"), item)?;
    }

    if let Some(dl) = &article.dateline {
        let item = s.spanned(DATELINE.dict(py)?, dl.span)?;
        if let Some(place) = &dl.place {
            item.set_item(intern!(py, "place"), place)?;
        }
        if let Some(agency) = &dl.agency {
            item.set_item(intern!(py, "agency"), agency)?;
        }
        if let Some(date) = dl.date {
            item.set_item(intern!(py, "date"), date.to_string())?;
        }
        d.set_item(intern!(py, "dateline"), item)?;
    }

    let mentions = list_of(py, &article.mentions, |m| {
        let item = s.spanned(PyDict::new(py), m.span)?;
        item.set_item(intern!(py, "label"), label_name(py, m.label))?;
        item.set_item(intern!(py, "entity"), m.entity)?;
        Ok(item.into_any())
    })?;
    d.set_item(intern!(py, "mentions"), mentions)?;

    let mut index = 0usize;
    let entities = list_of(py, &article.entities, |e| {
        let item = ENTITY.dict(py)?;
        item.set_item(intern!(py, "id"), index)?;
        index += 1;
        item.set_item(intern!(py, "name"), &e.name)?;
        item.set_item(intern!(py, "label"), label_name(py, e.label))?;
        item.set_item(intern!(py, "roles"), &e.roles)?;
        item.set_item(intern!(py, "aliases"), &e.aliases)?;
        item.set_item(intern!(py, "mentions"), e.mentions)?;
        if let Some(kb_id) = &e.kb_id {
            item.set_item(intern!(py, "kb_id"), kb_id)?;
        }
        Ok(item.into_any())
    })?;
    d.set_item(intern!(py, "entities"), entities)?;

    let acronyms = list_of(py, &article.acronyms, |a| {
        let item = PyDict::new(py);
        item.set_item(intern!(py, "short"), &a.short)?;
        item.set_item(intern!(py, "long"), &a.long)?;
        Ok(item.into_any())
    })?;
    d.set_item(intern!(py, "acronyms"), acronyms)?;

    let dates = list_of(py, &article.dates, |date| {
        let item = s.spanned(DATE.dict(py)?, date.span)?;
        if let Some(value) = &date.value {
            item.set_item(intern!(py, "value"), value)?;
        }
        item.set_item(intern!(py, "grain"), grain_name(py, date.grain))?;
        item.set_item(intern!(py, "relative"), date.relative)?;
        Ok(item.into_any())
    })?;
    d.set_item(intern!(py, "dates"), dates)?;

    let quotes = list_of(py, &article.quotes, |q| {
        let item = s.spanned(QUOTE.dict(py)?, q.span)?;
        item.set_item(intern!(py, "kind"), quote_kind_name(py, q.kind))?;
        if let Some(speaker) = &q.speaker {
            item.set_item(intern!(py, "speaker"), speaker)?;
        }
        if let Some(entity) = q.speaker_entity {
            item.set_item(intern!(py, "speaker_entity"), entity)?;
        }
        if let Some(cue) = &q.cue {
            item.set_item(intern!(py, "cue"), cue)?;
        }
        Ok(item.into_any())
    })?;
    d.set_item(intern!(py, "quotes"), quotes)?;
    d.set_item(intern!(py, "errors"), PyList::empty(py))?;
    Ok(d)
}

/// The dict of a batch item that could not be parsed: the article shape, empty,
/// with the reason in `errors`.
pub fn error_dict<'py>(
    py: Python<'py>,
    id: Option<&Py<PyAny>>,
    message: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item(intern!(py, "id"), id.map(|id| id.bind(py)))?;
    for key in [
        intern!(py, "lang"),
        intern!(py, "title"),
        intern!(py, "published"),
        intern!(py, "url"),
    ] {
        d.set_item(key, py.None())?;
    }
    for key in [intern!(py, "paragraphs"), intern!(py, "subheadings")] {
        d.set_item(key, PyList::empty(py))?;
    }
    d.set_item(intern!(py, "meta"), PyDict::new(py))?;
    d.set_item(intern!(py, "credits"), py.None())?;
    d.set_item(intern!(py, "dateline"), py.None())?;
    for key in [
        intern!(py, "mentions"),
        intern!(py, "entities"),
        intern!(py, "acronyms"),
        intern!(py, "dates"),
        intern!(py, "quotes"),
    ] {
        d.set_item(key, PyList::empty(py))?;
    }
    d.set_item(intern!(py, "errors"), vec![message])?;
    Ok(d)
}
