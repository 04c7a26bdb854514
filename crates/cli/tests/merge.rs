//! `sportdash merge`: reviewed proposals files (tests/fixtures/merge/, made by its
//! make_fixtures.py) merged into a copy of data/, or refused with nothing written.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{root, sportdash};

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::Serialize;
use sportdash::data_files;
use sportdash_core::model::{Entity, Observation, Report};

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/merge");
    path.join(name).display().to_string()
}

/// A copy of data/, removed when dropped.
struct Data(PathBuf);

impl Data {
    fn copy(test: &str) -> Data {
        let dir = std::env::temp_dir().join(format!(
            "sportdash-merge-test-{}-{test}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        copy_dir(&root().join("data"), &dir);
        Data(dir)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }

    fn merge(&self, file: &str, more: &[&str]) -> (i32, String) {
        let file = fixture(file);
        let mut args = vec!["merge", &file, "--data", self.path()];
        args.extend(more);
        sportdash(&args)
    }

    /// Every file's bytes, by path.
    fn files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut files = BTreeMap::new();
        read_tree(&self.0, &mut files);
        files
    }

    fn text(&self, file: &str) -> String {
        fs::read_to_string(self.0.join(file)).unwrap()
    }
}

impl Drop for Data {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

fn read_tree(dir: &Path, files: &mut BTreeMap<PathBuf, Vec<u8>>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            read_tree(&path, files);
        } else {
            files.insert(path.clone(), fs::read(&path).unwrap());
        }
    }
}

/// The records of `key` in `text`, a data file.
fn records<T: DeserializeOwned>(text: &str, key: &str) -> Vec<T> {
    let top: serde_json::Value = serde_json::from_str(text).unwrap();
    serde_json::from_value(top[key].clone()).unwrap()
}

#[test]
fn a_good_file_merges_its_accepted_records_its_report_and_its_place() {
    let data = Data::copy("good");
    let before = data.files();
    let reports = fixture("reports");
    let (status, out) = data.merge("good.proposals.json", &["--reports", &reports]);
    assert_eq!(status, 0, "{out}");
    assert_eq!(
        out.trim(),
        format!(
            "merged 3 records from {} into {}: 2 in facilities, 1 in events; new place 新乡市 \
             (xinxiang); new report xinxiang-2023.txt; 1 rejected left out",
            fixture("good.proposals.json"),
            data.path()
        )
    );
    let (status, out) = sportdash(&["validate", data.path(), "--reports", &reports]);
    assert_eq!(status, 0, "{out}");

    let entities: Vec<Entity> = records(&data.text("entities.json"), "entities");
    let ids: Vec<&str> = entities.iter().map(|e| e.id.as_str()).collect();
    assert!(
        ids.contains(&"xinxiang") && !ids.contains(&"weihui"),
        "{ids:?}"
    );
    let reports: Vec<Report> = records(&data.text("reports.json"), "reports");
    assert_eq!(reports.last().unwrap().doc, "xinxiang-2023.txt");
    let facilities: Vec<Observation> =
        records(&data.text("observations/facilities.json"), "observations");
    let added: Vec<&str> = facilities[facilities.len() - 2..]
        .iter()
        .map(|o| o.indicator.as_str())
        .collect();
    assert_eq!(added, ["fitness_paths_built", "football_pitches_built"]);

    // The files merged into keep every byte before their list's end; the others, every byte.
    let changed = [
        "entities.json",
        "reports.json",
        "observations/facilities.json",
        "observations/events.json",
    ]
    .map(|f| data.0.join(f));
    for (path, old) in &before {
        let new = fs::read(path).unwrap();
        if changed.contains(path) {
            let kept = &old[..old.len() - "\n  ]\n}\n".len()];
            assert!(new.starts_with(kept), "{}", path.display());
            assert!(new.ends_with(b"\n  ]\n}\n"), "{}", path.display());
        } else {
            assert_eq!(&new, old, "{}", path.display());
        }
    }

    // The same file again: every record is in the data already.
    let (status, out) = data.merge("good.proposals.json", &[]);
    assert_eq!(status, 1, "{out}");
    assert!(out.contains("record 1 (31个, “全年新建健身路径31个”) is in the data already: xinxiang 2023 fitness_paths_built from xinxiang-2023.txt (“全年新建健身路径31个”)"), "{out}");
}

