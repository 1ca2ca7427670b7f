"""Readers: articles from JSONL, CSV, folders of text files and standard input, lazily.

Every reader yields plain dicts that ``warta.parse_many``/``parse_stream`` accept: ``text``
plus ``id`` and, where the input has them, ``published``, ``title``, ``url``, ``lang`` and
any other fields of the record (the parser ignores those). Files ending in ``.gz`` (or
starting with gzip's magic bytes) are decompressed on the fly. Nothing is read before the
first record is asked for, and only one record is held at a time.

>>> import warta
>>> docs = warta.parse_files("seeds/")
>>> docs[0]["id"], docs[0]["title"]
('000_8153dd4851bd7597.txt', 'Pejabat Tinggi Mesir Kembali Kunjungi Libya')
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Optional, Union

from warta._errors import InputError

if TYPE_CHECKING:
    from warta._api import OnError, Pipeline
    from warta._types import Article

PathLike = Union[str, "os.PathLike[str]"]
Source = Union[PathLike, IO[str]]
Field = Union[str, Callable[[Mapping[str, Any]], Any], None]
"""A field name in the record, a function of the record, or None (no such field)."""

_GZIP_MAGIC = b"\x1f\x8b"
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
_CSV_SUFFIXES = (".csv", ".tsv")
_TEXT_SUFFIXES = (".txt",)


def _open(path: Path, newline: Optional[str] = "", encoding: str = "utf-8-sig") -> IO[str]:
    """Opens a file as UTF-8 text, decompressing gzip whatever its name. ``newline`` as
    in ``open``: "" (the default) keeps line ends as they are. "utf-8-sig" drops the byte
    order mark that spreadsheet exports put first, and reads plain UTF-8 the same."""
    try:
        raw = path.open("rb")
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
    magic = raw.peek(2)[:2] if isinstance(raw, io.BufferedReader) else b""
    if magic == _GZIP_MAGIC:
        raw.close()
        return gzip.open(path, "rt", encoding=encoding, newline=newline)
    return io.TextIOWrapper(raw, encoding=encoding, newline=newline)


def _name(source: Source) -> str:
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return str(getattr(source, "name", "<stream>"))


def _get(record: Mapping[str, Any], field: Field) -> Any:
    if field is None:
        return None
    if callable(field):
        return field(record)
    return record.get(field)


def _item(
    record: Mapping[str, Any],
    where: str,
    default_id: str,
    text: Field,
    id: Field,
    published: Field,
) -> dict[str, Any]:
    """Builds a parse item from a record: the record's fields plus text/id/published."""
    body = _get(record, text)
    if body is None:
        fields = ", ".join(repr(k) for k in list(record)[:10]) or "none"
        raise InputError(f"{where}: no {text!r} field (fields: {fields})")
    if not isinstance(body, str):
        raise InputError(f"{where}: {text!r} must be a string, got {type(body).__name__}")
    item = dict(record)
    item["text"] = body
    key = _get(record, id)
    item["id"] = default_id if key is None or key == "" else key
    when = _get(record, published)
    if when == "":
        when = None
    item["published"] = when
    return item


def read_jsonl(
    source: Source,
    *,
    text: Field = "text",
    id: Field = "id",
    published: Field = "published",
) -> Iterator[dict[str, Any]]:
    """Yields one parse item per line of a JSON Lines file (or ``.jsonl.gz``), lazily.

    ``source`` is a path or an open text stream (``sys.stdin``). ``text``, ``id`` and
    ``published`` name the fields that hold the article text, its id and its publication
    date, or are functions of the record. A record without an id gets ``"FILE:LINE"``.
    Blank lines are skipped; a line that is not a JSON object raises ``warta.InputError``
    naming the file and the line number. A file that is one JSON array of objects (it
    starts with ``[``) is read whole and yields its objects.
    """
    name = _name(source)
    stream = _open(Path(source)) if isinstance(source, (str, os.PathLike)) else source
    try:
        for line_no, line in enumerate(stream, 1):
            if not line.strip():
                continue
            if line_no == 1 and line.lstrip().startswith("["):
                yield from _json_array(line + stream.read(), name, text, id, published)
                return
            where = f"{name}:{line_no}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{where}: invalid JSON ({e.msg}, column {e.colno})") from None
            if not isinstance(record, dict):
                kind = type(record).__name__
                raise InputError(f"{where}: expected a JSON object, got {kind}")
            yield _item(record, where, where, text, id, published)
    except (UnicodeDecodeError, EOFError, gzip.BadGzipFile) as e:
        raise InputError(f"{name}: cannot decode ({e})") from None
    finally:
        if stream is not source:
            stream.close()


