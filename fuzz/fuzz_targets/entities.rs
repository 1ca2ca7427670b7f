//! Entity extraction alone on arbitrary text as one body paragraph.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use warta::doc::{Lang, Paragraph, ParagraphKind, Span};
use warta::entities::EntityExtractor;

fn extractor() -> &'static EntityExtractor {
    static E: OnceLock<EntityExtractor> = OnceLock::new();
    E.get_or_init(|| EntityExtractor::new(&[]).expect("extractor builds"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let paragraphs = [Paragraph {
        span: Span::new(0, text.len()),
        kind: ParagraphKind::Body,
    }];
    for lang in [Lang::Id, Lang::En] {
        let found = extractor().extract(&text, &paragraphs, lang);
        let mut last_end = 0;
        for m in &found.mentions {
            assert!(
                m.span.start >= last_end && m.span.start < m.span.end && m.span.end <= text.len()
            );
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            assert!(m.entity < found.entities.len());
            last_end = m.span.end;
        }
    }
});
