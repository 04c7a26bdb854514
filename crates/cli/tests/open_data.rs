//! `sportdash package` and `sportdash schemas`: what they write is what the core gives, the zip
//! holds the same files, and data with errors gives no package.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use sportdash_core::files::check_dir;
use sportdash_core::{package, schema};

fn sportdash(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_sportdash"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr),
    )
}

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/package/data")
}

/// A directory of its own under the system's temporary one, empty.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sportdash-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn package_writes_the_cores_package_and_the_same_files_zipped() {
    let dir = scratch("package");
    let out = dir.join("package");
    let zip = dir.join("data.zip");
    let (status, said) = sportdash(&[
        "package",
        fixture().to_str().unwrap(),
        out.to_str().unwrap(),
        "--zip",
        zip.to_str().unwrap(),
    ]);
    assert_eq!(status, 0, "{said}");
    assert!(
        said.contains("6 sections (6 observations) and 3 references, zipped into"),
        "{said}"
    );

    let data = check_dir(&fixture(), None);
    let expected = package::build(data.catalog.as_ref().unwrap(), &data.datasets);
    let mut archive = zip::ZipArchive::new(fs::File::open(&zip).unwrap()).unwrap();
    assert_eq!(archive.len(), expected.len());
    for file in &expected {
        assert_eq!(text(&out.join(&file.path)), file.text, "{}", file.path);
        let mut zipped = String::new();
        archive
            .by_name(&file.path)
            .unwrap_or_else(|e| panic!("{} in the zip: {e}", file.path))
            .read_to_string(&mut zipped)
            .unwrap();
        assert_eq!(zipped, file.text, "{} in the zip", file.path);
    }
    // The same data, the same bytes: nothing in the zip says when it was made.
    let first = fs::read(&zip).unwrap();
    let (status, said) = sportdash(&[
        "package",
        fixture().to_str().unwrap(),
        out.to_str().unwrap(),
        "--zip",
        zip.to_str().unwrap(),
    ]);
    assert_eq!(status, 0, "{said}");
    assert_eq!(fs::read(&zip).unwrap(), first);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn package_refuses_data_with_errors_naming_them_and_writes_nothing() {
    let dir = scratch("package-refused");
    let data = dir.join("data");
    fs::create_dir_all(data.join("observations")).unwrap();
    for entry in fs::read_dir(fixture())
        .unwrap()
        .chain(fs::read_dir(fixture().join("observations")).unwrap())
    {
        let path = entry.unwrap().path();
        if path.is_file() {
            let relative = path.strip_prefix(fixture()).unwrap();
            let original = text(&path);
            fs::write(
                data.join(relative),
                original.replace("\"qualifier\": \"approximate\"", "\"qualifier\": \"about\""),
            )
            .unwrap();
        }
    }
    let out = dir.join("package");
    let zip = dir.join("data.zip");
    let (status, said) = sportdash(&[
        "package",
        data.to_str().unwrap(),
        out.to_str().unwrap(),
        "--zip",
        zip.to_str().unwrap(),
    ]);
    assert_eq!(status, 1, "{said}");
    assert!(
        said.contains("observations/industry.json: observations[0] (city 2022 sports_industry_scale): field `qualifier`: unknown variant `about`"),
        "{said}"
    );
    assert!(
        said.contains("has 1 errors (listed above): no package written"),
        "{said}"
    );
    assert!(!out.exists() && !zip.exists(), "nothing written");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn schemas_writes_the_schema_of_every_kind_of_data_file() {
    let dir = scratch("schemas");
    let (status, said) = sportdash(&["schemas", dir.to_str().unwrap()]);
    assert_eq!(status, 0, "{said}");
    let written: Vec<(String, String)> = schema::KINDS
        .iter()
        .map(|kind| {
            let name = schema::file_name(kind);
            let text = text(&dir.join(&name));
            (name, text)
        })
        .collect();
    assert_eq!(written, schema::files());
    for (name, text) in &written {
        let schema: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            schema["properties"]["$schema"]["type"], "string",
            "{name} allows a $schema key"
        );
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn the_commands_are_listed_with_their_usage() {
    let (status, out) = sportdash(&["--help"]);
    assert_eq!(status, 0);
    for command in ["package", "schemas"] {
        assert!(out.contains(command), "{command} in {out}");
        let (status, help) = sportdash(&[command, "--help"]);
        assert_eq!(status, 0, "{command} --help");
        assert!(help.contains("USAGE") && help.contains("OUT_DIR"), "{help}");
    }
    let (status, out) = sportdash(&["package", "data"]);
    assert_eq!(status, 2, "OUT_DIR is required: {out}");
}
