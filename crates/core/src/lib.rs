//! The pure core of the sports development indicators: the data model; reading data files and
//! checking them (`load`, `validate`, wired once in `read`); queries from a view to the rows a
//! chart and its table show (`query`); the view state a link carries (`state`); and every text
//! the page shows (`lang`, `i18n`, `format`, `describe`). It knows nothing of the browser or of
//! drawing: its manifest has no leptos, plotters or web-sys.

pub mod compare;
pub mod coverage;
pub mod deck;
pub mod describe;
pub mod embed;
pub mod export;
pub mod format;
pub mod i18n;
pub mod lang;
pub mod load;
pub mod model;
pub mod numerals;
pub mod package;
pub mod preload;
pub mod query;
pub mod read;
pub mod references;
/// JSON Schemas of the data files, from the model's types (the `schema` feature).
#[cfg(feature = "schema")]
pub mod schema;
pub mod search;
pub mod state;
pub mod units;
pub mod validate;

/// Reading data directories and report texts from disk, for the command line and the tests.
#[cfg(not(target_arch = "wasm32"))]
pub mod files;
