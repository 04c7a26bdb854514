//! Taking a chart out: file names that say what is inside, and the CSV of exactly the rows
//! the table shows (the SVG comes from `chart::svg`, the PNG from the canvas).

use crate::describe::{citation_line, reference_name};
use crate::i18n::{entity_name, indicator_name};
use crate::lang::Lang;
use crate::model::MEDAL_TABLE;
use crate::model::{Catalog, Qualifier, ReferenceKind, Status};
use crate::query::{Cell, ChartData, Selection};

/// `medals_jiaozuo-hedong_2021-2023.svg`; an indicator other than the medal table is named
/// after the section: `facilities-sports_area_per_capita_jiaozuo_2021-2023.csv`.
pub fn file_name(chart: &ChartData, selection: &Selection, extension: &str) -> String {
    let mut what = chart.category.id().to_string();
    if !chart.indicator.is_empty() && chart.indicator != MEDAL_TABLE {
        what = format!("{what}-{}", chart.indicator);
    }
    let places = if selection.entities.is_empty() {
        "none".to_string()
    } else {
        selection.entities.join("-")
    };
    let years = match selection.years {
        Some((from, to)) if from == to => from.to_string(),
        Some((from, to)) => format!("{from}-{to}"),
        None => "all".to_string(),
    };
    let name = format!("{what}_{places}_{years}.{extension}");
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect()
}

pub const CSV_HEADER: [&str; 16] = [
    "entity",
    "entity_name",
    "year",
    "indicator",
    "indicator_name",
    "context",
    "value",
    "value_max",
    "qualifier",
    "unit",
    "status",
    "report",
    "quote",
    "year_basis",
    "also_reported",
    "url",
];

fn qualifier_id(qualifier: Qualifier) -> &'static str {
    match qualifier {
        Qualifier::Exact => "exact",
        Qualifier::Approximate => "approximate",
        Qualifier::AtLeast => "at_least",
        Qualifier::AtMost => "at_most",
        Qualifier::Range => "range",
    }
}

/// One line per row of the chart and its table, "not reported" rows included (with no value),
/// values and units as the report gives them.
pub fn csv(chart: &ChartData, catalog: &Catalog, lang: Lang) -> String {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    // Writing into memory cannot fail; a failed record would only shorten the file.
    let _ = writer.write_record(CSV_HEADER);
    for row in &chart.rows {
        let entity = entity_name(catalog, &row.entity, lang);
        let indicator = indicator_name(catalog, &row.indicator, lang);
        let context = row
            .context
            .as_ref()
            .map(|c| lang.pick(c).to_string())
            .unwrap_or_default();
        let year = row.year.to_string();
        let record: Vec<String> = match &row.cell {
            Cell::NoData => vec![
                row.entity.clone(),
                entity,
                year,
                row.indicator.clone(),
                indicator,
                context,
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                "not_reported".to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ],
            Cell::Reference { reference: r, .. } => {
                let id = match r.kind {
                    ReferenceKind::National => "national",
                    ReferenceKind::Target => "national_target",
                };
                let name = reference_name(r.kind, lang);
                vec![
                    id.to_string(),
                    name.to_string(),
                    year,
                    row.indicator.clone(),
                    indicator,
                    context,
                    r.value.to_string(),
                    String::new(),
                    qualifier_id(r.qualifier).to_string(),
                    r.unit.clone(),
                    id.to_string(),
                    citation_line(r, lang),
                    String::new(),
                    String::new(),
                    String::new(),
                    r.citation.url.clone(),
                ]
            }
            Cell::Value {
                observation: o,
                also,
                ..
            } => vec![
                row.entity.clone(),
                entity,
                year,
                row.indicator.clone(),
                indicator,
                context,
                o.value.to_string(),
                o.value_max.map(|m| m.to_string()).unwrap_or_default(),
                qualifier_id(o.qualifier).to_string(),
                o.unit.clone(),
                match o.status {
                    Status::Reported => "reported",
                    Status::Target => "target",
                }
                .to_string(),
                o.source.doc.clone(),
                o.source.quote.clone(),
                serde_json::to_value(o.year_basis)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                also.iter()
                    .map(|a| format!("{} {}{}: {}", a.source.doc, a.value, a.unit, a.source.quote))
                    .collect::<Vec<_>>()
                    .join(" | "),
                String::new(),
            ],
        };
        let _ = writer.write_record(&record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
