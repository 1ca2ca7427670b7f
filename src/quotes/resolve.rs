//! Naming speakers, in text order. A phrase is named from the mentions; a pronoun, a
//! "-nya" cue or an uncued continuation takes the most recent plausible speaker:
//! the latest speaker or sentence-initial person of the same paragraph, else of the
//! preceding body paragraphs (link and headline-like lines skipped), else the first
//! person named nearby, else the article's last speaker. Places and organisations
//! named inside quotation marks, addressees ("kepada X") and sources ("dikutip X") are
//! never picked.

use super::names::{
    complete_surname, is_role, shed_portfolio, shed_portfolio_of, shed_prefix, shed_statement_noun,
    strip_roles, strip_roles_str, CapIndex,
};
use super::naming::is_relative;
use super::scan::{sentence_start, Tokens};
use super::speaker::{
    first_person, is_calendar_word, is_person, is_quoted, name_phrase, Named, Who,
};
use super::titled::titled_person;
use crate::doc::{Entity, Label, Mention, Paragraph, ParagraphKind, Span};
use crate::entities::hashing::hash_lower;
use crate::entities::lexicon::{Lexicon, GIVEN, ORG_HEAD, TITLE};

/// How many body paragraphs back a pronoun may look.
const LOOKBACK: usize = 4;

/// How many paragraphs back the last resort (any person named before) may look.
const FAR_LOOKBACK: usize = 64;

/// At most this many distinct surnames are completed per article (each costs a scan).
const MAX_COMPLETIONS: usize = 64;

/// How many entities are checked for place and organisation words.
const MAX_PLACE_ENTITIES: usize = 512;

/// A speaker seen at a position.
type Seen = (usize, Named);

/// Running state of the resolution over one article.
pub(crate) struct Resolver<'a> {
    text: &'a str,
    paragraphs: &'a [Paragraph],
    mentions: &'a [Mention],
    entities: &'a [Entity],
    /// The latest speaker of each paragraph so far.
    last_speaker: Vec<Option<Seen>>,
    /// Each paragraph's persons in subject position (sentence-initial), in text order.
    topics: Vec<Vec<Seen>>,
    /// Each paragraph's first person anywhere outside quotation marks.
    weak: Vec<Option<Seen>>,
    /// The latest speaker of the article.
    latest: Option<Named>,
    /// Surnames already completed from the text, so each is looked up once.
    completed: Vec<(String, Option<String>)>,
    /// Person entities' names already cleaned of place words, by entity.
    cleaned: Vec<(usize, String)>,
    /// Capitalised words and where they occur, built when first needed.
    index: Option<CapIndex<'a>>,
    /// The built-in word lists.
    lexicon: &'a Lexicon,
}

