//! The browser's APIs other than the network: remembered language, document attributes,
//! clipboard, full screen, and the way to the embed page.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

/// Calls `on_resize` with the element's content size when it changes, until the reactive
/// owner this is called in (a component, an effect) is cleaned up. Then the observer is
/// disconnected and its callback freed, instead of one more of each being kept for as long as
/// the page is open with every chart shown (a presentation in kiosk mode shows thousands).
pub fn observe_size(element: &web_sys::Element, on_resize: impl FnMut(f64, f64) + 'static) {
    let Some(observing) = web::page::observe_size(element, on_resize) else {
        return;
    };
    let kept = SendWrapper::new(observing);
    on_cleanup(move || drop(kept.take()));
}

pub use web::mark;

/// Takes away the note `index.html` shows while the wasm loads. That note has Chinese text so
/// the browser loads the CJK font and lays it out while it would otherwise wait for the wasm,
/// not after the app mounts, on the way to the first chart.
#[cfg(target_arch = "wasm32")]
pub fn remove_boot_note() {
    if let Some(note) = element::<web_sys::Element>(".boot") {
        note.remove();
    }
}

/// Whether the page has a first view (`src/snapshot.rs`) standing in for the app: written at
/// build time, and not hidden by `first-view.js` (which hides it where the app will show
/// another view).
#[cfg(target_arch = "wasm32")]
pub fn first_view_shown() -> bool {
    let hidden = document()
        .document_element()
        .is_some_and(|root| root.class_name() == "not-first-view");
    !hidden && element::<web_sys::Element>(".first-view").is_some()
}

thread_local! {
    static FIRST_VIEW_GONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The global in which `first-view.js` keeps what was done in the first view before the app
/// took over, for `reveal` to replay: a button's selector (a tap), or a picker's or year's
/// selector and value (a change).
pub const TAPS_KEY: &str = "sportdashTaps";

/// Puts the app in the first view's place: the first view goes, and the app, built unseen after
/// it (`style.css`), is seen, and does what was tapped in the first view. Called once the app
/// has something to show in its place (its chart drawn, or a file's error), or at once where the
/// first view is not shown. Only the first call does anything.
pub fn reveal() {
    if FIRST_VIEW_GONE.with(|gone| gone.replace(true)) {
        return;
    }
    if let Some(first_view) = element::<web_sys::Element>(".first-view") {
        first_view.remove();
    }
    let taps = js_sys::Reflect::get(&window(), &TAPS_KEY.into()).ok();
    let _ = js_sys::Reflect::delete_property(&window(), &TAPS_KEY.into());
    let taps: Vec<Tap> = taps
        .filter(js_sys::Array::is_array)
        .map(|taps| {
            js_sys::Array::from(&taps)
                .iter()
                .filter_map(Tap::read)
                .collect()
        })
        .unwrap_or_default();
    if !taps.is_empty() {
        leptos::task::spawn_local(replay(taps));
    }
}

/// What was done in the first view: a button tapped, or a picker or year set to a value.
enum Tap {
    Click(String),
    Set(String, String),
}

impl Tap {
    /// `first-view.js`'s record: a selector, or a selector and a value.
    fn read(record: wasm_bindgen::JsValue) -> Option<Tap> {
        if let Some(selector) = record.as_string() {
            return Some(Tap::Click(selector));
        }
        let pair = record.dyn_into::<js_sys::Array>().ok()?;
        Some(Tap::Set(pair.get(0).as_string()?, pair.get(1).as_string()?))
    }

    fn selector(&self) -> &str {
        match self {
            Tap::Click(selector) | Tap::Set(selector, _) => selector,
        }
    }
}

/// How long a replayed tap waits for its control: a tab's data may still be on its way.
const REPLAY_WAIT_MS: u32 = 10_000;
const REPLAY_POLL_MS: u32 = 50;

/// Does the first view's taps in order, each once the app shows its control, and each after
/// the app has drawn what the one before changed (a tap on a control the app is replacing is
/// a tap on a control that is gone). A control not shown within `REPLAY_WAIT_MS` is skipped.
async fn replay(taps: Vec<Tap>) {
    use gloo::timers::future::TimeoutFuture;
    for tap in taps {
        let mut waited = 0;
        while element::<web_sys::Element>(tap.selector()).is_none() && waited < REPLAY_WAIT_MS {
            TimeoutFuture::new(REPLAY_POLL_MS).await;
            waited += REPLAY_POLL_MS;
        }
        match &tap {
            Tap::Click(selector) => {
                if let Some(button) = element::<web_sys::HtmlElement>(selector) {
                    button.click();
                }
            }
            Tap::Set(selector, value) => set_value(selector, value),
        }
        TimeoutFuture::new(0).await;
    }
}

/// The page's first element at `selector`, if it is a `T`.
fn element<T: JsCast>(selector: &str) -> Option<T> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|found| found.dyn_into::<T>().ok())
}

