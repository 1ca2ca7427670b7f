//! Date extraction: the founding sample's gold, a table of real corpus sentences
//! (`tests/data/dates_cases.tsv`), and invariants on hostile input.

use std::path::Path;

use warta::calendar::Date;
use warta::dates::DateExtractor;
use warta::doc::{DateMention, Lang};

/// One row of the case table.
struct Case {
    line: usize,
    anchor: Option<Date>,
    lang: Lang,
    snippet: String,
    expected: Vec<(String, String, String)>,
}

/// Reads `tests/data/dates_cases.tsv`: `anchor<TAB>lang<TAB>snippet<TAB>expected`, where
/// expected is `-` (no date) or `text = value (grain)` items joined by `; `, value `null`
/// when unresolvable; `#` starts a comment line; anchor `-` means none.
fn load_cases() -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dates_cases.tsv");
    let raw = std::fs::read_to_string(&path).expect("tests/data/dates_cases.tsv is readable");
    let mut cases = Vec::new();
    for (k, line) in raw.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            cols.len(),
            4,
            "line {}: want 4 tab-separated columns",
            k + 1
        );
        let anchor = match cols[0] {
            "-" => None,
            a => Some(Date::parse_iso(a).unwrap_or_else(|| panic!("line {}: bad anchor", k + 1))),
        };
        let lang = Lang::from_code(cols[1]).unwrap_or_else(|| panic!("line {}: bad lang", k + 1));
        let expected = if cols[3] == "-" {
            Vec::new()
        } else {
            cols[3]
                .split("; ")
                .map(|item| {
                    let (head, grain) = item
                        .rsplit_once(" (")
                        .unwrap_or_else(|| panic!("line {}: item {item:?} lacks (grain)", k + 1));
                    let (text, value) = head
                        .rsplit_once(" = ")
                        .unwrap_or_else(|| panic!("line {}: item {item:?} lacks ' = '", k + 1));
                    (
                        text.to_string(),
                        value.to_string(),
                        grain.trim_end_matches(')').to_string(),
                    )
                })
                .collect()
        };
        cases.push(Case {
            line: k + 1,
            anchor,
            lang,
            snippet: cols[2].to_string(),
            expected,
        });
    }
    cases
}

fn render(text: &str, found: &[DateMention]) -> Vec<(String, String, String)> {
    found
        .iter()
        .map(|d| {
            (
                d.span.slice(text).to_string(),
                d.value.clone().unwrap_or_else(|| "null".to_string()),
                d.grain.name().to_string(),
            )
        })
        .collect()
}

