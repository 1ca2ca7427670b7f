//! Bindings for training and evaluating the entity model (owned by the entities module).

use pyo3::prelude::*;

/// Adds the entity training and evaluation functions to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let _ = m;
    Ok(())
}
