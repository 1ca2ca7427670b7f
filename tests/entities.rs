//! Entity extraction: the seed article's gold, benchmark floors, the user gazetteer, and
//! hostile inputs.

use warta::article::structure;
use warta::doc::{Label, Lang, Paragraph, ParagraphKind, Span};
use warta::entities::corpus::{read_file, Format};
use warta::entities::eval::{evaluate, plain_paragraphs};
use warta::entities::{EntityExtractor, Extraction, GazetteerEntry};
use warta::Layout;

fn extractor() -> EntityExtractor {
    match EntityExtractor::new(&[]) {
        Ok(x) => x,
        Err(e) => panic!("built-in model does not load: {e}"),
    }
}

fn plain(x: &EntityExtractor, text: &str) -> Extraction {
    x.extract(text, &plain_paragraphs(text), Lang::Id)
}

fn data(rel: &str) -> Option<String> {
    let path = format!("{}/../shared/{rel}", env!("CARGO_MANIFEST_DIR"));
    if std::path::Path::new(&path).exists() {
        Some(path)
    } else {
        eprintln!("skipped: {path} is absent");
        None
    }
}

/// The invariants every extraction keeps: mentions in order, non-overlapping, inside one
/// analysed paragraph, on char boundaries; entity indices valid and counts consistent.
fn check_invariants(text: &str, paragraphs: &[Paragraph], x: &Extraction) {
    let mut last_end = 0;
    for m in &x.mentions {
        assert!(m.span.start < m.span.end, "empty mention {m:?}");
        assert!(
            m.span.start >= last_end,
            "overlapping or unordered mention {m:?}"
        );
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        let inside = paragraphs.iter().any(|p| {
            matches!(
                p.kind,
                ParagraphKind::Title | ParagraphKind::Body | ParagraphKind::Subheading
            ) && p.span.start <= m.span.start
                && m.span.end <= p.span.end
        });
        assert!(inside, "mention {m:?} outside the analysed paragraphs");
        assert!(m.entity < x.entities.len());
        last_end = m.span.end;
    }
    for (i, e) in x.entities.iter().enumerate() {
        let n = x.mentions.iter().filter(|m| m.entity == i).count();
        assert_eq!(n, e.mentions, "entity {i} mention count");
        assert!(n > 0 && !e.name.is_empty());
    }
}

#[test]
fn seed_article_matches_gold() {
    let (Some(text_path), Some(gold_path)) = (
        data("seeds/000_8153dd4851bd7597.txt"),
        data("gold/000_8153dd4851bd7597.json"),
    ) else {
        return;
    };
    let text = std::fs::read_to_string(text_path).unwrap_or_default();
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(gold_path).unwrap_or_default())
            .unwrap_or_default();
    let s = structure(&text, Layout::Article, Lang::Id);
    let x = extractor().extract(&text, &s.paragraphs, Lang::Id);
    check_invariants(&text, &s.paragraphs, &x);

    let cp = |b: usize| text.get(..b).map_or(0, |p| p.chars().count());
    let pred: Vec<(usize, usize, &str)> = x
        .mentions
        .iter()
        .map(|m| (cp(m.span.start), cp(m.span.end), m.label.name()))
        .collect();
    let empty = Vec::new();
    let gm = gold["mentions"].as_array().unwrap_or(&empty);
    let key = |g: &serde_json::Value| {
        (
            g["start"].as_u64().unwrap_or(0) as usize,
            g["end"].as_u64().unwrap_or(0) as usize,
            g["label"].as_str().unwrap_or("").to_string(),
        )
    };
    let required: Vec<_> = gm
        .iter()
        .filter(|g| !g["optional"].as_bool().unwrap_or(false))
        .map(key)
        .collect();
    let all: Vec<_> = gm.iter().map(key).collect();
    let tp = required
        .iter()
        .filter(|g| {
            pred.iter()
                .any(|p| (p.0, p.1, p.2) == (g.0, g.1, g.2.as_str()))
        })
        .count();
    let fp = pred
        .iter()
        .filter(|p| {
            !all.iter()
                .any(|g| (p.0, p.1, p.2) == (g.0, g.1, g.2.as_str()))
        })
        .count();
    let (p, r) = (
        tp as f64 / (tp + fp).max(1) as f64,
        tp as f64 / required.len().max(1) as f64,
    );
    let f1 = 2.0 * p * r / (p + r).max(1e-9);
    assert!(f1 >= 0.95, "seed mention F1 {f1:.3} (P {p:.3} R {r:.3})");

    for ge in gold["entities"].as_array().unwrap_or(&empty) {
        let name = ge["name"].as_str().unwrap_or("");
        let Some(e) = x.entities.iter().find(|e| e.name == name) else {
            panic!("entity {name:?} not found: {:?}", x.entities);
        };
        assert_eq!(e.label.name(), ge["label"].as_str().unwrap_or(""), "{name}");
        let strings = |v: &serde_json::Value| -> Vec<String> {
            v.as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default()
        };
        assert_eq!(e.roles, strings(&ge["roles"]), "roles of {name}");
        assert_eq!(e.aliases, strings(&ge["aliases"]), "aliases of {name}");
    }
    for ga in gold["acronyms"].as_array().unwrap_or(&empty) {
        let (short, long) = (
            ga["short"].as_str().unwrap_or(""),
            ga["long"].as_str().unwrap_or(""),
        );
        assert!(
            x.acronyms
                .iter()
                .any(|a| a.short == short && a.long == long),
            "acronym {short} = {long} missing: {:?}",
            x.acronyms
        );
    }
}

