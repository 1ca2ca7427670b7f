//! The article record the core produces. Offsets here are UTF-8 byte offsets into the
//! input; the Python layer converts them to code points in one place (`text::OffsetMap`).

/// A half-open byte range `[start, end)` into the article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The text this span covers.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether the span covers no text.
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
}

/// Language of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Indonesian.
    Id,
    /// English.
    En,
    /// Undetermined: neither language is credible.
    Und,
}

impl Lang {
    /// The code users see: "id", "en" or "und".
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
            Lang::Und => "und",
        }
    }

    /// Parses a user-given code; `None` for anything but "id", "en" and "und".
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "id" | "ind" | "in" => Some(Lang::Id),
            "en" | "eng" => Some(Lang::En),
            "und" => Some(Lang::Und),
            _ => None,
        }
    }
}

/// What role a paragraph plays in the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParagraphKind {
    /// The headline.
    Title,
    /// A line that only carries the dateline (place and/or date).
    Dateline,
    /// Running text.
    Body,
    /// A short heading between body paragraphs.
    Subheading,
    /// The credit line: authors, editors, agencies.
    Credit,
    /// A related-link line ("Baca juga: ...").
    Related,
    /// A photo caption or credit ("Tim Cook (Foto: Reuters)").
    Caption,
}

impl ParagraphKind {
    /// The name users see.
    pub fn name(self) -> &'static str {
        match self {
            ParagraphKind::Title => "title",
            ParagraphKind::Dateline => "dateline",
            ParagraphKind::Body => "body",
            ParagraphKind::Subheading => "subheading",
            ParagraphKind::Credit => "credit",
            ParagraphKind::Related => "related",
            ParagraphKind::Caption => "caption",
        }
    }
}

/// One paragraph (a line of the input, trimmed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Where the paragraph is.
    pub span: Span,
    /// What it is.
    pub kind: ParagraphKind,
}

/// The credit line, split into people and agencies.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Credits {
    /// Where the credit text is.
    pub span: Span,
    /// Authors, editors and reporters, by name or initials.
    pub authors: Vec<String>,
    /// News agencies and outlets.
    pub agencies: Vec<String>,
}

/// Entity type of a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A place.
    Loc,
}

impl Label {
    /// "PER", "ORG" or "LOC".
    pub fn name(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
        }
    }

    /// Parses a label name, accepting the names used by common corpora.
    pub fn from_name(name: &str) -> Option<Label> {
        match name.trim().to_ascii_uppercase().as_str() {
            "PER" | "PERSON" | "PPL" => Some(Label::Per),
            "ORG" | "ORGANISATION" | "ORGANIZATION" => Some(Label::Org),
            "LOC" | "PLACE" | "PLC" | "GPE" | "LOCATION" => Some(Label::Loc),
            _ => None,
        }
    }
}

/// A PER/ORG/LOC mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where the mention is.
    pub span: Span,
    /// Its type.
    pub label: Label,
    /// Index into [`Article::entities`].
    pub entity: usize,
}

/// Mentions grouped into one real-world thing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Canonical name: the fullest form in the article, or the gazetteer's canonical name.
    pub name: String,
    /// Its type.
    pub label: Label,
    /// Job titles and appositions ("Menteri Dalam Negeri").
    pub roles: Vec<String>,
    /// Other surface forms of the entity ("Bashagha", "GNA").
    pub aliases: Vec<String>,
    /// Number of mentions.
    pub mentions: usize,
    /// Identifier from a user gazetteer, when the entity matched one.
    pub kb_id: Option<String>,
}

/// An acronym and the expansion the article gives for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Acronym {
    /// "GNA".
    pub short: String,
    /// "Pemerintah Kesepakatan Nasional".
    pub long: String,
}

/// Granularity of a date value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Grain {
    /// A point in time with hour and minute.
    Time,
    /// A day.
    Day,
    /// An ISO week.
    Week,
    /// A month.
    Month,
    /// A quarter or other part of a year.
    Quarter,
    /// A year.
    Year,
    /// A decade or longer.
    Decade,
    /// A length of time ("selama tiga tahun").
    Duration,
}

impl Grain {
    /// The name users see.
    pub fn name(self) -> &'static str {
        match self {
            Grain::Time => "time",
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Year => "year",
            Grain::Decade => "decade",
            Grain::Duration => "duration",
        }
    }
}

/// A temporal expression and its normalised value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Where the expression is.
    pub span: Span,
    /// ISO 8601 value at its own grain, or `None` when it cannot be resolved
    /// (a relative expression without an anchor, or a vague one).
    pub value: Option<String>,
    /// Granularity of the value.
    pub grain: Grain,
    /// Whether the value was computed from the anchor date.
    pub relative: bool,
}

/// Direct or indirect speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Words inside quotation marks.
    Direct,
    /// Reported speech without marks.
    Indirect,
}

impl QuoteKind {
    /// "direct" or "indirect".
    pub fn name(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// Who said what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// The speaker: an entity's canonical name, or the speaker phrase.
    pub speaker: Option<String>,
    /// Index into [`Article::entities`] when the speaker is a known entity.
    pub speaker_entity: Option<usize>,
    /// The reporting word ("kata", "ujarnya", "menurut").
    pub cue: Option<String>,
}

/// Everything the core knows about one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Detected or given language.
    pub lang: Lang,
    /// The headline's span, if the layout has one.
    pub title: Option<Span>,
    /// Publication date: the caller's, else the dateline's.
    pub published: Option<crate::calendar::Date>,
    /// Every paragraph in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Subheading spans, in text order.
    pub subheadings: Vec<Span>,
    /// The credit line, if any.
    pub credits: Option<Credits>,
    /// The dateline, if the article opens with one.
    pub dateline: Option<crate::article::Dateline>,
    /// PER/ORG/LOC mentions in text order.
    pub mentions: Vec<Mention>,
    /// Mentions grouped into entities.
    pub entities: Vec<Entity>,
    /// Acronym expansions found in the text.
    pub acronyms: Vec<Acronym>,
    /// Temporal expressions in text order.
    pub dates: Vec<DateMention>,
    /// Quotes in text order.
    pub quotes: Vec<Quote>,
}
