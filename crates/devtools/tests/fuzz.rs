//! Fuzzing the parsers on stable Rust (issue 6): the data loader and validator, the slide deck,
//! the URL state, the numeral reader, the extractor and the embed message check.
//!
//! Inputs are made from the real ones (the files in `data/`, the links the app writes, report
//! text from `tests/fixtures/extract/`), mutated as structures (records picked, fields dropped,
//! retyped or given odd values, quotes given other numbers) and as text (characters inserted,
//! deleted, duplicated, flipped, spliced from other inputs: combining marks, right-to-left text,
//! NUL, long runs of digits or numerals, `[[[[…`, 1e309, -0, NaN), plus plain random strings.
//! Each execution runs under `catch_unwind`; a panic, or a broken property (the URL state
//! round-trips through `to_query`; `decode` reads back `height_message`; …), writes the input to
//! `fuzz/crashes/<target>-<n>.txt` and fails the run.
//!
//! `cargo test --test fuzz` runs a short bounded run of every target with fixed seeds. The long
//! run, one target at a time, in release (test targets unwind although the release profile
//! aborts on panic, so panics are still caught):
//!
//! ```sh
//! FUZZ_TARGET=loader FUZZ_EXECS=10000000 cargo test --release --test fuzz -- --ignored --nocapture
//! ```
//!
//! Also `FUZZ_SEED` (default 1), `FUZZ_MAX_LEN` (bytes, default 65536), `FUZZ_FROM` (the first
//! execution: `FUZZ_FROM=n FUZZ_EXECS=1` makes execution `n` of a run again) and, for `embed`,
//! `FUZZ_ORACLE_EXECS` (messages also given to `public/embed.js` in node; without node the
//! comparison fails, unless `FUZZ_WITHOUT_NODE=1` says to skip it). `FUZZ_TARGET=all`
//! runs every target. `FUZZ_REPLAY=fuzz/crashes/<file> FUZZ_TARGET=<target> cargo test --test
//! fuzz replay -- --ignored --nocapture` runs a saved input again, panics shown.
#![cfg(not(target_arch = "wasm32"))]

use std::cell::{Cell, RefCell};
use std::io::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Once, OnceLock};
use std::time::{Duration, Instant};

use fastrand::Rng;
use serde_json::{json, Map, Value};
use sportdash_core::lang::{Lang, Theme};
use sportdash_core::model::{Catalog, Category};
use sportdash_core::state::{self, Mode, Page, Show, ViewState};
use sportdash_core::{deck, embed, load, numerals, validate};
use sportdash_extract::{self as extract, Options};

/// Peak resident memory (VmHWM) a run may reach.
const MEMORY_LIMIT_KB: u64 = 512 * 1024;
/// The slowest single execution the long run (release) may have: anything slower is taken for a
/// hang. Times are wall-clock, so they include the machine's other work.
const SLOWEST_ALLOWED: Duration = Duration::from_secs(1);
/// An execution slower than this is timed again (three times, the fastest counting), so that
/// time the machine gave to other work is not taken for a slow input; a real hang repeats.
const RETIME_OVER: Duration = Duration::from_millis(20);
/// The same for the short run in `cargo test`: a debug build, beside the other tests.
const SLOWEST_ALLOWED_DEBUG: Duration = Duration::from_secs(5);
const DEFAULT_MAX_LEN: usize = 64 * 1024;

// ---------------------------------------------------------------------------------------------
// Targets

#[derive(Clone, Copy, Debug, PartialEq)]
enum Target {
    Loader,
    Deck,
    State,
    Numerals,
    Extract,
    Embed,
    Body,
}

const TARGETS: [Target; 7] = [
    Target::Loader,
    Target::Deck,
    Target::State,
    Target::Numerals,
    Target::Extract,
    Target::Embed,
    Target::Body,
];

impl Target {
    fn name(self) -> &'static str {
        match self {
            Target::Loader => "loader",
            Target::Deck => "deck",
            Target::State => "state",
            Target::Numerals => "numerals",
            Target::Extract => "extract",
            Target::Embed => "embed",
            Target::Body => "body",
        }
    }

    /// What the outcome bits of `execute` mean: how deep the inputs got.
    fn outcomes(self) -> &'static [&'static str] {
        match self {
            Target::Loader => &["loaded", "records kept by validate"],
            Target::Deck => &["loaded", "slides kept"],
            Target::State => &["state not default", "notes"],
            Target::Numerals => &["numbers found", "Chinese quantity"],
            Target::Extract => &["candidates", "notes"],
            Target::Embed => &["accepted", "height_message round trip"],
            Target::Body => &["accepted", "text"],
        }
    }

    /// How many variants an input has (which file it stands for, which options it runs with).
    fn variants(self) -> u8 {
        match self {
            Target::Loader => 9,
            Target::Extract => 6,
            // 0 to 2: a message; 3: a height for `height_message`.
            Target::Embed => 4,
            // How it arrives (the pieces' size), how large the limit is, whether a byte is bad.
            Target::Body => 32,
            _ => 1,
        }
    }

    fn generate(self, rng: &mut Rng, max_len: usize) -> Input {
        let corpus = corpus();
        let variant = rng.u8(0..self.variants());
        let text = match self {
            Target::Loader => loader_text(rng, corpus, variant, max_len),
            Target::Deck => deck_text(rng, corpus, max_len),
            Target::State => query(rng, corpus, max_len),
            Target::Numerals => numeral_text(rng, corpus, max_len),
            Target::Extract => report_text(rng, corpus, max_len),
            Target::Embed if variant == 3 => format!("{:016x}", interesting_f64(rng).to_bits()),
            Target::Embed => message(rng, max_len),
            Target::Body => match rng.u8(0..3) {
                0 => {
                    let file = rng.u8(0..9);
                    loader_text(rng, corpus, file, max_len)
                }
                1 => format!("\u{feff}{}", pick(rng, &corpus.json)),
                _ => random_string(rng, max_len),
            },
        };
        Input {
            text: cut(text, max_len),
            variant,
        }
    }

    /// Runs the entry points on one input and checks their properties (a broken one panics).
    /// Returns outcome bits (see `outcomes`).
    fn execute(self, input: &Input) -> u8 {
        match self {
            Target::Loader => run_loader(&input.text, input.variant),
            Target::Deck => run_deck(&input.text),
            Target::State => run_state(&input.text),
            Target::Numerals => run_numerals(&input.text),
            Target::Extract => run_extract(&input.text, input.variant),
            Target::Embed => run_embed(&input.text, input.variant),
            Target::Body => run_body(&input.text, input.variant),
        }
    }
}

struct Input {
    text: String,
    variant: u8,
}

fn category_file(category: Category) -> String {
    category.dataset_file()
}

/// The keys of a text's top-level object, in order, repeats kept; `None` if it is not one.
/// An oracle apart from the loader's own reader.
fn top_level_keys(text: &str) -> Option<Vec<String>> {
    struct Keys;
    impl<'de> serde::de::Visitor<'de> for Keys {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<M: serde::de::MapAccess<'de>>(
            self,
            mut map: M,
        ) -> Result<Vec<String>, M::Error> {
            let mut keys = Vec::new();
            while let Some(key) = map.next_key::<String>()? {
                map.next_value::<serde::de::IgnoredAny>()?;
                keys.push(key);
            }
            Ok(keys)
        }
    }
    struct Top(Vec<String>);
    impl<'de> serde::Deserialize<'de> for Top {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Top, D::Error> {
            d.deserialize_map(Keys).map(Top)
        }
    }
    serde_json::from_str::<Top>(load::without_bom(text))
        .ok()
        .map(|t| t.0)
}

/// A key given twice at the top of a file is an error naming the file and the key; a file
/// without one has no such error.
fn repeated_keys_refused(text: &str, file: &str, diagnostics: &[load::Diagnostic]) {
    let Some(keys) = top_level_keys(text) else {
        return;
    };
    let mut sorted = keys.clone();
    sorted.sort();
    let repeated = sorted
        .windows(2)
        .find(|w| w[0] == w[1])
        .map(|w| w[0].clone());
    let said = diagnostics
        .iter()
        .find(|d| d.file == file && d.record.is_none() && d.message.contains("appears twice"));
    match (repeated, said) {
        (Some(_), Some(d)) => {
            let named = sorted
                .windows(2)
                .any(|w| w[0] == w[1] && d.message.contains(&format!("\"{}\"", w[0])));
            assert!(d.is_error() && named, "{d}");
        }
        (Some(key), None) => panic!("the key {key:?} appears twice in {file}, and nothing says so"),
        (None, Some(d)) => panic!("no key appears twice, yet: {d}"),
        (None, None) => {}
    }
}

