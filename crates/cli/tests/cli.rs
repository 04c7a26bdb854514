//! The `sportdash` commands: exit status and messages a curator can act on.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::sportdash;

use std::path::PathBuf;
use std::process::Command;

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
    let mini = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/mini");
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

/// `sportdash snapshot` (the first view, src/snapshot.rs): written at the page's one marker, with
/// the default view's controls and a chart per screen size; where the default view's data has
/// problems, none is written and one written before is taken out; a page without the marker
/// fails.
#[test]
fn snapshot_writes_the_default_view_into_the_page_or_says_why_not() {
    let dir = std::env::temp_dir().join(format!("sportdash-snapshot-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("index.html");
    let marked = "<body><!-- sportdash:first-view --><p class=\"boot\"></p></body>";
    let write_into = |data: &str| {
        let run = sportdash(&["snapshot", "--data", data, "--page", page.to_str().unwrap()]);
        (run, std::fs::read_to_string(&page).unwrap())
    };
    std::fs::write(&page, marked).unwrap();

    let ((status, out), html) = write_into("data");
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("first view written"), "{out}");
    assert!(
        html.starts_with("<body><!-- sportdash:first-view --><div class=\"app first-view\">"),
        "{html}"
    );
    assert!(html.ends_with("</div><!-- /sportdash:first-view --><p class=\"boot\"></p></body>"));
    let ((status, out), again) = write_into("data");
    assert_eq!(status, 0, "{out}");
    assert_eq!(again, html, "written again in place of the one there");
    // The app's own components, rendered: the same markup the app mounts.
    for part in [
        "<button data-view=\"medals\" aria-pressed=\"true\" class=\"tab\">竞技奖牌</button>",
        "<option value=\"medal_table\" selected>奖牌（金/银/铜）（2地·3年）</option>",
        "<button data-entity=\"jiaozuo\" aria-pressed=\"true\" class=\"chip\">焦作市",
        "<button data-entity=\"chongqing\" aria-pressed=\"false\" title=\"无数据\" class=\"chip empty\">重庆市",
        "data-role=\"year-from\" aria-label=\"从\" min=\"2021\" max=\"2023\" step=\"1\" value=\"2021\"",
        "<svg class=\"chart phone\" viewBox=\"0 0 1068 1470\"",
        "<svg class=\"chart laptop\" viewBox=\"0 0 1298 476\"",
        "<svg class=\"chart screen\" viewBox=\"0 0 1718 670\"",
    ] {
        assert!(html.contains(part), "{part} not in the first view");
    }
    let script = std::fs::read_to_string(dir.join("first-view.js")).unwrap();
    assert!(script.contains("sportdash.lang"), "{script}");
    let preload = std::fs::read_to_string(dir.join("preload.js")).unwrap();
    assert!(
        preload.contains("\"medals\":\"observations/medals.json\""),
        "{preload}"
    );

    let broken_data = dir.join("broken");
    std::fs::create_dir_all(broken_data.join("observations")).unwrap();
    let mini = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/mini");
    for file in [
        "entities.json",
        "indicators.json",
        "reports.json",
        "observations/medals.json",
    ] {
        std::fs::copy(mini.join(file), broken_data.join(file)).unwrap();
    }
    let medals = std::fs::read_to_string(broken_data.join("observations/medals.json")).unwrap();
    std::fs::write(
        broken_data.join("observations/medals.json"),
        medals.replacen("\"unit\": \"枚\"", "\"unit\": \"元\"", 1),
    )
    .unwrap();
    let ((status, out), html) = write_into(broken_data.to_str().unwrap());
    assert_eq!(status, 0, "{out}");
    assert!(
        out.contains("no first view") && out.contains("observations/medals.json"),
        "{out}"
    );
    assert_eq!(
        html,
        marked.replace("-->", "--><!-- /sportdash:first-view -->"),
        "the one written before is taken out"
    );

    std::fs::write(&page, "<body></body>").unwrap();
    let (status, out) = sportdash(&[
        "snapshot",
        "--data",
        "data",
        "--page",
        page.to_str().unwrap(),
    ]);
    assert_eq!(status, 1, "{out}");
    assert!(out.contains("first-view markers"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Reads are bounded: a device, a huge text or a path out of the data directory is refused with
/// a message, quickly, never read until memory runs out.
#[test]
fn reads_are_bounded_and_stay_in_the_data_directory() {
    let (status, out) = sportdash(&[
        "render",
        "--view",
        "medals",
        "--format",
        "png",
        "-o",
        "/tmp/never.png",
        "--font",
        "/dev/zero",
    ]);
    assert_eq!(status, 1, "{out}");
    assert!(
        out.contains("/dev/zero") && out.contains("not a regular file"),
        "{out}"
    );

    let dir = std::env::temp_dir().join(format!("sportdash-bounded-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let huge = dir.join("huge.txt");
    std::fs::write(&huge, "全年举办活动120次。".repeat(300_000)).unwrap();
    let (status, out) = sportdash(&["extract", "--doc", huge.to_str().unwrap()]);
    assert_eq!(status, 2, "{out}");
    assert!(out.contains("too large"), "{out}");
    let (status, out) = sportdash(&["extract", "--doc", "/dev/zero"]);
    assert_eq!(status, 2, "{out}");
    assert!(out.contains("not a regular file"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A report saved in GBK (Chinese Windows' "ANSI") is read, not a stop with no file named; one
/// that is neither UTF-8 nor GB18030 is named.
#[test]
fn reports_in_gbk_are_read_and_bad_ones_named() {
    let dir = std::env::temp_dir().join(format!("sportdash-gbk-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mini = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures");
    let text = std::fs::read_to_string(mini.join("mini-reports/r1.txt")).unwrap();
    let (gbk, _, failed) = encoding_rs::GBK.encode(&text);
    assert!(!failed);
    std::fs::write(dir.join("r1.txt"), &gbk).unwrap();
    let mini_data = mini.join("mini");
    let (status, out) = sportdash(&[
        "validate",
        mini_data.to_str().unwrap(),
        "--reports",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("quotes checked against the reports"), "{out}");

    std::fs::write(dir.join("r1.txt"), [0xFFu8, 0xFE, 0xFF, 0x00, 0x81]).unwrap();
    let (status, out) = sportdash(&[
        "validate",
        mini_data.to_str().unwrap(),
        "--reports",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(status, 2, "{out}");
    assert!(out.contains("r1.txt"), "the file is named: {out}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A byte-order mark at the start of a data file is accepted, as the browser accepts it.
#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = std::env::temp_dir().join(format!("sportdash-bom-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mini = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/mini");
    std::fs::create_dir_all(dir.join("observations")).unwrap();
    for file in [
        "entities.json",
        "indicators.json",
        "reports.json",
        "observations/medals.json",
        "observations/events.json",
        "observations/facilities.json",
        "observations/industry.json",
        "observations/talent.json",
        "observations/governance.json",
    ] {
        let text = std::fs::read_to_string(mini.join(file)).unwrap();
        std::fs::write(dir.join(file), format!("\u{feff}{text}")).unwrap();
    }
    let (status, out) = sportdash(&["validate", dir.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("2 observations valid, 0 errors"), "{out}");
}

/// A reader that stops early (`| head`) ends the listing, not in a panic.
#[test]
fn a_closed_pipe_is_not_a_panic() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_sportdash"))
        .args(["validate", "data"])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut errors = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut errors)
        .unwrap();
    child.wait().unwrap();
    assert!(!errors.contains("panicked"), "{errors}");
}

#[test]
fn the_extract_command_prints_json_in_the_data_schema_with_verbatim_quotes() {
    let doc = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../extract/tests/fixtures/extract/sample-report.txt");
    let text = std::fs::read_to_string(&doc).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_sportdash"))
        .args(["extract", "--doc", doc.to_str().unwrap()])
        .args(["--entity", "city", "--year", "2022"])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["doc"], "sample-report.txt");
    let observations = json["observations"].as_array().unwrap();
    // Whole numbers are written as the data writes them: 120, not 120.0.
    assert_eq!(observations[0]["value"].to_string(), "120");
    let mut found = Vec::new();
    for observation in observations {
        let value = observation["value"].as_f64().expect("a numeric value");
        let quote = observation["source"]["quote"].as_str().unwrap();
        assert!(text.contains(quote), "not verbatim: {quote:?}");
        assert!(
            sportdash_core::numerals::writes_number(quote, value),
            "{value} not in {quote:?}"
        );
        assert_eq!(observation["source"]["doc"], "sample-report.txt");
        assert_eq!(observation["entity"], "city");
        // With an indicator filled in, a candidate is an Observation of the data schema.
        let mut filled = observation.clone();
        if filled["indicator"].is_null() {
            filled["indicator"] = "to_curate".into();
        }
        let parsed: sportdash_core::model::Observation = serde_json::from_value(filled)
            .unwrap_or_else(|e| panic!("not in the data schema: {e}: {observation}"));
        found.push(format!("{}{}", parsed.value, parsed.unit));
    }
    assert_eq!(
        found,
        [
            "120次",
            "3.5万人次",
            "2条",
            "15个",
            "2.31平方米",
            "3名次",
            "12枚",
            "8枚",
            "5枚",
            "1580.5分",
            "12.6亿元",
            "8.5%",
            "24次",
            "86件",
            "12次",
            "8站"
        ]
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("16 candidates"), "{stderr}");
}

#[test]
fn every_subcommand_has_help() {
    for args in [
        &["--help"][..],
        &["validate", "--help"],
        &["extract", "--help"],
        &["extract", "-h"],
        &["ingest", "--help"],
        &["merge", "--help"],
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_sportdash"))
            .args(args)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{args:?}: {output:?}");
        assert!(stdout.contains("USAGE"), "{args:?}: {stdout}");
    }
    let output = Command::new(env!("CARGO_BIN_EXE_sportdash"))
        .args(["extract"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--doc"));
}
