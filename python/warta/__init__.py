"""warta: who, when and who-said-what from news articles, in Rust.

>>> import warta
>>> doc = warta.parse("Presiden Joko Widodo tiba di Jakarta.", layout="plain")
>>> doc["lang"]
'id'
"""

from __future__ import annotations

from warta._api import Pipeline, default_pipeline, parse, parse_many, parse_stream
from warta._errors import ConfigError, InputError, InputTypeError, ModelError, WartaError
from warta._native import __version__, default_threads, detect_lang
from warta._types import (
    Acronym,
    Article,
    Credits,
    Dateline,
    DateMention,
    Entity,
    Mention,
    Paragraph,
    Quote,
)

__all__ = [
    "Acronym",
    "Article",
    "ConfigError",
    "Credits",
    "DateMention",
    "Dateline",
    "Entity",
    "InputError",
    "InputTypeError",
    "Mention",
    "ModelError",
    "Paragraph",
    "Pipeline",
    "Quote",
    "WartaError",
    "__version__",
    "default_pipeline",
    "default_threads",
    "detect_lang",
    "parse",
    "parse_many",
    "parse_stream",
]
