//! Throughput of the whole pipeline in pure Rust (no Python): the yardstick that
//! `bench/bench.py` holds `parse_many` against.
//!
//! ```text
//! cargo run --release --example core_speed [-- PATH] [--threads N] [--repeat N] [--limit N]
//!                                           [--serial-only] [--json]
//! ```
//! Reads the JSONL corpus (default `../shared/data/corpus/indosum-dev.jsonl`) with
//! serde_json, builds `Pipeline::new(&Config::default())`, then times, best of `--repeat`
//! (default 3), JSON parsing excluded:
//! - `parse`: `pipeline.parse(&Input::new(text))` on each article on one thread;
//! - `parse_all`: `warta::batch::parse_all` at 1 thread and at `--threads` (default: the
//!   CPU count).
//!
//! One article is parsed before the timings (the first parse builds what the core compiles
//! lazily; its time is printed apart). `--limit N` keeps the first N articles; `--serial-only` skips the batch runs (for
//! profiling under callgrind); `--json` prints one JSON object instead of the table.

use std::hint::black_box;
use std::time::Instant;

use warta::{batch, Article, Config, Input, Pipeline};

/// Command-line options.
struct Options {
    path: String,
    threads: usize,
    repeat: usize,
    limit: Option<usize>,
    serial_only: bool,
    json: bool,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        path: "../shared/data/corpus/indosum-dev.jsonl".to_string(),
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        repeat: 3,
        limit: None,
        serial_only: false,
        json: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            args.next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("{name} needs a number"))
        };
        match a.as_str() {
            "--threads" => o.threads = number("--threads")?.max(1),
            "--repeat" => o.repeat = number("--repeat")?.max(1),
            "--limit" => o.limit = Some(number("--limit")?),
            "--serial-only" => o.serial_only = true,
            "--json" => o.json = true,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => o.path = a,
        }
    }
    Ok(o)
}

/// A small digest of the output, so that the work cannot be optimised away and runs
/// can be compared: mentions, entities, dates and quotes found.
fn counts<'a>(articles: impl Iterator<Item = &'a Article>) -> [usize; 4] {
    let mut n = [0; 4];
    for a in articles {
        n[0] += a.mentions.len();
        n[1] += a.entities.len();
        n[2] += a.dates.len();
        n[3] += a.quotes.len();
    }
    n
}

/// CPU time used so far by every live thread of this process, in seconds: the sum of the
/// first field of `/proc/self/task/*/schedstat` (nanoseconds on CPU). `None` off Linux.
/// Less disturbed than wall time when other processes compete for the cores.
fn cpu_seconds() -> Option<f64> {
    let mut ns = 0u64;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let stat = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
        ns += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(ns as f64 / 1e9)
}

/// One timed case: best wall time and best CPU time over the runs.
struct Timing {
    wall: f64,
    cpu: Option<f64>,
}

/// Times `repeat` runs of `f`; returns the best times and the last run's result.
fn best_of<T>(repeat: usize, mut f: impl FnMut() -> T) -> (Timing, T) {
    let mut best = Timing {
        wall: f64::MAX,
        cpu: None,
    };
    let mut out = None;
    for _ in 0..repeat {
        // The previous result is dropped before timing, as Python drops each Article
        // after converting it.
        drop(out.take());
        let c0 = cpu_seconds();
        let t0 = Instant::now();
        let r = black_box(f());
        best.wall = best.wall.min(t0.elapsed().as_secs_f64());
        if let (Some(c0), Some(c1)) = (c0, cpu_seconds()) {
            best.cpu = Some(best.cpu.map_or(c1 - c0, |b: f64| b.min(c1 - c0)));
        }
        out = Some(r);
    }
    (best, out.unwrap_or_else(f))
}

