//! The mapping from core errors and input problems to warta's Python exceptions.
//!
//! The classes live in `warta/_errors.py` so that each can subclass both
//! `WartaError` and the builtin a user would catch (ValueError, TypeError).

use pyo3::prelude::*;
use pyo3::types::PyType;

use crate::error::Error;

/// Which warta exception to raise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `warta.InputError` (a ValueError): a value of the right type that cannot be used.
    Input,
    /// `warta.InputTypeError` (a TypeError): a value of the wrong type.
    Type,
    /// `warta.ConfigError` (a ValueError): a bad pipeline option.
    Config,
    /// `warta.ModelError` (an OSError): a model file that cannot be read.
    Model,
    /// `warta._errors.InternalError` (a WartaError and RuntimeError): a bug in warta,
    /// caught before it could abort the interpreter.
    Internal,
}

impl Kind {
    fn class_name(self) -> &'static str {
        match self {
            Kind::Input => "InputError",
            Kind::Type => "InputTypeError",
            Kind::Config => "ConfigError",
            Kind::Model => "ModelError",
            Kind::Internal => "InternalError",
        }
    }
}

/// A problem with one input, described before any Python exception exists, so
/// that batch mode can either raise it or record it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Which exception it becomes.
    pub kind: Kind,
    /// What went wrong and what was expected.
    pub message: String,
}

impl Problem {
    /// A wrong-type problem.
    pub fn type_error(message: impl Into<String>) -> Problem {
        Problem {
            kind: Kind::Type,
            message: message.into(),
        }
    }

    /// A bad-value problem.
    pub fn value_error(message: impl Into<String>) -> Problem {
        Problem {
            kind: Kind::Input,
            message: message.into(),
        }
    }

    /// The Python exception for this problem, with `index` set when it is a batch item's.
    pub fn to_pyerr(&self, py: Python<'_>, index: Option<usize>) -> PyErr {
        let message = match index {
            Some(i) => format!("item {i}: {}", self.message),
            None => self.message.clone(),
        };
        let err = raise(py, self.kind, message);
        if let Some(i) = index {
            // Best effort: the message already names the index.
            let _ = err.value(py).setattr("index", i);
        }
        err
    }
}

/// A warta exception of `kind` with `message`.
pub fn raise(py: Python<'_>, kind: Kind, message: String) -> PyErr {
    match exception_class(py, kind) {
        Ok(cls) => PyErr::from_type(cls, message),
        Err(err) => err,
    }
}

fn exception_class(py: Python<'_>, kind: Kind) -> PyResult<Bound<'_, PyType>> {
    let module = py.import("warta._errors")?;
    Ok(module.getattr(kind.class_name())?.cast_into::<PyType>()?)
}

/// The Python exception for a core error.
pub fn from_core(py: Python<'_>, err: &Error) -> PyErr {
    let kind = match err {
        Error::Config(_) => Kind::Config,
        Error::Input(_) => Kind::Input,
        Error::Model(_) => Kind::Model,
    };
    raise(py, kind, err.to_string())
}
