//! The extractor: `extract::extract` with six sets of `Options`. Candidates sit at a number and
//! quote the text verbatim, notes point at what they name, and candidates serialise.

use fastrand::Rng;
use sportdash_core::numerals;
use sportdash_extract::{self as extract, Options};

use super::numerals::numeral_text;
use crate::corpus::Corpus;
use crate::mutate::{mutate, pick, random_string, size, weird, word, NUMERALS, WORDS};

/// Which `Options` an input runs with (see `extract_options`).
pub const VARIANTS: u8 = 6;

pub fn report_text(rng: &mut Rng, corpus: &Corpus, max_len: usize) -> String {
    match rng.u8(0..10) {
        0..=4 => sentences(rng, corpus, max_len),
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

/// Lines of sentences, headings and paragraph breaks, some sentences mutated.
fn sentences(rng: &mut Rng, corpus: &Corpus, max_len: usize) -> String {
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

pub fn run_extract(text: &str, variant: u8) -> u8 {
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
