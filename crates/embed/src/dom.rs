//! Making elements, and listening to them for as long as the page is open.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, EventTarget};

pub fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a page has a document")
}

/// A new `<tag class="class">`, with `text` if not empty.
pub fn element(tag: &str, class: &str, text: &str) -> Element {
    let made = document().create_element(tag).expect("a known tag name");
    if !class.is_empty() {
        made.set_class_name(class);
    }
    if !text.is_empty() {
        made.set_text_content(Some(text));
    }
    made
}

pub fn set(element: &Element, name: &str, value: &str) {
    let _ = element.set_attribute(name, value);
}

/// Calls `handler` on every `kind` event at `target`, for the life of the page.
pub fn listen<E: JsCast + 'static>(
    target: &EventTarget,
    kind: &str,
    mut handler: impl FnMut(E) + 'static,
) {
    let callback = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        if let Ok(event) = event.dyn_into::<E>() {
            handler(event);
        }
    });
    let _ = target.add_event_listener_with_callback(kind, callback.as_ref().unchecked_ref());
    callback.forget();
}

/// Calls `handler` with the element's content size whenever it changes, for the life of the
/// page (and once as observing starts).
pub fn observe_size(element: &Element, handler: impl FnMut(f64, f64) + 'static) {
    if let Some(observing) = web::page::observe_size(element, handler) {
        std::mem::forget(observing);
    }
}
