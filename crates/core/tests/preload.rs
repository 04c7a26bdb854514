//! `preload.js` asks for the file the app will read for an address: the script run in Node
//! (CI has it) against `Catalog::file_of` and `state::parse`, on a catalog with one section kept
//! one file per indicator (large: the script leaves it to the app).

use std::path::Path;
use std::process::Command;

use sportdash_core::model::{Catalog, Category};
use sportdash_core::state::{self, Mode, Page, DEFAULT_VIEW};
use sportdash_core::{preload, read};

fn catalog() -> Catalog {
    let mini = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    let text = |name: &str| std::fs::read_to_string(mini.join(name)).unwrap();
    // The facilities section kept one file per indicator, as a large data set is.
    let mut indicators: serde_json::Value = serde_json::from_str(&text("indicators.json")).unwrap();
    for indicator in indicators["indicators"].as_array_mut().unwrap() {
        if indicator["category"] == "facilities" {
            let file = format!(
                "observations/facilities/{}.json",
                indicator["id"].as_str().unwrap()
            );
            indicator["file"] = serde_json::Value::String(file);
        }
    }
    let loaded = read::catalog(
        &text("entities.json"),
        &indicators.to_string(),
        Ok(&text("reports.json")),
    );
    loaded.value.expect("the mini catalog reads")
}

/// What the script asks for at each address, or "-".
fn asked(script: &str, queries: &[&str]) -> Option<Vec<String>> {
    let harness = format!(
        "const script = {};\n\
         for (const search of {}) {{\n  \
         let asked = '-';\n  \
         const document = {{ createElement: () => ({{}}), head: {{ appendChild: (link) => {{ asked = `${{link.rel}} ${{link.as}} ${{link.crossOrigin}} ${{link.href}}`; }} }} }};\n  \
         new Function('location', 'document', script)({{ search }}, document);\n  \
         console.log(asked);\n}}\n",
        serde_json::to_string(script).unwrap(),
        serde_json::to_string(queries).unwrap()
    );
    let output = match Command::new("node").arg("-e").arg(&harness).output() {
        Ok(output) => output,
        Err(e) if std::env::var_os("CI").is_some() => panic!("node is needed in CI: {e}"),
        Err(_) => return None,
    };
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(str::to_string)
            .collect(),
    )
}

#[test]
fn the_script_asks_for_the_file_the_app_reads() {
    let catalog = catalog();
    assert!(catalog.is_split(Category::Facilities));
    let split: Vec<&str> = catalog
        .indicators_in(Category::Facilities)
        .map(|i| i.id.as_str())
        .collect();
    let queries: Vec<String> = [
        "",
        "?view=medals&entities=jiaozuo",
        "?view=events",
        "?view=facilities",
        "?view=events&view=facilities",
        "?view=sources",
        "?view=coverage&section=medals",
        "?present=1&slide=2",
        "?view=medals&embed=1",
        "?view=facilities&indicator=nosuch",
    ]
    .into_iter()
    .map(str::to_string)
    .chain(
        split
            .iter()
            .map(|id| format!("?view=facilities&indicator={id}")),
    )
    .collect();
    let queries: Vec<&str> = queries.iter().map(String::as_str).collect();
    let Some(asked) = asked(&preload::script(Some(&catalog)), &queries) else {
        return;
    };
    let expected: Vec<String> = queries
        .iter()
        .map(|query| {
            let (state, _) = state::parse(query);
            if state.mode == Mode::Present || state.page != Page::Data {
                return "-".to_string();
            }
            let category = state.view.unwrap_or(DEFAULT_VIEW);
            // A section kept one file per indicator is large: the app alone fetches it.
            if catalog.is_split(category) {
                return "-".to_string();
            }
            let (file, _) = catalog.file_of(category, state.indicator.as_deref());
            format!("preload fetch anonymous {}{file}", preload::DATA_FOLDER)
        })
        .collect();
    assert_eq!(asked, expected);
    assert!(asked
        .iter()
        .any(|a| a.ends_with("observations/events.json")));
    assert!(
        !split.is_empty() && !asked.iter().any(|a| a.contains("facilities")),
        "{asked:?}"
    );

    // Without a catalog the script asks for nothing.
    assert_eq!(asked_nothing(&queries), Some(true));
}

fn asked_nothing(queries: &[&str]) -> Option<bool> {
    asked(&preload::script(None), queries).map(|asked| asked.iter().all(|a| a == "-"))
}