def _json_array(
    content: str, name: str, text: Field, id: Field, published: Field
) -> Iterator[dict[str, Any]]:
    try:
        records = json.loads(content)
    except json.JSONDecodeError as e:
        raise InputError(f"{name}:{e.lineno}: invalid JSON ({e.msg}, column {e.colno})") from None
    if not isinstance(records, list):
        raise InputError(f"{name}: expected a JSON array of objects")
    for i, record in enumerate(records):
        where = f"{name}[{i}]"
        if not isinstance(record, dict):
            raise InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
        yield _item(record, where, where, text, id, published)


def read_csv(
    source: Source,
    *,
    text: Field = "text",
    id: Field = "id",
    published: Field = "published",
    delimiter: Optional[str] = None,
) -> Iterator[dict[str, Any]]:
    """Yields one parse item per row of a CSV file with a header row (or ``.csv.gz``).

    Fields are as in :func:`read_jsonl`; every column of the row is kept. The delimiter
    is ``"\\t"`` for ``.tsv`` files and ``","`` otherwise unless given. A row without an
    id gets ``"FILE:LINE"``; a bad row raises ``warta.InputError`` naming the line.
    """
    name = _name(source)
    if delimiter is None:
        delimiter = "\t" if ".tsv" in Path(name).suffixes else ","
    stream = _open(Path(source)) if isinstance(source, (str, os.PathLike)) else source
    _allow_long_fields()
    try:
        reader = csv.DictReader(stream, delimiter=delimiter)
        line_no = 1
        try:
            for row in reader:
                where = f"{name}:{line_no + 1}"
                line_no = reader.line_num
                if None in row:
                    raise InputError(f"{where}: more fields than the header has")
                yield _item(row, where, where, text, id, published)
        except csv.Error as e:
            raise InputError(f"{name}:{reader.line_num}: {e}") from None
    except (UnicodeDecodeError, EOFError, gzip.BadGzipFile) as e:
        raise InputError(f"{name}: cannot decode ({e})") from None
    finally:
        if stream is not source:
            stream.close()


def _allow_long_fields() -> None:
    # Article bodies exceed csv's default 128 KiB field limit now and then.
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 10


def read_dir(
    path: PathLike, pattern: str = "*.txt", *, recursive: bool = True
) -> Iterator[dict[str, Any]]:
    """Yields one parse item per text file under ``path`` matching ``pattern``, in sorted
    order; each file is one article and its id is its path relative to ``path``."""
    root = Path(path)
    if not root.is_dir():
        raise InputError(f"{root}: not a directory")
    files = root.rglob(pattern) if recursive else root.glob(pattern)
    for file in sorted(p for p in files if p.is_file()):
        yield {"id": file.relative_to(root).as_posix(), "text": _read_text(file)}


def _read_text(file: Path) -> str:
    # Line ends are translated as ``open(file).read()`` does, so that offsets match the
    # text a user reads back the ordinary way.
    with _open(file, newline=None, encoding="utf-8") as f:
        try:
            return f.read()
        except (UnicodeDecodeError, EOFError, gzip.BadGzipFile) as e:
            raise InputError(f"{file}: cannot decode ({e})") from None


def _kind(path: Path) -> Optional[str]:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    last = suffixes[-1] if suffixes else ""
    if last in _JSONL_SUFFIXES:
        return "jsonl"
    if last in _CSV_SUFFIXES:
        return "csv"
    if last in _TEXT_SUFFIXES:
        return "txt"
    return None


