//! The data as open data: a Frictionless Data Package (v2, <https://datapackage.org>) of one CSV
//! per section and one of the national reference values, described by `datapackage.json` with
//! a Table Schema for each. Pure: it gives the files' paths and texts, and the command line
//! (`sportdash package`) writes them, after checking the data.

use serde::Serialize;

use crate::i18n::category_name;
use crate::lang::Lang;
use crate::model::{
    Catalog, Category, Dataset, Observation, Qualifier, Reference, ReferenceKind, Status, YearBasis,
};
use crate::units;
use crate::validate::{FIRST_YEAR, LAST_YEAR};

/// Every variant's id, for a field's `enum` constraint. The match has no wildcard: a variant
/// added to the model stops the build here until it is listed.
macro_rules! every {
    ($ty:ident: $($variant:ident),+) => {
        [$($ty::$variant),+].map(|v| match v {
            $($ty::$variant)|+ => id(v),
        })
    };
}

/// The descriptor's file name, which tools look for.
pub const DESCRIPTOR: &str = "datapackage.json";
pub const REFERENCES_CSV: &str = "references.csv";

const PROFILE: &str = "https://datapackage.org/profiles/2.0/datapackage.json";
const NAME: &str = "sports-development-indicators";
const TITLE: &str =
    "Sports development indicators from Chinese sports bureaus' reports (体育事业发展指标)";
const DESCRIPTION: &str = "Numbers from the yearly reports of Chinese sports bureaus: medals, \
fitness events, sports facilities, the sports industry, youth talent and governance. One row per \
number, with its place, the year it describes and how that year was read, its value, qualifier \
and unit as reported (and converted to the indicator's unit), whether it is reported or a \
target, and the report with a verbatim quote containing it. National values and plan targets \
to compare against are in references.csv, each cited to its publication. Not reported is never \
zero: a number a report does not give has no row.";

/// One file of the package: its path inside the package directory and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    pub path: String,
    pub text: String,
}

/// The section's CSV file name: `observations-medals.csv`.
pub fn observations_csv(category: Category) -> String {
    format!("observations-{}.csv", category.id())
}

/// The package of `datasets` (in section order) and the catalog's reference values:
/// `datapackage.json` first, then the CSVs. Values and units are as reported, each also
/// converted to its indicator's unit; a value that does not convert (never in checked data)
/// has an empty `value_normalised`.
pub fn build(catalog: &Catalog, datasets: &[Dataset]) -> Vec<File> {
    let mut datasets: Vec<&Dataset> = datasets.iter().collect();
    datasets.sort_by_key(|d| d.category);
    let mut tables: Vec<(Resource, String)> =
        datasets.into_iter().map(|d| section(catalog, d)).collect();
    tables.push(references(catalog));
    let descriptor = Descriptor {
        profile: PROFILE,
        name: NAME,
        title: TITLE,
        description: DESCRIPTION,
        sources: catalog
            .reports
            .iter()
            .map(|r| SourceEntry {
                title: format!(
                    "{}: {} ({}, {})",
                    r.doc, r.title.zh, r.publisher.zh, r.published
                ),
            })
            .collect(),
        resources: tables.iter().map(|(resource, _)| resource).collect(),
    };
    // Serialising these plain structs cannot fail; the fallback keeps the signature total.
    let mut json = serde_json::to_string_pretty(&descriptor).unwrap_or_default();
    json.push('\n');
    let mut files = vec![File {
        path: DESCRIPTOR.to_string(),
        text: json,
    }];
    files.extend(tables.into_iter().map(|(resource, text)| File {
        path: resource.path,
        text,
    }));
    files
}

/// A section's CSV and its resource.
fn section(catalog: &Catalog, dataset: &Dataset) -> (Resource, String) {
    let path = observations_csv(dataset.category);
    let rows = dataset
        .observations
        .iter()
        .map(|o| observation_row(catalog, o));
    let text = csv_text(&observation_fields(), rows);
    let (zh, en) = (
        category_name(dataset.category, Lang::Zh),
        category_name(dataset.category, Lang::En),
    );
    let resource = Resource::table(
        &path,
        &text,
        format!("{zh} ({en})"),
        format!("Every number the reports give for the {en} section (栏目: {zh}), one row each."),
        TableSchema {
            fields: observation_fields(),
            primary_key: OBSERVATION_KEY.to_vec(),
        },
    );
    (resource, text)
}

