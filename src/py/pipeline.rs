//! `warta._native.Pipeline`: a configured pipeline, immutable and shared across threads.

use std::sync::{mpsc, Arc};

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyTuple};

use super::convert::{article_dict, error_dict};
use super::errors::{self, Kind, Problem};
use super::input::{self, OwnedInput};
use crate::batch;
use crate::doc::{Label, Lang};
use crate::entities::GazetteerEntry;
use crate::pipeline::{Config, Input, Pipeline};

/// A configured pipeline: models, gazetteers and patterns built once, shared by
/// every call and thread. Immutable, thread-safe, picklable.
#[pyclass(frozen, module = "warta._native", name = "Pipeline")]
pub struct PyPipeline {
    inner: Arc<Pipeline>,
    lang: Option<Lang>,
    gazetteer: Vec<GazetteerEntry>,
    model: Option<Vec<u8>>,
}

#[pymethods]
impl PyPipeline {
    /// Builds a pipeline. `gazetteer` is a list of dicts with `name`, `label`
    /// (PER/ORG/LOC) and optional `canonical` and `id`; `model` is an entity model's
    /// bytes (from `warta.train`) that replaces the built-in models.
    #[new]
    #[pyo3(signature = (*, lang = None, gazetteer = None, model = None))]
    fn new(
        py: Python<'_>,
        lang: Option<&Bound<'_, PyAny>>,
        gazetteer: Option<&Bound<'_, PyAny>>,
        model: Option<Vec<u8>>,
    ) -> PyResult<Self> {
        let lang = input::lang_of(lang).map_err(|p| config_error(py, p))?;
        let gazetteer = match gazetteer {
            Some(g) if !g.is_none() => gazetteer_entries(g)?,
            _ => Vec::new(),
        };
        let config = Config {
            gazetteer: gazetteer.clone(),
            ner_model: model.clone(),
        };
        // Building compiles automata and loads the model: do it without holding the GIL.
        let inner = py
            .detach(|| Pipeline::new(&config))
            .map_err(|e| errors::from_core(py, &e))?;
        Ok(PyPipeline {
            inner: Arc::new(inner),
            lang,
            gazetteer,
            model,
        })
    }

