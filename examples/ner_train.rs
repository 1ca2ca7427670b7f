//! Trains the entity tagger and writes the model file.
//!
//! ```text
//! cargo run --release --example ner_train -- --out src/entities/data/ner-id.bin \
//!     --conll ../shared/data/id/idner-news-2k/train.txt \
//!     --conll ../shared/data/id/nergrit/train_preprocess.txt \
//!     --conll ../shared/data/id/nergrit/valid_preprocess.txt \
//!     --conll ../shared/data/id/idner-news-2k/dev.txt \
//!     --unlabeled ../shared/data/corpus/indosum-dev.jsonl --epochs 12 --seed 1 --prune 1.0 --bagging 5
//! ```

use warta::entities::corpus::Format;
use warta::entities::train::{train_files, TrainConfig};

fn main() {
    let mut cfg = TrainConfig::default();
    cfg.options.verbose = true;
    let mut out = String::from("ner.bin");
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_default();
        match flag.as_str() {
            "--conll" | "--iob2" | "--jsonl" => {
                let format =
                    Format::from_name(flag.trim_start_matches('-')).unwrap_or(Format::Conll);
                cfg.files.push((value, format));
            }
            "--unlabeled" => cfg.unlabeled.push(value),
            "--epochs" => cfg.options.epochs = value.parse().unwrap_or(cfg.options.epochs),
            "--seed" => cfg.options.seed = value.parse().unwrap_or(cfg.options.seed),
            "--prune" => cfg.options.prune = value.parse().unwrap_or(cfg.options.prune),
            "--out" => out = value,
            "--bagging" => cfg.options.bagging = value.parse().unwrap_or(cfg.options.bagging),
            "--corpus-labels" => cfg.options.corpus_labels = value == "1" || value == "true",
            "--domain-features" => cfg.options.domain_features = value == "1" || value == "true",
            other => {
                eprintln!("unknown flag {other}");
                std::process::exit(2);
            }
        }
    }
    match train_files(&cfg) {
        Ok(bytes) => {
            if let Err(e) = std::fs::write(&out, &bytes) {
                eprintln!("cannot write {out}: {e}");
                std::process::exit(1);
            }
            eprintln!("wrote {out} ({} bytes)", bytes.len());
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