fn run_loader(text: &str, variant: u8) -> u8 {
    let corpus = corpus();
    let mut outcome = 0;
    // Report texts for the verbatim-quote check on every fourth input, decided by the input.
    let reports = text.len().is_multiple_of(4).then_some(&corpus.report_texts);
    if let Some(&category) = Category::ALL.get(usize::from(variant)) {
        let file = category_file(category);
        let loaded = load::dataset(&file, text, category);
        show_all(&loaded.diagnostics);
        repeated_keys_refused(text, &file, &loaded.diagnostics);
        if let Some(dataset) = loaded.value {
            outcome |= 1;
            none_lost_loading(
                text,
                "observations",
                dataset.observations.len(),
                &loaded.diagnostics,
            );
            let count = dataset.observations.len();
            let (kept, diagnostics) = validate::dataset(&corpus.catalog, &file, dataset, reports);
            show_all(&diagnostics);
            none_lost_validating(count, kept.observations.len(), &diagnostics);
            if !kept.observations.is_empty() {
                outcome |= 2;
            }
        }
    } else {
        let mut files = [
            corpus.entities.as_str(),
            corpus.indicators.as_str(),
            corpus.reports.as_str(),
        ];
        files[usize::from(variant) - 6] = text;
        let loaded = load::catalog(files[0], files[1], files[2]);
        show_all(&loaded.diagnostics);
        let names = [
            load::ENTITIES_FILE,
            load::INDICATORS_FILE,
            load::REPORTS_FILE,
        ];
        repeated_keys_refused(text, names[usize::from(variant) - 6], &loaded.diagnostics);
        if let Some(catalog) = loaded.value {
            outcome |= 1;
            let (key, count) = match variant {
                6 => ("entities", catalog.entities.len()),
                7 => ("indicators", catalog.indicators.len()),
                _ => ("reports", catalog.reports.len()),
            };
            none_lost_loading(text, key, count, &loaded.diagnostics);
            let problems = validate::catalog(&catalog);
            show_all(&problems);
            ids_travel_in_links(&catalog, &problems);
            // A real dataset against the fuzzed catalog.
            let (category, dataset) = &corpus.datasets[text.len() % corpus.datasets.len()];
            let file = category_file(*category);
            let (kept, diagnostics) = validate::dataset(&catalog, &file, dataset.clone(), reports);
            show_all(&diagnostics);
            none_lost_validating(
                dataset.observations.len(),
                kept.observations.len(),
                &diagnostics,
            );
            if !kept.observations.is_empty() {
                outcome |= 2;
            }
        }
    }
    outcome
}

fn run_deck(text: &str) -> u8 {
    let corpus = corpus();
    let loaded = deck::parse(deck::DECK_FILE, text);
    show_all(&loaded.diagnostics);
    let Some(slides) = loaded.value else {
        return 0;
    };
    show_all(&validate::deck(&corpus.catalog, deck::DECK_FILE, &slides));
    if let Some(listed) = parse_json(text).get("slides").and_then(Value::as_array) {
        let kept: Vec<String> = slides
            .iter()
            .enumerate()
            .map(|(i, slide)| deck::record_name(i, &slide.title))
            .collect();
        let mut refused: Vec<&str> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .filter_map(|d| d.record.as_deref())
            .filter(|r| !kept.iter().any(|k| k == r))
            .collect();
        refused.sort_unstable();
        refused.dedup();
        let reported = refused.len();
        assert_eq!(
            listed.len(),
            slides.len() + reported,
            "every slide is kept or reported, none dropped silently"
        );
    }
    for (index, slide) in slides.iter().enumerate() {
        match slide.state.view {
            Some(_) => check_round_trip(&slide.state),
            None => {
                // A slide that cannot be shown keeps its place and an error naming it.
                assert!(
                    slide.problem.is_some(),
                    "slide {index} lost its section silently"
                );
                let name = deck::record_name(index, &slide.title);
                assert!(
                    loaded
                        .diagnostics
                        .iter()
                        .any(|d| d.is_error() && d.record.as_deref() == Some(name.as_str())),
                    "slide {index} without a section has no error naming it"
                );
            }
        }
    }
    1 | if slides.iter().all(|s| s.problem.is_none()) {
        2
    } else {
        0
    }
}

/// A data file's bytes arriving in pieces (the browser's stream) against a size limit: refused
/// exactly when they pass the limit, at the piece that passes it, read as the text they are.
fn run_body(text: &str, variant: u8) -> u8 {
    let mut bytes = text.as_bytes().to_vec();
    if variant & 1 == 1 && !bytes.is_empty() {
        let at = bytes.len() / 2;
        bytes[at] = 0xFF;
    }
    let piece = [1, 7, 64, 4096][usize::from((variant >> 1) & 3)];
    let limit = match variant >> 3 {
        0 => bytes.len(),
        1 => bytes.len().saturating_sub(1),
        2 => bytes.len() / 2,
        _ => bytes.len() * 2,
    };
    let mut body = load::Body::new(limit);
    let mut arrived = 0;
    for chunk in bytes.chunks(piece) {
        arrived += chunk.len();
        match body.push(chunk.to_vec()) {
            Ok(()) => assert!(
                arrived <= limit,
                "{arrived} bytes taken over a limit of {limit}"
            ),
            Err(refused) => {
                assert_eq!(refused, load::BodyError::TooLarge);
                assert!(
                    arrived > limit,
                    "refused at {arrived} bytes under a limit of {limit}"
                );
                assert!(bytes.len() > limit);
                return 0;
            }
        }
    }
    assert!(
        bytes.len() <= limit,
        "{} bytes taken over a limit of {limit}",
        bytes.len()
    );
    let expected = String::from_utf8(bytes.clone())
        .map(|t| t.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(t));
    match (body.text(), expected) {
        (Ok(read), Ok(expected)) => {
            assert_eq!(read, expected);
            3
        }
        (Err(load::BodyError::NotText), Err(_)) => 1,
        (read, expected) => panic!("read {read:?}, expected {expected:?}"),
    }
}

/// Longest note `state::parse` may write: a key and a value, each cut to 40 characters, each of
/// which may be a hidden character named as `⟨U+10FFFF⟩` (10), and `…`.
const NOTE_MAX_CHARS: usize = 401 + 1 + 401;