impl<'a> Resolver<'a> {
    /// Prepares the per-paragraph look-ups.
    pub fn new(
        text: &'a str,
        paragraphs: &'a [Paragraph],
        mentions: &'a [Mention],
        entities: &'a [Entity],
        quoted: &[Span],
        lexicon: &'a Lexicon,
    ) -> Resolver<'a> {
        let mut resolver = Resolver {
            text,
            paragraphs,
            mentions,
            entities,
            last_speaker: vec![None; paragraphs.len()],
            topics: vec![Vec::new(); paragraphs.len()],
            weak: vec![None; paragraphs.len()],
            latest: None,
            completed: Vec::new(),
            cleaned: Vec::new(),
            index: None,
            lexicon,
        };
        for (i, p) in paragraphs.iter().enumerate() {
            if p.kind != ParagraphKind::Body {
                continue;
            }
            if mentions.is_empty() {
                // No tagger: a capitalised sentence subject stands in for a person.
                if let Some(span) = capitalised_subject(text, p.span, quoted, resolver.index()) {
                    let named = (span.start, resolver.phrase_name(span));
                    if let Some(slot) = resolver.weak.get_mut(i) {
                        *slot = Some(named);
                    }
                }
                continue;
            }
            let Some(first) = first_person(text, mentions, p.span.start, p.span.end, quoted) else {
                continue;
            };
            let named = (first.span.start, resolver.phrase_name(first.span));
            if let Some(slot) = resolver.weak.get_mut(i) {
                *slot = Some(named);
            }
            let start = mentions.partition_point(|m| m.span.start < p.span.start);
            let in_para = mentions
                .get(start..)
                .unwrap_or(&[])
                .iter()
                .take_while(|m| m.span.end <= p.span.end)
                .take(64);
            for m in in_para {
                let subject = is_person(text, m)
                    && !is_quoted(quoted, m.span)
                    && (is_sentence_initial(text, p.span.start, m.span.start)
                        || is_role_apposition_subject(text, p.span.start, m.span, p.span.end));
                if subject {
                    let named = (m.span.start, resolver.phrase_name(m.span));
                    if let Some(list) = resolver.topics.get_mut(i) {
                        list.push(named);
                    }
                }
            }
        }
        resolver
    }

    /// Names a speaker phrase: its entity when one matches; otherwise the phrase
    /// without titles and leading organisation words, a lone surname completed from
    /// the text.
    fn phrase_name(&mut self, span: Span) -> Named {
        let span = shed_statement_noun(self.text, span);
        // "ujar teman dekat Harry": Harry's friend speaks, unnamed.
        if opens_with_relation(span.slice(self.text)) {
            return (span.slice(self.text).to_string(), None);
        }
        let named = name_phrase(self.text, span, self.mentions, self.entities);
        if let (name, Some(e)) = &named {
            // The tagger files a title abbreviation as a person ("kata Mendagri").
            if !name.contains(char::is_whitespace) {
                let holder = titled_person(self.text, self.mentions, name, span.start)
                    .filter(|h| h != e)
                    .and_then(|h| Some((h, self.entities.get(h)?)));
                if let Some((h, holder)) = holder {
                    return (
                        shed_portfolio(strip_roles_str(&holder.name)).to_string(),
                        Some(h),
                    );
                }
            }
            // A person the tagger only knows by one word ("Octavian") gets the fullest
            // form the article gives ("Laksda TNI Amarulla Octavian" → "Amarulla
            // Octavian"); the entity stays the same.
            let person = self.entities.get(*e).is_some_and(|x| x.label == Label::Per);
            let relative = || is_relative(self.text, self.mentions, *e);
            if person && !name.contains(char::is_whitespace) && !relative() {
                if let Some(full) = self.completion(name) {
                    return (
                        shed_org_head(shed_portfolio_of(&full, name), self.lexicon),
                        Some(*e),
                    );
                }
            }
            if person {
                if let Some((_, clean)) = self.cleaned.iter().find(|(i, _)| i == e) {
                    return (clean.clone(), Some(*e));
                }
                let clean = shed_place_words(shed_portfolio(strip_roles_str(name)), self.entities);
                let entities = self.entities;
                let index = self.index();
                let apart = |w: &str, next: &str| index.apart(w, usize::MAX, next);
                let clean = shed_glued_words(&clean, *e, entities, &apart);
                let clean = shed_org_head(&clean, self.lexicon);
                if self.cleaned.len() < MAX_COMPLETIONS {
                    self.cleaned.push((*e, clean.clone()));
                }
                return (clean, Some(*e));
            }
            // An organisation name that runs on into a person's ("Partai Republik
            // Donald Trump"): the person speaks.
            return (shed_org_head(name, self.lexicon), Some(*e));
        }
        let span = strip_roles(self.text, span).unwrap_or(span);
        let (text, mentions) = (self.text, self.mentions);
        let span = shed_prefix(text, span, mentions, self.index());
        let span = shed_org_head_span(text, span, self.lexicon);
        let phrase = shed_portfolio(span.slice(text));
        let one_word = !phrase.contains(char::is_whitespace);
        if !one_word || !phrase.starts_with(char::is_uppercase) {
            return (phrase.to_string(), None);
        }
        // "kata Menpora" after "Menteri Pemuda dan Olahraga Imam Nahrawi".
        if let Some(e) = titled_person(text, mentions, phrase, span.start) {
            if let Some(holder) = self.entities.get(e) {
                return (
                    shed_portfolio(strip_roles_str(&holder.name)).to_string(),
                    Some(e),
                );
            }
        }
        let full = self.completion(phrase).map(|f| {
            // A title alone ("kata Presiden") completes to the titled name; the title
            // goes when what is left names a person ("Presiden Joko Widodo").
            let name = strip_roles_str(&f);
            let person = self.entities.iter().take(MAX_PLACE_ENTITIES).any(|e| {
                e.label == Label::Per && (e.name == name || e.aliases.iter().any(|a| a == name))
            });
            if is_role(phrase) && person {
                name.to_string()
            } else {
                shed_org_head(shed_portfolio_of(&f, phrase), self.lexicon)
            }
        });
        (full.unwrap_or_else(|| phrase.to_string()), None)
    }

    /// The fullest name the article gives for a one-word name, looked up once.
    fn completion(&mut self, word: &str) -> Option<String> {
        if let Some((_, full)) = self.completed.iter().find(|(w, _)| w == word) {
            return full.clone();
        }
        if self.completed.len() >= MAX_COMPLETIONS {
            return None;
        }
        let mentions = self.mentions;
        // A dateline glued to the first word ("Jakarta, CNN Indonesia--Bintang Real
        // Madrid") is no part of the name.
        // Its first word opens the article's first sentence, capitalised there only: a
        // word the article also writes in lower case is a noun ("Penyanyi Tulus").
        let (text, lexicon) = (self.text, self.lexicon);
        let full =
            complete_surname(self.index(), word, mentions).map(|f| match f.rsplit_once("--") {
                Some((_, name)) if name.contains(word) => {
                    shed_common_opener(text, name.trim(), word, lexicon)
                }
                _ => f,
            });
        self.completed.push((word.to_string(), full.clone()));
        full
    }

    /// The article's capitalised-word index, built on first use.
    fn index(&mut self) -> &CapIndex<'a> {
        let text = self.text;
        self.index.get_or_insert_with(|| CapIndex::new(text))
    }

    /// Names the speaker of a quote (or reporting verb) at `pos` in paragraph `para`,
    /// and remembers it for what follows.
    pub fn name(&mut self, who: Option<Who>, pos: usize, para: usize) -> Option<Named> {
        let named = match who? {
            Who::Phrase(span) => Some(self.phrase_name(span)),
            Who::Pronoun => self.antecedent(pos, para),
            Who::Epithet(span) => self
                .repeated(span, para)
                .or_else(|| self.antecedent(pos, para)),
        };
        if let Some(n) = &named {
            if let Some(slot) = self.last_speaker.get_mut(para) {
                *slot = Some((pos, n.clone()));
            }
            self.latest = Some(n.clone());
        }
        named
    }

    /// The recent unnamed speaker an epithet repeats: "sumber itu" after "kata seorang
    /// sumber" (the epithet's head noun is a word of that speaker's phrase). Named
    /// speakers are never matched this way ("pria berusia 46 tahun itu" is a pronoun).
    fn repeated(&self, epithet: Span, para: usize) -> Option<Named> {
        let head = Tokens::new(self.text, epithet.start, epithet.end)
            .filter(|t| t.is_word())
            .map(|t| t.text(self.text))
            .find(|w| !matches!(w.to_lowercase().as_str(), "sang" | "para" | "si"))?;
        let repeats = |n: &Named| {
            n.1.is_none() && n.0.split_whitespace().any(|w| w.eq_ignore_ascii_case(head))
        };
        let recent = std::iter::once(para)
            .chain(self.previous(para))
            .filter_map(|q| self.last_speaker.get(q).and_then(Option::as_ref))
            .map(|(_, n)| n);
        recent
            .chain(self.latest.as_ref())
            .find(|n| repeats(n))
            .cloned()
    }

    /// The latest of the paragraph's speaker and subject before `pos`.
    fn latest_in(&self, para: usize, pos: usize) -> Option<Named> {
        let speaker = self.last_speaker.get(para).and_then(Option::as_ref);
        let topic = self
            .topics
            .get(para)
            .and_then(|t| t.iter().take_while(|(at, _)| *at < pos).last());
        match (speaker, topic) {
            (Some(s), Some(t)) => Some(if t.0 > s.0 { t.1.clone() } else { s.1.clone() }),
            (Some(s), None) => Some(s.1.clone()),
            (None, Some(t)) => Some(t.1.clone()),
            (None, None) => None,
        }
    }

    /// The body paragraphs before `para` worth looking back into, nearest first.
    fn previous(&self, para: usize) -> impl Iterator<Item = usize> + '_ {
        // Bounded: a run of link or headline lines must not make every look-up long.
        (0..para)
            .rev()
            .take(LOOKBACK * 8)
            .take_while(|&q| {
                self.paragraphs
                    .get(q)
                    .is_some_and(|p| p.kind != ParagraphKind::Title)
            })
            .filter(|&q| {
                self.paragraphs.get(q).is_some_and(|p| {
                    p.kind == ParagraphKind::Body && ends_like_sentence(p.span.slice(self.text))
                })
            })
            .take(LOOKBACK)
    }

    /// The most recent plausible speaker before `pos`.
    fn antecedent(&self, pos: usize, para: usize) -> Option<Named> {
        if let Some(n) = self.latest_in(para, pos) {
            return Some(n);
        }
        if let Some(n) = self
            .previous(para)
            .find_map(|q| self.latest_in(q, usize::MAX))
        {
            return Some(n);
        }
        let same = self
            .weak
            .get(para)
            .and_then(Option::as_ref)
            .filter(|(at, _)| *at < pos)
            .map(|(_, n)| n.clone());
        same.or_else(|| {
            self.previous(para)
                .find_map(|q| self.weak.get(q).and_then(Option::as_ref))
                .map(|(_, n)| n.clone())
        })
        .or_else(|| self.latest.clone())
        .or_else(|| {
            // Nobody spoke yet and no one is near: the nearest person named earlier in
            // the article (a bounded look-back).
            (0..para)
                .rev()
                .take(FAR_LOOKBACK)
                .find_map(|q| self.weak.get(q).and_then(Option::as_ref))
                .map(|(_, n)| n.clone())
        })
    }
}