/// Parses one article before the timings: the first parse also builds whatever the core
/// compiles lazily, a one-off cost reported on its own (`first_parse_seconds`). A separate
/// function, never inlined, so that a profile can be cut after it:
/// `valgrind --tool=callgrind --dump-after=core_speed::warm_up ...`.
#[inline(never)]
fn warm_up(pipeline: &Pipeline, input: Option<&Input<'_>>) -> f64 {
    let t0 = Instant::now();
    if let Some(input) = input {
        black_box(pipeline.parse(input));
    }
    t0.elapsed().as_secs_f64()
}

fn main() {
    if let Err(e) = run() {
        eprintln!("core_speed: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let o = options()?;
    let raw = std::fs::read_to_string(&o.path).map_err(|e| format!("{}: {e}", o.path))?;
    let mut texts = Vec::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            texts.push(t.to_string());
        }
    }
    drop(raw);
    if let Some(n) = o.limit {
        texts.truncate(n);
    }
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    let bytes: usize = texts.iter().map(String::len).sum();

    let t0 = Instant::now();
    let pipeline = Pipeline::new(&Config::default())?;
    let build_s = t0.elapsed().as_secs_f64();
    let inputs: Vec<Input<'_>> = texts.iter().map(|t| Input::new(t)).collect();
    let first_s = warm_up(&pipeline, inputs.first());

    let (serial_s, serial) = best_of(o.repeat, || {
        inputs.iter().map(|i| pipeline.parse(i)).collect::<Vec<_>>()
    });
    let digest = counts(serial.iter());
    drop(serial);

    let mut runs = vec![("parse".to_string(), 1, serial_s)];
    let mut identical = true;
    if !o.serial_only {
        for threads in [1, o.threads] {
            let (s, out) = best_of(o.repeat, || batch::parse_all(&pipeline, &inputs, threads));
            let ok: Vec<&Article> = out.iter().flatten().collect();
            identical &= ok.len() == inputs.len() && counts(ok.into_iter()) == digest;
            runs.push(("parse_all".to_string(), threads, s));
            if o.threads == 1 {
                break;
            }
        }
    }

    if o.json {
        let runs: Vec<serde_json::Value> = runs
            .iter()
            .map(|(name, threads, t)| {
                serde_json::json!({
                    "name": name, "threads": threads, "seconds": t.wall, "cpu_seconds": t.cpu
                })
            })
            .collect();
        let out = serde_json::json!({
            "articles": texts.len(),
            "chars": chars,
            "bytes": bytes,
            "build_seconds": build_s,
            "first_parse_seconds": first_s,
            "repeat": o.repeat,
            "runs": runs,
            "mentions": digest[0],
            "entities": digest[1],
            "dates": digest[2],
            "quotes": digest[3],
            "identical_counts": identical,
        });
        println!("{out}");
        return Ok(());
    }
    println!(
        "{} articles, {:.2} M chars ({:.2} MB); Pipeline::new {:.0} ms, first parse {:.0} ms; \
         best of {}",
        texts.len(),
        chars as f64 / 1e6,
        bytes as f64 / 1e6,
        build_s * 1e3,
        first_s * 1e3,
        o.repeat
    );
    println!(
        "found {} mentions, {} entities, {} dates, {} quotes",
        digest[0], digest[1], digest[2], digest[3]
    );
    println!(
        "{:24} {:>10} {:>11} {:>8} {:>8} {:>14}",
        "case", "M chars/s", "articles/s", "seconds", "CPU s", "M chars/CPU s"
    );
    for (name, threads, t) in &runs {
        let label = format!(
            "{name}, {threads} thread{}",
            if *threads == 1 { "" } else { "s" }
        );
        let cpu = t.cpu.unwrap_or(f64::NAN);
        println!(
            "{label:24} {:10.2} {:11.0} {:8.3} {cpu:8.3} {:14.2}",
            chars as f64 / t.wall / 1e6,
            texts.len() as f64 / t.wall,
            t.wall,
            chars as f64 / cpu / 1e6
        );
    }
    if !o.serial_only {
        println!(
            "same counts across thread counts: {}",
            if identical { "yes" } else { "no" }
        );
    }
    Ok(())
}
