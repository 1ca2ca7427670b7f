from collections.abc import Iterable
from typing import Any, final

from warta._types import Article

__all__ = [
    "Pipeline",
    "__version__",
    "_evaluate_ner",
    "_rebuild_pipeline",
    "_train_ner",
    "default_threads",
    "detect_lang",
]
__version__: str

@final
class Pipeline:
    def __new__(
        cls,
        *,
        lang: str | None = None,
        gazetteer: Iterable[dict[str, Any]] | None = None,
        model: bytes | None = None,
    ) -> Pipeline: ...
    def parse(
        self,
        text: str,
        *,
        published: Any = None,
        lang: str | None = None,
        layout: str = "article",
        id: Any = None,
        title: str | None = None,
        url: str | None = None,
    ) -> Article: ...
    def parse_batch(
        self,
        items: list[Any],
        *,
        threads: int | None = None,
        record_errors: bool = False,
        start: int = 0,
        layout: str = "article",
    ) -> list[Article]: ...
    @property
    def lang(self) -> str | None: ...
    @property
    def gazetteer(self) -> list[dict[str, Any]]: ...
    @property
    def model(self) -> bytes | None: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def _rebuild_pipeline(kwargs: dict[str, Any]) -> Pipeline: ...
def default_threads() -> int: ...
def detect_lang(text: str) -> str: ...
def _train_ner(
    files: list[tuple[str, str]],
    unlabeled: list[str] = ...,
    epochs: int = 12,
    seed: int = 1,
    prune: float = 1.0,
    bagging: int = 5,
    verbose: bool = False,
) -> bytes: ...
def _evaluate_ner(
    path: str, format: str = "conll", model: bytes | None = None, lang: str = "id"
) -> dict[str, Any]: ...
