//! The words date expressions are built from, looked up once per token.
//!
//! One sorted table, indexed by the word packed into an integer (five bits a letter) in
//! an open-addressed hash table built at compile time, so a lookup costs a few shifts, a
//! multiplication and a load or two, and no allocation. Each entry says which language it belongs to, so
//! Indonesian text never sees English "may" or "last".

/// Unit of a calendar shift or duration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    /// A day.
    Day,
    /// A week.
    Week,
    /// A month.
    Month,
    /// A year.
    Year,
    /// Ten years.
    Decade,
    /// An hour (durations only).
    Hour,
    /// A minute (durations only).
    Minute,
}

/// Part of a day, written as TimeML does ("2020-12-27TNI").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// Morning.
    Morning,
    /// Around noon ("siang").
    Midday,
    /// Afternoon ("sore").
    Afternoon,
    /// Evening ("petang").
    Evening,
    /// Night ("malam", "dini hari").
    Night,
}

impl Part {
    /// The TimeML code ("NI"), written after the date and a "T".
    pub(crate) fn code(self) -> &'static str {
        match self {
            Part::Morning => "MO",
            Part::Midday => "MI",
            Part::Afternoon => "AF",
            Part::Evening => "EV",
            Part::Night => "NI",
        }
    }
}

/// Start, middle or end of a period ("awal", "pertengahan", "akhir").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mod {
    /// "awal", "early".
    Start,
    /// "pertengahan", "medio", "mid".
    Mid,
    /// "akhir", "late".
    End,
}

/// What a word can do in a date expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lex {
    /// Not a date word.
    None,
    /// A month: number, and whether the form is a full name (abbreviations need a day or year).
    Month(u32, bool),
    /// A weekday, ISO numbered (Monday = 1).
    Weekday(u32),
    /// "minggu": Sunday, or a week.
    Minggu,
    /// A calendar unit ("hari", "tahun", "weeks").
    Unit(Unit),
    /// "sehari", "sepekan", "sebulan", "setahun": one unit.
    SeUnit(Unit),
    /// A number word ("tiga", "three"); "a"/"an" count as one.
    NumWord(u32),
    /// "belas" (teens).
    Belas,
    /// "puluh" (tens).
    Puluh,
    /// "beberapa", "several": a vague count.
    Vague,
    /// "lalu", "silam", "ago".
    Past,
    /// "depan", "mendatang", "nanti".
    Future,
    /// "lagi": in n units from now.
    Lagi,
    /// "ini".
    Ini,
    /// "yang".
    Yang,
    /// "kemarin", "yesterday".
    Yesterday,
    /// "besok", "tomorrow".
    Tomorrow,
    /// "lusa".
    Lusa,
    /// "today".
    Today,
    /// "tonight".
    Tonight,
    /// "tadi".
    Tadi,
    /// A part of the day.
    Part(Part),
    /// "dini" (of "dini hari").
    Dini,
    /// A period modifier.
    Mod(Mod),
    /// A word after which a bare year is read as a year ("sejak", "pada", "in").
    YearCtx,
    /// "hingga", "sampai", "until": a year context and a range joiner.
    Until,
    /// "dan", "atau", "and", "to": joins a list of years.
    Joiner,
    /// "tanggal", "tgl".
    Tanggal,
    /// "pukul", "jam", "at".
    Pukul,
    /// A time zone, hours east of UTC.
    Zone(i32),
    /// "kuartal", "triwulan", "quarter".
    Quarter,
    /// "semester".
    Semester,
    /// A roman numeral or ordinal (1..=4) naming a quarter.
    Ordinal(u32),
    /// A word that makes a following/preceding number a count, not a year.
    Counter,
    /// A word before which numbers are references or names, not dates ("pasal", "nomor",
    /// "Jalan 10 November", "Stadion 17 Mei").
    Block,
    /// "terakhir", "belakangan": the last n units (a duration).
    Terakhir,
    /// "ke" (of "ke depan").
    Ke,
    /// "selama", "dalam", "for": a duration follows.
    Selama,
    /// "setiap", "tiap", "every": recurrences, not dates.
    Every,
    /// "akan", "will": the future.
    Akan,
    /// "era", "dekade": a two-digit decade may follow ("era 90-an").
    Era,
    /// "abad" (century).
    Abad,
    /// "sekitar", "sekira", "lebih", "dari", "hampir": an approximation or bound before a
    /// clock time or a count.
    Approx,
    /// English "weekend".
    Weekend,
    /// English "last".
    Last,
    /// English "next".
    Next,
    /// English "this".
    This,
    /// "salat", "sholat", "shalat": "salat Jumat" is a prayer, not a date.
    Prayer,
}

