//! Scores the entity tagger on annotated files: precision, recall and F1, micro and per type.
//!
//! ```text
//! cargo run --release --example ner_eval -- [--lang en] [--model FILE] conll ../shared/data/id/idner-news-2k/test.txt
//! ```

use warta::entities::corpus::{read_file, Format};
use warta::entities::eval::evaluate_lang;
use warta::entities::EntityExtractor;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut lang = warta::doc::Lang::Id;
    if args.first().map(String::as_str) == Some("--lang") {
        lang = args
            .get(1)
            .and_then(|c| warta::doc::Lang::from_code(c))
            .unwrap_or(lang);
        args.drain(..2.min(args.len()));
    }
    let extractor = if args.first().map(String::as_str) == Some("--model") {
        let path = args.get(1).cloned().unwrap_or_default();
        args.drain(..2.min(args.len()));
        let bytes = std::fs::read(&path).unwrap_or_default();
        EntityExtractor::from_model_bytes(&bytes, &[])
    } else {
        EntityExtractor::new(&[])
    };
    let extractor = match extractor {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    for pair in args.chunks(2) {
        let (Some(fmt), Some(path)) = (pair.first(), pair.get(1)) else {
            continue;
        };
        let format = Format::from_name(fmt).unwrap_or(Format::Conll);
        match read_file(path, format) {
            Ok(examples) => {
                let scores = evaluate_lang(&extractor, &examples, lang);
                if std::env::var_os("NER_ERRORS").is_some() {
                    print_errors(&extractor, &examples, lang);
                }
                println!("{path} ({} sentences)\n{}", examples.len(), scores.report());
            }
            Err(e) => eprintln!("{e}"),
        }
    }
}

/// Prints each sentence with a wrong or missed mention: gold `[..]`, predicted `{..}`.
fn print_errors(
    extractor: &EntityExtractor,
    examples: &[warta::entities::corpus::Example],
    lang: warta::doc::Lang,
) {
    use warta::entities::eval::plain_paragraphs;
    for ex in examples {
        let got = extractor.extract(&ex.text, &plain_paragraphs(&ex.text), lang);
        let pred: Vec<(usize, usize, &str)> = got
            .mentions
            .iter()
            .map(|m| (m.span.start, m.span.end, m.label.name()))
            .collect();
        let gold: Vec<(usize, usize, &str)> =
            ex.gold.iter().map(|g| (g.0, g.1, g.2.name())).collect();
        if pred == gold {
            continue;
        }
        let show = |v: &[(usize, usize, &str)]| {
            v.iter()
                .map(|m| format!("{}/{}", ex.text.get(m.0..m.1).unwrap_or(""), m.2))
                .collect::<Vec<_>>()
                .join(" | ")
        };
        let fp: Vec<_> = pred.iter().filter(|p| !gold.contains(p)).copied().collect();
        let fn_: Vec<_> = gold.iter().filter(|g| !pred.contains(g)).copied().collect();
        println!("{}\n  FP: {}\n  FN: {}", ex.text, show(&fp), show(&fn_));
    }
}
