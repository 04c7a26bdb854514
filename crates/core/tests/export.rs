//! Export: file names say what is inside, and the CSV holds exactly the table's rows with
//! values, qualifiers and units as reported and the source of each.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use sportdash_core::export;
use sportdash_core::files::{check_dir, Checked};
use sportdash_core::lang::Lang;
use sportdash_core::model::Category;
use sportdash_core::query::{self, ChartData, Selection};
use sportdash_core::state::ViewState;

fn data() -> Checked {
    check_dir(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data"),
        None,
    )
}

fn chart_for(data: &Checked, query_string: &str) -> (ChartData, Selection) {
    let (state, notes): (ViewState, _) = sportdash_core::state::parse(query_string);
    assert!(notes.is_empty(), "{notes:?}");
    let catalog = data.catalog.as_ref().unwrap();
    let category = state.view.unwrap_or(Category::Medals);
    let dataset = data
        .datasets
        .iter()
        .find(|d| d.category == category)
        .unwrap();
    let selection = query::resolve(catalog, dataset, &state);
    (query::chart(catalog, dataset, &selection), selection)
}

#[test]
fn file_names_say_what_is_inside() {
    let data = data();
    let cases = [
        (
            "view=medals&entities=jiaozuo,hedong&years=2021-2023",
            "svg",
            "medals_jiaozuo-hedong_2021-2023.svg",
        ),
        (
            "view=facilities&indicator=sports_area_per_capita&entities=jiaozuo&years=2021-2023",
            "csv",
            "facilities-sports_area_per_capita_jiaozuo_2021-2023.csv",
        ),
        (
            "view=industry&entities=jiaozuo&years=2023",
            "png",
            "industry-sports_industry_scale_jiaozuo_2023.png",
        ),
        (
            "view=events&entities=&years=2021",
            "csv",
            "events-event_participants_none_2021.csv",
        ),
    ];
    for (query_string, extension, expected) in cases {
        let (chart, selection) = chart_for(&data, query_string);
        assert_eq!(
            export::file_name(&chart, &selection, extension),
            expected,
            "{query_string}"
        );
    }
}

#[test]
fn the_csv_has_a_line_per_table_row_with_its_source() {
    let data = data();
    let catalog = data.catalog.as_ref().unwrap();
    let (chart, _) = chart_for(
        &data,
        "view=facilities&indicator=sports_area_per_capita&entities=jiaozuo,hedong&years=2021-2023",
    );
    let text = export::csv(&chart, catalog, Lang::Zh);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        export::CSV_HEADER
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), chart.rows.len());
    let line = |entity: &str, year: &str| {
        records
            .iter()
            .find(|r| &r[0] == entity && &r[2] == year)
            .unwrap_or_else(|| panic!("{entity} {year}"))
            .iter()
            .collect::<Vec<_>>()
    };
    let reported = line("jiaozuo", "2023");
    assert_eq!(
        &reported[..12],
        [
            "jiaozuo",
            "焦作市",
            "2023",
            "sports_area_per_capita",
            "人均体育场地面积",
            "",
            "2.62",
            "",
            "exact",
            "平方米",
            "reported",
            "001_1a524fcc062b4368.txt"
        ]
    );
    assert!(reported[12].contains("2.62"), "the quote: {}", reported[12]);
    let missing = line("jiaozuo", "2022");
    assert_eq!(&missing[6..11], ["", "", "", "", "not_reported"]);
    assert_eq!(line("hedong", "2021")[10], "not_reported");
}

#[test]
fn quotes_with_commas_and_quotation_marks_survive_the_csv() {
    let data = data();
    let catalog = data.catalog.as_ref().unwrap();
    let (chart, _) = chart_for(
        &data,
        "view=events&indicator=event_participants&entities=chongqing",
    );
    let text = export::csv(&chart, catalog, Lang::En);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let quotes: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[12].to_string())
        .collect();
    let expected: Vec<String> = chart
        .rows
        .iter()
        .map(|r| match &r.cell {
            query::Cell::Value { observation, .. } => observation.source.quote.clone(),
            query::Cell::NoData | query::Cell::Reference { .. } => String::new(),
        })
        .collect();
    assert_eq!(quotes, expected);
    assert!(quotes.iter().any(|q| q.contains(',')), "{quotes:?}");
}
