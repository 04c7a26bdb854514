//! The shipped data set: valid, every quote verbatim in its report, every number in its quote.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use sportdash::files::{check_dir, read_reports};
use sportdash::model::{Category, Status};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The report texts live beside the repository, in ../shared/reports (or $SPORTDASH_REPORTS).
fn reports_dir() -> PathBuf {
    std::env::var_os("SPORTDASH_REPORTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/reports"))
}

#[test]
fn the_data_is_valid_against_the_reports() {
    let reports = read_reports(&reports_dir())
        .unwrap_or_else(|e| panic!("the reports are needed at {}: {e}", reports_dir().display()));
    assert_eq!(reports.len(), 5);
    let checked = check_dir(&root().join("data"), Some(&reports));
    let problems: Vec<String> = checked.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        checked.observation_count() >= 100,
        "{}",
        checked.observation_count()
    );
}

#[test]
fn every_view_has_data_and_every_report_is_used() {
    let checked = check_dir(&root().join("data"), None);
    let catalog = checked.catalog.as_ref().unwrap();
    for category in Category::ALL {
        let dataset = checked
            .datasets
            .iter()
            .find(|d| d.category == category)
            .unwrap();
        assert!(!dataset.observations.is_empty(), "{category:?} is empty");
    }
    for report in &catalog.reports {
        let used = checked
            .datasets
            .iter()
            .flat_map(|d| &d.observations)
            .filter(|o| o.source.doc == report.doc)
            .count();
        assert!(used > 0, "{} has no observations", report.doc);
    }
}

#[test]
fn plans_for_2024_are_targets_not_achievements() {
    let checked = check_dir(&root().join("data"), None);
    let in_2024: Vec<_> = checked
        .datasets
        .iter()
        .flat_map(|d| &d.observations)
        .filter(|o| o.year == 2024)
        .collect();
    assert!(!in_2024.is_empty());
    assert!(in_2024.iter().all(|o| o.status == Status::Target));
}