const I: u8 = 1;
const E: u8 = 2;
const B: u8 = 3;

/// Sorted by word; `tests::table_is_sorted` checks it.
const TABLE: &[(&str, u8, Lex)] = &[
    ("a", E, Lex::NumWord(1)),
    ("abad", I, Lex::Abad),
    ("about", E, Lex::Approx),
    ("afternoon", E, Lex::Part(Part::Afternoon)),
    ("ago", E, Lex::Past),
    ("ags", I, Lex::Month(8, false)),
    ("agt", I, Lex::Month(8, false)),
    ("agu", I, Lex::Month(8, false)),
    ("agus", I, Lex::Month(8, false)),
    ("agustus", I, Lex::Month(8, true)),
    ("ahad", I, Lex::Weekday(7)),
    ("akan", I, Lex::Akan),
    ("akhir", I, Lex::Mod(Mod::End)),
    ("an", E, Lex::NumWord(1)),
    ("and", E, Lex::Joiner),
    ("anggaran", I, Lex::YearCtx),
    ("apr", B, Lex::Month(4, false)),
    ("april", B, Lex::Month(4, true)),
    ("atau", I, Lex::Joiner),
    ("aug", E, Lex::Month(8, false)),
    ("august", E, Lex::Month(8, true)),
    ("awal", I, Lex::Mod(Mod::Start)),
    ("ayat", I, Lex::Block),
    ("bakal", I, Lex::Akan),
    ("batang", I, Lex::Counter),
    ("beberapa", I, Lex::Vague),
    ("belakangan", I, Lex::Terakhir),
    ("belas", I, Lex::Belas),
    ("besok", I, Lex::Tomorrow),
    ("buah", I, Lex::Counter),
    ("bulan", I, Lex::Unit(Unit::Month)),
    ("by", E, Lex::YearCtx),
    ("cases", E, Lex::Counter),
    ("dalam", I, Lex::Selama),
    ("dan", I, Lex::Joiner),
    ("dari", I, Lex::Approx),
    ("day", E, Lex::Unit(Unit::Day)),
    ("days", E, Lex::Unit(Unit::Day)),
    ("dec", E, Lex::Month(12, false)),
    ("decade", E, Lex::Unit(Unit::Decade)),
    ("decades", E, Lex::Unit(Unit::Decade)),
    ("december", E, Lex::Month(12, true)),
    ("dekade", I, Lex::Unit(Unit::Decade)),
    ("delapan", I, Lex::NumWord(8)),
    ("depan", I, Lex::Future),
    ("des", I, Lex::Month(12, false)),
    ("desember", I, Lex::Month(12, true)),
    ("dini", I, Lex::Dini),
    ("dinihari", I, Lex::Part(Part::Night)),
    ("dolar", I, Lex::Counter),
    ("dollars", E, Lex::Counter),
    ("dua", I, Lex::NumWord(2)),
    ("during", E, Lex::YearCtx),
    ("early", E, Lex::Mod(Mod::Start)),
    ("eight", E, Lex::NumWord(8)),
    ("eighteen", E, Lex::NumWord(18)),
    ("ekor", I, Lex::Counter),
    ("eleven", E, Lex::NumWord(11)),
    ("empat", I, Lex::NumWord(4)),
    ("enam", I, Lex::NumWord(6)),
    ("era", B, Lex::Era),
    ("esok", I, Lex::Tomorrow),
    ("evening", E, Lex::Part(Part::Evening)),
    ("every", E, Lex::Every),
    ("feb", B, Lex::Month(2, false)),
    ("februari", I, Lex::Month(2, true)),
    ("february", E, Lex::Month(2, true)),
    ("few", E, Lex::Vague),
    ("fifteen", E, Lex::NumWord(15)),
    ("fifty", E, Lex::NumWord(50)),
    ("first", E, Lex::Ordinal(1)),
    ("five", E, Lex::NumWord(5)),
    ("for", E, Lex::Selama),
    ("forty", E, Lex::NumWord(40)),
    ("four", E, Lex::NumWord(4)),
    ("fourteen", E, Lex::NumWord(14)),
    ("fourth", E, Lex::Ordinal(4)),
    ("friday", E, Lex::Weekday(5)),
    ("from", E, Lex::YearCtx),
    ("gedung", I, Lex::Block),
    ("gelora", I, Lex::Block),
    ("gram", I, Lex::Counter),
    ("ha", I, Lex::Counter),
    ("hampir", I, Lex::Approx),
    ("hari", I, Lex::Unit(Unit::Day)),
    ("hektar", I, Lex::Counter),
    ("hektare", I, Lex::Counter),
    ("hingga", I, Lex::Until),
    ("hour", E, Lex::Unit(Unit::Hour)),
    ("hours", E, Lex::Unit(Unit::Hour)),
    ("i", B, Lex::Ordinal(1)),
    ("ii", B, Lex::Ordinal(2)),
    ("iii", B, Lex::Ordinal(3)),
    ("in", E, Lex::YearCtx),
    ("ini", I, Lex::Ini),
    ("iv", B, Lex::Ordinal(4)),
    ("jalan", I, Lex::Block),
    ("jam", I, Lex::Pukul),
    ("jan", B, Lex::Month(1, false)),
    ("januari", I, Lex::Month(1, true)),
    ("january", E, Lex::Month(1, true)),
    ("jelang", I, Lex::YearCtx),
    ("jiwa", I, Lex::Counter),
    ("jl", I, Lex::Block),
    ("jul", B, Lex::Month(7, false)),
    ("juli", I, Lex::Month(7, true)),
    ("july", E, Lex::Month(7, true)),
    ("jumat", I, Lex::Weekday(5)),
    ("jun", B, Lex::Month(6, false)),
    ("june", E, Lex::Month(6, true)),
    ("juni", I, Lex::Month(6, true)),
    ("juta", I, Lex::Counter),
    ("kali", I, Lex::Counter),
    ("kamis", I, Lex::Weekday(4)),
    ("ke", I, Lex::Ke),
    ("kedepan", I, Lex::Terakhir),
    ("kedua", I, Lex::Ordinal(2)),
    ("keempat", I, Lex::Ordinal(4)),
    ("kemarin", I, Lex::Yesterday),
    ("ketiga", I, Lex::Ordinal(3)),
    ("kg", I, Lex::Counter),
    ("kilometer", I, Lex::Counter),
    ("km", I, Lex::Counter),
    ("kuartal", I, Lex::Quarter),
    ("kurang", I, Lex::Approx),
    ("lagi", I, Lex::Lagi),
    ("lalu", I, Lex::Past),
    ("lapangan", I, Lex::Block),
    ("last", E, Lex::Last),
    ("late", E, Lex::Mod(Mod::End)),
    ("lebih", I, Lex::Approx),
    ("lembar", I, Lex::Counter),
    ("lima", I, Lex::NumWord(5)),
    ("liter", I, Lex::Counter),
    ("lusa", I, Lex::Lusa),
    ("malam", I, Lex::Part(Part::Night)),
    ("mar", B, Lex::Month(3, false)),
    ("march", E, Lex::Month(3, true)),
    ("maret", I, Lex::Month(3, true)),
    ("may", E, Lex::Month(5, true)),
    ("medio", I, Lex::Mod(Mod::Mid)),
    ("mei", I, Lex::Month(5, true)),
    ("members", E, Lex::Counter),
    ("mendatang", I, Lex::Future),
    ("menit", I, Lex::Unit(Unit::Minute)),
    ("menjelang", I, Lex::YearCtx),
    ("meter", I, Lex::Counter),
    ("meters", E, Lex::Counter),
    ("metres", E, Lex::Counter),
    ("mid", E, Lex::Mod(Mod::Mid)),
    ("miles", E, Lex::Counter),
    ("miliar", I, Lex::Counter),
    ("minggu", I, Lex::Minggu),
    ("minutes", E, Lex::Unit(Unit::Minute)),
    ("monday", E, Lex::Weekday(1)),
    ("month", E, Lex::Unit(Unit::Month)),
    ("months", E, Lex::Unit(Unit::Month)),
    ("monumen", I, Lex::Block),
    ("more", E, Lex::Approx),
    ("morning", E, Lex::Part(Part::Morning)),
    ("mulai", I, Lex::YearCtx),
    ("nanti", I, Lex::Future),
    ("nearly", E, Lex::Approx),
    ("next", E, Lex::Next),
    ("night", E, Lex::Part(Part::Night)),
    ("nine", E, Lex::NumWord(9)),
    ("nineteen", E, Lex::NumWord(19)),
    ("no", B, Lex::Block),
    ("nomor", I, Lex::Block),
    ("nop", I, Lex::Month(11, false)),
    ("nopember", I, Lex::Month(11, true)),
    ("nov", B, Lex::Month(11, false)),
    ("november", B, Lex::Month(11, true)),
    ("number", E, Lex::Block),
    ("oct", E, Lex::Month(10, false)),
    ("october", E, Lex::Month(10, true)),
    ("okt", I, Lex::Month(10, false)),
    ("oktober", I, Lex::Month(10, true)),
    ("one", E, Lex::NumWord(1)),
    ("orang", I, Lex::Counter),
    ("pada", I, Lex::YearCtx),
    ("pagi", I, Lex::Part(Part::Morning)),
    ("pasal", I, Lex::Block),
    ("peb", I, Lex::Month(2, false)),
    ("pebruari", I, Lex::Month(2, true)),
    ("pekan", I, Lex::Unit(Unit::Week)),
    ("people", E, Lex::Counter),
    ("percent", E, Lex::Counter),
    ("perempat", I, Lex::Counter),
    ("periode", I, Lex::YearCtx),
    ("persen", I, Lex::Counter),
    ("pertama", I, Lex::Ordinal(1)),
    ("pertengahan", I, Lex::Mod(Mod::Mid)),
    ("pertiga", I, Lex::Counter),
    ("petang", I, Lex::Part(Part::Evening)),
    ("pukul", I, Lex::Pukul),
    ("puluh", I, Lex::Puluh),
    ("quarter", E, Lex::Quarter),
    ("rabu", I, Lex::Weekday(3)),
    ("residents", E, Lex::Counter),
    ("ribu", I, Lex::Counter),
    ("rp", I, Lex::Block),
    ("rumah", I, Lex::Counter),
    ("sabtu", I, Lex::Weekday(6)),
    ("salat", I, Lex::Prayer),
    ("sampai", I, Lex::Until),
    ("satu", I, Lex::NumWord(1)),
    ("saturday", E, Lex::Weekday(6)),
    ("sebelas", I, Lex::NumWord(11)),
    ("sebulan", I, Lex::SeUnit(Unit::Month)),
    ("second", E, Lex::Ordinal(2)),
    ("sehari", I, Lex::SeUnit(Unit::Day)),
    ("sejak", I, Lex::YearCtx),
    ("sekira", I, Lex::Approx),
    ("sekitar", I, Lex::Approx),
    ("selama", I, Lex::Selama),
    ("selasa", I, Lex::Weekday(2)),
    ("sembilan", I, Lex::NumWord(9)),
    ("semester", B, Lex::Semester),
    ("seminggu", I, Lex::SeUnit(Unit::Week)),
    ("senin", I, Lex::Weekday(1)),
    ("sep", B, Lex::Month(9, false)),
    ("sepanjang", I, Lex::YearCtx),
    ("sepekan", I, Lex::SeUnit(Unit::Week)),
    ("sept", B, Lex::Month(9, false)),
    ("september", B, Lex::Month(9, true)),
    ("sepuluh", I, Lex::NumWord(10)),
    ("setahun", I, Lex::SeUnit(Unit::Year)),
    ("setiap", I, Lex::Every),
    ("seven", E, Lex::NumWord(7)),
    ("seventeen", E, Lex::NumWord(17)),
    ("several", E, Lex::Vague),
    ("shalat", I, Lex::Prayer),
    ("sholat", I, Lex::Prayer),
    ("siang", I, Lex::Part(Part::Midday)),
    ("silam", I, Lex::Past),
    ("since", E, Lex::YearCtx),
    ("six", E, Lex::NumWord(6)),
    ("sixteen", E, Lex::NumWord(16)),
    ("skor", I, Lex::Block),
    ("sore", I, Lex::Part(Part::Afternoon)),
    ("stadion", I, Lex::Block),
    ("sunday", E, Lex::Weekday(7)),
    ("tadi", I, Lex::Tadi),
    ("tahun", I, Lex::Unit(Unit::Year)),
    ("taman", I, Lex::Block),
    ("tanggal", I, Lex::Tanggal),
    ("ten", E, Lex::NumWord(10)),
    ("terakhir", I, Lex::Terakhir),
    ("tgl", I, Lex::Tanggal),
    ("than", E, Lex::Approx),
    ("the", E, Lex::YearCtx),
    ("third", E, Lex::Ordinal(3)),
    ("thirteen", E, Lex::NumWord(13)),
    ("thirty", E, Lex::NumWord(30)),
    ("this", E, Lex::This),
    ("three", E, Lex::NumWord(3)),
    ("through", E, Lex::Joiner),
    ("thursday", E, Lex::Weekday(4)),
    ("tiap", I, Lex::Every),
    ("tiga", I, Lex::NumWord(3)),
    ("times", E, Lex::Counter),
    ("to", E, Lex::Joiner),
    ("today", E, Lex::Today),
    ("tomorrow", E, Lex::Tomorrow),
    ("ton", I, Lex::Counter),
    ("tonight", E, Lex::Tonight),
    ("triliun", I, Lex::Counter),
    ("triwulan", I, Lex::Quarter),
    ("troops", E, Lex::Counter),
    ("tuesday", E, Lex::Weekday(2)),
    ("tugu", I, Lex::Block),
    ("tujuh", I, Lex::NumWord(7)),
    ("twelve", E, Lex::NumWord(12)),
    ("twenty", E, Lex::NumWord(20)),
    ("two", E, Lex::NumWord(2)),
    ("unit", I, Lex::Counter),
    ("universitas", I, Lex::Block),
    ("until", E, Lex::Until),
    ("uu", I, Lex::Block),
    ("votes", E, Lex::Counter),
    ("wednesday", E, Lex::Weekday(3)),
    ("week", E, Lex::Unit(Unit::Week)),
    ("weekend", E, Lex::Weekend),
    ("weeks", E, Lex::Unit(Unit::Week)),
    ("wib", I, Lex::Zone(7)),
    ("will", E, Lex::Akan),
    ("wit", I, Lex::Zone(9)),
    ("wita", I, Lex::Zone(8)),
    ("yang", I, Lex::Yang),
    ("year", E, Lex::Unit(Unit::Year)),
    ("years", E, Lex::Unit(Unit::Year)),
    ("yesterday", E, Lex::Yesterday),
];

