//! Turning Python arguments and batch items into core inputs, with precise problems.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyMapping, PyString};

use super::errors::Problem;
use crate::article::Layout;
use crate::calendar::Date;
use crate::doc::Lang;

/// Article text copied out of a Python `str`.
pub struct Text {
    /// The text as UTF-8. Lone surrogates, which UTF-8 cannot hold, are replaced one
    /// for one with U+FFFD so that code-point offsets stay those of the original.
    pub text: String,
    /// The original string when replacements were made: text fields are then sliced
    /// from it, so that `text[start:end] == item["text"]` still holds.
    pub original: Option<Py<PyString>>,
}

/// One article to parse, owned, so that the core can run detached from Python.
pub struct OwnedInput {
    /// The text.
    pub text: Text,
    /// Publication date given by the caller.
    pub published: Option<Date>,
    /// Language given by the caller.
    pub lang: Option<Lang>,
    /// Structure layout.
    pub layout: Layout,
    /// The caller's identifier, returned as given.
    pub id: Option<Py<PyAny>>,
    /// A title given by the caller (wins over the detected headline).
    pub title: Option<String>,
    /// The article's URL.
    pub url: Option<String>,
    /// The record's other fields (source, category, ...), returned as `meta`.
    pub meta: Option<Py<PyDict>>,
}

/// Reads a `str` argument.
pub fn text_arg(obj: &Bound<'_, PyAny>, index: Option<usize>) -> PyResult<Text> {
    text_of(obj, "text").map_err(|p| p.to_pyerr(obj.py(), index))
}

/// Reads `obj` as article text; `what` names it in messages.
pub fn text_of(obj: &Bound<'_, PyAny>, what: &str) -> Result<Text, Problem> {
    let s = obj
        .cast::<PyString>()
        .map_err(|_| Problem::type_error(format!("{what} must be str, got {}", type_name(obj))))?;
    let text = match s.to_cow() {
        Ok(cow) => Text {
            text: cow.into_owned(),
            original: None,
        },
        Err(_) => Text {
            text: replace_surrogates(s)?,
            original: Some(s.clone().unbind()),
        },
    };
    if text.text.len() > u32::MAX as usize {
        return Err(Problem::value_error(format!(
            "{what} is {} bytes long; warta handles articles up to 4 GiB",
            text.text.len()
        )));
    }
    Ok(text)
}

/// The string's code points with each lone surrogate replaced by U+FFFD.
fn replace_surrogates(s: &Bound<'_, PyString>) -> Result<String, Problem> {
    let encoded = s
        .call_method1("encode", ("utf-32-le", "surrogatepass"))
        .and_then(|b| Ok(b.cast_into::<PyBytes>()?))
        .map_err(|e| Problem::value_error(format!("text cannot be read as Unicode: {e}")))?;
    Ok(encoded
        .as_bytes()
        .chunks_exact(4)
        .map(|c| {
            let code = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            char::from_u32(code).unwrap_or('\u{FFFD}')
        })
        .collect())
}

/// Reads an optional string option (`title`, `url`).
pub fn opt_string(obj: Option<&Bound<'_, PyAny>>, what: &str) -> Result<Option<String>, Problem> {
    match obj {
        None => Ok(None),
        Some(o) if o.is_none() => Ok(None),
        Some(o) => text_of(o, what).map(|t| Some(t.text)),
    }
}

/// Reads `published`: an ISO string, a `datetime.date`/`datetime`, or None.
pub fn published_of(obj: Option<&Bound<'_, PyAny>>) -> Result<Option<Date>, Problem> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let iso = if let Ok(s) = obj.cast::<PyString>() {
        s.to_cow().map(|c| c.into_owned()).unwrap_or_default()
    } else if obj.hasattr("isoformat").unwrap_or(false) && obj.hasattr("year").unwrap_or(false) {
        obj.call_method0("isoformat")
            .and_then(|s| s.extract::<String>())
            .map_err(|e| Problem::value_error(format!("published.isoformat() failed: {e}")))?
    } else {
        return Err(Problem::type_error(format!(
            "published must be an ISO date string, datetime.date, datetime.datetime or None, got {}",
            type_name(obj)
        )));
    };
    Date::parse_iso(&iso).map(Some).ok_or_else(|| {
        Problem::value_error(format!(
            "published must be an ISO 8601 date like '2020-12-28' (a time part may follow), got {iso:?}"
        ))
    })
}

