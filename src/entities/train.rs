//! Training: an averaged structured perceptron over BIO tags, decoded with Viterbi.
//!
//! Training examples are tokenised with the same tokenizer the extractor uses, and gold
//! labels are projected onto those tokens, so the features seen in training are exactly
//! those seen at run time.

use super::corpus::Example;
use super::decode::{begin, viterbi, N_TAGS, O};
use super::features::{self, cap, Scratch, TokInfo};
use super::hashing::{hash_lower, mix};
use super::lexicon::Lexicon;
use super::model::FloatModel;
use super::table::U64Table;
use super::tokens::{tokenize, Shape, Token};
use super::weights::{word_value, WordTable};

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the shuffling order.
    pub seed: u64,
    /// Averaged weights below this magnitude are dropped from the saved model.
    pub prune: f32,
    /// Print progress to stderr.
    pub verbose: bool,
    /// Number of models trained from consecutive seeds and averaged (weights and
    /// transitions): averaging over shuffling orders lowers the perceptron's variance.
    pub bagging: usize,
    /// Give every feature a copy per training file ("frustratingly easy domain adaptation"):
    /// the copies absorb each data set's annotation habits, and only the shared weights ship.
    pub domain_features: bool,
    /// Self-labelled word classes: a first model tags the unlabeled corpus, and each word's
    /// usual label there (mostly a person, an organisation, a place, or none) becomes a
    /// feature of the final model. Needs unlabeled text; without it nothing changes.
    pub corpus_labels: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            seed: 1,
            prune: 1.0,
            verbose: false,
            bagging: 5,
            domain_features: false,
            corpus_labels: true,
        }
    }
}

/// Gold BIO tags for `tokens`, projected from the example's byte spans: a token inside a
/// mention takes its label; B- on the token where the mention starts.
pub fn project(example: &Example, tokens: &[Token]) -> Vec<usize> {
    let mut tags = vec![O; tokens.len()];
    let mut g = example.gold.iter().peekable();
    for (tok, tag) in tokens.iter().zip(tags.iter_mut()) {
        while g.peek().is_some_and(|m| m.1 <= tok.start) {
            g.next();
        }
        if let Some(&&(s, e, label)) = g.peek() {
            if tok.start >= s && tok.start < e {
                *tag = begin(label) + usize::from(tok.start > s);
            } else if tok.start < s && tok.end > s {
                // A token straddling the mention start: treat it as the start.
                *tag = begin(label);
            }
        }
    }
    // A mention whose start fell inside an earlier token may leave I- without B-: fix it.
    let mut prev = O;
    for tag in &mut tags {
        if *tag != O && *tag % 2 == 0 && !(prev == *tag || prev + 1 == *tag) {
            *tag -= 1;
        }
        prev = *tag;
    }
    tags
}

/// Capitalisation buckets of words in unlabeled text (one text per item): how often each
/// word is capitalised when it is not sentence-initial. Words seen fewer than 3 times are left out.
pub fn cap_stats<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<(u64, u8)> {
    let mut counts: U64Table<(u32, u32)> = U64Table::with_capacity(1 << 16);
    let mut toks = Vec::new();
    for text in texts {
        for line in text.split('\n') {
            toks.clear();
            let start = line.as_ptr() as usize - text.as_ptr() as usize;
            tokenize(text, start, start + line.len(), &mut toks);
            let words = toks.iter().filter(|t| t.shape != Shape::Punct).count();
            let caps = toks
                .iter()
                .filter(|t| matches!(t.shape, Shape::Capital | Shape::AllCaps))
                .count();
            if words < 4 || caps * 10 >= words * 8 {
                continue; // headline-like lines say nothing about normal case
            }
            let mut sent_start = true;
            for t in &toks {
                let s = t.text(text);
                let word = matches!(
                    t.shape,
                    Shape::Lower | Shape::Capital | Shape::AllCaps | Shape::Mixed | Shape::Initial
                );
                if word && !sent_start {
                    if let Some(c) = counts.entry(hash_lower(s)) {
                        c.1 += 1;
                        if t.shape != Shape::Lower {
                            c.0 += 1;
                        }
                    }
                }
                sent_start = match s {
                    "." | "!" | "?" | ":" => true,
                    "\"" | "“" | "'" | "‘" | "(" | "-" | "–" | "—" => sent_start,
                    _ => false,
                };
            }
        }
    }
    let mut out: Vec<(u64, u8)> = counts
        .iter()
        .filter(|(_, c)| c.1 >= 3)
        .map(|(k, &(upper, total))| {
            let r = f64::from(upper) / f64::from(total);
            let b = if r < 0.05 {
                cap::LOWER
            } else if r < 0.5 {
                cap::MOSTLY_LOWER
            } else if r < 0.95 {
                cap::MOSTLY_UPPER
            } else {
                cap::UPPER
            };
            (k, b)
        })
        .collect();
    out.sort_unstable();
    out
}

