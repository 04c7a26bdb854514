//! How well `propose` reads whole records, against hand-read answers, per report and overall.
//!
//! ```sh
//! cargo run -p sportdash-extract --example propose_score -- DIR [--answers FILE] [--data DIR] [--verbose]
//! ```
//!
//! DIR holds the reports and (unless --answers names another file) `answers.json`:
//! `reports[].{doc, entity: {zh, kind, parent}, year, answers[].{value, value_max?, qualifier?,
//! unit, quote, indicator (a standard id or null), status, context?}}`. Each report is read by
//! `propose` with the catalogue of `data/` (--data to change it). A proposal matches an answer
//! when their values (and range ends) are equal and the proposal's number lies inside an
//! occurrence of the answer's quote in the report (white space ignored); each answer matches at
//! most one proposal and each proposal at most one answer (a maximum matching, made first of
//! pairs that also agree on the unit and indicator, so that the two 2s of 3金2银2铜 pair as
//! written).
//!
//! Printed, per report and overall (pooled):
//! - numbers: matched answers / answers;
//! - coverage: of the answers with a standard indicator, the share whose matched proposal has an
//!   indicator;
//! - precision: of those, the share whose proposed indicator is the answer's;
//! - top 3: of the answers with a standard indicator, the share whose matched proposal has it
//!   first or among its two alternatives;
//! - status: matched answers whose status (reported or target) is the answer's;
//! - place and year: whether the report's place (its Chinese name, of a catalogue place or of a
//!   proposed new one) and year are the answer's.
//!
//! Exits non-zero only on an error (a file that cannot be read, an answer quote not in its
//! report or not writing its value), never because the figures are low.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Deserialize;
use sportdash_core::files;
use sportdash_core::model::{Catalog, Status};
use sportdash_extract::review::Proposals;

mod common;
use common::{fits, flat, percent, staged_matching};

#[derive(Deserialize)]
struct AnswerFile {
    reports: Vec<ReportAnswers>,
}

#[derive(Deserialize)]
struct ReportAnswers {
    doc: String,
    entity: Place,
    year: Option<i32>,
    answers: Vec<Answer>,
}

#[derive(Deserialize)]
struct Place {
    zh: String,
}

#[derive(Deserialize)]
struct Answer {
    value: f64,
    #[serde(default)]
    value_max: Option<f64>,
    unit: String,
    quote: String,
    indicator: Option<String>,
    status: Status,
}

#[derive(Default)]
struct Tally {
    answers: usize,
    matched: usize,
    standard: usize,
    covered: usize,
    right: usize,
    top3: usize,
    status: usize,
    reports: usize,
    place: usize,
    year: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.answers += other.answers;
        self.matched += other.matched;
        self.standard += other.standard;
        self.covered += other.covered;
        self.right += other.right;
        self.top3 += other.top3;
        self.status += other.status;
        self.reports += other.reports;
        self.place += other.place;
        self.year += other.year;
    }

    fn row(&self, name: &str) -> String {
        format!(
            "{name:<26} {:>7} {:>8} {:>9} {:>9} {:>7} {:>7} {:>6} {:>6}",
            self.answers,
            percent(self.matched, self.answers),
            percent(self.covered, self.standard),
            percent(self.right, self.covered),
            percent(self.top3, self.standard),
            percent(self.status, self.matched),
            format!("{}/{}", self.place, self.reports),
            format!("{}/{}", self.year, self.reports),
        )
    }
}

struct Args {
    dir: PathBuf,
    answers: Option<PathBuf>,
    data: PathBuf,
    verbose: bool,
}

fn main() -> ExitCode {
    let mut args = Args {
        dir: Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/unseen"),
        answers: None,
        data: Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data"),
        verbose: false,
    };
    let mut given = std::env::args().skip(1);
    while let Some(arg) = given.next() {
        match arg.as_str() {
            "--verbose" | "-v" => args.verbose = true,
            "--answers" | "--data" => match given.next() {
                Some(path) if arg == "--answers" => args.answers = Some(PathBuf::from(path)),
                Some(path) => args.data = PathBuf::from(path),
                None => return error(&format!("{arg} needs a path")),
            },
            "-h" | "--help" => {
                println!("usage: propose_score DIR [--answers FILE] [--data DIR] [--verbose]");
                return ExitCode::SUCCESS;
            }
            other if other.starts_with('-') => return error(&format!("unknown option {other}")),
            dir => args.dir = PathBuf::from(dir),
        }
    }
    match score(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => error(&message),
    }
}

fn error(message: &str) -> ExitCode {
    eprintln!("propose_score: {message}");
    ExitCode::FAILURE
}

fn catalog(data: &Path) -> Result<Catalog, String> {
    let checked = files::check_dir(data, None);
    let errors: Vec<String> = checked.errors().map(ToString::to_string).collect();
    checked.catalog.ok_or_else(|| {
        format!(
            "cannot read the catalogue in {}: {}",
            data.display(),
            errors.join("; ")
        )
    })
}

