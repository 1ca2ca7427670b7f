//! From mentions to entities: title stripping, acronym expansions, aliases, roles.

use super::gazetteer::Gazetteer;
use super::hashing::FxHashMap;
use super::lexicon::TITLE;
use super::roles::{is_honorific, RoleContext};
use super::tokens::{Shape, Token};
use super::Extraction;
use crate::doc::{Acronym, Entity, Label, Mention, Span};

/// A mention as token indices into the article's analysed tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// Its type.
    pub label: Label,
    /// The user gazetteer entry it matched.
    pub gaz: Option<usize>,
}

/// The article's tokens and what clustering needs about them.
pub struct Article<'a> {
    /// The text.
    pub text: &'a str,
    /// Tokens of the analysed paragraphs, in order.
    pub tokens: &'a [Token],
    /// Lexicon flags per token.
    pub flags: &'a [u16],
    /// Paragraph index per token.
    pub para: &'a [u32],
    /// Tokens capitalised only by position (sentence-initial or headline common words).
    pub positional: &'a [bool],
}

impl Article<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }
    fn same_para(&self, a: usize, b: usize) -> bool {
        self.para.get(a).is_some() && self.para.get(a) == self.para.get(b)
    }
    fn span(&self, m: &Found) -> Span {
        let s = self.tokens.get(m.first).map_or(0, |t| t.start);
        let e = m
            .last
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .map_or(s, |t| t.end);
        Span::new(s, e)
    }
    fn surface(&self, m: &Found) -> &str {
        self.span(m).slice(self.text)
    }
}

/// `s` lower-cased with its whitespace runs made single spaces, written into `out`.
fn norm_into(s: &str, out: &mut String) {
    out.clear();
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if w.is_ascii() {
            let at = out.len();
            out.push_str(w);
            if let Some(added) = out.get_mut(at..) {
                added.make_ascii_lowercase();
            }
        } else {
            out.extend(w.chars().flat_map(char::to_lowercase));
        }
    }
}

/// Distinct strings numbered in order of first sight, so that clustering compares and
/// hashes integers, and allocates once per distinct name rather than once per mention.
#[derive(Default)]
struct Interner {
    ids: FxHashMap<String, u32>,
    /// Scratch buffer for normalising.
    buf: String,
}

impl Interner {
    /// The number of `s` as it is.
    fn exact(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(s.to_string(), id);
        id
    }

    /// The number of `s` normalised (lower case, single spaces).
    fn norm(&mut self, s: &str) -> u32 {
        let mut buf = std::mem::take(&mut self.buf);
        norm_into(s, &mut buf);
        let id = self.exact(&buf);
        self.buf = buf;
        id
    }

    /// How many strings have numbers.
    fn len(&self) -> usize {
        self.ids.len()
    }
}

/// What groups mentions into one entity: a gazetteer canonical name, else the normalised
/// text (people apart), each as an interned number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Key {
    /// A gazetteer entry's canonical name.
    Gaz(u32),
    /// A person's normalised name.
    Per(u32),
    /// Another mention's normalised text.
    Other(u32),
}

impl Key {
    /// The normalised text of a key that is not a gazetteer's.
    fn text(self) -> Option<u32> {
        match self {
            Key::Gaz(_) => None,
            Key::Per(n) | Key::Other(n) => Some(n),
        }
    }
}

/// Whether the token at `i` can be an acronym of the phrase `long`.
fn acronym_like(art: &Article, i: usize, long: &str) -> bool {
    let w = art.word(i);
    let n = w.chars().count();
    if !(2..=10).contains(&n) {
        return false;
    }
    let upper = w.chars().filter(|c| c.is_uppercase()).count();
    let first_matches = w.chars().next().map(|c| {
        c.to_lowercase()
            .eq(long.chars().take(1).flat_map(char::to_lowercase))
    });
    upper >= 2
        || (art.tokens.get(i).is_some_and(|t| t.shape == Shape::Capital)
            && first_matches == Some(true))
}

/// Removes titles and honorifics at the start of person mentions ("Presiden Joko Widodo").
fn strip_titles(art: &Article, found: &mut [Found]) {
    for m in found
        .iter_mut()
        .filter(|m| m.label == Label::Per && m.gaz.is_none())
    {
        while m.last - m.first > 1
            && (art.flags.get(m.first).is_some_and(|f| f & TITLE != 0)
                || is_honorific(art.word(m.first))
                || art.word(m.first) == ".")
        {
            m.first += 1;
        }
    }
}

