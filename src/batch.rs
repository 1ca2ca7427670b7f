//! The parallel batch driver: rayon pools sized by the caller or the environment.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;
use rayon::ThreadPool;

use crate::doc::Article;
use crate::pipeline::{Input, Pipeline};

/// Pools keyed by (process id, thread count).
type PoolsByProcess = HashMap<(u32, usize), Arc<ThreadPool>>;

/// Number of threads to use when the caller does not say: `WARTA_NUM_THREADS`, then
/// `RAYON_NUM_THREADS`, then the number of CPUs.
pub fn default_threads() -> usize {
    ["WARTA_NUM_THREADS", "RAYON_NUM_THREADS"]
        .iter()
        .find_map(|var| std::env::var(var).ok()?.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// A thread pool with `threads` threads, built once per size and per process.
///
/// Pools are keyed by process id so that a forked child never reuses the parent's
/// pool, whose threads do not exist in the child.
pub fn pool(threads: usize) -> Option<Arc<ThreadPool>> {
    static POOLS: OnceLock<Mutex<PoolsByProcess>> = OnceLock::new();
    let key = (std::process::id(), threads.max(1));
    let mut pools = POOLS.get_or_init(Default::default).lock().ok()?;
    if let Some(pool) = pools.get(&key) {
        return Some(pool.clone());
    }
    pools.retain(|(pid, _), _| *pid == key.0);
    let pool = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(key.1)
            .thread_name(|i| format!("warta-{i}"))
            .build()
            .ok()?,
    );
    pools.insert(key, pool.clone());
    Some(pool)
}

/// Parses one input, turning a panic (a bug, never expected) into an error message so
/// that one bad record cannot abort a batch or the interpreter.
pub fn parse_guarded(pipeline: &Pipeline, input: &Input<'_>) -> Result<Article, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.parse(input))).map_err(
        |payload| {
            let reason = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            format!("internal error while parsing (please report it): {reason}")
        },
    )
}

/// Parses every input, in parallel on `threads` threads, keeping input order.
/// With one thread (or if no pool can be built) it runs on the calling thread.
pub fn parse_all(
    pipeline: &Pipeline,
    inputs: &[Input<'_>],
    threads: usize,
) -> Vec<Result<Article, String>> {
    let serial = || {
        inputs
            .iter()
            .map(|input| parse_guarded(pipeline, input))
            .collect()
    };
    if threads <= 1 || inputs.len() <= 1 {
        return serial();
    }
    match pool(threads) {
        Some(pool) => pool.install(|| {
            inputs
                .par_iter()
                .with_min_len(1)
                .map(|input| parse_guarded(pipeline, input))
                .collect()
        }),
        None => serial(),
    }
}

/// Parses every input on `threads` threads, handing the results to `sink` a block of
/// `block` consecutive inputs at a time (with the index of the block's first input), until
/// `sink` returns `false`.
///
/// Workers claim blocks in input order from a shared counter, so blocks arrive nearly in
/// order and a consumer can use each while the rest are parsed, with no pause between
/// pieces: no worker waits for another to finish a piece, and nothing is left to the
/// consumer at the end but the last few blocks. With one thread (or no pool) it runs on
/// the calling thread.
pub fn parse_each(
    pipeline: &Pipeline,
    inputs: &[Input<'_>],
    threads: usize,
    block: usize,
    sink: impl Fn(usize, Vec<Result<Article, String>>) -> bool + Sync,
) {
    let block = block.max(1);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let work = || {
        while !stop.load(Ordering::Relaxed) {
            let start = next.fetch_add(block, Ordering::Relaxed);
            let Some(claimed) = inputs.get(start..inputs.len().min(start + block)) else {
                break;
            };
            if claimed.is_empty() {
                break;
            }
            let results = claimed
                .iter()
                .map(|input| parse_guarded(pipeline, input))
                .collect();
            if !sink(start, results) {
                stop.store(true, Ordering::Relaxed);
            }
        }
    };
    match pool(threads).filter(|_| threads > 1 && inputs.len() > 1) {
        Some(pool) => {
            pool.broadcast(|_| work());
        }
        None => work(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Config;

    /// Blocks claimed in order by two workers hold the same results as parsing one by one,
    /// every input once; a sink that says stop ends the work early.
    #[test]
    fn parse_each_covers_every_input_once() {
        let Ok(pipeline) = Pipeline::new(&Config::default()) else {
            panic!("default pipeline");
        };
        let texts: Vec<String> = (0..37)
            .map(|i| {
                format!("JAKARTA - Menteri Keuangan Sri Mulyani bertemu {i} warga di Bandung.")
            })
            .collect();
        let inputs: Vec<Input<'_>> = texts.iter().map(|t| Input::new(t)).collect();
        let want = parse_all(&pipeline, &inputs, 1);
        for (threads, block) in [(1, 8), (2, 8), (2, 1), (2, 100)] {
            let got = Mutex::new(Vec::new());
            parse_each(&pipeline, &inputs, threads, block, |start, results| {
                if let Ok(mut got) = got.lock() {
                    got.extend(results.into_iter().enumerate().map(|(k, r)| (start + k, r)));
                }
                true
            });
            let mut got = got.into_inner().unwrap_or_default();
            got.sort_by_key(|(i, _)| *i);
            let got: Vec<_> = got.into_iter().map(|(_, r)| r).collect();
            assert_eq!(got, want, "threads {threads}, block {block}");
        }
        let calls = AtomicUsize::new(0);
        parse_each(&pipeline, &inputs, 1, 4, |_, _| {
            calls.fetch_add(1, Ordering::Relaxed);
            false
        });
        assert_eq!(calls.into_inner(), 1);
    }
}
