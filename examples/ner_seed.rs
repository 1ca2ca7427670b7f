//! Compares entity extraction on a seed article with its hand-made gold.
//!
//! ```text
//! cargo run --release --example ner_seed -- ../shared/seeds/000_8153dd4851bd7597.txt ../shared/gold/000_8153dd4851bd7597.json
//! ```

use warta::article::structure;
use warta::doc::Lang;
use warta::entities::EntityExtractor;
use warta::Layout;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(text_path), Some(gold_path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: ner_seed TEXT GOLD.json");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(text_path).unwrap_or_default();
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(gold_path).unwrap_or_default())
            .unwrap_or_default();
    let extractor = match EntityExtractor::new(&[]) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let s = structure(&text, Layout::Article, Lang::Id);
    let got = extractor.extract(&text, &s.paragraphs, Lang::Id);
    // Code-point offsets of the predictions, as the gold has them.
    let cp = |b: usize| text.get(..b).map_or(0, |p| p.chars().count());
    let pred: Vec<(usize, usize, &str, String)> = got
        .mentions
        .iter()
        .map(|m| {
            (
                cp(m.span.start),
                cp(m.span.end),
                m.label.name(),
                m.span.slice(&text).to_string(),
            )
        })
        .collect();
    let empty = Vec::new();
    let gm = gold["mentions"].as_array().unwrap_or(&empty);
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for g in gm {
        let key = (
            g["start"].as_u64().unwrap_or(0) as usize,
            g["end"].as_u64().unwrap_or(0) as usize,
            g["label"].as_str().unwrap_or(""),
        );
        let optional = g["optional"].as_bool().unwrap_or(false);
        let hit = pred.iter().any(|p| (p.0, p.1, p.2) == key);
        if hit && !optional {
            tp += 1;
        } else if !hit && !optional {
            fn_ += 1;
            println!("MISSED {:?} {}", key, g["text"]);
        }
    }
    for p in &pred {
        let in_gold = gm.iter().any(|g| {
            (
                g["start"].as_u64().unwrap_or(0) as usize,
                g["end"].as_u64().unwrap_or(0) as usize,
                g["label"].as_str().unwrap_or(""),
            ) == (p.0, p.1, p.2)
        });
        if !in_gold {
            fp += 1;
            println!("SPURIOUS {:?}", p);
        }
    }
    let prec = tp as f64 / (tp + fp).max(1) as f64;
    let rec = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "mentions: tp {tp} fp {fp} fn {fn_}  P {prec:.4} R {rec:.4} F1 {:.4}",
        2.0 * prec * rec / (prec + rec).max(1e-9)
    );
    for e in &got.entities {
        println!(
            "{} {:?} roles={:?} aliases={:?} n={}",
            e.label.name(),
            e.name,
            e.roles,
            e.aliases,
            e.mentions
        );
    }
    if std::env::var_os("NER_DEBUG").is_some() {
        for p in &s.paragraphs {
            let one = [*p];
            let x = extractor.extract(&text, &one, Lang::Id);
            let spans: Vec<String> = x
                .mentions
                .iter()
                .map(|m| format!("[{} {}]", m.span.slice(&text), m.label.name()))
                .collect();
            println!(
                "{:?} {:?}: {}",
                p.kind,
                p.span.slice(&text).chars().take(60).collect::<String>(),
                spans.join(" ")
            );
        }
    }
    for a in &got.acronyms {
        println!("acronym {} = {}", a.short, a.long);
    }
}