fn run_state(query: &str) -> u8 {
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
fn check_round_trip(parsed: &ViewState) {
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

fn run_numerals(text: &str) -> u8 {
    let mut outcome = 0;
    let numbers = numerals::numbers_in(text);
    if !numbers.is_empty() {
        outcome |= 1;
    }
    // (writes_number reads the whole text again: a few numbers are enough.)
    for &number in numbers.iter().take(2) {
        assert!(!number.is_nan(), "NaN read from {text:?}");
        if number.is_finite() {
            assert!(
                numerals::writes_number(text, number),
                "{text:?} does not write {number}, which numbers_in reads in it"
            );
        }
    }
    for weird in [f64::NAN, f64::INFINITY, -0.0, 1e308, -1.0, 5e-324] {
        let _ = numerals::writes_number(text, weird);
    }
    let mut previous_end = 0;
    for (range, value) in numerals::spans(text) {
        assert!(!value.is_nan(), "NaN span in {text:?}");
        assert!(
            range.start >= previous_end && range.start < range.end && range.end <= text.len(),
            "span {range:?} out of order in {text:?}"
        );
        assert!(
            text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
            "span {range:?} cuts a character in {text:?}"
        );
        previous_end = range.end;
    }
    let _ = numerals::parse_chinese(text);
    let _ = numerals::chinese_quantity(text);
    // Every run of Chinese numerals on its own.
    let mut rest = text;
    while let Some(start) = rest.find(numerals::is_chinese_numeral) {
        let run_len = rest[start..]
            .find(|c| !numerals::is_chinese_numeral(c))
            .unwrap_or(rest.len() - start);
        let run = &rest[start..start + run_len];
        let value = numerals::parse_chinese(run);
        if let Some(quantity) = numerals::chinese_quantity(run) {
            outcome |= 2;
            assert!(quantity.is_finite(), "{run:?}: infinite quantity");
            assert_eq!(quantity, value, "{run:?}: quantity and reading differ");
        }
        rest = &rest[start + run_len..];
    }
    for c in text.chars().take(64) {
        let _ = (numerals::half_width(c), numerals::chinese_digit(c));
        let _ = numerals::chinese_unit(c);
    }
    outcome
}

fn extract_options(variant: u8) -> Options {
    let (entity, year) = match variant {
        0 => (None, None),
        1 => (Some("jiaozuo"), Some(2021)),
        2 => (Some("hedong"), Some(i32::MAX)),
        3 => (Some(""), Some(i32::MIN)),
        4 => (None, Some(2035)),
        _ => (Some("chongqing"), Some(0)),
    };
    Options {
        doc: "fuzz.txt".to_string(),
        entity: entity.map(str::to_string),
        year,
    }
}

fn run_extract(text: &str, variant: u8) -> u8 {
    let extracted = extract::extract(text, &extract_options(variant));
    for candidate in &extracted.candidates {
        let at = candidate.offset;
        assert!(
            text.is_char_boundary(at) && at < text.len(),
            "candidate offset {at} is not a character of the text"
        );
        let first = text[at..].chars().next().map(numerals::half_width);
        assert!(
            first.is_some_and(|c| c.is_ascii_digit() || numerals::is_chinese_numeral(c)),
            "candidate offset {at} is not at a number"
        );
        assert!(
            !candidate.source.quote.is_empty() && text.contains(&candidate.source.quote),
            "quote {:?} is not verbatim",
            candidate.source.quote
        );
        assert!(candidate.value.is_finite() && candidate.value >= 0.0);
    }
    for note in &extracted.notes {
        assert!(
            text.get(note.offset..)
                .is_some_and(|rest| rest.starts_with(&note.number)),
            "note {note:?} is not where it says"
        );
    }
    serde_json::to_string(&extracted.candidates).expect("candidates serialise");
    u8::from(!extracted.candidates.is_empty()) | (u8::from(!extracted.notes.is_empty()) << 1)
}

fn run_embed(text: &str, variant: u8) -> u8 {
    if variant == 3 {
        let bits = u64::from_str_radix(text.trim(), 16).unwrap_or(0);
        let height = f64::from_bits(bits);
        let expected = if height.is_finite() {
            (height.ceil().clamp(50.0, 10_000.0)) as u32
        } else {
            50
        };
        let message = embed::height_message(height);
        assert_eq!(
            embed::decode(&message),
            Some(expected),
            "{height}: {message}"
        );
        return 2;
    }
    match embed::decode(text) {
        Some(height) => {
            assert!(
                embed::HEIGHT_RANGE.contains(&height),
                "{height} out of range"
            );
            1
        }
        None => 0,
    }
}

/// Every place and indicator the validator lets through can be carried by a link and read back.
fn ids_travel_in_links(catalog: &sportdash_core::model::Catalog, problems: &[load::Diagnostic]) {
    // As `validate::catalog` names records: `entities[3] (id)`.
    let refused = |file: &str, list: &str, index: usize, id: &str| {
        let record = format!("{list}[{index}] ({id})");
        problems.iter().any(|d| {
            d.file == file
                && d.field.as_deref() == Some("id")
                && d.record.as_deref() == Some(record.as_str())
        })
    };
    for (index, entity) in catalog.entities.iter().enumerate() {
        if refused(load::ENTITIES_FILE, "entities", index, &entity.id) {
            continue;
        }
        let state = ViewState {
            entities: Some(vec![entity.id.clone()]),
            ..ViewState::default()
        };
        let (back, notes) = state::parse(&state::to_query(&state));
        assert_eq!(
            back.entities, state.entities,
            "entity id {:?} does not come back from a link: {notes:?}",
            entity.id
        );
    }
    for (index, indicator) in catalog.indicators.iter().enumerate() {
        if refused(load::INDICATORS_FILE, "indicators", index, &indicator.id) {
            continue;
        }
        let state = ViewState {
            indicator: Some(indicator.id.clone()),
            ..ViewState::default()
        };
        let (back, notes) = state::parse(&state::to_query(&state));
        assert_eq!(
            back.indicator, state.indicator,
            "indicator id {:?} does not come back from a link: {notes:?}",
            indicator.id
        );
    }
}

/// Loading drops no record silently: each record of the file's list is loaded or reported.
fn none_lost_loading(text: &str, key: &str, loaded: usize, diagnostics: &[load::Diagnostic]) {
    // A file refused whole says so: its records are not counted one by one.
    if diagnostics
        .iter()
        .any(|d| d.is_error() && d.record.is_none())
    {
        return;
    }
    let Some(list) = parse_json(text)
        .get(key)
        .and_then(Value::as_array)
        .map(Vec::len)
    else {
        return;
    };
    let reported = diagnostics.iter().filter(|d| d.record.is_some()).count();
    assert_eq!(
        list,
        loaded + reported,
        "{list} {key} in the file, {loaded} loaded and {reported} reported"
    );
}

/// Validation drops no record silently: each record left out has an error naming it.
fn none_lost_validating(count: usize, kept: usize, diagnostics: &[load::Diagnostic]) {
    let mut rejected: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .filter_map(|d| d.record.as_deref())
        .collect();
    rejected.sort_unstable();
    rejected.dedup();
    assert_eq!(
        count,
        kept + rejected.len(),
        "{count} records, {kept} kept and {} rejected with an error",
        rejected.len()
    );
}

/// Formats every diagnostic, as the CLI and the app do.
fn show_all(diagnostics: &[load::Diagnostic]) {
    for diagnostic in diagnostics {
        let shown = diagnostic.to_string();
        assert!(!shown.is_empty());
    }
}

// ---------------------------------------------------------------------------------------------
// The corpus: real inputs from the repository

struct Corpus {
    entities: String,
    indicators: String,
    reports: String,
    deck: String,
    /// Every JSON text above, for splicing.
    json: Vec<String>,
    catalog: Catalog,
    datasets: Vec<(Category, sportdash_core::model::Dataset)>,
    report_texts: validate::ReportTexts,
    /// Links: the deck's views and the ones the app writes.
    queries: Vec<String>,
    /// Sentences: the extraction cases and the lines of the sample report.
    sentences: Vec<String>,
    sample_report: String,
    /// Ids the data knows, for making plausible values.
    ids: Vec<String>,
    /// Each file's records and the rest of its top level: the six sections (from `data/` and
    /// the mini fixtures), entities, indicators, reports and the deck.
    shapes: Vec<FileShape>,
}

const DECK_SHAPE: usize = 9;

struct FileShape {
    top: Map<String, Value>,
    key: &'static str,
    records: Vec<Value>,
}

impl FileShape {
    fn new(texts: &[&str], key: &'static str) -> FileShape {
        let mut top = Map::new();
        let mut records = Vec::new();
        for text in texts {
            if let Value::Object(mut object) = parse_json(text) {
                if let Some(Value::Array(list)) = object.remove(key) {
                    records.extend(list);
                }
                top = object;
            }
        }
        FileShape { top, key, records }
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let entities = read("../../data/entities.json");
        let indicators = read("../../data/indicators.json");
        let reports = read("../../data/reports.json");
        let deck = read("../../data/deck.json");
        let mut observations = Vec::new();
        for dir in ["../../data", "../core/tests/fixtures/mini"] {
            for category in Category::ALL {
                let path = format!("{dir}/{}", category.dataset_file());
                observations.push((category, read(&path)));
            }
        }
        let mut json = vec![
            entities.clone(),
            indicators.clone(),
            reports.clone(),
            deck.clone(),
        ];
        for name in ["entities", "indicators", "reports"] {
            json.push(read(&format!("../core/tests/fixtures/mini/{name}.json")));
        }
        json.extend(observations.iter().map(|(_, text)| text.clone()));
        let catalog = load::catalog(&entities, &indicators, &reports)
            .value
            .expect("the data's catalog loads");
        let datasets = observations
            .iter()
            .take(Category::ALL.len())
            .map(|(category, text)| {
                let dataset = load::dataset("x", text, *category).value.expect("loads");
                (*category, dataset)
            })
            .collect();
        let sample_report = read("../extract/tests/fixtures/extract/sample-report.txt");
        let squashed = validate::squash(&sample_report);
        let report_texts = catalog
            .reports
            .iter()
            .map(|r| (r.doc.clone(), squashed.clone()))
            .collect();
        let mut queries: Vec<String> = parse_json(&deck)["slides"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|slide| slide["view"].as_str().map(str::to_string))
            .collect();
        queries.extend(
            [
                "?view=facilities&indicator=sports_area_per_capita&entities=jiaozuo,hedong&years=2021-2023&show=chart",
                "?view=medals&indicator=medal_table&entities=jiaozuo,hedong&years=2021-2023&show=table&lang=en&theme=dark",
                "?view=events&indicator=fitness_events&entities=jiaozuo,chongqing&years=2021-2023&show=chart&embed=1",
                "?view=facilities&show=chart&present=1&slide=3&kiosk=20",
                "?view=sources&show=chart&lang=zh",
                "?view=coverage&show=table&theme=light",
                "?years=2022&entities=jiaozuo%2Chedong",
                "view=nope&years=2023-2021&entities=a,<b>&show=pie&x=1&show=table",
            ]
            .map(str::to_string),
        );
        let mut sentences: Vec<String> = read("../extract/tests/fixtures/extract/cases.txt")
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(|line| line.split(" => ").next())
            .map(str::to_string)
            .collect();
        sentences.extend(
            sample_report
                .lines()
                .filter(|line| !line.trim().is_empty())
                .map(str::to_string),
        );
        let mut shapes: Vec<FileShape> = Category::ALL
            .iter()
            .map(|&category| {
                let texts: Vec<&str> = observations
                    .iter()
                    .filter(|(c, _)| *c == category)
                    .map(|(_, text)| text.as_str())
                    .collect();
                FileShape::new(&texts, "observations")
            })
            .collect();
        shapes.push(FileShape::new(&[&entities], "entities"));
        shapes.push(FileShape::new(&[&indicators], "indicators"));
        shapes.push(FileShape::new(&[&reports], "reports"));
        shapes.push(FileShape::new(&[&deck], "slides"));
        let mut ids: Vec<String> = catalog.entities.iter().map(|e| e.id.clone()).collect();
        ids.extend(catalog.indicators.iter().map(|i| i.id.clone()));
        ids.extend(catalog.reports.iter().map(|r| r.doc.clone()));
        Corpus {
            entities,
            indicators,
            reports,
            deck,
            json,
            catalog,
            datasets,
            report_texts,
            queries,
            sentences,
            sample_report,
            ids,
            shapes,
        }
    })
}

fn parse_json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

// ---------------------------------------------------------------------------------------------
// Building blocks of inputs

/// Numbers as the reports write them.
const NUMERALS: &[&str] = &[
    "十万零五",
    "3.5万",
    "１,８００",
    "1,800",
    "8至10",
    "4-7",
    "2—3",
    "第三名",
    "第2名",
    "第十四届",
    "居全省第二位",
    "排名第三",
    "近百",
    "十余",
    "两",
    "一百零五",
    "三亿五千万",
    "万亿",
    "百万",
    "二〇二一年",
    "2021年",
    "2021-2023",
    "2022年3月5日",
    "61.56亿元",
    "4 086.5",
    "４０８６．５",
    "２．２６",
    "0.5",
    "00012",
    "1金2银3铜",
    "9银5铜",
    "200余",
    "400多名",
    "1万人以上",
    "不足50人",
    "500人左右",
    "逾千名",
    "三十零",
    "十十",
    "亿万",
    "一二三",
    "零",
    "〇",
    "百",
];

/// Words around numbers in the reports: units, qualifiers, rank and plan words, punctuation.
const WORDS: &[&str] = &[
    "人",
    "名",
    "位",
    "个",
    "枚",
    "项",
    "次",
    "场",
    "站",
    "家",
    "所",
    "条",
    "件",
    "万元",
    "亿元",
    "平方米",
    "人次",
    "场次",
    "%",
    "％",
    "分",
    "分钟",
    "年",
    "月",
    "日",
    "余",
    "多",
    "约",
    "近",
    "左右",
    "以上",
    "以下",
    "以内",
    "超过",
    "不足",
    "至少",
    "不少于",
    "逾",
    "第",
    "居",
    "排名",
    "位居",
    "连续",
    "计划",
    "力争",
    "拟",
    "将",
    "今年",
    "去年",
    "明年",
    "目前",
    "截至目前",
    "已",
    "了",
    "每",
    "这",
    "金",
    "银",
    "铜",
    "牌",
    "金牌",
    "奖牌总数",
    "全民健身活动",
    "人均体育场地面积",
    "运动员",
    "参加",
    "参赛",
    "“",
    "”",
    "《",
    "》",
    "「",
    "」",
    "\"",
    "。",
    "，",
    ",",
    "、",
    "；",
    ";",
    "：",
    "！",
    "？",
    "|",
    "<",
    ">",
    "【",
    "】",
    "…",
    "（",
    "）",
    "\n",
    "\n\n",
    "  ",
    " ",
    "\u{3000}",
    "\t",
    "a",
    "No.",
    "ABC",
];

/// Odd characters and strings that break parsers.
const WEIRD: &[&str] = &[
    "\0",
    "\u{301}",
    "e\u{301}\u{302}\u{303}",
    "\u{200F}",
    "\u{202E}",
    "\u{202D}",
    "\u{2067}",
    "\u{FEFF}",
    "\u{FFFD}",
    "\u{10FFFF}",
    "\u{E000}",
    "𝟙𝟚",
    "٣٤",
    "१२",
    "①②",
    "Ⅻ",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\u{A0}",
    "\r\n",
    "\r",
    "\u{B}",
    "\u{C}",
    "\u{1B}[31m",
    "1e309",
    "-1e309",
    "1e-400",
    "-0",
    "-0.0",
    "NaN",
    "nan",
    "Infinity",
    "-Infinity",
    "inf",
    "18446744073709551616",
    "9007199254740993",
    "-9223372036854775809",
    "2147483648",
    "0x10",
    "1_000",
    "1.",
    ".5",
    "+1",
    "%",
    "%00",
    "%E4%B8",
    "%e4%b8%ad",
    "%ZZ",
    "%FF%FE",
    "\\u0000",
    "\\ud800",
    "\\udc00\\ud800",
    "\\",
    "\"",
    "null",
    "true",
    "[]",
    "{}",
    "[",
    "{",
    "]",
    "}",
    ",",
    ":",
    "🏅",
    "👨\u{200D}👩\u{200D}👧",
    "\u{1F1E8}\u{1F1F3}",
    "<script>alert(1)</script>",
];

/// Units of long runs: digits, numerals, nesting, separators.
const RUNS: &[&str] = &[
    "9",
    "0",
    "１",
    "亿",
    "万",
    "十",
    "一",
    "零",
    "百万",
    "[",
    "{\"a\":",
    "[[",
    "1,",
    "，1",
    ".",
    "%",
    "&",
    "a=1&",
    "=",
    " ",
    "\n",
    "“",
    "第",
    "\u{301}",
    "-",
    "3.5万人，",
];

/// Sizes spread over orders of magnitude, up to `max`.
fn size(rng: &mut Rng, max: usize) -> usize {
    let max = max.max(1);
    let bits = rng.u32(0..=usize::BITS - max.leading_zeros());
    rng.usize(0..=(1usize << bits.min(40)).min(max))
}

fn word<'a>(rng: &mut Rng, words: &[&'a str]) -> &'a str {
    words[rng.usize(0..words.len())]
}

fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(0..items.len())]
}

/// A character from a class that parsers trip on.
fn random_char(rng: &mut Rng) -> char {
    loop {
        let code = match rng.u8(0..12) {
            0 => rng.u32(0x20..0x7F),
            1 => rng.u32(0..0x20),
            2 | 3 => rng.u32(0x4E00..0xA000),
            4 => {
                let numerals = "零〇一二两三四五六七八九十百千万亿";
                return numerals.chars().nth(rng.usize(0..17)).unwrap_or('十');
            }
            5 => rng.u32(0xFF01..0xFF5F),
            6 => rng.u32(0x300..0x370),
            7 => rng.u32(0x590..0x700),
            8 => *pick(
                rng,
                &[
                    0x3000, 0x2028, 0xA0, 0x85, 0x200B, 0x200F, 0x202E, 0xFEFF, 0xFFFD, 0x3002,
                ],
            ),
            9 => rng.u32(0x1F300..0x1F700),
            10 => rng.u32(0x10000..0x110000),
            _ => {
                *pick(
                    rng,
                    &[0x660, 0x966, 0x1D7CE, 0x2460, 0x2160, 0xFF10, 0x4E07],
                ) + rng.u32(0..10)
            }
        };
        if let Some(c) = char::from_u32(code) {
            return c;
        }
    }
}

fn random_string(rng: &mut Rng, max_len: usize) -> String {
    let n = size(rng, 64.min(max_len));
    (0..n).map(|_| random_char(rng)).collect()
}

/// Something odd to put in: a weird token, a long run, a number string or random characters.
fn weird(rng: &mut Rng, max_len: usize) -> String {
    match rng.u8(0..5) {
        0 | 1 => pick(rng, WEIRD).to_string(),
        2 => {
            let unit = pick(rng, RUNS);
            unit.repeat(size(rng, max_len / unit.len()).max(1))
        }
        3 => {
            let digits = size(rng, 400).max(1);
            let mut number: String = (0..digits)
                .map(|_| char::from(b'0' + rng.u8(0..10)))
                .collect();
            if rng.bool() {
                number.insert(rng.usize(0..=number.len()), '.');
            }
            if rng.u8(0..4) == 0 {
                number.push_str(&format!("e{}", rng.i32(-400..400)));
            }
            if rng.u8(0..4) == 0 {
                number.insert(0, '-');
            }
            number
        }
        _ => random_string(rng, max_len),
    }
}

fn boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A random range of `text` on character boundaries, mostly short.
fn range(rng: &mut Rng, text: &str) -> (usize, usize) {
    let start = boundary(text, rng.usize(0..=text.len()));
    let end = boundary(text, start + size(rng, (text.len() - start).min(256)));
    (start, end)
}

fn cut(mut text: String, max_len: usize) -> String {
    let at = boundary(&text, max_len);
    text.truncate(at);
    text
}

