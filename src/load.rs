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

/// Reads the three catalog files. The catalog is unusable if any of them is.
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
        _ => None,
    };
    Loaded { value, diagnostics }
}

/// Reads one category's dataset file, `{"dataset": "<category>", "observations": [...]}`.
pub fn dataset(file: &str, text: &str, category: Category) -> Loaded<Dataset> {
    let top = match top_level(file, text, "observations") {
        Ok(top) => top,
        Err(failed) => return Loaded::failed(failed),
    };
    let mut loaded = records_of::<Observation>(file, &top, "observations");
    let named: Option<&str> = top
        .get("dataset")
        .and_then(|raw| serde_json::from_str(raw.get()).ok());
    match named {
        Some(name) if name == category.id() => {}
        other => loaded.diagnostics.push(Diagnostic {
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
    Loaded {
        value: loaded.value.map(|observations| Dataset {
            category,
            observations,
        }),
        diagnostics: loaded.diagnostics,
    }
}

/// A file's top-level object, each member still unparsed text: a data file is read in one pass
/// and each record is typed straight from its own text, with no JSON tree in between.
type TopLevel<'a> = BTreeMap<String, &'a RawValue>;

fn top_level<'a>(file: &str, text: &'a str, key: &str) -> Result<TopLevel<'a>, Diagnostic> {
    serde_json::from_str::<TopLevel<'a>>(text).map_err(|error| {
        let message = if error.is_data() {
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

pub(crate) fn records<T: DeserializeOwned>(file: &str, text: &str, key: &str) -> Loaded<Vec<T>> {
    match top_level(file, text, key) {
        Ok(top) => records_of(file, &top, key),
        Err(failed) => Loaded::failed(failed),
    }
}

fn records_of<T: DeserializeOwned>(file: &str, top: &TopLevel, key: &str) -> Loaded<Vec<T>> {
    // One typed pass over the whole list would be ~7% faster on a national file, but a second
    // instance of every record's reader costs 8 KB of gzipped wasm (measured): not worth it.
    let list = top
        .get(key)
        .and_then(|raw| serde_json::from_str::<Vec<&RawValue>>(raw.get()).ok());
    let Some(list) = list else {
        return Loaded::failed(Diagnostic::file_error(file, not_a_list(key)));
    };
    let mut values = Vec::with_capacity(list.len());
    let mut diagnostics = Vec::new();
    for (index, raw) in list.iter().enumerate() {
        let mut reader = serde_json::Deserializer::from_str(raw.get());
        match serde_path_to_error::deserialize::<_, T>(&mut reader) {
            Ok(value) => values.push(value),
            Err(error) => {
                let record = format!("{key}[{index}]{}", raw_label(raw));
                let path = error.path().to_string();
                let field = (path != ".").then_some(path);
                diagnostics.push(Diagnostic::record_error(
                    file,
                    record,
                    field.as_deref(),
                    // The position would be within the record's own text: the path says more.
                    error_kind(error.inner()),
                ));
            }
        }
    }
    Loaded {
        value: Some(values),
        diagnostics,
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
        let text = std::fs::read_to_string("data/observations/medals.json").unwrap();
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
