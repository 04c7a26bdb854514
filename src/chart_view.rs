//! The chart on a canvas: sized by its container, crisp at any device-pixel ratio, and
//! answering hover and tap with the value and its source sentence.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use plotters_canvas::CanvasBackend;

use sportdash_chart::{Hit, Picture, Step, Style};
use sportdash_core::describe::{describe, title, CardLineKind};
use sportdash_core::lang::Lang;
use sportdash_core::model::Catalog;
use sportdash_core::query::{ChartData, Row};

use crate::browser;
use crate::common::Look;

/// The chart on a canvas. `stage`: the presentation's big-screen look; its keys belong to
/// the presentation, so the canvas does not take focus there.
#[component]
pub fn ChartCanvas(
    chart: Memo<ChartData>,
    catalog: Arc<Catalog>,
    look: Look,
    #[prop(optional)] stage: bool,
    /// Where a click (or Enter) opens a row's source panel; without it, clicks show the card.
    #[prop(optional)]
    pin: Option<RwSignal<Option<usize>>>,
    /// The chart already drawn, as inline SVG: the first view, written into the page at build
    /// time, shows this in the canvas's place.
    #[prop(default = None)]
    still: Option<String>,
) -> impl IntoView {
    let lang = look.lang;
    let summary_catalog = catalog.clone();
    let summary = move || chart.with(|c| describe(c, &summary_catalog, lang));
    // Only the first view, rendered natively at build time, has a still chart: the browser's
    // build leaves this out.
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(svg) = still {
        return view! {
            <div class="chart-frame" inner_html=svg></div>
            <p class="chart-summary">{summary}</p>
        }
        .into_any();
    }
    #[cfg(target_arch = "wasm32")]
    let _ = still;
    let frame = NodeRef::<html::Div>::new();
    let canvas = NodeRef::<html::Canvas>::new();
    let size = follow_size(frame);
    let hits = StoredValue::new(Vec::<Hit>::new());
    let cut_names = RwSignal::new(Vec::<String>::new());
    // The value whose card is open, and where (CSS pixels on the canvas).
    let active = RwSignal::new(None::<(usize, f64, f64)>);

    // Which chart is drawn (a new one starts without the room an earlier one asked for), and
    // the room given to it.
    let drawing = Memo::new(move |last: Option<&u64>| {
        chart.track();
        last.map_or(0, |n| n + 1)
    });
    let room = StoredValue::new((0_u64, None::<(f64, f64)>));

    let draw_catalog = catalog.clone();
    Effect::new(move |_| {
        let Some(canvas) = canvas.get() else { return };
        let at = size.get();
        let Some(drawn) = paint(&canvas, at, chart, &draw_catalog, look, stage) else {
            return;
        };
        if !stage {
            let (of, given) = room.get_value();
            let now = drawing.get();
            let ratio = window().device_pixel_ratio().max(1.0);
            let wanted = drawn.room(at, ratio, given.filter(|_| of == now));
            room.set_value((now, wanted));
            if wanted != given {
                if let Some(frame) = frame.get_untracked() {
                    // Bars laid across that came out short get the height they asked for: the
                    // page scrolls.
                    web::page::set_least_height(&frame, wanted.map(|(_, height)| height));
                }
            }
        }
        if cut_names.with_untracked(|names| *names != drawn.cut) {
            cut_names.set(drawn.cut);
        }
        hits.set_value(drawn.hits);
        active.set(None);
    });

    let point = move |ev: &web_sys::MouseEvent| {
        let ratio = window().device_pixel_ratio().max(1.0);
        let (x, y) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        let row = hits.with_value(|h| {
            sportdash_chart::hit_at(h, (x * ratio).round() as i32, (y * ratio).round() as i32)
        });
        active.set(row.map(|row| (row, x, y)));
    };
    let stepped = StoredValue::new(None::<usize>);
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if !stage {
            step(&ev, hits, stepped, active, pin);
        }
    };
    let label = move || chart.with(|c| title(c, lang));
    view! {
        <div class="chart-frame" node_ref=frame>
            <canvas
                class="chart"
                node_ref=canvas
                role="img"
                tabindex=if stage { "-1" } else { "0" }
                aria-label=label
                aria-describedby="chart-summary"
                on:keydown=on_key
                on:blur=move |_| stepped.set_value(None)
                on:pointermove=move |ev| point(&ev)
                on:click=move |ev| {
                    point(&ev);
                    if let (Some(pin), Some((row, _, _))) = (pin, active.get_untracked()) {
                        pin.set(Some(row));
                        active.set(None);
                    }
                }
                on:pointerleave=move |ev| {
                    if ev.pointer_type() == "mouse" {
                        active.set(None)
                    }
                }
            ></canvas>
            <ValueCard chart catalog active size lang/>
        </div>
        <NamesCut names=cut_names lang/>
        <p class="chart-summary" id="chart-summary">{summary}</p>
    }
    .into_any()
}