/// Balinese birth-order and caste names that follow the article "I" (men) or "Ni"
/// (women) in a full name: "I Nyoman Suwirta", "Ni Luh Putu Ayu".
const BALINESE: &[&str] = &[
    "agung", "ayu", "dewa", "gede", "gde", "gusti", "kadek", "ketut", "komang", "luh", "made",
    "nengah", "nyoman", "putu", "wayan",
];

/// The "I"/"Ni" that opens a Balinese name when the tagger left it out of the mention
/// ("Bupati Klungkung I Nyoman Suwirta" → "I "), for the entity's name only: mention
/// spans stay the tagger's (training reads them).
fn balinese_article<'b>(art: &'b Article, m: &Found, found: &[Found]) -> Option<&'b str> {
    let before = m.first.checked_sub(1)?;
    let word = art.word(before);
    if !matches!(word, "I" | "Ni") || !art.same_para(before, m.first) {
        return None;
    }
    if !BALINESE.contains(&art.word(m.first).to_lowercase().as_str()) {
        return None;
    }
    // `found` is sorted by first token: the mention just before is the only one that
    // could cover the article.
    let i = found.partition_point(|o| o.first <= before);
    let covered = i
        .checked_sub(1)
        .and_then(|j| found.get(j))
        .is_some_and(|o| before < o.last);
    (!covered).then_some(word)
}

/// "Long Form (LF)" and "LF (Long Form)": records the expansion and makes sure the short form is
/// a mention of the long form's type. Returns (short, index of the long-form mention).
fn find_acronyms(art: &Article, found: &mut Vec<Found>) -> Vec<(String, usize)> {
    let mut covered = vec![false; art.tokens.len()];
    for m in found.iter() {
        for c in covered.iter_mut().take(m.last).skip(m.first) {
            *c = true;
        }
    }
    // `found` is sorted by first token: a binary search finds the mention starting at `i`.
    let single_at = |found: &[Found], i: usize| -> bool {
        found
            .binary_search_by_key(&i, |m| m.first)
            .ok()
            .and_then(|k| found.get(k))
            .is_some_and(|m| m.last == i + 1)
    };
    let mut pairs: Vec<(usize, usize)> = Vec::new(); // (short token, long mention)
    let mut added = Vec::new();
    for (idx, m) in found.iter().enumerate() {
        if m.last - m.first < 2 {
            continue;
        }
        let (open, short, close) = (m.last, m.last + 1, m.last + 2);
        if art.word(open) != "(" || art.word(close) != ")" || !art.same_para(m.first, close) {
            continue;
        }
        if !acronym_like(art, short, art.surface(m)) {
            continue;
        }
        pairs.push((short, idx));
        if !covered.get(short).copied().unwrap_or(true) {
            added.push(Found {
                first: short,
                last: short + 1,
                label: m.label,
                gaz: None,
            });
        }
    }
    // "LF (Long Form)".
    for (idx, m) in found.iter().enumerate() {
        if m.last - m.first < 2 || m.first < 2 {
            continue;
        }
        let (short, open) = (m.first - 2, m.first - 1);
        if art.word(open) != "(" || art.word(m.last) != ")" || !art.same_para(short, m.last) {
            continue;
        }
        let upper = art.word(short).chars().filter(|c| c.is_uppercase()).count();
        if upper >= 2 && single_at(found, short) {
            pairs.push((short, idx));
        }
    }
    // Short forms inside the parentheses take the long form's type.
    let mut labels: FxHashMap<usize, Label> = FxHashMap::default();
    for &(s, l) in &pairs {
        if let Some(m) = found.get(l) {
            labels.entry(s).or_insert(m.label);
        }
    }
    for f in found.iter_mut() {
        if let Some(&label) = labels.get(&f.first) {
            if f.last == f.first + 1 && f.gaz.is_none() {
                f.label = label;
            }
        }
    }
    // Indices of long forms must survive the insertion: remember them by token position.
    let longs: Vec<(String, usize)> = pairs
        .iter()
        .filter_map(|&(s, l)| found.get(l).map(|m| (art.word(s).to_string(), m.first)))
        .collect();
    found.extend(added);
    found.sort_by_key(|m| m.first);
    longs
        .into_iter()
        .filter_map(|(s, first)| {
            found
                .binary_search_by_key(&first, |m| m.first)
                .ok()
                .map(|i| (s, i))
        })
        .collect()
}

