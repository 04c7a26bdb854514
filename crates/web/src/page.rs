//! What every page does with the browser besides the network: the language remembered on this
//! device, the document's language and theme, following an element's size and giving it a
//! least height.

use sportdash_core::lang::{Lang, Theme, LANG_KEY};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The language chosen on this device before, if any (kept as JSON text).
pub fn stored_lang() -> Option<Lang> {
    let stored = web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(LANG_KEY)
        .ok()??;
    let id: String = serde_json::from_str(&stored).ok()?;
    Lang::from_id(&id)
}

pub fn store_lang(lang: Lang) {
    // Private windows may refuse storage; the URL still carries the choice.
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(LANG_KEY, &serde_json::Value::from(lang.id()).to_string());
    }
}

/// `<html lang>` and `data-theme`, so screen readers pick the right voice and CSS the colours.
pub fn mark_document(lang: Lang, theme: Theme) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute("lang", lang.html_id());
        let _ = root.set_attribute("data-theme", theme.id());
    }
}

/// Gives `element` a least height in CSS pixels (a chart's frame, the room its bars asked for),
/// or, with `None`, leaves its height to the page's style.
pub fn set_least_height(element: &web_sys::Element, least: Option<f64>) {
    if let Some(style) = element
        .dyn_ref::<web_sys::HtmlElement>()
        .map(web_sys::HtmlElement::style)
    {
        let _ = match least {
            Some(height) => style.set_property("min-height", &format!("{height}px")),
            None => style.remove_property("min-height").map(drop),
        };
    }
}

/// An element's size being followed (`observe_size`); dropping it stops that and frees the
/// callback.
pub struct SizeObserver {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for SizeObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_resize` with the element's content size when it changes (and once as it starts),
/// for as long as the returned observer is kept.
pub fn observe_size(
    element: &web_sys::Element,
    mut on_resize: impl FnMut(f64, f64) + 'static,
) -> Option<SizeObserver> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            let rect = entry.content_rect();
            on_resize(rect.width(), rect.height());
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    Some(SizeObserver {
        observer,
        _callback: callback,
    })
}
