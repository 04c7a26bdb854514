//! The only module that touches the network: fetches a data file as text, and gives up with a
//! clear message when the file is missing, broken, not JSON, too large or too slow.

use std::fmt;

use futures::future::{select, Either};
use gloo::net::http::{Request, Response};
use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use sportdash_core::load::{Body, MAX_BYTES};

/// Where data files are fetched from, relative to the page, so the site works under any path.
pub const DATA_BASE: &str = "data/";
/// A request that has not finished by then is abandoned, so nothing waits forever.
pub const TIMEOUT_MS: u32 = 10_000;

/// A data file that could not be had, or read.
#[derive(Clone, Debug, PartialEq)]
pub struct DataError {
    /// The file, as the user would look for it: `data/observations/medals.json`.
    pub file: String,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

impl std::error::Error for DataError {}

/// Fetches `data/<file>`. A failed request, a non-2xx status, a body that is not JSON (an HTML
/// page served in its place), one over `MAX_BYTES`, or no answer within `TIMEOUT_MS` is an error
/// naming the file.
pub async fn fetch_text(file: &str) -> Result<String, DataError> {
    let url = format!("{DATA_BASE}{file}");
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let outcome = {
        let fetch = Box::pin(fetch_checked(&url, signal.as_ref()));
        match select(fetch, TimeoutFuture::new(TIMEOUT_MS)).await {
            Either::Left((result, _)) => result,
            Either::Right(_) => {
                if let Some(controller) = &controller {
                    controller.abort();
                }
                Err(format!("no answer within {} seconds", TIMEOUT_MS / 1000))
            }
        }
    };
    outcome.map_err(|message| DataError { file: url, message })
}

async fn fetch_checked(url: &str, signal: Option<&web_sys::AbortSignal>) -> Result<String, String> {
    let response = Request::get(url)
        .abort_signal(signal)
        .send()
        .await
        .map_err(|e| format!("request failed ({e})"))?;
    if !response.ok() {
        return Err(format!(
            "HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let headers = response.headers();
    let kind = headers.get("content-type").unwrap_or_default();
    if !is_json_like(&kind) {
        return Err(format!(
            "served as \"{kind}\", not JSON (is the file missing on the server?)"
        ));
    }
    // Only this site's own files: a redirect to another origin is not followed into the page.
    if response.type_() != web_sys::ResponseType::Basic {
        return Err(format!(
            "answered from another origin ({}); only this site's own files are read",
            response.url()
        ));
    }
    let declared = headers
        .get("content-length")
        .and_then(|n| n.parse::<usize>().ok());
    if let Some(size) = declared.filter(|&n| n > MAX_BYTES) {
        return Err(too_large(size));
    }
    read_body(&response).await
}

/// The body, counted as it streams in and given up at `MAX_BYTES`, whatever the server said of
/// its size and however it was compressed: memory never holds more than the limit.
async fn read_body(response: &Response) -> Result<String, String> {
    let failed = |e: wasm_bindgen::JsValue| format!("could not read the body ({})", js_message(&e));
    let Some(stream) = response.body() else {
        return Ok(String::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = stream
        .get_reader()
        .dyn_into()
        .map_err(|_| "could not read the body".to_string())?;
    let mut body = Body::new(MAX_BYTES);
    loop {
        let next = JsFuture::from(reader.read()).await.map_err(failed)?;
        let done = js_sys::Reflect::get(&next, &"done".into())
            .map_err(failed)?
            .is_truthy();
        if done {
            break;
        }
        let piece = js_sys::Reflect::get(&next, &"value".into()).map_err(failed)?;
        let piece = js_sys::Uint8Array::new(&piece).to_vec();
        if let Err(refused) = body.push(piece) {
            let _ = reader.cancel();
            return Err(refused.to_string());
        }
    }
    body.text().map_err(|e| e.to_string())
}

/// What a thrown JS value says: an `Error`'s message, or the value if it is a string.
fn js_message(thrown: &wasm_bindgen::JsValue) -> String {
    match thrown.dyn_ref::<js_sys::Error>() {
        Some(error) => error.message().into(),
        None => thrown.as_string().unwrap_or_else(|| "no message".into()),
    }
}

/// JSON, or what ordinary static hosts call it; an HTML page is not.
fn is_json_like(content_type: &str) -> bool {
    let kind = content_type.to_ascii_lowercase();
    kind.is_empty()
        || kind.contains("json")
        || kind.starts_with("text/plain")
        || kind.starts_with("application/octet-stream")
}

fn too_large(bytes: usize) -> String {
    format!(
        "too large ({:.1} MB; the limit is {} MB)",
        bytes as f64 / 1_048_576.0,
        MAX_BYTES / 1_048_576
    )
}
