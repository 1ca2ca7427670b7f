"""Article structure on the founding sample and on real wire formats."""

from __future__ import annotations

from typing import Any

import pytest

import warta


def article(corpus: list[dict[str, Any]], id_prefix: str) -> str:
    """The text of the corpus article whose id starts with `id_prefix`."""
    return next(r["text"] for r in corpus if r["id"].startswith(id_prefix))


def kinds(doc: warta.Article, text: str) -> list[tuple[str, str]]:
    return [(text[p["start"] : p["end"]], p["kind"]) for p in doc["paragraphs"]]


def test_seed_structure_matches_gold(seed_text: str, seed_gold: dict[str, Any]) -> None:
    doc = warta.parse(seed_text)
    assert doc["title"] == seed_gold["title"]
    assert doc["published"] == seed_gold["published"]
    assert doc["subheadings"] == seed_gold["subheadings"]
    credits = doc["credits"]
    assert credits is not None
    assert credits["authors"] == seed_gold["credits"]["authors"]
    assert credits["agencies"] == seed_gold["credits"]["agencies"]
    assert credits["text"] == seed_gold["credits"]["text"]
    body = [p for p in doc["paragraphs"] if p["kind"] == "body"]
    assert len(body) == seed_gold["body_paragraphs"]
    # The dateline date glued to the first word is split off.
    assert seed_text[body[0]["start"] :].startswith("Delegasi diplomat")
    assert doc["dateline"] is not None and doc["dateline"]["text"] == "28 Desember 2020"


def test_published_argument_wins_over_dateline(seed_text: str) -> None:
    assert warta.parse(seed_text, published="2021-01-05")["published"] == "2021-01-05"


# Hand-checked against the articles in ../shared/data/corpus/indosum-dev.jsonl:
# (id, dateline text, place, agency, credit text, authors, agencies)
CORPUS_CASES = [
    (
        "1497661200-tuah-ronaldo-kembali-dinanti-portugal-d",
        "Jakarta, CNN Indonesia",
        "Jakarta",
        "CNN Indonesia",
        None,
        None,
        None,
    ),
    (
        "1513375200-dua-polisi-dan-satu-warga-sipil-tewas-d",
        "Suara.com",
        None,
        "Suara.com",
        None,
        None,
        None,
    ),
    (
        "1492047925-taiwan-larang-konsumsi-anjing-dan-kucin",
        "TAIWAN",
        "TAIWAN",
        None,
        "(embun)",
        ["embun"],
        [],
    ),
    (
        "1508058370-djarot-mulai-pukul-2400-nanti-tidak-lag",
        "JAKARTA (Pos Kota)",
        "JAKARTA",
        "Pos Kota",
        "(Yendhi)",
        ["Yendhi"],
        [],
    ),
    (
        "1507588933-jembatan-kaca-mahasiswa-percantik-kampu",
        "Malang (ANTARA News)",
        "Malang",
        "ANTARA News",
        None,
        None,
        None,
    ),
    (
        "1496815200-dicoret-zidane-di-final-ini-kata-lucas-",
        "Merdeka.com",
        None,
        "Merdeka.com",
        "(as/rer)",
        ["as", "rer"],
        [],
    ),
    (
        "1503481413-fahri-hamzah-penyadapan-kpk-ilegal-tak-",
        "Merdeka.com",
        None,
        "Merdeka.com",
        "[rhm]",
        ["rhm"],
        [],
    ),
    (
        "1492548372-tekuk-wigan-brighton-pastikan-tiket-pro",
        "BRIGHTON, JUARA.net",
        "BRIGHTON",
        "JUARA.net",
        None,
        None,
        None,
    ),
    (
        "1504131104-tim-bola-tangan-indonesia-raih-poin-ter",
        "JUARA.NET",
        None,
        "JUARA.NET",
        None,
        None,
        None,
    ),
    (
        "1492150530-jangkau-media-digital-adira-gandeng-olx",
        "Rimanews",
        None,
        "Rimanews",
        None,
        None,
        None,
    ),
    ("1510820377-dr-arif-satria-terpilih-menjadi-rektor-", None, None, None, None, None, None),
    ("1511289000-west-bromwich-albion-pecat-tony-pulis", None, None, None, None, None, None),
]


@pytest.mark.parametrize("case", CORPUS_CASES, ids=[c[0][:24] for c in CORPUS_CASES])
def test_corpus_datelines_and_credits(case: tuple[Any, ...], corpus: list[dict[str, Any]]) -> None:
    art_id, dl_text, place, agency, credit_text, authors, agencies = case
    text = article(corpus, art_id)
    doc = warta.parse(text)
    dateline = doc["dateline"]
    if dl_text is None:
        assert dateline is None
    else:
        assert dateline is not None
        assert (dateline["text"], dateline["place"], dateline["agency"]) == (dl_text, place, agency)
        assert text[dateline["start"] : dateline["end"]] == dl_text
    credits = doc["credits"]
    if credit_text is None:
        assert credits is None
    else:
        assert credits is not None
        assert (credits["text"], credits["authors"], credits["agencies"]) == (
            credit_text,
            authors,
            agencies,
        )
        # The credit is its own paragraph, never part of the body.
        assert kinds(doc, text)[-1] == (credit_text, "credit")
    assert doc["title"] is None  # IndoSum texts carry no headline line


