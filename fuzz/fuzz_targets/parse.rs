//! The whole pipeline on arbitrary text, in both layouts: no panic, spans valid.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use warta::{Config, Input, Layout, Pipeline};

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(&Config::default()).expect("default pipeline builds"))
}

fn check(text: &str, start: usize, end: usize) {
    assert!(
        start <= end && end <= text.len(),
        "span {start}..{end} out of {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "span off a char boundary"
    );
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for layout in [Layout::Article, Layout::Plain] {
        let input = Input {
            text: &text,
            layout,
            ..Input::default()
        };
        let article = pipeline().parse(&input);
        for p in &article.paragraphs {
            check(&text, p.span.start, p.span.end);
        }
        for m in &article.mentions {
            check(&text, m.span.start, m.span.end);
            assert!(m.entity < article.entities.len());
        }
        for d in &article.dates {
            check(&text, d.span.start, d.span.end);
        }
        for q in &article.quotes {
            check(&text, q.span.start, q.span.end);
            assert!(q.speaker_entity.is_none_or(|e| e < article.entities.len()));
        }
    }
});
