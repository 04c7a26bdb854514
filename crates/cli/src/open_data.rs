//! `sportdash package` and `sportdash schemas`: the data as a Frictionless Data Package (and a
//! zip of it), and the JSON Schemas of the data files (docs/open-data.md).

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use sportdash_core::package::{self, File};
use sportdash_core::{files, schema};

/// Checks `data_dir`, and writes its package into `out_dir` (and `zip`, when given) where the
/// data has no errors; where it has, names them and writes nothing.
pub fn package(data_dir: &Path, out_dir: &Path, zip: Option<&Path>) -> ExitCode {
    let checked = files::check_dir(data_dir, None);
    let mut err = std::io::stderr().lock();
    for diagnostic in &checked.diagnostics {
        let _ = writeln!(err, "{diagnostic}");
    }
    let errors = checked.errors().count();
    let catalog = match &checked.catalog {
        Some(catalog) if errors == 0 => catalog,
        _ => {
            let _ = writeln!(
                err,
                "sportdash package: {} has {errors} errors (listed above): no package written",
                data_dir.display()
            );
            return ExitCode::FAILURE;
        }
    };
    let written = package::build(catalog, &checked.datasets);
    if let Err(e) = write_all(out_dir, &written) {
        let _ = writeln!(err, "sportdash package: {e}");
        return ExitCode::FAILURE;
    }
    if let Some(zip) = zip {
        if let Err(e) = zipped(&written)
            .and_then(|bytes| fs::write(zip, bytes).map_err(|e| format!("{}: {e}", zip.display())))
        {
            let _ = writeln!(err, "sportdash package: {e}");
            return ExitCode::FAILURE;
        }
    }
    let _ = writeln!(
        err,
        "sportdash package: {} written: {} sections ({} observations) and {} references{}",
        out_dir.join(package::DESCRIPTOR).display(),
        checked.datasets.len(),
        checked.observation_count(),
        catalog.references.len(),
        zip.map(|z| format!(", zipped into {}", z.display()))
            .unwrap_or_default()
    );
    ExitCode::SUCCESS
}

/// Writes the JSON Schema of every kind of data file into `out_dir`.
pub fn schemas(out_dir: &Path) -> ExitCode {
    let schemas: Vec<File> = schema::files()
        .into_iter()
        .map(|(path, text)| File { path, text })
        .collect();
    match write_all(out_dir, &schemas) {
        Ok(()) => {
            eprintln!(
                "sportdash schemas: {} schemas written into {}",
                schemas.len(),
                out_dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("sportdash schemas: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Writes `written` into `dir`, made where it is missing; an error names the path.
fn write_all(dir: &Path, written: &[File]) -> Result<(), String> {
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for file in written {
        let path = dir.join(&file.path);
        fs::write(&path, &file.text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// The files as a zip, at its top level, deflated, dated 1980-01-01 (zip's earliest date): the
/// same data gives the same bytes.
pub fn zipped(written: &[File]) -> Result<Vec<u8>, String> {
    use zip::write::SimpleFileOptions;
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for file in written {
        writer
            .start_file(file.path.as_str(), options)
            .and_then(|()| writer.write_all(file.text.as_bytes()).map_err(Into::into))
            .map_err(|e| format!("zipping {}: {e}", file.path))?;
    }
    let cursor = writer.finish().map_err(|e| format!("zipping: {e}"))?;
    Ok(cursor.into_inner())
}
