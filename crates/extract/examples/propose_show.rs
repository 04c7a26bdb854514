//! The records `propose` gives for report files, one line each: value and unit, indicator and
//! runners-up, status, year, context and quote; then the report's entry and how its place and
//! year were read.
//!
//! ```sh
//! cargo run -p sportdash-extract --example propose_show -- FILE... [--data DIR]
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sportdash_core::files;

fn main() -> ExitCode {
    let mut data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.len()) {
            ("--data", 1..) => data = PathBuf::from(args.next().unwrap_or_default()),
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let Some(catalog) = files::check_dir(&data, None).catalog else {
        eprintln!(
            "propose_show: cannot read the catalogue in {}",
            data.display()
        );
        return ExitCode::FAILURE;
    };
    for path in paths {
        let doc = path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().to_string());
        let read = std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| sportdash_extract::document::read(&doc, &bytes));
        let text = match read {
            Ok(document) => document.text,
            Err(e) => {
                eprintln!("propose_show: {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        };
        let p = sportdash_extract::propose(&text, &doc, &catalog);
        println!("== {doc}\nreport: {:?}", p.report);
        println!("entity: {}\nyear: {}", p.entity_read.zh, p.year_read.zh);
        for e in &p.new_entities {
            println!("new: {} {} {:?} {:?}", e.id, e.name.zh, e.kind, e.parent);
        }
        for r in &p.records {
            println!(
                "{}{} {} [{}] {:?} {:?} ctx={} | {}",
                r.value,
                r.unit,
                r.indicator.as_deref().unwrap_or("-"),
                r.alternatives.join(","),
                r.status,
                r.year,
                r.context.as_ref().map_or("", |c| c.zh.as_str()),
                r.source.quote.replace('\n', " ")
            );
        }
        for l in &p.left_out {
            println!("left out {}: {}", l.number, l.reason);
        }
    }
    ExitCode::SUCCESS
}
