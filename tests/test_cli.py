"""The command line, run as users run it (a subprocess): files, stdin, formats, errors."""

from __future__ import annotations

import gzip
import json
import os
import re
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from conftest import CORPUS, ROOT, SEED, need

import warta

ARTICLES = [
    {
        "id": "a1",
        "text": "Presiden Joko Widodo tiba di Jakarta, Senin (27/3).",
        "tgl": "2017-03-28",
    },
    {"id": "a2", "text": '"Kami siap," kata Menteri Sri Mulyani di Bali.', "tgl": "2017-03-29"},
    {"id": 3, "text": "Berita tanpa nama.", "tgl": ""},
]


def warta_cmd(
    *args: str, input: str | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "warta", *args],
        input=input,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


def jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def test_readme_command_prints_one_json_object_per_article() -> None:
    run = warta_cmd("seeds/")
    assert run.returncode == 0, run.stderr
    docs = lines(run.stdout)
    assert [d["id"] for d in docs] == [p.name for p in sorted(ROOT.glob("seeds/*.txt"))]
    assert docs[0] == warta.parse(SEED.read_text(encoding="utf-8"), id=SEED.name)
    assert warta_cmd("parse", "seeds/").stdout == run.stdout


def test_jsonl_file_in_order_with_published_field(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "in.jsonl", ARTICLES)
    run = warta_cmd("parse", str(path), "--published-field", "tgl", "--threads", "2")
    assert run.returncode == 0, run.stderr
    docs = lines(run.stdout)
    assert [d["id"] for d in docs] == ["a1", "a2", 3]
    assert [d["published"] for d in docs] == ["2017-03-28", "2017-03-29", None]
    expected = warta.parse_many(
        [{"id": a["id"], "text": a["text"], "published": a["tgl"] or None} for a in ARTICLES]
    )
    # The record's other fields come back as meta.
    assert [d.pop("meta") for d in docs] == [{"tgl": a["tgl"]} for a in ARTICLES]
    assert docs == [{k: v for k, v in d.items() if k != "meta"} for d in expected]


def test_stdin_and_gzip_output(tmp_path: Path) -> None:
    data = "".join(json.dumps(a) + "\n" for a in ARTICLES)
    run = warta_cmd("parse", "-", input=data)
    assert run.returncode == 0, run.stderr
    assert [d["id"] for d in lines(run.stdout)] == ["a1", "a2", 3]
    out = tmp_path / "out.jsonl.gz"
    run = warta_cmd("parse", "-", "-o", str(out), input=data)
    assert run.returncode == 0, run.stderr
    assert "wrote 3 articles" in run.stderr
    assert lines(gzip.decompress(out.read_bytes()).decode("utf-8")) == lines(
        warta_cmd("-", input=data).stdout
    )


