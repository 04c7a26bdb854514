//! The shipped data set: valid, every quote verbatim in its report, every number in its quote.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use sportdash_core::files::{check_dir, read_reports};
use sportdash_core::model::{Category, Status};

/// The workspace: `data/` and, beside it, `../shared`.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
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

#[test]
fn every_slide_of_the_deck_shows_reported_values() {
    use sportdash_core::deck;
    use sportdash_core::query;
    let checked = check_dir(&root().join("data"), None);
    let catalog = checked.catalog.as_ref().unwrap();
    let text = std::fs::read_to_string(root().join("data").join(deck::DECK_FILE)).unwrap();
    let loaded = deck::parse(deck::DECK_FILE, &text);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let slides = loaded.value.unwrap();
    assert!(slides.len() >= 6, "{}", slides.len());
    for slide in &slides {
        let category = slide.state.view.unwrap();
        let dataset = checked
            .datasets
            .iter()
            .find(|d| d.category == category)
            .unwrap();
        let selection = query::resolve(catalog, dataset, &slide.state);
        let chart = query::chart(catalog, dataset, &selection);
        assert_eq!(
            Some(&chart.indicator),
            slide.state.indicator.as_ref(),
            "{}: the slide's indicator is offered",
            slide.title.zh
        );
        let values = chart
            .rows
            .iter()
            .filter(|r| matches!(r.cell, query::Cell::Value { .. }))
            .count();
        assert!(values > 0, "{}: nothing to show", slide.title.zh);
    }
}

#[test]
fn coverage_and_report_counts_add_up_to_the_data() {
    use sportdash_core::coverage;
    let checked = check_dir(&root().join("data"), None);
    let catalog = checked.catalog.as_ref().unwrap();
    let counts = coverage::report_counts(catalog, &checked.datasets);
    assert_eq!(counts.len(), 5);
    let total: usize = counts.iter().map(|c| c.total()).sum();
    assert_eq!(
        total,
        checked.observation_count(),
        "every number belongs to one report"
    );
    let hedong = counts.iter().find(|c| c.doc.starts_with("003_")).unwrap();
    let medals = checked.datasets[0]
        .observations
        .iter()
        .filter(|o| o.source.doc == hedong.doc)
        .count();
    assert_eq!(hedong.by_category[0], medals);

    let grid = coverage::coverage(catalog, &checked.datasets);
    assert_eq!(grid.years, (2020..=2024).collect::<Vec<_>>());
    let cells: usize = grid
        .rows
        .iter()
        .flat_map(|r| r.cells.iter())
        .map(|(reported, targets)| reported + targets)
        .sum();
    assert_eq!(cells, checked.observation_count());
    let jiaozuo_talent_2024 = grid
        .rows
        .iter()
        .find(|r| r.entity == "jiaozuo" && r.category == Category::Talent)
        .unwrap()
        .cells[4];
    assert_eq!(jiaozuo_talent_2024.0, 0, "2024 holds only plans");
    assert!(jiaozuo_talent_2024.1 > 0);
    let hedong_industry = grid
        .rows
        .iter()
        .find(|r| r.entity == "hedong" && r.category == Category::Industry)
        .unwrap();
    assert!(
        hedong_industry.cells.iter().all(|c| *c == (0, 0)),
        "not reported"
    );
}

/// Nothing lost: every stored number can be reached from some view (its section, one of the
/// indicators offered, the places offered, every year), and so from its table and its CSV.
#[test]
fn every_observation_is_reachable_from_some_view() {
    use sportdash_core::query::{self, Cell, Selection};
    use std::collections::BTreeSet;
    let checked = check_dir(&root().join("data"), None);
    let catalog = checked.catalog.as_ref().unwrap();
    let id = |o: &sportdash_core::model::Observation| format!("{:?} {}", o.key(), o.source.doc);
    let mut stored = BTreeSet::new();
    let mut reached = BTreeSet::new();
    for dataset in &checked.datasets {
        stored.extend(dataset.observations.iter().map(id));
        for indicator in query::indicator_choices(catalog, dataset) {
            let selection = Selection {
                indicator: Some(indicator),
                entities: query::comparable_entities(catalog),
                years: query::year_span(dataset),
                top: None,
                ranked: None,
                ignored: Vec::new(),
            };
            for row in query::chart(catalog, dataset, &selection).rows {
                if let Cell::Value {
                    observation, also, ..
                } = row.cell
                {
                    reached.insert(id(&observation));
                    reached.extend(also.iter().map(id));
                }
            }
        }
    }
    let lost: Vec<&String> = stored.difference(&reached).collect();
    assert!(lost.is_empty(), "not reachable from any view: {lost:#?}");
    assert_eq!(reached.len(), checked.observation_count());
}

/// The dashboard shows what each indicator counts under its chart: every one, and the medal
/// table, says so in both languages.
#[test]
fn every_indicator_says_what_it_counts_in_both_languages() {
    use sportdash_core::i18n::indicator_about;
    use sportdash_core::lang::Lang;
    let checked = check_dir(&root().join("data"), None);
    let catalog = checked.catalog.as_ref().unwrap();
    let ids = catalog
        .indicators
        .iter()
        .map(|i| i.id.as_str())
        .chain([sportdash_core::model::MEDAL_TABLE]);
    for id in ids {
        let zh = indicator_about(catalog, id, Lang::Zh);
        let en = indicator_about(catalog, id, Lang::En);
        assert!(
            zh.is_some_and(|t| !t.is_ascii()),
            "{id}: no Chinese description ({zh:?})"
        );
        assert!(
            en.is_some_and(|t| t.is_ascii()),
            "{id}: no English description ({en:?})"
        );
    }
    assert_eq!(
        indicator_about(catalog, "no_such_indicator", Lang::Zh),
        None
    );
}