def check_inputs(inputs: Iterable[PathLike]) -> list[str]:
    """Returns the inputs as strings after checking that each is ``-``, a directory or a
    readable file of a known kind; raises ``warta.InputError`` on the first that is not."""
    names = [os.fspath(p) for p in ([inputs] if isinstance(inputs, (str, os.PathLike)) else inputs)]
    for name in names:
        if name == "-":
            continue
        path = Path(name)
        if path.is_dir():
            continue
        if not path.exists():
            raise InputError(f"{name}: no such file or directory")
        if not os.access(path, os.R_OK):
            raise InputError(f"{name}: permission denied")
        if _kind(path) is None:
            known = ".txt, .jsonl, .json, .csv, .tsv"
            raise InputError(f"{name}: unknown kind of file (expected {known})")
    return names


def read_files(
    inputs: Union[PathLike, Iterable[PathLike]],
    *,
    text: Field = "text",
    id: Field = "id",
    published: Field = "published",
) -> Iterator[dict[str, Any]]:
    """Yields parse items from files, directories and ``-`` (JSON Lines on stdin), lazily.

    The kind of a file follows its name: ``.txt`` (one article); ``.jsonl``, ``.ndjson``
    and ``.json`` (:func:`read_jsonl`; a ``.json`` file may also be one array of
    objects); ``.csv`` and ``.tsv`` (:func:`read_csv`); each optionally ``.gz``. A
    directory yields every such file under it, in sorted order; a ``.txt`` file's id is
    its path relative to the directory given (its name when given directly).
    """
    names = check_inputs(inputs if not isinstance(inputs, (str, os.PathLike)) else [inputs])
    for name in names:
        if name == "-":
            yield from read_jsonl(sys.stdin, text=text, id=id, published=published)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _kind(p) is not None)
            pairs = [(f, f.relative_to(path).as_posix()) for f in files]
        else:
            pairs = [(path, path.name)]
        for file, rel in pairs:
            kind = _kind(file)
            if kind == "jsonl":
                yield from read_jsonl(file, text=text, id=id, published=published)
            elif kind == "csv":
                yield from read_csv(file, text=text, id=id, published=published)
            else:
                yield {"id": rel, "text": _read_text(file)}


def parse_files(
    inputs: Union[PathLike, Iterable[PathLike]],
    *,
    text: Field = "text",
    id: Field = "id",
    published: Field = "published",
    pipeline: Optional[Pipeline] = None,
    threads: Optional[int] = None,
    on_error: OnError = "raise",
    progress: Optional[bool] = None,
    batch_size: int = 1_000,
    layout: str = "article",
) -> list[Article]:
    """Reads and parses files in one call (see :func:`read_files` for what is read) and
    returns the article dicts in input order.

    Records are read lazily and parsed ``batch_size`` at a time in parallel, so only the
    results are held in memory; for inputs too large for that, loop over
    ``warta.parse_stream(warta.read_files(...))`` instead. ``progress`` shows a tqdm bar
    (notebook-aware); None shows it when standard error is a terminal or in Jupyter.
    """
    from warta._api import default_pipeline

    nlp = pipeline if pipeline is not None else default_pipeline()
    items = read_files(inputs, text=text, id=id, published=published)
    out: list[Article] = []
    bar = progress_bar(progress)
    try:
        for doc in nlp.parse_stream(
            items, batch_size=batch_size, threads=threads, on_error=on_error, layout=layout
        ):
            out.append(doc)
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
    return out


def progress_bar(progress: Optional[bool], total: Optional[int] = None) -> Any:
    """A tqdm bar on standard error (notebook-aware), or None. ``progress=True`` shows it
    at once; None shows it, after a second's delay so that quick runs stay quiet, when a
    terminal or a notebook is there to see it; False never."""
    if progress is False:
        return None
    if progress is None and not (_stderr_is_tty() or "ipykernel" in sys.modules):
        return None
    from tqdm.auto import tqdm

    delay = 0.0 if progress else 1.0
    return tqdm(total=total, unit=" articles", desc="warta", file=sys.stderr, delay=delay)


def _stderr_is_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False
