//! Quote extraction on real sentences: the founding sample with its gold, and
//! table-driven cases from the IndoSum corpus (`indosum-dev.jsonl`).

use warta::doc::{Entity, Label, Lang, Mention, Paragraph, ParagraphKind, QuoteKind, Span};
use warta::quotes::QuoteExtractor;
use warta::Layout;

const SEED: &str = include_str!("../seeds/000_8153dd4851bd7597.txt");

/// The byte span of the `nth` occurrence of `needle` in `text`.
fn find_nth(text: &str, needle: &str, nth: usize) -> Span {
    let mut from = 0;
    for _ in 0..nth {
        from = text[from..]
            .find(needle)
            .map_or(text.len(), |i| from + i + 1);
    }
    let start = text[from..].find(needle).map_or(0, |i| from + i);
    Span::new(start, start + needle.len())
}

fn entity(name: &str, label: Label, aliases: &[&str]) -> Entity {
    Entity {
        name: name.to_string(),
        label,
        roles: Vec::new(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        mentions: 0,
        kb_id: None,
    }
}

/// Hand-made mentions of the seed article: `(surface, occurrence, entity)`.
fn seed_entities() -> (Vec<Mention>, Vec<Entity>) {
    let entities = vec![
        entity("Fathi Bashagha", Label::Per, &["Bashagha"]),
        entity("Mohamed Elgeblawi", Label::Per, &["Elgeblawi"]),
        entity("Ayman Badea", Label::Per, &[]),
        entity("Kairo", Label::Loc, &[]),
        entity("Tripoli", Label::Loc, &[]),
        entity("Pemerintah Kesepakatan Nasional", Label::Org, &["GNA"]),
        entity("Mesir", Label::Loc, &[]),
        entity("Khalifa Haftar", Label::Per, &["Haftar"]),
    ];
    let spots: &[(&str, usize, usize)] = &[
        ("Ayman Badea", 0, 2),
        ("Fathi Bashagha", 0, 0),
        ("Bashagha", 1, 0),
        ("Kairo", 0, 3),
        ("Kairo", 1, 3),
        ("Mesir", 3, 6),
        ("Tripoli", 0, 4),
        ("Khalifa Haftar", 0, 7),
        ("GNA", 4, 5),
        ("Tripoli", 2, 4),
        ("Mohamed Elgeblawi", 0, 1),
        ("GNA", 5, 5),
        ("Kairo", 2, 3),
        ("Elgeblawi", 1, 1),
    ];
    let mut mentions: Vec<Mention> = spots
        .iter()
        .map(|&(s, n, e)| Mention {
            span: find_nth(SEED, s, n),
            label: entities[e].label,
            entity: e,
        })
        .collect();
    mentions.sort_by_key(|m| m.span.start);
    (mentions, entities)
}

fn paragraphs(text: &str) -> Vec<Paragraph> {
    warta::article::structure(text, Layout::Article, Lang::Id).paragraphs
}

/// Body-only paragraphs, one per line: for snippets without a headline.
fn body(text: &str) -> Vec<Paragraph> {
    warta::article::lines(text)
        .map(|span| Paragraph {
            span,
            kind: ParagraphKind::Body,
        })
        .collect()
}

#[test]
fn seed_article_matches_gold() {
    let (mentions, entities) = seed_entities();
    let quotes =
        QuoteExtractor::new().find(SEED, &paragraphs(SEED), Lang::Id, &mentions, &entities);
    let got: Vec<(&str, QuoteKind, Option<&str>, Option<usize>)> = quotes
        .iter()
        .map(|q| {
            (
                q.span.slice(SEED),
                q.kind,
                q.speaker.as_deref(),
                q.speaker_entity,
            )
        })
        .collect();
    let third = "Pertemuan yang bermanfaat dan konstruktif dengan delegasi keamanan Mesir hari ini di Tripoli, di mana kami membahas langkah-langkah meningkatkan kerja sama di bidang keamanan dan intelijen dengan cara yang menjaga kepentingan kedua negara dan kawasan dari ancaman teroris dan kejahatan terorganisir,";
    let expected = vec![
        ("membuahkan hasil dan konstruktif,", QuoteKind::Direct, Some("Fathi Bashagha"), Some(0)),
        ("sangat penting.", QuoteKind::Direct, Some("Fathi Bashagha"), Some(0)),
        (third, QuoteKind::Direct, Some("Fathi Bashagha"), Some(0)),
        (
            "tantangan keamanan bersama dan cara untuk meningkatkan kerja sama keamanan.",
            QuoteKind::Direct,
            Some("kementerian dalam negeri GNA"),
            None,
        ),
        ("secepatnya", QuoteKind::Direct, Some("Mohamed Elgeblawi"), Some(1)),
        (
            "Kedua belah pihak juga sepakat untuk mengambil langkah-langkah untuk terus membuka penerbangan Libya ke Kairo",
            QuoteKind::Indirect,
            Some("Mohamed Elgeblawi"),
            Some(1),
        ),
    ];
    assert_eq!(got, expected);
    let cues: Vec<Option<&str>> = quotes.iter().map(|q| q.cue.as_deref()).collect();
    assert_eq!(
        cues,
        [
            Some("mencuit"),
            Some("mencuit"),
            Some("katanya"),
            Some("Menurut"),
            Some("kata"),
            Some("kata")
        ]
    );
}

#[test]
fn seed_article_without_mentions_completes_names() {
    let quotes = QuoteExtractor::new().find(SEED, &paragraphs(SEED), Lang::Id, &[], &[]);
    let speakers: Vec<Option<&str>> = quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        [
            Some("Fathi Bashagha"),
            Some("Fathi Bashagha"),
            Some("Fathi Bashagha"),
            Some("kementerian dalam negeri GNA"),
            Some("Mohamed Elgeblawi"),
            Some("Mohamed Elgeblawi"),
        ]
    );
    assert!(quotes.iter().all(|q| q.speaker_entity.is_none()));
}

