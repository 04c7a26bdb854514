//! Reading a data directory and the report texts from disk (native only).

use std::fs;
use std::path::Path;

use crate::deck::{self, DECK_FILE};
use crate::load::{self, Diagnostic, Loaded, ENTITIES_FILE, INDICATORS_FILE, REPORTS_FILE};
use crate::model::{Catalog, Category, Dataset};
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

fn read(dir: &Path, file: &str) -> Result<String, Diagnostic> {
    fs::read_to_string(dir.join(file))
        .map_err(|e| Diagnostic::file_error(file, format!("cannot read: {e}")))
}

/// Loads and validates `data_dir`; quotes are checked against `reports` when given.
pub fn check_dir(data_dir: &Path, reports: Option<&ReportTexts>) -> Checked {
    let mut diagnostics = Vec::new();
    let mut text = |file: &str| match read(data_dir, file) {
        Ok(text) => Some(text),
        Err(d) => {
            diagnostics.push(d);
            None
        }
    };
    let (entities, indicators, report_list) = (
        text(ENTITIES_FILE),
        text(INDICATORS_FILE),
        text(REPORTS_FILE),
    );
    let catalog = match (entities, indicators, report_list) {
        (Some(e), Some(i), Some(r)) => {
            let Loaded {
                value,
                diagnostics: found,
            } = load::catalog(&e, &i, &r);
            diagnostics.extend(found);
            value
        }
        _ => None,
    };
    let Some(catalog) = catalog else {
        return Checked {
            catalog: None,
            datasets: Vec::new(),
            diagnostics,
        };
    };
    diagnostics.extend(validate::catalog(&catalog));
    let mut datasets = Vec::new();
    for category in Category::ALL {
        // A section is one file, or (split, for large data sets) one file per indicator.
        let files: Vec<String> = if catalog.is_split(category) {
            catalog
                .indicators_in(category)
                .filter_map(|i| i.file.clone())
                .collect()
        } else {
            vec![category.dataset_file()]
        };
        let mut observations = Vec::new();
        let mut any = false;
        for file in files {
            let text = match read(data_dir, &file) {
                Ok(text) => text,
                Err(d) => {
                    diagnostics.push(d);
                    continue;
                }
            };
            let loaded = load::dataset(&file, &text, category);
            diagnostics.extend(loaded.diagnostics);
            if let Some(dataset) = loaded.value {
                let (kept, found) = validate::dataset(&catalog, &file, dataset, reports);
                diagnostics.extend(found);
                observations.extend(kept.observations);
                any = true;
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
        if let Ok(text) = read(data_dir, DECK_FILE) {
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
pub fn read_reports(dir: &Path) -> std::io::Result<ReportTexts> {
    let mut texts = ReportTexts::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
                texts.insert(
                    name.to_string(),
                    validate::squash(&fs::read_to_string(&path)?),
                );
            }
        }
    }
    Ok(texts)
}