struct Prepared {
    feats: Vec<u64>,
    /// The dataset-specific feature copies among `feats`.
    domain_keys: Vec<u64>,
    offsets: Vec<usize>,
    gold: Vec<usize>,
}

/// Tags as LOC the sentence-initial known places the annotators left untagged: idner-news-2k
/// leaves out most countries that open a sentence ("Rusia dan Jepang telah melarang ...": 20
/// of 25 such words in its train split are O), which taught the model that "Iran membantah
/// ..." holds no name. Only one-word capitalised runs from the hand-written place list count.
fn restore_places(infos: &[TokInfo], gold: &mut [usize]) {
    let loc = begin(crate::doc::Label::Loc);
    for (t, info) in infos.iter().enumerate() {
        let place = info.sent_start
            && info.run_len == 1
            && info.raw_shape == Shape::Capital as u8
            && info.flags & super::lexicon::PLACE != 0;
        let alone = gold.get(t + 1).is_none_or(|&g| g % 2 == 1 || g == O);
        if place && alone && gold.get(t) == Some(&O) {
            if let Some(g) = gold.get_mut(t) {
                *g = loc;
            }
        }
    }
}

fn prepare_all(
    examples: &[Example],
    lex: &Lexicon,
    words: &WordTable,
    domains: bool,
) -> Vec<Prepared> {
    let mut tokens = Vec::new();
    let mut infos: Vec<TokInfo> = Vec::new();
    let mut scratch = Scratch::default();
    let mut out = Vec::with_capacity(examples.len());
    for ex in examples {
        tokens.clear();
        tokenize(&ex.text, 0, ex.text.len(), &mut tokens);
        if tokens.is_empty() {
            continue;
        }
        features::prepare(
            &ex.text,
            &tokens,
            lex,
            words,
            false,
            &mut infos,
            &mut scratch,
        );
        let mut feats = Vec::new();
        let mut domain_keys = Vec::new();
        let mut offsets = vec![0];
        for i in 0..tokens.len() {
            features::features(&ex.text, &tokens, &infos, i, |h| {
                feats.push(h);
                if domains && ex.domain != 0 {
                    let copy = mix(h, 0xd0_0000 + u64::from(ex.domain));
                    feats.push(copy);
                    domain_keys.push(copy);
                }
            });
            offsets.push(feats.len());
        }
        domain_keys.sort_unstable();
        domain_keys.dedup();
        let mut gold = project(ex, &tokens);
        restore_places(&infos, &mut gold);
        out.push(Prepared {
            feats,
            domain_keys,
            offsets,
            gold,
        });
    }
    out
}

/// Weights with running sums for averaging (the "lazy" trick: `avg = w - u / c`).
struct Averaged {
    index: U64Table<u32>,
    w: Vec<[f32; N_TAGS]>,
    u: Vec<[f32; N_TAGS]>,
    trans: [[f32; N_TAGS]; N_TAGS],
    trans_u: [[f32; N_TAGS]; N_TAGS],
    start: [f32; N_TAGS],
    start_u: [f32; N_TAGS],
    c: f32,
}

impl Averaged {
    fn row(&mut self, h: u64) -> usize {
        if let Some(&r) = self.index.get(h) {
            return r as usize;
        }
        let r = self.w.len();
        self.index.insert(h, r as u32);
        self.w.push([0.0; N_TAGS]);
        self.u.push([0.0; N_TAGS]);
        r
    }

    fn update_feats(&mut self, feats: &[u64], tag: usize, delta: f32) {
        let c = self.c;
        for &h in feats {
            let r = self.row(h);
            if let (Some(w), Some(u)) = (self.w.get_mut(r), self.u.get_mut(r)) {
                w[tag] += delta;
                u[tag] += c * delta;
            }
        }
    }
}