/// `(text, [(quote, kind, speaker, cue)])`: every quote the text holds, in order, with
/// no mentions given (speakers are the phrases as written).
type Case = (
    &'static str,
    &'static [(
        &'static str,
        QuoteKind,
        Option<&'static str>,
        Option<&'static str>,
    )],
);

const D: QuoteKind = QuoteKind::Direct;
const I: QuoteKind = QuoteKind::Indirect;

const CASES: &[Case] = &[
    // Two quotations in one sentence, each after its own speaker and verb.
    (
        "Kanselir Jerman Angela Merkel mengatakan, \"Kami prihatin atas kematiannya.\" sementara Boris Johnson mengatakan, \"China salah karena tidak mengizinkan Liu berobat ke luar negeri.\"",
        &[
            ("Kami prihatin atas kematiannya.", D, Some("Angela Merkel"), Some("mengatakan")),
            ("China salah karena tidak mengizinkan Liu berobat ke luar negeri.", D, Some("Boris Johnson"), Some("mengatakan")),
        ],
    ),
    // "melihat bahwa" reports an opinion; "melihat" with an object and "untuk
    // memastikan" (a purpose) do not.
    (
        "Pengamat sepak bola Tommy Welly melihat bahwa pemain muda Persib sudah siap tampil sejak awal musim.",
        &[("pemain muda Persib sudah siap tampil sejak awal musim", I, Some("Tommy Welly"), Some("melihat"))],
    ),
    (
        "Wisatawan itu melihat pemandangan indah dari puncak bukit. Panitia bekerja keras untuk memastikan semua peserta mendapat tempat duduk.",
        &[],
    ),
    // "memastikan" + clause reports speech; + a bare verb phrase it secures a result.
    (
        "Kapolda Metro Jaya Irjen Idham Azis memastikan pelaku sudah ditangkap pada Senin malam. Persija Jakarta akhirnya memastikan bakal merekrut penyerang asing asal Brasil.",
        &[("pelaku sudah ditangkap pada Senin malam", I, Some("Idham Azis"), Some("memastikan"))],
    ),
    // Cue after the quote, name after the cue; comma inside the marks.
    (
        "\"Itu mesti diatur kan kalau semua tarung bebas kan enggak mungkin,\" ujar Zulkifli.",
        &[("Itu mesti diatur kan kalau semua tarung bebas kan enggak mungkin,", D, Some("Zulkifli"), Some("ujar"))],
    ),
    // The speaker phrase ends at "di" (place) and is not a named entity.
    (
        "\"Bond berhenti menjadi agen rahasia karena jatuh cinta dan menikah dengan perempuan yang dicintai,\" tutur seorang sumber yang dekat dengan produksi seperti dikutip laman PageSix.com.",
        &[("Bond berhenti menjadi agen rahasia karena jatuh cinta dan menikah dengan perempuan yang dicintai,", D, Some("seorang sumber"), Some("tutur"))],
    ),
    // Typographic marks with the corpus's inner padding; two quotes, one cue.
    (
        "Ketua MPR Zulkifli Hasan datang.\n“ Yang tradisional tentu akan ada pasar sendiri, ” lanjut Zulkifli. “ Itu namanya urusan perut. ”",
        &[
            ("Yang tradisional tentu akan ada pasar sendiri,", D, Some("Zulkifli Hasan"), Some("lanjut")),
            ("Itu namanya urusan perut.", D, Some("Zulkifli Hasan"), None),
        ],
    ),
    // Pronoun cue: the previous paragraph's speaker.
    (
        "\"Kami sudah siap bertanding,\" kata Vlado.\n\"Pemain bekerja keras sepanjang laga,\" ujarnya.",
        &[
            ("Kami sudah siap bertanding,", D, Some("Vlado"), Some("kata")),
            ("Pemain bekerja keras sepanjang laga,", D, Some("Vlado"), Some("ujarnya")),
        ],
    ),
    // Cue before the quote.
    (
        "Presiden Joko Widodo mengatakan, \"Pembangunan harus merata di seluruh daerah.\"",
        &[("Pembangunan harus merata di seluruh daerah.", D, Some("Joko Widodo"), Some("mengatakan"))],
    ),
    // Scare quotes and titles are not quotes.
    (
        "Film \"Ada Apa Dengan Cinta\" diputar di bioskop, sementara ojek \"online\" makin ramai.",
        &[],
    ),
    // Indirect speech: cue after, "Menurut X," and "X mengatakan bahwa".
    (
        "Harga cabai akan turun pekan depan, kata Enggartiasto.\nMenurut polisi, pelaku sudah ditangkap di rumahnya.\nGubernur Anies mengatakan bahwa trotoar akan dilebarkan tahun ini.",
        &[
            ("Harga cabai akan turun pekan depan", I, Some("Enggartiasto"), Some("kata")),
            ("pelaku sudah ditangkap di rumahnya", I, Some("polisi"), Some("Menurut")),
            ("trotoar akan dilebarkan tahun ini", I, Some("Anies"), Some("mengatakan")),
        ],
    ),
    // Multi-paragraph quote: one record per paragraph, the speaker of the last piece.
    (
        "\"Saya bahagia di sini dan tidak ingin pergi ke mana pun.\n\"Liverpool adalah klub besar dan saya menikmati setiap laga,\" kata Salah.",
        &[
            ("Saya bahagia di sini dan tidak ingin pergi ke mana pun.", D, Some("Salah"), Some("kata")),
            ("Liverpool adalah klub besar dan saya menikmati setiap laga,", D, Some("Salah"), Some("kata")),
        ],
    ),
    // English.
    (
        "\"We will not give up,\" said Smith. The minister said the talks were very productive.",
        &[
            ("We will not give up,", D, Some("Smith"), Some("said")),
            ("the talks were very productive", I, Some("The minister"), Some("said")),
        ],
    ),
    // Corpus: straight closing mark spaced onto the cue ("Masters, \"tutur").
    (
        "“ Saya sangat menantikan berkunjung ke Jakarta untuk pertama kalinya dan melihat langsung turnamen Indonesian Masters, \"tutur Jun-Jin.",
        &[(
            "Saya sangat menantikan berkunjung ke Jakarta untuk pertama kalinya dan melihat langsung turnamen Indonesian Masters,",
            D,
            Some("Jun-Jin"),
            Some("tutur"),
        )],
    ),
    // Corpus: the name in apposition after a title.
    (
        "\"Itu (cabut dukungan) wewenangnya Golkar, silakan saja. Partai Nasdem, PPP dan PKB solid mengusung Ridwan kamil. Itu sudah cukup,\" ujar Sekjen Nasdem, Johnny Plate, saat dihubungi kumparan (kumparan.com), Senin (18/12).",
        &[(
            "Itu (cabut dukungan) wewenangnya Golkar, silakan saja. Partai Nasdem, PPP dan PKB solid mengusung Ridwan kamil. Itu sudah cukup,",
            D,
            Some("Johnny Plate"),
            Some("ujar"),
        )],
    ),
    // Corpus: an epithet ("pria berdarah Batak tersebut") points back at the speaker.
    (
        "\"Udah, kita jalani,\" ucap Feby.\n\"Kalau untuk ke biayanya ya Alhamdulillah udah kita siapkan kalau sampai ke situ. Kita berdua masih sepakat untuk mencoba yang normal,\" kata pria berdarah Batak tersebut.",
        &[
            ("Udah, kita jalani,", D, Some("Feby"), Some("ucap")),
            (
                "Kalau untuk ke biayanya ya Alhamdulillah udah kita siapkan kalau sampai ke situ. Kita berdua masih sepakat untuk mencoba yang normal,",
                D,
                Some("Feby"),
                Some("kata"),
            ),
        ],
    ),
    // Corpus: ranks and the unit stripped from the speaker, the name kept.
    (
        "\"Tercatat sebanyak 219 pengendara yang ditindak pada hari pertama di kawasan ganjil-genap mulai pukul 07.00 hingga 10.00 WIB,\" kata Kepala Subdirektorat Pembinaan dan Penegakan Hukum Direktorat Lalu Lintas Polda Metro Jaya Ajun Komisaris Besar Polisi Budiyanto di Jakarta Selasa.",
        &[(
            "Tercatat sebanyak 219 pengendara yang ditindak pada hari pertama di kawasan ganjil-genap mulai pukul 07.00 hingga 10.00 WIB,",
            D,
            Some("Budiyanto"),
            Some("kata"),
        )],
    ),
    // GUM (English Wikinews): the speaker, an apposition, then the verb.
    (
        "\"Had it happened an hour later it would have been much worse,\" Khaled Al-Maeena, editor at large at the Saudi Gazette, said.",
        &[("Had it happened an hour later it would have been much worse,", D, Some("Khaled Al-Maeena"), Some("said"))],
    ),
    // GUM (English Wikinews): cue and speaker after, and before with a colon-less comma.
    (
        "\"Seventeen years ago, this would not have been possible at all,\" said Ambassador Mohib.\nJeff Rathke, the State Department Spokesperson, said, \"We urge the governments of the region to work together quickly.\"",
        &[
            ("Seventeen years ago, this would not have been possible at all,", D, Some("Mohib"), Some("said")),
            ("We urge the governments of the region to work together quickly.", D, Some("Jeff Rathke"), Some("said")),
        ],
    ),
];

