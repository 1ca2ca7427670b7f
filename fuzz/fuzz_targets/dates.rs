//! Date extraction alone on arbitrary text, with and without an anchor.
#![no_main]

use libfuzzer_sys::fuzz_target;
use warta::calendar::Date;
use warta::dates::DateExtractor;
use warta::doc::Lang;

fuzz_target!(|data: &[u8]| {
    static EXTRACTOR: std::sync::OnceLock<DateExtractor> = std::sync::OnceLock::new();
    let extractor = EXTRACTOR.get_or_init(DateExtractor::new);
    let text = String::from_utf8_lossy(data);
    for anchor in [
        None,
        Date::new(2017, 3, 28),
        Date::new(1, 1, 1),
        Date::new(9999, 12, 31),
    ] {
        let mut last_end = 0;
        for d in extractor.find(&text, Lang::Id, anchor) {
            assert!(
                d.span.start >= last_end && d.span.start < d.span.end && d.span.end <= text.len()
            );
            assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            last_end = d.span.end;
        }
    }
});
