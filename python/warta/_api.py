"""The public parsing API: Pipeline, parse, parse_many, parse_stream."""

from __future__ import annotations

import contextlib
import gc
import itertools
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, Optional, Union

from warta import _native
from warta._errors import InputError, InputTypeError, ModelError
from warta._types import Article

Item = Union[str, Mapping[str, Any]]
OnError = Literal["raise", "record"]

# A batch is cut into chunks of about this many characters, so that Ctrl-C and the
# progress bar get a turn every few tens of milliseconds.
_CHUNK_CHARS = 2_000_000
_CHUNK_ITEMS = 2_048
# parse_many shows a progress bar on its own from this many items.
_PROGRESS_MIN_ITEMS = 5_000


class Pipeline:
    """A configured pipeline. Build it once and reuse it: models, gazetteers and patterns
    are compiled at construction and shared by every call and thread.

    ``model`` is an entity model trained with ``warta.train`` (bytes, or the path of the
    file it wrote); it replaces the built-in models for every language.

    Pipelines are immutable, thread-safe and picklable (they rebuild from their options
    in the receiving process), so they travel to multiprocessing, Dask or Spark workers.

    >>> nlp = Pipeline(lang="id")
    >>> nlp.parse("Presiden tiba di Jakarta pada Senin (27/3).", layout="plain")["lang"]
    'id'
    """

    __slots__ = ("_native",)

    def __init__(
        self,
        *,
        lang: Optional[str] = None,
        gazetteer: Union[Iterable[Any], str, os.PathLike[str], None] = None,
        model: Union[bytes, str, os.PathLike[str], None] = None,
    ) -> None:
        from warta._gazetteer import load_gazetteer

        entries = None if gazetteer is None else load_gazetteer(gazetteer)
        self._native = _native.Pipeline(lang=lang, gazetteer=entries, model=_model_bytes(model))

    @property
    def lang(self) -> Optional[str]:
        """The language every article is read as, or None to detect it per article."""
        return self._native.lang

    @property
    def gazetteer(self) -> list[dict[str, Any]]:
        """The custom gazetteer entries (name, label, canonical, id)."""
        return self._native.gazetteer

    @property
    def model(self) -> Optional[bytes]:
        """The custom entity model (from ``warta.train``), or None for the built-in ones."""
        return self._native.model

    def __repr__(self) -> str:
        return repr(self._native)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.lang, self.gazetteer, self.model))

    def parse(
        self,
        text: str,
        *,
        published: Any = None,
        lang: Optional[str] = None,
        layout: str = "article",
        id: Any = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
    ) -> Article:
        """Parses one article into the article dict (see ``warta.Article``).

        ``published`` is an ISO date string, a ``datetime.date``/``datetime`` or None (then
        the dateline's date is used); relative dates resolve against it. ``lang`` is "id",
        "en" or None (detect). ``layout`` is "article" (find headline, dateline,
        subheadings, credits) or "plain" (all body). Releases the GIL while parsing.
        """
        return self._native.parse(
            text, published=published, lang=lang, layout=layout, id=id, title=title, url=url
        )

    def parse_many(
        self,
        items: Iterable[Item],
        *,
        threads: Optional[int] = None,
        on_error: OnError = "raise",
        progress: Optional[bool] = None,
        layout: str = "article",
    ) -> list[Article]:
        """Parses many articles in parallel and returns their dicts in input order,
        identical to calling :meth:`parse` on each.

        Items are ``str`` or mappings with ``text`` and optional ``id``, ``published``,
        ``title``, ``lang``, ``url``. ``threads`` defaults to WARTA_NUM_THREADS,
        RAYON_NUM_THREADS or the CPU count. With ``on_error="raise"`` the first bad item
        raises (its index in the message and in ``err.index``); with ``"record"`` every
        item gives a dict and bad ones carry the reason in ``errors``. ``progress``
        shows a tqdm bar (notebook-aware); None shows it for long batches. Runs on a
        Rust thread pool with the GIL released; Ctrl-C stops it between chunks.
        """
        _check_on_error(on_error)
        batch = items if isinstance(items, Sequence) and not isinstance(items, str) else None
        if batch is None:
            if isinstance(items, (str, bytes)):
                raise TypeError("parse_many expects an iterable of articles, not a single str")
            batch = list(items)
        bar = _progress_bar(len(batch), progress)
        out: list[Article] = []
        # The result list only grows: collections over it would rescan every dict built
        # so far, again and again, on a million-article batch.
        try:
            with _gc_paused():
                for start, chunk in _chunks(batch):
                    out.extend(
                        self._native.parse_batch(
                            chunk,
                            threads=threads,
                            record_errors=on_error == "record",
                            start=start,
                            layout=layout,
                        )
                    )
                    if bar is not None:
                        bar.update(len(chunk))
        finally:
            if bar is not None:
                bar.close()
        return out

    def parse_stream(
        self,
        items: Iterable[Item],
        *,
        batch_size: int = 1_000,
        threads: Optional[int] = None,
        on_error: OnError = "raise",
        layout: str = "article",
    ) -> Iterator[Article]:
        """Parses any iterable lazily, ``batch_size`` items at a time, yielding dicts in
        input order. Memory stays bounded whatever the length of the input (a JSONL
        file, a generator of millions of records)."""
        _check_on_error(on_error)
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
            raise InputError(f"batch_size must be a positive int, got {batch_size!r}")
        if isinstance(items, (str, bytes)):
            raise TypeError("parse_stream expects an iterable of articles, not a single str")
        it = iter(items)
        start = 0
        while True:
            chunk = list(itertools.islice(it, batch_size))
            if not chunk:
                return
            with _gc_paused():
                parsed = self._native.parse_batch(
                    chunk,
                    threads=threads,
                    record_errors=on_error == "record",
                    start=start,
                    layout=layout,
                )
            yield from parsed
            start += len(chunk)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pauses the cyclic garbage collector while a batch's dicts are built: they hold no
    cycles, and collections triggered by their allocation cost ~7% of a batch."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _rebuild(
    lang: Optional[str], gazetteer: list[dict[str, Any]], model: Optional[bytes] = None
) -> Pipeline:
    return Pipeline(lang=lang, gazetteer=gazetteer or None, model=model)


