//! What the score examples share: locating an answer's quote in its report, and matching
//! answers to what was proposed.

use sportdash_core::numerals;

/// Where `quote` occurs in `text`, as byte ranges (white space ignored), after checking that it
/// occurs and writes `value`.
pub fn locate(
    text: &str,
    doc: &str,
    quote: &str,
    value: f64,
) -> Result<Vec<(usize, usize)>, String> {
    let visible: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .collect();
    let wanted: Vec<char> = quote.chars().filter(|c| !c.is_whitespace()).collect();
    let written = numerals::spans(quote)
        .iter()
        .any(|(_, found)| same(*found, value))
        || numerals::writes_number(quote, value);
    if wanted.is_empty() || !written {
        return Err(format!(
            "{doc}: the answer quote \"{quote}\" does not write {value}"
        ));
    }
    let places: Vec<(usize, usize)> = visible
        .windows(wanted.len())
        .filter(|window| window.iter().map(|&(_, c)| c).eq(wanted.iter().copied()))
        .map(|window| {
            let (last_at, last) = window[window.len() - 1];
            (window[0].0, last_at + last.len_utf8())
        })
        .collect();
    if places.is_empty() {
        return Err(format!(
            "{doc}: the answer quote \"{quote}\" is not in the report"
        ));
    }
    Ok(places)
}

pub fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

/// Whether a found number (value, range end, byte offset) is the answer's: the same value and
/// range, at a place inside one of the answer's quotes.
pub fn fits(
    answer: (f64, Option<f64>),
    found: (f64, Option<f64>, usize),
    places: &[(usize, usize)],
) -> bool {
    same(answer.0, found.0)
        && match (answer.1, found.1) {
            (None, None) => true,
            (Some(x), Some(y)) => same(x, y),
            _ => false,
        }
        && places
            .iter()
            .any(|&(start, end)| (start..end).contains(&found.2))
}

/// A matching built in stages, each with a looser `fits` than the one before, each augmenting
/// the matching so far: where two numbers could each be an answer (the two 2s of 3金2银2铜), the
/// pairs that agree on more are made first.
pub fn staged_matching(
    answers: usize,
    candidates: usize,
    stages: &[&dyn Fn(usize, usize) -> bool],
) -> Vec<(usize, usize)> {
    let mut owner: Vec<Option<usize>> = vec![None; candidates];
    fn augment(
        a: usize,
        candidates: usize,
        fits: &dyn Fn(usize, usize) -> bool,
        seen: &mut [bool],
        owner: &mut [Option<usize>],
    ) -> bool {
        for c in 0..candidates {
            if fits(a, c) && !seen[c] {
                seen[c] = true;
                if owner[c].is_none_or(|other| augment(other, candidates, fits, seen, owner)) {
                    owner[c] = Some(a);
                    return true;
                }
            }
        }
        false
    }
    for fits in stages {
        for a in 0..answers {
            if owner.contains(&Some(a)) {
                continue;
            }
            let mut seen = vec![false; candidates];
            augment(a, candidates, *fits, &mut seen, &mut owner);
        }
    }
    owner
        .iter()
        .enumerate()
        .filter_map(|(c, a)| a.map(|a| (a, c)))
        .collect()
}

pub fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "–".to_string()
    } else {
        format!("{:.1}%", 100.0 * part as f64 / whole as f64)
    }
}

pub fn flat(quote: &str) -> String {
    quote.split_whitespace().collect()
}
