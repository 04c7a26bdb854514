//! Writes the synthetic national data set (see `sportdash_devtools::synthetic`) as a data directory with
//! the layout of `data/`, one observations file per indicator:
//!
//!     cargo run --release --example national -- OUT_DIR [--provinces N] [--years N]
//!
//! Serve `dist/` with `data/` pointing at OUT_DIR (`bench/` does) to use it in the dashboard.

use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;
use sportdash_devtools::synthetic::{national, Scale};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut out = None;
    let mut scale = Scale::default();
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Option<usize> {
            let value = args.next().and_then(|v| v.parse().ok());
            if value.is_none() {
                eprintln!("{name} needs a number");
            }
            value
        };
        match arg.as_str() {
            "--provinces" => match number("--provinces") {
                Some(n) => scale.provinces = n,
                None => return ExitCode::from(2),
            },
            "--years" => match number("--years") {
                Some(n) => scale.years = n,
                None => return ExitCode::from(2),
            },
            "-h" | "--help" => {
                println!("usage: national OUT_DIR [--provinces N] [--years N]");
                return ExitCode::SUCCESS;
            }
            dir => out = Some(PathBuf::from(dir)),
        }
    }
    let Some(out) = out else {
        eprintln!("usage: national OUT_DIR [--provinces N] [--years N]");
        return ExitCode::from(2);
    };
    let data = national(&scale);
    let write = |path: PathBuf, value: serde_json::Value| -> std::io::Result<usize> {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        let text = value.to_string();
        fs::write(&path, &text)?;
        Ok(text.len())
    };
    let result = (|| -> std::io::Result<()> {
        write(
            out.join("entities.json"),
            json!({ "entities": data.entities }),
        )?;
        write(
            out.join("indicators.json"),
            json!({ "indicators": data.indicators }),
        )?;
        write(out.join("reports.json"), json!({ "reports": data.reports }))?;
        // Synthetic numbers have no national yardstick: none, rather than a missing file.
        write(out.join("references.json"), json!({ "references": [] }))?;
        let mut total = 0;
        for (indicator, observations) in data.indicators.iter().zip(&data.observations) {
            let file = indicator.file.clone().unwrap_or_default();
            let bytes = write(
                out.join(&file),
                json!({ "dataset": indicator.category.id(), "observations": observations }),
            )?;
            total += observations.len();
            println!(
                "{file}: {} observations, {:.1} MB",
                observations.len(),
                bytes as f64 / 1e6
            );
        }
        println!(
            "{}: {} places, {} indicators, {total} observations",
            out.display(),
            data.entities.len(),
            data.indicators.len()
        );
        Ok(())
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}