fn micro_f1(rel: &str) -> Option<f64> {
    let path = data(rel)?;
    let examples = match read_file(&path, Format::Conll) {
        Ok(x) => x,
        Err(e) => panic!("{e}"),
    };
    let scores = evaluate(&extractor(), &examples);
    eprintln!("{rel}\n{}", scores.report());
    Some(scores.micro().f1())
}

#[test]
fn idner_news_test_floor() {
    if let Some(f1) = micro_f1("data/id/idner-news-2k/test.txt") {
        assert!(f1 >= 0.87, "idner-news-2k test micro F1 {f1:.4}");
    }
}

#[test]
fn nergrit_test_floor() {
    if let Some(f1) = micro_f1("data/id/nergrit/test_preprocess.txt") {
        assert!(f1 >= 0.71, "nergrit test micro F1 {f1:.4}");
    }
}

struct Case {
    text: &'static str,
    expect: &'static [(&'static str, Label)],
}

#[test]
fn table_of_sentences() {
    let cases = [
        Case {
            text: "Presiden Joko Widodo meresmikan jalan tol di Kabupaten Batang, Jawa Tengah.",
            expect: &[("Joko Widodo", Label::Per)],
        },
        Case {
            text: "Komisi Pemberantasan Korupsi (KPK) memeriksa pejabat DPR di Jakarta.",
            expect: &[
                ("Komisi Pemberantasan Korupsi", Label::Org),
                ("KPK", Label::Org),
                ("DPR", Label::Org),
                ("Jakarta", Label::Loc),
            ],
        },
        // An organisation named after a place is one mention; a place after "di" is not
        // part of the name.
        Case {
            text: "Kasus itu ditangani Kepolisian Daerah Jawa Timur dan Kejaksaan Negeri Surabaya.",
            expect: &[
                ("Kepolisian Daerah Jawa Timur", Label::Org),
                ("Kejaksaan Negeri Surabaya", Label::Org),
            ],
        },
        Case {
            text: "Sekretaris Jenderal PBB di Jenewa menolak usulan Kementerian Luar Negeri Rusia.",
            expect: &[
                ("PBB", Label::Org),
                ("Jenewa", Label::Loc),
                ("Kementerian Luar Negeri Rusia", Label::Org),
            ],
        },
    ];
    let x = extractor();
    for case in cases {
        let got = plain(&x, case.text);
        let found: Vec<(&str, Label)> = got
            .mentions
            .iter()
            .map(|m| (m.span.slice(case.text), m.label))
            .collect();
        for want in case.expect {
            assert!(
                found.contains(want),
                "{:?} not in {found:?} ({})",
                want,
                case.text
            );
        }
    }
}

