//! National reference values: read from `references.json` and checked against the catalog.
//! A reference that cannot be used (unknown indicator, no URL, a year out of range …) is left
//! out and named, like any record.

use std::collections::HashSet;

use crate::load::{self, Diagnostic, Loaded};
use crate::model::{Catalog, Qualifier, Reference, Text};
use crate::units;
use crate::validate::{publication_year, FIRST_YEAR, LAST_YEAR};

pub const REFERENCES_FILE: &str = "references.json";

/// Our one-line note is a line, not the publication's text.
const NOTE_CHARS: usize = 200;
const TITLE_CHARS: usize = 300;

/// The references from `text` that the catalog can show, and every problem found. `text` is
/// the file's text, or why it could not be had: without references every view still draws.
pub fn read(catalog: &Catalog, text: Result<&str, &str>) -> Loaded<Vec<Reference>> {
    let loaded: Loaded<Vec<Reference>> = match text {
        Ok(text) => load::records(REFERENCES_FILE, text, "references"),
        Err(why) => Loaded {
            value: None,
            diagnostics: vec![Diagnostic::file_error(REFERENCES_FILE, why)],
        },
    };
    let mut diagnostics = loaded.diagnostics;
    let mut seen = HashSet::new();
    let kept = loaded.value.map(|references| {
        references
            .into_iter()
            .enumerate()
            .filter_map(|(index, reference)| {
                let mut problems = problems(catalog, &reference);
                if !seen.insert((reference.indicator.clone(), reference.kind, reference.year)) {
                    problems.push((
                        "year",
                        "a second value for the same indicator, kind and year".to_string(),
                    ));
                }
                let record = format!(
                    "references[{index}] ({} {} {})",
                    reference.indicator,
                    reference.year,
                    reference.kind.name()
                );
                let keep = problems.is_empty();
                diagnostics.extend(problems.into_iter().map(|(field, message)| {
                    Diagnostic::record_error(REFERENCES_FILE, record.clone(), Some(field), message)
                }));
                keep.then_some(reference)
            })
            .collect()
    });
    Loaded {
        value: kept,
        diagnostics,
    }
}

/// What is wrong with one reference, field by field.
fn problems(catalog: &Catalog, reference: &Reference) -> Vec<(&'static str, String)> {
    let mut found = Vec::new();
    match catalog.indicator(&reference.indicator) {
        None => found.push((
            "indicator",
            format!("unknown indicator \"{}\"", reference.indicator),
        )),
        Some(indicator) => {
            if units::convert(1.0, &reference.unit, &indicator.unit).is_none() {
                found.push((
                    "unit",
                    format!(
                        "\"{}\" does not convert to the indicator's unit \"{}\"",
                        reference.unit, indicator.unit
                    ),
                ));
            }
        }
    }
    if !(FIRST_YEAR..=LAST_YEAR).contains(&reference.year) {
        found.push((
            "year",
            format!("{} is outside {FIRST_YEAR}–{LAST_YEAR}", reference.year),
        ));
    }
    if !reference.value.is_finite() || reference.value < 0.0 {
        found.push((
            "value",
            format!("{} is not a count or a measure", reference.value),
        ));
    }
    if reference.qualifier == Qualifier::Range {
        found.push((
            "qualifier",
            "a reference is one number; a range is not a yardstick".to_string(),
        ));
    }
    let citation = &reference.citation;
    if !is_web_address(&citation.url) {
        found.push((
            "citation.url",
            if citation.url.trim().is_empty() {
                "no URL: cite where the figure was published".to_string()
            } else {
                format!("\"{}\" is not an http(s) address", citation.url)
            },
        ));
    }
    for (field, text) in [
        ("citation.publisher", &citation.publisher),
        ("citation.title", &citation.title),
    ] {
        if let Some(problem) = text_problem(text, TITLE_CHARS) {
            found.push((field, problem));
        }
    }
    let year = publication_year(&citation.published);
    if year.is_none_or(|y| !(FIRST_YEAR..=LAST_YEAR + 1).contains(&y))
        || !is_date(&citation.published)
    {
        found.push((
            "citation.published",
            format!(
                "\"{}\" is not a date (YYYY-MM-DD or YYYY-MM)",
                citation.published
            ),
        ));
    }
    if let Some(problem) = text_problem(&reference.note, NOTE_CHARS) {
        found.push(("note", problem));
    }
    found
}

fn text_problem(text: &Text, most: usize) -> Option<String> {
    if text.zh.trim().is_empty() {
        return Some("empty".to_string());
    }
    crate::validate::text_problem(text, most)
}

