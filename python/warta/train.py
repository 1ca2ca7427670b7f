"""Train warta's entity model on your own annotated data.

``python -m warta.train --conll FILE [--iob2 FILE] [--jsonl FILE] [--unlabeled TEXTS.jsonl]
[--epochs 12] [--seed 1] [--prune 1.0] [--bagging 5] -o model.bin``

``python -m warta.train --reproduce [DATA_DIR]`` retrains the built-in model from the data it
was trained on (``DATA_DIR`` defaults to ``../shared/data``): idner-news-2k/train.txt,
nergrit/train_preprocess.txt, and (after features and settings were chosen on them)
nergrit/valid_preprocess.txt and idner-news-2k/dev.txt, with capitalisation statistics from
corpus/indosum-dev.jsonl.

The model is an averaged structured perceptron over BIO tags with hand-built features
(word shape, affixes, neighbouring words, capitalised runs, built-in word lists) and a
capitalisation table from unlabeled text. Training is single-threaded and deterministic
for a given seed; a model of a few thousand sentences trains in seconds.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence
from typing import Any, Optional, Union, cast

from warta import _native
from warta.evaluate import FORMATS, guess_format

PathLike = Union[str, "os.PathLike[str]"]
FileSpec = Union[PathLike, tuple[PathLike, str]]

REPRODUCE_FILES = (
    ("id/idner-news-2k/train.txt", "conll"),
    ("id/nergrit/train_preprocess.txt", "conll"),
    # Model selection was done on these two; the shipped models are then trained on them too.
    ("id/nergrit/valid_preprocess.txt", "conll"),
    ("id/idner-news-2k/dev.txt", "conll"),
)
REPRODUCE_UNLABELED = ("corpus/indosum-dev.jsonl",)


def train(
    files: Iterable[FileSpec],
    *,
    unlabeled: Iterable[PathLike] = (),
    epochs: int = 12,
    seed: int = 1,
    prune: float = 1.0,
    bagging: int = 5,
    output: Optional[PathLike] = None,
    verbose: bool = False,
) -> bytes:
    """Trains an entity model and returns the model file's bytes (also written to
    ``output`` when given).

    ``files``: annotated files, each a path (format from the name: .iob2/.conllu, .jsonl,
    else CoNLL columns) or a ``(path, format)`` pair. ``unlabeled``: JSONL files whose
    ``text`` fields give capitalisation statistics (recommended: news in the target
    language). ``prune``: features whose weights all stay under this are dropped.
    ``bagging``: that many models, from seeds ``seed``, ``seed + 1``, ..., are averaged.
    Releases the GIL while training.
    """
    pairs: list[tuple[str, str]] = []
    for spec in files:
        if isinstance(spec, tuple):
            path, fmt = os.fspath(spec[0]), spec[1]
        else:
            path, fmt = os.fspath(spec), guess_format(spec)
        if fmt not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        pairs.append((path, fmt))
    if not pairs:
        raise ValueError("train needs at least one annotated file")
    if epochs < 1 or bagging < 1:
        raise ValueError("epochs and bagging must be at least 1")
    # A private entry point, typed here rather than in the public stub.
    model: bytes = cast(Any, _native)._train_ner(
        pairs,
        [os.fspath(p) for p in unlabeled],
        epochs=epochs,
        seed=seed,
        prune=prune,
        bagging=bagging,
        verbose=verbose,
    )
    if output is not None:
        with open(output, "wb") as fh:
            fh.write(model)
    return model


def main(argv: Optional[Sequence[str]] = None) -> int:
    """The command line; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m warta.train", description="Train warta's entity model."
    )
    for fmt in FORMATS:
        parser.add_argument(
            f"--{fmt}", action="append", default=[], metavar="FILE", help=f"{fmt} training data"
        )
    parser.add_argument(
        "--unlabeled", action="append", default=[], metavar="FILE", help="JSONL texts"
    )
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--prune", type=float, default=1.0)
    parser.add_argument("--bagging", type=int, default=5, help="models averaged")
    parser.add_argument(
        "--reproduce",
        nargs="?",
        const="../shared/data",
        metavar="DATA_DIR",
        help="retrain the built-in model from DATA_DIR (default ../shared/data)",
    )
    parser.add_argument("-o", "--output", required=True, help="where to write the model")
    parser.add_argument("-q", "--quiet", action="store_true")
    args = parser.parse_args(argv)
    files: list[FileSpec] = [(p, fmt) for fmt in FORMATS for p in getattr(args, fmt)]
    unlabeled: list[PathLike] = list(args.unlabeled)
    if args.reproduce:
        files += [(os.path.join(args.reproduce, p), f) for p, f in REPRODUCE_FILES]
        unlabeled += [os.path.join(args.reproduce, p) for p in REPRODUCE_UNLABELED]
    if not files:
        parser.error("give training data (--conll/--iob2/--jsonl) or --reproduce")
    try:
        model = train(
            files,
            unlabeled=unlabeled,
            epochs=args.epochs,
            seed=args.seed,
            prune=args.prune,
            bagging=args.bagging,
            output=args.output,
            verbose=not args.quiet,
        )
    except (OSError, ValueError) as err:
        print(f"warta.train: {err}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"wrote {args.output} ({len(model)} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
