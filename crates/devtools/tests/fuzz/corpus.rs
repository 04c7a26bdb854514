//! The corpus: real inputs from the repository, read once. Paths are relative to the crate,
//! `crates/devtools`.

use std::path::Path;
use std::sync::OnceLock;

use serde_json::{Map, Value};
use sportdash_core::load;
use sportdash_core::model::{Catalog, Category, Dataset};
use sportdash_core::validate;

const DATA: &str = "../../data";
const MINI: &str = "../core/tests/fixtures/mini";
const EXTRACT_CASES: &str = "../extract/tests/fixtures/extract/cases.txt";
const SAMPLE_REPORT: &str = "../extract/tests/fixtures/extract/sample-report.txt";

/// Links the app writes, and a few it does not, besides the deck's.
const LINKS: [&str; 8] = [
    "?view=facilities&indicator=sports_area_per_capita&entities=jiaozuo,hedong&years=2021-2023&show=chart",
    "?view=medals&indicator=medal_table&entities=jiaozuo,hedong&years=2021-2023&show=table&lang=en&theme=dark",
    "?view=events&indicator=fitness_events&entities=jiaozuo,chongqing&years=2021-2023&show=chart&embed=1",
    "?view=facilities&show=chart&present=1&slide=3&kiosk=20",
    "?view=sources&show=chart&lang=zh",
    "?view=coverage&show=table&theme=light",
    "?years=2022&entities=jiaozuo%2Chedong",
    "view=nope&years=2023-2021&entities=a,<b>&show=pie&x=1&show=table",
];

pub struct Corpus {
    pub entities: String,
    pub indicators: String,
    pub reports: String,
    pub deck: String,
    /// Every JSON text above, for splicing.
    pub json: Vec<String>,
    pub catalog: Catalog,
    pub datasets: Vec<(Category, Dataset)>,
    pub report_texts: validate::ReportTexts,
    /// Links: the deck's views and the ones the app writes.
    pub queries: Vec<String>,
    /// Sentences: the extraction cases and the lines of the sample report.
    pub sentences: Vec<String>,
    pub sample_report: String,
    /// Ids the data knows, for making plausible values.
    pub ids: Vec<String>,
    /// Each file's records and the rest of its top level: the six sections (from `data/` and
    /// the mini fixtures), entities, indicators, reports and the deck.
    pub shapes: Vec<FileShape>,
}

/// Where the deck is in `Corpus::shapes`.
pub const DECK_SHAPE: usize = 9;

pub struct FileShape {
    pub top: Map<String, Value>,
    pub key: &'static str,
    pub records: Vec<Value>,
}

impl FileShape {
    fn new(texts: &[&str], key: &'static str) -> FileShape {
        let mut top = Map::new();
        let mut records = Vec::new();
        for text in texts {
            if let Value::Object(mut object) = parse_json(text) {
                if let Some(Value::Array(list)) = object.remove(key) {
                    records.extend(list);
                }
                top = object;
            }
        }
        FileShape { top, key, records }
    }
}

/// The crate's folder, `crates/devtools`.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn parse_json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(Corpus::read)
}

impl Corpus {
    fn read() -> Corpus {
        let entities = read(&format!("{DATA}/entities.json"));
        let indicators = read(&format!("{DATA}/indicators.json"));
        let reports = read(&format!("{DATA}/reports.json"));
        let deck = read(&format!("{DATA}/deck.json"));
        let sections = section_texts();
        let catalog = load::catalog(&entities, &indicators, &reports)
            .value
            .expect("the data's catalog loads");
        let sample_report = read(SAMPLE_REPORT);
        let json = json_texts([&entities, &indicators, &reports, &deck], &sections);
        let shapes = shapes(&sections, [&entities, &indicators, &reports, &deck]);
        Corpus {
            json,
            datasets: datasets(&sections),
            report_texts: report_texts(&catalog, &sample_report),
            queries: queries(&deck),
            sentences: sentences(&sample_report),
            ids: ids(&catalog),
            shapes,
            catalog,
            sample_report,
            entities,
            indicators,
            reports,
            deck,
        }
    }
}

/// The six sections' files, from `data/` and then from the mini fixtures.
fn section_texts() -> Vec<(Category, String)> {
    let mut sections = Vec::new();
    for dir in [DATA, MINI] {
        for category in Category::ALL {
            let path = format!("{dir}/{}", category.dataset_file());
            sections.push((category, read(&path)));
        }
    }
    sections
}

/// The data's catalog files and deck, the mini fixtures' catalog files, then the sections.
fn json_texts(data: [&str; 4], sections: &[(Category, String)]) -> Vec<String> {
    let mut json: Vec<String> = data.map(str::to_string).to_vec();
    for name in ["entities", "indicators", "reports"] {
        json.push(read(&format!("{MINI}/{name}.json")));
    }
    json.extend(sections.iter().map(|(_, text)| text.clone()));
    json
}

/// The sections of `data/`, loaded.
fn datasets(sections: &[(Category, String)]) -> Vec<(Category, Dataset)> {
    sections
        .iter()
        .take(Category::ALL.len())
        .map(|(category, text)| {
            let dataset = load::dataset("x", text, *category).value.expect("loads");
            (*category, dataset)
        })
        .collect()
}

/// The sample report as the text of every report the catalog names.
fn report_texts(catalog: &Catalog, sample_report: &str) -> validate::ReportTexts {
    let squashed = validate::squash(sample_report);
    catalog
        .reports
        .iter()
        .map(|r| (r.doc.clone(), squashed.clone()))
        .collect()
}

fn queries(deck: &str) -> Vec<String> {
    let mut queries: Vec<String> = parse_json(deck)["slides"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|slide| slide["view"].as_str().map(str::to_string))
        .collect();
    queries.extend(LINKS.map(str::to_string));
    queries
}

fn sentences(sample_report: &str) -> Vec<String> {
    let mut sentences: Vec<String> = read(EXTRACT_CASES)
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| line.split(" => ").next())
        .map(str::to_string)
        .collect();
    sentences.extend(
        sample_report
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(str::to_string),
    );
    sentences
}

/// In the order `Corpus::shapes` gives.
fn shapes(
    sections: &[(Category, String)],
    [entities, indicators, reports, deck]: [&str; 4],
) -> Vec<FileShape> {
    let mut shapes: Vec<FileShape> = Category::ALL
        .iter()
        .map(|&category| {
            let texts: Vec<&str> = sections
                .iter()
                .filter(|(c, _)| *c == category)
                .map(|(_, text)| text.as_str())
                .collect();
            FileShape::new(&texts, "observations")
        })
        .collect();
    shapes.push(FileShape::new(&[entities], "entities"));
    shapes.push(FileShape::new(&[indicators], "indicators"));
    shapes.push(FileShape::new(&[reports], "reports"));
    shapes.push(FileShape::new(&[deck], "slides"));
    shapes
}

fn ids(catalog: &Catalog) -> Vec<String> {
    let mut ids: Vec<String> = catalog.entities.iter().map(|e| e.id.clone()).collect();
    ids.extend(catalog.indicators.iter().map(|i| i.id.clone()));
    ids.extend(catalog.reports.iter().map(|r| r.doc.clone()));
    ids
}
