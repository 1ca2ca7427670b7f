//! The reporting-word lexicon (Indonesian first, English second) and the one automaton
//! that finds every cue of an article in a single pass.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::scan::{char_at, char_before, is_word_char};

/// How a reporting word relates to its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueClass {
    /// Speaker follows: `"...," kata Elgeblawi` / `ujar dia`.
    Post,
    /// The speaker is folded into the word: `katanya`, `ujarnya`.
    PostPronoun,
    /// Active verb, speaker is its subject before it: `Bashagha mengatakan`.
    Verb,
    /// Passive verb, speaker follows (optionally after "oleh"): `dikatakan Kapolri`.
    Passive,
    /// "menurut X" / "according to X": speaker follows, speech follows the comma.
    According,
    /// English speech verb: speaker before ("Smith said") or after ("said Smith").
    EnVerb,
}

/// Indonesian post-quote reporting stems; each also takes "-nya" ("katanya").
const POST_STEMS: &[&str] = &[
    "aku", "akui", "bantah", "beber", "bilang", "buka", "bunyi", "canda", "cerita", "cetus",
    "cuit", "harap", "imbuh", "jawab", "jelas", "kata", "keluh", "kenang", "kicau", "kilah",
    "klaim", "lanjut", "papar", "pesan", "pinta", "pungkas", "sahut", "sambung", "sebut", "sergah",
    "seru", "sindir", "tambah", "tandas", "tanya", "tegas", "tepis", "terang", "timpal", "tukas",
    "tulis", "tutup", "tutur", "ucap", "ujar", "unggah", "ungkap", "urai",
];

/// Post stems strong enough to mark reported speech without quotation marks
/// ("..., kata Elgeblawi."); the weaker ones ("jelas", "lanjut") are ordinary words too.
const STRONG_POST: &[&str] = &[
    "imbuh", "kata", "papar", "tandas", "tegas", "terang", "tutur", "ucap", "ujar", "ungkap",
];

/// Indonesian active reporting verbs (subject = speaker).
const VERBS: &[&str] = &[
    "berbicara",
    "bercerita",
    "berharap",
    "berkata",
    "berkelakar",
    "berkicau",
    "berkomentar",
    "berpendapat",
    "berpesan",
    "berseloroh",
    "bersumpah",
    "bertanya",
    "berucap",
    "berujar",
    "melanjutkan",
    "melihat",
    "memandang",
    "memaparkan",
    "memastikan",
    "membantah",
    "membeberkan",
    "membenarkan",
    "memperingatkan",
    "mempertegas",
    "menambahkan",
    "menampik",
    "menandaskan",
    "menanggapi",
    "menanyakan",
    "menceritakan",
    "mencuit",
    "menegaskan",
    "menekankan",
    "menerangkan",
    "mengaku",
    "mengakui",
    "menganggap",
    "mengatakan",
    "mengemukakan",
    "mengimbau",
    "mengingatkan",
    "mengisahkan",
    "mengklaim",
    "mengkonfirmasi",
    "mengonfirmasi",
    "mengumumkan",
    "mengunggah",
    "mengungkapkan",
    "menguraikan",
    "mengutarakan",
    "menilai",
    "menimpali",
    "menjamin",
    "menjawab",
    "menjelaskan",
    "menulis",
    "menuliskan",
    "menuturkan",
    "menyampaikan",
    "menyarankan",
    "menyatakan",
    "menyebut",
    "menyebutkan",
    "menyimpulkan",
];

/// Verbs that attribute a quotation but do not introduce reported speech on their own
/// (attitudes, replies, topics: "berharap", "menanggapi").
const WEAK_VERBS: &[&str] = &[
    "berbicara",
    "bersumpah",
    "mengunggah",
    "melanjutkan",
    "berharap",
    "berkomentar",
    "bertanya",
    "membantah",
    "menampik",
    "menanggapi",
    "menanyakan",
    "menjawab",
];

/// Verbs that report speech only with an explicit "bahwa" after them ("melihat bahwa",
/// "mengumumkan ... bahwa"); without it they are seeing, announcing a thing, and are
/// no cue at all.
const ONLY_WITH_THAT: &[&str] = &[
    "melihat",
    "mengkonfirmasi",
    "mengonfirmasi",
    "mengumumkan",
    "menjamin",
];

/// Weak verbs that report speech when "bahwa" follows ("menampik bahwa ...").
const STRONG_WITH_THAT: &[&str] = &["menampik"];

/// How far after a verb its "bahwa" may come ("mengumumkan pada Senin bahwa").
const THAT_WINDOW: usize = 60;

/// Whether "bahwa" follows within [`THAT_WINDOW`] bytes of `end`, in the same sentence.
fn that_follows(text: &str, end: usize) -> bool {
    let mut stop = (end + THAT_WINDOW).min(text.len());
    while !text.is_char_boundary(stop) {
        stop -= 1;
    }
    let window = text.get(end..stop).unwrap_or("");
    let window = window.split(['.', '!', '?', '\n']).next().unwrap_or("");
    window
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case("bahwa"))
}

