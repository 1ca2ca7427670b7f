"""The command line: ``warta parse INPUT... [-o OUT]`` (``python -m warta`` is the same).

Inputs are ``.txt`` files (one article each, id = file name), ``.jsonl``/``.jsonl.gz``
files (one JSON object per line with a ``text`` field), directories of those, or ``-``
for standard input (JSONL). Output is one JSON object per article, streamed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, Optional

import warta

_SUBCOMMANDS = ("parse",)


def _open_text(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def _jsonl_records(lines: IO[str], source: str, published_field: Optional[str]) -> Iterator[Any]:
    for line_no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise warta.InputError(f"{source}:{line_no}: invalid JSON ({e.msg})") from None
        if not isinstance(record, dict):
            raise warta.InputError(f"{source}:{line_no}: expected a JSON object per line")
        if published_field and published_field in record:
            record["published"] = record[published_field]
        yield record


def _is_jsonl(path: Path) -> bool:
    suffixes = path.suffixes
    return bool(suffixes) and suffixes[0] in (".jsonl", ".ndjson")


def iter_inputs(paths: Sequence[str], published_field: Optional[str] = None) -> Iterator[Any]:
    """Yields parse items from files, directories and ``-`` (stdin), lazily."""
    for name in paths:
        if name == "-":
            yield from _jsonl_records(sys.stdin, "<stdin>", published_field)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and (p.suffix == ".txt" or _is_jsonl(p))
            )
        elif path.exists():
            files = [path]
        else:
            raise warta.InputError(f"{name}: no such file or directory")
        for file in files:
            if _is_jsonl(file):
                with _open_text(file) as f:
                    yield from _jsonl_records(f, str(file), published_field)
            else:
                with _open_text(file) as f:
                    yield {"id": file.name, "text": f.read()}


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point of the ``warta`` command."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in _SUBCOMMANDS and args[0] not in ("-h", "--help"):
        args.insert(0, "parse")  # `warta seeds/` is `warta parse seeds/`
    parser = argparse.ArgumentParser(prog="warta", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse articles into JSON lines")
    p.add_argument("inputs", nargs="+", help="files, directories, or - for stdin (JSONL)")
    p.add_argument("-o", "--output", help="output file (default: stdout)")
    p.add_argument("--threads", type=int, default=None, help="worker threads (default: all)")
    p.add_argument("--published-field", help="JSONL field holding the publication date")
    p.add_argument("--lang", choices=("id", "en"), help="language (default: detect)")
    p.add_argument("--batch-size", type=int, default=1000)
    ns = parser.parse_args(args)

    try:
        out: IO[str] = open(ns.output, "w", encoding="utf-8") if ns.output else sys.stdout
    except OSError as e:
        print(f"warta: cannot write {ns.output}: {e}", file=sys.stderr)
        return 2
    pipeline = warta.Pipeline(lang=ns.lang)
    count = 0
    try:
        items = iter_inputs(ns.inputs, ns.published_field)
        for doc in pipeline.parse_stream(
            items, batch_size=ns.batch_size, threads=ns.threads, on_error="record"
        ):
            out.write(json.dumps(doc, ensure_ascii=False))
            out.write("\n")
            count += 1
    except (warta.WartaError, OSError, UnicodeDecodeError) as e:
        print(f"warta: {e}", file=sys.stderr)
        return 1
    finally:
        if out is not sys.stdout:
            out.close()
    if ns.output:
        print(f"warta: wrote {count} articles to {ns.output}", file=sys.stderr)
    return 0
