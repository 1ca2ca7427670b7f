"""The command line: warta parse INPUT... [-o OUT] [--format jsonl|csv|parquet].

"python -m warta" is the same, and "warta INPUT..." means "warta parse INPUT...".

Inputs are .txt files (one article each; id = file name), .jsonl/.ndjson/.json files
(one JSON object per line with a "text" field, or one array of such objects), .csv/.tsv
files (a header row and a "text" column), any of them gzipped (.gz), directories of
those, or - for JSON Lines on standard input. Records are read, parsed and written in
batches, so memory stays bounded whatever the size of the input.

Output: jsonl (the default) writes one article dict per line to standard output or to
-o FILE (gzipped when FILE ends in .gz). csv and parquet write the five tables of
warta.to_frames (articles, mentions, entities, quotes, dates) into the directory -o DIR;
parquet needs pyarrow.

Exit status: 0 on success, 1 when an input cannot be read (the message names the file
and, for JSON Lines and CSV, the line), 2 on a usage error, 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import gzip
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Optional

import warta
from warta.frames import SCHEMA, TABLES, rows
from warta.readers import check_inputs, progress_bar, read_files

_SUBCOMMANDS = ("parse",)
FORMATS = ("jsonl", "csv", "parquet")


class _Fail(Exception):
    """An error reported as ``warta: MESSAGE`` with an exit status."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="warta",
        description="Turns news articles into tables: people, organisations, places, "
        "dates, quotes and credits.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "parse",
        help="parse articles into JSON lines or tables",
        description=__doc__.split("\n\n", 2)[2] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, or - (stdin)")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="output file (jsonl; default: stdout) or directory (csv, parquet)",
    )
    p.add_argument("--format", choices=FORMATS, default="jsonl", help="output format")
    p.add_argument(
        "--threads",
        type=int,
        default=None,
        metavar="N",
        help="worker threads (default: WARTA_NUM_THREADS or all cores)",
    )
    p.add_argument("--published-field", default="published", metavar="F",
                   help="field holding the publication date (default: published)")  # fmt: skip
    p.add_argument("--text-field", default="text", metavar="F",
                   help="field holding the article text (default: text)")  # fmt: skip
    p.add_argument("--id-field", default="id", metavar="F",
                   help="field holding the article id (default: id)")  # fmt: skip
    p.add_argument("--lang", choices=("id", "en"), help="language (default: detect)")
    p.add_argument(
        "--layout",
        choices=("article", "plain"),
        default="article",
        help="plain: the whole text is body (posts, transcripts)",
    )
    p.add_argument("--batch-size", type=int, default=1000, metavar="N",
                   help="articles parsed together (bounds memory; default 1000)")  # fmt: skip
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar on stderr (default: when stderr is a terminal)")  # fmt: skip
    parser.add_argument("--version", action="version", version=f"warta {warta.__version__}")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point of the ``warta`` command; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in _SUBCOMMANDS and args[0] not in ("-h", "--help", "--version"):
        args.insert(0, "parse")  # `warta seeds/` is `warta parse seeds/`
    parser = _parser()
    ns = parser.parse_args(args)
    if ns.batch_size < 1:
        parser.error("--batch-size must be at least 1")
    if ns.threads is not None and ns.threads < 1:
        parser.error("--threads must be at least 1")
    if ns.format != "jsonl" and not ns.output:
        parser.error(f"--format {ns.format} writes five tables: give a directory with -o DIR")
    try:
        count = _run(ns)
    except _Fail as e:
        print(f"warta: {e}", file=sys.stderr)
        return e.status
    except warta.WartaError as e:
        print(f"warta: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("warta: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`warta parse x.jsonl | head`): not an error.
        _silence_stdout()
        return 0
    if ns.output:
        print(f"warta: wrote {count} articles to {ns.output}", file=sys.stderr)
    return 0


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _run(ns: argparse.Namespace) -> int:
    inputs = check_inputs(ns.inputs)  # fail before writing anything
    items = read_files(
        inputs, text=ns.text_field, id=ns.id_field, published=ns.published_field or None
    )
    pipeline = warta.Pipeline(lang=ns.lang)
    docs = pipeline.parse_stream(
        items,
        batch_size=ns.batch_size,
        threads=ns.threads,
        on_error="record",
        layout=ns.layout,
    )
    progress = ns.progress
    if progress is None and ns.format == "jsonl" and not ns.output and _is_tty(sys.stdout):
        progress = False  # the articles scroll past on the same terminal: no bar among them
    bar = progress_bar(progress)
    try:
        if ns.format == "jsonl":
            return _write_jsonl(docs, ns.output, ns.batch_size, bar)
        return _write_tables(docs, Path(ns.output), ns.format, ns.batch_size, bar)
    except (OSError, UnicodeError) as e:
        if isinstance(e, BrokenPipeError):
            raise
        raise _Fail(str(e)) from None
    finally:
        if bar is not None:
            bar.close()


