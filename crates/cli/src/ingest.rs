//! `sportdash ingest`: a report file read into the proposals file the review page downloads, for
//! people who review in an editor; `sportdash merge` takes it back.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sportdash_core::files;
use sportdash_core::load::MAX_REPORT_BYTES;
use sportdash_core::model::Catalog;
use sportdash_extract::document::{self, Document};
use sportdash_extract::review::{Proposals, Review};

pub fn run(doc: &Path, data_dir: &Path, out: Option<&Path>) -> ExitCode {
    match ingest(doc, data_dir, out) {
        Ok(summary) => {
            eprintln!("{summary}");
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("{why}");
            ExitCode::FAILURE
        }
    }
}

fn ingest(doc: &Path, data_dir: &Path, out: Option<&Path>) -> Result<String, String> {
    let name = file_name(doc);
    let document = read_document(doc, &name)?;
    let catalog = catalog(data_dir)?;
    let proposals = sportdash_extract::propose(&document.text, &name, &catalog);
    if proposals.records.is_empty() {
        return Err(format!("no numbers found in {name}"));
    }
    let out = out.map_or_else(|| default_out(doc), Path::to_path_buf);
    let json = serde_json::to_string_pretty(&proposals)
        .map_err(|e| format!("cannot write the proposals as JSON: {e}"))?;
    fs::write(&out, json + "\n").map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(summary(&proposals, &catalog, &document, &out))
}

/// The file's name as the report is known by (its `source.doc`).
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The file read as the review page reads it; too large a file is refused before it is read.
fn read_document(path: &Path, name: &str) -> Result<Document, String> {
    let size = fs::metadata(path)
        .map_err(|e| format!("{name}: cannot read: {e}"))?
        .len();
    if size > MAX_REPORT_BYTES as u64 {
        return Err(document::too_large(name, size));
    }
    let bytes = files::read_bounded(path, MAX_REPORT_BYTES).map_err(|e| format!("{name}: {e}"))?;
    document::read(name, &bytes)
}

fn catalog(data_dir: &Path) -> Result<Catalog, String> {
    let checked = files::check_dir(data_dir, None);
    let errors: Vec<String> = checked.errors().map(ToString::to_string).collect();
    checked.catalog.ok_or_else(|| {
        format!(
            "cannot read the catalogue in {}:\n{}",
            data_dir.display(),
            errors.join("\n")
        )
    })
}

/// FILE's stem + ".proposals.json", in the current directory.
fn default_out(doc: &Path) -> PathBuf {
    let stem = doc
        .file_stem()
        .map_or_else(|| "report".into(), |s| s.to_string_lossy().into_owned());
    PathBuf::from(format!("{stem}.proposals.json"))
}

fn summary(proposals: &Proposals, catalog: &Catalog, document: &Document, out: &Path) -> String {
    let records = &proposals.records;
    let with_indicator = records.iter().filter(|r| r.indicator.is_some()).count();
    let open = records
        .iter()
        .filter(|r| r.review == Review::Proposed)
        .count();
    format!(
        "{}: {} records proposed ({open} to review), {with_indicator} with an indicator, {} numbers left out; place {}, year {}; read as {}; wrote {}",
        proposals.report.doc,
        records.len(),
        proposals.left_out.len(),
        place(proposals, catalog),
        year(proposals),
        document.read_as,
        out.display()
    )
}

fn place(proposals: &Proposals, catalog: &Catalog) -> String {
    let id = &proposals.report.entity;
    if id.is_empty() {
        return "unknown".to_string();
    }
    let known = catalog.entity(id).map(|e| e.name.zh.clone());
    let new = proposals
        .new_entities
        .iter()
        .find(|e| &e.id == id)
        .map(|e| format!("{} (new)", e.name.zh));
    match known.or(new) {
        Some(name) => format!("{name} ({id})"),
        None => id.clone(),
    }
}

fn year(proposals: &Proposals) -> &str {
    match proposals.report.period.as_str() {
        "" => "unknown",
        period => period,
    }
}
