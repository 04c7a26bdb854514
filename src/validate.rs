//! The data contract beyond the JSON schema: references resolve, units are known and convert,
//! years are plausible, keys are unique, and every number is in its verbatim quote.
//!
//! Rejected records are removed from what is returned and reported, never dropped silently.

use std::collections::{BTreeMap, HashSet};

use crate::deck::Slide;
use crate::load::{Diagnostic, Severity, ENTITIES_FILE, INDICATORS_FILE, REPORTS_FILE};
use crate::model::{Catalog, Category, Dataset, Observation, Qualifier, Status};
use crate::numerals::writes_number;
use crate::query::MEDAL_TABLE;
use crate::units;

/// Report texts by file name, white space removed (see `squash`), for checking quotes.
/// The dashboard has none; the CLI and tests do.
pub type ReportTexts = BTreeMap<String, String>;

pub const FIRST_YEAR: i32 = 1990;
pub const LAST_YEAR: i32 = 2035;

/// Whether following `id`'s parents comes back to it (a walk no longer than the catalog ends
/// on any cycle, this one's or another's).
fn among_its_parents(catalog: &Catalog, id: &str) -> bool {
    let mut next = catalog.entity(id).and_then(|e| e.parent.as_deref());
    for _ in 0..catalog.entities.len() {
        match next {
            Some(parent) if parent == id => return true,
            Some(parent) => next = catalog.entity(parent).and_then(|e| e.parent.as_deref()),
            None => return false,
        }
    }
    false
}

/// Checks the catalog on its own: unique ids, known units, resolvable parents and report entities.
pub fn catalog(catalog: &Catalog) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut seen = HashSet::new();
    for (index, entity) in catalog.entities.iter().enumerate() {
        let record = format!("entities[{index}] ({})", entity.id);
        if !seen.insert(entity.id.as_str()) {
            found.push(Diagnostic::record_error(
                ENTITIES_FILE,
                &record,
                Some("id"),
                "duplicate id",
            ));
        }
        if let Some(parent) = &entity.parent {
            if catalog.entity(parent).is_none() {
                found.push(Diagnostic::record_error(
                    ENTITIES_FILE,
                    &record,
                    Some("parent"),
                    format!("unknown entity \"{parent}\""),
                ));
            } else if among_its_parents(catalog, &entity.id) {
                found.push(Diagnostic::record_error(
                    ENTITIES_FILE,
                    &record,
                    Some("parent"),
                    format!("a cycle: \"{}\" is among its own parents", entity.id),
                ));
            }
        }
    }
    let mut seen = HashSet::new();
    for (index, indicator) in catalog.indicators.iter().enumerate() {
        let record = format!("indicators[{index}] ({})", indicator.id);
        if !seen.insert(indicator.id.as_str()) {
            found.push(Diagnostic::record_error(
                INDICATORS_FILE,
                &record,
                Some("id"),
                "duplicate id",
            ));
        }
        if !units::is_known(&indicator.unit) {
            found.push(Diagnostic::record_error(
                INDICATORS_FILE,
                &record,
                Some("unit"),
                format!("unknown unit \"{}\"", indicator.unit),
            ));
        }
    }
    let mut seen = HashSet::new();
    for (index, report) in catalog.reports.iter().enumerate() {
        let record = format!("reports[{index}] ({})", report.doc);
        if !seen.insert(report.doc.as_str()) {
            found.push(Diagnostic::record_error(
                REPORTS_FILE,
                &record,
                Some("doc"),
                "duplicate report",
            ));
        }
        if catalog.entity(&report.entity).is_none() {
            found.push(Diagnostic::record_error(
                REPORTS_FILE,
                &record,
                Some("entity"),
                format!("unknown entity \"{}\"", report.entity),
            ));
        }
        if publication_year(&report.published).is_none() {
            found.push(Diagnostic::record_error(
                REPORTS_FILE,
                &record,
                Some("published"),
                format!(
                    "expected a date starting with a year, found \"{}\"",
                    report.published
                ),
            ));
        }
    }
    found
}

/// Checks a dataset against the catalog (and the report texts, when given). Returns the records
/// that pass and a diagnostic for every problem; a record with an error is left out.
pub fn dataset(
    catalog: &Catalog,
    file: &str,
    dataset: Dataset,
    reports: Option<&ReportTexts>,
) -> (Dataset, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut keys = HashSet::new();
    let mut kept = Vec::with_capacity(dataset.observations.len());
    for (index, observation) in dataset.observations.into_iter().enumerate() {
        let mut problems = Vec::new();
        check_observation(
            catalog,
            dataset.category,
            &observation,
            reports,
            &mut problems,
        );
        // The same number may come from two reports (a later one restating it); the dashboard
        // shows both. Twice from one report is a mistake.
        if !keys.insert((observation.key(), observation.source.doc.clone())) {
            problems.push((
                "context",
                Severity::Error,
                "duplicate of an earlier record with the same entity, year, indicator, context and report"
                    .to_string(),
            ));
        }
        let rejected = problems
            .iter()
            .any(|(_, severity, _)| *severity == Severity::Error);
        diagnostics.extend(
            problems
                .into_iter()
                .map(|(field, severity, message)| Diagnostic {
                    severity,
                    file: file.to_string(),
                    // Named only here, when something is wrong: national files have ~50,000 records.
                    record: Some(format!("observations[{index}] ({})", observation.label())),
                    field: Some(field.to_string()),
                    message,
                }),
        );
        if !rejected {
            kept.push(observation);
        }
    }
    (
        Dataset {
            category: dataset.category,
            observations: kept,
        },
        diagnostics,
    )
}