/// A person's name without the leading words that name an organisation or place of
/// the article ("Liverpool Mohamed Salah" → "Mohamed Salah", "MDI Ventures Nicko
/// Widjaja" → "Nicko Widjaja"): the tagger sometimes glues a role's complement to
/// the name. At least two words are kept.
fn shed_place_words(name: &str, entities: &[Entity]) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    // A word of an organisation's or place's name, or the whole name of someone else
    // ("pengacara Ahok I Wayan Sudirta").
    let is_place_word = |w: &str| {
        entities.iter().take(MAX_PLACE_ENTITIES).any(|e| {
            let other_person = e.label == Label::Per
                && e.name != name
                && (e.name == w || e.aliases.iter().any(|a| a == w));
            other_person
                || (e.label != Label::Per
                    && (e.name.split_whitespace().any(|x| x == w)
                        || e.aliases.iter().any(|a| a == w)))
        })
    };
    // Words that open sentences, glued to a name by the tagger ("Selain Indro").
    let is_opener = |w: &str| {
        matches!(
            w.to_lowercase().as_str(),
            "selain"
                | "sementara"
                | "namun"
                | "bahkan"
                | "menurut"
                | "kata"
                | "sedangkan"
                | "adapun"
        )
    };
    let mut first = 0;
    while words.len() - first > 1 && words.get(first).is_some_and(|w| is_opener(w)) {
        first += 1;
    }
    while words.len() - first > 2 && words.get(first).is_some_and(|w| is_place_word(w)) {
        first += 1;
    }
    if first == 0 {
        return name.to_string();
    }
    words
        .get(first..)
        .map_or_else(|| name.to_string(), |w| w.join(" "))
}

