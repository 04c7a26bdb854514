//! Report files to text (`document::read`): each fixture in tests/fixtures/documents/ (made by
//! its make_fixtures.py) with what it reads as and its first line, or the message it gets.

use std::path::PathBuf;

use sportdash_extract::document::{self, Document};

enum Expected {
    /// Read as, and the text's first line.
    Read(&'static str, &'static str),
    /// A part of the message.
    Refused(&'static str),
}
use Expected::{Read, Refused};

const CASES: &[(&str, Expected)] = &[
    ("report.docx", Read("Word (.docx)", "焦作市体育局2023年工作总结")),
    ("renamed.doc", Read("Word (.docx)", "焦作市体育局2023年工作总结")),
    ("utf8.txt", Read("UTF-8", "新乡市体育局2023年工作总结")),
    ("utf8-bom.txt", Read("UTF-8", "新乡市体育局2023年工作总结")),
    ("gbk.txt", Read("GB18030 (GBK)", "焦作市体育局2023年工作总结")),
    ("utf16.txt", Read("UTF-16LE", "鹤壁市体育局2023年工作总结")),
    ("no-numbers.txt", Read("UTF-8", "工作总结")),
    (
        "not-a-zip.docx",
        Refused("not-a-zip.docx is not a Word .docx file (it is not a zip archive); save it again from Word as .docx"),
    ),
    (
        "old.doc",
        Refused("old.doc is an old Word .doc file: open it in Word and save it as .docx (Word Document), or as plain text"),
    ),
    (
        "bomb.docx",
        Refused("bomb.docx is too large to read: its part word/document.xml unpacks to more than 64 MB"),
    ),
    ("damaged.docx", Refused("damaged.docx is a damaged Word document")),
    ("archive.zip", Refused("archive.zip is a zip archive, not a Word document")),
    ("table.xlsx", Refused("table.xlsx is an Excel workbook")),
    ("empty.txt", Refused("empty.txt is empty")),
    ("blank.txt", Refused("blank.txt is empty")),
    ("scan.png", Refused("scan.png is an image (PNG), not a report text")),
    ("photo.txt", Refused("photo.txt is an image (JPEG), not a report text")),
    (
        "report.pdf",
        Refused("report.pdf is a PDF: copy its text into a .txt file, or open it in Word and save it as .docx"),
    ),
    ("data.bin", Refused("data.bin is not a text file")),
];

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/documents")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn each_fixture_reads_as_expected() {
    let mut wrong = Vec::new();
    for (name, expected) in CASES {
        let got = document::read(name, &fixture(name));
        let ok = match (expected, &got) {
            (Read(read_as, first), Ok(d)) => {
                d.read_as == *read_as && d.text.lines().next() == Some(*first)
            }
            (Refused(part), Err(message)) => message.contains(part) && message.starts_with(name),
            _ => false,
        };
        if !ok {
            wrong.push(format!("{name}: {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_word_document_is_one_line_a_paragraph_with_its_tables_and_links() {
    let Document { text, .. } = document::read("report.docx", &fixture("report.docx")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "焦作市体育局2023年工作总结",
            "全年新建健身路径31条，建成社会足球场4个。",
            "项目\t数量",
            "体育场地面积",
            "215万平方米",
            "详见焦作市体育局网站。",
        ]
    );
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    let big = vec![b'x'; 20 * 1024 * 1024];
    assert_eq!(
        document::read("big.txt", &big),
        Err("big.txt is 20.0 MB; a report is read up to 4 MB".to_string())
    );
}

#[test]
fn a_cut_or_corrupted_word_document_is_refused_without_a_panic() {
    let bytes = fixture("report.docx");
    for end in 0..bytes.len() {
        let _ = document::read("cut.docx", &bytes[..end]);
    }
    for at in (4..bytes.len()).step_by(7) {
        let mut bytes = bytes.clone();
        bytes[at] ^= 0x5a;
        let _ = document::read("flipped.docx", &bytes);
    }
}
