//! The browser's file, storage and download APIs, for the review page. Nothing here sends
//! anything anywhere: a report is read from the person's disk and kept in their browser.

use gloo::storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use sportdash_extract::document::{self, Document};

use crate::work::Work;

/// Where the work in progress is kept, so that a reload loses nothing.
const WORK_KEY: &str = "sportdash.review";

/// A file larger than this is refused before it is read into memory.
const MAX_FILE_BYTES: f64 = 32.0 * 1024.0 * 1024.0;

/// Reads a file the person opened or dropped.
pub async fn read_file(file: web_sys::File) -> Result<(String, Document), String> {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES {
        return Err(format!(
            "{name} is {:.1} MB; a report file is read up to {} MB",
            file.size() / 1_048_576.0,
            MAX_FILE_BYTES / 1_048_576.0
        ));
    }
    let blob = gloo::file::Blob::from(web_sys::Blob::from(file));
    let bytes = gloo::file::futures::read_as_bytes(&blob)
        .await
        .map_err(|e| format!("{name} could not be read: {e}"))?;
    document::read(&name, &bytes).map(|doc| (name, doc))
}

pub fn saved_work() -> Option<Work> {
    LocalStorage::get(WORK_KEY).ok()
}

/// Keeps `work` for a reload; says so when the browser refuses (storage full or off).
pub fn save_work(work: &Work) -> Result<(), String> {
    LocalStorage::set(WORK_KEY, work)
        .map_err(|e| format!("the work could not be kept in this browser: {e}"))
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, text: &str, mime: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(anchor) = leptos::prelude::document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The selection in the report's text, as byte offsets into the text, when it lies in it.
pub fn text_selection() -> Option<(usize, usize)> {
    let selection = leptos::prelude::window().get_selection().ok()??;
    if selection.is_collapsed() {
        return None;
    }
    let start = byte_offset(&selection.anchor_node()?, selection.anchor_offset())?;
    let end = byte_offset(&selection.focus_node()?, selection.focus_offset())?;
    Some((start.min(end), start.max(end)))
}

/// The byte offset in the report of a point in the text view: in a text node inside a piece
/// whose `data-at` is its offset, an offset in UTF-16 units within it; on a piece itself (a
/// whole number selected from the list of those left out), before or after its text.
fn byte_offset(node: &web_sys::Node, offset: u32) -> Option<usize> {
    let at = |piece: &web_sys::Element| -> Option<usize> {
        piece.get_attribute("data-at")?.parse().ok()
    };
    if let Some(element) = node.dyn_ref::<web_sys::Element>() {
        let piece = element.closest("[data-at]").ok()??;
        let length = if offset == 0 {
            0
        } else {
            piece.text_content()?.len()
        };
        return Some(at(&piece)? + length);
    }
    let piece = node.parent_element()?.closest("[data-at]").ok()??;
    let text = node.text_content()?;
    let mut units = 0;
    let mut bytes = 0;
    for c in text.chars() {
        if units >= offset as usize {
            break;
        }
        units += c.len_utf16();
        bytes += c.len_utf8();
    }
    Some(at(&piece)? + bytes)
}
