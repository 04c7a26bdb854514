//! The export buttons: PNG at twice the chart's size on screen, SVG drawn by the same chart
//! functions, and CSV of exactly the table's rows. File names say what is inside.

use std::sync::Arc;

use leptos::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;

use sportdash_core::export;
use sportdash_core::model::Catalog;
use sportdash_core::query::{ChartData, Selection};

use crate::browser;
use crate::common::Look;

/// The size of the chart on screen, in CSS pixels, or a slide's size when none is shown.
fn shown_size() -> (f64, f64) {
    document()
        .query_selector("canvas.chart")
        .ok()
        .flatten()
        .map(|c| (f64::from(c.client_width()), f64::from(c.client_height())))
        .filter(|(w, h)| *w >= 100.0 && *h >= 100.0)
        .unwrap_or((1200.0, 700.0))
}

fn save_png(data: &ChartData, catalog: &Catalog, look: Look, name: &str) {
    let (width, height) = shown_size();
    let Ok(element) = document().create_element("canvas") else {
        return;
    };
    let canvas: web_sys::HtmlCanvasElement = element.unchecked_into();
    canvas.set_width((width * 2.0) as u32);
    canvas.set_height((height * 2.0) as u32);
    let Some(mut backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    let style = sportdash_chart::Style::for_width(width, 2.0, look.theme, false);
    let _ = sportdash_chart::draw_on(&mut backend, data, catalog, look.lang, &style);
    if let Ok(url) = canvas.to_data_url_with_type("image/png") {
        browser::save_from(&url, name);
    }
}

/// The whole dataset as a Frictionless Data Package, written beside the page at build time
/// (`sportdash package`, see `scripts/post_build.sh`).
pub const DATA_PACKAGE: &str = "sportdash-data.zip";

#[component]
pub fn Downloads(
    chart: Memo<ChartData>,
    selection: Memo<Selection>,
    catalog: Arc<Catalog>,
    look: Look,
) -> impl IntoView {
    let strings = look.lang.strings();
    let name = move |extension: &str| {
        chart.with(|c| selection.with(|s| export::file_name(c, s, extension)))
    };
    let (png_catalog, svg_catalog, csv_catalog) = (catalog.clone(), catalog.clone(), catalog);
    view! {
        <div class="downloads" role="group" aria-label=strings.export>
            <span class="control-label" aria-hidden="true">{strings.export}</span>
            <button
                class="tool"
                data-export="png"
                on:click=move |_| chart.with(|c| save_png(c, &png_catalog, look, &name("png")))
            >
                {strings.download_png}
            </button>
            <button
                class="tool"
                data-export="svg"
                on:click=move |_| {
                    let (width, height) = shown_size();
                    let svg = chart.with(|c| {
                        sportdash_chart::svg_styled(
                            c,
                            &svg_catalog,
                            look.lang,
                            (width as u32, height as u32),
                            &sportdash_chart::Style::for_width(width, 1.0, look.theme, false),
                        )
                    });
                    browser::download(&name("svg"), "image/svg+xml", svg.as_bytes());
                }
            >
                {strings.download_svg}
            </button>
            <button
                class="tool"
                data-export="csv"
                on:click=move |_| {
                    // A byte-order mark, so spreadsheet programs read the Chinese as UTF-8.
                    let csv = format!("\u{feff}{}", chart.with(|c| export::csv(c, &csv_catalog, look.lang)));
                    browser::download(&name("csv"), "text/csv;charset=utf-8", csv.as_bytes());
                }
            >
                {strings.download_csv}
            </button>
            <a
                class="tool"
                data-export="package"
                href=DATA_PACKAGE
                download=""
                title=strings.download_data_hint
            >
                {strings.download_data}
            </a>
        </div>
    }
}
