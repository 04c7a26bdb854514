//! Queries on the real data. Each case in `fixtures/queries/` is a selection and the rows the
//! chart and table must show, written out as text. `BLESS=1 cargo test --test queries` rewrites
//! the expected part from the current output, for review in the diff.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use sportdash_core::files::check_dir;
use sportdash_core::format;
use sportdash_core::lang::Lang;
use sportdash_core::model::Category;
use sportdash_core::query::{self, Cell, ChartData};
use sportdash_core::state::ViewState;
use sportdash_core::{compare, describe};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn data() -> PathBuf {
    root().join("../../data")
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
                also,
            } => format!(
                "{} {}{} from {}{}",
                format::qualified(*value, *value_max, observation.qualifier),
                chart.unit.name,
                match observation.status {
                    sportdash_core::model::Status::Target => " (target)",
                    sportdash_core::model::Status::Reported => "",
                },
                observation.source.doc,
                also.iter()
                    .map(|o| format!(", also {} {} in {}", o.value, o.unit, o.source.doc))
                    .collect::<String>()
            ),
            Cell::Reference { reference, value } => format!(
                "{} {} ({:?} reference, {} {})",
                format::number(*value),
                chart.unit.name,
                reference.kind,
                reference.citation.published,
                reference.citation.url
            ),
        };
        out.push_str(&format!(
            "{} {} {}{} = {}\n",
            row.entity, row.year, row.indicator, context, value
        ));
    }
    out
}

/// Each value's comparisons with the year before and with the nation, or why there are none.
fn comparisons(chart: &ChartData) -> String {
    let mut out = String::new();
    for (index, row) in chart.rows.iter().enumerate() {
        let Some(c) = compare::of_row(chart, index) else {
            continue;
        };
        let said = |outcome: Result<compare::Difference, compare::NotComparable>| match outcome {
            Ok(d) => compare::signed(&d, Lang::En),
            Err(why) => format!("not shown: {}", compare::why_not(why, Lang::En)),
        };
        out.push_str(&format!(
            "compare {} {}: on the year before {}; against the nation {}\n",
            row.entity,
            row.year,
            said(c.previous_year.map(|(_, d)| d)),
            said(c.national)
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
            "top" => state.top = Some(value.parse().expect("a count")),
            other => panic!("unknown key {other}"),
        }
    }
    state
}

fn check(case: &Path, data: &sportdash_core::files::Checked) -> Result<(), String> {
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
    let mut actual = format!(
        "years {}, ignored [{}]\n",
        selection
            .years
            .map_or("none".to_string(), |(a, b)| format!("{a}-{b}")),
        selection
            .ignored
            .iter()
            .map(query::Ignored::parameter)
            .collect::<Vec<_>>()
            .join(", ")
    );
    let chart = query::chart(catalog, dataset, &selection);
    actual.push_str(&describe(&chart));
    actual.push_str(&comparisons(&chart));
    if let Some((text, _)) = describe::national_context(catalog, &chart.indicator, Lang::En) {
        actual.push_str(&format!("national context: {text}\n"));
    }
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
    let data = check_dir(&data(), None);
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

/// A number restated by a later report: both are kept, the earlier report's value is drawn,
/// and the later one travels with it, marked.
#[test]
fn a_number_restated_in_a_later_report_is_shown_with_both_sources() {
    let data = check_dir(&data(), None);
    let catalog = data.catalog.as_ref().unwrap();
    let mut dataset = data
        .datasets
        .iter()
        .find(|d| d.category == Category::Facilities)
        .unwrap()
        .clone();
    let original = dataset
        .observations
        .iter()
        .find(|o| o.indicator == "sports_area_per_capita" && o.year == 2021)
        .unwrap()
        .clone();
    let mut restated = original.clone();
    restated.source.doc = "001_1a524fcc062b4368.txt".to_string();
    restated.source.quote = "2021年人均体育场地面积2.26平方米".to_string();
    // The later report comes first in the file: order of records must not decide.
    dataset.observations.insert(0, restated);
    let state = ViewState {
        view: Some(Category::Facilities),
        indicator: Some("sports_area_per_capita".to_string()),
        entities: Some(vec!["jiaozuo".to_string()]),
        ..ViewState::default()
    };
    let chart = query::chart(
        catalog,
        &dataset,
        &query::resolve(catalog, &dataset, &state),
    );
    let described = describe(&chart);
    assert!(
        described.contains(
            "jiaozuo 2021 sports_area_per_capita = 2.26 平方米 from 000_13b76a47599bb06a.txt, also 2.26 平方米 in 001_1a524fcc062b4368.txt"
        ),
        "{described}"
    );
    let (_, problems) =
        sportdash_core::validate::dataset(catalog, "observations/facilities.json", dataset, None);
    assert!(
        problems.is_empty(),
        "a restatement is not an error: {problems:?}"
    );
}

/// A year typed into a box is held to the years the indicator has values in, and the other
/// end moves where the two would cross: the rule the year boxes follow, one case per line
/// (current range, span, which box, typed → range).
#[test]
fn a_typed_year_is_held_to_the_indicator_and_never_crosses_the_other_end() {
    use query::YearEnd::{From, To};
    let cases = [
        ((2021, 2023), (2021, 2023), From, 2022, (2022, 2023)),
        ((2021, 2023), (2021, 2023), From, 1990, (2021, 2023)),
        ((2021, 2022), (2021, 2023), From, 2023, (2023, 2023)),
        ((2022, 2023), (2021, 2023), To, 2021, (2021, 2021)),
        ((2021, 2023), (2021, 2023), To, 2099, (2021, 2023)),
        ((2020, 2020), (2020, 2024), To, 2022, (2020, 2022)),
    ];
    for (current, span, end, typed, expected) in cases {
        assert_eq!(
            query::years_after_input(current, span, end, typed),
            expected,
            "{current:?} {span:?} {end:?} {typed}"
        );
    }
}

/// Playing the years (the presentation's space key) shows the chart year by year in the shape
/// and on the axes of the whole range: a line chart does not start as bars.
#[test]
fn playing_the_years_keeps_the_shape_and_the_axes() {
    let data = check_dir(&data(), None);
    let catalog = data.catalog.as_ref().unwrap();
    let dataset = data
        .datasets
        .iter()
        .find(|d| d.category == Category::Events)
        .unwrap();
    let (state, _) = sportdash_core::state::parse(
        "view=events&indicator=fitness_events&entities=jiaozuo,chongqing&years=2021-2023",
    );
    let whole = query::chart(catalog, dataset, &query::resolve(catalog, dataset, &state));
    assert_eq!(whole.shape, query::Shape::Lines);
    let first = query::until(&whole, 2021);
    assert_eq!(first.shape, whole.shape);
    assert_eq!(first.groups, whole.groups, "the axis keeps every year");
    assert_eq!(first.max_value(), whole.max_value(), "and its scale");
    assert!(first.rows.iter().all(|r| r.year == 2021));
    assert!(first.rows.len() < whole.rows.len());
    assert_eq!(query::until(&whole, 2023), whole);
}
