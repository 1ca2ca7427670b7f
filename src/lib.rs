//! # warta
//!
//! Newsroom text analysis in Rust: article structure, PER/ORG/LOC entities with roles
//! and aliases, dates normalised against the publication date, and quotes with their
//! speakers, for Indonesian news first and English second.
//!
//! ```
//! use warta::{Input, Pipeline, Config};
//!
//! let pipeline = Pipeline::new(&Config::default()).unwrap();
//! let article = pipeline.parse(&Input::new("Judul Berita\nJAKARTA, KOMPAS.com - Presiden berpidato hari ini."));
//! assert_eq!(article.lang.code(), "id");
//! assert_eq!(article.title.map(|s| s.slice("Judul Berita")), Some("Judul Berita"));
//! ```
//!
//! Offsets in the core are UTF-8 byte offsets; [`text::OffsetMap`] turns them into
//! code-point offsets for Python.
#![deny(missing_docs)]

pub mod article;
pub mod batch;
pub mod calendar;
pub mod dates;
pub mod doc;
pub mod entities;
pub mod error;
pub mod lang;
pub mod pipeline;
pub mod quotes;
pub mod text;

#[cfg(feature = "python")]
mod py;

pub use article::Layout;
pub use doc::Article;
pub use error::{Error, Result};
pub use pipeline::{Config, Input, Pipeline};