/// The frame's size in CSS pixels, kept up to date while the component lives.
fn follow_size(frame: NodeRef<html::Div>) -> RwSignal<(f64, f64)> {
    let size = RwSignal::new((0.0_f64, 0.0_f64));
    Effect::new(move |_| {
        let Some(frame) = frame.get() else { return };
        let rect = frame.get_bounding_client_rect();
        size.set((rect.width(), rect.height()));
        // The observer also reports the size the frame already has, as it starts: drawing
        // again for that would double the cost of the first chart.
        browser::observe_size(&frame, move |width, height| {
            if size
                .try_get_untracked()
                .is_some_and(|drawn| drawn != (width, height))
            {
                size.set((width, height));
            }
        });
    });
    size
}

/// Draws the chart on `canvas` at `size` (CSS pixels), crisp at the device-pixel ratio, and
/// marks on the canvas what it drew (for tests and the benchmark). `None` before it has a size.
fn paint(
    canvas: &web_sys::HtmlCanvasElement,
    (width, height): (f64, f64),
    chart: Memo<ChartData>,
    catalog: &Catalog,
    look: Look,
    stage: bool,
) -> Option<Picture> {
    if width < 10.0 || height < 10.0 {
        return None;
    }
    let ratio = window().device_pixel_ratio().max(1.0);
    // Setting a canvas's size, even to the one it has, throws its bitmap away and makes the
    // browser allocate a new one; the chart paints its whole ground anyway.
    let (pixels_wide, pixels_high) = (
        (width * ratio).round() as u32,
        (height * ratio).round() as u32,
    );
    if canvas.width() != pixels_wide {
        canvas.set_width(pixels_wide);
    }
    if canvas.height() != pixels_high {
        canvas.set_height(pixels_high);
    }
    let style = Style::for_width(width, ratio, look.theme, stage);
    let drawn = chart.with(|data| {
        let mut backend = CanvasBackend::with_canvas_object(canvas.clone())?;
        sportdash_chart::draw_on(&mut backend, data, catalog, look.lang, &style).ok()
    });
    let drawn = drawn.unwrap_or_default();
    browser::mark("chart drawn");
    browser::reveal();
    let shape = chart.with_untracked(|c| c.shape.name().to_string());
    for (name, value) in [
        ("data-marks", drawn.hits.len().to_string()),
        ("data-shape", shape),
        // Names cut to fit are given in full under the chart (`NamesCut`).
        ("data-labels-cut", drawn.cut.len().to_string()),
    ] {
        let _ = canvas.set_attribute(name, &value);
    }
    Some(drawn)
}

