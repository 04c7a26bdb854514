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
pub(crate) fn text_problem(text: &Text, most: usize) -> Option<String> {
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
    entities(catalog, &mut found);
    indicators(catalog, &mut found);
    reports(catalog, &mut found);
    found
}

/// Diagnostics for one catalog file, each naming its record and field.
struct FileProblems<'a> {
    file: &'a str,
    found: &'a mut Vec<Diagnostic>,
}

impl FileProblems<'_> {
    fn error(&mut self, record: &str, field: &str, message: impl Into<String>) {
        self.found.push(Diagnostic::record_error(
            self.file,
            record,
            Some(field),
            message,
        ));
    }

    fn text(&mut self, record: &str, field: &str, text: &Text, most: usize) {
        if let Some(problem) = text_problem(text, most) {
            self.error(record, field, problem);
        }
    }
}

fn entities(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    let mut problems = FileProblems {
        file: ENTITIES_FILE,
        found,
    };
    let mut seen = HashSet::new();
    for (index, entity) in catalog.entities.iter().enumerate() {
        let record = format!("entities[{index}] ({})", entity.id);
        if !is_link_id(&entity.id) {
            problems.error(&record, "id", LINK_ID);
        }
        problems.text(&record, "name", &entity.name, NAME_CHARS);
        if !seen.insert(entity.id.as_str()) {
            problems.error(&record, "id", "duplicate id");
        }
        match entity.parent.as_deref() {
            Some(parent) if catalog.entity(parent).is_none() => {
                problems.error(&record, "parent", format!("unknown entity \"{parent}\""));
            }
            Some(_) if among_its_parents(catalog, &entity.id) => problems.error(
                &record,
                "parent",
                format!("a cycle: \"{}\" is among its own parents", entity.id),
            ),
            _ => {}
        }
    }
}

fn indicators(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    let mut problems = FileProblems {
        file: INDICATORS_FILE,
        found,
    };
    let mut seen = HashSet::new();
    for (index, indicator) in catalog.indicators.iter().enumerate() {
        let record = format!("indicators[{index}] ({})", indicator.id);
        if indicator.id == MEDAL_TABLE {
            let message = format!("\"{MEDAL_TABLE}\" is the medals view's own indicator");
            problems.error(&record, "id", message);
        } else if !is_link_id(&indicator.id) {
            problems.error(&record, "id", LINK_ID);
        }
        problems.text(&record, "name", &indicator.name, NAME_CHARS);
        problems.text(&record, "description", &indicator.description, NOTE_CHARS);
        if let Some(file) = indicator.file.as_deref().filter(|f| !is_data_path(f)) {
            let message = format!(
                "\"{file}\" is not a data file in the data directory: give a path such as \
                 observations/<section>/<indicator>.json"
            );
            problems.error(&record, "file", message);
        }
        if !seen.insert(indicator.id.as_str()) {
            problems.error(&record, "id", "duplicate id");
        }
        if !units::is_known(&indicator.unit) {
            let message = format!("unknown unit \"{}\"", indicator.unit);
            problems.error(&record, "unit", message);
        }
    }
}

fn reports(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    let mut problems = FileProblems {
        file: REPORTS_FILE,
        found,
    };
    let mut seen = HashSet::new();
    for (index, report) in catalog.reports.iter().enumerate() {
        let record = format!("reports[{index}] ({})", report.doc);
        problems.text(&record, "title", &report.title, TITLE_CHARS);
        problems.text(&record, "publisher", &report.publisher, TITLE_CHARS);
        if let Some(note) = &report.note {
            problems.text(&record, "note", note, NOTE_CHARS);
        }
        if !seen.insert(report.doc.as_str()) {
            problems.error(&record, "doc", "duplicate report");
        }
        if catalog.entity(&report.entity).is_none() {
            let message = format!("unknown entity \"{}\"", report.entity);
            problems.error(&record, "entity", message);
        }
        if publication_year(&report.published).is_none() {
            let message = format!(
                "expected a date starting with a year, found \"{}\"",
                report.published
            );
            problems.error(&record, "published", message);
        }
    }
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
    // The order of the checks is the order of the diagnostics, which readers and tests rely on.
    references(catalog, category, o, &mut error);
    value(o, &mut error);
    texts(o, &mut error);
    high_end(o, &mut error);
    year(catalog, o, &mut error);
    quote(o, reports, &mut error);
}