fn score(args: &Args) -> Result<(), String> {
    let answers_file = args
        .answers
        .clone()
        .unwrap_or_else(|| args.dir.join("answers.json"));
    let text = std::fs::read_to_string(&answers_file)
        .map_err(|e| format!("cannot read {}: {e}", answers_file.display()))?;
    let file: AnswerFile =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", answers_file.display()))?;
    let catalog = catalog(&args.data)?;
    println!(
        "propose against {} ({} reports)\n",
        answers_file.display(),
        file.reports.len()
    );
    println!(
        "{:<26} {:>7} {:>8} {:>9} {:>9} {:>7} {:>7} {:>6} {:>6}",
        "report", "answers", "numbers", "coverage", "precision", "top 3", "status", "place", "year"
    );
    let mut overall = Tally::default();
    let mut details = Vec::new();
    for report in &file.reports {
        let tally = score_report(&args.dir, report, &catalog, &mut details)?;
        println!("{}", tally.row(&report.doc));
        overall.add(&tally);
    }
    println!("{}", overall.row("overall"));
    if args.verbose {
        println!("\nmissed numbers, indicators not proposed or wrong, status, place and year:");
        for line in &details {
            println!("{line}");
        }
    }
    Ok(())
}

fn score_report(
    dir: &Path,
    report: &ReportAnswers,
    catalog: &Catalog,
    details: &mut Vec<String>,
) -> Result<Tally, String> {
    let path = dir.join(&report.doc);
    let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = sportdash_extract::document::read(&report.doc, &bytes)?.text;
    let proposals = sportdash_extract::propose(&text, &report.doc, catalog);
    let pairs = pairs(&text, report, &proposals)?;
    let doc = report.doc.get(..3).unwrap_or(&report.doc);
    let mut tally = tally_answers(doc, report, &proposals, &pairs, details);
    let place = place_name(&proposals, catalog);
    tally.place = usize::from(place.as_deref() == Some(report.entity.zh.as_str()));
    let year: Option<i32> = proposals.report.period.parse().ok();
    tally.year = usize::from(year == report.year);
    if tally.place == 0 || tally.year == 0 {
        details.push(format!(
            "  {doc} place {} ({}) for {}; year {:?} ({}) for {:?}",
            place.as_deref().unwrap_or("none"),
            proposals.entity_read.zh,
            report.entity.zh,
            year,
            proposals.year_read.zh,
            report.year
        ));
    }
    Ok(tally)
}

/// The answers matched to the records: (answer, record) pairs.
fn pairs(
    text: &str,
    report: &ReportAnswers,
    proposals: &Proposals,
) -> Result<Vec<(usize, usize)>, String> {
    let records = &proposals.records;
    let places = report
        .answers
        .iter()
        .map(|a| common::locate(text, &report.doc, &a.quote, a.value))
        .collect::<Result<Vec<_>, _>>()?;
    let fits = |a: usize, r: usize| {
        let (answer, record) = (&report.answers[a], &records[r]);
        fits(
            (answer.value, answer.value_max),
            (record.value, record.value_max, record.at.0),
            &places[a],
        )
    };
    // The same number twice in one quote (3金2银2铜): pairs that agree on the unit and the
    // indicator first.
    let same_unit = |a: usize, r: usize| fits(a, r) && report.answers[a].unit == records[r].unit;
    let same_all =
        |a: usize, r: usize| same_unit(a, r) && report.answers[a].indicator == records[r].indicator;
    let pairs = staged_matching(
        report.answers.len(),
        records.len(),
        &[&same_all, &same_unit, &fits],
    );
    Ok(pairs)
}

/// Numbers, indicators and status of one report's matched answers.
fn tally_answers(
    doc: &str,
    report: &ReportAnswers,
    proposals: &Proposals,
    pairs: &[(usize, usize)],
    details: &mut Vec<String>,
) -> Tally {
    let records = &proposals.records;
    let mut tally = Tally {
        answers: report.answers.len(),
        matched: pairs.len(),
        standard: report
            .answers
            .iter()
            .filter(|a| a.indicator.is_some())
            .count(),
        reports: 1,
        ..Tally::default()
    };
    for (a, answer) in report.answers.iter().enumerate() {
        let Some(&(_, r)) = pairs.iter().find(|&&(pa, _)| pa == a) else {
            details.push(format!(
                "  {doc} missed: {} — {}",
                answer.value, answer.quote
            ));
            continue;
        };
        let record = &records[r];
        tally.status += usize::from(record.status == answer.status);
        if record.status != answer.status {
            details.push(format!(
                "  {doc} status {:?} for {:?}: {} — {}",
                record.status,
                answer.status,
                answer.value,
                flat(&record.source.quote)
            ));
        }
        let Some(wanted) = &answer.indicator else {
            continue;
        };
        let proposed = record.indicator.as_deref();
        tally.covered += usize::from(proposed.is_some());
        tally.right += usize::from(proposed == Some(wanted));
        let top3 = proposed == Some(wanted) || record.alternatives.contains(wanted);
        tally.top3 += usize::from(top3);
        if proposed != Some(wanted) {
            details.push(format!(
                "  {doc} indicator {} (then {}) for {wanted}: {}{} — {}",
                proposed.unwrap_or("none"),
                record.alternatives.join(", "),
                answer.value,
                record.unit,
                flat(&record.source.quote)
            ));
        }
    }
    tally
}

/// The Chinese name of the place proposed: a catalogue place's, or a new one's.
fn place_name(proposals: &Proposals, catalog: &Catalog) -> Option<String> {
    let id = &proposals.report.entity;
    catalog.entity(id).map(|e| e.name.zh.clone()).or_else(|| {
        proposals
            .new_entities
            .iter()
            .find(|e| &e.id == id)
            .map(|e| e.name.zh.clone())
    })
}
