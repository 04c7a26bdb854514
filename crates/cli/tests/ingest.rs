//! `sportdash ingest`: a report file into the proposals file `merge` reads, or the reason it
//! cannot be read, with nothing written.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{root, sportdash};

use std::fs;
use std::path::PathBuf;

use sportdash_extract::review::{Proposals, PROPOSALS_FORMAT};

/// A directory of the test's own, removed when dropped.
struct Temp(PathBuf);

impl Temp {
    fn new(test: &str) -> Temp {
        let dir = std::env::temp_dir().join(format!(
            "sportdash-ingest-test-{}-{test}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Temp(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.0.join(name);
        fs::write(&path, bytes).unwrap();
        path.display().to_string()
    }

    fn out(&self) -> String {
        self.0.join("out.proposals.json").display().to_string()
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Files that are not reports: each named with the reason, exit status 1, nothing written.
#[test]
fn a_file_that_is_not_a_report_is_named_with_the_reason() {
    let temp = Temp::new("refused");
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "old.doc",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0",
            "old.doc is an old Word .doc file",
        ),
        (
            "scan.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "scan.png is an image (PNG), not a report text",
        ),
        ("empty.txt", b"", "empty.txt is empty"),
        ("report.pdf", b"%PDF-1.7\n", "report.pdf is a PDF"),
        (
            "plain.docx",
            "焦作市体育局".as_bytes(),
            "plain.docx is not a Word .docx file (it is not a zip archive)",
        ),
    ];
    let mut wrong = Vec::new();
    for (name, bytes, part) in cases {
        let doc = temp.file(name, bytes);
        let (status, out) = sportdash(&["ingest", "--doc", &doc, "--out", &temp.out()]);
        if status != 1 || !out.contains(part) {
            wrong.push(format!("{name}: status {status}: {out}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(!PathBuf::from(temp.out()).exists());

    let (status, out) = sportdash(&["ingest", "--doc", "no-such-report.txt"]);
    assert_eq!(status, 1, "{out}");
    assert!(
        out.contains("no-such-report.txt") && out.contains("cannot read"),
        "{out}"
    );
}

#[test]
fn a_report_is_written_as_a_proposals_file() {
    let temp = Temp::new("written");
    let doc = root().join("crates/cli/tests/fixtures/merge/reports/xinxiang-2023.txt");
    let out = temp.out();
    let (status, said) = sportdash(&["ingest", "--doc", doc.to_str().unwrap(), "--out", &out]);
    assert_eq!(status, 0, "{said}");
    assert!(said.starts_with("xinxiang-2023.txt: "), "{said}");
    assert!(said.contains("records proposed"), "{said}");
    assert!(said.contains("read as UTF-8"), "{said}");
    let proposals: Proposals = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(proposals.format, PROPOSALS_FORMAT);
    assert_eq!(proposals.report.doc, "xinxiang-2023.txt");
    assert!(!proposals.records.is_empty());
}

#[test]
fn a_report_without_numbers_is_said_and_nothing_written() {
    let temp = Temp::new("no-numbers");
    let doc = temp.file(
        "words.txt",
        "新乡市体育局工作总结\n全面推进全民健身。\n".as_bytes(),
    );
    let (status, out) = sportdash(&["ingest", "--doc", &doc, "--out", &temp.out()]);
    assert_eq!(status, 1, "{out}");
    assert!(out.contains("no numbers found in words.txt"), "{out}");
    assert!(!PathBuf::from(temp.out()).exists());
}