def test_csv_input(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    pd.DataFrame(ARTICLES).rename(columns={"text": "isi"}).to_csv(path, index=False)
    run = warta_cmd("parse", str(path), "--text-field", "isi", "--published-field", "tgl")
    assert run.returncode == 0, run.stderr
    docs = lines(run.stdout)
    assert [d["id"] for d in docs] == ["a1", "a2", "3"]  # CSV fields are text
    assert docs[0]["published"] == "2017-03-28"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_table_formats_match_to_frames(tmp_path: Path, fmt: str) -> None:
    src = jsonl(tmp_path / "in.jsonl", ARTICLES)
    out = tmp_path / "tables"
    run = warta_cmd("parse", str(src), "--format", fmt, "-o", str(out), "--batch-size", "2")
    assert run.returncode == 0, run.stderr
    docs = warta.parse_many([{"id": str(a["id"]), "text": a["text"]} for a in ARTICLES])
    frames = warta.to_frames(docs)
    for name, frame in frames:
        path = out / f"{name}.{fmt}"
        table = pd.read_csv(path) if fmt == "csv" else pd.read_parquet(path)
        assert list(table.columns) == list(frame.columns), name
        assert len(table) == len(frame), name
        assert list(table["article_id"].astype(str)) == list(frame["article_id"]), name
    articles = pd.read_csv(out / "articles.csv") if fmt == "csv" else None
    if articles is not None:
        assert list(articles["mentions"]) == [len(d["mentions"]) for d in docs]


def test_unreadable_inputs_fail_clearly_before_writing(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run = warta_cmd("parse", "seeds/", str(tmp_path / "absent.jsonl"), "-o", str(out))
    assert run.returncode == 1
    assert re.fullmatch(r"warta: \S*absent\.jsonl: no such file or directory\n", run.stderr)
    assert not out.exists()
    notes = tmp_path / "notes.md"
    notes.write_text("x")
    run = warta_cmd("parse", str(notes))
    assert run.returncode == 1 and "unknown kind of file" in run.stderr


def test_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "Satu."}\n{"text": "Dua."}\n{"text": \n')
    run = warta_cmd("parse", str(path))
    assert run.returncode == 1
    assert f"warta: {path}:3: invalid JSON" in run.stderr
    assert "Traceback" not in run.stderr
    run = warta_cmd("parse", "-", input='{"text": "ok"}\nnot json\n')
    assert run.returncode == 1 and "<stdin>:2: invalid JSON" in run.stderr
    gz = tmp_path / "broken.jsonl.gz"
    gz.write_bytes(gzip.compress(b'{"text": "a"}\n' * 10)[:-12])  # truncated archive
    run = warta_cmd("parse", str(gz))
    assert run.returncode == 1 and "broken.jsonl.gz" in run.stderr
    assert "Traceback" not in run.stderr


def test_usage_errors() -> None:
    run = warta_cmd("parse", "seeds/", "--format", "csv")
    assert run.returncode == 2 and "-o DIR" in run.stderr
    run = warta_cmd("parse", "seeds/", "--batch-size", "0")
    assert run.returncode == 2
    run = warta_cmd("--version")
    assert run.returncode == 0 and run.stdout.startswith("warta ")


def test_bad_records_are_recorded_not_fatal(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "in.jsonl", [{"text": "Satu.", "published": "kemarin"}])
    run = warta_cmd("parse", str(path))
    assert run.returncode == 0, run.stderr
    (doc,) = lines(run.stdout)
    assert doc["errors"] and "published" in doc["errors"][0]


@pytest.mark.skipif(not hasattr(select, "poll"), reason="needs select.poll")
def test_streams_while_input_is_still_open() -> None:
    """With --batch-size 1 an article comes out before standard input ends."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "warta", "parse", "-", "--batch-size", "1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        proc.stdin.write(json.dumps({"id": "first", "text": "Presiden tiba."}) + "\n")
        proc.stdin.flush()
        poll = select.poll()
        poll.register(proc.stdout, select.POLLIN)
        assert poll.poll(60_000), "no output while stdin was open"
        assert json.loads(proc.stdout.readline())["id"] == "first"
        proc.stdin.write(json.dumps({"id": "second", "text": "Menteri pergi."}) + "\n")
        proc.stdin.close()
        assert json.loads(proc.stdout.readline())["id"] == "second"
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
        assert proc.stderr is not None
        proc.stderr.close()


def synthetic(path: Path, n: int) -> Path:
    words = "Presiden Joko Widodo bertemu Menteri Sri Mulyani di Jakarta , Senin (27/3) .".split()
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = " ".join(words[(i + j) % len(words)] for j in range(60))
            f.write(json.dumps({"id": i, "text": text}) + "\n")
    return path


def test_memory_stays_bounded(tmp_path: Path) -> None:
    """Ten times the articles, about the same peak memory: the CLI streams."""
    code = (
        "import resource, sys; from warta.cli import main; rc = main(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); "
        "sys.exit(rc)"
    )
    peaks = []
    for n in (2_000, 20_000):
        src = synthetic(tmp_path / f"in{n}.jsonl", n)
        cmd = [sys.executable, "-c", code, "parse", str(src), "-o", str(tmp_path / f"o{n}.jsonl")]
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr
        peaks.append(int(run.stderr.strip().splitlines()[-1]))  # KiB on Linux
        assert f"wrote {n} articles" in run.stderr
    assert peaks[1] < peaks[0] + 30_000, peaks


def test_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    src = synthetic(tmp_path / "in.jsonl", 3_000)
    proc = subprocess.Popen(
        [sys.executable, "-m", "warta", "parse", str(src), "--batch-size", "100"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert json.loads(proc.stdout.readline())["id"] == 0
    proc.stdout.close()  # like `warta parse ... | head -1`
    stderr = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 0, stderr
    assert "Traceback" not in stderr and "Error" not in stderr


def test_corpus_to_tables_from_a_fresh_process(tmp_path: Path) -> None:
    corpus = need(CORPUS)
    start = time.perf_counter()
    run = warta_cmd("parse", str(corpus), "--format", "parquet", "-o", str(tmp_path))
    elapsed = time.perf_counter() - start
    assert run.returncode == 0, run.stderr
    articles = pd.read_parquet(tmp_path / "articles.parquet")
    assert len(articles) == 3463
    assert articles["article_id"].is_unique
    mentions = pd.read_parquet(tmp_path / "mentions.parquet")
    assert articles["mentions"].sum() == len(mentions)
    assert elapsed < 120, elapsed


def test_readme_command_line_block_runs(tmp_path: Path) -> None:
    """Each line of the README's command-line block runs in a scratch copy of seeds/."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, flags=re.S)
    assert block, "the README has a command-line block"
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for command in block.group(1).strip().splitlines():
        command = command.split("  #", 1)[0].strip()
        run = subprocess.run(
            command, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
        )
        assert run.returncode == 0, (command, run.stderr)