/// A person's name without leading words the tagger glued on from the role before it
/// ("CEO Blibli Kusumo Martanto", "Direktur Yamaha Massimo Meregalli"): when the
/// article calls the person by a later word of the name ("kata Kusumo"), the words
/// before it go if each also stands elsewhere in the article without the word after it
/// (a firm or a club: "Blibli", "Yamaha"; a given name rarely does: "Agus Budi Santosa"
/// called "Budi" stays whole). Leading words that end another entity's name go too
/// ("East Ventures" → "Ventures Willson Cuaca" → "Willson Cuaca"). Two words are
/// always kept.
fn shed_glued_words(
    name: &str,
    entity: usize,
    entities: &[Entity],
    stands_apart: &dyn Fn(&str, &str) -> bool,
) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 3 {
        return name.to_string();
    }
    let Some(ent) = entities.get(entity) else {
        return name.to_string();
    };
    let ends_other = |w: &str| {
        entities
            .iter()
            .take(MAX_PLACE_ENTITIES)
            .enumerate()
            .any(|(i, e)| {
                i != entity
                    && e.name.contains(char::is_whitespace)
                    && e.name.split_whitespace().next_back() == Some(w)
            })
    };
    let mut first = 0;
    while words.len() - first > 2 && words.get(first).is_some_and(|w| ends_other(w)) {
        first += 1;
    }
    if first == 0 {
        let called_by = (1..words.len() - 1).find(|&k| {
            words
                .get(k)
                .is_some_and(|w| ent.aliases.iter().any(|a| a == w))
        });
        if let Some(k) = called_by {
            let glued = (0..k).all(|i| match (words.get(i), words.get(i + 1)) {
                (Some(w), Some(next)) => {
                    w.chars().count() >= 3 && !is_name_opener(w) && stands_apart(w, next)
                }
                _ => false,
            });
            if glued {
                first = k;
            }
        }
    }
    match words.get(first..) {
        Some(rest) if first > 0 => rest.join(" "),
        _ => name.to_string(),
    }
}

