//! The loader: `load::dataset` + `validate::dataset` for the six sections;
//! `load::catalog` + `validate::catalog` + `validate::dataset` of a real section for entities,
//! indicators and reports. Properties: no record lost silently, a repeated key refused, and
//! every id the validator lets through travels in a link.

use fastrand::Rng;
use serde_json::Value;
use sportdash_core::model::{Catalog, Category};
use sportdash_core::state::{self, ViewState};
use sportdash_core::{load, validate};

use super::data_files::{deep_json, structured_file};
use super::show_all;
use crate::corpus::{parse_json, Corpus};
use crate::mutate::{mutate, pick, random_string, weird, JSON_WORDS};

/// 0 to 5: a section (`Category::ALL`); 6: entities, 7: indicators, 8: reports.
pub const VARIANTS: u8 = 9;
const SECTIONS: usize = Category::ALL.len();

pub fn loader_text(rng: &mut Rng, corpus: &Corpus, variant: u8, max_len: usize) -> String {
    // Mostly the file's own records; for a section, sometimes another's (the wrong dataset).
    let shape = if usize::from(variant) < SECTIONS && rng.u8(0..8) == 0 {
        &corpus.shapes[rng.usize(0..SECTIONS)]
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

pub fn run_loader(text: &str, variant: u8) -> u8 {
    let corpus = crate::corpus::corpus();
    // Report texts for the verbatim-quote check on every fourth input, decided by the input.
    let reports = text.len().is_multiple_of(4).then_some(&corpus.report_texts);
    match Category::ALL.get(usize::from(variant)) {
        Some(&category) => run_section(text, category, reports),
        None => run_catalog(text, usize::from(variant) - SECTIONS, reports),
    }
}

/// A section's file, validated against the data's catalog.
fn run_section(text: &str, category: Category, reports: Option<&validate::ReportTexts>) -> u8 {
    let corpus = crate::corpus::corpus();
    let file = category.dataset_file();
    let loaded = load::dataset(&file, text, category);
    show_all(&loaded.diagnostics);
    repeated_keys_refused(text, &file, &loaded.diagnostics);
    let Some(dataset) = loaded.value else {
        return 0;
    };
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
    1 | if kept.observations.is_empty() { 0 } else { 2 }
}

/// One of the catalog's files (`which`: 0 entities, 1 indicators, 2 reports) in place of the
/// data's, and a real section validated against the catalog.
fn run_catalog(text: &str, which: usize, reports: Option<&validate::ReportTexts>) -> u8 {
    let corpus = crate::corpus::corpus();
    let mut files = [
        corpus.entities.as_str(),
        corpus.indicators.as_str(),
        corpus.reports.as_str(),
    ];
    files[which] = text;
    let loaded = load::catalog(files[0], files[1], files[2]);
    show_all(&loaded.diagnostics);
    let names = [
        load::ENTITIES_FILE,
        load::INDICATORS_FILE,
        load::REPORTS_FILE,
    ];
    repeated_keys_refused(text, names[which], &loaded.diagnostics);
    let Some(catalog) = loaded.value else {
        return 0;
    };
    let (key, count) = match which {
        0 => ("entities", catalog.entities.len()),
        1 => ("indicators", catalog.indicators.len()),
        _ => ("reports", catalog.reports.len()),
    };
    none_lost_loading(text, key, count, &loaded.diagnostics);
    let problems = validate::catalog(&catalog);
    show_all(&problems);
    ids_travel_in_links(&catalog, &problems);
    // A real dataset against the fuzzed catalog.
    let (category, dataset) = &corpus.datasets[text.len() % corpus.datasets.len()];
    let file = category.dataset_file();
    let (kept, diagnostics) = validate::dataset(&catalog, &file, dataset.clone(), reports);
    show_all(&diagnostics);
    none_lost_validating(
        dataset.observations.len(),
        kept.observations.len(),
        &diagnostics,
    );
    1 | if kept.observations.is_empty() { 0 } else { 2 }
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

/// Every place and indicator the validator lets through can be carried by a link and read back.
fn ids_travel_in_links(catalog: &Catalog, problems: &[load::Diagnostic]) {
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