/// Text-level mutations: insert, delete, duplicate, flip, splice, truncate, repeat.
fn mutate(rng: &mut Rng, text: &mut String, words: &[&str], others: &[String], max_len: usize) {
    for _ in 0..rng.usize(1..=6) {
        let at = boundary(text, rng.usize(0..=text.len()));
        match rng.u8(0..11) {
            0 | 1 => text.insert_str(at, word(rng, words)),
            2 => text.insert_str(at, &weird(rng, max_len)),
            3 => {
                let (a, b) = range(rng, text);
                text.replace_range(a..b, "");
            }
            4 => {
                let (a, b) = range(rng, text);
                let piece = text[a..b].to_string();
                let at = boundary(text, rng.usize(0..=text.len()));
                text.insert_str(at, &piece);
            }
            5 => {
                let (a, _) = range(rng, text);
                if let Some(c) = text[a..].chars().next() {
                    let replacement = random_char(rng).to_string();
                    text.replace_range(a..a + c.len_utf8(), &replacement);
                }
            }
            6 => {
                // Byte level: flip a bit, or put in a raw byte; what is not UTF-8 any more
                // comes out as U+FFFD, as `String::from_utf8_lossy` reads it.
                let mut bytes = std::mem::take(text).into_bytes();
                if !bytes.is_empty() && rng.bool() {
                    let i = rng.usize(0..bytes.len());
                    bytes[i] ^= 1 << rng.u8(0..8);
                } else {
                    bytes.insert(rng.usize(0..=bytes.len()), rng.u8(..));
                }
                *text = String::from_utf8_lossy(&bytes).into_owned();
            }
            7 if !others.is_empty() => {
                let other = pick(rng, others);
                let (a, b) = range(rng, other);
                let (c, d) = range(rng, text);
                text.replace_range(c..d, &other[a..b]);
            }
            8 => {
                let at = boundary(text, size(rng, text.len()));
                text.truncate(at);
            }
            9 => {
                let (a, b) = range(rng, text);
                let piece = text[a..b].to_string();
                if !piece.is_empty() {
                    let times = size(rng, max_len / piece.len()).max(1);
                    text.insert_str(b, &piece.repeat(times));
                }
            }
            _ => {
                let insert = random_string(rng, max_len);
                text.insert_str(at, &insert);
            }
        }
        if text.len() > max_len {
            let at = boundary(text, max_len);
            text.truncate(at);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Data files

/// Tokens of JSON text, for text-level mutation of data files.
const JSON_WORDS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "null",
    "true",
    "false",
    "0",
    "-0",
    "1e309",
    "\\u0000",
    "\\ud800",
    "\"value\":",
    "\"year\":",
    "\"unit\":",
    "\"quote\":",
    "\"observations\":",
    "\"dataset\":",
    "\"entities\":",
    "\"slides\":",
    "\"view\":",
    "{\"zh\":\"\"}",
    "\"\":",
    "[[[[[[[[",
    "]]]]]]]]",
    "\n",
    " ",
];

const ENUM_VALUES: &[&str] = &[
    "exact",
    "approximate",
    "at_least",
    "at_most",
    "range",
    "reported",
    "target",
    "stated",
    "report_period",
    "publication_date",
    "province",
    "city",
    "district",
    "medals",
    "events",
    "facilities",
    "industry",
    "talent",
    "governance",
    "Exact",
    "AtLeast",
    "unknown",
];

const UNIT_VALUES: &[&str] = &[
    "元",
    "万元",
    "亿元",
    "平方米",
    "万平方米",
    "人",
    "名",
    "万人",
    "人次",
    "名次",
    "分",
    "%",
    "个",
    "枚",
    "场",
    "届",
    "周期",
    "千元",
    "万万元",
    "",
    " 人",
];

/// A JSON value that might upset a loader.
fn odd_value(rng: &mut Rng, depth: u32) -> Value {
    let corpus = corpus();
    match rng.u8(0..18) {
        0 => Value::Null,
        1 => Value::Bool(rng.bool()),
        2 => json!(-0.0),
        3 => json!(*pick(
            rng,
            &[0.0, 1e308, f64::MAX, 5e-324, 0.1, 2.26, 1.0e15, -1.0]
        )),
        4 => json!(*pick(rng, &[u64::MAX, 0, 1, 2021, 9_007_199_254_740_993])),
        5 => json!(*pick(
            rng,
            &[i64::MIN, -1, 1989, 1990, 2035, 2036, 2_147_483_648]
        )),
        6 => json!(rng.i64(..)),
        7 => json!(rng.i32(1980..2040)),
        8 => Value::String(String::new()),
        9 => Value::String(pick(rng, ENUM_VALUES).to_string()),
        10 => Value::String(pick(rng, UNIT_VALUES).to_string()),
        11 => Value::String(pick(rng, &corpus.ids).clone()),
        12 => Value::String(weird(rng, 4096)),
        13 => Value::String(format!(
            "{}{}{}",
            pick(rng, WORDS),
            pick(rng, NUMERALS),
            pick(rng, WORDS)
        )),
        14 => json!({"zh": pick(rng, NUMERALS), "en": weird(rng, 64)}),
        15 if depth < 8 => Value::Array(
            (0..rng.usize(0..4))
                .map(|_| odd_value(rng, depth + 1))
                .collect(),
        ),
        16 if depth < 8 => {
            let mut object = Map::new();
            for _ in 0..rng.usize(0..4) {
                object.insert(weird(rng, 16), odd_value(rng, depth + 1));
            }
            Value::Object(object)
        }
        _ => Value::String(random_string(rng, 64)),
    }
}

/// Mutates a record: a field dropped, added, retyped, given an odd value, its text changed, or
/// (for observations) its value and quote given another number that the quote writes.
fn mutate_record(rng: &mut Rng, record: &mut Value, depth: u32) {
    let Value::Object(fields) = record else {
        *record = odd_value(rng, depth);
        return;
    };
    let keys: Vec<String> = fields.keys().cloned().collect();
    let Some(key) = (!keys.is_empty()).then(|| pick(rng, &keys).clone()) else {
        fields.insert(weird(rng, 16), odd_value(rng, depth));
        return;
    };
    match rng.u8(0..8) {
        0 => {
            fields.remove(&key);
        }
        1 => {
            let name = if rng.bool() {
                weird(rng, 16)
            } else {
                pick(
                    rng,
                    &[
                        "value_max",
                        "year_note",
                        "context",
                        "note",
                        "parent",
                        "caption",
                    ],
                )
                .to_string()
            };
            fields.insert(name, odd_value(rng, depth));
        }
        2 | 3 => {
            fields.insert(key, odd_value(rng, depth));
        }
        4 => {
            if let Some(Value::String(text)) = fields.get_mut(&key) {
                mutate(rng, text, WORDS, &corpus().sentences, 4096);
            } else if let Some(inner) = fields.get_mut(&key) {
                if depth < 8 {
                    mutate_record(rng, inner, depth + 1);
                }
            }
        }
        5 if fields.contains_key("source") => {
            // A number the quote really writes, so validation goes on past the quote check.
            let fragment = *pick(rng, NUMERALS);
            let numbers = numerals::numbers_in(fragment);
            if let Some(&value) = numbers.first() {
                fields.insert("value".into(), json!(value));
                if numbers.len() > 1 && rng.bool() {
                    fields.insert("value_max".into(), json!(numbers[1]));
                    fields.insert("qualifier".into(), json!("range"));
                }
                let quote = format!("{}{fragment}{}", pick(rng, WORDS), pick(rng, WORDS));
                fields.insert(
                    "source".into(),
                    json!({"doc": pick(rng, &corpus().ids), "quote": quote}),
                );
            }
        }
        6 => {
            // Swap with another field's value.
            let other = pick(rng, &keys).clone();
            if let (Some(a), Some(b)) = (fields.get(&key).cloned(), fields.get(&other).cloned()) {
                fields.insert(key, b);
                fields.insert(other, a);
            }
        }
        _ => {
            if let Some(Value::Number(_)) = fields.get(&key) {
                let number = *pick(rng, &[-1.0, 0.0, -0.0, 0.5, 1e20, 2036.0, 1989.0, 2.5e-8]);
                fields.insert(key, json!(number));
            } else {
                fields.insert(key, Value::String(pick(rng, &corpus().ids).clone()));
            }
        }
    }
}

/// A data file made from `base`: some of its records (and records of files like it), mutated,
/// under a top level that is sometimes changed too.
fn structured_file(rng: &mut Rng, shape: &FileShape) -> String {
    let (mut top, key, records) = (shape.top.clone(), shape.key, &shape.records);
    let count = if records.is_empty() { 0 } else { size(rng, 8) };
    let mut picked: Vec<Value> = (0..count).map(|_| pick(rng, records).clone()).collect();
    for record in &mut picked {
        for _ in 0..rng.usize(0..3) {
            mutate_record(rng, record, 0);
        }
    }
    top.insert(key.to_string(), Value::Array(picked));
    match rng.u8(0..12) {
        0 => {
            top.remove(key);
        }
        1 => {
            top.insert(key.to_string(), odd_value(rng, 0));
        }
        2 => {
            top.insert("dataset".into(), odd_value(rng, 0));
        }
        3 => {
            top.insert(weird(rng, 16), odd_value(rng, 0));
        }
        4 => return Value::Array(vec![Value::Object(top)]).to_string(),
        // A key given twice, the second an empty list: it once emptied a file silently.
        5 => {
            let text = Value::Object(top).to_string();
            let repeated = if rng.bool() { key } else { "dataset" };
            return format!("{},\"{repeated}\":[]}}", &text[..text.len() - 1]);
        }
        _ => {}
    }
    let top = Value::Object(top);
    if rng.bool() {
        top.to_string()
    } else {
        serde_json::to_string_pretty(&top).unwrap_or_default()
    }
}

/// Nesting deeper than any parser's limit, with a record's start around it.
fn deep_json(rng: &mut Rng, max_len: usize) -> String {
    let depth = size(rng, max_len / 2).max(1);
    let (open, close) = *pick(
        rng,
        &[("[", "]"), ("{\"a\":", "}"), ("[{\"observations\":", "}]")],
    );
    let closed = rng.bool();
    let mut text = String::from("{\"observations\": ");
    text.push_str(&open.repeat(depth));
    if closed {
        text.push_str(&close.repeat(depth));
        text.push('}');
    }
    text
}

fn loader_text(rng: &mut Rng, corpus: &Corpus, variant: u8, max_len: usize) -> String {
    // Mostly the file's own records; for a section, sometimes another's (the wrong dataset).
    let shape = if variant < 6 && rng.u8(0..8) == 0 {
        &corpus.shapes[rng.usize(0..6)]
    } else {
        &corpus.shapes[usize::from(variant)]
    };
    match rng.u8(0..20) {
        0..=10 => structured_file(rng, shape),
        11..=15 => {
            let mut text = structured_file(rng, shape);
            mutate(rng, &mut text, JSON_WORDS, &corpus.json, max_len);
            text
        }
        16 => {
            let mut text = pick(rng, &corpus.json).clone();
            mutate(rng, &mut text, JSON_WORDS, &corpus.json, max_len);
            text
        }
        17 => deep_json(rng, max_len),
        18 => weird(rng, max_len),
        _ => random_string(rng, max_len),
    }
}

fn deck_text(rng: &mut Rng, corpus: &Corpus, max_len: usize) -> String {
    match rng.u8(0..10) {
        0..=4 => {
            let shape = &corpus.shapes[DECK_SHAPE];
            let mut top = shape.top.clone();
            let mut picked: Vec<Value> = (0..size(rng, 8))
                .map(|_| pick(rng, &shape.records).clone())
                .collect();
            for slide in &mut picked {
                if rng.bool() {
                    slide["view"] = Value::String(query(rng, corpus, 512));
                } else {
                    mutate_record(rng, slide, 0);
                }
            }
            top.insert("slides".into(), Value::Array(picked));
            Value::Object(top).to_string()
        }
        5..=7 => {
            let mut text = corpus.deck.clone();
            mutate(rng, &mut text, JSON_WORDS, &corpus.json, max_len);
            text
        }
        8 => deep_json(rng, max_len).replace("observations", "slides"),
        _ => weird(rng, max_len),
    }
}

// ---------------------------------------------------------------------------------------------
// Links

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

fn random_state(rng: &mut Rng, corpus: &Corpus) -> ViewState {
    let id = |rng: &mut Rng| -> String {
        if rng.u8(0..4) == 0 {
            let n = rng.usize(1..=64);
            (0..n)
                .map(|_| {
                    *pick(
                        rng,
                        b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-",
                    ) as char
                })
                .collect()
        } else {
            pick(rng, &corpus.ids).clone()
        }
    };
    let years = |rng: &mut Rng| {
        let from = rng.i32(1900..=2100);
        (from, rng.i32(from..=2100))
    };
    ViewState {
        view: rng.bool().then(|| *pick(rng, &Category::ALL)),
        page: *pick(
            rng,
            &[Page::Data, Page::Data, Page::Sources, Page::Coverage],
        ),
        indicator: rng.bool().then(|| id(rng)),
        entities: rng.bool().then(|| {
            let n = if rng.u8(0..8) == 0 { 64 } else { size(rng, 64) };
            (0..n).map(|_| id(rng)).collect()
        }),
        years: rng.bool().then(|| years(rng)),
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

fn query(rng: &mut Rng, corpus: &Corpus, max_len: usize) -> String {
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
        5..=7 => {
            let mut pairs: Vec<String> = (0..size(rng, 12))
                .map(|_| {
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
                })
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
        8 if rng.bool() => {
            // Around the length limit, with ignored parameters.
            let written = state::to_query(&random_state(rng, corpus));
            let padding = "x=1&".repeat(rng.usize(990..1030));
            format!("{padding}{}", written.trim_start_matches('?'))
        }
        8 => {
            // Around the length limit, with as many long entities as a link may have, written
            // as short as parse allows (one year, no `show`).
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
        _ => weird(rng, max_len),
    }
}

// ---------------------------------------------------------------------------------------------
// Report text

fn numeral_text(rng: &mut Rng, corpus: &Corpus, max_len: usize) -> String {
    match rng.u8(0..10) {
        0..=4 => {
            let mut text = String::new();
            for _ in 0..rng.usize(1..=12) {
                match rng.u8(0..6) {
                    0 | 1 => text.push_str(word(rng, NUMERALS)),
                    2 => text.push_str(word(rng, WORDS)),
                    3 => {
                        let numerals: Vec<char> =
                            "零〇一二两三四五六七八九十百千万亿".chars().collect();
                        let n = size(rng, 40).max(1);
                        text.extend((0..n).map(|_| *pick(rng, &numerals)));
                    }
                    4 => {
                        let digits: Vec<char> =
                            "0123456789０１２３４５６７８９.,，．".chars().collect();
                        let n = size(rng, 40).max(1);
                        text.extend((0..n).map(|_| *pick(rng, &digits)));
                    }
                    _ => text.push_str(&weird(rng, max_len)),
                }
            }
            text
        }
        5..=7 => {
            let mut text = pick(rng, &corpus.sentences).clone();
            mutate(rng, &mut text, NUMERALS, &corpus.sentences, max_len);
            text
        }
        8 => weird(rng, max_len),
        _ => random_string(rng, max_len),
    }
}

fn report_text(rng: &mut Rng, corpus: &Corpus, max_len: usize) -> String {
    match rng.u8(0..10) {
        0..=4 => {
            // Lines of sentences, headings and paragraph breaks, some sentences mutated.
            let mut text = String::new();
            for _ in 0..size(rng, 24).max(1) {
                let mut sentence = pick(rng, &corpus.sentences).clone();
                if rng.u8(0..3) == 0 {
                    mutate(rng, &mut sentence, NUMERALS, &corpus.sentences, max_len);
                }
                text.push_str(&sentence);
                text.push_str(word(rng, &["。", "，", "；", "\n", "\n\n", "  ", "、", ""]));
            }
            text
        }
        5 | 6 => numeral_text(rng, corpus, max_len),
        7 => {
            let mut text = corpus.sample_report.clone();
            mutate(rng, &mut text, WORDS, &corpus.sentences, max_len);
            text
        }
        8 => weird(rng, max_len),
        _ => random_string(rng, max_len),
    }
}

// ---------------------------------------------------------------------------------------------
// Embed messages

fn interesting_f64(rng: &mut Rng) -> f64 {
    match rng.u8(0..4) {
        0 => *pick(
            rng,
            &[
                0.0,
                -0.0,
                49.0,
                49.000001,
                50.0,
                411.2,
                9999.5,
                10_000.0,
                10_000.000001,
                1e300,
                -1e300,
                f64::NAN,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::MIN_POSITIVE,
                4_294_967_296.0,
            ],
        ),
        1 => rng.f64() * 20_000.0 - 5_000.0,
        2 => f64::from(rng.u32(0..12_000)),
        _ => f64::from_bits(rng.u64(..)),
    }
}

/// JSON text of a number that is, or is near, `value`, spelled one of the ways JSON allows.
fn spelled(rng: &mut Rng, value: u32) -> String {
    match rng.u8(0..10) {
        0 => format!("{value}.0"),
        1 => format!("{}e1", f64::from(value) / 10.0),
        2 => format!("{value}e0"),
        3 => format!("{value}.{}", "0".repeat(size(rng, 400))),
        4 => format!("{value}.{}1", "0".repeat(size(rng, 40))),
        5 => format!(
            "{}.{}",
            value.saturating_sub(1),
            "9".repeat(size(rng, 40).max(1))
        ),
        6 => format!("{value}E+0"),
        _ => value.to_string(),
    }
}

/// A message: members that are right, nearly right or wrong, in any order, repeated, with odd
/// white space and extra members; sometimes mutated as text.
fn message(rng: &mut Rng, max_len: usize) -> String {
    let height = *pick(
        rng,
        &[49, 50, 51, 412, 412, 412, 9999, 10_000, 10_001, 0, 1],
    );
    let mut members: Vec<String> = Vec::new();
    let type_value = match rng.u8(0..20) {
        0 => "\"sportdash:\\u0068eight\"".to_string(),
        1 => "\"sportdash:height \"".to_string(),
        2 => "\"Sportdash:height\"".to_string(),
        3 => "[\"sportdash:height\"]".to_string(),
        4 => "null".to_string(),
        _ => "\"sportdash:height\"".to_string(),
    };
    let version_value = match rng.u8(0..20) {
        0 => "1.0".to_string(),
        1 => "10e-1".to_string(),
        2 => "\"1\"".to_string(),
        3 => "true".to_string(),
        4 => "2".to_string(),
        5 => "1.0000000000000002".to_string(),
        6 => format!("0.{}", "9".repeat(size(rng, 40).max(1))),
        7 => spelled(rng, 1),
        _ => "1".to_string(),
    };
    let height_value = match rng.u8(0..20) {
        0 => format!("\"{height}\""),
        1 => "-0".to_string(),
        2 => "1e400".to_string(),
        3 => "null".to_string(),
        4 => format!("{height}.5"),
        5 => format!("-{height}"),
        6 => format!("[{height}]"),
        _ => spelled(rng, height),
    };
    let key = |rng: &mut Rng, name: &str| -> String {
        if rng.u8(0..6) == 0 {
            name.chars()
                .map(|c| format!("\\u{:04x}", u32::from(c)))
                .collect()
        } else {
            name.to_string()
        }
    };
    for (name, value) in [
        ("type", type_value),
        ("version", version_value),
        ("height", height_value),
    ] {
        if rng.u8(0..12) != 0 {
            members.push(format!("\"{}\":{value}", key(rng, name)));
        }
    }
    for _ in 0..size(rng, 4) {
        let name = *pick(
            rng,
            &[
                "x",
                "x",
                "x",
                "a",
                "type",
                "version",
                "height",
                "\\ud800",
                "__proto__",
                "",
            ],
        );
        let value = match rng.u8(0..8) {
            0 => "1e400".to_string(),
            1 => "\"\\udc00\"".to_string(),
            2 => {
                let depth = size(rng, max_len / 4).max(1);
                format!("{}{}", "[".repeat(depth), "]".repeat(depth))
            }
            3 => "{\"height\":412,\"a\":\"}\"}".to_string(),
            4 => format!("\"{}\"", weird(rng, 64).replace(['"', '\\'], "")),
            5 => spelled(rng, height),
            6 => "-0".to_string(),
            _ => "\"sportdash:height\"".to_string(),
        };
        members.push(format!("\"{name}\":{value}"));
    }
    rng.shuffle(&mut members);
    // JSON's white space, and now and then a character that is not.
    let space = |rng: &mut Rng| -> &'static str {
        if rng.u8(0..64) == 0 {
            word(rng, &["\u{A0}", "\u{C}", "\u{FEFF}", "\u{3000}", "\u{B}"])
        } else {
            word(rng, &["", "", "", " ", "\n", "\t", "\r\n"])
        }
    };
    let mut text = String::from(space(rng));
    text.push('{');
    for (k, member) in members.iter().enumerate() {
        if k > 0 {
            text.push_str(space(rng));
            text.push(',');
        }
        text.push_str(space(rng));
        text.push_str(&member.replacen(':', &format!("{}:{}", space(rng), space(rng)), 1));
    }
    text.push_str(space(rng));
    text.push('}');
    text.push_str(space(rng));
    match rng.u8(0..16) {
        0 => format!("[{text}]"),
        1 => serde_json::to_string(&text).unwrap_or_default(),
        2 => format!("{text},"),
        3..=6 => {
            mutate(rng, &mut text, JSON_WORDS, &[], max_len);
            text
        }
        7 => weird(rng, max_len),
        _ => text,
    }
}

// ---------------------------------------------------------------------------------------------
// The runner

struct Config {
    /// The first execution: `FUZZ_FROM=n FUZZ_EXECS=1` makes execution `n` again.
    first: u64,
    execs: u64,
    seed: u64,
    max_len: usize,
}

/// What a run did.
struct Figures {
    target: Target,
    execs: u64,
    wall: Duration,
    /// Time spent in the entry points (and their property checks), not making inputs.
    busy: Duration,
    largest_input: usize,
    /// The slowest execution, timed again when over `RETIME_OVER`.
    slowest: Duration,
    slowest_len: usize,
    slowest_n: u64,
    /// The slowest first timing, before timing again.
    slowest_first: Duration,
    peak_kb: Option<u64>,
    outcomes: Vec<u64>,
    failures: Vec<String>,
}

impl Figures {
    fn execs_per_second(&self) -> f64 {
        self.execs as f64 / self.wall.as_secs_f64().max(1e-9)
    }

    fn print(&self) {
        let peak = self.peak_kb.map_or("unknown".to_string(), |kb| {
            format!("{:.1} MB", kb as f64 / 1024.0)
        });
        let outcomes: Vec<String> = self
            .target
            .outcomes()
            .iter()
            .zip(&self.outcomes)
            .map(|(name, count)| {
                format!(
                    "{name} {:.1}%",
                    100.0 * *count as f64 / self.execs.max(1) as f64
                )
            })
            .collect();
        eprintln!(
            "fuzz {}: {} execs in {:.1} s ({:.0} execs/s, {:.0}% of it in the target); largest input {} bytes; slowest execution {:.2} ms (execution {}, input of {} bytes; {:.2} ms before timing again); peak memory (VmHWM) {peak}; {}; failures {}",
            self.target.name(),
            self.execs,
            self.wall.as_secs_f64(),
            self.execs_per_second(),
            100.0 * self.busy.as_secs_f64() / self.wall.as_secs_f64().max(1e-9),
            self.largest_input,
            self.slowest.as_secs_f64() * 1e3,
            self.slowest_n,
            self.slowest_len,
            self.slowest_first.as_secs_f64() * 1e3,
            outcomes.join(", "),
            self.failures.len(),
        );
    }

    /// Fails when an execution panicked or broke a property, took too long, or memory grew too
    /// much.
    fn check(&self, slowest_allowed: Duration) {
        assert!(
            self.failures.is_empty(),
            "{} failing inputs:\n{}",
            self.failures.len(),
            self.failures.join("\n")
        );
        assert!(
            self.slowest < slowest_allowed,
            "{}: slowest execution {:?} (input of {} bytes) is over {slowest_allowed:?}",
            self.target.name(),
            self.slowest,
            self.slowest_len
        );
        if let Some(kb) = self.peak_kb {
            assert!(
                kb < MEMORY_LIMIT_KB,
                "{}: peak memory {kb} kB is over {MEMORY_LIMIT_KB} kB",
                self.target.name()
            );
        }
    }
}

/// Peak resident set size of this process, from /proc (Linux).
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

thread_local! {
    static FUZZING: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

/// While fuzzing, a panic's message is kept for the report instead of printed; otherwise
/// panics show as usual.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if FUZZING.with(Cell::get) {
                LAST_PANIC.with(|last| *last.borrow_mut() = info.to_string());
            } else {
                previous(info);
            }
        }));
    });
}