    /// Parses one article into the article dict. Releases the GIL while parsing.
    #[pyo3(signature = (text, *, published = None, lang = None, layout = "article", id = None, title = None, url = None))]
    #[allow(clippy::too_many_arguments)]
    fn parse<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        published: Option<&Bound<'py, PyAny>>,
        lang: Option<&Bound<'py, PyAny>>,
        layout: &str,
        id: Option<&Bound<'py, PyAny>>,
        title: Option<&Bound<'py, PyAny>>,
        url: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let read = || -> Result<OwnedInput, Problem> {
            Ok(OwnedInput {
                text: input::text_of(text, "text")?,
                published: input::published_of(published)?,
                lang: input::lang_of(lang)?.or(self.lang),
                layout: input::layout_of(layout)?,
                id: id.filter(|v| !v.is_none()).map(|v| v.clone().unbind()),
                title: input::opt_string(title, "title")?,
                url: input::opt_string(url, "url")?,
                meta: None,
            })
        };
        let owned = read().map_err(|p| p.to_pyerr(py, None))?;
        let pipeline = &self.inner;
        let article = py.detach(|| pipeline.parse(&core_input(&owned)));
        article_dict(py, &owned, &article)
    }

    /// Parses a list of items (str or mappings) on `threads` threads, in input order.
    /// `start` is the index of the first item in the caller's whole batch (for messages).
    /// With `record_errors`, unreadable items give a dict with `errors`; otherwise the
    /// first one raises. Releases the GIL while parsing.
    #[pyo3(signature = (items, *, threads = None, record_errors = false, start = 0, layout = "article"))]
    fn parse_batch<'py>(
        &self,
        py: Python<'py>,
        items: &Bound<'py, PyList>,
        threads: Option<usize>,
        record_errors: bool,
        start: usize,
        layout: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let layout = input::layout_of(layout).map_err(|p| p.to_pyerr(py, None))?;
        let mut owned: Vec<Result<OwnedInput, Problem>> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let read = input::item_of(&item, layout).map(|mut x| {
                x.lang = x.lang.or(self.lang);
                x
            });
            if let (Err(problem), false) = (&read, record_errors) {
                return Err(problem.to_pyerr(py, Some(start + i)));
            }
            owned.push(read);
        }
        let inputs: Vec<Input<'_>> = owned.iter().flatten().map(core_input).collect();
        let threads = threads.unwrap_or_else(batch::default_threads);
        let pipeline = &self.inner;
        let out = PyList::empty(py);
        std::thread::scope(|scope| -> PyResult<()> {
            let mut parsed = if threads <= 1 || inputs.len() < MIN_STREAMED {
                let all = py.detach(|| batch::parse_all(pipeline, &inputs, threads));
                Parsed::ready(all)
            } else {
                // The pool parses articles in input order while this thread turns each
                // finished one into its dict: the GIL-bound conversion overlaps the parsing.
                let (tx, rx) = mpsc::channel();
                let inputs = &inputs;
                scope.spawn(move || {
                    // A closed channel: the caller stopped on an error.
                    batch::parse_each(pipeline, inputs, threads, BLOCK, |i, results| {
                        tx.send((i, results)).is_ok()
                    });
                });
                Parsed::streamed(rx, inputs.len())
            };
            for (i, read) in owned.iter().enumerate() {
                match read {
                    Ok(x) => match parsed.next(py) {
                        Some(Ok(article)) => out.append(article_dict(py, x, &article)?)?,
                        Some(Err(msg)) if record_errors => {
                            let message = format!("item {}: {msg}", start + i);
                            out.append(error_dict(py, x.id.as_ref(), &message)?)?
                        }
                        Some(Err(msg)) => {
                            let problem = Problem {
                                kind: Kind::Internal,
                                message: msg,
                            };
                            return Err(problem.to_pyerr(py, Some(start + i)));
                        }
                        None => {
                            let problem = Problem {
                                kind: Kind::Internal,
                                message: "internal error: a result went missing".to_string(),
                            };
                            return Err(problem.to_pyerr(py, Some(start + i)));
                        }
                    },
                    Err(problem) => {
                        let id = items.get_item(i).ok().and_then(|it| input::item_id(&it));
                        let message = format!("item {}: {}", start + i, problem.message);
                        out.append(error_dict(py, id.as_ref(), &message)?)?;
                    }
                }
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// The default language ("id", "en") or None (detect per article).
    #[getter]
    fn lang(&self) -> Option<&'static str> {
        self.lang.map(Lang::code)
    }

    /// The gazetteer as a list of dicts (name, label, canonical, id).
    #[getter]
    fn gazetteer<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for e in &self.gazetteer {
            let d = PyDict::new(py);
            d.set_item("name", &e.name)?;
            d.set_item("label", e.label.name())?;
            d.set_item("canonical", e.canonical.as_deref())?;
            d.set_item("id", e.id.as_deref())?;
            out.append(d)?;
        }
        Ok(out)
    }

    /// The custom entity model's bytes, or None for the built-in models.
    #[getter]
    fn model<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
        self.model.as_deref().map(|b| PyBytes::new(py, b))
    }

    fn __repr__(&self) -> String {
        let model = match &self.model {
            Some(m) => format!(", model=<{} bytes>", m.len()),
            None => String::new(),
        };
        format!(
            "Pipeline(lang={}, gazetteer=<{} entries>{model})",
            self.lang
                .map_or("None".to_string(), |l| format!("'{}'", l.code())),
            self.gazetteer.len()
        )
    }

    /// Pickling: rebuild from the same options in the receiving process.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let me = slf.get();
        let kwargs = PyDict::new(py);
        kwargs.set_item("lang", me.lang.map(Lang::code))?;
        kwargs.set_item("gazetteer", me.gazetteer(py)?)?;
        kwargs.set_item("model", me.model.as_deref().map(|b| PyBytes::new(py, b)))?;
        let rebuild = py.import("warta._native")?.getattr("_rebuild_pipeline")?;
        PyTuple::new(
            py,
            [rebuild.into_any(), PyTuple::new(py, [kwargs])?.into_any()],
        )
    }
}

/// Rebuilds a pickled pipeline from its options.
#[pyfunction]
pub fn _rebuild_pipeline(py: Python<'_>, kwargs: &Bound<'_, PyDict>) -> PyResult<PyPipeline> {
    let model = match kwargs.get_item("model")? {
        Some(m) if !m.is_none() => Some(m.extract::<Vec<u8>>()?),
        _ => None,
    };
    PyPipeline::new(
        py,
        kwargs.get_item("lang")?.as_ref(),
        kwargs.get_item("gazetteer")?.as_ref(),
        model,
    )
}

/// Fewest articles worth parsing on the pool while this thread converts.
const MIN_STREAMED: usize = 32;
/// Articles a worker parses and hands over at a time: few enough that this thread starts
/// converting early and has little left at the end, enough to wake it rarely.
const BLOCK: usize = 8;

