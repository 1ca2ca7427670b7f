"""Score warta's entity extraction on annotated data.

``python -m warta.evaluate FILE [FILE ...] --format conll|iob2|jsonl [--lang id|en] [--model PATH]
[--json]``

Prints precision, recall and F1 (exact span and label), micro-averaged over PER/ORG/LOC
and per type. Each sentence's tokens are joined by single spaces and run as one body
paragraph (layout "plain"); predicted mentions are mapped back to the source tokens.
Types are read leniently: PERSON/PPL count as PER, ORGANISATION/ORGANIZATION as ORG,
PLACE/PLC/GPE/LOCATION as LOC; other types are ignored.

Formats: ``conll`` (whitespace-separated columns, token first, tag last, IOB or IOB2;
idner-news-2k, NERGrit, NERP), ``iob2`` (CoNLL-U-like, token in column 2 and tag in
column 3, ``#`` comment lines; Universal NER), ``jsonl`` (``{"tokens": [...], "tags":
[...]}`` or ``{"text": ..., "entities": [{"start", "end", "label"}]}`` with code-point
offsets).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, Optional, Union, cast

from warta import _native

FORMATS = ("conll", "iob2", "jsonl")
TYPES = ("PER", "ORG", "LOC")

PathLike = Union[str, "os.PathLike[str]"]


def guess_format(path: PathLike) -> str:
    """The data format a file name suggests: iob2 for .iob2/.conllu, jsonl for
    .jsonl/.json, conll otherwise."""
    name = os.fspath(path).lower()
    if name.endswith((".iob2", ".conllu")):
        return "iob2"
    if name.endswith((".jsonl", ".json", ".ndjson")):
        return "jsonl"
    return "conll"


def evaluate(
    path: PathLike,
    format: Optional[str] = None,
    *,
    model: Union[bytes, PathLike, None] = None,
    lang: str = "id",
) -> dict[str, Any]:
    """Scores entity extraction on one annotated file.

    ``model``: a model file (path or bytes from :func:`warta.train`), or None for the
    built-in models. ``lang``: "id" or "en", the language the sentences are read as (the
    built-in models differ by language). Returns ``{"PER": {...}, "ORG": {...},
    "LOC": {...}, "micro": {...}, "sentences": n}``; each inner dict has precision,
    recall, f1, tp, fp and fn.
    Releases the GIL and scores sentences in parallel.
    """
    fmt = format or guess_format(path)
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    weights: Optional[bytes]
    if model is None or isinstance(model, bytes):
        weights = model
    else:
        with open(model, "rb") as fh:
            weights = fh.read()
    # A private entry point, typed here rather than in the public stub.
    result: dict[str, Any] = cast(Any, _native)._evaluate_ner(os.fspath(path), fmt, weights, lang)
    return result


def format_report(name: str, scores: dict[str, Any]) -> str:
    """A plain-text table of one file's scores."""
    lines = [
        f"{name} ({scores['sentences']} sentences)",
        f"{'type':<6} {'precision':>9} {'recall':>9} {'f1':>9} {'tp':>6} {'fp':>6} {'fn':>6}",
    ]
    for key in (*TYPES, "micro"):
        c = scores[key]
        lines.append(
            f"{key:<6} {c['precision']:>9.4f} {c['recall']:>9.4f} {c['f1']:>9.4f} "
            f"{c['tp']:>6} {c['fp']:>6} {c['fn']:>6}"
        )
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """The command line; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m warta.evaluate",
        description="Score warta's PER/ORG/LOC extraction on annotated data.",
    )
    parser.add_argument("files", nargs="+", help="annotated files")
    parser.add_argument(
        "--format", choices=FORMATS, help="data format (default: from the file name)"
    )
    parser.add_argument("--model", help="a model file from warta.train (default: built-in)")
    parser.add_argument("--lang", default="id", choices=("id", "en"), help="language (default id)")
    parser.add_argument("--json", action="store_true", help="print JSON, one line per file")
    args = parser.parse_args(argv)
    status = 0
    for path in args.files:
        try:
            scores = evaluate(path, args.format, model=args.model, lang=args.lang)
        except (OSError, ValueError) as err:
            print(f"{path}: {err}", file=sys.stderr)
            status = 1
            continue
        if args.json:
            print(json.dumps({"file": path, **scores}))
        else:
            print(format_report(path, scores))
            print()
    return status


if __name__ == "__main__":
    sys.exit(main())