/// Longest word in the table; longer words are never looked up.
const MAX_LEN: usize = 11;

/// A word of at most `MAX_LEN` ASCII letters packed five bits a letter (`a` = 1 ...
/// `z` = 26, case folded), first letter in the high bits: distinct words give distinct
/// keys, and no key is 0.
const fn pack(word: &[u8]) -> u64 {
    let mut key = 0u64;
    let mut k = 0;
    while k < word.len() {
        key = (key << 5) | ((word[k] | 0x20) - b'a' + 1) as u64;
        k += 1;
    }
    key
}

/// Slots of the open-addressed table (a power of two, about four times the words).
const SLOTS: usize = 2048;

/// The slot a key is first looked for in (multiplicative hashing).
const fn slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - 11)) as usize
}

/// Packed key and `TABLE` index (plus one; 0 is an empty slot) per slot, linear probing:
/// a lookup is one multiplication and, almost always, one or two loads.
static INDEX: [(u64, u16); SLOTS] = build_index();

const fn build_index() -> [(u64, u16); SLOTS] {
    let mut index = [(0u64, 0u16); SLOTS];
    let mut k = 0;
    while k < TABLE.len() {
        let key = pack(TABLE[k].0.as_bytes());
        let mut s = slot(key);
        while index[s].1 != 0 {
            s = (s + 1) % SLOTS;
        }
        index[s] = (key, (k + 1) as u16);
        k += 1;
    }
    index
}

