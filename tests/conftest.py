"""Shared fixtures: paths to ../shared (the evaluation data) and the corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "data" / "corpus" / "indosum-dev.jsonl"
SEED = ROOT / "seeds" / "000_8153dd4851bd7597.txt"
SEED_GOLD = SHARED / "gold" / "000_8153dd4851bd7597.json"


def need(path: Path) -> Path:
    """Skips the test with a clear reason when shared data is absent."""
    if not path.exists():
        pytest.skip(f"{path} is absent (evaluation data lives in ../shared beside the repo)")
    return path


_corpus_cache: list[dict[str, Any]] = []


@pytest.fixture(scope="session")
def corpus() -> list[dict[str, Any]]:
    """The 3,463 IndoSum articles (id, text, source, url, category)."""
    if not _corpus_cache:
        with need(CORPUS).open(encoding="utf-8") as f:
            _corpus_cache.extend(json.loads(line) for line in f)
    return _corpus_cache


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    return json.loads(need(SEED_GOLD).read_text(encoding="utf-8"))
