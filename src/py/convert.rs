//! Article → Python dict. Byte offsets become code-point offsets here and nowhere else.

use std::cell::RefCell;

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PySlice, PyString};

use super::input::OwnedInput;
use crate::doc::{Article, Span};
use crate::text::OffsetMap;

/// Builds text fields and offsets for one article.
struct Slicer<'a, 'py> {
    py: Python<'py>,
    text: &'a str,
    map: OffsetMap,
    original: Option<&'a Bound<'py, PyString>>,
    /// Python strings of the fixed names ("PER", "body", "day"), made once per article
    /// rather than once per item.
    names: RefCell<Vec<(&'static str, Bound<'py, PyString>)>>,
}

impl<'py> Slicer<'_, 'py> {
    /// The Python string of a fixed name.
    fn name(&self, name: &'static str) -> Bound<'py, PyString> {
        let mut names = self.names.borrow_mut();
        if let Some((_, s)) = names.iter().find(|(n, _)| std::ptr::eq(*n, name)) {
            return s.clone();
        }
        let s = PyString::new(self.py, name);
        names.push((name, s.clone()));
        s
    }

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

    /// A dict with `text`, `start`, `end`.
    fn spanned(&self, span: Span) -> PyResult<Bound<'py, PyDict>> {
        let py = self.py;
        let d = PyDict::new(py);
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
        names: RefCell::new(Vec::new()),
    };
    let d = PyDict::new(py);
    d.set_item(intern!(py, "id"), input.id.as_ref().map(|id| id.bind(py)))?;
    d.set_item(intern!(py, "lang"), article.lang.code())?;
    let title = match (&input.title, article.title) {
        (Some(given), _) => Some(PyString::new(py, given).into_any()),
        (None, Some(span)) => Some(s.text(span)?),
        (None, None) => None,
    };
    d.set_item(intern!(py, "title"), title)?;
    d.set_item(
        intern!(py, "published"),
        article.published.map(|date| date.to_string()),
    )?;
    d.set_item(intern!(py, "url"), input.url.as_deref())?;
    match &input.meta {
        Some(meta) => d.set_item(intern!(py, "meta"), meta.bind(py))?,
        None => d.set_item(intern!(py, "meta"), PyDict::new(py))?,
    }

    let paragraphs = PyList::empty(py);
    for p in &article.paragraphs {
        let item = PyDict::new(py);
        let (start, end) = s.offsets(p.span);
        item.set_item(intern!(py, "start"), start)?;
        item.set_item(intern!(py, "end"), end)?;
        item.set_item(intern!(py, "kind"), s.name(p.kind.name()))?;
        paragraphs.append(item)?;
    }
    d.set_item(intern!(py, "paragraphs"), paragraphs)?;

    let subheadings = PyList::empty(py);
    for &span in &article.subheadings {
        subheadings.append(s.text(span)?)?;
    }
    d.set_item(intern!(py, "subheadings"), subheadings)?;

    let credits = match &article.credits {
        None => None,
        Some(c) => {
            let item = s.spanned(c.span)?;
            item.set_item(intern!(py, "authors"), &c.authors)?;
            item.set_item(intern!(py, "agencies"), &c.agencies)?;
            Some(item)
        }
    };
    d.set_item(intern!(py, "credits"), credits)?;

    let dateline = match &article.dateline {
        None => None,
        Some(dl) => {
            let item = s.spanned(dl.span)?;
            item.set_item(intern!(py, "place"), dl.place.as_deref())?;
            item.set_item(intern!(py, "agency"), dl.agency.as_deref())?;
            item.set_item(intern!(py, "date"), dl.date.map(|x| x.to_string()))?;
            Some(item)
        }
    };
    d.set_item(intern!(py, "dateline"), dateline)?;

    let mentions = PyList::empty(py);
    for m in &article.mentions {
        let item = s.spanned(m.span)?;
        item.set_item(intern!(py, "label"), s.name(m.label.name()))?;
        item.set_item(intern!(py, "entity"), m.entity)?;
        mentions.append(item)?;
    }
    d.set_item(intern!(py, "mentions"), mentions)?;

    let entities = PyList::empty(py);
    for (i, e) in article.entities.iter().enumerate() {
        let item = PyDict::new(py);
        item.set_item(intern!(py, "id"), i)?;
        item.set_item(intern!(py, "name"), &e.name)?;
        item.set_item(intern!(py, "label"), s.name(e.label.name()))?;
        item.set_item(intern!(py, "roles"), &e.roles)?;
        item.set_item(intern!(py, "aliases"), &e.aliases)?;
        item.set_item(intern!(py, "mentions"), e.mentions)?;
        item.set_item(intern!(py, "kb_id"), e.kb_id.as_deref())?;
        entities.append(item)?;
    }
    d.set_item(intern!(py, "entities"), entities)?;

    let acronyms = PyList::empty(py);
    for a in &article.acronyms {
        let item = PyDict::new(py);
        item.set_item(intern!(py, "short"), &a.short)?;
        item.set_item(intern!(py, "long"), &a.long)?;
        acronyms.append(item)?;
    }
    d.set_item(intern!(py, "acronyms"), acronyms)?;

    let dates = PyList::empty(py);
    for date in &article.dates {
        let item = s.spanned(date.span)?;
        item.set_item(intern!(py, "value"), date.value.as_deref())?;
        item.set_item(intern!(py, "grain"), s.name(date.grain.name()))?;
        item.set_item(intern!(py, "relative"), date.relative)?;
        dates.append(item)?;
    }
    d.set_item(intern!(py, "dates"), dates)?;

    let quotes = PyList::empty(py);
    for q in &article.quotes {
        let item = s.spanned(q.span)?;
        item.set_item(intern!(py, "kind"), s.name(q.kind.name()))?;
        item.set_item(intern!(py, "speaker"), q.speaker.as_deref())?;
        item.set_item(intern!(py, "speaker_entity"), q.speaker_entity)?;
        item.set_item(intern!(py, "cue"), q.cue.as_deref())?;
        quotes.append(item)?;
    }
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