def _model_bytes(model: Union[bytes, str, os.PathLike[str], None]) -> Optional[bytes]:
    """A model given as bytes or as the path of a file written by ``warta.train``."""
    if model is None or isinstance(model, bytes):
        return model
    if isinstance(model, (str, os.PathLike)):
        try:
            with open(model, "rb") as f:
                return f.read()
        except OSError as e:
            raise ModelError(f"cannot read entity model {os.fspath(model)!r}: {e}") from e
    raise InputTypeError(f"model must be bytes, a path or None, got {type(model).__name__}")


def _check_on_error(on_error: str) -> None:
    if on_error not in ("raise", "record"):
        raise InputError(f"on_error must be 'raise' or 'record', got {on_error!r}")


def _size(item: Any) -> int:
    if isinstance(item, str):
        return len(item)
    if isinstance(item, Mapping):
        text = item.get("text")
        return len(text) if isinstance(text, str) else 1
    return 1


def _chunks(batch: Sequence[Any]) -> Iterator[tuple[int, list[Any]]]:
    """Cuts a batch into chunks of bounded size, with each chunk's start index."""
    chunk: list[Any] = []
    chars = 0
    start = 0
    for i, item in enumerate(batch):
        chunk.append(item)
        chars += _size(item)
        if chars >= _CHUNK_CHARS or len(chunk) >= _CHUNK_ITEMS:
            yield start, chunk
            start, chunk, chars = i + 1, [], 0
    if chunk:
        yield start, chunk


def _progress_bar(total: int, progress: Optional[bool]) -> Any:
    if progress is False or (progress is None and total < _PROGRESS_MIN_ITEMS):
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="article", desc="warta")


_default: Optional[Pipeline] = None


def default_pipeline() -> Pipeline:
    """The shared pipeline behind the module-level functions (built on first use)."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def parse(
    text: str,
    *,
    published: Any = None,
    lang: Optional[str] = None,
    layout: str = "article",
    id: Any = None,
    title: Optional[str] = None,
    url: Optional[str] = None,
) -> Article:
    """Parses one article with the default pipeline. See :meth:`Pipeline.parse`."""
    return default_pipeline().parse(
        text, published=published, lang=lang, layout=layout, id=id, title=title, url=url
    )


def parse_many(
    items: Iterable[Item],
    *,
    threads: Optional[int] = None,
    on_error: OnError = "raise",
    progress: Optional[bool] = None,
    layout: str = "article",
) -> list[Article]:
    """Parses many articles in parallel with the default pipeline, in input order.
    See :meth:`Pipeline.parse_many`."""
    return default_pipeline().parse_many(
        items, threads=threads, on_error=on_error, progress=progress, layout=layout
    )


def parse_stream(
    items: Iterable[Item],
    *,
    batch_size: int = 1_000,
    threads: Optional[int] = None,
    on_error: OnError = "raise",
    layout: str = "article",
) -> Iterator[Article]:
    """Parses any iterable lazily with the default pipeline. See :meth:`Pipeline.parse_stream`."""
    return default_pipeline().parse_stream(
        items, batch_size=batch_size, threads=threads, on_error=on_error, layout=layout
    )
