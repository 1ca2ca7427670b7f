//! Date extraction throughput on the IndoSum corpus.
//!
//! ```text
//! cargo run --release --example dates_speed [-- PATH] [--dump N] [--anchor YYYY-MM-DD]
//! ```
//! Prints characters per second of `DateExtractor::find` alone (JSON parsing excluded),
//! single-threaded. `--dump N` prints the dates of the first N articles instead, for review;
//! `--annotate FILE` fills the expected column of a case table (anchor, lang, snippet) with
//! what the extractor finds, as a starting point for hand-checking.

use std::time::Instant;

use warta::calendar::Date;
use warta::dates::DateExtractor;
use warta::doc::Lang;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut path = "../shared/data/corpus/indosum-dev.jsonl".to_string();
    let mut dump: Option<usize> = None;
    let mut anchor = Date::new(2017, 6, 15);
    let mut annotate: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dump" => dump = args.next().and_then(|n| n.parse().ok()),
            "--anchor" => anchor = args.next().and_then(|s| Date::parse_iso(&s)),
            "--annotate" => annotate = args.next(),
            _ => path = a,
        }
    }
    if let Some(file) = annotate {
        return annotate_cases(&file);
    }
    let raw = std::fs::read_to_string(&path)?;
    let mut texts = Vec::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            texts.push(t.to_string());
        }
    }
    let extractor = DateExtractor::new();
    if let Some(n) = dump {
        for (k, text) in texts.iter().take(n).enumerate() {
            for d in extractor.find(text, Lang::Id, anchor) {
                let s = d.span.slice(text);
                let ctx_start = floor(text, d.span.start.saturating_sub(40));
                let ctx_end = ceil(text, (d.span.end + 25).min(text.len()));
                let ctx = text
                    .get(ctx_start..ctx_end)
                    .unwrap_or("")
                    .replace('\n', " ");
                println!(
                    "{k}\t{s}\t{}\t{}\t{ctx}",
                    d.value.as_deref().unwrap_or("-"),
                    d.grain.name()
                );
            }
        }
        return Ok(());
    }
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    let mut best = f64::MAX;
    let mut best_cpu = f64::MAX;
    let mut found = 0;
    for _ in 0..5 {
        let t0 = Instant::now();
        let c0 = cpu_seconds();
        found = 0;
        for text in &texts {
            found += extractor.find(text, Lang::Id, anchor).len();
        }
        best = best.min(t0.elapsed().as_secs_f64());
        if let (Some(c0), Some(c1)) = (c0, cpu_seconds()) {
            best_cpu = best_cpu.min(c1 - c0);
        }
    }
    println!(
        "{} articles, {} chars, {} dates: best of 5 {:.3} s wall = {:.1} M chars/s (one thread)",
        texts.len(),
        chars,
        found,
        best,
        chars as f64 / best / 1e6
    );
    if best_cpu < f64::MAX {
        // On a shared machine the wall clock includes time spent waiting for a core.
        println!(
            "on-CPU time {:.3} s = {:.1} M chars/s per core",
            best_cpu,
            chars as f64 / best_cpu / 1e6
        );
    }
    Ok(())
}

/// This thread's time on a CPU, from Linux's /proc/thread-self/schedstat (nanoseconds).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Prints `anchor<TAB>lang<TAB>snippet<TAB>found` for each row of a case table.
fn annotate_cases(file: &str) -> Result<(), Box<dyn std::error::Error>> {
    let extractor = DateExtractor::new();
    for line in std::fs::read_to_string(file)?.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(a), Some(l), Some(snippet)) = (cols.first(), cols.get(1), cols.get(2)) else {
            println!("{line}");
            continue;
        };
        if a.starts_with('#') {
            println!("{line}");
            continue;
        }
        let lang = Lang::from_code(l).unwrap_or(Lang::Id);
        let found: Vec<String> = extractor
            .find(snippet, lang, Date::parse_iso(a))
            .iter()
            .map(|d| {
                format!(
                    "{} = {} ({})",
                    d.span.slice(snippet),
                    d.value.as_deref().unwrap_or("null"),
                    d.grain.name()
                )
            })
            .collect();
        let found = if found.is_empty() {
            "-".to_string()
        } else {
            found.join("; ")
        };
        println!("{a}\t{l}\t{snippet}\t{found}");
    }
    Ok(())
}

fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}
