//! The `sportdash validate` command: exit status and messages a curator can act on.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::Command;

fn sportdash(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_sportdash"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr),
    )
}

#[test]
fn validate_passes_on_the_shipped_data() {
    let (status, out) = sportdash(&["validate", "data"]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("observations valid, 0 errors"), "{out}");
}

#[test]
fn validate_fails_naming_file_record_and_field() {
    let dir = std::env::temp_dir().join(format!("sportdash-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mini = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    std::fs::create_dir_all(dir.join("observations")).unwrap();
    for file in ["entities.json", "indicators.json", "reports.json"] {
        std::fs::copy(mini.join(file), dir.join(file)).unwrap();
    }
    for category in [
        "medals",
        "events",
        "facilities",
        "industry",
        "talent",
        "governance",
    ] {
        let file = format!("observations/{category}.json");
        let text = std::fs::read_to_string(mini.join(&file)).unwrap();
        std::fs::write(
            dir.join(&file),
            text.replace("\"unit\": \"枚\"", "\"unit\": \"元\""),
        )
        .unwrap();
    }
    let reports = mini.join("../mini-reports");
    let (status, out) = sportdash(&[
        "validate",
        dir.to_str().unwrap(),
        "--reports",
        reports.to_str().unwrap(),
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(status, 1, "{out}");
    assert!(
        out.contains("observations/medals.json: observations[0] (city 2022 medals_gold (省运会)): field `unit`: \"元\" does not convert to the indicator's unit \"枚\""),
        "{out}"
    );
    assert!(out.contains("1 observations valid, 1 errors"), "{out}");
}

#[test]
fn unknown_commands_and_options_are_refused_with_usage() {
    let (status, out) = sportdash(&["publish"]);
    assert_eq!(status, 2);
    assert!(out.contains("USAGE"), "{out}");
    let (status, _) = sportdash(&["validate", "--strict"]);
    assert_eq!(status, 2);
    let (status, out) = sportdash(&["--help"]);
    assert_eq!(status, 0);
    for command in ["validate", "render", "extract"] {
        assert!(out.contains(command), "{command} in {out}");
        let (status, help) = sportdash(&[command, "--help"]);
        assert_eq!(status, 0, "{command} --help");
        assert!(help.contains("USAGE"), "{help}");
    }
}
