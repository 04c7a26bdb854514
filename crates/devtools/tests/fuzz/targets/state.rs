//! The URL state: `state::parse`, then `parse(to_query(state))`. Notes are short and show no
//! hidden characters, and a parsed state reads back the same through its link.

use fastrand::Rng;
use sportdash_core::lang::{Lang, Theme};
use sportdash_core::model::Category;
use sportdash_core::state::{self, Mode, Page, Show, ViewState};

use crate::corpus::Corpus;
use crate::mutate::{mutate, pick, size, weird};

const QUERY_KEYS: &[&str] = &[
    "view",
    "indicator",
    "entities",
    "years",
    "show",
    "lang",
    "theme",
    "embed",
    "present",
    "slide",
    "kiosk",
    "top",
    "%76iew",
    "View",
    "",
    "x",
];

const QUERY_VALUES: &[&str] = &[
    "medals",
    "events",
    "facilities",
    "industry",
    "talent",
    "governance",
    "sources",
    "coverage",
    "chart",
    "table",
    "zh",
    "en",
    "dark",
    "light",
    "0",
    "1",
    "2",
    "999",
    "1000",
    "3600",
    "3601",
    "+5",
    "05",
    "-1",
    "18446744073709551616",
    "2021",
    "2021-2023",
    "+2021",
    " 2021 - 2022 ",
    "2021-",
    "-2021",
    "1900-2100",
    "1899",
    "2023-2021",
    "２０２１",
    "jiaozuo,hedong",
    "jiaozuo%2Chedong",
    ",,,",
    "a,<b>",
    "medal_table",
    "sports_area_per_capita",
    "%",
    "%E4%B8",
    "%E4%B8%AD",
    "%ZZ",
    "+",
    "=",
];

/// Characters of the made-up ids.
const ID_CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";

/// An id the data knows, or up to 64 characters that could be one.
fn random_id(rng: &mut Rng, corpus: &Corpus) -> String {
    if rng.u8(0..4) == 0 {
        let n = rng.usize(1..=64);
        (0..n).map(|_| *pick(rng, ID_CHARS) as char).collect()
    } else {
        pick(rng, &corpus.ids).clone()
    }
}

fn random_years(rng: &mut Rng) -> (i32, i32) {
    let from = rng.i32(1900..=2100);
    (from, rng.i32(from..=2100))
}

fn random_state(rng: &mut Rng, corpus: &Corpus) -> ViewState {
    ViewState {
        view: rng.bool().then(|| *pick(rng, &Category::ALL)),
        page: *pick(
            rng,
            &[Page::Data, Page::Data, Page::Sources, Page::Coverage],
        ),
        indicator: rng.bool().then(|| random_id(rng, corpus)),
        entities: rng.bool().then(|| {
            let n = if rng.u8(0..8) == 0 { 64 } else { size(rng, 64) };
            (0..n).map(|_| random_id(rng, corpus)).collect()
        }),
        years: rng.bool().then(|| random_years(rng)),
        show: *pick(rng, &[Show::Chart, Show::Table]),
        lang: rng.bool().then(|| *pick(rng, &[Lang::Zh, Lang::En])),
        theme: rng.bool().then(|| *pick(rng, &[Theme::Light, Theme::Dark])),
        mode: *pick(rng, &[Mode::Dashboard, Mode::Embed, Mode::Present]),
        slide: rng.bool().then(|| rng.usize(1..=999)),
        kiosk: rng.bool().then(|| rng.u32(2..=3600)),
        top: rng.bool().then(|| rng.usize(1..=100)),
    }
}