/// Groups mentions into entities and fills names, aliases, roles and acronyms.
pub fn build(art: &Article, mut found: Vec<Found>, gaz: Option<&Gazetteer>) -> Extraction {
    strip_titles(art, &mut found);
    let acronyms = find_acronyms(art, &mut found);
    let surfaces: Vec<&str> = found.iter().map(|m| art.surface(m)).collect();
    let mut strings = Interner::default();
    // Each mention's normalised text, numbered.
    let normed: Vec<u32> = surfaces.iter().map(|s| strings.norm(s)).collect();
    harmonise_labels(&mut found, &normed, strings.len());

    // Each mention's key: gazetteer canonical, else its normalised text (people apart).
    let mut keys: Vec<Key> = found
        .iter()
        .zip(&normed)
        .map(
            |(m, &n)| match m.gaz.and_then(|g| gaz.and_then(|z| z.entry(g))) {
                Some(e) => Key::Gaz(strings.exact(e.canonical.as_deref().unwrap_or(&e.name))),
                None if m.label == Label::Per => Key::Per(n),
                None => Key::Other(n),
            },
        )
        .collect();
    let mut long_of_key: FxHashMap<Key, usize> = FxHashMap::default();
    // Acronyms: every mention of the short form joins the long form's entity.
    let mut long_of_short: FxHashMap<u32, Key> = FxHashMap::default();
    for (short, long_idx) in &acronyms {
        let Some(&long_key) = keys.get(*long_idx) else {
            continue;
        };
        long_of_key.entry(long_key).or_insert(*long_idx);
        long_of_short.entry(strings.norm(short)).or_insert(long_key);
    }
    if !long_of_short.is_empty() {
        for (k, m) in keys.iter_mut().zip(&found) {
            if m.gaz.is_some() {
                continue;
            }
            if let Some(&long_key) = k.text().and_then(|n| long_of_short.get(&n)) {
                *k = long_key;
            }
        }
    }
    link_person_aliases(art, &found, &mut keys, &mut strings);

    // Entities in order of first mention.
    let mut entity_of: FxHashMap<Key, usize> = FxHashMap::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut mention_entity = Vec::with_capacity(found.len());
    for (i, &k) in keys.iter().enumerate() {
        let e = *entity_of.entry(k).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        if let Some(g) = groups.get_mut(e) {
            g.push(i);
        }
        mention_entity.push(e);
    }

    let in_person: Vec<bool> = {
        let mut v = vec![false; art.tokens.len()];
        for m in found.iter().filter(|m| m.label == Label::Per) {
            for x in v.iter_mut().take(m.last).skip(m.first) {
                *x = true;
            }
        }
        v
    };
    let roles_ctx = RoleContext {
        text: art.text,
        tokens: art.tokens,
        flags: art.flags,
        para: art.para,
        in_person: &in_person,
    };

    let mut entities = Vec::with_capacity(groups.len());
    let mut labels_final = Vec::with_capacity(groups.len());
    for (e, members) in groups.iter().enumerate() {
        let label = majority_label(
            members
                .iter()
                .filter_map(|&i| found.get(i))
                .map(|m| m.label),
        );
        labels_final.push(label);
        let first = members.first().and_then(|&i| found.get(i));
        let gaz_entry = first
            .and_then(|m| m.gaz)
            .and_then(|g| gaz.and_then(|z| z.entry(g)));
        let long = members
            .iter()
            .find(|&&i| keys.get(i).and_then(|k| long_of_key.get(k)) == Some(&i));
        let name: String = if let Some(entry) = gaz_entry {
            entry
                .canonical
                .clone()
                .unwrap_or_else(|| entry.name.clone())
        } else if let Some(&i) = long {
            surfaces.get(i).copied().unwrap_or("").to_string()
        } else {
            // The fullest form: most tokens, then longest, then first.
            let best = members.iter().copied().max_by_key(|&i| {
                let m = found.get(i).copied();
                let n = m.map_or(0, |m| m.last - m.first);
                let len = surfaces.get(i).map_or(0, |s| s.len());
                (n, len, std::cmp::Reverse(i))
            });
            let surface = best.and_then(|i| surfaces.get(i)).copied().unwrap_or("");
            let article = best
                .and_then(|i| found.get(i))
                .filter(|m| m.label == Label::Per)
                .and_then(|m| balinese_article(art, m, &found));
            match article {
                Some(a) => format!("{a} {surface}"),
                None => surface.to_string(),
            }
        };
        let mut aliases: Vec<String> = Vec::new();
        let mut seen: Vec<u32> = vec![strings.norm(&name)];
        for &i in members {
            let s = surfaces.get(i).copied().unwrap_or("");
            let n = normed.get(i).copied().unwrap_or_else(|| strings.norm(s));
            if !seen.contains(&n) {
                seen.push(n);
                aliases.push(s.to_string());
            }
        }
        let mut roles: Vec<String> = Vec::new();
        if label == Label::Per {
            for &i in members {
                let Some(m) = found.get(i) else { continue };
                let candidates = [
                    roles_ctx.title_before(m.first),
                    roles_ctx.apposition_before(m.first),
                    roles_ctx.apposition_after(m.last),
                ];
                for r in candidates.into_iter().flatten() {
                    if !roles.contains(&r) {
                        roles.push(r);
                    }
                }
            }
        }
        let _ = e;
        // "Presiden" says less than "Presiden FIFA": drop a role that opens a longer one.
        let all = roles.clone();
        roles.retain(|r| {
            !all.iter().any(|o| {
                o.starts_with(r.as_str()) && o.get(r.len()..).is_some_and(|t| t.starts_with(' '))
            })
        });
        entities.push(Entity {
            name,
            label,
            roles,
            aliases,
            mentions: members.len(),
            kb_id: gaz_entry.and_then(|g| g.id.clone()),
        });
    }

    let mentions = found
        .iter()
        .zip(&mention_entity)
        .map(|(m, &e)| Mention {
            span: art.span(m),
            label: labels_final.get(e).copied().unwrap_or(m.label),
            entity: e,
        })
        .collect();
    let mut acr_out: Vec<Acronym> = Vec::new();
    let mut shorts_seen: FxHashMap<&str, ()> = FxHashMap::default();
    for (short, long_idx) in &acronyms {
        let long = surfaces.get(*long_idx).copied().unwrap_or("").to_string();
        if shorts_seen.insert(short.as_str(), ()).is_none() {
            acr_out.push(Acronym {
                short: short.clone(),
                long,
            });
        }
    }
    Extraction {
        mentions,
        entities,
        acronyms: acr_out,
    }
}

