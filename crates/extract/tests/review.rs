//! The review's own rules, natively: adding a number a person selected, moving to the next
//! open record, checking records as the data will hold them, finding indicators by name.

use std::path::Path;

use sportdash_core::files;
use sportdash_core::model::{Catalog, Dataset, Report, Source, Status, Text, YearBasis};
use sportdash_extract::review::{find_indicators, Proposal, Proposals, Review, PROPOSALS_FORMAT};

const TEXT: &str = "新乡市体育局2023年工作总结\n全年新建社会足球场12个，举办赛事活动300余场次。\n另有健身站点45个。";

fn data() -> (Catalog, Vec<Dataset>) {
    let checked = files::check_dir(Path::new("../../data"), None);
    (
        checked.catalog.expect("the data's catalogue"),
        checked.datasets,
    )
}

fn record(indicator: Option<&str>, value: f64, unit: &str, quote: &str) -> Proposal {
    let start = TEXT.find(&format!("{value}")).unwrap();
    Proposal {
        review: Review::Proposed,
        entity: Some("jiaozuo".to_string()),
        year: Some(2023),
        year_basis: Some(YearBasis::ReportPeriod),
        year_note: Some(Text {
            zh: "2023年：报告总结的年份".to_string(),
            en: None,
        }),
        indicator: indicator.map(str::to_string),
        alternatives: Vec::new(),
        value,
        value_max: None,
        qualifier: sportdash_core::model::Qualifier::Exact,
        unit: unit.to_string(),
        status: Status::Reported,
        context: None,
        source: Source {
            doc: "xinxiang-2023.txt".to_string(),
            quote: quote.to_string(),
        },
        note: None,
        at: (start, start + format!("{value}").len()),
    }
}

fn proposals() -> Proposals {
    Proposals {
        format: PROPOSALS_FORMAT.to_string(),
        report: Report {
            doc: "xinxiang-2023.txt".to_string(),
            entity: "jiaozuo".to_string(),
            title: Text {
                zh: "新乡市体育局2023年工作总结".to_string(),
                en: None,
            },
            publisher: Text {
                zh: "新乡市体育局".to_string(),
                en: None,
            },
            published: "2024-01".to_string(),
            period: "2023".to_string(),
            note: None,
        },
        entity_read: Text {
            zh: "test".to_string(),
            en: None,
        },
        year_read: Text {
            zh: "test".to_string(),
            en: None,
        },
        new_entities: Vec::new(),
        records: vec![
            record(
                Some("football_pitches_built"),
                12.0,
                "个",
                "全年新建社会足球场12个",
            ),
            record(None, 300.0, "场次", "举办赛事活动300余场次"),
        ],
        left_out: Vec::new(),
    }
}

#[test]
fn a_selected_number_becomes_a_record_in_text_order_with_its_unit_and_a_verbatim_quote() {
    let mut p = proposals();
    let start = TEXT.find("另有").unwrap();
    let index = p.add_selection(TEXT, (start, TEXT.len())).unwrap();
    assert_eq!(index, 2);
    let added = &p.records[2];
    assert_eq!((added.value, added.unit.as_str()), (45.0, "个"));
    assert_eq!(added.source.quote, "另有健身站点45个");
    assert!(TEXT.contains(&added.source.quote));
    assert_eq!(
        (added.year, added.entity.as_deref()),
        (Some(2023), Some("jiaozuo"))
    );
    assert!(
        added.year_note.is_some(),
        "published 2024, about 2023: says how the year was read"
    );
    let again = p.add_selection(TEXT, (start, TEXT.len()));
    assert_eq!(again, Err("that number is record 3 already".to_string()));
    assert_eq!(
        p.add_selection(TEXT, (0, 3)),
        Err("the selection has no number".to_string())
    );
    assert!(
        p.add_selection(TEXT, (1, 2)).is_err(),
        "not on a character boundary"
    );
}

#[test]
fn the_next_open_record_goes_round_past_the_reviewed_ones() {
    let mut p = proposals();
    assert_eq!(p.next_open(0), Some(1));
    p.records[1].review = Review::Accepted;
    assert_eq!(p.next_open(0), Some(0));
    p.records[0].review = Review::Rejected;
    assert_eq!(p.next_open(0), None);
    let counts = p.counts();
    assert_eq!((counts.open, counts.accepted, counts.rejected), (0, 1, 1));
}

#[test]
fn records_are_checked_as_the_data_will_hold_them() {
    let (catalog, datasets) = data();
    let mut p = proposals();
    let found = p.check(&catalog, &datasets, TEXT);
    assert_eq!(
        found,
        vec![(1, vec!["indicator: not filled in yet".to_string()])]
    );
    // A quote not in the report, and a rejected record is not checked.
    p.records[0].source.quote = "全年新建足球场12个".to_string();
    p.records[1].review = Review::Rejected;
    let found = p.check(&catalog, &datasets, TEXT);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, 0);
    assert!(found[0].1[0].starts_with("source.quote:"), "{:?}", found);
}

#[test]
fn indicators_are_found_by_chinese_or_english_name_or_id_standard_first() {
    let (catalog, _) = data();
    let found = find_indicators(&catalog, "足球", 8);
    assert_eq!(
        found.first().map(String::as_str),
        Some("football_pitches_built")
    );
    assert!(find_indicators(&catalog, "LOTTERY", 8).contains(&"lottery_sales".to_string()));
    assert!(find_indicators(&catalog, "no such thing", 8).is_empty());
}
