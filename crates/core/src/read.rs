//! Reading data files and checking them, wired once for the command line and the dashboard:
//! a file's text in (read from disk, or fetched), what passes and every problem out. A large
//! dataset file is read a slice of records at a time, so that the dashboard can give the page
//! back between slices.

use crate::load::{self, Diagnostic, Loaded, Records};
use crate::model::{Catalog, Category, Dataset, Observation};
use crate::validate::{self, DatasetCheck, ReportTexts};

/// How many records a slice holds: a few tens of milliseconds of work in the browser.
pub const SLICE: usize = 4_000;

/// The catalog from its files' texts, checked. `reports` is the reports file's text, or why it
/// could not be had: without it the catalog still serves every view, without sources.
pub fn catalog(entities: &str, indicators: &str, reports: Result<&str, &str>) -> Loaded<Catalog> {
    let mut loaded = match reports {
        Ok(reports) => load::catalog(entities, indicators, reports),
        Err(why) => load::catalog_without_reports(entities, indicators, why),
    };
    if let Some(catalog) = &loaded.value {
        loaded.diagnostics.extend(validate::catalog(catalog));
    }
    loaded
}

/// The catalog with the national reference values of `references`: the file's text, why it
/// could not be had, or `None` where the data set has no such file (then it has none, and
/// nothing is said).
pub fn with_references(
    loaded: Loaded<Catalog>,
    references: Option<Result<&str, &str>>,
) -> Loaded<Catalog> {
    let Some(text) = references else {
        return loaded;
    };
    let Some(catalog) = loaded.value else {
        return loaded;
    };
    let read = crate::references::read(&catalog, text);
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(read.diagnostics);
    Loaded {
        value: Some(catalog.with_references(read.value.unwrap_or_default())),
        diagnostics,
    }
}

/// One dataset file being read and checked against the catalog (and the report texts, when
/// given), a slice at a time.
pub struct DatasetRead<'a> {
    records: Records<'a>,
    check: DatasetCheck<'a>,
    category: Category,
    kept: Vec<Observation>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> DatasetRead<'a> {
    /// The file opened for reading, or why it is unusable (not JSON, no list of records).
    pub fn open(
        catalog: &'a Catalog,
        file: &'a str,
        text: &'a str,
        category: Category,
        reports: Option<&'a ReportTexts>,
    ) -> Result<Self, Diagnostic> {
        let records = Records::open(file, text, "observations")?;
        let diagnostics = load::dataset_name(file, &records, category)
            .into_iter()
            .collect();
        Ok(DatasetRead {
            kept: Vec::with_capacity(records.len()),
            records,
            check: DatasetCheck::new(catalog, file, category, reports),
            category,
            diagnostics,
        })
    }

    /// How many records the file lists.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Reads and checks up to `n` more records. Returns whether any are left.
    pub fn step(&mut self, n: usize) -> bool {
        for (index, observation) in self.records.read(n, &mut self.diagnostics) {
            if let Some(kept) = self.check.check(index, observation, &mut self.diagnostics) {
                self.kept.push(kept);
            }
        }
        !self.records.done()
    }

    /// The records that passed, and every problem found.
    pub fn finish(self) -> (Dataset, Vec<Diagnostic>) {
        let dataset = Dataset {
            category: self.category,
            observations: self.kept,
        };
        (dataset, self.diagnostics)
    }
}

/// A whole dataset file read and checked at once: the records that passed and every problem,
/// or why the file is unusable.
pub fn dataset(
    catalog: &Catalog,
    file: &str,
    text: &str,
    category: Category,
    reports: Option<&ReportTexts>,
) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
    let mut read = DatasetRead::open(catalog, file, text, category, reports)?;
    while read.step(usize::MAX) {}
    Ok(read.finish())
}
