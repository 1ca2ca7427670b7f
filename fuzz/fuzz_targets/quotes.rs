//! Quote extraction alone on arbitrary text split into body paragraphs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use warta::article::{structure, Layout};
use warta::doc::Lang;
use warta::quotes::QuoteExtractor;

fuzz_target!(|data: &[u8]| {
    static EXTRACTOR: std::sync::OnceLock<QuoteExtractor> = std::sync::OnceLock::new();
    let extractor = EXTRACTOR.get_or_init(QuoteExtractor::new);
    let text = String::from_utf8_lossy(data);
    let s = structure(&text, Layout::Plain, Lang::Id);
    for q in extractor.find(&text, &s.paragraphs, Lang::Id, &[], &[]) {
        assert!(q.span.start <= q.span.end && q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        assert!(q.speaker_entity.is_none());
    }
});
