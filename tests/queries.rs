//! Queries on the real data. Each case in `fixtures/queries/` is a selection and the rows the
//! chart and table must show, written out as text. `BLESS=1 cargo test --test queries` rewrites
//! the expected part from the current output, for review in the diff.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use sportdash::files::check_dir;
use sportdash::format;
use sportdash::model::Category;
use sportdash::query::{self, Cell, ChartData};
use sportdash::state::ViewState;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The chart data as plain text: shape, unit, then one line per row.
fn describe(chart: &ChartData) -> String {
    let mut out = format!(
        "shape {:?}, unit {}, indicator {}\n",
        chart.shape, chart.unit.name, chart.indicator
    );
    for row in &chart.rows {
        let context = row
            .context
            .as_ref()
            .map(|c| format!(" [{}]", c.zh))
            .unwrap_or_default();
        let value = match &row.cell {
            Cell::NoData => "no data".to_string(),
            Cell::Value {
                observation,
                value,
                value_max,
            } => format!(
                "{} {}{}",
                format::qualified(*value, *value_max, observation.qualifier),
                chart.unit.name,
                match observation.status {
                    sportdash::model::Status::Target => " (target)",
                    sportdash::model::Status::Reported => "",
                }
            ),
        };
        out.push_str(&format!(
            "{} {} {}{} = {}\n",
            row.entity, row.year, row.indicator, context, value
        ));
    }
    out
}

/// The view state a case's header describes; keys left out take the view's defaults.
fn state_of(header: &str) -> ViewState {
    let mut state = ViewState::default();
    for line in header
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (key, value) = line.split_once(':').expect("key: value");
        let value = value.trim();
        match key.trim() {
            "view" => state.view = Some(Category::from_id(value).expect("a view")),
            "indicator" => state.indicator = Some(value.to_string()),
            "entities" => state.entities = Some(value.split(',').map(str::to_string).collect()),
            "years" => {
                let (a, b) = value.split_once('-').expect("from-to");
                state.years = Some((a.parse().unwrap(), b.parse().unwrap()));
            }
            other => panic!("unknown key {other}"),
        }
    }
    state
}

fn check(case: &Path, data: &sportdash::files::Checked) -> Result<(), String> {
    let text = fs::read_to_string(case).unwrap();
    let (header, expected) = text.split_once("---\n").expect("a --- line");
    let state = state_of(header);
    let catalog = data.catalog.as_ref().unwrap();
    let dataset = data
        .datasets
        .iter()
        .find(|d| Some(d.category) == state.view)
        .expect("a view: line");
    let selection = query::resolve(catalog, dataset, &state);
    let actual = describe(&query::chart(catalog, dataset, &selection));
    if std::env::var_os("BLESS").is_some() {
        fs::write(case, format!("{header}---\n{actual}")).unwrap();
        return Ok(());
    }
    if actual == expected {
        Ok(())
    } else {
        Err(format!(
            "{}:\n--- expected\n{expected}--- actual\n{actual}",
            case.display()
        ))
    }
}

#[test]
fn every_query_case_shows_the_expected_rows() {
    let data = check_dir(&root().join("data"), None);
    assert_eq!(data.errors().count(), 0);
    let mut cases: Vec<PathBuf> = fs::read_dir(root().join("tests/fixtures/queries"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    let failures: Vec<String> = cases.iter().filter_map(|c| check(c, &data).err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
