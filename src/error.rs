//! The one error type the core returns.

use std::fmt;

/// Why the core could not do what it was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// A configuration value (gazetteer entry, option) is invalid.
    Config(String),
    /// An input value is invalid (a date that is not ISO, an unknown language code).
    Input(String),
    /// A model file could not be read or is malformed.
    Model(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Config(msg) => write!(f, "invalid configuration: {msg}"),
            Error::Input(msg) => write!(f, "invalid input: {msg}"),
            Error::Model(msg) => write!(f, "invalid model: {msg}"),
        }
    }
}

impl std::error::Error for Error {}

/// Result with the core's error.
pub type Result<T> = std::result::Result<T, Error>;
