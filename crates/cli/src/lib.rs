//! The `sportdash` command line: validate a data directory, extract numbers from a report,
//! ingest a report into a proposals file and merge a reviewed one into the data, render a chart
//! to a file, write the first view into a built page, and publish the data as a Frictionless
//! Data Package with JSON Schemas of its files.

pub mod data_files;
mod ingest;
mod merge;
pub mod open_data;
pub mod render;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{Parser, Subcommand};
use serde::Serialize;

use dashboard::first_view;
use sportdash_core::{embed, files, load};
use sportdash_extract as extract;

/// Help in the project's layout: the usage first, under USAGE.
const HELP_TEMPLATE: &str = "\
{about-with-newline}
USAGE:
    {usage}

{all-args}{after-help}";

#[derive(Parser)]
#[command(
    name = "sportdash",
    about = "sportdash — sports development indicators",
    help_template = HELP_TEMPLATE,
    arg_required_else_help = true,
    disable_help_subcommand = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a data directory.
    ///
    /// Checks the schema, references, units, duplicates, years, and that every number is in its
    /// quote. With --reports, also that every quote is verbatim in its report.
    #[command(help_template = HELP_TEMPLATE)]
    Validate {
        /// The data directory.
        #[arg(value_name = "DATA_DIR", default_value = "data")]
        data_dir: PathBuf,
        /// The directory of report texts (*.txt) to check quotes against.
        #[arg(long, value_name = "DIR")]
        reports: Option<PathBuf>,
    },
    /// Propose observations from a report text.
    ///
    /// Prints {"doc": FILE, "observations": [...]} as JSON on stdout, in the data's schema, with
    /// entity, year or indicator null where they are not known, and a verbatim quote for each
    /// number. A summary (and with --verbose every number left out, and why) goes to stderr.
    #[command(help_template = HELP_TEMPLATE)]
    Extract {
        /// The report text.
        #[arg(long, value_name = "FILE")]
        doc: PathBuf,
        /// The entity the report is about [default: the doc's entity in DATA_DIR/reports.json].
        #[arg(long, value_name = "ID")]
        entity: Option<String>,
        /// The year the report reviews [default: the doc's period in DATA_DIR/reports.json].
        #[arg(long, value_name = "YYYY")]
        year: Option<i32>,
        /// Where to look the doc up when --entity or --year is not given.
        #[arg(long, value_name = "DATA_DIR", default_value = "data")]
        data: PathBuf,
        /// Also list on stderr every number left out, and why.
        #[arg(long)]
        verbose: bool,
    },
    /// Read a report (.docx, UTF-8 or GBK text) into a proposals file to review.
    ///
    /// Writes the file the review page downloads: the report's entry, its place and year as
    /// read, and a record for every number kept, each "review": "proposed", with its indicator
    /// and runners-up; the numbers left out, and why. Mark each record accepted or rejected, then
    /// `sportdash merge` it. A summary goes to stderr; a file that cannot be read is named with
    /// the reason (exit status 1).
    #[command(help_template = HELP_TEMPLATE)]
    Ingest {
        /// The report file.
        #[arg(long, value_name = "FILE")]
        doc: PathBuf,
        /// The data directory whose places and indicators the records are read against.
        #[arg(long, value_name = "DIR", default_value = "data")]
        data: PathBuf,
        /// Where to write the proposals [default: the doc's name with .proposals.json, here].
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Add a reviewed proposals file to the data directory.
    ///
    /// Adds the accepted records to their sections, the report to reports.json and its new
    /// places to entities.json; skips the rejected ones. Writes nothing (exit status 1) if a
    /// record is not reviewed yet, an accepted one has a field open or is in the data already,
    /// or the merged data would not pass `sportdash validate`.
    #[command(help_template = HELP_TEMPLATE)]
    Merge {
        /// The reviewed proposals file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The data directory to merge into.
        #[arg(long, value_name = "DIR", default_value = "data")]
        data: PathBuf,
        /// The directory of report texts (*.txt) to check quotes against.
        #[arg(long, value_name = "DIR")]
        reports: Option<PathBuf>,
        /// Check everything and say what would be merged, writing nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Draw one of the dashboard's charts into an SVG or PNG file, for slides and print.
    ///
    /// The chart is the one the dashboard shows for the same view, places, years and indicator.
    /// A PNG needs a font with Chinese glyphs (Debian: fonts-noto-cjk); an SVG names the font
    /// for its viewer. Exit status 2: a bad argument; 1: the chart could not be drawn or written.
    #[command(help_template = HELP_TEMPLATE)]
    Render(render::Args),
    /// Print embed.js, the script a host page includes to size an embedded chart's iframe.
    ///
    /// Its message shape and height limits are the ones the chart posts with.
    #[command(name = "embed-js", help_template = HELP_TEMPLATE)]
    EmbedJs,
    /// Write the dashboard's default view into the built page, for its first paint.
    ///
    /// Replaces the page's `<!-- sportdash:first-view -->` with the view an address without
    /// parameters shows, its chart drawn as SVG; the app takes its place once loaded. Where the
    /// default view's data has problems, or too many places to list, it writes none and says why.
    #[command(help_template = HELP_TEMPLATE)]
    Snapshot {
        /// The data directory the site is built with.
        #[arg(long, value_name = "DIR", default_value = "data")]
        data: PathBuf,
        /// The built page to write into (Trunk's dist/index.html).
        #[arg(long, value_name = "FILE")]
        page: PathBuf,
    },
    /// Write the data as a Frictionless Data Package: datapackage.json, a CSV per section and
    /// one of the national reference values.
    ///
    /// Checks DATA_DIR first (as validate does) and writes nothing where it has errors, naming
    /// each. Values and units are as reported, each value also in its indicator's unit; every
    /// row keeps its report and quote. `frictionless validate OUT_DIR/datapackage.json` checks
    /// the result (docs/open-data.md).
    #[command(help_template = HELP_TEMPLATE)]
    Package {
        /// The data directory.
        #[arg(value_name = "DATA_DIR")]
        data_dir: PathBuf,
        /// Where to write the package (made if missing; files of the same names are replaced).
        #[arg(value_name = "OUT_DIR")]
        out_dir: PathBuf,
        /// Also write the package as one zip file, its files at the top level.
        #[arg(long, value_name = "FILE")]
        zip: Option<PathBuf>,
    },
    /// Write the JSON Schema of each kind of data file, generated from the model's types.
    ///
    /// entities, indicators, reports, references, deck and observations, as
    /// KIND.schema.json. data/schemas/ holds them; after a change to the model, write them again
    /// with `cargo sportdash schemas data/schemas`.
    #[command(help_template = HELP_TEMPLATE)]
    Schemas {
        /// Where to write the schemas (made if missing).
        #[arg(value_name = "OUT_DIR")]
        out_dir: PathBuf,
    },
}

/// Runs the command line on `args` (without the program's name).
pub fn run(args: Vec<String>) -> ExitCode {
    let cli = match Cli::try_parse_from(std::iter::once("sportdash".to_string()).chain(args)) {
        Ok(cli) => cli,
        Err(error) => return refuse(error),
    };
    match cli.command {
        Command::Validate { data_dir, reports } => validate(&data_dir, reports.as_deref()),
        Command::Extract {
            doc,
            entity,
            year,
            data,
            verbose,
        } => extract(&doc, entity, year, &data, verbose),
        Command::Ingest { doc, data, out } => ingest::run(&doc, &data, out.as_deref()),
        Command::Merge {
            file,
            data,
            reports,
            dry_run,
        } => merge::run(&file, &data, reports.as_deref(), dry_run),
        Command::Render(args) => render(&args),
        Command::Snapshot { data, page } => snapshot(&data, &page),
        Command::Package {
            data_dir,
            out_dir,
            zip,
        } => open_data::package(&data_dir, &out_dir, zip.as_deref()),
        Command::Schemas { out_dir } => open_data::schemas(&out_dir),
        Command::EmbedJs => {
            use std::io::Write;
            let written = write!(std::io::stdout().lock(), "{}", embed::host_script());
            if written.is_ok() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// Help goes to stdout with success; a usage error to stderr with status 2, its usage line
/// headed USAGE like the help.
fn refuse(error: clap::Error) -> ExitCode {
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            print!("{}", error.render());
            ExitCode::SUCCESS
        }
        _ => {
            eprint!(
                "{}",
                error.render().to_string().replacen("Usage:", "USAGE:", 1)
            );
            ExitCode::from(2)
        }
    }
}

fn validate(data_dir: &Path, reports_dir: Option<&Path>) -> ExitCode {
    let reports = match reports_dir.map(files::read_reports).transpose() {
        Ok(reports) => reports,
        Err(e) => {
            eprintln!("cannot read the reports: {e}");
            return ExitCode::from(2);
        }
    };
    let checked = files::check_dir(data_dir, reports.as_ref());
    // Written, not printed: a reader that goes away (`| head`) ends the listing, not in a panic.
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    for diagnostic in &checked.diagnostics {
        if writeln!(out, "{diagnostic}").is_err() {
            break;
        }
    }
    let errors = checked.errors().count();
    let _ = writeln!(
        out,
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

fn extract(
    doc: &Path,
    entity: Option<String>,
    year: Option<i32>,
    data_dir: &Path,
    verbose: bool,
) -> ExitCode {
    let text = match files::read_report(doc) {
        Ok((text, _)) => text,
        Err(e) => {
            eprintln!("cannot read {}: {e}", doc.display());
            return ExitCode::from(2);
        }
    };
    let name = doc.file_name().map_or_else(
        || doc.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let known = listed_report(data_dir, &name);
    let options = extract::Options {
        doc: name.clone(),
        entity: entity.or_else(|| known.as_ref().map(|r| r.entity.clone())),
        year: year.or_else(|| known.as_ref().and_then(|r| r.period.get(..4)?.parse().ok())),
    };
    let extracted = extract::extract(&text, &options);
    let output = Extraction {
        doc: &name,
        observations: &extracted.candidates,
    };
    match serde_json::to_string_pretty(&output) {
        Ok(json) => {
            use std::io::Write;
            let _ = writeln!(std::io::stdout().lock(), "{json}");
        }
        Err(e) => {
            eprintln!("cannot write the candidates as JSON: {e}");
            return ExitCode::FAILURE;
        }
    }
    if verbose {
        for note in &extracted.notes {
            eprintln!("{name} @{}: {}: {}", note.offset, note.number, note.message);
        }
    }
    eprintln!(
        "{name}: {} candidates, {} numbers left out{}{}",
        extracted.candidates.len(),
        extracted.notes.len(),
        if verbose {
            ""
        } else {
            " (--verbose lists them)"
        },
        if options.year.is_none() {
            "; no --year given and the doc is not in reports.json: years the text does not state are null"
        } else {
            ""
        }
    );
    ExitCode::SUCCESS
}

fn render(args: &render::Args) -> ExitCode {
    match render::run(args) {
        Ok(notes) => {
            for note in notes {
                eprintln!("{note}");
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            eprintln!("sportdash render: {failure}");
            ExitCode::from(failure.status())
        }
    }
}

fn snapshot(data_dir: &Path, page: &Path) -> ExitCode {
    let text = match files::read_bounded(page, load::MAX_BYTES)
        .and_then(|bytes| String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string()))
    {
        Ok(text) => text,
        Err(e) => {
            eprintln!("sportdash snapshot: cannot read {}: {e}", page.display());
            return ExitCode::FAILURE;
        }
    };
    let checked = files::check_dir(data_dir, None);
    let first_view = first_view::of_checked(&checked);
    // The script that hides the first view where the app shows another, written beside the
    // page whether or not there is a first view, so that the page never asks for a file
    // that is not there.
    let script = page.with_file_name("first-view.js");
    if let Err(e) = std::fs::write(&script, first_view::script()) {
        eprintln!("sportdash snapshot: {}: {e}", script.display());
        return ExitCode::FAILURE;
    }
    // The data file each address's view reads, asked for as the page starts (the dashboard's
    // page and the embed page load it).
    let preload = page.with_file_name("preload.js");
    if let Err(e) = std::fs::write(
        &preload,
        sportdash_core::preload::script(checked.catalog.as_ref()),
    ) {
        eprintln!("sportdash snapshot: {}: {e}", preload.display());
        return ExitCode::FAILURE;
    }
    let written = first_view::into_page(&text, first_view.as_deref().ok())
        .and_then(|html| std::fs::write(page, html).map_err(|e| e.to_string()));
    match (written, first_view) {
        (Err(e), _) => {
            eprintln!("sportdash snapshot: {}: {e}", page.display());
            ExitCode::FAILURE
        }
        (Ok(()), Ok(first_view)) => {
            eprintln!(
                "sportdash snapshot: first view written into {} ({} bytes)",
                page.display(),
                first_view.len()
            );
            ExitCode::SUCCESS
        }
        (Ok(()), Err(why)) => {
            // The site works without it, only later; one written before is taken out.
            eprintln!(
                "sportdash snapshot: no first view in {}: {why}",
                page.display()
            );
            ExitCode::SUCCESS
        }
    }
}

/// What `extract` prints: the fields in the data's order.
#[derive(Serialize)]
struct Extraction<'a> {
    doc: &'a str,
    observations: &'a [extract::Candidate],
}

/// The doc's entry in `DATA_DIR/reports.json`, when there is one.
fn listed_report(data_dir: &Path, doc: &str) -> Option<sportdash_core::model::Report> {
    let bytes = files::read_bounded(&data_dir.join(load::REPORTS_FILE), load::MAX_BYTES).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    load::reports(load::REPORTS_FILE, &text)
        .value?
        .into_iter()
        .find(|r| r.doc == doc)
}
