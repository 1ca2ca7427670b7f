//! Replays every input the fuzzers ever crashed on (tests/data/fuzz/*) through the pipeline.

use std::fs;
use std::path::Path;

use warta::{Config, Input, Layout, Pipeline};

#[test]
fn fuzz_crash_inputs_parse_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let pipeline = Pipeline::new(&Config::default()).expect("default pipeline builds");
    let Ok(entries) = fs::read_dir(&dir) else {
        return;
    };
    for entry in entries.flatten() {
        let data = fs::read(entry.path()).expect("readable regression input");
        let text = String::from_utf8_lossy(&data);
        for layout in [Layout::Article, Layout::Plain] {
            let article = pipeline.parse(&Input {
                text: &text,
                layout,
                ..Input::default()
            });
            let mut last_end = 0;
            for m in &article.mentions {
                assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
                assert!(
                    m.span.start >= last_end && m.span.start < m.span.end,
                    "{:?}",
                    entry.path()
                );
                last_end = m.span.end;
            }
        }
    }
}