#[test]
fn case_table() {
    let extractor = DateExtractor::new();
    let cases = load_cases();
    assert!(
        cases.len() >= 200,
        "the table should hold at least 200 cases"
    );
    let mut failures = Vec::new();
    for case in &cases {
        let found = extractor.find(&case.snippet, case.lang, case.anchor);
        let got = render(&case.snippet, &found);
        if got != case.expected {
            failures.push(format!(
                "line {}: {}\n   want {:?}\n    got {:?}",
                case.line, case.snippet, case.expected, got
            ));
        }
    }
    println!(
        "dates case table: {}/{} pass",
        cases.len() - failures.len(),
        cases.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Byte offset of code-point index `cp` in `text`.
fn byte_at(text: &str, cp: usize) -> usize {
    text.char_indices().nth(cp).map_or(text.len(), |(b, _)| b)
}

#[test]
fn seed_gold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let seed = root.join("seeds/000_8153dd4851bd7597.txt");
    let gold = root.join("gold/000_8153dd4851bd7597.json");
    let (Ok(text), Ok(gold)) = (
        std::fs::read_to_string(&seed),
        std::fs::read_to_string(&gold),
    ) else {
        println!(
            "seed_gold skipped: {} or {} not found",
            seed.display(),
            gold.display()
        );
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(&gold).expect("gold is JSON");
    let anchor = gold["published"].as_str().and_then(Date::parse_iso);
    assert_eq!(anchor, Date::new(2020, 12, 28));
    let want: Vec<(usize, usize, String, String)> = gold["dates"]
        .as_array()
        .expect("gold has dates")
        .iter()
        .map(|d| {
            let start = byte_at(&text, d["start"].as_u64().unwrap() as usize);
            let end = byte_at(&text, d["end"].as_u64().unwrap() as usize);
            assert_eq!(&text[start..end], d["text"].as_str().unwrap());
            (
                start,
                end,
                d["value"].as_str().unwrap().to_string(),
                d["grain"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let found = DateExtractor::new().find(&text, Lang::Id, anchor);
    let got: Vec<(usize, usize, String, String)> = found
        .iter()
        .map(|d| {
            (
                d.span.start,
                d.span.end,
                d.value.clone().unwrap_or_default(),
                d.grain.name().to_string(),
            )
        })
        .collect();
    let hits = want.iter().filter(|w| got.contains(w)).count();
    println!(
        "seed gold: {hits}/{} dates, {} found",
        want.len(),
        got.len()
    );
    assert_eq!(got, want);
}

#[test]
fn relative_dates_need_an_anchor() {
    let text =
        "Dia datang kemarin dan Minggu (27/12), bulan lalu dan sejak 2014, pada 28 Desember 2020.";
    let found = DateExtractor::new().find(text, Lang::Id, None);
    let got = render(text, &found);
    let want = [
        ("kemarin", "null", "day"),
        ("Minggu (27/12)", "null", "day"),
        ("bulan lalu", "null", "month"),
        ("2014", "2014", "year"),
        ("28 Desember 2020", "2020-12-28", "day"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(got, want);
    assert!(found[0].relative && !found[4].relative);
}

#[test]
fn quoted_deictics_are_optional() {
    let text = "\"Kami bertemu hari ini di Tripoli,\" katanya. Ia pulang hari ini.";
    let anchor = Date::new(2020, 12, 28);
    let default = DateExtractor::new().find(text, Lang::Id, anchor);
    assert_eq!(default.len(), 1);
    assert!(default[0].span.start > text.find("katanya").unwrap());
    let all = DateExtractor::new()
        .with_quoted_deictics(true)
        .find(text, Lang::Id, anchor);
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].value.as_deref(), Some("2020-12-28"));
}

#[test]
fn extractor_is_shareable() {
    fn assert_traits<T: Send + Sync + Clone + std::fmt::Debug>() {}
    assert_traits::<DateExtractor>();
}

/// Checks the output contract: in order, non-overlapping, on char boundaries, non-empty.
fn check_invariants(text: &str, found: &[DateMention]) {
    let mut last_end = 0;
    for d in found {
        assert!(d.span.start < d.span.end, "empty span in {text:?}");
        assert!(d.span.start >= last_end, "overlap or disorder in {text:?}");
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        assert!(d.span.end <= text.len());
        last_end = d.span.end;
    }
}

#[test]
fn hostile_input_never_panics() {
    let pieces = [
        "Senin",
        " (",
        "27",
        "/",
        "12",
        ")",
        "/2017",
        " ",
        "2014",
        "-",
        "an",
        "Desember",
        " 2020",
        "hari ini",
        "kemarin",
        "pukul ",
        "10.00",
        " WIB",
        "\"",
        "“",
        "”",
        "\u{0}",
        "\r",
        "\n",
        "\u{a0}",
        "é",
        "e\u{301}",
        "日本",
        "😀",
        "tahun",
        " lalu",
        "9999",
        "99999999999",
        "00",
        "31",
        "2",
        "29",
        ".",
        ",",
        "akhir",
        "pekan",
        "ini",
        "kuartal",
        "IV",
        "selama",
        "tiga",
        "Jum'at",
        "'",
        "’",
        "—",
        "minggu",
        "Minggu",
        "lusa",
        "0",
        "Mei",
        "yang",
        "(",
        ")",
    ];
    let extractor = DateExtractor::new();
    let anchor = Date::new(2020, 12, 28);
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..4000 {
        let mut text = String::new();
        let n = (state >> 59) as usize + 1;
        for _ in 0..n * 2 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            text.push_str(pieces[(state >> 33) as usize % pieces.len()]);
        }
        for lang in [Lang::Id, Lang::En, Lang::Und] {
            let extreme = Some(Date {
                year: i32::MAX,
                month: 12,
                day: 31,
            });
            for a in [
                anchor,
                None,
                Date::new(1, 1, 1),
                Date::new(9999, 12, 31),
                extreme,
            ] {
                let found = extractor.find(&text, lang, a);
                check_invariants(&text, &found);
            }
        }
    }
    for text in [
        "",
        " ",
        "(",
        "(1/",
        "1/1/",
        "Senin (",
        "pukul",
        "tahun",
        "\u{feff}2014 lalu",
    ] {
        check_invariants(text, &extractor.find(text, Lang::Und, anchor));
    }
}

#[test]
fn long_repetitive_input_stays_linear() {
    let extractor = DateExtractor::new();
    let anchor = Date::new(2020, 12, 28);
    let units = [
        "hari ini ",
        "\"kemarin\" ",
        "Januari-",
        "pukul 10.00 WIB ",
        "(((",
        "1/1/1/",
        "2014-2015-",
        "Senin (",
        "akhir ",
        "tiga ",
        "9",
        "Minggu lalu ",
        "17-18 Desember ",
        "pada 2014, 2015, ",
        "Selasa malam (14/11) ",
        "\u{201C}hari ini\u{201D} ",
        "kuartal I/",
        "abad ke-",
    ];
    for unit in units {
        let text = format!("28 Desember 2020 {}", unit.repeat(200_000 / unit.len()));
        let start = std::time::Instant::now();
        let found = extractor.find(&text, Lang::Id, anchor);
        check_invariants(&text, &found);
        let secs = start.elapsed().as_secs_f64();
        assert!(secs < 10.0, "{unit:?} x 200 KB took {secs:.1} s");
    }
}

/// English, second language: values against the `<date when=...>` annotations of the GUM
/// Wikinews documents (CC BY 4.0), sentence by sentence, anchored on each document's
/// creation date. A rough figure: GUM marks only some expressions and writes weeks and
/// parts of days differently, so it understates agreement; it guards against regressions.
#[test]
fn gum_news_english_values() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/en/gum-news");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!(
            "gum_news_english_values skipped: {} not found",
            dir.display()
        );
        return;
    };
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    let extractor = DateExtractor::new();
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    for file in files {
        let raw = std::fs::read_to_string(&file).expect("readable conllu");
        let mut anchor = None;
        let mut sentence: Option<String> = None;
        let mut gold: Vec<String> = Vec::new();
        for line in raw.lines().chain(std::iter::once("")) {
            if let Some(d) = line.strip_prefix("# meta::dateCreated = ") {
                anchor = Date::parse_iso(d.get(..10).unwrap_or(d));
            } else if let Some(t) = line.strip_prefix("# text = ") {
                sentence = Some(t.to_string());
                gold.clear();
            } else if line.is_empty() {
                if let Some(text) = sentence.take() {
                    let mut want = gold.clone();
                    for d in extractor.find(&text, Lang::En, anchor) {
                        match d.value.and_then(|v| want.iter().position(|w| *w == v)) {
                            Some(k) => {
                                want.swap_remove(k);
                                tp += 1;
                            }
                            None => fp += 1,
                        }
                    }
                    fneg += want.len();
                }
            } else if line.starts_with(|c: char| c.is_ascii_digit()) {
                for part in line.split("<date when:::\"").skip(1) {
                    if let Some(v) = part.split('"').next() {
                        gold.push(v.to_string());
                    }
                }
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fneg).max(1) as f64;
    let f1 = 2.0 * p * r / (p + r).max(1e-9);
    println!("GUM news (en) date values: tp {tp} fp {fp} fn {fneg}: P {p:.2} R {r:.2} F1 {f1:.2}");
    assert!(f1 >= 0.6, "English date values regressed: F1 {f1:.2}");
}

#[test]
fn corpus_invariants() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/corpus/indosum-dev.jsonl");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        println!("corpus_invariants skipped: {} not found", path.display());
        return;
    };
    let extractor = DateExtractor::new();
    let anchor = Date::new(2017, 6, 15);
    for line in raw.lines().take(600) {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSONL");
        let text = v["text"].as_str().unwrap_or("");
        check_invariants(text, &extractor.find(text, Lang::Id, anchor));
    }
}