def _is_tty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _open_output(name: str) -> IO[str]:
    try:
        if name.endswith(".gz"):
            return gzip.open(name, "wt", encoding="utf-8")
        return open(name, "w", encoding="utf-8")
    except OSError as e:
        raise _Fail(f"cannot write {name}: {e.strerror or e}", 1) from None


def _write_jsonl(
    docs: Iterable[Mapping[str, Any]], output: Optional[str], batch_size: int, bar: Any
) -> int:
    out = _open_output(output) if output else sys.stdout
    count = 0
    try:
        for doc in docs:
            out.write(json.dumps(doc, ensure_ascii=False))
            out.write("\n")
            count += 1
            if bar is not None:
                bar.update(1)
            if count % batch_size == 0:
                out.flush()  # a batch is done: let a pipe's reader have it now
        out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
    return count


def _batches(docs: Iterable[Mapping[str, Any]], size: int) -> Iterable[list[Mapping[str, Any]]]:
    batch: list[Mapping[str, Any]] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _string_keys(table: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Ids may be ints in one batch and strings in another: tables store them as text.
    for row in table:
        row["article_id"] = str(row["article_id"])
    return table


def _write_tables(
    docs: Iterable[Mapping[str, Any]], directory: Path, fmt: str, batch_size: int, bar: Any
) -> int:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise _Fail(f"cannot create {directory}: {e.strerror or e}") from None
    writer = _CsvTables(directory) if fmt == "csv" else _ParquetTables(directory)
    count = 0
    try:
        for batch in _batches(docs, batch_size):
            tables = rows(batch, start=count)
            writer.write({name: _string_keys(tables[name]) for name in TABLES})
            count += len(batch)
            if bar is not None:
                bar.update(len(batch))
    finally:
        writer.close()
    return count


class _CsvTables:
    """Five CSV files, appended to batch by batch."""

    def __init__(self, directory: Path) -> None:
        self.files: dict[str, IO[str]] = {}
        self.writers: dict[str, csv.DictWriter[str]] = {}
        for name in TABLES:
            f = (directory / f"{name}.csv").open("w", encoding="utf-8", newline="")
            self.files[name] = f
            w = csv.DictWriter(f, fieldnames=list(SCHEMA[name]))
            w.writeheader()
            self.writers[name] = w

    def write(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        for name, table in tables.items():
            self.writers[name].writerows(
                {k: v.isoformat() if isinstance(v, datetime.date) else v for k, v in row.items()}
                for row in table
            )

    def close(self) -> None:
        for f in self.files.values():
            f.close()


class _ParquetTables:
    """Five Parquet files, one row group per batch."""

    def __init__(self, directory: Path) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise _Fail("--format parquet needs pyarrow: pip install pyarrow", 2) from None
        types = {
            "key": pa.string(),
            "str": pa.string(),
            "cat": pa.string(),
            "int": pa.int64(),
            "bool": pa.bool_(),
            "date": pa.date32(),
        }
        self.pa = pa
        self.schemas = {
            name: pa.schema([(col, types[kind]) for col, kind in SCHEMA[name].items()])
            for name in TABLES
        }
        self.writers = {
            name: pq.ParquetWriter(str(directory / f"{name}.parquet"), self.schemas[name])
            for name in TABLES
        }

    def write(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        for name, table in tables.items():
            if table:
                batch = self.pa.Table.from_pylist(table, schema=self.schemas[name])
                self.writers[name].write_table(batch)

    def close(self) -> None:
        for w in self.writers.values():
            w.close()
