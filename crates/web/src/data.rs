//! Loading the catalog and one dataset at a time: fetch (`net`), read (`load`), check
//! (`validate`). Records that fail are reported next to the chart, not dropped silently.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};

use sportdash_core::deck::{self, Slide, DECK_FILE};
use sportdash_core::load::{self, Diagnostic, ENTITIES_FILE, INDICATORS_FILE, REPORTS_FILE};
use sportdash_core::model::{Catalog, Category, Dataset};
use sportdash_core::read;
use sportdash_core::references::REFERENCES_FILE;
use sportdash_core::state::{Mode, Page, ViewState};

pub use crate::net::DataError;
use crate::net::{fetch_text, DATA_BASE};

#[derive(Clone, Debug, PartialEq)]
pub struct LoadedCatalog {
    pub catalog: Catalog,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LoadedDataset {
    pub dataset: Dataset,
    pub diagnostics: Vec<Diagnostic>,
}

pub async fn catalog() -> Result<Arc<LoadedCatalog>, DataError> {
    let (entities, indicators, reports, references) = futures::join!(
        fetch_text(ENTITIES_FILE),
        fetch_text(INDICATORS_FILE),
        fetch_text(REPORTS_FILE),
        fetch_text(REFERENCES_FILE)
    );
    let (entities, indicators) = (entities?, indicators?);
    // Reports only feed the sources: without them every view still draws, and says so.
    let reports = reports
        .as_ref()
        .map(String::as_str)
        .map_err(|e| e.message.clone());
    let loaded = read::catalog(
        &entities,
        &indicators,
        reports.as_deref().map_err(String::as_str),
    );
    // A data set without national references (no file: 404) has none; say nothing of it.
    let references = match &references {
        Err(e) if e.message.starts_with("HTTP 404") => None,
        other => Some(
            other
                .as_ref()
                .map(String::as_str)
                .map_err(|e| e.message.as_str()),
        ),
    };
    let loaded = read::with_references(loaded, references);
    let read = catalog_from(loaded);
    crate::mark("catalog read");
    read
}

/// The catalog from the three files' texts; unusable files are an error naming the file.
pub fn catalog_from_texts(
    entities: &str,
    indicators: &str,
    reports: &str,
) -> Result<Arc<LoadedCatalog>, DataError> {
    catalog_from(read::catalog(entities, indicators, Ok(reports)))
}

fn catalog_from(loaded: load::Loaded<Catalog>) -> Result<Arc<LoadedCatalog>, DataError> {
    match loaded.value {
        Some(catalog) => Ok(Arc::new(LoadedCatalog {
            catalog,
            diagnostics: loaded.diagnostics,
        })),
        None => Err(first_error(loaded.diagnostics)),
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct LoadedDeck {
    pub slides: Vec<Slide>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A section, and the indicator for sections kept one file per indicator.
type DatasetKey = (Category, Option<String>);

type Pending = Shared<LocalBoxFuture<'static, Result<Arc<LoadedDataset>, DataError>>>;

thread_local! {
    /// Datasets read or being read, so that going back to a section, or switching the
    /// language, does not fetch again, and a view asking for a file already on its way waits
    /// for that request. A failure is kept only until a view is told of it: its retry fetches
    /// afresh.
    static DATASETS: RefCell<HashMap<DatasetKey, Pending>> = RefCell::new(HashMap::new());
}

/// A section's observations: its file, or, where the section is kept one file per indicator
/// (large data sets), only the file of `indicator` (by default the section's first).
pub fn dataset(
    catalog: Arc<LoadedCatalog>,
    category: Category,
    indicator: Option<String>,
) -> impl Future<Output = Result<Arc<LoadedDataset>, DataError>> {
    let (key, pending) = pending(catalog, category, indicator);
    async move {
        let result = pending.clone().await;
        if result.is_err() {
            // Shown once, to the view that asked: its retry fetches afresh.
            DATASETS.with(|d| {
                let mut kept = d.borrow_mut();
                if kept.get(&key).is_some_and(|p| p.ptr_eq(&pending)) {
                    kept.remove(&key);
                }
            });
        }
        result
    }
}

/// Starts fetching the dataset that `state` shows as soon as the catalog is read, before the
/// page around it is built and painted; the section's own request then waits for this one
/// (and is the one told of a failure).
pub fn prefetch(catalog: &Arc<LoadedCatalog>, state: &ViewState) {
    if state.mode == Mode::Present || state.page != Page::Data {
        return;
    }
    let category = state.view.unwrap_or(sportdash_core::state::DEFAULT_VIEW);
    let (_, fetching) = pending(catalog.clone(), category, state.indicator.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let _ = fetching.await;
    });
}

/// The request for a dataset: the one already made, or a new one.
fn pending(
    catalog: Arc<LoadedCatalog>,
    category: Category,
    indicator: Option<String>,
) -> (DatasetKey, Pending) {
    let (file, indicator) = catalog.catalog.file_of(category, indicator.as_deref());
    let key = (category, indicator);
    let pending = DATASETS.with(|d| {
        d.borrow_mut()
            .entry(key.clone())
            .or_insert_with(|| {
                async move {
                    let text = fetch_text(&file).await?;
                    let read = dataset_from_file(&catalog.catalog, category, &file, &text).await;
                    crate::mark("dataset read");
                    read
                }
                .boxed_local()
                .shared()
            })
            .clone()
    });
    (key, pending)
}

/// Every section's dataset, for the pages about all of them (sources, coverage).
pub async fn all_datasets(catalog: Arc<LoadedCatalog>) -> Result<Arc<Vec<Dataset>>, DataError> {
    let mut all = Vec::new();
    for category in Category::ALL {
        let indicators: Vec<Option<String>> = if catalog.catalog.is_split(category) {
            catalog
                .catalog
                .indicators_in(category)
                .filter(|i| i.file.is_some())
                .map(|i| Some(i.id.clone()))
                .collect()
        } else {
            vec![None]
        };
        let loads = indicators
            .into_iter()
            .map(|indicator| dataset(catalog.clone(), category, indicator));
        let mut observations = Vec::new();
        for loaded in futures::future::join_all(loads).await {
            observations.extend(loaded?.dataset.observations.iter().cloned());
        }
        all.push(Dataset {
            category,
            observations,
        });
    }
    Ok(Arc::new(all))
}

/// The presentation's slides.
pub async fn deck() -> Result<Arc<LoadedDeck>, DataError> {
    let text = fetch_text(DECK_FILE).await?;
    let loaded = deck::parse(DECK_FILE, &text);
    match loaded.value {
        Some(slides) => Ok(Arc::new(LoadedDeck {
            slides,
            diagnostics: loaded.diagnostics,
        })),
        None => Err(first_error(loaded.diagnostics)),
    }
}

/// A section's file read and checked at once (the component tests' way in).
pub fn dataset_from_text(
    catalog: &Catalog,
    category: Category,
    text: &str,
) -> Result<Arc<LoadedDataset>, DataError> {
    let file = category.dataset_file();
    let (dataset, diagnostics) = read::dataset(catalog, &file, text, category, None)
        .map_err(|unusable| first_error(vec![unusable]))?;
    Ok(Arc::new(LoadedDataset {
        dataset,
        diagnostics,
    }))
}

/// A section's file read and checked a slice at a time, the page given back between slices:
/// a file of fifty thousand records does not freeze the tab.
async fn dataset_from_file(
    catalog: &Catalog,
    category: Category,
    file: &str,
    text: &str,
) -> Result<Arc<LoadedDataset>, DataError> {
    let give_back = || gloo::timers::future::TimeoutFuture::new(0);
    let mut reading = read::DatasetRead::open(catalog, file, text, category, None)
        .map_err(|unusable| first_error(vec![unusable]))?;
    let large = reading.len() > read::SLICE;
    if large {
        give_back().await;
    }
    while reading.step(read::SLICE) {
        give_back().await;
    }
    if large {
        give_back().await;
    }
    let (dataset, diagnostics) = reading.finish();
    Ok(Arc::new(LoadedDataset {
        dataset,
        diagnostics,
    }))
}

fn first_error(diagnostics: Vec<Diagnostic>) -> DataError {
    match diagnostics.into_iter().find(Diagnostic::is_error) {
        Some(d) => DataError {
            file: format!("{DATA_BASE}{}", d.file),
            message: d.message,
        },
        None => DataError {
            file: DATA_BASE.to_string(),
            message: "unusable".to_string(),
        },
    }
}
