"""Entity extraction from Python: the seed article, evaluation and training entry points."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEED_GOLD, SHARED, need

import warta
from warta.evaluate import evaluate, guess_format
from warta.evaluate import main as evaluate_main
from warta.train import main as train_main
from warta.train import train

IDNER_TEST = SHARED / "data" / "id" / "idner-news-2k" / "test.txt"
IDNER_TRAIN = SHARED / "data" / "id" / "idner-news-2k" / "train.txt"

TINY = """Presiden B-PER
Budi I-PER
tiba O
di O
Jakarta B-LOC
. O

Kantor O
KPK B-ORG
di O
Bandung B-LOC
. O
"""


def test_seed_entities_roles_aliases_acronyms(seed_text: str) -> None:
    gold = json.loads(need(SEED_GOLD).read_text(encoding="utf-8"))
    doc = warta.parse(seed_text)
    by_name = {e["name"]: e for e in doc["entities"]}
    for want in gold["entities"]:
        got = by_name.get(want["name"])
        assert got is not None, want["name"]
        assert got["label"] == want["label"]
        assert got["roles"] == want["roles"], want["name"]
        assert got["aliases"] == want["aliases"], want["name"]
    assert {(a["short"], a["long"]) for a in gold["acronyms"]} <= {
        (a["short"], a["long"]) for a in doc["acronyms"]
    }
    for m in doc["mentions"]:
        assert seed_text[m["start"] : m["end"]] == m["text"]
        assert doc["entities"][m["entity"]]["label"] == m["label"]


def test_sentence_initial_countries_are_places() -> None:
    # News often opens a sentence with a country; one training set leaves most of them
    # untagged, which the trainer corrects (see src/entities/data/README.md). The model
    # before that correction found 35 of these 72; now 58.
    countries = "Iran Mesir Tiongkok Turki Qatar Rusia Jepang Libya Suriah Irak Israel Prancis"
    verbs = ["membantah laporan tersebut.", "menolak tuduhan itu.", "menjadi tuan rumah."]
    found = total = 0
    for country in countries.split():
        for verb in verbs:
            for opening in ("", "Pemerintah sudah bersikap. "):
                doc = warta.parse(f"{opening}{country} {verb}")
                found += (country, "LOC") in [(m["text"], m["label"]) for m in doc["mentions"]]
                total += 1
    assert found >= 0.75 * total, (found, total)


# Organisations named after a place are one flat ORG mention (issue 3); the training sets
# often split them into ORG + LOC, which a rule joins (src/entities/org_places.rs).
PLACE_NAMED_ORGS = [
    ("Kepolisian Daerah Jawa Timur", "{} menangkap dua tersangka pengedar narkoba di Sidoarjo."),
    ("Pemerintah Provinsi Jawa Barat", "{} menyiapkan anggaran bantuan bagi korban banjir."),
    ("Pemerintah Kabupaten Bogor", "Jalan itu ditutup sementara oleh {} sejak Senin."),
    ("DPRD DKI Jakarta", "Rapat anggaran digelar di {} pada Kamis malam."),
    ("Kedutaan Besar Amerika Serikat", "Pernyataan {} itu dirilis Selasa pagi."),
    ("Konsulat Jenderal Indonesia", "{} di Jeddah membuka layanan paspor baru."),
    ("Kementerian Luar Negeri Rusia", "{} memanggil duta besar Inggris di Moskow."),
    ("Pengadilan Negeri Jakarta Selatan", "Sidang perdana digelar di {} pada Selasa."),
    ("Kejaksaan Tinggi Sumatera Utara", "Berkas perkara itu dilimpahkan ke {} pekan lalu."),
    ("Dinas Pendidikan Kota Bandung", "Kepala {} Hikmat Ginanjar meninjau sekolah itu."),
    ("Badan Intelijen Mesir", "Wakil Kepala {} Ayman Badea hadir dalam pertemuan itu."),
    ("Universitas Negeri Malang", "Penelitian itu dilakukan tim {} selama dua tahun."),
    ("Polda Metro Jaya", "Laporan itu diterima {} pada Rabu malam."),
    ("Kejaksaan Negeri Surabaya", "{} menahan tersangka korupsi dana desa."),
    ("Dinas Kesehatan Jawa Timur", "{} mencatat 20 kasus baru pada pekan ini."),
]


def test_organisations_named_after_a_place_are_one_mention() -> None:
    found = []
    for name, template in PLACE_NAMED_ORGS:
        doc = warta.parse(template.format(name))
        if (name, "ORG") in [(m["text"], m["label"]) for m in doc["mentions"]]:
            found.append(name)
    # The tagger alone finds 7 of these 15 whole; with the rule, 14.
    assert len(found) >= 13, sorted(set(n for n, _ in PLACE_NAMED_ORGS) - set(found))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # A place after a preposition, a role, lower-case words or punctuation is not part
        # of the name.
        ("Sekretaris Jenderal PBB di Jenewa mengeluarkan pernyataan bersama.", "Jenewa"),
        ("Menteri Luar Negeri Rusia Sergei Lavrov tiba di Ankara pada Senin.", "Rusia"),
        ("Menurut polisi Jawa Timur, korban berjumlah tiga orang.", "Jawa Timur"),
        ("Pernyataan itu disampaikan KPK, Jakarta, Selasa.", "Jakarta"),
        ("Kementerian Luar Negeri, Indonesia tetap menolak usulan itu.", "Indonesia"),
        ("Pasukan TNI dan Polri berjaga di Jakarta sejak pagi.", "Jakarta"),
        ("Gubernur Ridwan Kamil meresmikan jalan tol di Jawa Barat.", "Jawa Barat"),
    ],
)
def test_a_place_outside_the_name_stays_a_place(text: str, place: str) -> None:
    doc = warta.parse(text)
    start = text.index(place)
    orgs = [m for m in doc["mentions"] if m["label"] == "ORG"]
    assert not any(m["start"] < start < m["end"] for m in orgs), orgs


def test_evaluate_idner_test_floor() -> None:
    scores = evaluate(need(IDNER_TEST), "conll")
    assert scores["sentences"] == 509
    assert scores["micro"]["f1"] >= 0.87
    for t in ("PER", "ORG", "LOC"):
        c = scores[t]
        assert 0.0 <= c["precision"] <= 1.0 and c["tp"] + c["fn"] > 0


def test_english_model_is_used_for_english() -> None:
    uner = need(SHARED / "data" / "en" / "uner-ewt" / "en_ewt-ud-test.iob2")
    english = evaluate(uner, lang="en")["micro"]["f1"]
    assert english >= 0.58
    assert english > evaluate(uner, lang="id")["micro"]["f1"]


def test_evaluate_cli_prints_table(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "tiny.txt"
    data.write_text(TINY, encoding="utf-8")
    assert evaluate_main([str(data), "--format", "conll"]) == 0
    out = capsys.readouterr().out
    assert "micro" in out and "(2 sentences)" in out
    assert evaluate_main([str(data), "--json"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["micro"]["tp"] + row["micro"]["fn"] == 4


def test_evaluate_rejects_bad_input(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        evaluate(tmp_path / "x.txt", "xml")
    with pytest.raises(warta.WartaError):
        evaluate(tmp_path / "missing.txt", "conll")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(ValueError):
        evaluate(bad)


def test_guess_format() -> None:
    assert guess_format("a/en_ewt-ud-test.iob2") == "iob2"
    assert guess_format("x.JSONL") == "jsonl"
    assert guess_format("train.txt") == "conll"


def test_train_round_trip(tmp_path: Path) -> None:
    data = tmp_path / "tiny.txt"
    data.write_text(TINY * 20, encoding="utf-8")
    out = tmp_path / "m.bin"
    model = train([data], epochs=3, seed=7, prune=0.0, bagging=1, output=out)
    assert out.read_bytes() == model and model[:4] == b"WNER"
    # Deterministic for a seed.
    assert train([(data, "conll")], epochs=3, seed=7, prune=0.0, bagging=1) == model
    scores = evaluate(data, model=model)
    assert scores["micro"]["f1"] > 0.5
    assert evaluate(data, model=out)["micro"] == scores["micro"]


def test_train_jsonl_and_cli(tmp_path: Path) -> None:
    rows = [
        {"text": "Budi tiba di Jakarta.", "entities": [{"start": 0, "end": 4, "label": "PER"}]},
        {"tokens": ["Ani", "ke", "Bandung"], "tags": ["B-PERSON", "O", "B-PLACE"]},
    ]
    data = tmp_path / "d.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in rows * 10), encoding="utf-8")
    out = tmp_path / "m.bin"
    assert train_main(["--jsonl", str(data), "-o", str(out), "--epochs", "2", "-q"]) == 0
    assert out.read_bytes()[:4] == b"WNER"
    with pytest.raises(ValueError):
        train([])
    with pytest.raises(warta.WartaError):
        evaluate(data, model=b"not a model")


@pytest.mark.slow
def test_reproduce_builtin_model(tmp_path: Path) -> None:
    need(IDNER_TRAIN)
    out = tmp_path / "m.bin"
    assert train_main(["--reproduce", str(SHARED / "data"), "-o", str(out), "-q"]) == 0
    shipped = Path(__file__).resolve().parent.parent / "src/entities/data/ner-id.bin"
    assert out.read_bytes() == shipped.read_bytes()


@pytest.mark.slow
def test_reproduce_english_model(tmp_path: Path) -> None:
    uner = need(SHARED / "data" / "en" / "uner-ewt" / "en_ewt-ud-dev.iob2")
    out = tmp_path / "en.bin"
    args = ["--iob2", str(uner), "--reproduce", str(SHARED / "data"), "-o", str(out), "-q"]
    assert train_main(args) == 0
    shipped = Path(__file__).resolve().parent.parent / "src/entities/data/ner-en.bin"
    assert out.read_bytes() == shipped.read_bytes()


def test_custom_model_in_a_pipeline(tmp_path: Path) -> None:
    import pickle

    data = tmp_path / "tiny.txt"
    data.write_text(TINY * 20, encoding="utf-8")
    out = tmp_path / "m.bin"
    model = train([data], epochs=3, seed=7, prune=0.0, bagging=1, output=out)
    nlp = warta.Pipeline(model=out)
    assert nlp.model == model and "model=<" in repr(nlp)
    text = "Kantor KPK di Bandung ."
    doc = nlp.parse(text, layout="plain")
    assert doc == warta.Pipeline(model=model).parse(text, layout="plain")
    assert pickle.loads(pickle.dumps(nlp)).parse(text, layout="plain") == doc
    with pytest.raises(warta.ModelError):
        warta.Pipeline(model=tmp_path / "missing.bin")
    with pytest.raises(warta.WartaError):
        warta.Pipeline(model=b"not a model")