/// Trains a model on `examples`; `words` are corpus word values (`weights::word_value`).
pub fn train(
    examples: &[Example],
    lex: &Lexicon,
    words: Vec<(u64, u16)>,
    opts: &TrainOptions,
) -> FloatModel {
    let mut word_table = WordTable::with_capacity(words.len());
    for &(k, v) in &words {
        word_table.insert(k, v);
    }
    let data = prepare_all(examples, lex, &word_table, opts.domain_features);
    let mut m = Averaged {
        index: U64Table::with_capacity(1 << 18),
        w: Vec::new(),
        u: Vec::new(),
        trans: [[0.0; N_TAGS]; N_TAGS],
        trans_u: [[0.0; N_TAGS]; N_TAGS],
        start: [0.0; N_TAGS],
        start_u: [0.0; N_TAGS],
        c: 1.0,
    };
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = opts.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut emissions: Vec<[f32; N_TAGS]> = Vec::new();
    let (mut back, mut pred) = (Vec::new(), Vec::new());
    for epoch in 0..opts.epochs {
        // Fisher-Yates with xorshift: same seed, same order, on every platform.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut errors = 0usize;
        for &k in &order {
            let Some(ex) = data.get(k) else { continue };
            emissions.clear();
            for t in 0..ex.gold.len() {
                let mut s = [0.0f32; N_TAGS];
                let (a, b) = (ex.offsets[t], ex.offsets[t + 1]);
                for h in ex.feats.get(a..b).unwrap_or(&[]) {
                    if let Some(&r) = m.index.get(*h) {
                        if let Some(w) = m.w.get(r as usize) {
                            for (x, y) in s.iter_mut().zip(w) {
                                *x += y;
                            }
                        }
                    }
                }
                emissions.push(s);
            }
            viterbi(&emissions, &m.trans, &m.start, &mut back, &mut pred);
            if pred != ex.gold {
                errors += 1;
                for t in 0..ex.gold.len() {
                    let (g, p) = (ex.gold[t], pred[t]);
                    if g != p {
                        let feats = ex
                            .feats
                            .get(ex.offsets[t]..ex.offsets[t + 1])
                            .unwrap_or(&[]);
                        m.update_feats(feats, g, 1.0);
                        m.update_feats(feats, p, -1.0);
                    }
                    let (gp, pp) = if t == 0 {
                        (None, None)
                    } else {
                        (Some(ex.gold[t - 1]), Some(pred[t - 1]))
                    };
                    if (gp, g) != (pp, p) {
                        let c = m.c;
                        match gp {
                            Some(x) => {
                                m.trans[x][g] += 1.0;
                                m.trans_u[x][g] += c;
                            }
                            None => {
                                m.start[g] += 1.0;
                                m.start_u[g] += c;
                            }
                        }
                        match pp {
                            Some(x) => {
                                m.trans[x][p] -= 1.0;
                                m.trans_u[x][p] -= c;
                            }
                            None => {
                                m.start[p] -= 1.0;
                                m.start_u[p] -= c;
                            }
                        }
                    }
                }
            }
            m.c += 1.0;
        }
        if opts.verbose {
            eprintln!(
                "epoch {}: {} of {} sentences wrong, {} features",
                epoch + 1,
                errors,
                data.len(),
                m.w.len()
            );
        }
    }
    let c = m.c;
    let weights = m
        .index
        .iter()
        .filter_map(|(h, &r)| {
            let (w, u) = (m.w.get(r as usize)?, m.u.get(r as usize)?);
            let mut avg = [0.0f32; N_TAGS];
            for ((a, &w), &u) in avg.iter_mut().zip(w).zip(u) {
                *a = w - u / c;
            }
            Some((h, avg))
        })
        .collect::<Vec<_>>();
    let mut trans = [[0.0f32; N_TAGS]; N_TAGS];
    let mut start = [0.0f32; N_TAGS];
    for (a, row) in trans.iter_mut().enumerate() {
        start[a] = m.start[a] - m.start_u[a] / c;
        for (b, x) in row.iter_mut().enumerate() {
            *x = m.trans[a][b] - m.trans_u[a][b] / c;
        }
    }
    let mut weights = weights;
    if opts.domain_features {
        let copies: std::collections::HashSet<u64> = data
            .iter()
            .flat_map(|d| d.domain_keys.iter().copied())
            .collect();
        weights.retain(|w| !copies.contains(&w.0));
    }
    weights.sort_unstable_by_key(|w| w.0);
    FloatModel {
        weights,
        trans,
        start,
        words,
    }
}

/// Everything one training run needs, as the command line and Python give it.
#[derive(Clone, Debug, Default)]
pub struct TrainConfig {
    /// Annotated files and their formats.
    pub files: Vec<(String, super::corpus::Format)>,
    /// JSONL files of unlabeled text (`text` field) for the capitalisation table.
    pub unlabeled: Vec<String>,
    /// Perceptron settings.
    pub options: TrainOptions,
}

/// Reads the files, trains, and returns the model file's bytes.
pub fn train_files(cfg: &TrainConfig) -> crate::error::Result<Vec<u8>> {
    let mut examples = Vec::new();
    for (k, (path, format)) in cfg.files.iter().enumerate() {
        let mut part = super::corpus::read_file(path, *format)?;
        for ex in &mut part {
            ex.domain = (k + 1).min(255) as u8;
        }
        examples.extend(part);
    }
    if examples.is_empty() {
        return Err(crate::error::Error::Input("no training sentences".into()));
    }
    let mut texts = Vec::new();
    for path in &cfg.unlabeled {
        let data = std::fs::read_to_string(path)
            .map_err(|e| crate::error::Error::Input(format!("cannot read {path}: {e}")))?;
        for line in data.lines() {
            let v: serde_json::Value = match serde_json::from_str(line) {
                Ok(v) => v,
                Err(_) => continue,
            };
            if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                texts.push(t.to_string());
            }
        }
    }
    let mut words = corpus_words(&texts);
    let lex = Lexicon::builtin();
    if cfg.options.corpus_labels && !texts.is_empty() {
        // A second round of self-labelling gained nothing in cross-validation.
        let first = train_bagged(&examples, &lex, words.clone(), &cfg.options);
        let bytes = super::model::Model::to_bytes(&first, cfg.options.prune);
        let tagger = super::EntityExtractor::from_model_bytes(&bytes, &[])?;
        words = label_words(&tagger, &texts, &words);
    }
    let model = train_bagged(&examples, &lex, words, &cfg.options);
    Ok(super::model::Model::to_bytes(&model, cfg.options.prune))
}

