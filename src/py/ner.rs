//! Bindings for training and evaluating the entity model (owned by the entities module).

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

use super::errors;
use crate::entities::corpus::{read_file, Format};
use crate::entities::eval::{evaluate_lang, Counts, Scores};
use crate::entities::train::{train_files, TrainConfig, TrainOptions};
use crate::entities::EntityExtractor;
use crate::error::Error;

fn format_of(name: &str) -> Result<Format, Error> {
    Format::from_name(name).ok_or_else(|| {
        Error::Input(format!(
            "unknown data format {name:?}: use \"conll\", \"iob2\" or \"jsonl\""
        ))
    })
}

/// Trains an entity model on annotated files and returns the model file's bytes.
///
/// `files`: (path, format) pairs, format "conll", "iob2" or "jsonl". `unlabeled`: JSONL
/// files whose "text" fields give the capitalisation statistics. `bagging` models from
/// seeds `seed..seed+bagging` are averaged. Releases the GIL while training
/// (single-threaded, deterministic for a given seed).
#[pyfunction]
// The arguments are the Python keyword arguments; a struct would hide them from Python.
#[allow(clippy::too_many_arguments)]
#[pyo3(signature = (files, unlabeled=Vec::new(), epochs=12, seed=1, prune=1.0, bagging=5, verbose=false))]
fn _train_ner<'py>(
    py: Python<'py>,
    files: Vec<(String, String)>,
    unlabeled: Vec<String>,
    epochs: usize,
    seed: u64,
    prune: f32,
    bagging: usize,
    verbose: bool,
) -> PyResult<Bound<'py, PyBytes>> {
    let mut parsed = Vec::with_capacity(files.len());
    for (path, format) in files {
        let format = format_of(&format).map_err(|e| errors::from_core(py, &e))?;
        parsed.push((path, format));
    }
    let cfg = TrainConfig {
        files: parsed,
        unlabeled,
        options: TrainOptions {
            epochs,
            seed,
            prune,
            bagging,
            verbose,
            ..TrainOptions::default()
        },
    };
    let bytes = py
        .detach(|| train_files(&cfg))
        .map_err(|e| errors::from_core(py, &e))?;
    Ok(PyBytes::new(py, &bytes))
}

fn counts_dict<'py>(py: Python<'py>, c: Counts) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("precision", c.precision())?;
    d.set_item("recall", c.recall())?;
    d.set_item("f1", c.f1())?;
    d.set_item("tp", c.tp)?;
    d.set_item("fp", c.fp)?;
    d.set_item("fn", c.fn_)?;
    Ok(d)
}

/// Scores entity extraction on an annotated file: exact span and label, micro-averaged
/// over PER/ORG/LOC and per type. Each sentence's tokens are joined by single spaces and
/// run as one body paragraph, as text in `lang` ("id" or "en": the built-in models differ).
/// `model`: bytes from `_train_ner`, or None for the built-in models. Releases the GIL and
/// runs sentences in parallel.
///
/// Returns {"PER": {...}, "ORG": {...}, "LOC": {...}, "micro": {...}, "sentences": n},
/// each inner dict with precision, recall, f1, tp, fp, fn.
#[pyfunction]
#[pyo3(signature = (path, format="conll", model=None, lang="id"))]
fn _evaluate_ner<'py>(
    py: Python<'py>,
    path: String,
    format: &str,
    model: Option<Vec<u8>>,
    lang: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let format = format_of(format).map_err(|e| errors::from_core(py, &e))?;
    let lang = crate::doc::Lang::from_code(lang)
        .ok_or_else(|| Error::Input(format!("unknown language {lang:?}: use \"id\" or \"en\"")))
        .map_err(|e| errors::from_core(py, &e))?;
    let run = || -> Result<Scores, Error> {
        let extractor = match &model {
            Some(bytes) => EntityExtractor::from_model_bytes(bytes, &[])?,
            None => EntityExtractor::new(&[])?,
        };
        let examples = read_file(&path, format)?;
        Ok(evaluate_lang(&extractor, &examples, lang))
    };
    let scores = py.detach(run).map_err(|e| errors::from_core(py, &e))?;
    let out = PyDict::new(py);
    for label in [
        crate::doc::Label::Per,
        crate::doc::Label::Org,
        crate::doc::Label::Loc,
    ] {
        out.set_item(label.name(), counts_dict(py, scores.of(label))?)?;
    }
    out.set_item("micro", counts_dict(py, scores.micro())?)?;
    out.set_item("sentences", scores.texts)?;
    Ok(out)
}

/// Adds the entity training and evaluation functions to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_train_ner, m)?)?;
    m.add_function(wrap_pyfunction!(_evaluate_ner, m)?)?;
    Ok(())
}
