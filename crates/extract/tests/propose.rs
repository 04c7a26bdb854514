//! `propose`: the fixture table of report sentences and the records they must give, and whole
//! reports' place, year, publisher and date.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use sportdash_core::files;
use sportdash_core::model::{Catalog, EntityKind, Status};
use sportdash_extract::propose;
use sportdash_extract::review::{Proposal, Proposals};

fn catalog() -> Catalog {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    files::check_dir(&data, None).catalog.unwrap()
}

/// A record as the fixture table writes it: `300场 fitness_events target`.
fn compact(record: &Proposal) -> String {
    let mut text = record.value.to_string();
    if let Some(max) = record.value_max {
        text.push_str(&format!("-{max}"));
    }
    text.push_str(&record.unit);
    text.push(' ');
    text.push_str(record.indicator.as_deref().unwrap_or("-"));
    if record.status == Status::Target {
        text.push_str(" target");
    }
    text
}

#[test]
fn every_case_in_the_fixture_table_gives_exactly_its_records() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/propose/cases.txt");
    let table = std::fs::read_to_string(path).unwrap();
    let catalog = catalog();
    let mut failures = Vec::new();
    let mut cases = 0;
    for (n, line) in table.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (input, expected) = line
            .split_once(" => ")
            .unwrap_or_else(|| panic!("cases.txt:{}: no \" => \"", n + 1));
        cases += 1;
        let text = format!(
            "新乡市体育局2023年工作总结\n\n{}\n",
            input.replace("\\n", "\n")
        );
        let proposals = propose(&text, "case.txt", &catalog);
        let got: Vec<String> = proposals.records.iter().map(compact).collect();
        let got = if got.is_empty() {
            "none".to_string()
        } else {
            got.join(" | ")
        };
        if got != expected.trim() {
            failures.push(format!(
                "cases.txt:{}: {input}\n    expected {expected}\n    got      {got}",
                n + 1
            ));
        }
        for record in &proposals.records {
            let (a, b) = record.at;
            let number = &text[a..b];
            if !record.source.quote.contains(number) || !text.contains(&record.source.quote) {
                failures.push(format!(
                    "cases.txt:{}: {number:?} not in {:?}",
                    n + 1,
                    record.source.quote
                ));
            }
        }
    }
    assert!(cases >= 25, "the table is too small: {cases} cases");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn read(text: &str) -> Proposals {
    propose(text, "report.txt", &catalog())
}

#[test]
fn the_place_is_read_from_the_title_or_the_publisher_and_the_year_from_the_title() {
    let p = read("关于2023年度全区体育工作情况的报告\n天津市河东区体育局\n2024年1月10日\n\n全年举办活动20场。\n");
    assert_eq!(p.report.entity, "hedong");
    assert_eq!(p.report.period, "2023");
    assert_eq!(p.report.published, "2024-01-10");
    assert_eq!(p.report.publisher.zh, "天津市河东区体育局");
    assert_eq!(p.records[0].entity.as_deref(), Some("hedong"));
    assert_eq!(p.records[0].year, Some(2023));

    let p = read("河南省焦作市体育局2023年工作总结\n\n全年举办活动20场。\n");
    assert_eq!(
        (p.report.entity.as_str(), p.report.period.as_str()),
        ("jiaozuo", "2023")
    );
    assert!(p.new_entities.is_empty());
}

#[test]
fn a_place_not_in_the_catalogue_is_proposed_as_a_new_one() {
    let p = read("新乡市体育局2023年工作总结\n\n全年举办活动20场。\n");
    assert_eq!(p.new_entities.len(), 1, "{:?}", p.new_entities);
    let place = &p.new_entities[0];
    assert_eq!(
        (place.name.zh.as_str(), place.kind),
        ("新乡市", EntityKind::City)
    );
    assert_eq!(p.report.entity, place.id);
    assert!(sportdash_core::model::is_link_id(&place.id));
    assert!(p.entity_read.zh.contains("新乡市"), "{}", p.entity_read.zh);

    let p = read("XX市体育局2023年工作总结\n\n全年举办活动20场。\n");
    assert_eq!(p.new_entities.last().unwrap().name.zh, "XX市");

    let p = read("焦作市温县体育局2023年工作总结\n\n全年举办活动20场。\n");
    let place = p.new_entities.last().unwrap();
    assert_eq!(
        (place.name.zh.as_str(), place.kind),
        ("温县", EntityKind::County)
    );
    assert_eq!(place.parent.as_deref(), Some("jiaozuo"));

    let p = read("郑州市二七区体育局\n2023年工作总结\n\n全年举办活动20场。\n");
    assert_eq!(p.report.title.zh, "2023年工作总结");
    let names: Vec<&str> = p.new_entities.iter().map(|e| e.name.zh.as_str()).collect();
    assert_eq!(names, ["郑州市", "二七区"]);
    assert_eq!(
        p.new_entities[1].parent.as_deref(),
        Some(p.new_entities[0].id.as_str())
    );

    let p = read("山东省临沂市河东区体育局2023年工作总结\n\n全年举办活动20场。\n");
    let place = p.new_entities.last().unwrap();
    assert_eq!(
        (place.name.zh.as_str(), place.kind),
        ("河东区", EntityKind::District)
    );
    assert_ne!(p.report.entity, "hedong");
    // 山东省 is not in the catalogue: it is not proposed, and 临沂市 has no parent.
    let names: Vec<&str> = p.new_entities.iter().map(|e| e.name.zh.as_str()).collect();
    assert_eq!(names, ["临沂市", "河东区"]);
    assert_eq!(p.new_entities[0].parent, None);

    // A district whose report speaks of Tianjin is Tianjin's.
    let p = read("南开区体育局2022年工作总结\n\n参加天津市运动会，天津市体育局表彰我区。\n");
    let place = p.new_entities.last().unwrap();
    assert_eq!(
        (place.name.zh.as_str(), place.parent.as_deref()),
        ("南开区", Some("tianjin"))
    );
    assert!(
        p.entity_read.zh.contains("上级为天津市"),
        "{}",
        p.entity_read.zh
    );
}

