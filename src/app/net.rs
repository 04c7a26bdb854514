//! The only module that touches the network: fetches a data file as text.

use std::fmt;

use gloo::net::http::Request;

/// Where data files are fetched from, relative to the page, so the site works under any path.
pub const DATA_BASE: &str = "data/";

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

/// Fetches `data/<file>`. A failed request or a non-2xx status is an error naming the file.
pub async fn fetch_text(file: &str) -> Result<String, DataError> {
    let url = format!("{DATA_BASE}{file}");
    let error = |message: String| DataError {
        file: url.clone(),
        message,
    };
    let response = Request::get(&url)
        .send()
        .await
        .map_err(|e| error(format!("request failed ({e})")))?;
    if !response.ok() {
        return Err(error(format!(
            "HTTP {} {}",
            response.status(),
            response.status_text()
        )));
    }
    response
        .text()
        .await
        .map_err(|e| error(format!("could not read the body ({e})")))
}