/// What `merge` writes is in the committed files' form: each committed file is its empty form
/// with its records added, byte for byte.
#[test]
fn merged_files_are_written_as_the_committed_ones() {
    fn rebuilt<T: DeserializeOwned + Serialize>(file: &str, key: &str, dataset: Option<&str>) {
        let text = fs::read_to_string(root().join("data").join(file)).unwrap();
        let written: Vec<String> = records::<T>(&text, key)
            .iter()
            .map(|r| data_files::to_json(r).unwrap())
            .collect();
        let empty = data_files::new_file(file, key, dataset);
        let again = data_files::append(file, &empty, key, &written).unwrap();
        assert!(again == text, "{file} is written otherwise:\n{again}");
    }
    rebuilt::<Entity>("entities.json", "entities", None);
    rebuilt::<Report>("reports.json", "reports", None);
    for section in [
        "medals",
        "events",
        "facilities",
        "industry",
        "talent",
        "governance",
    ] {
        let file = format!("observations/{section}.json");
        rebuilt::<Observation>(&file, "observations", Some(section));
    }
}

#[test]
fn a_file_with_no_accepted_record_leaves_the_data_byte_identical() {
    let data = Data::copy("rejected");
    let before = data.files();
    let (status, out) = data.merge("all-rejected.proposals.json", &[]);
    assert_eq!(status, 0, "{out}");
    assert!(
        out.contains("nothing to merge from") && out.contains("no record is accepted (4 rejected)"),
        "{out}"
    );
    assert!(data.files() == before);
}

#[test]
fn a_dry_run_checks_everything_and_writes_nothing() {
    let data = Data::copy("dry");
    let before = data.files();
    let (status, out) = data.merge("good.proposals.json", &["--dry-run"]);
    assert_eq!(status, 0, "{out}");
    assert!(
        out.starts_with("dry run, nothing written: would merge 3 records from"),
        "{out}"
    );
    assert!(data.files() == before);
}

/// Each refused file, with a part of its message; nothing is written.
#[test]
fn refused_files_say_why_and_leave_the_data_as_it_was() {
    let data = Data::copy("refused");
    let before = data.files();
    let events = root().join("data/observations/events.json");
    let events = events.to_str().unwrap();
    let text = fixture("reports/xinxiang-2023.txt");
    let cases: &[(&str, &[&str], &str)] = &[
        (
            "unreviewed.proposals.json",
            &[],
            "2 records are not reviewed yet (first: record 2 (4个, “建成社会足球场4个”)): mark each accepted or rejected",
        ),
        (
            "open-field.proposals.json",
            &[],
            "record 2 (4个, “建成社会足球场4个”): field `indicator` is not filled in: fill it in, or reject the record",
        ),
        (
            "duplicate-in-file.proposals.json",
            &[],
            "record 3 (4个, “建成社会足球场4个”) repeats record 2 (4个, “建成社会足球场4个”): the same place, year, indicator and context (xinxiang 2023 football_pitches_built)",
        ),
        (
            "of-data.proposals.json",
            &[],
            "record 1 (110次, “全面组织开展各级各类全民健身活动110次”) is in the data already: jiaozuo 2021 fitness_events from 000_13b76a47599bb06a.txt (“全面组织开展各级各类全民健身活动110次”)",
        ),
        (
            "other-place.proposals.json",
            &[],
            "the new place 河南省 (henan) is in entities.json with other details (name)",
        ),
        (
            "known-report-changed.proposals.json",
            &[],
            "the report 000_13b76a47599bb06a.txt is in reports.json with other details (title)",
        ),
        (
            "good.proposals.json",
            &["--reports", "OTHER"],
            "the merged data would not pass `sportdash validate`, nothing merged:\nobservations/events.json: observations[19] (xinxiang 2023 fitness_events): field `source.quote`: not verbatim in xinxiang-2023.txt",
        ),
        (
            "other-format.json",
            &[],
            "other-format.json is a \"sportdash-proposals/0\" file, not a proposals file (\"sportdash-proposals/1\"): merge reads the proposals file that `sportdash ingest` or the review page writes",
        ),
        (events, &[], "events.json is not a proposals file (it has no \"format\": \"sportdash-proposals/1\")"),
        (&text, &[], "xinxiang-2023.txt is not JSON"),
    ];
    let other = fixture("other-reports");
    let mut wrong = Vec::new();
    for (file, more, part) in cases {
        let more: Vec<&str> = more
            .iter()
            .map(|a| if *a == "OTHER" { other.as_str() } else { a })
            .collect();
        let (status, out) = data.merge(file, &more);
        if status != 1 || !out.starts_with("sportdash merge: ") || !out.contains(part) {
            wrong.push(format!("{file}: status {status}: {out}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(data.files() == before);
}

/// The validator's rule: one report gives a number once; another may give it too, and the
/// dashboard shows both.
#[test]
fn a_number_another_report_gives_too_is_merged_with_a_note() {
    let data = Data::copy("restated");
    let (status, out) = data.merge("restated.proposals.json", &[]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("note: record 1 (110次, “全面组织开展各级各类全民健身活动110次”) is also given by another report: jiaozuo 2021 fitness_events from 000_13b76a47599bb06a.txt"), "{out}");
    assert!(out.contains("merged 1 record from"), "{out}");
}