/// One sense per article: every mention of the same name takes the type most of them
/// have (ties: the first mention's). Gazetteer matches keep theirs.
/// `names`: each mention's normalised text, numbered below `distinct`.
fn harmonise_labels(found: &mut [Found], names: &[u32], distinct: usize) {
    // One vote count per name, not per mention: a name said thousands of times must not
    // recount its votes each time.
    let mut votes: Vec<Tally> = vec![Tally::default(); distinct];
    for (m, &n) in found.iter().zip(names) {
        if m.gaz.is_none() {
            if let Some(t) = usize::try_from(n).ok().and_then(|n| votes.get_mut(n)) {
                t.push(m.label);
            }
        }
    }
    for (m, &n) in found.iter_mut().zip(names) {
        if m.gaz.is_some() {
            continue;
        }
        if let Some(t) = usize::try_from(n).ok().and_then(|n| votes.get(n)) {
            if t.votes > 1 {
                m.label = t.winner();
            }
        }
    }
}

/// Votes for each label: how many, and the position of the first.
#[derive(Clone, Copy, Debug)]
struct Tally {
    votes: usize,
    counts: [(Label, usize, usize); 3],
}

impl Default for Tally {
    fn default() -> Tally {
        Tally {
            votes: 0,
            counts: [
                (Label::Per, 0, usize::MAX),
                (Label::Org, 0, usize::MAX),
                (Label::Loc, 0, usize::MAX),
            ],
        }
    }
}