/// The reference values' CSV and its resource.
fn references(catalog: &Catalog) -> (Resource, String) {
    let rows = catalog.references.iter().map(|r| reference_row(catalog, r));
    let text = csv_text(&reference_fields(), rows);
    let resource = Resource::table(
        REFERENCES_CSV,
        &text,
        "全国参考值 (National reference values)".to_string(),
        "National values and national plans' targets, by indicator and year, each cited to its \
         publication: yardsticks for the local numbers."
            .to_string(),
        TableSchema {
            fields: reference_fields(),
            primary_key: REFERENCE_KEY.to_vec(),
        },
    );
    (resource, text)
}

/// `header` and `rows` as CSV: RFC 4180 quoting by the `csv` crate (as `export::csv`), fields
/// with commas, quotes or line breaks quoted, quotes doubled.
fn csv_text(header: &[Field], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    // Writing into memory cannot fail; a failed record would only shorten the file.
    let _ = writer.write_record(header.iter().map(|f| f.name));
    for row in rows {
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// An observation is one number from one report: the same number restated by a later report is
/// a second row (`validate` allows that and nothing else).
const OBSERVATION_KEY: [&str; 5] = ["entity", "year", "indicator", "context_zh", "source_doc"];
const REFERENCE_KEY: [&str; 3] = ["indicator", "kind", "year"];

fn observation_fields() -> Vec<Field> {
    vec![
        Field::string("entity", "The place's id (entities.json).").required(),
        Field::string("entity_name_zh", "The place's name in Chinese.").required(),
        Field::year("The year the number describes (not the year of publication)."),
        Field::string(
            "year_basis",
            "How the year was read: named in the sentence (stated), the period the report \
             reviews (report_period), or current at the report's date (publication_date).",
        )
        .one_of(every!(YearBasis: Stated, ReportPeriod, PublicationDate)),
        Field::string("indicator", "The indicator's id (indicators.json).").required(),
        Field::string("indicator_name_zh", "The indicator's name in Chinese.").required(),
        Field::amount(
            "value",
            "The number as written, in the reported unit; the low end of a range.",
        )
        .required(),
        Field::amount("value_max", "The high end of a range; empty otherwise."),
        Field::string(
            "qualifier",
            "How the number was worded: exact, approximate (约, 近, 左右), at_least (余, 多, \
             以上), at_most, range (至).",
        )
        .one_of(every!(Qualifier: Exact, Approximate, AtLeast, AtMost, Range)),
        Field::string("unit", "The unit as reported (万元, 名, 人次, 枚 …).").required(),
        Field::amount(
            "value_normalised",
            "`value` converted to `unit_normalised`, the indicator's unit.",
        )
        .required(),
        Field::string(
            "unit_normalised",
            "The indicator's unit, the one its values are compared in.",
        )
        .required(),
        Field::string(
            "status",
            "reported, or target: a plan or goal for the year, not an achievement.",
        )
        .one_of(every!(Status: Reported, Target)),
        Field::string(
            "context_zh",
            "The competition, event or programme the number belongs to, in Chinese; empty \
             (an empty string, not a missing value) where the report names none.",
        )
        .required()
        .empty_is_a_value(),
        Field::string(
            "source_doc",
            "The report's file name (the package's sources list each report).",
        )
        .required(),
        Field::string(
            "source_quote",
            "A verbatim fragment of the report that contains the number.",
        )
        .required(),
    ]
}

fn observation_row(catalog: &Catalog, o: &Observation) -> Vec<String> {
    let indicator = catalog.indicator(&o.indicator);
    let unit_normalised = indicator.map(|i| i.unit.clone()).unwrap_or_default();
    vec![
        o.entity.clone(),
        catalog
            .entity(&o.entity)
            .map(|e| e.name.zh.clone())
            .unwrap_or_default(),
        o.year.to_string(),
        id(o.year_basis),
        o.indicator.clone(),
        indicator.map(|i| i.name.zh.clone()).unwrap_or_default(),
        o.value.to_string(),
        o.value_max.map(|m| m.to_string()).unwrap_or_default(),
        id(o.qualifier),
        o.unit.clone(),
        normalised(o.value, &o.unit, &unit_normalised),
        unit_normalised,
        id(o.status),
        o.context_zh().to_string(),
        o.source.doc.clone(),
        o.source.quote.clone(),
    ]
}

fn reference_fields() -> Vec<Field> {
    vec![
        Field::string("indicator", "The indicator's id (indicators.json).").required(),
        Field::string(
            "kind",
            "national: the whole country's value that year; target: a national plan's target \
             for that year.",
        )
        .one_of(every!(ReferenceKind: National, Target)),
        Field::year("The year the value describes, or the year a target is set for."),
        Field::amount("value", "The value as published, in `unit`.").required(),
        Field::string(
            "qualifier",
            "How the value was worded (a reference is one number, never a range).",
        )
        .one_of(
            every!(Qualifier: Exact, Approximate, AtLeast, AtMost, Range)
                .into_iter()
                .filter(|q| q != "range"),
        ),
        Field::string("unit", "The unit as published.").required(),
        Field::amount(
            "value_normalised",
            "`value` converted to `unit_normalised`, the indicator's unit.",
        )
        .required(),
        Field::string(
            "unit_normalised",
            "The indicator's unit, the one its values are compared in.",
        )
        .required(),
        Field::string("publisher_zh", "Who published the value, in Chinese.").required(),
        Field::string("title_zh", "The publication's title, in Chinese.").required(),
        Field::string(
            "published",
            "When it was published: YYYY-MM-DD, or YYYY-MM where the day is not known.",
        )
        .required()
        .pattern("[0-9]{4}-[0-9]{2}(-[0-9]{2})?"),
        Field::string("url", "Where the publication can be read.")
            .required()
            .pattern("https?://[^\\s]+"),
        Field::string(
            "note_zh",
            "What the figure is, in our own words, in Chinese.",
        )
        .required(),
        Field::string("note_en", "The same in English, where given."),
    ]
}

fn reference_row(catalog: &Catalog, r: &Reference) -> Vec<String> {
    let unit_normalised = catalog
        .indicator(&r.indicator)
        .map(|i| i.unit.clone())
        .unwrap_or_default();
    let citation = &r.citation;
    vec![
        r.indicator.clone(),
        id(r.kind),
        r.year.to_string(),
        r.value.to_string(),
        id(r.qualifier),
        r.unit.clone(),
        normalised(r.value, &r.unit, &unit_normalised),
        unit_normalised,
        citation.publisher.zh.clone(),
        citation.title.zh.clone(),
        citation.published.clone(),
        citation.url.clone(),
        r.note.zh.clone(),
        r.note.en.clone().unwrap_or_default(),
    ]
}

/// `value` in `to`, written to 15 significant digits: as many as a report can state, and no
/// more, so a conversion's binary noise (0.26 万 = 2600.0000000000005) is not published.
fn normalised(value: f64, from: &str, to: &str) -> String {
    match units::convert(value, from, to) {
        Some(converted) => format!("{converted:.14e}")
            .parse::<f64>()
            .unwrap_or(converted)
            .to_string(),
        None => String::new(),
    }
}

/// A unit-like enum's id in the data (`at_least`), from its serde name: one spelling.
fn id<T: Serialize>(value: T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(id)) => id,
        _ => String::new(),
    }
}

