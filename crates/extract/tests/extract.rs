//! `extract`: the fixture table of sentences and the candidates they must (or must not) give,
//! and robustness on odd input. The `sportdash extract` command: crates/cli/tests/cli.rs.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use sportdash_core::model::Status;
use sportdash_core::numerals;
use sportdash_extract::{self as extract, Candidate, Options};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/extract")
        .join(name)
}

fn options() -> Options {
    Options {
        doc: "case.txt".to_string(),
        entity: Some("city".to_string()),
        year: Some(2021),
    }
}

/// A candidate as the fixture table writes it: `8-10站 range target fitness_events`.
fn compact(candidate: &Candidate) -> String {
    let mut text = candidate.value.to_string();
    if let Some(max) = candidate.value_max {
        text.push_str(&format!("-{max}"));
    }
    text.push_str(&candidate.unit);
    let qualifier = serde_json::to_value(candidate.qualifier).unwrap();
    text.push_str(&format!(" {}", qualifier.as_str().unwrap()));
    if candidate.status == Status::Target {
        text.push_str(" target");
    }
    if let Some(indicator) = &candidate.indicator {
        text.push_str(&format!(" {indicator}"));
    }
    text
}

#[test]
fn every_case_in_the_fixture_table_gives_exactly_its_candidates() {
    let table = std::fs::read_to_string(fixture("cases.txt")).unwrap();
    let mut failures = Vec::new();
    let mut cases = 0;
    let mut must_not_extract = 0;
    for (line_number, line) in table.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (input, expected) = line
            .split_once(" => ")
            .unwrap_or_else(|| panic!("cases.txt:{}: no \" => \"", line_number + 1));
        cases += 1;
        must_not_extract += usize::from(expected == "none");
        let found = extract::extract(input, &options()).candidates;
        let got = if found.is_empty() {
            "none".to_string()
        } else {
            found.iter().map(compact).collect::<Vec<_>>().join(" | ")
        };
        if got != expected.trim() {
            failures.push(format!(
                "cases.txt:{}: {input}\n    expected {expected}\n    got      {got}",
                line_number + 1
            ));
        }
        for candidate in &found {
            // `spans` reads digit groups whole (1,800), as the reader does.
            let written = numerals::spans(&candidate.source.quote)
                .iter()
                .any(|(_, value)| *value == candidate.value);
            if !input.contains(&candidate.source.quote) || !written {
                failures.push(format!(
                    "cases.txt:{}: quote {:?} is not verbatim or lacks {}",
                    line_number + 1,
                    candidate.source.quote,
                    candidate.value
                ));
            }
        }
    }
    assert!(
        cases >= 100 && must_not_extract >= 30,
        "the table is too small: {cases} cases"
    );
    assert!(
        failures.is_empty(),
        "{} of {cases} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_indicators_the_rules_propose_exist_in_the_data() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/indicators.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let known: Vec<&str> = json["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["id"].as_str())
        .collect();
    let unknown: Vec<&str> = extract::rule_indicators()
        .filter(|id| !known.contains(id))
        .collect();
    assert!(
        unknown.is_empty(),
        "not in data/indicators.json: {unknown:?}"
    );
}

/// A small deterministic generator, so a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below.max(1)
    }
}

fn check_output(text: &str) {
    let found = extract::extract(text, &options());
    for c in &found.candidates {
        assert!(c.value.is_finite(), "{text:?}: {c:?}");
        assert!(c.value_max.is_none_or(f64::is_finite), "{text:?}: {c:?}");
        assert!(text.contains(&c.source.quote), "{text:?}: {c:?}");
        assert!(text.is_char_boundary(c.offset) && c.offset < text.len());
        assert!(serde_json::to_string(c).is_ok());
    }
    for note in &found.notes {
        assert!(text.is_char_boundary(note.offset) && note.offset < text.len());
    }
}

#[test]
fn odd_input_never_panics_and_gives_only_verbatim_finite_candidates() {
    let long_digits = "9".repeat(100_000);
    let odd = [
        String::new(),
        "，。；！？、“”《》".to_string(),
        " \n\n \t ".to_string(),
        long_digits.clone(),
        format!("{long_digits}名"),
        format!("0.{long_digits}万元"),
        "亿".repeat(5_000),
        format!("{}人", "九".repeat(5_000)),
        "第".repeat(1_000),
        "至至至1至至".to_string(),
        "1至".to_string(),
        "第1-".to_string(),
        "“".repeat(100) + "两个",
        "3.5万".to_string(),
        "１２３４５６７８９０万亿％%第至金银铜".to_string(),
        "abc１２３def一二三ghi 4 086.5 Ünïcødé 😀 20名😀".to_string(),
        "1,2,3,,,4,000,0000名".to_string(),
        "十分钟万分之一百分之五十千分".to_string(),
        "2021-2022-2023年".to_string(),
        "第一名1个第二名".to_string(),
        "...1..2..3名".to_string(),
    ];
    for text in &odd {
        check_output(text);
    }
    let palette: Vec<char> = "0123456789.,-至到第名位个人次万亿余多近约左右以上金银铜年月日“”《》，。、；：\n 一二两三十百千零〇%％ａ１元平方米连续今年将计划目前"
        .chars()
        .collect();
    let mut random = Lcg(20_240_308);
    for _ in 0..3_000 {
        let length = random.next(80);
        let text: String = (0..length)
            .map(|_| palette[random.next(palette.len())])
            .collect();
        check_output(&text);
    }
}

#[test]
fn long_text_without_punctuation_is_read_in_reasonable_time() {
    // Every rule looks at a bounded window, so this is linear; quadratic would take minutes.
    let started = std::time::Instant::now();
    for text in [
        "近1名、".repeat(40_000),
        "第三名".repeat(40_000),
        "今年将目前".repeat(40_000) + &"2021年3名".repeat(20_000),
    ] {
        let found = extract::extract(&text, &options());
        assert!(!found.candidates.is_empty() || !found.notes.is_empty());
        check_output(&text.chars().take(1_000).collect::<String>());
    }
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
}

#[test]
fn huge_numbers_are_left_out_not_turned_into_infinity() {
    let found = extract::extract(&format!("{}名", "9".repeat(400)), &options());
    assert!(found.candidates.is_empty());
    assert_eq!(found.notes.len(), 1);
}