type ParseResult = Result<crate::doc::Article, String>;

/// Parse results in input order, either all at hand or arriving from the pool in blocks.
struct Parsed {
    current: std::vec::IntoIter<ParseResult>,
    pending: Option<Arriving>,
}

/// Blocks of results arriving from the pool with the index of their first input, put
/// back in order.
struct Arriving {
    /// `None` only while waiting on it with the GIL released.
    rx: Option<mpsc::Receiver<(usize, Vec<ParseResult>)>>,
    /// Blocks that arrived before their turn, by their first index.
    early: Vec<Option<Vec<ParseResult>>>,
    /// Index of the next block due.
    next: usize,
}

impl Parsed {
    fn ready(all: Vec<ParseResult>) -> Parsed {
        Parsed {
            current: all.into_iter(),
            pending: None,
        }
    }

    fn streamed(rx: mpsc::Receiver<(usize, Vec<ParseResult>)>, n: usize) -> Parsed {
        Parsed {
            current: Vec::new().into_iter(),
            pending: Some(Arriving {
                rx: Some(rx),
                early: (0..n).map(|_| None).collect(),
                next: 0,
            }),
        }
    }

    /// The next result; waits for its block with the GIL released.
    fn next(&mut self, py: Python<'_>) -> Option<ParseResult> {
        loop {
            if let Some(result) = self.current.next() {
                return Some(result);
            }
            let a = self.pending.as_mut()?;
            let block = a.next_block(py)?;
            a.next += block.len().max(1);
            self.current = block.into_iter();
        }
    }
}

impl Arriving {
    /// The block starting at `self.next`, waiting for it if it has not arrived.
    fn next_block(&mut self, py: Python<'_>) -> Option<Vec<ParseResult>> {
        let want = self.next;
        loop {
            if let Some(block) = self.early.get_mut(want).and_then(Option::take) {
                return Some(block);
            }
            let rx = self.rx.take()?;
            let (got, rx) = match rx.try_recv() {
                Ok(got) => (Ok(got), rx),
                // (The receiver travels into the detached closure: it is not `Sync`.)
                Err(mpsc::TryRecvError::Empty) => py.detach(move || (rx.recv(), rx)),
                Err(mpsc::TryRecvError::Disconnected) => return None,
            };
            self.rx = Some(rx);
            let (start, block) = got.ok()?;
            if start == want {
                return Some(block);
            }
            *self.early.get_mut(start)? = Some(block);
        }
    }
}

fn core_input(x: &OwnedInput) -> Input<'_> {
    Input {
        text: &x.text.text,
        published: x.published,
        lang: x.lang,
        layout: x.layout,
    }
}

fn config_error(py: Python<'_>, p: Problem) -> PyErr {
    errors::raise(py, Kind::Config, p.message)
}

/// Reads gazetteer entries, naming the entry and field of any problem.
fn gazetteer_entries(obj: &Bound<'_, PyAny>) -> PyResult<Vec<GazetteerEntry>> {
    let py = obj.py();
    let bad = |i: usize, msg: String| {
        errors::raise(py, Kind::Config, format!("gazetteer entry {i}: {msg}"))
    };
    let mut entries = Vec::new();
    for (i, item) in obj.try_iter()?.enumerate() {
        let item = item?;
        let d = item.cast::<PyDict>().map_err(|_| {
            bad(
                i,
                format!(
                    "expected a dict with 'name' and 'label', got {}",
                    input::type_name(&item)
                ),
            )
        })?;
        let field = |key: &str, required: bool| -> PyResult<Option<String>> {
            match d.get_item(key)? {
                Some(v) if !v.is_none() => match input::text_of(&v, key) {
                    Ok(t) if !t.text.trim().is_empty() => Ok(Some(t.text.trim().to_string())),
                    Ok(_) if required => Err(bad(i, format!("'{key}' is empty"))),
                    Ok(_) => Ok(None),
                    Err(p) => Err(bad(i, p.message)),
                },
                _ if required => Err(bad(i, format!("missing '{key}'"))),
                _ => Ok(None),
            }
        };
        let name = field("name", true)?.unwrap_or_default();
        let label_name = field("label", true)?.unwrap_or_default();
        let label = Label::from_name(&label_name).ok_or_else(|| {
            bad(
                i,
                format!("label '{label_name}' is not one of PER, ORG, LOC"),
            )
        })?;
        entries.push(GazetteerEntry {
            name,
            label,
            canonical: field("canonical", false)?,
            id: field("id", false)?,
        });
    }
    Ok(entries)
}