#[test]
fn without_a_place_in_the_title_the_entity_is_open_and_said_why() {
    let p = read("市体育局工作总结\n\n全年举办活动20场。\n");
    assert_eq!(p.report.entity, "");
    assert_eq!(p.records[0].entity, None);
    assert_eq!(p.entity_read.zh, "标题和发布单位未写明地方；请选择");
}

#[test]
fn numbers_left_out_say_why_and_where() {
    let text = "新乡市体育局2023年工作总结\n\n2023年3月，拨打12345热线。\n";
    let p = read(text);
    assert!(p.records.is_empty());
    assert!(!p.left_out.is_empty());
    for left in &p.left_out {
        assert_eq!(&text[left.at.0..left.at.1], left.number);
        assert!(!left.reason.is_empty());
    }
}

#[test]
fn the_proposals_file_reads_back() {
    let p = read("新乡市体育局2023年工作总结\n\n在省运会上获得金牌5枚。\n");
    let json = serde_json::to_string(&p).unwrap();
    let back: Proposals = serde_json::from_str(&json).unwrap();
    assert_eq!(back, p);
    assert_eq!(p.records[0].context.as_ref().unwrap().zh, "省运会");
}

/// Every record and number left out points at its number in the text, and every quote is in it.
fn check(text: &str, catalog: &Catalog) {
    let p = propose(text, "odd.txt", catalog);
    for r in &p.records {
        let (a, b) = r.at;
        assert!(
            a < b && text.is_char_boundary(a) && text.is_char_boundary(b),
            "{text:?}: {r:?}"
        );
        assert!(text.contains(&r.source.quote), "{text:?}: {r:?}");
        assert!(r.alternatives.len() <= 2 && r.value.is_finite());
    }
    for l in &p.left_out {
        assert_eq!(
            text.get(l.at.0..l.at.1),
            Some(l.number.as_str()),
            "{text:?}"
        );
    }
    assert!(serde_json::to_string(&p).is_ok());
}

#[test]
fn odd_input_never_panics() {
    let catalog = catalog();
    let odd = [
        String::new(),
        "\n\n\n".to_string(),
        "一、\n（一）\n1.\n(1)\n第一部分".to_string(),
        "市县区省\n市体育局\nX县\n省市区县体育局".to_string(),
        "2024年工作计划\n下一步\n明年\n今后\n".repeat(50),
        "《》“”「」运动会锦标赛比赛第届".repeat(20),
        "１,０００名，1,2,3人，1,000,00名".to_string(),
        "日期: 9999-99-99\n2024年13月40日\n".to_string(),
    ];
    for text in &odd {
        check(text, &catalog);
    }
    let palette: Vec<char> =
        "0123456789.,-至第名个人次万元金银铜年月日“”《》，。、：\n 一二三十百（）()市区县省体育局总结计划下一步运动会赛其中增长每千人指导员足球场"
            .chars()
            .collect();
    let mut state: u64 = 20_240_308;
    let mut next = |below: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % below.max(1)
    };
    for _ in 0..1_000 {
        let length = next(120);
        let text: String = (0..length).map(|_| palette[next(palette.len())]).collect();
        check(&text, &catalog);
    }
}

#[test]
fn a_long_report_is_read_in_reasonable_time() {
    let catalog = catalog();
    let started = std::time::Instant::now();
    let paragraphs: String = (0..5_000)
        .map(|k| format!("（一）全民健身\n全年举办全民健身活动{k}场，参与群众5万人次，新建足球场3个、健身步道2条。\n"))
        .collect();
    let text = format!("新乡市体育局2023年工作总结\n{paragraphs}");
    let p = propose(&text, "long.txt", &catalog);
    assert!(p.records.len() >= 5_000, "{}", p.records.len());
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
}
