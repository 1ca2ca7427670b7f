//! The parallel batch driver: rayon pools sized by the caller or the environment.

use std::collections::HashMap;
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
