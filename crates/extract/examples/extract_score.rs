//! Precision and recall of `sportdash extract` against hand-read answers, per report and overall.
//!
//! ```sh
//! cargo run --example extract_score -- ../shared/reports [--answers FILE] [--verbose]
//! ```
//!
//! The answers (default `tests/fixtures/extract/answers.json`) list, for each report, every number
//! a person would keep, with a short quote locating it. Matching rule: a candidate matches an
//! answer when
//! 1. both are for the same report,
//! 2. their values are equal (and their `value_max`, for ranges: both absent or both equal), and
//! 3. the candidate's number, at its place in the report, lies inside an occurrence of the
//!    answer's quote in that report (white space ignored when locating the quote).
//!
//! Each answer matches at most one candidate and each candidate at most one answer (a maximum
//! matching, `common::staged_matching` in one stage). Precision = matched candidates / candidates; recall = matched answers / answers;
//! "overall" pools all reports. Unit and qualifier are not part of the rule: how often they agree
//! on the matched pairs is printed alongside. With --verbose, every missed answer and every
//! unmatched candidate (false positive) is listed.
//!
//! Exits non-zero only on an error (a file that cannot be read, an answer quote that is not in its
//! report or does not write its value), never because the figures are low.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Deserialize;
use sportdash_extract::{self as extract, Candidate, Options};

mod common;
use common::{fits, flat, percent, staged_matching};

#[derive(Deserialize)]
struct AnswerFile {
    reports: Vec<ReportAnswers>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportAnswers {
    doc: String,
    answers: Vec<Answer>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Answer {
    value: f64,
    #[serde(default)]
    value_max: Option<f64>,
    qualifier: String,
    unit: String,
    quote: String,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Default)]
struct Tally {
    answers: usize,
    candidates: usize,
    matched: usize,
    same_unit: usize,
    same_qualifier: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.answers += other.answers;
        self.candidates += other.candidates;
        self.matched += other.matched;
        self.same_unit += other.same_unit;
        self.same_qualifier += other.same_qualifier;
    }

    fn row(&self, name: &str) -> String {
        format!(
            "{name:<26} {:>7} {:>10} {:>7} {:>9} {:>7} {:>6} {:>10}",
            self.answers,
            self.candidates,
            self.matched,
            percent(self.matched, self.candidates),
            percent(self.matched, self.answers),
            percent(self.same_unit, self.matched),
            percent(self.same_qualifier, self.matched),
        )
    }
}

fn main() -> ExitCode {
    let mut reports_dir = PathBuf::from("../shared/reports");
    let mut answers_file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract/answers.json");
    let mut verbose = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--verbose" | "-v" => verbose = true,
            "--answers" => match args.next() {
                Some(file) => answers_file = PathBuf::from(file),
                None => return error("--answers needs a file"),
            },
            "-h" | "--help" => {
                println!("usage: extract_score [REPORTS_DIR] [--answers FILE] [--verbose]");
                return ExitCode::SUCCESS;
            }
            other if other.starts_with('-') => return error(&format!("unknown option {other}")),
            dir => reports_dir = PathBuf::from(dir),
        }
    }
    match score(&reports_dir, &answers_file, verbose) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => error(&message),
    }
}

fn error(message: &str) -> ExitCode {
    eprintln!("extract_score: {message}");
    ExitCode::FAILURE
}

fn score(reports_dir: &Path, answers_file: &Path, verbose: bool) -> Result<(), String> {
    let text = std::fs::read_to_string(answers_file)
        .map_err(|e| format!("cannot read {}: {e}", answers_file.display()))?;
    let file: AnswerFile =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", answers_file.display()))?;
    println!(
        "extract against {} ({} reports)\n",
        answers_file.display(),
        file.reports.len()
    );
    println!(
        "{:<26} {:>7} {:>10} {:>7} {:>9} {:>7} {:>6} {:>10}",
        "report", "answers", "candidates", "matched", "precision", "recall", "unit", "qualifier"
    );
    let mut overall = Tally::default();
    let mut details = Vec::new();
    for report in &file.reports {
        let tally = score_report(reports_dir, report, &mut details)?;
        println!("{}", tally.row(&report.doc));
        overall.add(&tally);
    }
    println!("{}", overall.row("overall"));
    if verbose {
        println!("\nmisses, false positives, and unit or qualifier differences:");
        for line in &details {
            println!("{line}");
        }
    }
    Ok(())
}

fn qualifier(candidate: &Candidate) -> String {
    serde_json::to_value(candidate.qualifier)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn short(doc: &str) -> &str {
    doc.get(..3).unwrap_or(doc)
}

/// Matches one report's candidates to its answers; what differs goes to `details`.
fn score_report(
    reports_dir: &Path,
    report: &ReportAnswers,
    details: &mut Vec<String>,
) -> Result<Tally, String> {
    let path = reports_dir.join(&report.doc);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let options = Options {
        doc: report.doc.clone(),
        ..Options::default()
    };
    let candidates = extract::extract(&text, &options).candidates;
    let places = report
        .answers
        .iter()
        .map(|answer| common::locate(&text, &report.doc, &answer.quote, answer.value))
        .collect::<Result<Vec<_>, _>>()?;
    let fits = |a: usize, c: usize| {
        let (answer, candidate) = (&report.answers[a], &candidates[c]);
        fits(
            (answer.value, answer.value_max),
            (candidate.value, candidate.value_max, candidate.offset),
            &places[a],
        )
    };
    let pairs = staged_matching(report.answers.len(), candidates.len(), &[&fits]);
    let mut tally = Tally {
        answers: report.answers.len(),
        candidates: candidates.len(),
        ..Tally::default()
    };
    let mut answer_matched = vec![false; report.answers.len()];
    let mut candidate_matched = vec![false; candidates.len()];
    for &(a, c) in &pairs {
        let (answer, candidate) = (&report.answers[a], &candidates[c]);
        tally.matched += 1;
        tally.same_unit += usize::from(answer.unit == candidate.unit);
        tally.same_qualifier += usize::from(answer.qualifier == qualifier(candidate));
        answer_matched[a] = true;
        candidate_matched[c] = true;
        if answer.unit != candidate.unit || answer.qualifier != qualifier(candidate) {
            details.push(format!(
                "  {} differs: {} {} {} answered as {} {} — {}",
                short(&report.doc),
                candidate.value,
                candidate.unit,
                qualifier(candidate),
                answer.unit,
                answer.qualifier,
                flat(&candidate.source.quote)
            ));
        }
    }
    for (a, answer) in report.answers.iter().enumerate() {
        if !answer_matched[a] {
            details.push(format!(
                "  {} missed: {} {} {} — {}{}",
                short(&report.doc),
                answer.value,
                answer.unit,
                answer.qualifier,
                answer.quote,
                answer
                    .note
                    .as_deref()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default()
            ));
        }
    }
    for (c, candidate) in candidates.iter().enumerate() {
        if !candidate_matched[c] {
            details.push(format!(
                "  {} false positive: {} {} {} — {}",
                short(&report.doc),
                candidate.value,
                candidate.unit,
                qualifier(candidate),
                flat(&candidate.source.quote)
            ));
        }
    }
    Ok(tally)
}
