// Natively (the first view, rendered server-side) the views keep their full types, which nest
// deeper than the default limit; in the browser `erase_components` erases them (.cargo/config.toml).
#![recursion_limit = "256"]

//! The Leptos dashboard. Thin components over the pure core: state comes from the URL
//! (`url`), data from `data` (which alone uses `net`), pictures from `chart`, and every other
//! browser API from `browser`. Two faces share them: the dashboard, and a presentation for a meeting-room screen
//! (`present`). One chart for an iframe is its own page and binary (crates/embed).

mod browser;
pub mod chart_view;
pub mod common;
mod controls;
pub use web::data;
mod download;
mod frame;
use web::net;
mod pages;
mod present;
mod share;
mod source;
mod table;
mod url;
pub mod view;

#[cfg(not(target_arch = "wasm32"))]
pub mod first_view;

use leptos::prelude::*;
use sportdash_core::state::{Mode, ViewState};

use common::CatalogResource;
pub use common::Look;
use frame::Dashboard;

#[cfg(target_arch = "wasm32")]
pub fn mount() {
    browser::mark("main");
    console_error_panic_hook::set_once();
    browser::remove_boot_note();
    if !browser::first_view_shown() {
        // Not shown, it is only markup the app would repeat.
        browser::reveal();
    }
    leptos::mount::mount_to_body(App);
    browser::mark("mounted");
    // The first view gives way when the app has drawn, or a file failed (within `net`'s time
    // limit); should neither come, it still does not stay in the app's place for good.
    gloo::timers::callback::Timeout::new(REVEAL_BY_MS, browser::reveal).forget();
}

/// How long the first view may stand in for the app at most.
#[cfg(target_arch = "wasm32")]
const REVEAL_BY_MS: u32 = net::TIMEOUT_MS + 5_000;

#[component]
pub fn App() -> impl IntoView {
    let (initial, notes) = url::current();
    let state = RwSignal::new(initial);
    url::sync(state);
    let remembered = browser::stored_lang();
    let lang = Memo::new(move |_| state.with(|s| s.lang).or(remembered).unwrap_or_default());
    let theme = Memo::new(move |_| state.with(ViewState::theme_or_default));
    Effect::new(move |_| browser::mark_document(lang.get(), theme.get()));
    let catalog: CatalogResource = LocalResource::new(move || {
        let shown = state.get_untracked();
        async move {
            let catalog = data::catalog().await?;
            data::prefetch(&catalog, &shown);
            Ok(catalog)
        }
    });
    let mode = Memo::new(move |_| state.with(|s| s.mode));
    let notes = StoredValue::new(notes);
    move || {
        let look = Look {
            lang: lang.get(),
            theme: theme.get(),
        };
        let notes = notes.get_value();
        match mode.get() {
            Mode::Dashboard => view! { <Dashboard state look catalog notes/> }.into_any(),
            // Links from before the embed page had its own binary; first-view.js sends them
            // there before the app loads, and this where the page has no first-view.js.
            Mode::Embed => {
                browser::open_embed_page();
                ().into_any()
            }
            Mode::Present => view! { <present::Presentation state look catalog notes/> }.into_any(),
        }
    }
}
