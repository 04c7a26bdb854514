//! Sports development indicators from Chinese sports bureaus' reports.
//!
//! The pure core (`model`, `load`, `validate`, `query`, `format`, `numerals`, `units`, `state`,
//! `i18n`, `deck`, `embed`, `export`, `coverage`, `extract`) knows nothing of leptos, plotters or
//! the browser. `chart` draws with plotters onto any backend. `app` is the Leptos dashboard (wasm
//! only); `files`, `render` and `cli` are native only.

pub mod chart;
pub mod coverage;
pub mod deck;
pub mod embed;
pub mod export;
pub mod extract;
pub mod format;
pub mod i18n;
pub mod load;
pub mod model;
pub mod numerals;
pub mod query;
pub mod read;
pub mod search;
pub mod state;
pub mod synthetic;
pub mod units;
pub mod validate;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod files;
#[cfg(not(target_arch = "wasm32"))]
pub mod render;
#[cfg(not(target_arch = "wasm32"))]
pub mod snapshot;

#[cfg(target_arch = "wasm32")]
pub mod app;