/// Which lexicons a lookup may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LangMask(u8);

impl LangMask {
    /// Indonesian words only.
    pub(crate) const ID: LangMask = LangMask(I);
    /// English words only.
    pub(crate) const EN: LangMask = LangMask(E);
    /// Both.
    pub(crate) const BOTH: LangMask = LangMask(B);
}

/// The role of `word` (ASCII letters, any case, apostrophes ignored), or `Lex::None`.
pub(crate) fn lookup(word: &[u8], mask: LangMask) -> Lex {
    let mut key = 0u64;
    let mut n = 0;
    for &b in word {
        if b == b'\'' {
            continue;
        }
        let letter = (b | 0x20).wrapping_sub(b'a');
        n += 1;
        if letter >= 26 || n > MAX_LEN {
            return Lex::None;
        }
        key = (key << 5) | u64::from(letter + 1);
    }
    if key == 0 {
        return Lex::None;
    }
    let mut s = slot(key);
    loop {
        match INDEX.get(s) {
            Some(&(k, entry)) if entry != 0 => {
                if k == key {
                    return match TABLE.get(usize::from(entry) - 1) {
                        Some(&(_, langs, lex)) if langs & mask.0 != 0 => lex,
                        _ => Lex::None,
                    };
                }
            }
            _ => return Lex::None,
        }
        s = (s + 1) % SLOTS;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_short() {
        assert!(TABLE.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(TABLE
            .iter()
            .all(|(w, _, _)| w.len() <= MAX_LEN && w.bytes().all(|b| b.is_ascii_lowercase())));
        assert!(TABLE.len() * 4 <= SLOTS);
    }

    #[test]
    fn every_word_is_found_and_nothing_else() {
        for &(w, langs, lex) in TABLE {
            assert_eq!(lookup(w.as_bytes(), LangMask(langs)), lex, "{w}");
            assert_eq!(
                lookup(w.to_ascii_uppercase().as_bytes(), LangMask::BOTH),
                lex,
                "{w}"
            );
            let longer = format!("{w}x");
            if !TABLE.iter().any(|e| e.0 == longer) {
                assert_eq!(
                    lookup(longer.as_bytes(), LangMask::BOTH),
                    Lex::None,
                    "{longer}"
                );
            }
        }
        for w in [
            "",
            "'",
            "a1",
            "ma-ret",
            "januari2",
            "\u{e9}t\u{e9}",
            "abcdefghijklm",
        ] {
            assert_eq!(lookup(w.as_bytes(), LangMask::BOTH), Lex::None, "{w}");
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(lookup(b"Desember", LangMask::ID), Lex::Month(12, true));
        assert_eq!(lookup(b"Jum'at", LangMask::ID), Lex::Weekday(5));
        assert_eq!(lookup(b"may", LangMask::ID), Lex::None);
        assert_eq!(lookup(b"May", LangMask::EN), Lex::Month(5, true));
        assert_eq!(lookup(b"pertengahannya", LangMask::ID), Lex::None);
    }
}
