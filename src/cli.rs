//! The `sportdash` command line (native only).

use std::path::PathBuf;
use std::process::ExitCode;

use crate::files;

const USAGE: &str = "\
sportdash — sports development indicators

USAGE:
    sportdash validate [DATA_DIR] [--reports DIR]

COMMANDS:
    validate    Check a data directory: schema, references, units, duplicates, years,
                and that every number is in its quote. With --reports, also that every
                quote is verbatim in its report. DATA_DIR defaults to ./data.
";

pub fn run(args: Vec<String>) -> ExitCode {
    match args.first().map(String::as_str) {
        Some("validate") => validate(&args[1..]),
        Some("-h" | "--help" | "help") | None => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("unknown command \"{other}\"\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn validate(args: &[String]) -> ExitCode {
    let mut data_dir = PathBuf::from("data");
    let mut reports_dir = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--reports" => match rest.next() {
                Some(dir) => reports_dir = Some(PathBuf::from(dir)),
                None => {
                    eprintln!("--reports needs a directory");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other if other.starts_with('-') => {
                eprintln!("unknown option \"{other}\"\n\n{USAGE}");
                return ExitCode::from(2);
            }
            dir => data_dir = PathBuf::from(dir),
        }
    }
    let reports = match reports_dir.as_deref().map(files::read_reports).transpose() {
        Ok(reports) => reports,
        Err(e) => {
            eprintln!("cannot read the reports: {e}");
            return ExitCode::from(2);
        }
    };
    let checked = files::check_dir(&data_dir, reports.as_ref());
    for diagnostic in &checked.diagnostics {
        println!("{diagnostic}");
    }
    let errors = checked.errors().count();
    println!(
        "{} observations valid, {} errors, {} warnings{}",
        checked.observation_count(),
        errors,
        checked.diagnostics.len() - errors,
        if reports.is_some() {
            ", quotes checked against the reports"
        } else {
            ""
        }
    );
    if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
