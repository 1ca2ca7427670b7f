from collections.abc import Iterable
from typing import Any, final

from warta._types import Article

__all__ = ["Pipeline", "__version__", "_rebuild_pipeline", "default_threads", "detect_lang"]
__version__: str

@final
class Pipeline:
    def __new__(
        cls, *, lang: str | None = None, gazetteer: Iterable[dict[str, Any]] | None = None
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
    def __reduce__(self) -> tuple[Any, ...]: ...

def _rebuild_pipeline(kwargs: dict[str, Any]) -> Pipeline: ...
def default_threads() -> int: ...
def detect_lang(text: str) -> str: ...
