"""Reading a newsroom's own gazetteer from Python objects or a CSV/JSONL file."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Union

from warta._errors import ConfigError

_FIELDS = ("name", "label", "canonical", "id")


def load_gazetteer(source: Union[Iterable[Any], str, os.PathLike[str]]) -> list[dict[str, Any]]:
    """Normalises a gazetteer to a list of dicts with name, label, canonical and id.

    ``source`` is a path to a ``.csv`` (header with at least ``name,label``) or
    ``.jsonl`` file, or an iterable of dicts or ``(name, label[, canonical[, id]])`` tuples.
    """
    if isinstance(source, (str, os.PathLike)):
        return _read_file(Path(source))
    entries: list[dict[str, Any]] = []
    for i, item in enumerate(source):
        if isinstance(item, Mapping):
            entries.append({k: item.get(k) for k in _FIELDS})
        elif isinstance(item, (tuple, list)) and 2 <= len(item) <= 4:
            entries.append(dict(zip(_FIELDS, item)))
        else:
            raise ConfigError(
                f"gazetteer entry {i}: expected a dict or a (name, label[, canonical[, id]]) "
                f"tuple, got {type(item).__name__}"
            )
    return entries


def _read_file(path: Path) -> list[dict[str, Any]]:
    try:
        if path.suffix.lower() == ".csv":
            with path.open(newline="", encoding="utf-8") as f:
                reader = csv.DictReader(f)
                missing = {"name", "label"} - set(reader.fieldnames or ())
                if missing:
                    raise ConfigError(f"{path}: CSV header lacks {sorted(missing)}")
                return [{k: row.get(k) or None for k in _FIELDS} for row in reader]
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            entries = []
            with path.open(encoding="utf-8") as f:
                for line_no, line in enumerate(f, 1):
                    if not line.strip():
                        continue
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as e:
                        raise ConfigError(f"{path}:{line_no}: invalid JSON: {e.msg}") from None
                    if not isinstance(row, dict):
                        raise ConfigError(f"{path}:{line_no}: expected a JSON object")
                    entries.append({k: row.get(k) for k in _FIELDS})
            return entries
    except OSError as e:
        raise ConfigError(f"cannot read gazetteer {path}: {e}") from e
    raise ConfigError(f"gazetteer file must be .csv or .jsonl, got {path.name!r}")