#[test]
fn titles_roles_aliases_and_acronyms() {
    let text = "Menteri Keuangan Sri Mulyani Indrawati bertemu Gubernur Bank Indonesia (BI) Perry Warjiyo. \
                Sri Mulyani mengatakan BI akan membantu.";
    let x = plain(&extractor(), text);
    let smi = x
        .entities
        .iter()
        .find(|e| e.name == "Sri Mulyani Indrawati");
    let Some(smi) = smi else {
        panic!("no Sri Mulyani Indrawati in {:?}", x.entities)
    };
    assert_eq!(smi.roles, ["Menteri Keuangan"]);
    assert_eq!(smi.aliases, ["Sri Mulyani"]);
    assert!(x
        .acronyms
        .iter()
        .any(|a| a.short == "BI" && a.long == "Bank Indonesia"));
}

#[test]
fn gazetteer_takes_precedence_and_is_validated() {
    let entries = [GazetteerEntry {
        name: "Kantor Berita Warta".into(),
        label: Label::Org,
        canonical: Some("KB Warta".into()),
        id: Some("Q1".into()),
    }];
    let x = match EntityExtractor::new(&entries) {
        Ok(x) => x,
        Err(e) => panic!("{e}"),
    };
    let text = "Laporan Kantor Berita Warta dan Kantor Berita Wartawan beredar.";
    let got = plain(&x, text);
    let m: Vec<&str> = got.mentions.iter().map(|m| m.span.slice(text)).collect();
    assert!(m.contains(&"Kantor Berita Warta"), "{m:?}");
    let e = got
        .entities
        .iter()
        .find(|e| e.kb_id.as_deref() == Some("Q1"));
    assert_eq!(e.map(|e| e.name.as_str()), Some("KB Warta"));
    // Whole words only: "Wartawan" does not match "Warta".
    assert_eq!(got.entities.iter().filter(|e| e.kb_id.is_some()).count(), 1);
    assert_eq!(e.map(|e| e.mentions), Some(1));

    for bad in ["", " padded ", "   "] {
        let entry = GazetteerEntry {
            name: bad.into(),
            label: Label::Per,
            canonical: None,
            id: None,
        };
        assert!(matches!(
            EntityExtractor::new(&[entry]),
            Err(warta::Error::Config(_))
        ));
    }
}

#[test]
fn hostile_inputs_never_panic() {
    let x = extractor();
    let long_word = "A".repeat(2_000_000);
    let many_caps = "Budi Santoso ".repeat(50_000);
    let parens = "(ABC) ".repeat(50_000);
    let texts: Vec<String> = vec![
        String::new(),
        "\0\0\0".into(),
        "\r\n\r\nJakarta\r\n".into(),
        "😀 Jakarta 😀 (GNA) 👍🏽 e\u{301} Ñandú".into(),
        "( ) ( X ) ) ( , , Menteri , Budi ,".into(),
        "Presiden Presiden Presiden".into(),
        long_word,
        many_caps,
        parens,
        "\u{feff}\u{200b}Kata \u{202e}Budi".into(),
    ];
    for text in &texts {
        let paras = [Paragraph {
            span: Span::new(0, text.len()),
            kind: ParagraphKind::Body,
        }];
        let got = x.extract(text, &paras, Lang::Id);
        check_invariants(text, &paras, &got);
        let lines = plain_paragraphs(text);
        let got = x.extract(text, &lines, Lang::En);
        check_invariants(text, &lines, &got);
    }
    // Paragraph spans off char boundaries or past the end are ignored, not a panic.
    let text = "Jakarta é";
    let bad = [
        Paragraph {
            span: Span::new(0, 9),
            kind: ParagraphKind::Body,
        },
        Paragraph {
            span: Span::new(5, 100),
            kind: ParagraphKind::Title,
        },
    ];
    let _ = x.extract(text, &bad, Lang::Id);
}

#[test]
fn credits_and_datelines_are_not_analysed() {
    let text = "Budi Santoso tiba.\nrap/ha (AP, Reuters)";
    let paras = [
        Paragraph {
            span: Span::new(0, 18),
            kind: ParagraphKind::Body,
        },
        Paragraph {
            span: Span::new(19, text.len()),
            kind: ParagraphKind::Credit,
        },
    ];
    let got = extractor().extract(text, &paras, Lang::Id);
    assert!(got.mentions.iter().all(|m| m.span.end <= 18));
}