impl Tally {
    fn push(&mut self, l: Label) {
        if let Some(c) = self.counts.iter_mut().find(|c| c.0 == l) {
            c.1 += 1;
            c.2 = c.2.min(self.votes);
        }
        self.votes += 1;
    }

    /// The label most votes went to; ties: the one voted for first.
    fn winner(&self) -> Label {
        self.counts
            .iter()
            .max_by_key(|c| (c.1, std::cmp::Reverse(c.2)))
            .map_or(Label::Per, |c| c.0)
    }
}

fn majority_label(labels: impl Iterator<Item = Label>) -> Label {
    let mut t = Tally::default();
    for l in labels {
        t.push(l);
    }
    t.winner()
}

/// A person's short form ("Bashagha") joins the one fuller name in the article containing
/// all its words ("Fathi Bashagha"); with several, the one ending in the same word.
fn link_person_aliases(art: &Article, found: &[Found], keys: &mut [Key], strings: &mut Interner) {
    let mut words_of = |m: &Found| -> Vec<u32> {
        (m.first..m.last)
            .map(|i| art.word(i))
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .map(|w| strings.norm(w))
            .collect()
    };
    // Distinct person names (by key) and their words; an index from word to names.
    let mut names: Vec<(Key, Vec<u32>)> = Vec::new();
    let mut name_of_key: FxHashMap<Key, usize> = FxHashMap::default();
    let mut per_mention: Vec<(usize, usize)> = Vec::new(); // (mention, name)
    for (i, m) in found.iter().enumerate() {
        if m.label != Label::Per || m.gaz.is_some() {
            continue;
        }
        let Some(&key) = keys.get(i) else { continue };
        let n = match name_of_key.get(&key) {
            Some(&n) => n,
            None => {
                names.push((key, words_of(m)));
                name_of_key.insert(key, names.len() - 1);
                names.len() - 1
            }
        };
        per_mention.push((i, n));
    }
    let mut by_word: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (n, (_, words)) in names.iter().enumerate() {
        if words.len() >= 2 {
            for &w in words {
                let list = by_word.entry(w).or_default();
                if list.last() != Some(&n) {
                    list.push(n);
                }
            }
        }
    }
    // Each distinct short name is resolved once; a word shared by very many names is too
    // ambiguous to link (and would make this quadratic on adversarial text).
    let mut target: Vec<Option<usize>> = vec![None; names.len()];
    for (n, (_, words)) in names.iter().enumerate() {
        let Some(first) = words.first() else { continue };
        let Some(list) = by_word.get(first) else {
            continue;
        };
        if list.len() > 64 {
            continue;
        }
        let candidates: Vec<usize> = list
            .iter()
            .copied()
            .filter(|&c| {
                names.get(c).is_some_and(|(_, full)| {
                    full.len() > words.len() && words.iter().all(|w| full.contains(w))
                })
            })
            .collect();
        let ending: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&c| names.get(c).and_then(|(_, f)| f.last()) == words.last())
            .collect();
        target[n] = match (candidates.len(), ending.len()) {
            (1, _) => candidates.first().copied(),
            (_, 1) => ending.first().copied(),
            _ => None,
        };
    }
    // A surname said with a kinship apposition ("Larson sang ibu", "ibunya, Larson")
    // is a relative of the person the full name names, not that person.
    let mut relative = vec![false; names.len()];
    for &(i, n) in &per_mention {
        let short = names.get(n).is_some_and(|(_, w)| w.len() == 1);
        if short && found.get(i).is_some_and(|m| kin_apposition(art, m)) {
            if let Some(r) = relative.get_mut(n) {
                *r = true;
            }
        }
    }
    for (t, r) in target.iter_mut().zip(&relative) {
        if *r {
            *t = None;
        }
    }
    link_nicknames(art, found, &per_mention, &names, &mut target);
    for (i, n) in per_mention {
        let to = target.get(n).copied().flatten();
        if let (Some(t), Some(slot)) = (to.and_then(|t| names.get(t)), keys.get_mut(i)) {
            *slot = t.0;
        }
    }
}

/// Words that introduce a nickname after a full name: "X alias Y", "X atau akrab disapa
/// Y", "X yang biasa dipanggil Y".
const NICKNAME_CUES: &[&str] = &[
    "alias",
    "atau",
    "yang",
    "akrab",
    "biasa",
    "lebih",
    "dikenal",
    "disapa",
    "dipanggil",
    "disebut",
    "sapaan",
    "panggilan",
    "sapaannya",
    "panggilannya",
    "nick",
    "a.k.a",
];