#[test]
fn table_of_real_sentences() {
    let extractor = QuoteExtractor::new();
    for (text, expected) in CASES {
        let quotes = extractor.find(text, &body(text), Lang::Id, &[], &[]);
        let got: Vec<(&str, QuoteKind, Option<&str>, Option<&str>)> = quotes
            .iter()
            .map(|q| {
                (
                    q.span.slice(text),
                    q.kind,
                    q.speaker.as_deref(),
                    q.cue.as_deref(),
                )
            })
            .collect();
        assert_eq!(&got, expected, "text: {text}");
    }
}

#[test]
fn hostile_inputs_never_panic() {
    let extractor = QuoteExtractor::new();
    let many_marks = "\"".repeat(100_000);
    let mixed = "“ ”«»\"„".repeat(20_000);
    let long_para = format!("Dia berkata, \"{}", "kata Budi, ".repeat(20_000));
    let inputs: Vec<String> = vec![
        String::new(),
        many_marks,
        mixed,
        long_para,
        "\"kata\" \u{0}\r\"ujarnya\r\r“😀”, kata 😀.".to_string(),
        "\"".to_string(),
        "“".to_string(),
        "kata".to_string(),
        ", katanya".to_string(),
        "Menurut ,".to_string(),
    ];
    for text in &inputs {
        for paras in [paragraphs(text), body(text)] {
            for q in extractor.find(text, &paras, Lang::Id, &[], &[]) {
                assert!(text.get(q.span.start..q.span.end).is_some());
                assert!(!q.span.is_empty());
            }
        }
    }
}

