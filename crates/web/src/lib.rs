//! The browser's side of the data, for every page (the dashboard, the embed, the review page),
//! with no view library: `net` alone touches the network; `data` fetches and reads the catalog
//! and datasets through it; `page` keeps what every page does with the browser besides (the
//! remembered language, the document's language and theme, an element's size). `mark` records
//! where a load's time goes.

pub mod data;
pub mod net;
pub mod page;

thread_local! {
    static MARKED: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A User Timing mark (`performance.mark("sportdash:…")`) the first time `milestone` is
/// reached: where a load's time goes, for the benchmark (docs/performance.md) and for anyone's
/// profile. Only the first, so that a repaint costs nothing and a page left open for days (a
/// kiosk) does not fill the browser's timeline with marks.
pub fn mark(milestone: &'static str) {
    let first = MARKED.with(|marked| {
        let mut marked = marked.borrow_mut();
        let first = !marked.contains(&milestone);
        if first {
            marked.push(milestone);
        }
        first
    });
    let performance = web_sys::window().and_then(|w| w.performance());
    if let Some(performance) = performance.filter(|_| first) {
        let _ = performance.mark(&format!("sportdash:{milestone}"));
    }
}