/// Sets the value of the app's picker or year input at `selector` as a person would: the value,
/// then a `change` event.
fn set_value(selector: &str, value: &str) {
    let target: web_sys::EventTarget =
        if let Some(select) = element::<web_sys::HtmlSelectElement>(selector) {
            select.set_value(value);
            select.into()
        } else if let Some(input) = element::<web_sys::HtmlInputElement>(selector) {
            input.set_value(value);
            input.into()
        } else {
            return;
        };
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(change) = web_sys::Event::new_with_event_init_dict("change", &init) {
        let _ = target.dispatch_event(&change);
    }
}

pub use web::page::{mark_document, store_lang, stored_lang};

/// Copies `text` to the clipboard; false when the browser refuses (no permission, not secure).
pub async fn copy(text: &str) -> bool {
    let clipboard = window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

pub fn enter_fullscreen() {
    if let Some(root) = document().document_element() {
        let _ = root.request_fullscreen();
    }
}

pub fn exit_fullscreen() {
    if document().fullscreen_element().is_some() {
        document().exit_fullscreen();
    }
}

pub fn is_fullscreen() -> bool {
    document().fullscreen_element().is_some()
}

/// This address on the embed page (`state::EMBED_PAGE`), in place of this one in the history.
pub fn open_embed_page() {
    let location = window().location();
    let search = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let _ = location.replace(&format!(
        "{}{search}{hash}",
        sportdash_core::state::EMBED_PAGE
    ));
}

/// The page's own address without its query: where links to other views start.
pub fn page_address() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// The folder the page is served from, for files beside it such as `embed.js`.
pub fn site_folder() -> String {
    let address = page_address();
    match address.rfind('/') {
        Some(cut) => address[..=cut].to_string(),
        None => address,
    }
}

/// The element that has the keyboard focus, if one does (not the page itself).
pub fn focused() -> Option<web_sys::HtmlElement> {
    let active = document().active_element()?;
    let body = document().body();
    (body.as_ref().map(AsRef::<web_sys::Element>::as_ref) != Some(&active))
        .then(|| active.dyn_into().ok())
        .flatten()
}

/// Where the page's masthead ends on screen, in CSS pixels (0 once it has scrolled away): a
/// panel over the page starts below it, so the language, theme and presentation buttons stay
/// in reach.
pub fn masthead_bottom() -> f64 {
    document()
        .query_selector(".masthead")
        .ok()
        .flatten()
        .map_or(0.0, |m| m.get_bounding_client_rect().bottom().max(0.0))
}

/// Whether `target` (an event's) is inside `within`.
pub fn is_inside(within: &web_sys::Element, target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .is_some_and(|node| within.contains(Some(&node)))
}

/// Whether the screen is worked by touch alone (a phone, a tablet): no key hints there.
pub fn is_touch_only() -> bool {
    // Natively (the first view, drawn at build time) there is no screen: `style.css` decides.
    if cfg!(not(target_arch = "wasm32")) {
        return false;
    }
    window()
        .match_media("(hover: none) and (pointer: coarse)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

pub fn is_narrow() -> bool {
    if cfg!(not(target_arch = "wasm32")) {
        return false;
    }
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w < 600.0)
}

/// Saves `bytes` as a file named `name`, the way a link with `download` does.
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    let blob = gloo::file::Blob::new_with_options(bytes, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    save_from(&url, name);
    // The browser reads the blob after the click returns; let it go a little later.
    gloo::timers::callback::Timeout::new(10_000, move || drop(url)).forget();
}

/// Saves a `data:` or `blob:` URL as a file named `name`.
pub fn save_from(url: &str, name: &str) {
    let Ok(anchor) = document().create_element("a") else {
        return;
    };
    let anchor: web_sys::HtmlAnchorElement = wasm_bindgen::JsCast::unchecked_into(anchor);
    anchor.set_href(url);
    anchor.set_download(name);
    anchor.click();
}

/// Moves the focus `step` buttons on among `within`'s (from before the first when none of them
/// has it), and says whether one took it: the arrow keys in a list of suggestions.
pub fn focus_button(within: &web_sys::Element, step: i32) -> bool {
    let Ok(buttons) = within.query_selector_all("button") else {
        return false;
    };
    let focused = document().active_element();
    let at = (0..buttons.length())
        .find(|&i| buttons.item(i).as_ref() == focused.as_ref().map(|f| f.as_ref()))
        .map_or(-1, |i| i as i32);
    let target = at + step;
    match buttons
        .item(u32::try_from(target).unwrap_or(u32::MAX))
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(button) => button.focus().is_ok(),
        None => false,
    }
}