/// Inputs shaped to make any quadratic step show: many uncued quote lines without
/// sentence punctuation, each a pronoun look-up; thousands of person mentions and
/// entities; one paragraph full of cues inside an unclosed quote.
#[test]
fn pathological_inputs_stay_linear() {
    let extractor = QuoteExtractor::new();
    let line = "\"Kami datang ke sini bersama Budi Santoso\" katanya dan Budi";
    let text = vec![line; 20_000].join("\n");
    let mut mentions = Vec::new();
    let mut entities = Vec::new();
    for (i, (at, _)) in text.match_indices("Budi").enumerate() {
        mentions.push(Mention {
            span: Span::new(at, at + 4),
            label: Label::Per,
            entity: i,
        });
        entities.push(entity(&format!("Budi {i}"), Label::Per, &["Budi"]));
    }
    let started = std::time::Instant::now();
    let quotes = extractor.find(&text, &body(&text), Lang::Id, &mentions, &entities);
    let without = extractor.find(&text, &body(&text), Lang::Id, &[], &[]);
    assert_eq!(quotes.len(), 20_000);
    assert_eq!(without.len(), 20_000);
    let cues = format!("Dia berkata, \"{}", "kata Budi, ujarnya. ".repeat(50_000));
    let _ = extractor.find(&cues, &body(&cues), Lang::Id, &[], &[]);
    // Generous for a debug build on a shared machine; quadratic behaviour takes minutes.
    assert!(
        started.elapsed().as_secs() < 30,
        "took {:?}",
        started.elapsed()
    );
}