/// `http://` or `https://` and a host, without white space.
pub fn is_web_address(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split('/').next().unwrap_or("");
        host.contains('.') && !url.chars().any(char::is_whitespace) && url.len() <= 2000
    })
}

/// `YYYY-MM` or `YYYY-MM-DD` with a real month and day.
fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize| {
        (s.len() == len && s.chars().all(|c| c.is_ascii_digit())).then(|| s.parse::<u32>().ok())
    };
    match parts.as_slice() {
        [year, month] => {
            number(year, 4).is_some() && matches!(number(month, 2), Some(Some(1..=12)))
        }
        [year, month, day] => {
            number(year, 4).is_some()
                && matches!(number(month, 2), Some(Some(1..=12)))
                && matches!(number(day, 2), Some(Some(1..=31)))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, Indicator};

    fn catalog() -> Catalog {
        Catalog::new(
            Vec::new(),
            vec![Indicator {
                id: "sports_area_per_capita".into(),
                name: Text {
                    zh: "人均体育场地面积".into(),
                    en: None,
                },
                unit: "平方米".into(),
                category: Category::Facilities,
                higher_is_better: true,
                description: Text::default(),
                file: None,
                standard: true,
                relative: true,
            }],
            Vec::new(),
        )
    }

    fn record(change: &str) -> String {
        let good = r#"{"indicator": "sports_area_per_capita", "kind": "national", "year": 2022,
            "value": 2.62, "qualifier": "exact", "unit": "平方米",
            "citation": {"publisher": {"zh": "国家体育总局"}, "title": {"zh": "2022年全国体育场地统计调查数据"},
                         "published": "2023-03", "url": "https://www.sport.gov.cn/"},
            "note": {"zh": "全国人均体育场地面积。"}}"#;
        let (from, to) = change.split_once(" => ").unwrap_or(("", ""));
        format!(r#"{{"references": [{}]}}"#, good.replacen(from, to, 1))
    }

    /// Each case: a change to a good record, and the field and words of the error it gives
    /// (nothing for the good record itself).
    #[test]
    fn bad_references_are_named_by_field() {
        let cases = [
            ("", None),
            (
                r#""url": "https://www.sport.gov.cn/" => "url": """#,
                Some(("citation.url", "no URL")),
            ),
            (
                r#""url": "https://www.sport.gov.cn/" => "url": "sport.gov.cn""#,
                Some(("citation.url", "not an http(s) address")),
            ),
            (
                r#""year": 2022 => "year": 2090"#,
                Some(("year", "outside 1990–2035")),
            ),
            (
                r#""indicator": "sports_area_per_capita" => "indicator": "area""#,
                Some(("indicator", "unknown indicator \"area\"")),
            ),
            (
                r#""unit": "平方米" => "unit": "个""#,
                Some(("unit", "does not convert")),
            ),
            (
                r#""published": "2023-03" => "published": "March 2023""#,
                Some(("citation.published", "not a date")),
            ),
            (
                r#""note": {"zh": "全国人均体育场地面积。"} => "note": {"zh": " "}"#,
                Some(("note", "empty")),
            ),
        ];
        for (change, expected) in cases {
            let loaded = read(&catalog(), Ok(&record(change)));
            let kept = loaded.value.expect("the file reads").len();
            match expected {
                None => {
                    assert_eq!(kept, 1, "{change}: {:?}", loaded.diagnostics);
                    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
                }
                Some((field, words)) => {
                    assert_eq!(kept, 0, "{change}");
                    let found = loaded.diagnostics.iter().any(|d| {
                        d.file == REFERENCES_FILE
                            && d.field.as_deref() == Some(field)
                            && d.message.contains(words)
                            && d.record
                                .as_deref()
                                .is_some_and(|r| r.starts_with("references[0]"))
                    });
                    assert!(found, "{change}: {:?}", loaded.diagnostics);
                }
            }
        }
    }

    #[test]
    fn a_second_value_for_the_same_year_is_refused() {
        let one = record("");
        let body = one
            .trim_start_matches(r#"{"references": ["#)
            .trim_end_matches("]}");
        let two = format!(r#"{{"references": [{body}, {body}]}}"#);
        let loaded = read(&catalog(), Ok(&two));
        assert_eq!(loaded.value.map(|v| v.len()), Some(1));
        assert!(loaded.diagnostics[0]
            .record
            .as_deref()
            .is_some_and(|r| r.starts_with("references[1]")));
    }

    #[test]
    fn a_missing_file_is_named_and_leaves_none() {
        let loaded = read(&catalog(), Err("404 Not Found"));
        assert!(loaded.value.is_none());
        assert_eq!(loaded.diagnostics[0].file, REFERENCES_FILE);
    }
}
