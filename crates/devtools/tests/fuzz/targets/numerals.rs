//! The numeral reader: `numbers_in`, `spans`, `parse_chinese`, `chinese_quantity`,
//! `writes_number`, `half_width`, `chinese_digit`, `chinese_unit`.

use fastrand::Rng;
use sportdash_core::numerals;

use crate::corpus::Corpus;
use crate::mutate::{mutate, pick, random_string, size, weird, word, NUMERALS, WORDS};

const CHINESE_NUMERALS: &str = "零〇一二两三四五六七八九十百千万亿";
const DIGITS_AND_SEPARATORS: &str = "0123456789０１２３４５６７８９.,，．";

pub fn numeral_text(rng: &mut Rng, corpus: &Corpus, max_len: usize) -> String {
    match rng.u8(0..10) {
        0..=4 => numbers_and_words(rng, max_len),
        5..=7 => {
            let mut text = pick(rng, &corpus.sentences).clone();
            mutate(rng, &mut text, NUMERALS, &corpus.sentences, max_len);
            text
        }
        8 => weird(rng, max_len),
        _ => random_string(rng, max_len),
    }
}

/// Numbers as the reports write them, words, runs of numerals or digits and odd strings.
fn numbers_and_words(rng: &mut Rng, max_len: usize) -> String {
    let mut text = String::new();
    for _ in 0..rng.usize(1..=12) {
        match rng.u8(0..6) {
            0 | 1 => text.push_str(word(rng, NUMERALS)),
            2 => text.push_str(word(rng, WORDS)),
            3 => text.push_str(&run_of(rng, CHINESE_NUMERALS)),
            4 => text.push_str(&run_of(rng, DIGITS_AND_SEPARATORS)),
            _ => text.push_str(&weird(rng, max_len)),
        }
    }
    text
}

/// Up to 40 characters picked from `chars`.
fn run_of(rng: &mut Rng, chars: &str) -> String {
    let chars: Vec<char> = chars.chars().collect();
    let n = size(rng, 40).max(1);
    (0..n).map(|_| *pick(rng, &chars)).collect()
}

pub fn run_numerals(text: &str) -> u8 {
    let numbers = numerals::numbers_in(text);
    numbers_are_written(text, &numbers);
    for weird in [f64::NAN, f64::INFINITY, -0.0, 1e308, -1.0, 5e-324] {
        let _ = numerals::writes_number(text, weird);
    }
    spans_in_order(text);
    let _ = numerals::parse_chinese(text);
    let _ = numerals::chinese_quantity(text);
    let quantities = chinese_runs(text);
    for c in text.chars().take(64) {
        let _ = (numerals::half_width(c), numerals::chinese_digit(c));
        let _ = numerals::chinese_unit(c);
    }
    u8::from(!numbers.is_empty()) | (u8::from(quantities) << 1)
}

/// `numbers_in` finds no NaN, and `writes_number` agrees with what it finds.
fn numbers_are_written(text: &str, numbers: &[f64]) {
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
}

/// Spans are in order and on character boundaries, and none is NaN.
fn spans_in_order(text: &str) {
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
}

/// Every run of Chinese numerals on its own: a quantity is finite and equals the reading.
/// Whether any run was a quantity.
fn chinese_runs(text: &str) -> bool {
    let mut any = false;
    let mut rest = text;
    while let Some(start) = rest.find(numerals::is_chinese_numeral) {
        let run_len = rest[start..]
            .find(|c| !numerals::is_chinese_numeral(c))
            .unwrap_or(rest.len() - start);
        let run = &rest[start..start + run_len];
        let value = numerals::parse_chinese(run);
        if let Some(quantity) = numerals::chinese_quantity(run) {
            any = true;
            assert!(quantity.is_finite(), "{run:?}: infinite quantity");
            assert_eq!(quantity, value, "{run:?}: quantity and reading differ");
        }
        rest = &rest[start + run_len..];
    }
    any
}