/// The entity and indicator exist, the indicator is in this dataset's section, and the unit
/// converts to the indicator's.
fn references(
    catalog: &Catalog,
    category: Category,
    o: &Observation,
    error: &mut impl FnMut(&'static str, String),
) {
    if catalog.entity(&o.entity).is_none() {
        error("entity", format!("unknown entity \"{}\"", o.entity));
    }
    let Some(indicator) = catalog.indicator(&o.indicator) else {
        error(
            "indicator",
            format!("unknown indicator \"{}\"", o.indicator),
        );
        return;
    };
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

/// The value, and a range's high end, are non-negative numbers of a plausible size.
fn value(o: &Observation, error: &mut impl FnMut(&'static str, String)) {
    if !o.value.is_finite() || o.value < 0.0 {
        error(
            "value",
            format!("expected a finite number ≥ 0, found {}", o.value),
        );
    }
    if let Some(unit) = units::lookup(&o.unit) {
        let largest = units::largest(unit.dimension);
        for (field, number) in [("value", Some(o.value)), ("value_max", o.value_max)] {
            if let Some(number) = number.filter(|n| n * unit.factor > largest) {
                error(
                    field,
                    format!(
                        "{number} {} is beyond any plausible {} value (at most {largest:e} in the base unit)",
                        o.unit,
                        unit.dimension.name()
                    ),
                );
            }
        }
    }
}

fn texts(o: &Observation, error: &mut impl FnMut(&'static str, String)) {
    for (field, text, most) in [
        ("context", &o.context, TITLE_CHARS),
        ("note", &o.note, NOTE_CHARS),
        ("year_note", &o.year_note, NOTE_CHARS),
    ] {
        if let Some(problem) = text.as_ref().and_then(|t| text_problem(t, most)) {
            error(field, problem);
        }
    }
}

/// Only a range has a high end, and it is above the low end.
fn high_end(o: &Observation, error: &mut impl FnMut(&'static str, String)) {
    match (o.qualifier, o.value_max) {
        (Qualifier::Range, None) => error("value_max", "a range needs its high end".to_string()),
        (Qualifier::Range, Some(max)) if max.is_nan() || max <= o.value => error(
            "value_max",
            format!("the high end {max} must exceed the low end {}", o.value),
        ),
        (Qualifier::Range, Some(_)) | (_, None) => {}
        (_, Some(_)) => error("value_max", "only a range has a high end".to_string()),
    }
}

/// The year is plausible, a reported value is not from after its report, and a year other than
/// the report's says how it was read. Without the reports file, sources and publication years
/// cannot be checked; the view says the sources are unavailable.
fn year(catalog: &Catalog, o: &Observation, error: &mut impl FnMut(&'static str, String)) {
    let report = catalog.report(&o.source.doc);
    if report.is_none() && catalog.has_reports() {
        error("source.doc", format!("unknown report \"{}\"", o.source.doc));
    }
    if !(FIRST_YEAR..=LAST_YEAR).contains(&o.year) {
        error(
            "year",
            format!("{} is outside {FIRST_YEAR}–{LAST_YEAR}", o.year),
        );
        return;
    }
    let Some(published) = report.and_then(|r| publication_year(&r.published)) else {
        return;
    };
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

/// Every number is written in the quote, and the quote is verbatim in its report when the
/// report's text is at hand.
fn quote(
    o: &Observation,
    reports: Option<&ReportTexts>,
    error: &mut impl FnMut(&'static str, String),
) {
    let quote = squash(&o.source.quote);
    if quote.is_empty() {
        error("source.quote", "empty quote".to_string());
        return;
    }
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

/// The year a report's `published` field starts with ("2024-03" → 2024).
pub fn publication_year(published: &str) -> Option<i32> {
    published.get(..4)?.parse().ok()
}

/// Text with all white space removed: quotes match across line breaks and spacing.
pub fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}
