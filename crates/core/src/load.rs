//! Reading data files: JSON text in, model plus diagnostics out. Never panics on bad input.
//!
//! A file that is not JSON or has the wrong top-level shape yields no value; a record that
//! breaks the schema is left out and reported, naming the file, the record and the field.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use serde_json::Value;

use crate::model::{Catalog, Category, Dataset, Entity, Indicator, Observation, Report};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in the data, precise enough to find and fix it.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    /// Which record, e.g. `observations[12] (jiaozuo 2021 medals_gold)`.
    pub record: Option<String>,
    /// Which field, e.g. `source.quote`.
    pub field: Option<String>,
    pub message: String,
}

impl Diagnostic {
    pub fn file_error(file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            record: None,
            field: None,
            message: message.into(),
        }
    }

    pub fn record_error(
        file: &str,
        record: impl Into<String>,
        field: Option<&str>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            record: Some(record.into()),
            field: field.map(str::to_string),
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(record) = &self.record {
            write!(f, ": {record}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": field `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A result that carries its diagnostics. `value` is `None` when the file is unusable.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded<T> {
    pub value: Option<T>,
    pub diagnostics: Vec<Diagnostic>,
}

impl<T> Loaded<T> {
    fn failed(diagnostic: Diagnostic) -> Self {
        Loaded {
            value: None,
            diagnostics: vec![diagnostic],
        }
    }
}

/// A data file larger than this is refused, in the browser as it arrives and on disk before it
/// is read: no view needs one this big (a national indicator's file is about 10 MB).
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

/// Why a data file's bytes were refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BodyError {
    /// More than `MAX_BYTES`: reading stopped at the limit.
    TooLarge,
    /// Not UTF-8 text.
    NotText,
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BodyError::TooLarge => write!(
                f,
                "too large (over {} MB, the limit)",
                MAX_BYTES / 1_048_576
            ),
            BodyError::NotText => f.write_str("not UTF-8 text"),
        }
    }
}

/// A data file's bytes as they arrive in pieces, refused as soon as they pass `limit`: the
/// limit holds whatever the server says of the size, and however the body was compressed. The
/// pieces are kept as they came and joined once, at the end, so memory never holds a growing
/// copy of the body beside the old one.
#[derive(Debug)]
pub struct Body {
    pieces: Vec<Vec<u8>>,
    len: usize,
    limit: usize,
}

impl Body {
    pub fn new(limit: usize) -> Self {
        Body {
            pieces: Vec::new(),
            len: 0,
            limit,
        }
    }

    /// Takes the next piece, or refuses it (and drops everything before) where it passes
    /// the limit.
    pub fn push(&mut self, piece: Vec<u8>) -> Result<(), BodyError> {
        if self.len + piece.len() > self.limit {
            self.pieces = Vec::new();
            self.len = 0;
            return Err(BodyError::TooLarge);
        }
        self.len += piece.len();
        self.pieces.push(piece);
        Ok(())
    }

    /// The text of the whole body, without a byte-order mark.
    pub fn text(self) -> Result<String, BodyError> {
        let mut bytes = Vec::with_capacity(self.len);
        for piece in self.pieces {
            bytes.extend_from_slice(&piece);
        }
        let text = String::from_utf8(bytes).map_err(|_| BodyError::NotText)?;
        Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        })
    }
}

/// The longest report text read: a year's report is tens of kilobytes; this is a hundred times
/// that and more. Longer texts are refused, so that the memory of whatever reads one stays a
/// small multiple of it.
pub const MAX_REPORT_BYTES: usize = 4 * 1024 * 1024;

/// A report's text and the encoding it was read in: UTF-8 (a byte-order mark dropped), or
/// GB18030, of which GBK and GB2312 are parts (what Chinese Windows writes as "ANSI").
/// Here rather than in `files` so that the browser (the review page) reads reports the same way.
pub fn decode_report(bytes: &[u8]) -> Result<(String, &'static str), String> {
    if let Some((encoding, skip)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, failed) = encoding.decode_without_bom_handling(&bytes[skip..]);
        return if failed {
            Err(format!("not valid {} text", encoding.name()))
        } else {
            Ok((text.into_owned(), encoding.name()))
        };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), "UTF-8"));
    }
    match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok((text.into_owned(), "GB18030")),
        None => Err("neither UTF-8 nor GB18030 (GBK) text".to_string()),
    }
}

pub const ENTITIES_FILE: &str = "entities.json";
pub const INDICATORS_FILE: &str = "indicators.json";
pub const REPORTS_FILE: &str = "reports.json";

pub fn entities(file: &str, text: &str) -> Loaded<Vec<Entity>> {
    records(file, text, "entities")
}

pub fn indicators(file: &str, text: &str) -> Loaded<Vec<Indicator>> {
    records(file, text, "indicators")
}

pub fn reports(file: &str, text: &str) -> Loaded<Vec<Report>> {
    records(file, text, "reports")
}

/// Reads the three catalog files. The catalog is unusable if the places or the indicators are;
/// without readable reports it is usable, without sources (`Catalog::without_reports`).
pub fn catalog(entities_text: &str, indicators_text: &str, reports_text: &str) -> Loaded<Catalog> {
    let entities = entities(ENTITIES_FILE, entities_text);
    let indicators = indicators(INDICATORS_FILE, indicators_text);
    let reports = reports(REPORTS_FILE, reports_text);
    let mut diagnostics = entities.diagnostics;
    diagnostics.extend(indicators.diagnostics);
    diagnostics.extend(reports.diagnostics);
    let value = match (entities.value, indicators.value, reports.value) {
        (Some(entities), Some(indicators), Some(reports)) => {
            Some(Catalog::new(entities, indicators, reports))
        }
        (Some(entities), Some(indicators), None) => {
            Some(Catalog::without_reports(entities, indicators))
        }
        _ => None,
    };
    Loaded { value, diagnostics }
}

/// The catalog where `reports.json` could not be had at all (`why`): places and indicators,
/// and an error naming the reports file. Reports feed only the sources.
pub fn catalog_without_reports(
    entities_text: &str,
    indicators_text: &str,
    why: &str,
) -> Loaded<Catalog> {
    let entities = entities(ENTITIES_FILE, entities_text);
    let indicators = indicators(INDICATORS_FILE, indicators_text);
    let mut diagnostics = entities.diagnostics;
    diagnostics.extend(indicators.diagnostics);
    diagnostics.push(Diagnostic::file_error(REPORTS_FILE, why));
    let value = entities
        .value
        .zip(indicators.value)
        .map(|(entities, indicators)| Catalog::without_reports(entities, indicators));
    Loaded { value, diagnostics }
}

/// Reads one category's dataset file, `{"dataset": "<category>", "observations": [...]}`.
pub fn dataset(file: &str, text: &str, category: Category) -> Loaded<Dataset> {
    let mut records = match Records::open(file, text, "observations") {
        Ok(opened) => opened,
        Err(failed) => return Loaded::failed(failed),
    };
    let mut diagnostics: Vec<Diagnostic> =
        dataset_name(file, &records, category).into_iter().collect();
    let observations = records
        .read::<Observation>(usize::MAX, &mut diagnostics)
        .into_iter()
        .map(|(_, o)| o)
        .collect();
    Loaded {
        value: Some(Dataset {
            category,
            observations,
        }),
        diagnostics,
    }
}

/// A warning where a dataset file names another section than the one it is read for.
pub fn dataset_name(file: &str, records: &Records, category: Category) -> Option<Diagnostic> {
    let named: Option<&str> = records
        .top
        .get("dataset")
        .and_then(|raw| serde_json::from_str(raw.get()).ok());
    match named {
        Some(name) if name == category.id() => None,
        other => Some(Diagnostic {
            severity: Severity::Warning,
            file: file.to_string(),
            record: None,
            field: Some("dataset".to_string()),
            message: format!(
                "expected \"{}\", found {}",
                category.id(),
                other.map_or("nothing".to_string(), |n| format!("\"{n}\""))
            ),
        }),
    }
}

/// A file's list of records, typed a slice at a time: the dashboard gives the page back
/// between slices of a large file; the command line reads them all at once. A broken record is
/// left out and named with its index in the file, its field and what is wrong.
pub struct Records<'a> {
    file: &'a str,
    key: &'static str,
    top: TopLevel<'a>,
    list: Vec<&'a RawValue>,
    next: usize,
}

impl<'a> Records<'a> {
    /// The file's `key` list, unread; or why the file is unusable.
    pub fn open(file: &'a str, text: &'a str, key: &'static str) -> Result<Self, Diagnostic> {
        let top = top_level(file, text, key)?;
        // One typed pass over the whole list would be ~7% faster on a national file, but a
        // second instance of every record's reader costs 8 KB of gzipped wasm (measured).
        let list = top
            .get(key)
            .and_then(|raw| serde_json::from_str::<Vec<&RawValue>>(raw.get()).ok())
            .ok_or_else(|| Diagnostic::file_error(file, not_a_list(key)))?;
        Ok(Records {
            file,
            key,
            top,
            list,
            next: 0,
        })
    }

    /// How many records the list holds.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Whether every record has been read.
    pub fn done(&self) -> bool {
        self.next >= self.list.len()
    }

    /// Reads up to `n` more records: those that read, each with its index in the file, and a
    /// diagnostic in `diagnostics` for each that does not.
    pub fn read<T: DeserializeOwned>(
        &mut self,
        n: usize,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Vec<(usize, T)> {
        let end = self.next.saturating_add(n).min(self.list.len());
        let mut values = Vec::with_capacity(end - self.next);
        for index in self.next..end {
            let raw = self.list[index];
            // A record is an object: serde would also read a struct from a list of its
            // fields' values in order, which no one writes on purpose.
            if !raw.get().starts_with('{') {
                diagnostics.push(Diagnostic::record_error(
                    self.file,
                    format!("{}[{index}]", self.key),
                    None,
                    "expected an object (a record written as {\"field\": value, …})",
                ));
                continue;
            }
            let mut reader = serde_json::Deserializer::from_str(raw.get());
            match serde_path_to_error::deserialize::<_, T>(&mut reader) {
                Ok(value) => values.push((index, value)),
                Err(error) => {
                    let record = format!("{}[{index}]{}", self.key, raw_label(raw));
                    let path = error.path().to_string();
                    let field = (path != ".").then_some(path);
                    diagnostics.push(Diagnostic::record_error(
                        self.file,
                        record,
                        field.as_deref(),
                        // The position would be within the record's own text: the path says more.
                        error_kind(error.inner()),
                    ));
                }
            }
        }
        self.next = end;
        values
    }
}

/// A file's top-level object, each member still unparsed text: a data file is read in one pass
/// and each record is typed straight from its own text, with no JSON tree in between. A key
/// given twice is refused: JSON readers disagree on which one counts, and with the last one
/// counting, `"observations": []` written after the real list silently emptied a file.
struct TopLevel<'a>(BTreeMap<String, &'a RawValue>);

impl<'a> TopLevel<'a> {
    fn get(&self, key: &str) -> Option<&&'a RawValue> {
        self.0.get(key)
    }
}

impl<'de: 'a, 'a> serde::Deserialize<'de> for TopLevel<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Members<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Members<'a> {
            type Value = TopLevel<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Self::Value, M::Error> {
                let mut members = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value: &'de RawValue = map.next_value()?;
                    if members.insert(key.clone(), value).is_some() {
                        return Err(serde::de::Error::custom(format!(
                            "{DUPLICATE_KEY} \"{key}\" appears twice"
                        )));
                    }
                }
                Ok(TopLevel(members))
            }
        }
        deserializer.deserialize_map(Members(std::marker::PhantomData))
    }
}

/// How a repeated top-level key is named (the start of its message).
const DUPLICATE_KEY: &str = "the key";

/// The text without a UTF-8 byte-order mark, which editors on Windows write and browsers drop.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn top_level<'a>(file: &str, text: &'a str, key: &str) -> Result<TopLevel<'a>, Diagnostic> {
    serde_json::from_str::<TopLevel<'a>>(without_bom(text)).map_err(|error| {
        let kind = error_kind(&error);
        let message = if kind.starts_with(DUPLICATE_KEY) {
            format!("{kind}: a file may give each key once")
        } else if error.is_data() {
            not_a_list(key)
        } else {
            not_json(&error)
        };
        Diagnostic::file_error(file, message)
    })
}

fn not_a_list(key: &str) -> String {
    format!("expected an object with a \"{key}\" array")
}

pub(crate) fn records<T: DeserializeOwned>(
    file: &str,
    text: &str,
    key: &'static str,
) -> Loaded<Vec<T>> {
    match Records::open(file, text, key) {
        Ok(mut records) => {
            let mut diagnostics = Vec::new();
            let values = records.read(usize::MAX, &mut diagnostics);
            Loaded {
                value: Some(values.into_iter().map(|(_, v)| v).collect()),
                diagnostics,
            }
        }
        Err(failed) => Loaded::failed(failed),
    }
}

fn not_json(error: &serde_json::Error) -> String {
    format!(
        "not valid JSON: {} (line {}, column {})",
        error_kind(error),
        error.line(),
        error.column()
    )
}

fn error_kind(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.find(" at line ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

/// What a broken record can still tell about itself, for the diagnostic.
fn raw_label(raw: &RawValue) -> String {
    let Ok(raw) = serde_json::from_str::<Value>(raw.get()) else {
        return String::new();
    };
    let field = |name: &str| {
        raw.get(name).map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
    };
    let parts: Vec<String> = ["id", "doc", "entity", "year", "indicator"]
        .iter()
        .filter_map(|name| field(name))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A broken record is named and left out; the others are read as they are without it.
    #[test]
    fn a_broken_record_leaves_the_others_as_they_were() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/observations/medals.json"
        ))
        .unwrap();
        let clean = dataset("medals.json", &text, Category::Medals);
        assert!(clean.diagnostics.is_empty(), "{:?}", clean.diagnostics);
        let clean = clean.value.unwrap().observations;

        let broken = text.replacen(
            "\"observations\": [",
            "\"observations\": [{\"year\": \"x\"},",
            1,
        );
        let recovered = dataset("medals.json", &broken, Category::Medals);
        assert_eq!(recovered.diagnostics.len(), 1);
        assert_eq!(
            recovered.diagnostics[0].record.as_deref(),
            Some("observations[0] (x)")
        );
        assert_eq!(recovered.value.unwrap().observations, clean);
    }
}