/// `datapackage.json`, in the order the specification lists its properties.
#[derive(Serialize)]
struct Descriptor<'a> {
    #[serde(rename = "$schema")]
    profile: &'static str,
    name: &'static str,
    title: &'static str,
    description: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<SourceEntry>,
    resources: Vec<&'a Resource>,
}

/// One of the reports the numbers come from.
#[derive(Serialize)]
struct SourceEntry {
    title: String,
}

#[derive(Serialize)]
struct Resource {
    name: String,
    #[serde(rename = "type")]
    kind: &'static str,
    path: String,
    format: &'static str,
    mediatype: &'static str,
    encoding: &'static str,
    /// The file's size: `frictionless validate` checks it.
    bytes: usize,
    title: String,
    description: String,
    schema: TableSchema,
}

impl Resource {
    fn table(
        path: &str,
        text: &str,
        title: String,
        description: String,
        schema: TableSchema,
    ) -> Self {
        Resource {
            name: path.trim_end_matches(".csv").to_string(),
            kind: "table",
            path: path.to_string(),
            format: "csv",
            mediatype: "text/csv",
            encoding: "utf-8",
            bytes: text.len(),
            title,
            description,
            schema,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TableSchema {
    fields: Vec<Field>,
    primary_key: Vec<&'static str>,
}

/// A column of a table: its name, type, meaning and constraints.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Field {
    name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    description: &'static str,
    /// Only where the schema's default (`""` is missing) does not hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    missing_values: Option<Vec<&'static str>>,
    #[serde(skip_serializing_if = "Constraints::is_empty")]
    constraints: Constraints,
}

#[derive(Clone, Debug, Default, Serialize)]
struct Constraints {
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    minimum: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    maximum: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pattern: Option<&'static str>,
    #[serde(rename = "enum", skip_serializing_if = "Vec::is_empty")]
    values: Vec<String>,
}

impl Constraints {
    fn is_empty(&self) -> bool {
        !self.required
            && self.minimum.is_none()
            && self.maximum.is_none()
            && self.pattern.is_none()
            && self.values.is_empty()
    }
}

impl Field {
    fn new(name: &'static str, kind: &'static str, description: &'static str) -> Self {
        Field {
            name,
            kind,
            description,
            missing_values: None,
            constraints: Constraints::default(),
        }
    }

    fn string(name: &'static str, description: &'static str) -> Self {
        Field::new(name, "string", description)
    }

    /// A count or a measure: never negative (`validate` refuses one).
    fn amount(name: &'static str, description: &'static str) -> Self {
        let mut field = Field::new(name, "number", description);
        field.constraints.minimum = Some(0);
        field
    }

    /// `year`, within the years the data may describe.
    fn year(description: &'static str) -> Self {
        let mut field = Field::new("year", "integer", description).required();
        field.constraints.minimum = Some(FIRST_YEAR);
        field.constraints.maximum = Some(LAST_YEAR);
        field
    }

    fn required(mut self) -> Self {
        self.constraints.required = true;
        self
    }

    /// Required, and one of `values`.
    fn one_of(mut self, values: impl IntoIterator<Item = String>) -> Self {
        self.constraints.values = values.into_iter().collect();
        self.required()
    }

    fn pattern(mut self, pattern: &'static str) -> Self {
        self.constraints.pattern = Some(pattern);
        self
    }

    /// An empty cell is the empty string, not a missing value (a key field cannot be missing).
    fn empty_is_a_value(mut self) -> Self {
        self.missing_values = Some(Vec::new());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Converted values keep what a report can state and drop the binary noise.
    #[test]
    fn normalised_values_are_written_without_noise() {
        let cases = [
            (0.26, "万平方米", "平方米", "2600"),
            (61.56, "亿元", "元", "6156000000"),
            (2.62, "平方米", "平方米", "2.62"),
            (123456789012345.0, "元", "元", "123456789012345"),
            (0.1, "万元", "亿元", "0.00001"),
            (3.0, "个", "元", ""),
        ];
        for (value, from, to, expected) in cases {
            assert_eq!(
                normalised(value, from, to),
                expected,
                "{value} {from} → {to}"
            );
        }
    }

    #[test]
    fn ids_are_the_data_spelling() {
        assert_eq!(id(Qualifier::AtLeast), "at_least");
        assert_eq!(id(YearBasis::PublicationDate), "publication_date");
        assert_eq!(id(ReferenceKind::National), "national");
    }
}