/// Indonesian passive reporting verbs (speaker follows).
const PASSIVE: &[&str] = &[
    "diakui",
    "dijelaskan",
    "dikatakan",
    "disampaikan",
    "disebutkan",
    "ditegaskan",
    "dituturkan",
    "diungkapkan",
    "diutarakan",
];

/// English speech verbs.
const EN_VERBS: &[&str] = &[
    "added",
    "admitted",
    "argued",
    "asked",
    "claimed",
    "continued",
    "declared",
    "explained",
    "insisted",
    "noted",
    "replied",
    "said",
    "says",
    "stated",
    "stressed",
    "told",
    "tweeted",
    "warned",
    "wrote",
];

/// One cue found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    /// First byte of the word.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// What kind of cue it is.
    pub class: CueClass,
    /// Whether it marks reported speech on its own (see [`STRONG_POST`] and
    /// [`WEAK_VERBS`]).
    pub strong: bool,
    /// Whether the speaker is folded into the word ("menurutnya").
    pub pronoun: bool,
}

/// What an explicit "bahwa" after a verb changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ThatRule {
    /// Nothing.
    Never,
    /// The word is a cue only with it.
    Only,
    /// The word is strong with it, weak without.
    Strengthens,
}

/// The compiled lexicon.
#[derive(Clone, Debug)]
pub(crate) struct Cues {
    automaton: Option<AhoCorasick>,
    /// Class, strength, pronoun and "bahwa" rule of each pattern, by pattern index.
    info: Vec<(CueClass, bool, bool, ThatRule)>,
}

impl Cues {
    /// Compiles the lexicon into one case-insensitive automaton.
    pub fn new() -> Cues {
        let mut patterns: Vec<String> = Vec::new();
        let mut info = Vec::new();
        for &stem in POST_STEMS {
            let strong = STRONG_POST.contains(&stem);
            patterns.push(stem.to_string());
            info.push((CueClass::Post, strong, false, ThatRule::Never));
            patterns.push(format!("{stem}nya"));
            info.push((CueClass::PostPronoun, strong, true, ThatRule::Never));
        }
        let groups: [(&[&str], CueClass); 3] = [
            (VERBS, CueClass::Verb),
            (PASSIVE, CueClass::Passive),
            (EN_VERBS, CueClass::EnVerb),
        ];
        for (words, class) in groups {
            for &w in words {
                patterns.push(w.to_string());
                let rule = if ONLY_WITH_THAT.contains(&w) {
                    ThatRule::Only
                } else if STRONG_WITH_THAT.contains(&w) {
                    ThatRule::Strengthens
                } else {
                    ThatRule::Never
                };
                info.push((class, !WEAK_VERBS.contains(&w), false, rule));
            }
        }
        for w in ["menurut", "according to", "menurutnya"] {
            let pronoun = w.ends_with("nya");
            patterns.push(w.to_string());
            info.push((CueClass::According, true, pronoun, ThatRule::Never));
        }
        // The lexicon is a fixed list of plain words, so building cannot fail; should it
        // ever, the extractor still works, finding marked quotes without cues.
        // A full DFA: the lexicon is small, and every article is scanned in full.
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .ok();
        Cues { automaton, info }
    }

    /// Every whole-word cue in `text`, in text order.
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        let Some(automaton) = &self.automaton else {
            return out;
        };
        for m in automaton.find_iter(text) {
            let (start, end) = (m.start(), m.end());
            let bounded = !char_before(text, start).is_some_and(is_word_char)
                && !char_at(text, end).is_some_and(|c| is_word_char(c) || c == '-');
            if !bounded {
                continue;
            }
            if let Some(&(class, strong, pronoun, rule)) = self.info.get(m.pattern().as_usize()) {
                let strong = match rule {
                    ThatRule::Never => strong,
                    ThatRule::Only if !that_follows(text, end) => continue,
                    ThatRule::Only => strong,
                    ThatRule::Strengthens => strong || that_follows(text, end),
                };
                out.push(Hit {
                    start,
                    end,
                    class,
                    strong,
                    pronoun,
                });
            }
        }
        out
    }
}

/// The cue starting exactly at `pos`, if any (hits are sorted by start).
pub(crate) fn hit_at(hits: &[Hit], pos: usize) -> Option<&Hit> {
    let i = hits.partition_point(|h| h.start < pos);
    hits.get(i).filter(|h| h.start == pos)
}

/// The cues that start inside `[start, end)`.
pub(crate) fn hits_in(hits: &[Hit], start: usize, end: usize) -> &[Hit] {
    let a = hits.partition_point(|h| h.start < start);
    let b = hits.partition_point(|h| h.start < end);
    hits.get(a..b.max(a)).unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let cues = Cues::new();
        let text = "Ia mengatakan bahwa katanya benar, kata dia; katakan saja. Menurut Budi";
        let found: Vec<(&str, CueClass)> = cues
            .hits(text)
            .iter()
            .map(|h| (&text[h.start..h.end], h.class))
            .collect();
        assert_eq!(
            found,
            [
                ("mengatakan", CueClass::Verb),
                ("katanya", CueClass::PostPronoun),
                ("kata", CueClass::Post),
                ("Menurut", CueClass::According),
            ]
        );
    }
}