/// Keyboard: arrows step through the drawn values in order, each opening its card; Enter or
/// Space opens the source panel of the value shown, as on a button (with none shown yet, they
/// show the first); Esc closes the card.
fn step(
    ev: &web_sys::KeyboardEvent,
    hits: StoredValue<Vec<Hit>>,
    stepped: StoredValue<Option<usize>>,
    active: RwSignal<Option<(usize, f64, f64)>>,
    pin: Option<RwSignal<Option<usize>>>,
) {
    let count = hits.with_value(Vec::len);
    if count == 0 {
        return;
    }
    let now = stepped.get_value();
    let opens = matches!(ev.key().as_str(), "Enter" | " ");
    if opens {
        if let (Some(pin), Some(row)) = (pin, active.get_untracked()) {
            ev.prevent_default();
            pin.set(Some(row.0));
            active.set(None);
            return;
        }
    }
    let next = match sportdash_chart::step(&ev.key(), now, count) {
        Step::To(next) => next,
        Step::Close => {
            stepped.set_value(None);
            active.set(None);
            return;
        }
        Step::Ignored => return,
    };
    ev.prevent_default();
    stepped.set_value(Some(next));
    let ratio = window().device_pixel_ratio().max(1.0);
    if let Some(hit) = hits.with_value(|h| h.get(next).copied()) {
        let x = f64::from(hit.left + hit.right) / 2.0 / ratio;
        let y = f64::from(hit.top) / ratio;
        active.set(Some((hit.row, x, y)));
    }
}

/// The card of the value under the pointer or the keys, opening away from the nearer edges so
/// that it stays on the chart.
#[component]
fn ValueCard(
    chart: Memo<ChartData>,
    catalog: Arc<Catalog>,
    active: RwSignal<Option<(usize, f64, f64)>>,
    size: RwSignal<(f64, f64)>,
    lang: Lang,
) -> impl IntoView {
    move || {
        let (row, x, y) = active.get()?;
        let row = chart.with(|c| c.rows.get(row).cloned())?;
        let (width, height) = size.get_untracked();
        let (right, low) = (x > width * 0.55, y > height * 0.5);
        let left = if right { x - 12.0 } else { x + 12.0 };
        let top = if low { y - 12.0 } else { y + 12.0 };
        let side = format!(
            "translate({}, {})",
            if right { "-100%" } else { "0" },
            if low { "-100%" } else { "0" }
        );
        let catalog = catalog.clone();
        Some(view! {
            <div
                class="tooltip"
                role="tooltip"
                style:left=format!("{left}px")
                style:top=format!("{top}px")
                style:transform=side
            >
                <SourceCard row catalog lang/>
                <button
                    class="tooltip-close"
                    aria-label=lang.strings().close
                    on:click=move |ev| {
                        ev.stop_propagation();
                        active.set(None)
                    }
                >
                    "×"
                </button>
            </div>
        })
    }
}

/// Names the chart could only write cut, in full, for whoever cannot hover or tap.
#[component]
fn NamesCut(names: RwSignal<Vec<String>>, lang: Lang) -> impl IntoView {
    move || {
        let names = names.get();
        (!names.is_empty()).then(|| {
            view! {
                <p class="names-cut">
                    <span class="names-cut-lead">{lang.strings().names_in_full}</span>
                    {names.join(" · ")}
                </p>
            }
        })
    }
}

/// What a value is and where it came from (`describe::card`).
#[component]
pub fn SourceCard(row: Row, catalog: Arc<Catalog>, lang: Lang) -> impl IntoView {
    let card = sportdash_core::describe::card(&row, &catalog, lang);
    let target = card.target.then(|| {
        view! { <span class="badge target">{lang.strings().target}</span> }
    });
    let lines = card
        .lines
        .into_iter()
        .map(|line| {
            let class = match line.kind {
                CardLineKind::Note => "card-meta",
                CardLineKind::Source => "card-source",
                CardLineKind::Year => "card-year",
            };
            view! { <p class=class>{line.text}</p> }
        })
        .collect_view();
    view! {
        <div class="card">
            <p class="card-heading">{card.heading}</p>
            <p class="card-value" class:no-data=card.no_data>{card.value}{target}</p>
            {card.quote.map(|quote| view! { <blockquote class="quote" lang="zh-CN">{quote}</blockquote> })}
            {lines}
        </div>
    }
}
