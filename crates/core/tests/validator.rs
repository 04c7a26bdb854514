//! The validator against every class of bad input. Each case is a fixture file in
//! `fixtures/invalid/`: a change to the valid `fixtures/mini/` data set, and the errors it must
//! produce, each naming the file, the record and the field.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use sportdash_core::files::{check_dir, read_reports};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

/// Applies a case to a copy of the mini data set and compares the errors with the expected ones.
fn check(case_file: &Path) -> Result<(), String> {
    let name = case_file.file_stem().unwrap().to_string_lossy().to_string();
    let case: Value = serde_json::from_str(&fs::read_to_string(case_file).unwrap()).unwrap();
    let dir =
        std::env::temp_dir().join(format!("sportdash-validator-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&fixtures().join("mini"), &dir);

    let medals = dir.join("observations/medals.json");
    if let Some(patch) = case.get("patch").and_then(Value::as_object) {
        let mut file: Value = serde_json::from_str(&fs::read_to_string(&medals).unwrap()).unwrap();
        let record = file["observations"][0].as_object_mut().unwrap();
        for (key, value) in patch {
            if value.is_null() {
                record.remove(key);
            } else {
                record.insert(key.clone(), value.clone());
            }
        }
        fs::write(&medals, file.to_string()).unwrap();
    }
    if case.get("duplicate").and_then(Value::as_bool) == Some(true) {
        let mut file: Value = serde_json::from_str(&fs::read_to_string(&medals).unwrap()).unwrap();
        let first = file["observations"][0].clone();
        file["observations"].as_array_mut().unwrap().push(first);
        fs::write(&medals, file.to_string()).unwrap();
    }
    for (file, text) in case
        .get("files")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        fs::write(dir.join(file), text.as_str().unwrap()).unwrap();
    }
    for file in case
        .get("remove")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        fs::remove_file(dir.join(file.as_str().unwrap())).unwrap();
    }

    let reports = read_reports(&fixtures().join("mini-reports")).unwrap();
    let checked = check_dir(&dir, Some(&reports));
    let on_disk = observation_records(&dir);
    let _ = fs::remove_dir_all(&dir);

    // Nothing dropped silently: every record on disk is either kept or named in an error.
    if let (Some(total), Some(_)) = (on_disk, checked.catalog.as_ref()) {
        let rejected: std::collections::BTreeSet<(String, String)> = checked
            .errors()
            .filter_map(|e| {
                let record = e.record.as_deref()?;
                let index = record.strip_prefix("observations[")?.split(']').next()?;
                Some((e.file.clone(), index.to_string()))
            })
            .collect();
        if checked.observation_count() + rejected.len() != total {
            return Err(format!(
                "{name}: {total} records, {} kept and {} rejected",
                checked.observation_count(),
                rejected.len()
            ));
        }
    }

    let errors: Vec<_> = checked.errors().collect();
    let expected = case["expect"].as_array().unwrap();
    let listing = errors
        .iter()
        .map(|e| format!("  {e}"))
        .collect::<Vec<_>>()
        .join("\n");
    if errors.len() != expected.len() {
        return Err(format!(
            "{name}: expected {} errors, got {}:\n{listing}",
            expected.len(),
            errors.len()
        ));
    }
    for (error, want) in errors.iter().zip(expected) {
        let text = |key: &str| want.get(key).and_then(Value::as_str);
        let matches = error.file == text("file").unwrap()
            && match text("record") {
                None => error.record.is_none(),
                Some(r) => error.record.as_deref().is_some_and(|have| have.contains(r)),
            }
            && match text("field") {
                None => error.field.is_none(),
                Some(f) => error.field.as_deref() == Some(f),
            }
            && error.message.contains(text("message").unwrap());
        if !matches {
            return Err(format!("{name}: expected {want}\n got:\n{listing}"));
        }
    }
    Ok(())
}

/// How many observation records the data directory's files hold, if every file is readable JSON.
fn observation_records(dir: &Path) -> Option<usize> {
    let mut total = 0;
    for entry in fs::read_dir(dir.join("observations")).ok()? {
        let text = fs::read_to_string(entry.ok()?.path()).ok()?;
        let file: Value = serde_json::from_str(&text).ok()?;
        total += file.get("observations")?.as_array()?.len();
    }
    Some(total)
}

#[test]
fn the_mini_data_set_is_valid() {
    let reports = read_reports(&fixtures().join("mini-reports")).unwrap();
    let checked = check_dir(&fixtures().join("mini"), Some(&reports));
    assert_eq!(checked.diagnostics, vec![]);
    assert_eq!(checked.observation_count(), 2);
}

#[test]
fn every_class_of_bad_input_is_reported_with_file_record_and_field() {
    let mut cases: Vec<PathBuf> = fs::read_dir(fixtures().join("invalid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "only {} cases", cases.len());
    let failures: Vec<String> = cases.iter().filter_map(|c| check(c).err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_rejected_record_leaves_the_rest_of_its_file_usable() {
    let dir = std::env::temp_dir().join(format!("sportdash-partial-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&fixtures().join("mini"), &dir);
    let medals = dir.join("observations/medals.json");
    let mut file: Value = serde_json::from_str(&fs::read_to_string(&medals).unwrap()).unwrap();
    let mut broken = file["observations"][0].clone();
    broken["value"] = Value::from("five");
    file["observations"]
        .as_array_mut()
        .unwrap()
        .insert(0, broken);
    fs::write(&medals, file.to_string()).unwrap();
    let checked = check_dir(&dir, None);
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(checked.errors().count(), 1);
    assert_eq!(checked.observation_count(), 2);
}