/// `(excerpt, speakers in order)`: IndoSum sentences through the whole pipeline, where
/// the speaker depends on how the article names the person elsewhere.
const PIPELINE_CASES: &[(&str, &[&str])] = &[
    // A nickname ("Vlado") is the full name the article gave first.
    (
        "Bandung, CNN Indonesia--Bek sentral Persib, Vladimir Vujovic, menyatakan kepuasan dirinya setelah tim Maung Bandung menaklukkan Persipura Jayapura, di Bandung, Minggu (7/5).\nUsai pertandingan, Vlado mengatakan para pemain Persib telah menunjukkan perkembangan permainan skuat Maung Bandung meskipun menang dengan skor tipis.\n\"Ketika semua pemain telah bermain dengan baik, kami akan menjadi tim yang sulit untuk dikalahkan,\" ujar Vlado seusai pertandingan.",
        &["Vladimir Vujovic", "Vladimir Vujovic"],
    ),
    // A firm glued before the name ("CEO Blibli Kusumo Martanto") is not the name.
    (
        "Dalam kesempatan tersebut turut hadir perwakilan dari GDN, CEO Tiket.com George Hendrata dan CEO Blibli Kusumo Martanto. Disinggung berapa jumlah investasi yang digelontorkan kepada Go-Jek, baik George dan Kusumo enggan mengungkapkannya.\n“ Bukan hanya investasi dalam bentuk uang saja, bersama dengan Go-Jek nantinya juga akan kami lakukan kolaborasi, untuk mendukung UKM di Indonesia, ” kata Kusumo.\nBlibli sendiri sudah lama bekerja sama dengan Go-Jek.",
        &["Kusumo Martanto"],
    ),
    // A surname with a kinship apposition ("Larson sang ibu") is the child's mother.
    (
        "Scout Penelope Larson, gadis cilik asal Niceville, Florida, Amerika Serikat ini, sudah memikat hati jutaan netizen.\nDari situlah, Larson sang ibu mulai membuat serangkaian foto Scout yang menirukan gaya dari para wanita ikonik itu.\n\"Setiap menit yang saya habiskan untuk merencanakan tema, styling, shooting, dan mengedit foto benar-benar 100 persen sangat berharga,\" ujar Larson.",
        &["Larson"],
    ),
    // The person at the end of a role's relative clause, glued to a place by the tagger.
    (
        "\"Kesepuluh negara tersebut yakni Jepang, Singapura, Malaysia, Korea Selatan, Madagaskar, Timor Leste, Lithuania, Fiji, Polandia, dan Italia,\" kata Ketua Panitia penyelenggara yang juga Kepala Dinas Pemuda dan Olahraga Padang Suardi, di Padang, Kamis.\n\"Kedatangan peserta asing ini akan menyemarakkan festival sekaligus ajang promosi wisata,\" tambahnya.",
        &["Suardi", "Suardi"],
    ),
];

#[test]
fn speakers_named_as_the_article_names_them() {
    let pipeline = warta::Pipeline::new(&warta::Config::default()).expect("default pipeline");
    for (text, expected) in PIPELINE_CASES {
        let article = pipeline.parse(&warta::Input {
            text,
            layout: Layout::Plain,
            ..warta::Input::default()
        });
        let got: Vec<&str> = article
            .quotes
            .iter()
            .filter_map(|q| q.speaker.as_deref())
            .collect();
        assert_eq!(&got, expected, "text: {text}");
    }
}
