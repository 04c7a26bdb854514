//! The slide deck: `deck::parse` + `validate::deck`. Every slide is kept or reported, and a
//! slide kept either names a section whose link round-trips or has an error naming it.

use fastrand::Rng;
use serde_json::Value;
use sportdash_core::deck::{self, Slide};
use sportdash_core::{load, validate};

use super::data_files::{deep_json, mutate_record};
use super::show_all;
use super::state::{check_round_trip, query};
use crate::corpus::{parse_json, Corpus, DECK_SHAPE};
use crate::mutate::{mutate, pick, size, weird, JSON_WORDS};

pub fn deck_text(rng: &mut Rng, corpus: &Corpus, max_len: usize) -> String {
    match rng.u8(0..10) {
        0..=4 => structured_deck(rng, corpus),
        5..=7 => {
            let mut text = corpus.deck.clone();
            mutate(rng, &mut text, JSON_WORDS, &corpus.json, max_len);
            text
        }
        8 => deep_json(rng, max_len).replace("observations", "slides"),
        _ => weird(rng, max_len),
    }
}

/// Slides of the real deck, each given a random link or mutated as a record.
fn structured_deck(rng: &mut Rng, corpus: &Corpus) -> String {
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

pub fn run_deck(text: &str) -> u8 {
    let corpus = crate::corpus::corpus();
    let loaded = deck::parse(deck::DECK_FILE, text);
    show_all(&loaded.diagnostics);
    let Some(slides) = loaded.value else {
        return 0;
    };
    show_all(&validate::deck(&corpus.catalog, deck::DECK_FILE, &slides));
    if let Some(listed) = parse_json(text).get("slides").and_then(Value::as_array) {
        none_dropped(listed.len(), &slides, &loaded.diagnostics);
    }
    for (index, slide) in slides.iter().enumerate() {
        shown_or_named(index, slide, &loaded.diagnostics);
    }
    1 | if slides.iter().all(|s| s.problem.is_none()) {
        2
    } else {
        0
    }
}

/// Every slide listed is kept or reported, none dropped silently.
fn none_dropped(listed: usize, slides: &[Slide], diagnostics: &[load::Diagnostic]) {
    let kept: Vec<String> = slides
        .iter()
        .enumerate()
        .map(|(i, slide)| deck::record_name(i, &slide.title))
        .collect();
    let mut refused: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .filter_map(|d| d.record.as_deref())
        .filter(|r| !kept.iter().any(|k| k == r))
        .collect();
    refused.sort_unstable();
    refused.dedup();
    let reported = refused.len();
    assert_eq!(
        listed,
        slides.len() + reported,
        "every slide is kept or reported, none dropped silently"
    );
}

/// A slide with a section round-trips through its link; one that cannot be shown keeps its
/// place and an error naming it.
fn shown_or_named(index: usize, slide: &Slide, diagnostics: &[load::Diagnostic]) {
    if slide.state.view.is_some() {
        check_round_trip(&slide.state);
        return;
    }
    assert!(
        slide.problem.is_some(),
        "slide {index} lost its section silently"
    );
    let name = deck::record_name(index, &slide.title);
    assert!(
        diagnostics
            .iter()
            .any(|d| d.is_error() && d.record.as_deref() == Some(name.as_str())),
        "slide {index} without a section has no error naming it"
    );
}
