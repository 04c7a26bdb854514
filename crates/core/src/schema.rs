//! JSON Schemas of the data files, generated from the model's own types, so that what an editor
//! checks as it is typed and what `load` reads cannot drift apart: the serde attributes that
//! shape the reading (`rename_all`, `default`, `deny_unknown_fields`) shape the schemas too.
//! `sportdash schemas DIR` writes them; `data/schemas/` holds them, and a test fails when those
//! differ from what these types give. Only with the `schema` feature: the dashboard never
//! compiles it.
//!
//! Each file's top level is a type here. Every one allows a `"$schema"` string naming the schema
//! the file follows, for editors (`"$schema": "schemas/entities.schema.json"`); `load` ignores
//! it, as it ignores any top-level key it does not read.

use schemars::generate::SchemaSettings;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::deck::SlideRecord;
use crate::model::{Category, Entity, Indicator, Observation, Reference, Report};

/// Where the schemas are kept, relative to the data directory.
pub const DIR: &str = "schemas";

/// `entities.json`: the places.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "entities.json")]
pub struct EntitiesFile {
    /// The JSON Schema this file follows, for editors; the dashboard ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub schema: Option<String>,
    pub entities: Vec<Entity>,
}

/// `indicators.json`: what is measured, and in which unit.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "indicators.json")]
pub struct IndicatorsFile {
    /// The JSON Schema this file follows, for editors; the dashboard ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub schema: Option<String>,
    pub indicators: Vec<Indicator>,
}

/// `reports.json`: the reports the numbers come from.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "reports.json")]
pub struct ReportsFile {
    /// The JSON Schema this file follows, for editors; the dashboard ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub schema: Option<String>,
    pub reports: Vec<Report>,
}

/// `references.json`: national values and plan targets, each cited to its publication.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "references.json")]
pub struct ReferencesFile {
    /// The JSON Schema this file follows, for editors; the dashboard ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub schema: Option<String>,
    pub references: Vec<Reference>,
}

/// `deck.json`: the presentation's slides, each a dashboard view.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "deck.json")]
pub struct DeckFile {
    /// The JSON Schema this file follows, for editors; the dashboard ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub schema: Option<String>,
    slides: Vec<SlideRecord>,
}

impl DeckFile {
    /// How many slides the deck lists.
    pub fn len(&self) -> usize {
        self.slides.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slides.is_empty()
    }
}

/// `observations/<section>.json` (or an indicator's own file): the numbers of one section.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "observations/<section>.json")]
pub struct ObservationsFile {
    /// The JSON Schema this file follows, for editors; the dashboard ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub schema: Option<String>,
    /// The section the file belongs to: the one it is read for.
    pub dataset: Category,
    pub observations: Vec<Observation>,
}

/// The kinds of data file, each with its schema's file name.
pub const KINDS: [&str; 6] = [
    "entities",
    "indicators",
    "reports",
    "references",
    "deck",
    "observations",
];

/// The schema file of a kind: `entities.schema.json`.
pub fn file_name(kind: &str) -> String {
    format!("{kind}.schema.json")
}

/// The kind of a data file, from its path relative to the data directory.
pub fn kind_of(path: &str) -> Option<&'static str> {
    if path.starts_with("observations/") && path.ends_with(".json") {
        return Some("observations");
    }
    let stem = path.strip_suffix(".json")?;
    KINDS
        .into_iter()
        .find(|&kind| kind == stem && kind != "observations")
}

/// The `"$schema"` value a data file carries: the schema's path relative to the file
/// (`schemas/entities.schema.json`; `../schemas/observations.schema.json` from a section file).
pub fn reference_for(path: &str) -> Option<String> {
    let kind = kind_of(path)?;
    let up = "../".repeat(path.matches('/').count());
    Some(format!("{up}{DIR}/{}", file_name(kind)))
}

/// The schema of a kind, as pretty JSON ending in a newline (draft-07, which editors know best).
pub fn schema(kind: &str) -> Option<String> {
    let generator = SchemaSettings::draft07().into_generator();
    let schema = match kind {
        "entities" => generator.into_root_schema_for::<EntitiesFile>(),
        "indicators" => generator.into_root_schema_for::<IndicatorsFile>(),
        "reports" => generator.into_root_schema_for::<ReportsFile>(),
        "references" => generator.into_root_schema_for::<ReferencesFile>(),
        "deck" => generator.into_root_schema_for::<DeckFile>(),
        "observations" => generator.into_root_schema_for::<ObservationsFile>(),
        _ => return None,
    };
    let mut text = serde_json::to_string_pretty(&schema).ok()?;
    text.push('\n');
    Some(text)
}

/// Every schema: its file name and text.
pub fn files() -> Vec<(String, String)> {
    KINDS
        .into_iter()
        .filter_map(|kind| Some((file_name(kind), schema(kind)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_data_file_names_the_schema_of_its_kind_relative_to_itself() {
        let cases = [
            ("entities.json", Some("schemas/entities.schema.json")),
            ("deck.json", Some("schemas/deck.schema.json")),
            (
                "observations/medals.json",
                Some("../schemas/observations.schema.json"),
            ),
            (
                "observations/facilities/sports_area.json",
                Some("../../schemas/observations.schema.json"),
            ),
            ("observations.json", None),
            ("notes.json", None),
        ];
        for (path, expected) in cases {
            assert_eq!(reference_for(path).as_deref(), expected, "{path}");
        }
    }

    /// The serde attributes are the schema's: ids in snake_case, optional fields not
    /// required, unknown fields refused, and a `$schema` string allowed at the top.
    #[test]
    fn the_schemas_follow_the_serde_attributes() {
        let observations: serde_json::Value =
            serde_json::from_str(&schema("observations").unwrap()).unwrap();
        assert_eq!(
            observations["properties"]["$schema"]["type"],
            serde_json::json!("string")
        );
        assert_eq!(
            observations["required"],
            serde_json::json!(["dataset", "observations"])
        );
        assert_eq!(
            observations["additionalProperties"],
            serde_json::json!(false)
        );
        let record = &observations["definitions"]["Observation"];
        assert_eq!(record["additionalProperties"], serde_json::json!(false));
        let required = record["required"].as_array().unwrap();
        for field in ["entity", "year", "value", "qualifier", "source"] {
            assert!(required.contains(&serde_json::json!(field)), "{field}");
        }
        for field in ["value_max", "context", "note", "year_note"] {
            assert!(!required.contains(&serde_json::json!(field)), "{field}");
        }
        assert_eq!(
            observations["definitions"]["Qualifier"]["enum"],
            serde_json::json!(["exact", "approximate", "at_least", "at_most", "range"])
        );
    }
}