/// Where the name starts in words that open with an organisation head or a title
/// ("Partai Republik Donald Trump", "Kepala Dinas Tata Air Teguh Hendrawan"): at the
/// first known given name after it, when two words or more are left.
fn org_head_cut(words: &[&str], lexicon: &Lexicon) -> Option<usize> {
    let flags = |w: &str| lexicon.flags(hash_lower(w));
    let head = words
        .first()
        .is_some_and(|w| flags(w) & (ORG_HEAD | TITLE) != 0);
    if !head || words.len() < 3 {
        return None;
    }
    (1..words.len() - 1).find(|&k| words.get(k).is_some_and(|w| flags(w) & GIVEN != 0))
}

/// [`org_head_cut`] on a name given as a string.
fn shed_org_head(name: &str, lexicon: &Lexicon) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    match org_head_cut(&words, lexicon).and_then(|k| words.get(k..)) {
        Some(rest) => rest.join(" "),
        None => name.to_string(),
    }
}

/// [`org_head_cut`] on a span of the text.
fn shed_org_head_span(text: &str, span: Span, lexicon: &Lexicon) -> Span {
    let toks: Vec<_> = Tokens::new(text, span.start, span.end)
        .filter(|t| t.is_word())
        .take(16)
        .collect();
    let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
    match org_head_cut(&words, lexicon).and_then(|k| toks.get(k)) {
        Some(first) => Span::new(first.start, span.end),
        None => span,
    }
}

/// First words of names that are also said alone elsewhere (the Prophet, a title of
/// descent), never a firm glued to a name.
fn is_name_opener(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "muhammad"
            | "mohammad"
            | "mohamad"
            | "mohammed"
            | "mohamed"
            | "muhamad"
            | "ahmad"
            | "achmad"
            | "abdul"
            | "abdullah"
            | "siti"
            | "nur"
            | "teuku"
            | "tengku"
            | "cut"
            | "andi"
            | "raden"
            | "gusti"
            | "ida"
            | "anak"
            | "agung"
    )
}

/// Whether a paragraph reads as prose (not a link, a headline or a caption line).
fn ends_like_sentence(paragraph: &str) -> bool {
    paragraph
        .trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', ':', ','])
}

/// Lower-case words that may precede a sentence's subject.
const CONNECTORS: &[&str] = &[
    "adapun",
    "akhirnya",
    "bahkan",
    "dan",
    "itu",
    "juga",
    "kemudian",
    "lalu",
    "lantas",
    "namun",
    "pun",
    "sedangkan",
    "selain",
    "sementara",
    "sebelumnya",
    "tetapi",
];

/// Whether the person at `pos` opens its sentence: only connectors, titles and names
/// before it ("Sementara itu, pelatih Persib Djadjang ...").
fn is_sentence_initial(text: &str, floor: usize, pos: usize) -> bool {
    let start = sentence_start(text, floor, pos);
    Tokens::new(text, start, pos)
        .take(8)
        .all(|t| match t.punct {
            Some(p) => p == ',',
            None => {
                let w = t.text(text);
                t.is_capitalised(text)
                    || CONNECTORS.iter().any(|c| c.eq_ignore_ascii_case(w))
                    || is_role(w)
            }
        })
        && Tokens::new(text, start, pos).nth(8).is_none()
}

