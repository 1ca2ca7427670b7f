//! Scoring mentions against gold: exact span and label, micro-averaged and per type.

use super::corpus::Example;
use crate::doc::{Label, Mention};

/// True positives, false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted and in the gold.
    pub tp: usize,
    /// Predicted, not in the gold.
    pub fp: usize,
    /// In the gold, not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Precision (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall (0 when the gold is empty).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores per type (PER, ORG, LOC) and overall.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    /// PER, ORG, LOC in that order.
    pub per_type: [Counts; 3],
    /// Number of texts scored.
    pub texts: usize,
}

const LABELS: [Label; 3] = [Label::Per, Label::Org, Label::Loc];

fn slot(label: Label) -> usize {
    match label {
        Label::Per => 0,
        Label::Org => 1,
        Label::Loc => 2,
    }
}

impl Scores {
    /// Micro-averaged counts over the three types.
    pub fn micro(&self) -> Counts {
        let mut c = Counts::default();
        for t in self.per_type {
            c.add(t);
        }
        c
    }

    /// Counts of one type.
    pub fn of(&self, label: Label) -> Counts {
        self.per_type.get(slot(label)).copied().unwrap_or_default()
    }

    /// Adds another set of scores.
    pub fn merge(&mut self, other: &Scores) {
        for (a, b) in self.per_type.iter_mut().zip(other.per_type) {
            a.add(b);
        }
        self.texts += other.texts;
    }

    /// Scores predicted mentions of one example. With source tokens, predicted spans snap
    /// to the source tokens they touch, as CoNLL scoring sees them.
    pub fn add(&mut self, example: &Example, predicted: &[Mention]) {
        let mut pred: Vec<(usize, usize, Label)> = predicted
            .iter()
            .map(|m| {
                let (s, e) = snap(example.tokens.as_deref(), m.span.start, m.span.end);
                (s, e, m.label)
            })
            .collect();
        pred.sort_unstable();
        pred.dedup();
        let mut gold = example.gold.clone();
        gold.sort_unstable();
        for label in LABELS {
            let p: Vec<_> = pred.iter().filter(|m| m.2 == label).collect();
            let g: Vec<_> = gold.iter().filter(|m| m.2 == label).collect();
            let tp = p.iter().filter(|m| g.contains(m)).count();
            if let Some(c) = self.per_type.get_mut(slot(label)) {
                c.add(Counts {
                    tp,
                    fp: p.len() - tp,
                    fn_: g.len() - tp,
                });
            }
        }
        self.texts += 1;
    }

    /// A plain-text table of precision, recall and F1.
    pub fn report(&self) -> String {
        let mut out = format!(
            "{:<6} {:>9} {:>9} {:>9} {:>7} {:>7} {:>7}\n",
            "type", "precision", "recall", "f1", "tp", "fp", "fn"
        );
        let row = |name: &str, c: Counts| {
            format!(
                "{:<6} {:>9.4} {:>9.4} {:>9.4} {:>7} {:>7} {:>7}\n",
                name,
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            )
        };
        for label in LABELS {
            out.push_str(&row(label.name(), self.of(label)));
        }
        out.push_str(&row("micro", self.micro()));
        out
    }
}

fn snap(tokens: Option<&[(usize, usize)]>, start: usize, end: usize) -> (usize, usize) {
    let Some(tokens) = tokens else {
        return (start, end);
    };
    let s = tokens
        .iter()
        .find(|t| t.1 > start)
        .map_or(start, |t| t.0.min(start).max(t.0));
    let e = tokens.iter().rev().find(|t| t.0 < end).map_or(end, |t| t.1);
    (s, e)
}

/// Every line of `text` as one body paragraph (layout "plain"), as the evaluation runs it.
pub fn plain_paragraphs(text: &str) -> Vec<crate::doc::Paragraph> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        if !line.trim().is_empty() {
            out.push(crate::doc::Paragraph {
                span: crate::doc::Span::new(start, end),
                kind: crate::doc::ParagraphKind::Body,
            });
        }
        start = end + 1;
    }
    out
}

/// Runs the extractor on every example (each line a body paragraph) as Indonesian text
/// and scores it.
pub fn evaluate(extractor: &super::EntityExtractor, examples: &[Example]) -> Scores {
    evaluate_lang(extractor, examples, crate::doc::Lang::Id)
}

/// Runs the extractor on every example as text in `lang` and scores it.
pub fn evaluate_lang(
    extractor: &super::EntityExtractor,
    examples: &[Example],
    lang: crate::doc::Lang,
) -> Scores {
    use rayon::prelude::*;
    examples
        .par_iter()
        .map(|ex| {
            let paras = plain_paragraphs(&ex.text);
            let got = extractor.extract(&ex.text, &paras, lang);
            let mut s = Scores::default();
            s.add(ex, &got.mentions);
            s
        })
        .reduce(Scores::default, |mut a, b| {
            a.merge(&b);
            a
        })
}
