//! The data as open data: the Frictionless Data Package (`package`) of a small data directory,
//! checked against the files it must give (`fixtures/package/expected/`, tests as data:
//! `BLESS=1 cargo test -p sportdash-core --test open_data` writes them again from the current
//! output, for review in the diff); the CSVs read back to the records they came from; and a
//! `$schema` key, which editors use, read without a word in every kind of data file.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use sportdash_core::files::{check_dir, Checked};
use sportdash_core::package::{self, File};

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/package")
}

fn checked(dir: &Path) -> Checked {
    let checked = check_dir(dir, None);
    let problems: Vec<String> = checked.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    checked
}

fn build(dir: &Path) -> Vec<File> {
    let data = checked(dir);
    package::build(data.catalog.as_ref().unwrap(), &data.datasets)
}

/// `actual` against the expected file of the same name in `expected`, or written there with
/// BLESS set; the difference, where there is one.
fn check(expected: &Path, actual: &File) -> Result<(), String> {
    let path = expected.join(&actual.path);
    if std::env::var_os("BLESS").is_some() {
        fs::create_dir_all(expected).unwrap();
        fs::write(&path, &actual.text).unwrap();
        return Ok(());
    }
    let wanted = fs::read_to_string(&path).unwrap_or_default();
    if wanted == actual.text {
        return Ok(());
    }
    let line = wanted
        .lines()
        .zip(actual.text.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| wanted.lines().count().min(actual.text.lines().count()));
    Err(format!(
        "{}: differs from line {}:\n  expected: {}\n  actual:   {}",
        path.display(),
        line + 1,
        wanted.lines().nth(line).unwrap_or("(end of file)"),
        actual.text.lines().nth(line).unwrap_or("(end of file)"),
    ))
}