/// How many one-word person names are compared with the article's full names.
const MAX_NICKNAMES: usize = 64;

/// A one-word person name the containment rule left alone joins the one fuller name the
/// article gives it to: a nickname the article introduces ("Ahmad Jufriyanto alias
/// Jupe", "... atau akrab disapa Vlado"), else a short form that is a fuller name's
/// word with at most its last letter changed, introduced after that name ("Vladimir" →
/// "Vlado", "Kobayashi" → "Kobi"), unless a kinship word stands by it ("istrinya
/// Ivana", "Mick (putra Schumacher)": a relative shares the name). Never two candidates.
fn link_nicknames(
    art: &Article,
    found: &[Found],
    per_mention: &[(usize, usize)],
    names: &[(Key, Vec<u32>)],
    target: &mut [Option<usize>],
) {
    let lower = |w: &str| w.to_lowercase();
    // Each name's first mention, and its words as written.
    let mut first_of: Vec<Option<usize>> = vec![None; names.len()];
    for &(i, n) in per_mention {
        if let Some(slot) = first_of.get_mut(n) {
            slot.get_or_insert(i);
        }
    }
    let words_of = |n: usize| -> Vec<String> {
        first_of
            .get(n)
            .copied()
            .flatten()
            .and_then(|i| found.get(i))
            .map(|m| {
                (m.first..m.last)
                    .map(|t| art.word(t))
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .map(lower)
                    .collect()
            })
            .unwrap_or_default()
    };
    // Nicknames introduced right after a full name: (nickname, full name).
    let mut introduced: Vec<(String, usize)> = Vec::new();
    for &(i, n) in per_mention {
        if names.get(n).is_none_or(|(_, w)| w.len() < 2) || introduced.len() >= MAX_NICKNAMES {
            continue;
        }
        let Some(m) = found.get(i) else { continue };
        if let Some(nick) = nickname_after(art, m.last) {
            introduced.push((lower(nick), n));
        }
    }
    let full: Vec<usize> = (0..names.len())
        .filter(|&n| names.get(n).is_some_and(|(_, w)| w.len() >= 2))
        .take(MAX_NICKNAMES)
        .collect();
    let full_words: Vec<(usize, Vec<String>)> = full.iter().map(|&n| (n, words_of(n))).collect();
    let mut checked = 0;
    for (n, (_, words)) in names.iter().enumerate() {
        if words.len() != 1 || target.get(n).copied().flatten().is_some() {
            continue;
        }
        checked += 1;
        if checked > MAX_NICKNAMES {
            break;
        }
        let Some(short) = words_of(n).into_iter().next() else {
            continue;
        };
        let mut by_intro = introduced.iter().filter(|(nick, _)| *nick == short);
        let linked = match (by_intro.next(), by_intro.next()) {
            (Some(&(_, to)), None) => Some(to),
            (Some(_), Some(_)) => continue,
            _ => None,
        };
        let linked = linked.or_else(|| {
            let first = first_of.get(n).copied().flatten()?;
            if found.get(first).is_some_and(|m| near_kinship(art, m)) {
                return None;
            }
            let mut shortened = full_words.iter().filter(|(f, fw)| {
                first_of
                    .get(*f)
                    .copied()
                    .flatten()
                    .is_some_and(|ff| ff < first)
                    && (fw.iter().any(|w| is_short_form(&short, w)) || is_blend(&short, fw))
            });
            match (shortened.next(), shortened.next()) {
                (Some(&(f, _)), None) => Some(f),
                _ => None,
            }
        });
        if let (Some(to), Some(slot)) = (linked, target.get_mut(n)) {
            *slot = Some(to);
        }
    }
}