def test_listicle_subheadings(corpus: list[dict[str, Any]]) -> None:
    text = article(corpus, "1494378000-nutmeg-guzan-dan-300-kemenangan-kandang")
    subs = warta.parse(text)["subheadings"]
    assert subs[:3] == [
        "1) Middlesbrough yang Mandul di Stamfrod Bridge",
        "2) Fabregas Raja Assist",
        "3) Costa Samai Torehan Hasselbaink dan Drogba",
    ]


def test_related_links_leave_the_body(corpus: list[dict[str, Any]]) -> None:
    row = next(r for r in corpus if "\nBaca juga: " in r["text"])
    text = row["text"]
    doc = warta.parse(text)
    related = [t for t, k in kinds(doc, text) if k == "related"]
    assert related and all(t.startswith("Baca juga") for t in related)
    assert not any("Baca juga" in t for t, k in kinds(doc, text) if k == "body")


KOMPAS = """Jokowi Resmikan Tol Baru di Jawa Tengah
JAKARTA, KOMPAS.com - Presiden Joko Widodo meresmikan jalan tol baru pada Senin (27/3/2017).
Peresmian dihadiri sejumlah menteri dan kepala daerah.
Baca juga: Tol Trans-Jawa Rampung Akhir Tahun
"Tol ini akan mempercepat arus barang," kata Jokowi.
Penulis: Ihsanuddin | Editor: Sabrina Asril"""

ANTARA = """Harga Cabai Naik Jelang Lebaran
Jakarta (ANTARA) - Harga cabai rawit di pasar tradisional naik dua kali lipat.
Pedagang mengatakan pasokan dari sentra produksi berkurang karena hujan.
Pewarta: Budi Santoso
Editor: Ida Nurcahyani"""

REUTERS = """Senate passes stopgap funding bill
WASHINGTON (Reuters) - The U.S. Senate passed a stopgap funding bill on Thursday.
The measure now goes to the House of Representatives, which is expected to approve it.
Reporting by Richard Cowan; Editing by Sandra Maler"""

DW = """Pejabat Tinggi Mesir Kunjungi Libya
Delegasi diplomat Mesir mengunjungi Tripoli pada hari Minggu (27/12).
Latar belakang
Mereka bertemu dengan pejabat senior pemerintah yang diakui secara internasional.
Kedua pihak sepakat membuka kembali kedutaan, kata juru bicara.
(ant/dpa)"""

DETIK = """Jakarta - Polisi menangkap dua orang terduga pelaku pencurian di Jakarta Selatan.
Keduanya ditangkap di rumah kontrakan mereka pada Selasa malam, kata polisi. (mei/ega)"""

TEMPO = """TEMPO.CO, Jakarta - Komisi Pemberantasan Korupsi memeriksa tiga saksi hari ini.
Pemeriksaan berlangsung sejak pagi di gedung KPK, Kuningan."""

FORMAT_CASES = [
    (
        KOMPAS,
        "Jokowi Resmikan Tol Baru di Jawa Tengah",
        ("JAKARTA", "KOMPAS.com"),
        (["Ihsanuddin", "Sabrina Asril"], []),
        1,
        [],
    ),
    (
        ANTARA,
        "Harga Cabai Naik Jelang Lebaran",
        ("Jakarta", "ANTARA"),
        (["Budi Santoso", "Ida Nurcahyani"], []),
        0,
        [],
    ),
    (
        REUTERS,
        "Senate passes stopgap funding bill",
        ("WASHINGTON", "Reuters"),
        (["Richard Cowan", "Sandra Maler"], []),
        0,
        [],
    ),
    (DW, "Pejabat Tinggi Mesir Kunjungi Libya", None, ([], ["ant", "dpa"]), 0, ["Latar belakang"]),
    (DETIK, None, ("Jakarta", None), (["mei", "ega"], []), 0, []),
    (TEMPO, None, ("Jakarta", "TEMPO.CO"), None, 0, []),
]


@pytest.mark.parametrize(
    "case", FORMAT_CASES, ids=["kompas", "antara", "reuters", "dw", "detik", "tempo"]
)
def test_wire_formats(case: tuple[Any, ...]) -> None:
    text, title, dateline, credits, n_related, subheadings = case
    doc = warta.parse(text)
    assert doc["title"] == title
    if dateline is None:
        assert doc["dateline"] is None
    else:
        assert doc["dateline"] is not None
        assert (doc["dateline"]["place"], doc["dateline"]["agency"]) == dateline
    if credits is None:
        assert doc["credits"] is None
    else:
        assert doc["credits"] is not None
        assert (doc["credits"]["authors"], doc["credits"]["agencies"]) == credits
    assert sum(p["kind"] == "related" for p in doc["paragraphs"]) == n_related
    assert doc["subheadings"] == subheadings
    for p in doc["paragraphs"]:
        piece = text[p["start"] : p["end"]]
        assert piece == piece.strip() and piece
        if p["kind"] == "body":
            assert not piece.startswith(("Penulis", "Pewarta", "Baca juga", "Reporting by"))


def test_plain_layout_has_no_structure() -> None:
    doc = warta.parse(KOMPAS, layout="plain")
    assert doc["title"] is None and doc["dateline"] is None and doc["credits"] is None
    assert {p["kind"] for p in doc["paragraphs"]} == {"body"}


def test_language_detection(corpus: list[dict[str, Any]]) -> None:
    sample = corpus[::25]
    langs = [warta.parse(r["text"])["lang"] for r in sample]
    assert langs.count("id") == len(sample)
    assert warta.parse(REUTERS)["lang"] == "en"
    assert warta.parse("12345 67890")["lang"] == "und"