type Problem = (&'static str, Severity, String);

fn check_observation(
    catalog: &Catalog,
    category: Category,
    o: &Observation,
    reports: Option<&ReportTexts>,
    problems: &mut Vec<Problem>,
) {
    let mut error = |field, message: String| problems.push((field, Severity::Error, message));

    if catalog.entity(&o.entity).is_none() {
        error("entity", format!("unknown entity \"{}\"", o.entity));
    }
    match catalog.indicator(&o.indicator) {
        None => error(
            "indicator",
            format!("unknown indicator \"{}\"", o.indicator),
        ),
        Some(indicator) => {
            if indicator.category != category {
                error(
                    "indicator",
                    format!(
                        "indicator \"{}\" belongs to {}, not to this {} dataset",
                        o.indicator,
                        indicator.category.id(),
                        category.id()
                    ),
                );
            }
            if !units::is_known(&o.unit) {
                error("unit", format!("unknown unit \"{}\"", o.unit));
            } else if units::convert(1.0, &o.unit, &indicator.unit).is_none() {
                error(
                    "unit",
                    format!(
                        "\"{}\" does not convert to the indicator's unit \"{}\"",
                        o.unit, indicator.unit
                    ),
                );
            }
        }
    }

    if !o.value.is_finite() || o.value < 0.0 {
        error(
            "value",
            format!("expected a finite number ≥ 0, found {}", o.value),
        );
    }
    match (o.qualifier, o.value_max) {
        (Qualifier::Range, None) => error("value_max", "a range needs its high end".to_string()),
        (Qualifier::Range, Some(max)) if max.is_nan() || max <= o.value => error(
            "value_max",
            format!("the high end {max} must exceed the low end {}", o.value),
        ),
        (Qualifier::Range, Some(_)) | (_, None) => {}
        (_, Some(_)) => error("value_max", "only a range has a high end".to_string()),
    }

    let report = catalog.report(&o.source.doc);
    if report.is_none() {
        error("source.doc", format!("unknown report \"{}\"", o.source.doc));
    }
    if !(FIRST_YEAR..=LAST_YEAR).contains(&o.year) {
        error(
            "year",
            format!("{} is outside {FIRST_YEAR}–{LAST_YEAR}", o.year),
        );
    } else if let Some(published) = report.and_then(|r| publication_year(&r.published)) {
        if o.status == Status::Reported && o.year > published {
            error(
                "year",
                format!(
                    "a reported value cannot describe {}, after its report was published in {published}",
                    o.year
                ),
            );
        }
        if o.year != published && o.year_note.as_ref().is_none_or(|n| n.zh.trim().is_empty()) {
            error(
                "year_note",
                format!(
                    "the year {} differs from the report's publication year {published}; say how it was read",
                    o.year
                ),
            );
        }
    }

    let quote = squash(&o.source.quote);
    if quote.is_empty() {
        error("source.quote", "empty quote".to_string());
    } else {
        for number in std::iter::once(o.value).chain(o.value_max) {
            if !writes_number(&quote, number) {
                error(
                    "source.quote",
                    format!(
                        "the number {number} is not in the quote \"{}\"",
                        o.source.quote
                    ),
                );
            }
        }
        if let Some(text) = reports.and_then(|texts| texts.get(&o.source.doc)) {
            if !text.contains(&quote) {
                error(
                    "source.quote",
                    format!("not verbatim in {}: \"{}\"", o.source.doc, o.source.quote),
                );
            }
        }
    }
}

/// The year a report's `published` field starts with ("2024-03" → 2024).
/// A deck's slides must name entities and indicators the catalog knows.
pub fn deck(catalog: &Catalog, file: &str, slides: &[Slide]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (index, slide) in slides.iter().enumerate() {
        let record = format!("slides[{index}] ({})", slide.title.zh);
        if let Some(id) = &slide.state.indicator {
            if id != MEDAL_TABLE && catalog.indicator(id).is_none() {
                found.push(Diagnostic::record_error(
                    file,
                    record.clone(),
                    Some("view"),
                    format!("unknown indicator \"{id}\""),
                ));
            }
        }
        for id in slide.state.entities.iter().flatten() {
            if catalog.entity(id).is_none() {
                found.push(Diagnostic::record_error(
                    file,
                    record.clone(),
                    Some("view"),
                    format!("unknown entity \"{id}\""),
                ));
            }
        }
    }
    found
}

pub fn publication_year(published: &str) -> Option<i32> {
    published.get(..4)?.parse().ok()
}

/// Text with all white space removed: quotes match across line breaks and spacing.
pub fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}
