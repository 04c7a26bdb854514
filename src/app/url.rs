//! Keeping the view state in the address bar: read on start and on back/forward, written on change.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::state::{self, ViewState};

/// The state the current address describes, and notes on the parameters it did not understand.
pub fn current() -> (ViewState, Vec<String>) {
    let search = window().location().search().unwrap_or_default();
    state::parse(&search)
}

/// Writes `state` into the address: a new history entry when the view changes, else in place.
pub fn write(state: &ViewState, new_entry: bool) {
    let Ok(history) = window().history() else {
        return;
    };
    let url = state::to_query(state);
    let _ = if new_entry {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// Keeps `state` and the address in step, both ways.
pub fn sync(state: RwSignal<ViewState>) {
    Effect::new(move |previous: Option<ViewState>| {
        let now = state.get();
        if let Some(previous) = previous {
            if previous != now {
                write(
                    &now,
                    previous.view != now.view
                        || previous.page != now.page
                        || previous.mode != now.mode,
                );
            }
        }
        now
    });
    let listener = gloo::events::EventListener::new(&window(), "popstate", move |_| {
        state.set(current().0);
    });
    listener.forget();
}