/// What the unlabeled corpus says about its words: capitalisation buckets.
pub fn corpus_words(texts: &[String]) -> Vec<(u64, u16)> {
    cap_stats(texts.iter().map(String::as_str))
        .into_iter()
        .map(|(k, cap)| (k, word_value(cap, None)))
        .collect()
}

/// Word classes from a first model's labels on unlabeled text: how each word of `words`
/// is usually tagged (see [`features::label_class`]). Returns `words` with classes added.
pub fn label_words(
    tagger: &super::EntityExtractor,
    texts: &[String],
    words: &[(u64, u16)],
) -> Vec<(u64, u16)> {
    // Per word: occurrences, and occurrences inside PER, ORG, LOC mentions.
    let mut counts: U64Table<[u32; 4]> = U64Table::with_capacity(1 << 17);
    let mut toks = Vec::new();
    for text in texts {
        let paragraphs = super::eval::plain_paragraphs(text);
        let found = tagger.extract(text, &paragraphs, crate::doc::Lang::Id);
        let mut spans: Vec<(usize, usize, usize)> = found
            .mentions
            .iter()
            .map(|m| (m.span.start, m.span.end, 1 + label_slot(m.label)))
            .collect();
        spans.sort_unstable();
        toks.clear();
        tokenize(text, 0, text.len(), &mut toks);
        let mut next = spans.iter().peekable();
        for t in &toks {
            if t.shape == Shape::Punct {
                continue;
            }
            while next.peek().is_some_and(|m| m.1 <= t.start) {
                next.next();
            }
            let slot = next.peek().filter(|m| m.0 <= t.start).map_or(0, |m| m.2);
            if let Some(c) = counts.entry(hash_lower(t.text(text))) {
                c[0] += 1;
                if let Some(x) = c.get_mut(slot).filter(|_| slot != 0) {
                    *x += 1;
                }
            }
        }
    }
    words
        .iter()
        .map(|&(k, v)| {
            let class = counts
                .get(k)
                .map_or(0, |c| features::label_class(c[0], [c[1], c[2], c[3]]));
            (k, word_value(super::weights::value_cap(v), Some(class)))
        })
        .collect()
}

fn label_slot(label: crate::doc::Label) -> usize {
    match label {
        crate::doc::Label::Per => 0,
        crate::doc::Label::Org => 1,
        crate::doc::Label::Loc => 2,
    }
}

/// Trains `opts.bagging` models from seeds `seed, seed + 1, ...` and averages them.
pub fn train_bagged(
    examples: &[Example],
    lex: &Lexicon,
    words: Vec<(u64, u16)>,
    opts: &TrainOptions,
) -> FloatModel {
    let n = opts.bagging.max(1);
    let mut sum: U64Table<u32> = U64Table::with_capacity(1 << 18);
    let mut rows: Vec<(u64, [f32; N_TAGS])> = Vec::new();
    let mut trans = [[0.0f32; N_TAGS]; N_TAGS];
    let mut start = [0.0f32; N_TAGS];
    for k in 0..n {
        let mut o = opts.clone();
        o.seed = opts.seed.wrapping_add(k as u64);
        let m = train(examples, lex, words.clone(), &o);
        for (h, w) in m.weights {
            let r = match sum.get(h) {
                Some(&r) => r as usize,
                None => {
                    sum.insert(h, rows.len() as u32);
                    rows.push((h, [0.0; N_TAGS]));
                    rows.len() - 1
                }
            };
            if let Some(row) = rows.get_mut(r) {
                row.1
                    .iter_mut()
                    .zip(w)
                    .for_each(|(a, b)| *a += b / n as f32);
            }
        }
        for (a, b) in trans.iter_mut().zip(m.trans) {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y / n as f32);
        }
        start
            .iter_mut()
            .zip(m.start)
            .for_each(|(x, y)| *x += y / n as f32);
    }
    rows.sort_unstable_by_key(|r| r.0);
    FloatModel {
        weights: rows,
        trans,
        start,
        words,
    }
}
