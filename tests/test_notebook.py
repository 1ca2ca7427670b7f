"""examples/newsroom.ipynb runs from top to bottom on the corpus, in under a minute."""

from __future__ import annotations

import time

import nbformat
import pytest
from conftest import CORPUS, ROOT, need
from nbclient import NotebookClient

NOTEBOOK = ROOT / "examples" / "newsroom.ipynb"


def test_newsroom_notebook_executes(monkeypatch: pytest.MonkeyPatch) -> None:
    need(CORPUS)
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    monkeypatch.setenv("WARTA_CORPUS", str(CORPUS))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",  # the interpreter running the tests (jupyter_client maps it)
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    start = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - start
    assert elapsed < 60, f"the notebook took {elapsed:.0f} s"

    code = [c for c in nb.cells if c.cell_type == "code"]
    outputs = [o for c in code for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert all(c.outputs for c in code), "every code cell shows something"
    text = "".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "3,463 articles parsed" in text
    assert "Frames(articles=3463" in text
    last = code[-1].outputs[-1]["data"]
    assert 'class="warta-ent' in last["text/html"] and "warta-quote" in last["text/html"]