#[test]
fn the_package_is_the_expected_files() {
    let expected = fixture().join("expected");
    let built = build(&fixture().join("data"));
    let failures: Vec<String> = built
        .iter()
        .filter_map(|f| check(&expected, f).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let listed: BTreeSet<String> = fs::read_dir(&expected)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let written: BTreeSet<String> = built.iter().map(|f| f.path.clone()).collect();
    assert_eq!(listed, written, "the package's files, no more and no fewer");
    assert_eq!(built[0].path, package::DESCRIPTOR);
}

/// Every observation is one row, its cells the record's own (commas, quotes and all), with
/// the value also in the indicator's unit; every reference likewise.
#[test]
fn the_csvs_read_back_to_the_records() {
    let dir = fixture().join("data");
    let data = checked(&dir);
    let catalog = data.catalog.as_ref().unwrap();
    let built = build(&dir);
    let table = |path: &str| -> Vec<csv::StringRecord> {
        let file = built.iter().find(|f| f.path == path).expect(path);
        let mut reader = csv::Reader::from_reader(file.text.as_bytes());
        reader.records().map(Result::unwrap).collect()
    };
    for dataset in &data.datasets {
        let rows = table(&package::observations_csv(dataset.category));
        assert_eq!(rows.len(), dataset.observations.len());
        for (row, o) in rows.iter().zip(&dataset.observations) {
            let unit = &catalog.indicator(&o.indicator).unwrap().unit;
            let normalised: f64 = row[10].parse().unwrap();
            let converted = sportdash_core::units::convert(o.value, &o.unit, unit).unwrap();
            assert!(
                (normalised - converted).abs() <= converted * 1e-12,
                "{row:?}"
            );
            let cells = [
                (0, o.entity.as_str()),
                (4, o.indicator.as_str()),
                (9, o.unit.as_str()),
                (11, unit.as_str()),
                (13, o.context_zh()),
                (14, o.source.doc.as_str()),
                (15, o.source.quote.as_str()),
            ];
            for (at, cell) in cells {
                assert_eq!(&row[at], cell, "column {at} of {row:?}");
            }
            assert_eq!(row[6].parse::<f64>().unwrap(), o.value);
            assert_eq!(row[7].parse::<f64>().ok(), o.value_max);
        }
    }
    let rows = table(package::REFERENCES_CSV);
    assert_eq!(rows.len(), catalog.references.len());
    for (row, r) in rows.iter().zip(&catalog.references) {
        assert_eq!(&row[0], r.indicator);
        assert_eq!(row[3].parse::<f64>().unwrap(), r.value);
        assert_eq!(&row[11], r.citation.url);
        assert_eq!(&row[12], r.note.zh);
        assert_eq!(&row[13], r.note.en.as_deref().unwrap_or(""));
    }
    // The fixture has what needs quoting: a comma and quotes in a context and a quote.
    assert!(rows.len() > 1);
    assert!(built
        .iter()
        .any(|f| f.text.contains(r#""市运会, ""体彩杯""青少年组""#)));
}

/// An editor finds a file's schema by its `"$schema"` key: every kind of data file may carry
/// one, and the data reads as it did, with no diagnostic.
#[test]
fn a_schema_key_is_read_without_a_word_in_every_kind_of_file() {
    let from = fixture().join("data");
    let to = std::env::temp_dir().join(format!("sportdash-schema-key-{}", std::process::id()));
    let _ = fs::remove_dir_all(&to);
    fs::create_dir_all(to.join("observations")).unwrap();
    let mut files = Vec::new();
    for name in [
        "entities",
        "indicators",
        "reports",
        "references",
        "deck",
        "observations/medals",
        "observations/events",
        "observations/facilities",
        "observations/industry",
        "observations/talent",
        "observations/governance",
    ] {
        let path = format!("{name}.json");
        let kind = name.split('/').next().unwrap();
        let up = if name.contains('/') { "../" } else { "" };
        let text = fs::read_to_string(from.join(&path)).unwrap();
        let marked = text.replacen(
            '{',
            &format!("{{\"$schema\": \"{up}schemas/{kind}.schema.json\", "),
            1,
        );
        assert_ne!(marked, text);
        fs::write(to.join(&path), marked).unwrap();
        files.push(path);
    }
    let with = check_dir(&to, None);
    let _ = fs::remove_dir_all(&to);
    let problems: Vec<String> = with.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let without = checked(&from);
    assert_eq!(with.catalog, without.catalog);
    assert_eq!(with.datasets, without.datasets);
    assert_eq!(files.len(), 11);
}

/// The JSON Schemas (`schema` feature): what `data/schemas/` holds is what the model's types
/// give, and the data files, the real ones and the fixture's, are of their schema's type.
#[cfg(feature = "schema")]
mod schemas {
    use super::*;
    use sportdash_core::schema;

    fn data() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data")
    }

    #[test]
    fn the_committed_schemas_are_the_generated_ones() {
        let dir = data().join(schema::DIR);
        let generated = schema::files();
        assert_eq!(generated.len(), schema::KINDS.len());
        let mut stale = Vec::new();
        for (name, text) in &generated {
            let committed = fs::read_to_string(dir.join(name)).unwrap_or_default();
            if &committed != text {
                stale.push(name.clone());
            }
        }
        let listed: BTreeSet<String> = fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        let names: BTreeSet<String> = generated.iter().map(|(n, _)| n.clone()).collect();
        stale.extend(listed.difference(&names).cloned());
        assert!(
            stale.is_empty(),
            "data/schemas/ differs from the model's types ({}): write the schemas again with \
             `cargo sportdash schemas data/schemas` and commit them",
            stale.join(", ")
        );
    }

    /// Each file parses as its top-level type (what the schema is generated from): a top-level
    /// key the schema does not know, or a missing one, is named.
    #[test]
    fn the_data_files_are_of_their_schema_types() {
        fn parse<T: serde::de::DeserializeOwned>(dir: &Path, path: &str) -> Result<T, String> {
            let text = fs::read_to_string(dir.join(path)).map_err(|e| format!("{path}: {e}"))?;
            serde_json::from_str(text.trim_start_matches('\u{feff}'))
                .map_err(|e| format!("{}: {e}", dir.join(path).display()))
        }
        for dir in [data(), fixture().join("data")] {
            let mut failures = Vec::new();
            let mut read = 0;
            for entry in fs::read_dir(&dir)
                .unwrap()
                .chain(fs::read_dir(dir.join("observations")).unwrap())
            {
                let path = entry.unwrap().path();
                let Some(relative) = path
                    .strip_prefix(&dir)
                    .ok()
                    .and_then(|p| p.to_str())
                    .map(str::to_string)
                else {
                    continue;
                };
                let result = match schema::kind_of(&relative) {
                    Some("entities") => parse::<schema::EntitiesFile>(&dir, &relative).map(|_| ()),
                    Some("indicators") => {
                        parse::<schema::IndicatorsFile>(&dir, &relative).map(|_| ())
                    }
                    Some("reports") => parse::<schema::ReportsFile>(&dir, &relative).map(|_| ()),
                    Some("references") => {
                        parse::<schema::ReferencesFile>(&dir, &relative).map(|_| ())
                    }
                    Some("deck") => parse::<schema::DeckFile>(&dir, &relative).map(|_| ()),
                    Some("observations") => {
                        parse::<schema::ObservationsFile>(&dir, &relative).map(|_| ())
                    }
                    _ => continue,
                };
                read += 1;
                failures.extend(result.err());
            }
            assert!(read >= 9, "{}: {read} data files", dir.display());
            assert!(failures.is_empty(), "{}", failures.join("\n"));
        }
    }
}
