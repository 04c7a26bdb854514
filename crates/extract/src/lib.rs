//! Proposing observations from a report's text: every number that counts, measures or ranks
//! something, with its unit, qualifier, year, status, a proposed indicator where a keyword rule
//! knows one, and a short verbatim quote. Pure: text in, candidates and notes out; never panics.
//!
//! How a number is read, in order:
//! 1. The text is looked at without white space (numbers and words run across line breaks and
//!    spaces, "全年共接待 31 次"), full-width forms read as ASCII; white space still ends a
//!    number, and a line break after a heading (a short line, or one without punctuation) ends
//!    a clause.
//! 2. A number is Arabic (61.56, ３１) or a run of Chinese numerals that writes a quantity
//!    (十余, 两, 近百's 百), possibly a range (8至10, 4-7) and a multiplier (3.5万, 1.2亿).
//! 3. It is kept when a unit follows (名, 万元, %, … see [`UNITS`]), or a medal colour
//!    (1金2银3铜), or when it is a rank (第三名, 居全省第二位, 排名第三). Everything else is
//!    left out with a note: years and dates, ordinals (第十四届), codes and phone numbers (no
//!    unit), numbers in quotation marks and titles (“两个维护”, 《…第三卷》), 一 as an article,
//!    frequencies (每四年), anaphora (这两场), idioms (两人三足), spans of years (五年来).
//! 4. Qualifiers: 约, 近, 左右 → approximate; 余, 多, 以上, 超过, 至少 → at least; 不足, 以下 →
//!    at most; 8至10 → range.
//! 5. The year is the one the sentence names (stated), else 今年 → the latest year the report
//!    names, else the report year given in [`Options`]; plans (计划, 力争, 拟, 今年…将, a year
//!    after the report's) are targets.

pub mod document;
mod layout;
mod numbers;
mod propose;
mod reader;
pub mod review;
mod rules;
mod text;

use serde::Serialize;

use sportdash_core::load::MAX_REPORT_BYTES;
use sportdash_core::model::{Qualifier, Source, Status, Text, YearBasis};

use layout::Layout;
pub use propose::propose;
use reader::Reader;
pub use rules::{rule_indicators, UNITS};
use text::prepare;

/// What the caller knows about the report.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The report's file name, written into every candidate's `source.doc`.
    pub doc: String,
    /// The place the report is about, when known.
    pub entity: Option<String>,
    /// The year the report reviews, when known.
    pub year: Option<i32>,
}

/// A proposed observation, in the data's schema except that entity, year and indicator may be
/// open (`null`) for a person to fill in.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Candidate {
    pub entity: Option<String>,
    pub year: Option<i32>,
    pub year_basis: Option<YearBasis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year_note: Option<Text>,
    pub indicator: Option<String>,
    #[serde(serialize_with = "as_written")]
    pub value: f64,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "as_written_if_any"
    )]
    pub value_max: Option<f64>,
    pub qualifier: Qualifier,
    pub unit: String,
    pub status: Status,
    pub source: Source,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Byte offset of the number in the report text (not part of the data schema).
    #[serde(skip)]
    pub offset: usize,
}

/// Whole numbers as integers (120, not 120.0), as the data files write them.
fn as_written<S: serde::Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 9e15 {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

fn as_written_if_any<S: serde::Serializer>(
    value: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => as_written(value, serializer),
        None => serializer.serialize_none(),
    }
}

/// A number that was not proposed, or something a curator should check, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    /// Byte offset in the report text.
    pub offset: usize,
    /// The number as written.
    pub number: String,
    pub message: String,
}

/// Why a text is not read.
pub fn too_long(bytes: usize) -> String {
    format!(
        "the text is {:.1} MB; a report is read up to {} MB",
        bytes as f64 / 1_048_576.0,
        MAX_REPORT_BYTES / 1_048_576
    )
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extracted {
    pub candidates: Vec<Candidate>,
    pub notes: Vec<Note>,
}

/// Proposes observations from `text`.
pub fn extract(text: &str, options: &Options) -> Extracted {
    if text.len() > MAX_REPORT_BYTES {
        return Extracted {
            candidates: Vec::new(),
            notes: vec![Note {
                offset: 0,
                number: String::new(),
                message: too_long(text.len()),
            }],
        };
    }
    let chars = prepare(text);
    let layout = Layout::new(&chars);
    Reader::new(text, &chars, &layout, options).read_all()
}

#[cfg(test)]
/// What the unit tests share: the report they read, and its one candidate.
mod test_support {
    use crate::{extract, Candidate, Options};

    pub(crate) fn options(year: Option<i32>) -> Options {
        Options {
            doc: "report.txt".to_string(),
            entity: Some("city".to_string()),
            year,
        }
    }

    pub(crate) fn only(text: &str, year: Option<i32>) -> Candidate {
        let found = extract(text, &options(year)).candidates;
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }
}
