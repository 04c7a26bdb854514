//! The data contract beyond the JSON schema: references resolve, units are known and convert,
//! years are plausible, keys are unique, and every number is in its verbatim quote.
//!
//! Rejected records are removed from what is returned and reported, never dropped silently.

use std::collections::{BTreeMap, HashSet};

use crate::deck::Slide;
use crate::load::{Diagnostic, Severity, ENTITIES_FILE, INDICATORS_FILE, REPORTS_FILE};
use crate::model::MEDAL_TABLE;
use crate::model::{is_link_id, Catalog, Category, Dataset, Observation, Qualifier, Status, Text};
use crate::numerals::writes_number;
use crate::units;

/// Report texts by file name, white space removed (see `squash`), for checking quotes.
/// The dashboard has none; the CLI and tests do.
pub type ReportTexts = BTreeMap<String, String>;

/// The longest texts the data may hold, in characters: a name is a line of a chip or a legend;
/// a page cannot lay out a name of thousands.
const NAME_CHARS: usize = crate::i18n::NAME_CHARS;
const TITLE_CHARS: usize = 300;
const NOTE_CHARS: usize = 2000;

/// What is wrong with a text the page shows, if anything: longer than `most` characters, or
/// holding control characters or invisible formatting ones (a right-to-left override shows a
/// name in another order than it is written).
fn text_problem(text: &Text, most: usize) -> Option<String> {
    for part in std::iter::once(text.zh.as_str()).chain(text.en.as_deref()) {
        let count = part.chars().count();
        if count > most {
            return Some(format!("{count} characters; at most {most}"));
        }
        if let Some(c) = part.chars().find(|&c| crate::state::is_hidden(c)) {
            return Some(format!(
                "contains the invisible or reordering character U+{:04X}",
                u32::from(c)
            ));
        }
    }
    None
}

/// Whether an indicator's `file` is a data file inside the data directory: a relative path
/// under `observations/`, of plain names, ending in `.json`.
pub fn is_data_path(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    parts.len() >= 2
        && parts[0] == "observations"
        && path.ends_with(".json")
        && parts.iter().all(|p| {
            !p.is_empty()
                && *p != "."
                && *p != ".."
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        })
}

const LINK_ID: &str =
    "cannot be carried in a link: use 1 to 64 letters, digits, - and _ (no spaces, dots or commas)";

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
        if !is_link_id(&entity.id) {
            found.push(Diagnostic::record_error(
                ENTITIES_FILE,
                &record,
                Some("id"),
                LINK_ID,
            ));
        }
        if let Some(problem) = text_problem(&entity.name, NAME_CHARS) {
            found.push(Diagnostic::record_error(
                ENTITIES_FILE,
                &record,
                Some("name"),
                problem,
            ));
        }
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
        if !is_link_id(&indicator.id) || indicator.id == MEDAL_TABLE {
            let message = if indicator.id == MEDAL_TABLE {
                format!("\"{MEDAL_TABLE}\" is the medals view's own indicator")
            } else {
                LINK_ID.to_string()
            };
            found.push(Diagnostic::record_error(
                INDICATORS_FILE,
                &record,
                Some("id"),
                message,
            ));
        }
        for (field, text, most) in [
            ("name", &indicator.name, NAME_CHARS),
            ("description", &indicator.description, NOTE_CHARS),
        ] {
            if let Some(problem) = text_problem(text, most) {
                found.push(Diagnostic::record_error(
                    INDICATORS_FILE,
                    &record,
                    Some(field),
                    problem,
                ));
            }
        }
        if let Some(file) = indicator.file.as_deref().filter(|f| !is_data_path(f)) {
            found.push(Diagnostic::record_error(
                INDICATORS_FILE,
                &record,
                Some("file"),
                format!(
                    "\"{file}\" is not a data file in the data directory: give a path such as \
                     observations/<section>/<indicator>.json"
                ),
            ));
        }
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
        let note = report.note.clone().unwrap_or_default();
        for (field, text, most) in [
            ("title", &report.title, TITLE_CHARS),
            ("publisher", &report.publisher, TITLE_CHARS),
            ("note", &note, NOTE_CHARS),
        ] {
            if let Some(problem) = text_problem(text, most) {
                found.push(Diagnostic::record_error(
                    REPORTS_FILE,
                    &record,
                    Some(field),
                    problem,
                ));
            }
        }
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
    let mut check = DatasetCheck::new(catalog, file, dataset.category, reports);
    let mut diagnostics = Vec::new();
    let observations = dataset
        .observations
        .into_iter()
        .enumerate()
        .filter_map(|(index, o)| check.check(index, o, &mut diagnostics))
        .collect();
    (
        Dataset {
            category: dataset.category,
            observations,
        },
        diagnostics,
    )
}

/// The checks of one dataset file, record by record (so that a large file can be checked a
/// slice at a time): each record against the catalog and the reports, and against the records
/// before it for duplicates.
pub struct DatasetCheck<'a> {
    catalog: &'a Catalog,
    file: &'a str,
    category: Category,
    reports: Option<&'a ReportTexts>,
    keys: HashSet<((String, i32, String, String), String)>,
}

impl<'a> DatasetCheck<'a> {
    pub fn new(
        catalog: &'a Catalog,
        file: &'a str,
        category: Category,
        reports: Option<&'a ReportTexts>,
    ) -> Self {
        DatasetCheck {
            catalog,
            file,
            category,
            reports,
            keys: HashSet::new(),
        }
    }

    /// Checks the record at `index` in the file: returns it if it passes, and puts a diagnostic
    /// for every problem in `diagnostics`.
    pub fn check(
        &mut self,
        index: usize,
        observation: Observation,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<Observation> {
        let mut problems = Vec::new();
        check_observation(
            self.catalog,
            self.category,
            &observation,
            self.reports,
            &mut problems,
        );
        // The same number may come from two reports (a later one restating it); the dashboard
        // shows both. Twice from one report is a mistake.
        if !self
            .keys
            .insert((observation.key(), observation.source.doc.clone()))
        {
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
                    file: self.file.to_string(),
                    // Named only here, when something is wrong: national files have ~50,000 records.
                    record: Some(format!("observations[{index}] ({})", observation.label())),
                    field: Some(field.to_string()),
                    message,
                }),
        );
        (!rejected).then_some(observation)
    }
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
    if let Some(unit) = units::lookup(&o.unit) {
        let largest = units::largest(unit.dimension);
        for (field, number) in [("value", Some(o.value)), ("value_max", o.value_max)] {
            if number.is_some_and(|n| n * unit.factor > largest) {
                error(
                    field,
                    format!(
                        "{} {} is beyond any plausible {:?} value (at most {largest:e} in the base unit)",
                        number.unwrap_or_default(),
                        o.unit,
                        unit.dimension
                    ),
                );
            }
        }
    }
    let no_text = Text::default();
    for (field, text, most) in [
        (
            "context",
            o.context.as_ref().unwrap_or(&no_text),
            TITLE_CHARS,
        ),
        ("note", o.note.as_ref().unwrap_or(&no_text), NOTE_CHARS),
        (
            "year_note",
            o.year_note.as_ref().unwrap_or(&no_text),
            NOTE_CHARS,
        ),
    ] {
        if let Some(problem) = text_problem(text, most) {
            error(field, problem);
        }
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

    // Without the reports file, sources and publication years cannot be checked; the view
    // says the sources are unavailable.
    let report = catalog.report(&o.source.doc);
    if report.is_none() && catalog.has_reports() {
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
        let record = crate::deck::record_name(index, &slide.title);
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