#[test]
fn adversarial_articles_stay_linear() {
    // Many names, acronyms, parentheses and repeated surnames in one paragraph: every
    // article-level step must stay near-linear (a quadratic one would take minutes here).
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!(
            "Budi Santoso{i} dan Kementerian Luar Negeri Wilayah{i} (KLN{i}) bertemu Santoso{i} di Jakarta, "
        ));
    }
    let x = extractor();
    let start = std::time::Instant::now();
    let got = plain(&x, &text);
    let took = start.elapsed();
    check_invariants(&text, &plain_paragraphs(&text), &got);
    assert!(took.as_secs() < 20, "took {took:?} on {} bytes", text.len());
}

#[test]
fn english_text_uses_the_english_model() {
    let Some(path) = data("data/en/uner-ewt/en_ewt-ud-test.iob2") else {
        return;
    };
    let examples = match read_file(&path, Format::Iob2) {
        Ok(x) => x,
        Err(e) => panic!("{e}"),
    };
    let scores =
        warta::entities::eval::evaluate_lang(&extractor(), &examples, warta::doc::Lang::En);
    eprintln!("uner-ewt test (English)\n{}", scores.report());
    assert!(scores.micro().f1() >= 0.58, "{}", scores.report());
}

#[test]
fn random_texts_keep_the_invariants() {
    // Deterministic pseudo-random texts from pieces that stress every rule: brackets,
    // acronyms, titles, honorifics, quotes, periods, emoji, combining marks, NUL, CR.
    const PIECES: &[&str] = &[
        "Budi",
        "Santoso",
        "Presiden",
        "Pak",
        "(",
        ")",
        "KPK",
        "GNA",
        ",",
        ".",
        "\"",
        "“",
        "”",
        "di",
        "Jakarta",
        "Kementerian",
        "Luar",
        "Negeri",
        "juru",
        "bicara",
        "😀",
        "e\u{301}",
        "\0",
        "\r",
        "\n",
        " ",
        "  ",
        "-nya",
        "Bangsa-Bangsa",
        "Moh.",
        "PT.",
        "'",
        "Uni",
        "Emirat",
        "Arab",
        "yang",
        "kata",
        "Ibu",
        "Sri",
        "Mulyani",
        "A",
        "(BI)",
        "\u{200b}",
        "İ",
        "ß",
    ];
    let x = extractor();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let n = (next() % 60) as usize;
        let mut text = String::new();
        for _ in 0..n {
            let piece = PIECES[(next() % PIECES.len() as u64) as usize];
            text.push_str(piece);
            if next() % 3 != 0 {
                text.push(' ');
            }
        }
        let mut paras = plain_paragraphs(&text);
        for p in &mut paras {
            p.kind = match next() % 4 {
                0 => ParagraphKind::Title,
                1 => ParagraphKind::Subheading,
                2 => ParagraphKind::Credit,
                _ => ParagraphKind::Body,
            };
        }
        let lang = if next() % 2 == 0 { Lang::Id } else { Lang::En };
        let got = x.extract(&text, &paras, lang);
        check_invariants(&text, &paras, &got);
    }
}

#[test]
fn lower_case_lines_still_yield_names() {
    let text =
        "presiden joko widodo meninjau banjir di kota bandung dan bertemu gubernur ridwan kamil";
    let got = plain(&extractor(), text);
    let found: Vec<(&str, Label)> = got
        .mentions
        .iter()
        .map(|m| (m.span.slice(text), m.label))
        .collect();
    assert!(found.contains(&("joko widodo", Label::Per)), "{found:?}");
    assert!(
        found
            .iter()
            .any(|m| m.0.ends_with("bandung") && m.1 == Label::Loc),
        "{found:?}"
    );
}

#[test]
fn all_caps_headlines_are_read_by_word() {
    let text =
        "PEJABAT TINGGI MESIR KEMBALI KUNJUNGI LIBYA UNTUK BERTEMU PRESIDEN JOKO WIDODO DAN KPK";
    let paras = [Paragraph {
        span: Span::new(0, text.len()),
        kind: ParagraphKind::Title,
    }];
    let got = extractor().extract(text, &paras, Lang::Id);
    let found: Vec<(&str, Label)> = got
        .mentions
        .iter()
        .map(|m| (m.span.slice(text), m.label))
        .collect();
    assert!(found.contains(&("JOKO WIDODO", Label::Per)), "{found:?}");
    assert!(found.contains(&("KPK", Label::Org)), "{found:?}");
    assert!(!found.iter().any(|m| m.0.contains("PEJABAT")), "{found:?}");
}