/// The capitalised word a nickname cue introduces right after a name ending before
/// token `at`: "alias Jupe", "atau yang akrab disapa Vlado". (A word in parentheses
/// is more often a team, a firm or a film role: "Andrea Iannone (Suzuki)".)
fn nickname_after<'b>(art: &'b Article, at: usize) -> Option<&'b str> {
    let is_nick = |i: usize| {
        art.tokens.get(i).is_some_and(|t| t.shape == Shape::Capital) && art.same_para(at, i)
    };
    let mut i = at;
    let mut cued = false;
    while i < at + 5 {
        let w = art.word(i);
        if w == "," {
            i += 1;
            continue;
        }
        let l = w.to_lowercase();
        if !NICKNAME_CUES.contains(&l.as_str()) {
            break;
        }
        // "atau" and "yang" alone do not introduce a nickname ("Fadli atau Fahri").
        cued |= !matches!(l.as_str(), "atau" | "yang" | "lebih" | "biasa" | "akrab");
        i += 1;
    }
    (cued && is_nick(i)).then(|| art.word(i))
}

/// Words naming a relative: a name next to one is often a relative's, not a nickname.
const KINSHIP: &[&str] = &[
    "adik",
    "adiknya",
    "anak",
    "anaknya",
    "ayah",
    "ayahanda",
    "ayahnya",
    "cucu",
    "cucunya",
    "ibu",
    "ibunda",
    "ibunya",
    "istri",
    "istrinya",
    "kakak",
    "kakaknya",
    "keponakan",
    "menantu",
    "putra",
    "putranya",
    "putri",
    "putrinya",
    "saudara",
    "sepupu",
    "suami",
    "suaminya",
];

/// Whether a kinship word stands within three words before or four after the mention.
fn near_kinship(art: &Article, m: &Found) -> bool {
    let before = m.first.saturating_sub(3)..m.first;
    let after = m.last..m.last + 4;
    before.chain(after).any(|i| {
        art.same_para(m.first, i) && KINSHIP.contains(&art.word(i).to_lowercase().as_str())
    })
}

/// Whether a kinship apposition follows the mention directly ("Larson sang ibu").
/// (With a comma between, or before the name, the words more often close an
/// adverbial: "Menurut keterangan sang istri, Agus mengatakan"; a bare "ibunya" after
/// a name often opens the next clause: "kata Lucky ibunya sudah dirawat".)
fn kin_apposition(art: &Article, m: &Found) -> bool {
    let after = m.last;
    art.same_para(m.first, after + 1) && is_kin_apposition(art.word(after), art.word(after + 1))
}

/// Whether two words are a kinship apposition: "sang ibu", "sang ayah", ...
pub(crate) fn is_kin_apposition(first: &str, second: &str) -> bool {
    first.eq_ignore_ascii_case("sang")
        && matches!(
            second.to_lowercase().as_str(),
            "ibu" | "ayah" | "suami" | "istri" | "kakak" | "adik" | "nenek" | "kakek"
        )
}

/// Whether `short` joins the starts of two consecutive name words, the first at least
/// three letters, the second at least two ("jokowi" = "joko" + "widodo", "setnov" =
/// "setya" + "novanto").
fn is_blend(short: &str, words: &[String]) -> bool {
    let s: Vec<char> = short.chars().collect();
    if s.len() < 5 {
        return false;
    }
    words.windows(2).any(|pair| {
        let (Some(a), Some(b)) = (pair.first(), pair.get(1)) else {
            return false;
        };
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        (3..=a.len().min(s.len() - 2)).any(|k| {
            let rest = s.len() - k;
            s.get(..k) == a.get(..k) && rest <= b.len() && s.get(k..) == b.get(..rest)
        })
    })
}

/// Whether `short` is a familiar form of the name word `word` (both lower case): at least
/// four letters, shorter, and the same except at most its last letter ("vlado" /
/// "vladimir", "kobi" / "kobayashi"). A plain prefix ("syarif" / "syarifuddin") counts,
/// unless the rest is a patronymic ("soekarno" / "soekarnoputri" is the father).
fn is_short_form(short: &str, word: &str) -> bool {
    let (s, w): (Vec<char>, Vec<char>) = (short.chars().collect(), word.chars().collect());
    if s.len() < 4 || s.len() >= w.len() {
        return false;
    }
    let common = s.iter().zip(&w).take_while(|(a, b)| a == b).count();
    let rest: String = w.iter().skip(s.len()).collect();
    let patronymic = common == s.len()
        && matches!(
            rest.as_str(),
            "putri" | "putra" | "poetri" | "poetra" | "son" | "sen"
        );
    common >= 3 && common + 1 >= s.len() && !patronymic
}
