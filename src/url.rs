//! Keeping the view state in the address bar: read on start and on back/forward, written on change.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use sportdash_core::state::{self, ViewState};

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
    // A state read from the address on back or forward is not written back: that would push
    // a new entry where the person is going through the ones they have.
    let from_history = StoredValue::new(false);
    Effect::new(move |previous: Option<ViewState>| {
        let now = state.get();
        let came_from_history = from_history.get_value();
        from_history.set_value(false);
        if let Some(previous) = previous.filter(|p| *p != now && !came_from_history) {
            write(
                &now,
                previous.view != now.view || previous.page != now.page || previous.mode != now.mode,
            );
        }
        now
    });
    let listener = gloo::events::EventListener::new(&window(), "popstate", move |_| {
        let read = current().0;
        if state.with_untracked(|s| *s != read) {
            from_history.set_value(true);
            state.set(read);
        }
    });
    listener.forget();
}