/// The generator of execution `n`: each execution can be made again on its own.
fn rng_for(seed: u64, n: u64) -> Rng {
    let mut z = seed ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    Rng::with_seed(z ^ (z >> 31))
}

fn crash_dir() -> PathBuf {
    root().join("fuzz/crashes")
}

fn fuzz(target: Target, config: &Config) -> Figures {
    install_panic_hook();
    corpus();
    let mut figures = Figures {
        target,
        execs: 0,
        wall: Duration::ZERO,
        busy: Duration::ZERO,
        largest_input: 0,
        slowest: Duration::ZERO,
        slowest_len: 0,
        slowest_n: 0,
        slowest_first: Duration::ZERO,
        peak_kb: None,
        outcomes: vec![0; target.outcomes().len()],
        failures: Vec::new(),
    };
    let progress_every = (config.execs / 10).max(1);
    let started = Instant::now();
    for n in config.first..config.first + config.execs {
        let mut rng = rng_for(config.seed, n);
        let input = target.generate(&mut rng, config.max_len);
        figures.largest_input = figures.largest_input.max(input.text.len());
        FUZZING.with(|f| f.set(true));
        let began = Instant::now();
        let result = panic::catch_unwind(AssertUnwindSafe(|| target.execute(&input)));
        let took = began.elapsed();
        figures.busy += took;
        FUZZING.with(|f| f.set(false));
        figures.slowest_first = figures.slowest_first.max(took);
        let mut took = took;
        if took > RETIME_OVER && result.is_ok() {
            for _ in 0..3 {
                let began = Instant::now();
                target.execute(&input);
                took = took.min(began.elapsed());
            }
        }
        if took > figures.slowest {
            figures.slowest = took;
            figures.slowest_len = input.text.len();
            figures.slowest_n = n;
        }
        match result {
            Ok(bits) => {
                for (k, count) in figures.outcomes.iter_mut().enumerate() {
                    *count += u64::from(bits >> k & 1);
                }
            }
            Err(_) => {
                let message = LAST_PANIC.with(|last| last.borrow().clone());
                let path = crash_dir().join(format!("{}-{n}.txt", target.name()));
                let saved = std::fs::create_dir_all(crash_dir())
                    .and_then(|()| std::fs::write(&path, &input.text));
                let report =
                    format!(
                    "{} seed {} execution {n} variant {}: {message}\n  input ({} bytes) in {}{}",
                    target.name(),
                    config.seed,
                    input.variant,
                    input.text.len(),
                    path.display(),
                    saved.err().map_or(String::new(), |e| format!(" (not saved: {e})")),
                );
                eprintln!("{report}");
                figures.failures.push(report);
                if figures.failures.len() >= 20 {
                    figures.execs = n + 1 - config.first;
                    break;
                }
            }
        }
        figures.execs = n + 1 - config.first;
        if config.execs >= 100_000 && (n + 1 - config.first).is_multiple_of(progress_every) {
            eprintln!(
                "  {} {}/{} after {:.0} s",
                target.name(),
                n + 1,
                config.execs,
                started.elapsed().as_secs_f64()
            );
        }
    }
    figures.wall = started.elapsed();
    figures.peak_kb = peak_memory_kb();
    figures
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .map(|v| {
            v.replace('_', "")
                .parse()
                .unwrap_or_else(|_| panic!("{name}={v} is not a number"))
        })
        .unwrap_or(default)
}

