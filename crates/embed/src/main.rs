//! The light embed page, `embed.html`: one chart for another site's iframe, with its source
//! line and the link back to the dashboard. The same core, chart drawing and data loading as
//! the dashboard, but no view library: a few elements made once and one canvas drawn again
//! when its size changes. Old links (`index.html?embed=1`) are sent here by `first-view.js`.

#[cfg(target_arch = "wasm32")]
mod canvas;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod host;
#[cfg(target_arch = "wasm32")]
mod page;

#[cfg(target_arch = "wasm32")]
fn main() {
    page::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!("The embed page runs in a browser: `trunk build --release` builds it (README.md).");
    std::process::ExitCode::from(2)
}