/// Percent-encodes some characters, as a browser or a person copying a link might.
fn percent_encode_some(rng: &mut Rng, text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if rng.u8(0..6) == 0 && c != '&' {
            let mut buffer = [0; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A link (the part after `?`, sometimes with the `?`).
pub fn query(rng: &mut Rng, corpus: &Corpus, max_len: usize) -> String {
    match rng.u8(0..10) {
        0..=2 => {
            let written = state::to_query(&random_state(rng, corpus));
            if rng.bool() {
                written
            } else {
                percent_encode_some(rng, &written)
            }
        }
        3 | 4 => {
            let mut text = pick(rng, &corpus.queries).clone();
            mutate(rng, &mut text, QUERY_VALUES, &corpus.queries, max_len);
            text
        }
        5..=7 => random_pairs(rng, corpus),
        8 if rng.bool() => padded_to_the_limit(rng, corpus),
        8 => longest_entities(rng, corpus),
        _ => weird(rng, max_len),
    }
}

/// Parameters of known and unknown keys with right and wrong values, repeated, empty or with
/// two `=`; sometimes mixed with a written link's.
fn random_pairs(rng: &mut Rng, corpus: &Corpus) -> String {
    let mut pairs: Vec<String> = (0..size(rng, 12))
        .map(|_| random_pair(rng, corpus))
        .collect();
    if rng.u8(0..4) == 0 {
        let written = state::to_query(&random_state(rng, corpus));
        pairs.extend(
            written
                .trim_start_matches('?')
                .split('&')
                .map(str::to_string),
        );
        rng.shuffle(&mut pairs);
    }
    let separator = if rng.u8(0..8) == 0 { "&&" } else { "&" };
    let prefix = *pick(rng, &["", "?", "??", "&"]);
    format!("{prefix}{}", pairs.join(separator))
}

fn random_pair(rng: &mut Rng, corpus: &Corpus) -> String {
    let key = pick(rng, QUERY_KEYS);
    let value = match rng.u8(0..6) {
        0 => weird(rng, 256),
        1 => pick(rng, &corpus.ids).clone(),
        _ => pick(rng, QUERY_VALUES).to_string(),
    };
    match rng.u8(0..10) {
        0 => key.to_string(),
        1 => format!("{key}={value}={value}"),
        _ => format!("{key}={value}"),
    }
}

/// Around the length limit, with ignored parameters.
fn padded_to_the_limit(rng: &mut Rng, corpus: &Corpus) -> String {
    let written = state::to_query(&random_state(rng, corpus));
    let padding = "x=1&".repeat(rng.usize(990..1030));
    format!("{padding}{}", written.trim_start_matches('?'))
}

/// Around the length limit, with as many long entities as a link may have, written as short as
/// parse allows (one year, no `show`).
fn longest_entities(rng: &mut Rng, corpus: &Corpus) -> String {
    let mut state = random_state(rng, corpus);
    let length = rng.usize(40..=64);
    state.entities = Some(
        (0..rng.usize(56..=64))
            .map(|k| format!("{k:0length$}"))
            .collect(),
    );
    let written = state::to_query(&state);
    let mut pairs: Vec<String> = written
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.starts_with("show="))
        .map(|pair| match pair.strip_prefix("years=") {
            Some(years) => format!("years={}", &years[..4]),
            None => pair.to_string(),
        })
        .collect();
    rng.shuffle(&mut pairs);
    pairs.join("&")
}

/// Longest note `state::parse` may write: a key and a value, each cut to 40 characters, each of
/// which may be a hidden character named as `⟨U+10FFFF⟩` (10), and `…`.
const NOTE_MAX_CHARS: usize = 401 + 1 + 401;

pub fn run_state(query: &str) -> u8 {
    let (parsed, notes) = state::parse(query);
    for note in &notes {
        assert!(
            note.chars().count() <= NOTE_MAX_CHARS,
            "note longer than {NOTE_MAX_CHARS} characters: {note:?}"
        );
        assert!(
            !note.chars().any(state::is_hidden),
            "control or invisible formatting character in note {note:?}"
        );
    }
    assert!(
        notes.len() <= query.split('&').count(),
        "more notes than parameters"
    );
    check_round_trip(&parsed);
    let _ = parsed.theme_or_default();
    u8::from(parsed != ViewState::default()) | (u8::from(!notes.is_empty()) << 1)
}

/// The link written for a state reads back as the same state, with nothing ignored.
pub fn check_round_trip(parsed: &ViewState) {
    let written = state::to_query(parsed);
    let (again, notes) = state::parse(&written);
    assert_eq!(
        &again, parsed,
        "state changed on the round trip through {written:?}"
    );
    assert!(
        notes.is_empty(),
        "the written link {written:?} has parameters parse ignores: {notes:?}"
    );
}
