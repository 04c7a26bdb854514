//! Reading a data directory and the report texts from disk (native only). Every read is
//! bounded: a regular file, no larger than its limit, inside the directory it belongs to.

use std::fs;
use std::io::Read;
use std::path::Path;

use crate::deck::{self, DECK_FILE};
pub use crate::load::decode_report;
use crate::load::{self, Diagnostic, Loaded, ENTITIES_FILE, INDICATORS_FILE, REPORTS_FILE};
use crate::model::{Catalog, Category, Dataset};
use crate::read;
use crate::references::{self, REFERENCES_FILE};
use crate::validate::{self, ReportTexts};

/// Everything in a data directory, checked: what passed, and every problem found.
pub struct Checked {
    pub catalog: Option<Catalog>,
    pub datasets: Vec<Dataset>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    pub fn observation_count(&self) -> usize {
        self.datasets.iter().map(|d| d.observations.len()).sum()
    }
}

/// The bytes of `path`, a regular file (not a device, a pipe or a directory) of at most
/// `limit` bytes: refused before reading where its size says so, and where reading finds more.
pub fn read_bounded(path: &Path, limit: usize) -> Result<Vec<u8>, String> {
    let file = fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err("not a regular file".to_string());
    }
    let too_large = |bytes: u64| {
        format!(
            "too large ({:.1} MB; the limit is {} MB)",
            bytes as f64 / 1_048_576.0,
            limit / 1_048_576
        )
    };
    if meta.len() > limit as u64 {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A data file's text: UTF-8 (a byte-order mark dropped), within `load::MAX_BYTES`.
fn read_data_file(dir: &Path, file: &str) -> Result<String, Diagnostic> {
    let fail = |message: String| Diagnostic::file_error(file, message);
    let path = dir.join(file);
    // Inside the data directory, links followed: a data file is never read from elsewhere.
    let inside = match (dir.canonicalize(), path.canonicalize()) {
        (Ok(dir), Ok(path)) => path.starts_with(dir),
        _ => true,
    };
    if !inside {
        return Err(fail("outside the data directory".to_string()));
    }
    let bytes = read_bounded(&path, load::MAX_BYTES).map_err(fail)?;
    let mut body = load::Body::new(load::MAX_BYTES);
    body.push(bytes).map_err(|e| fail(e.to_string()))?;
    body.text().map_err(|e| fail(e.to_string()))
}

/// A report file's text, decoded (`decode_report`), within `extract::MAX_TEXT_BYTES`.
pub fn read_report(path: &Path) -> Result<(String, &'static str), String> {
    let bytes = read_bounded(path, crate::load::MAX_REPORT_BYTES)?;
    decode_report(&bytes)
}

/// Loads and validates `data_dir`; quotes are checked against `reports` when given.
pub fn check_dir(data_dir: &Path, reports: Option<&ReportTexts>) -> Checked {
    let mut diagnostics = Vec::new();
    let mut text = |file: &str| match read_data_file(data_dir, file) {
        Ok(text) => Some(text),
        Err(d) => {
            diagnostics.push(d);
            None
        }
    };
    let (entities, indicators) = (text(ENTITIES_FILE), text(INDICATORS_FILE));
    // Without the reports file the rest is still checked, as the dashboard still shows it.
    let loaded = match (entities, indicators, read_data_file(data_dir, REPORTS_FILE)) {
        (Some(e), Some(i), Ok(r)) => Some(read::catalog(&e, &i, Ok(&r))),
        (Some(e), Some(i), Err(unread)) => Some(read::catalog(&e, &i, Err(&unread.message))),
        (_, _, unread) => {
            diagnostics.extend(unread.err());
            None
        }
    };
    let catalog = loaded.and_then(
        |Loaded {
             value,
             diagnostics: found,
         }| {
            diagnostics.extend(found);
            value
        },
    );
    let Some(catalog) = catalog else {
        return Checked {
            catalog: None,
            datasets: Vec::new(),
            diagnostics,
        };
    };
    // National reference values are optional: without them the charts draw without yardsticks.
    let catalog = if data_dir.join(REFERENCES_FILE).exists() {
        let text = read_data_file(data_dir, REFERENCES_FILE).map_err(|d| d.message);
        let loaded = references::read(&catalog, text.as_deref().map_err(String::as_str));
        diagnostics.extend(loaded.diagnostics);
        let kept = loaded.value.unwrap_or_default();
        catalog.with_references(kept)
    } else {
        catalog
    };
    let mut datasets = Vec::new();
    for category in Category::ALL {
        // A section is one file, or (split, for large data sets) one file per indicator.
        let files: Vec<String> = if catalog.is_split(category) {
            // Only paths inside the data directory: the validator names the others.
            catalog
                .indicators_in(category)
                .filter_map(|i| i.file.clone())
                .filter(|f| validate::is_data_path(f))
                .collect()
        } else {
            vec![category.dataset_file()]
        };
        let mut observations = Vec::new();
        let mut any = false;
        for file in files {
            let text = match read_data_file(data_dir, &file) {
                Ok(text) => text,
                Err(d) => {
                    diagnostics.push(d);
                    continue;
                }
            };
            match read::dataset(&catalog, &file, &text, category, reports) {
                Ok((kept, found)) => {
                    diagnostics.extend(found);
                    observations.extend(kept.observations);
                    any = true;
                }
                Err(unusable) => diagnostics.push(unusable),
            }
        }
        if any {
            datasets.push(Dataset {
                category,
                observations,
            });
        }
    }
    // The deck is optional: without one the presentation says so.
    if data_dir.join(DECK_FILE).exists() {
        if let Ok(text) = read_data_file(data_dir, DECK_FILE) {
            let loaded = deck::parse(DECK_FILE, &text);
            diagnostics.extend(loaded.diagnostics);
            if let Some(slides) = loaded.value {
                diagnostics.extend(validate::deck(&catalog, DECK_FILE, &slides));
            }
        }
    }
    Checked {
        catalog: Some(catalog),
        datasets,
        diagnostics,
    }
}

/// Every `*.txt` report in `dir`, by file name, white space removed once for quote checks.
/// A report that cannot be read is an error naming it.
pub fn read_reports(dir: &Path) -> Result<ReportTexts, String> {
    let mut texts = ReportTexts::new();
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
                let (text, _) = read_report(&path).map_err(|e| format!("{name}: {e}"))?;
                texts.insert(name.to_string(), validate::squash(&text));
            }
        }
    }
    Ok(texts)
}
