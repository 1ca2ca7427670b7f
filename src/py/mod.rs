//! Python bindings (feature `python`): the `warta._native` module.
//!
//! Inputs are extracted while attached to the interpreter, the core runs detached
//! (other Python threads keep running), and results become plain dicts after
//! re-attaching. Offsets turn into code points in `convert`, the only place they do.

mod convert;
mod errors;
mod input;
mod ner;
mod pipeline;

use pyo3::prelude::*;

/// The compiled core of warta. Use the `warta` package, not this module.
#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<pipeline::PyPipeline>()?;
    m.add_function(wrap_pyfunction!(pipeline::_rebuild_pipeline, m)?)?;
    m.add_function(wrap_pyfunction!(default_threads, m)?)?;
    m.add_function(wrap_pyfunction!(detect_lang, m)?)?;
    ner::register(m)?;
    Ok(())
}

/// The number of threads batch calls use when not told: WARTA_NUM_THREADS,
/// then RAYON_NUM_THREADS, then the number of CPUs.
#[pyfunction]
fn default_threads() -> usize {
    crate::batch::default_threads()
}

/// Detects the language of `text`: "id", "en" or "und".
#[pyfunction]
fn detect_lang(text: &Bound<'_, PyAny>) -> PyResult<&'static str> {
    let text = input::text_arg(text, None)?;
    Ok(crate::lang::detect(&text.text).code())
}
