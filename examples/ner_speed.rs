//! Entity extraction throughput on one core: characters per second over a JSONL corpus.
//!
//! ```text
//! cargo run --release --example ner_speed -- ../shared/data/corpus/indosum-dev.jsonl
//! ```

use std::time::Instant;
use warta::doc::Lang;
use warta::entities::eval::plain_paragraphs;
use warta::entities::EntityExtractor;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/corpus/indosum-dev.jsonl".into());
    let data = std::fs::read_to_string(&path).unwrap_or_default();
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let paras: Vec<_> = texts.iter().map(|t| plain_paragraphs(t)).collect();
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    let extractor = match EntityExtractor::new(&[]) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let mut best = f64::MAX;
    let mut mentions = 0;
    for _ in 0..3 {
        let t0 = Instant::now();
        mentions = 0;
        for (t, p) in texts.iter().zip(&paras) {
            mentions += extractor.extract(t, p, Lang::Id).mentions.len();
        }
        best = best.min(t0.elapsed().as_secs_f64());
    }
    println!(
        "{} articles, {} chars, {} mentions: {:.3} s, {:.2} M chars/s (one core, best of 3)",
        texts.len(),
        chars,
        mentions,
        best,
        chars as f64 / best / 1e6
    );
}
