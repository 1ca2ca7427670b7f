"""Readers: JSONL, CSV, folders, gzip, laziness, and errors that name the file and line."""

from __future__ import annotations

import csv
import datetime
import gzip
import io
import json
import types
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, SEED, need
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import warta


def write_jsonl(path: Path, records: list[Any], *, gz: bool = False) -> Path:
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if gz:
        path.write_bytes(gzip.compress(lines.encode("utf-8")))
    else:
        path.write_text(lines, encoding="utf-8")
    return path


RECORDS = [
    {"id": "a", "text": "Presiden Joko Widodo tiba di Jakarta.", "date": "2017-03-01", "x": 1},
    {"id": "b", "text": "Menteri Sri Mulyani berbicara di Bali.", "date": "2017-03-02", "x": 2},
    {"text": "Tanpa id.", "x": 3},
]


def test_read_jsonl_fields_ids_and_published(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    items = list(warta.read_jsonl(path, published="date"))
    assert [i["text"] for i in items] == [r["text"] for r in RECORDS]
    assert [i["id"] for i in items] == ["a", "b", f"{path}:3"]
    assert [i["published"] for i in items] == ["2017-03-01", "2017-03-02", None]
    assert [i["x"] for i in items] == [1, 2, 3]  # other fields are kept


def test_read_jsonl_callable_fields_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('\n{"body": "Satu.", "n": 7}\n\n   \n{"body": "Dua.", "n": 8}\n')
    items = list(warta.read_jsonl(path, text="body", id=lambda r: r["n"] * 10))
    assert [(i["id"], i["text"]) for i in items] == [(70, "Satu."), (80, "Dua.")]


def test_read_jsonl_gzip_by_suffix_and_by_magic(tmp_path: Path) -> None:
    a = list(warta.read_jsonl(write_jsonl(tmp_path / "d.jsonl.gz", RECORDS, gz=True)))
    b = list(warta.read_jsonl(write_jsonl(tmp_path / "d.jsonl", RECORDS, gz=True)))
    assert [i["text"] for i in a] == [i["text"] for i in b] == [r["text"] for r in RECORDS]


def test_read_jsonl_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ok"}\n\n{"text": "broken"\n{"text": "never read"}\n')
    items = warta.read_jsonl(path)
    assert next(items)["text"] == "ok"  # lazy: the bad line is not read yet
    with pytest.raises(warta.InputError, match=r"bad\.jsonl:3: invalid JSON") as err:
        next(items)
    assert isinstance(err.value, ValueError)


def test_read_jsonl_malformed_line_in_gzip(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "a"}\n{"text": "b"}\n[1, 2\n'))
    with pytest.raises(warta.InputError, match=r"bad\.jsonl\.gz:3: invalid JSON"):
        list(warta.read_jsonl(path))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("[1, 2]", r":2: expected a JSON object, got list"),
        ('{"title": "no text"}', r":2: no 'text' field \(fields: 'title'\)"),
        ('{"text": 5}', r":2: 'text' must be a string, got int"),
    ],
)
def test_read_jsonl_bad_records(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text('{"text": "ok"}\n' + line + "\n")
    with pytest.raises(warta.InputError, match=message):
        list(warta.read_jsonl(path))


def test_read_json_array(tmp_path: Path) -> None:
    path = tmp_path / "dump.json"
    path.write_text(json.dumps(RECORDS[:2], indent=2))
    assert [i["id"] for i in warta.read_jsonl(path)] == ["a", "b"]
    assert [i["id"] for i in warta.read_files(tmp_path)] == ["a", "b"]
    path.write_text('[{"text": "a"}, 3]')
    with pytest.raises(warta.InputError, match=r"dump\.json\[1\]: expected a JSON object"):
        list(warta.read_jsonl(path))
    path.write_text('[{"text": "a"},\n {"text": }]')
    with pytest.raises(warta.InputError, match=r"dump\.json:2: invalid JSON"):
        list(warta.read_jsonl(path))


def test_read_jsonl_from_a_stream() -> None:
    stream = io.StringIO('{"text": "Satu."}\n{"text": "Dua.", "id": 2}\n')
    assert [i["id"] for i in warta.read_jsonl(stream)] == ["<stream>:1", 2]


def test_read_jsonl_undecodable_and_missing(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes('{"text": "caf\u00e9"}\n'.encode("latin-1"))
    with pytest.raises(warta.InputError, match=r"latin\.jsonl: cannot decode"):
        list(warta.read_jsonl(path))
    with pytest.raises(warta.InputError, match="cannot read"):
        list(warta.read_jsonl(tmp_path / "absent.jsonl"))


def test_readers_are_generators(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    assert isinstance(warta.read_jsonl(path), types.GeneratorType)
    assert isinstance(warta.read_csv(tmp_path / "absent.csv"), types.GeneratorType)
    assert isinstance(warta.read_dir(tmp_path), types.GeneratorType)


def test_read_csv_quoted_multiline_long_and_gzip(tmp_path: Path) -> None:
    long_text = "Presiden tiba di Jakarta. " * 10_000  # beyond csv's default field limit
    content = (
        "id,text,published,source\n"
        '1,"Baris satu.\nBaris ""dua"", dengan koma.",2017-03-01,antara\n'
        f"2,{long_text},,kompas\n"
        "3,Tiga.,2017-03-03,\n"
    )
    path = tmp_path / "d.csv"
    path.write_text(content, encoding="utf-8")
    gz = tmp_path / "d.csv.gz"
    gz.write_bytes(gzip.compress(content.encode("utf-8")))
    for source in (path, gz):
        items = list(warta.read_csv(source))
        assert [i["id"] for i in items] == ["1", "2", "3"]
        assert items[0]["text"] == 'Baris satu.\nBaris "dua", dengan koma.'
        assert items[1]["text"] == long_text
        assert [i["published"] for i in items] == ["2017-03-01", None, "2017-03-03"]
        assert items[0]["source"] == "antara"


def test_read_csv_and_jsonl_skip_a_byte_order_mark(tmp_path: Path) -> None:
    csv_path = tmp_path / "excel.csv"
    csv_path.write_bytes("id,text\n1,Satu.\n".encode("utf-8-sig"))
    assert [i["id"] for i in warta.read_csv(csv_path)] == ["1"]
    jsonl_path = tmp_path / "bom.jsonl"
    jsonl_path.write_bytes('{"text": "Satu."}\n'.encode("utf-8-sig"))
    assert [i["text"] for i in warta.read_jsonl(jsonl_path)] == ["Satu."]


def test_read_csv_tsv_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "d.tsv"
    path.write_text("text\tdate\nSatu, dua.\t2017-01-02\n")
    items = list(warta.read_csv(path, published="date"))
    assert items == [
        {"text": "Satu, dua.", "date": "2017-01-02", "id": f"{path}:2", "published": "2017-01-02"}
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text("id,text\n1,ok\n2,too,many\n")
    with pytest.raises(warta.InputError, match=r"bad\.csv:3: more fields than the header"):
        list(warta.read_csv(bad))
    no_text = tmp_path / "no_text.csv"
    no_text.write_text("id,body\n1,x\n")
    with pytest.raises(warta.InputError, match=r"no_text\.csv:2: no 'text' field"):
        list(warta.read_csv(no_text))


def test_read_dir_pattern_order_and_ids(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Dua.")
    (tmp_path / "1.txt").write_bytes(b"Satu.\r\n")
    (tmp_path / "3.md").write_text("Tiga.")
    (tmp_path / "4.txt.gz").write_bytes(gzip.compress(b"Empat."))
    assert [(i["id"], i["text"]) for i in warta.read_dir(tmp_path)] == [
        ("1.txt", "Satu.\n"),  # line ends read as open().read() gives them
        ("b/2.txt", "Dua."),
    ]
    assert [i["id"] for i in warta.read_dir(tmp_path, recursive=False)] == ["1.txt"]
    assert [i["text"] for i in warta.read_dir(tmp_path, "*.gz")] == ["Empat."]
    with pytest.raises(warta.InputError, match="not a directory"):
        list(warta.read_dir(tmp_path / "1.txt"))


def test_read_files_dispatches_on_kind(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", RECORDS[:2])
    (tmp_path / "b.csv").write_text("id,text\nc1,Dari CSV.\n")
    (tmp_path / "c.txt").write_text("Dari teks.")
    (tmp_path / "notes.md").write_text("ignored")
    items = list(warta.read_files(tmp_path))
    assert [i["id"] for i in items] == ["a", "b", "c1", "c.txt"]
    assert [i["id"] for i in warta.read_files([tmp_path / "c.txt", tmp_path / "b.csv"])] == [
        "c.txt",
        "c1",
    ]
    with pytest.raises(warta.InputError, match="no such file"):
        list(warta.read_files(tmp_path / "absent.jsonl"))
    with pytest.raises(warta.InputError, match="unknown kind of file"):
        list(warta.read_files(tmp_path / "notes.md"))


def test_parse_files_on_seeds_matches_parse() -> None:
    docs = warta.parse_files(SEED.parent, progress=False)
    assert [d["id"] for d in docs] == [SEED.name]
    assert docs[0] == warta.parse(SEED.read_text(encoding="utf-8"), id=SEED.name)


def test_parse_files_published_field_and_dates(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    docs = warta.parse_files(path, published="date", progress=False)
    assert [d["published"] for d in docs] == ["2017-03-01", "2017-03-02", None]

    def stamp(record: Any) -> datetime.date:
        return datetime.date(2018, 1, int(record["x"]))

    docs = warta.parse_files(path, published=stamp, batch_size=2, progress=False)
    assert [d["published"] for d in docs] == ["2018-01-01", "2018-01-02", "2018-01-03"]


def test_parse_files_equals_parse_many_on_corpus(
    tmp_path: Path, corpus: list[dict[str, Any]]
) -> None:
    need(CORPUS)
    sample = corpus[:300]
    path = write_jsonl(tmp_path / "sample.jsonl.gz", sample, gz=True)
    docs = warta.parse_files(path, batch_size=64, progress=False)
    assert docs == warta.parse_many(sample)
    assert [d["id"] for d in docs] == [r["id"] for r in sample]


TEXTS = st.lists(st.text(max_size=60), min_size=1, max_size=8)
ROUNDTRIPS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=TEXTS, gz=st.booleans())
def test_any_text_roundtrips_through_jsonl(tmp_path: Path, texts: list[str], gz: bool) -> None:
    # Raw U+2028, U+0085, \r and friends inside a JSON string are not line ends.
    records = [{"id": i, "text": t} for i, t in enumerate(texts)]
    path = tmp_path / ("p.jsonl.gz" if gz else "p.jsonl")
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    path.write_bytes(gzip.compress(lines) if gz else lines)
    assert [(i["id"], i["text"]) for i in warta.read_jsonl(path)] == list(enumerate(texts))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=TEXTS)
def test_any_text_roundtrips_through_csv(tmp_path: Path, texts: list[str]) -> None:
    path = tmp_path / "p.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "text"])
        writer.writerows([i, t] for i, t in enumerate(texts))
    items = list(warta.read_csv(path))
    assert [i["text"] for i in items] == texts
    assert [i["id"] for i in items] == [str(i) for i in range(len(texts))]