/// Whether the person at `name` is the subject of its sentence as the apposition of
/// an opening role phrase: "Pelatih ganda putra, Herry Iman Pierngadi, memastikan ..."
/// (a title or a lower-case role noun opens the sentence; the name stands between
/// commas; a lower-case word follows).
fn is_role_apposition_subject(text: &str, floor: usize, name: Span, end: usize) -> bool {
    let start = sentence_start(text, floor, name.start);
    let before: Vec<_> = Tokens::new(text, start, name.start).take(9).collect();
    let opens_with_role = before
        .first()
        .is_some_and(|t| t.is_word() && is_role(t.text(text)));
    let words_then_comma = before.len() >= 2
        && before.len() <= 8
        && before.last().is_some_and(|t| t.punct == Some(','))
        && before.iter().take(before.len() - 1).all(|t| t.is_word());
    let mut after = Tokens::new(text, name.end, end);
    let closed = after.next().is_some_and(|t| t.punct == Some(','))
        && after
            .next()
            .is_some_and(|t| t.is_word() && !t.is_capitalised(text));
    opens_with_role && words_then_comma && closed
}

/// Without mentions: the first sentence subject of the paragraph that is a short run of
/// capitalised words followed by a lower-case word ("Pelatih Persebaya Iwan Setiawan
/// mengevaluasi ..."), outside quotation marks.
fn capitalised_subject(
    text: &str,
    para: Span,
    quoted: &[Span],
    index: &CapIndex<'_>,
) -> Option<Span> {
    let mut at_start = true;
    let mut run: Option<(usize, usize, usize)> = None; // start, end, words
    for t in Tokens::new(text, para.start, para.end).take(300) {
        if let Some(p) = t.punct {
            run = None;
            at_start = matches!(p, '.' | '!' | '?') || (at_start && p == ',');
            continue;
        }
        let w = t.text(text);
        if let Some((start, end, words)) = run {
            if t.is_capitalised(text) && words < 4 {
                run = Some((start, t.end, words + 1));
                continue;
            }
            let span = Span::new(start, end);
            let lower_next = !t.is_capitalised(text) && w != "yang";
            // One capitalised word opening a sentence is often a common noun ("Hal",
            // "Tujuan"); take it only if it is capitalised mid-sentence elsewhere too.
            let name_like = words > 1 || index.mid_sentence(span.slice(text), span.start);
            if lower_next && name_like && !is_quoted(quoted, span) {
                return Some(span);
            }
            run = None;
            at_start = false;
            continue;
        }
        if at_start && CONNECTORS.iter().any(|c| c.eq_ignore_ascii_case(w)) {
            continue;
        }
        let function = || crate::lang::is_function_word(w);
        if at_start && t.is_capitalised(text) && !function() && !is_calendar_word(w) {
            run = Some((t.start, t.end, 1));
        }
        at_start = false;
    }
    None
}

/// A name without its first word when the text also writes that word in lower case
/// ("Penyanyi Tulus" beside "penyanyi"), so long as `word` is left; an organisation's
/// head stays ("Pasukan Suriah").
fn shed_common_opener(text: &str, name: &str, word: &str, lexicon: &Lexicon) -> String {
    if let Some((first, rest)) = name.split_once(' ') {
        let lower = first.to_lowercase();
        let common = first.starts_with(char::is_uppercase)
            && lexicon.flags(hash_lower(first)) & ORG_HEAD == 0
            && lower != first
            && text.match_indices(lower.as_str()).any(|(at, _)| {
                let before = text.get(..at).and_then(|t| t.chars().next_back());
                let after = text.get(at + lower.len()..).and_then(|t| t.chars().next());
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            });
        if common && rest.split_whitespace().any(|w| w == word) {
            return rest.trim().to_string();
        }
    }
    name.to_string()
}

/// Whether a speaker phrase names someone by a relation to a named person ("teman
/// dekat Harry", "istri Budi"): the relation speaks, not the person named.
fn opens_with_relation(phrase: &str) -> bool {
    let mut words = phrase.split_whitespace();
    let first = words.next().unwrap_or("");
    let named = words.any(|w| w.starts_with(char::is_uppercase));
    named
        && matches!(
            first,
            "teman" | "sahabat" | "kerabat" | "istri" | "suami" | "tetangga" | "kekasih" | "pacar"
        )
}

#[cfg(test)]
mod relation_tests {
    use super::opens_with_relation;

    #[test]
    fn a_relation_of_a_named_person_speaks_unnamed() {
        assert!(opens_with_relation("teman dekat Harry"));
        assert!(opens_with_relation("tetangga Aaron"));
        assert!(!opens_with_relation("Teman lainnya"));
        assert!(!opens_with_relation("teman dekatnya"));
    }
}