/// Reads `lang`: "id", "en" or None.
pub fn lang_of(obj: Option<&Bound<'_, PyAny>>) -> Result<Option<Lang>, Problem> {
    match opt_string(obj, "lang")? {
        None => Ok(None),
        Some(code) => match Lang::from_code(&code) {
            Some(Lang::Und) | None => Err(Problem::value_error(format!(
                "lang must be 'id', 'en' or None (detect), got {code:?}"
            ))),
            some => Ok(some),
        },
    }
}

/// Reads `layout`: "article" or "plain".
pub fn layout_of(name: &str) -> Result<Layout, Problem> {
    Layout::from_name(name).ok_or_else(|| {
        Problem::value_error(format!("layout must be 'article' or 'plain', got {name:?}"))
    })
}

/// Reads one batch item: a `str`, or a mapping with `text` and optional
/// `id`, `published`, `title`, `lang`, `url`, `layout`.
pub fn item_of(obj: &Bound<'_, PyAny>, layout: Layout) -> Result<OwnedInput, Problem> {
    if obj.is_instance_of::<PyString>() {
        return Ok(OwnedInput {
            text: text_of(obj, "text")?,
            published: None,
            lang: None,
            layout,
            id: None,
            title: None,
            url: None,
            meta: None,
        });
    }
    let get = |key: &str| -> Result<Option<Bound<'_, PyAny>>, Problem> {
        if let Ok(d) = obj.cast::<PyDict>() {
            return d
                .get_item(key)
                .map_err(|e| Problem::value_error(format!("reading {key:?} failed: {e}")));
        }
        let m = obj.cast::<PyMapping>().map_err(|_| {
            Problem::type_error(format!(
                "expected str or a mapping with a 'text' key, got {}",
                type_name(obj)
            ))
        })?;
        match m.contains(key) {
            Ok(true) => m
                .get_item(key)
                .map(Some)
                .map_err(|e| Problem::value_error(format!("reading {key:?} failed: {e}"))),
            Ok(false) => Ok(None),
            Err(e) => Err(Problem::value_error(format!("reading {key:?} failed: {e}"))),
        }
    };
    let text = match get("text")? {
        Some(t) => text_of(&t, "'text'")?,
        None => return Err(Problem::value_error("mapping has no 'text' key")),
    };
    let layout = match opt_string(get("layout")?.as_ref(), "'layout'")? {
        Some(name) => layout_of(&name)?,
        None => layout,
    };
    Ok(OwnedInput {
        text,
        published: published_of(get("published")?.as_ref())?,
        lang: lang_of(get("lang")?.as_ref())?,
        layout,
        id: get("id")?.filter(|v| !v.is_none()).map(Bound::unbind),
        title: opt_string(get("title")?.as_ref(), "'title'")?,
        url: opt_string(get("url")?.as_ref(), "'url'")?,
        meta: meta_of(obj),
    })
}

/// Fields the API reads itself; every other field of a record is metadata.
const RESERVED: &[&str] = &["text", "id", "published", "lang", "title", "url", "layout"];

/// A record's other fields, so that `source`, `category` and the like travel with it.
fn meta_of(obj: &Bound<'_, PyAny>) -> Option<Py<PyDict>> {
    let d = obj.cast::<PyDict>().ok()?;
    let meta = PyDict::new(obj.py());
    for (key, value) in d.iter() {
        let reserved = key
            .extract::<String>()
            .is_ok_and(|k| RESERVED.contains(&k.as_str()));
        if !reserved {
            meta.set_item(key, value).ok()?;
        }
    }
    (!meta.is_empty()).then(|| meta.unbind())
}

/// The id of a batch item that could not be read, when it has one.
pub fn item_id(obj: &Bound<'_, PyAny>) -> Option<Py<PyAny>> {
    let d = obj.cast::<PyDict>().ok()?;
    d.get_item("id")
        .ok()
        .flatten()
        .filter(|v| !v.is_none())
        .map(Bound::unbind)
}

/// The type name of `obj` for messages.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".to_string())
}