fn targets_from_env() -> Vec<Target> {
    let wanted = std::env::var("FUZZ_TARGET").unwrap_or_else(|_| "all".to_string());
    if wanted == "all" {
        return TARGETS.to_vec();
    }
    wanted
        .split(',')
        .map(|name| {
            *TARGETS
                .iter()
                .find(|t| t.name() == name)
                .unwrap_or_else(|| panic!("FUZZ_TARGET: no target {name}; one of loader, deck, state, numerals, extract, embed, all"))
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The embed oracle: public/embed.js itself, run by node

/// Runs `messages` through `public/embed.js` in node; `None` when node cannot be started.
fn embed_js(messages: &[String]) -> Option<Vec<Option<u32>>> {
    let mut child = Command::new("node")
        .arg(root().join("fuzz/embed-oracle.mjs"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take().expect("stdin");
    let lines: String = messages
        .iter()
        .map(|m| serde_json::to_string(m).expect("a string serialises") + "\n")
        .collect();
    let writer = std::thread::spawn(move || stdin.write_all(lines.as_bytes()));
    let output = child.wait_with_output().expect("node runs");
    writer
        .join()
        .expect("writer")
        .expect("node reads its input");
    assert!(output.status.success(), "embed-oracle.mjs failed");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let heights: Vec<Option<u32>> = text
        .lines()
        .map(|line| (line != "-").then(|| line.parse().expect("a height")))
        .collect();
    assert_eq!(heights.len(), messages.len(), "one answer per message");
    Some(heights)
}

/// `embed::decode` and `public/embed.js` accept the same messages with the same heights.
/// Returns how many messages were compared: 0 only without node and with `FUZZ_WITHOUT_NODE`.
fn compare_with_embed_js(seed: u64, count: u64, max_len: usize) -> u64 {
    let batch = 20_000;
    let mut compared = 0;
    let mut disagreements = Vec::new();
    let mut n = 0;
    while n < count {
        let messages: Vec<String> = (n..count.min(n + batch))
            .map(|k| cut(message(&mut rng_for(seed, k), max_len), max_len))
            .collect();
        let Some(heights) = embed_js(&messages) else {
            assert!(
                std::env::var_os("FUZZ_WITHOUT_NODE").is_some(),
                "node is not installed, so decode cannot be compared with public/embed.js \
                 (scripts/install-tools.sh installs it; FUZZ_WITHOUT_NODE=1 skips the comparison)"
            );
            eprintln!("FUZZ_WITHOUT_NODE: decode not compared with embed.js");
            return 0;
        };
        for (k, (message, js)) in messages.iter().zip(heights).enumerate() {
            let rust = embed::decode(message);
            if rust != js {
                let path = crash_dir().join(format!("embed-js-{}.txt", n + k as u64));
                let _ = std::fs::create_dir_all(crash_dir());
                let _ = std::fs::write(&path, message);
                disagreements.push(format!(
                    "decode {rust:?}, embed.js {js:?}: {}",
                    path.display()
                ));
            }
        }
        compared += messages.len() as u64;
        n += batch;
    }
    assert!(
        disagreements.is_empty(),
        "decode and embed.js disagree on {} messages:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
    compared
}

// ---------------------------------------------------------------------------------------------
// Tests: the short bounded run, and the long run on demand

/// A short run in `cargo test` (a debug build): about a second per target on 2 cores.
fn short(target: Target, execs: u64) {
    let figures = fuzz(
        target,
        &Config {
            first: 0,
            execs,
            seed: 6,
            max_len: 16 * 1024,
        },
    );
    figures.print();
    figures.check(SLOWEST_ALLOWED_DEBUG);
    assert_eq!(figures.execs, execs);
    // The inputs reach past the first check in a fair share of executions.
    for (name, count) in target.outcomes().iter().zip(&figures.outcomes) {
        assert!(*count > 0, "{}: no input got to \"{name}\"", target.name());
    }
}

#[test]
fn short_loader() {
    short(Target::Loader, 1_500);
}

#[test]
fn short_deck() {
    short(Target::Deck, 3_000);
}

#[test]
fn short_state() {
    short(Target::State, 20_000);
}

#[test]
fn short_numerals() {
    short(Target::Numerals, 10_000);
}

#[test]
fn short_extract() {
    short(Target::Extract, 3_000);
}

#[test]
fn short_embed() {
    short(Target::Embed, 20_000);
}

#[test]
fn decode_agrees_with_embed_js() {
    let compared = compare_with_embed_js(6, 20_000, 16 * 1024);
    eprintln!("decode and embed.js agree on {compared} messages");
}

/// The long run: `FUZZ_TARGET=<target|all> FUZZ_EXECS=<n> cargo test --release --test fuzz --
/// --ignored --nocapture`.
#[test]
#[ignore = "long run: set FUZZ_TARGET and FUZZ_EXECS, build with --release"]
fn long_run() {
    let config = Config {
        first: env_number("FUZZ_FROM", 0),
        execs: env_number("FUZZ_EXECS", 1_000_000),
        seed: env_number("FUZZ_SEED", 1),
        max_len: env_number("FUZZ_MAX_LEN", DEFAULT_MAX_LEN as u64) as usize,
    };
    eprintln!(
        "fuzz: seed {}, max input {} bytes, {} execs per target, limits: {SLOWEST_ALLOWED:?} per execution, {} MB peak",
        config.seed,
        config.max_len,
        config.execs,
        MEMORY_LIMIT_KB / 1024
    );
    let mut all = Vec::new();
    for target in targets_from_env() {
        let figures = fuzz(target, &config);
        figures.print();
        if target == Target::Embed {
            let oracle = env_number("FUZZ_ORACLE_EXECS", 0);
            if oracle > 0 {
                let started = Instant::now();
                let compared = compare_with_embed_js(config.seed, oracle, config.max_len);
                eprintln!(
                    "fuzz embed: decode and embed.js agree on {compared} messages ({:.1} s)",
                    started.elapsed().as_secs_f64()
                );
            }
        }
        all.push(figures);
    }
    for figures in &all {
        figures.check(SLOWEST_ALLOWED);
    }
}

/// Runs a saved input again with every variant, panics shown:
/// `FUZZ_REPLAY=fuzz/crashes/<file> FUZZ_TARGET=<target> cargo test --test fuzz replay -- --ignored --nocapture`.
#[test]
#[ignore = "set FUZZ_REPLAY and FUZZ_TARGET"]
fn replay() {
    let path = std::env::var("FUZZ_REPLAY").expect("FUZZ_REPLAY=<file>");
    let text = std::fs::read_to_string(&path).expect("the input");
    for target in targets_from_env() {
        for variant in 0..target.variants() {
            eprintln!("{} variant {variant}", target.name());
            let outcome = target.execute(&Input {
                text: text.clone(),
                variant,
            });
            eprintln!("  outcome bits {outcome:02b}");
        }
    }
}
