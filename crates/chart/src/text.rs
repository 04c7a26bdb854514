//! Measuring and fitting text without a font at hand, and the numbers written on axes.

use sportdash_core::format;
use sportdash_core::query::{Cell, ChartData};

/// Roughly how wide text is: CJK glyphs are square, Latin ones about half as wide.
pub fn estimate_width(text: &str, size: f64) -> i32 {
    let units: f64 = text
        .chars()
        .map(|c| if c.is_ascii() { 0.58 } else { 1.0 })
        .sum();
    (units * size).round() as i32
}

/// Shortens `text` to fit `width` pixels, ending with "…" when cut.
pub fn fit(text: &str, size: f64, width: i32) -> String {
    if estimate_width(text, size) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if estimate_width(&format!("{out}{c}…"), size) > width {
            break;
        }
        out.push(c);
    }
    format!("{out}…")
}

/// Splits `text` into at most `lines` lines that fit `width` pixels; the last one ends in "…" if cut.
pub fn wrap(text: &str, size: f64, width: i32, lines: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest: Vec<char> = text.chars().collect();
    while !rest.is_empty() && out.len() < lines {
        if out.len() + 1 == lines {
            out.push(fit(&rest.iter().collect::<String>(), size, width));
            break;
        }
        let mut take = 0;
        while take < rest.len()
            && estimate_width(&rest[..=take].iter().collect::<String>(), size) <= width
        {
            take += 1;
        }
        // Latin text breaks between words, not inside one; Chinese between any two characters.
        let may_break = |i: usize| {
            let (before, after) = (rest[i - 1], rest[i]);
            before == ' ' || !before.is_ascii() || !after.is_ascii()
        };
        if take > 0 && take < rest.len() && !may_break(take) {
            if let Some(at) = (1..take).rev().find(|&i| may_break(i)) {
                take = at;
            }
        }
        let take = take.max(1);
        out.push(
            rest[..take]
                .iter()
                .collect::<String>()
                .trim_end()
                .to_string(),
        );
        rest.drain(..take);
    }
    out
}

/// Whether every value drawn is a whole number (counts), so the axis needs no fractions.
pub(crate) fn whole_numbers(data: &ChartData) -> bool {
    data.rows.iter().all(|r| match &r.cell {
        Cell::Value {
            value, value_max, ..
        } => value.fract() == 0.0 && value_max.is_none_or(|m| m.fract() == 0.0),
        Cell::Reference { value, .. } => value.fract() == 0.0,
        Cell::NoData => true,
    })
}

/// An axis tick label; fractional ticks are left blank on an axis of whole numbers.
pub(crate) fn axis_number(value: f64, whole: bool) -> String {
    if whole && (value - value.round()).abs() > 1e-9 {
        String::new()
    } else {
        format::number(value)
    }
}

/// A round axis top a little above `max`, so value labels have room.
pub(crate) fn nice_top(max: f64) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let padded = max * 1.18;
    let magnitude = 10f64.powf(padded.log10().floor());
    let step = [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .into_iter()
        .find(|s| s * magnitude >= padded)
        .unwrap_or(10.0);
    step * magnitude
}
