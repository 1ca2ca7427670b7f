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
from warta.analytics import (
    cooccurrence,
    cooccurrence_graph,
    quotes_by,
    timeline,
    top_entities,
    top_speakers,
)
from warta.display import Doc, parse_doc, render
from warta.frames import Frames, to_frames
from warta.readers import parse_files, read_csv, read_dir, read_files, read_jsonl

__all__ = [
    "Acronym",
    "Article",
    "ConfigError",
    "Credits",
    "DateMention",
    "Dateline",
    "Doc",
    "Entity",
    "Frames",
    "InputError",
    "InputTypeError",
    "Mention",
    "ModelError",
    "Paragraph",
    "Pipeline",
    "Quote",
    "WartaError",
    "__version__",
    "cooccurrence",
    "cooccurrence_graph",
    "default_pipeline",
    "default_threads",
    "detect_lang",
    "parse",
    "parse_doc",
    "parse_files",
    "parse_many",
    "parse_stream",
    "quotes_by",
    "read_csv",
    "read_dir",
    "read_files",
    "read_jsonl",
    "render",
    "timeline",
    "to_frames",
    "top_entities",
    "top_speakers",
]
