//! The chart on a canvas, as the dashboard draws it (`sportdash_chart::draw_on`): sized by its
//! frame, crisp at the device-pixel ratio, and answering pointer, tap and arrow keys with the
//! value's card (`describe::card`), the same card the dashboard shows.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use plotters_canvas::CanvasBackend;
use sportdash_chart::{Hit, Room, Step, Style};
use sportdash_core::describe::{self, CardLineKind};
use sportdash_core::lang::{Lang, Theme};
use sportdash_core::query::ChartData;
use wasm_bindgen::JsCast;
use web::data::LoadedCatalog;
use web_sys::{Element, HtmlCanvasElement, HtmlElement, KeyboardEvent, MouseEvent, PointerEvent};

use crate::dom::{self, element, set};

pub struct Shown {
    pub data: ChartData,
    pub catalog: Arc<LoadedCatalog>,
    pub lang: Lang,
    pub theme: Theme,
}

struct Live {
    shown: Shown,
    frame: Element,
    canvas: HtmlCanvasElement,
    names_cut: Element,
    /// The chart at its natural size, which the host is told (`host::tell_height`).
    natural: Element,
    again: crate::host::Again,
    hits: RefCell<Vec<Hit>>,
    size: Cell<(f64, f64)>,
    stepped: Cell<Option<usize>>,
    room: Cell<Room>,
}

/// Draws `shown` on `canvas` inside `frame`, again whenever the frame's size changes, and
/// opens a value's card on hover, tap and keys.
pub fn mount(
    shown: Shown,
    frame: &Element,
    canvas: HtmlCanvasElement,
    (names_cut, natural): (Element, Element),
    again: crate::host::Again,
) {
    let live = Rc::new(Live {
        shown,
        frame: frame.clone(),
        canvas,
        names_cut,
        natural,
        again,
        hits: RefCell::default(),
        size: Cell::new((0.0, 0.0)),
        stepped: Cell::new(None),
        room: Cell::new(None),
    });
    let rect = frame.get_bounding_client_rect();
    live.size.set((rect.width(), rect.height()));
    live.paint();
    {
        let live = live.clone();
        dom::observe_size(frame, move |width, height| {
            // The observer also reports the size the frame has as it starts.
            if live.size.get() != (width, height) {
                live.size.set((width, height));
                live.paint();
            }
        });
    }
    let target: &web_sys::EventTarget = live.canvas.as_ref();
    {
        let live = live.clone();
        dom::listen(target, "pointermove", move |ev: PointerEvent| {
            live.point(&ev)
        });
    }
    {
        let live = live.clone();
        dom::listen(target, "click", move |ev: MouseEvent| live.point(&ev));
    }
    {
        let live = live.clone();
        dom::listen(target, "pointerleave", move |ev: PointerEvent| {
            if ev.pointer_type() == "mouse" {
                live.close_card();
            }
        });
    }
    {
        let live = live.clone();
        dom::listen(target, "keydown", move |ev: KeyboardEvent| live.step(&ev));
    }
    {
        let live = live.clone();
        dom::listen(target, "blur", move |_: web_sys::Event| {
            live.stepped.set(None)
        });
    }
    // The card's close button, whichever card is open.
    dom::listen(frame.as_ref(), "click", move |ev: MouseEvent| {
        let on_close = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest(".tooltip-close").ok().flatten());
        if on_close.is_some() {
            live.close_card();
        }
    });
}

fn ratio() -> f64 {
    web_sys::window().map_or(1.0, |w| w.device_pixel_ratio().max(1.0))
}

impl Live {
    fn paint(&self) {
        let (width, height) = self.size.get();
        if width < 10.0 || height < 10.0 {
            return;
        }
        let ratio = ratio();
        let (wide, high) = (
            (width * ratio).round() as u32,
            (height * ratio).round() as u32,
        );
        // Setting a canvas's size, even to the one it has, throws its bitmap away.
        if self.canvas.width() != wide {
            self.canvas.set_width(wide);
        }
        if self.canvas.height() != high {
            self.canvas.set_height(high);
        }
        let Shown {
            data,
            catalog,
            lang,
            theme,
        } = &self.shown;
        let style = Style::for_width(width, ratio, *theme, false);
        let drawn = CanvasBackend::with_canvas_object(self.canvas.clone())
            .and_then(|mut backend| {
                sportdash_chart::draw_on(&mut backend, data, &catalog.catalog, *lang, &style).ok()
            })
            .unwrap_or_default();
        web::mark("chart drawn");
        let canvas: &Element = self.canvas.as_ref();
        set(canvas, "data-marks", &drawn.hits.len().to_string());
        set(canvas, "data-shape", data.shape.name());
        set(canvas, "data-labels-cut", &drawn.cut.len().to_string());
        self.names_cut.set_text_content(None);
        if !drawn.cut.is_empty() {
            let lead = element("span", "names-cut-lead", lang.strings().names_in_full);
            let _ = self.names_cut.append_child(&lead);
            let _ = self.names_cut.append_with_str_1(&drawn.cut.join(" · "));
        }
        if drawn.cut.is_empty() {
            set(&self.names_cut, "hidden", "");
        } else {
            let _ = self.names_cut.remove_attribute("hidden");
        }
        let room = drawn.room((width, height), ratio, self.room.get());
        *self.hits.borrow_mut() = drawn.hits;
        self.close_card();
        self.give_room(room);
        (self.again)();
    }

    /// Bars laid across that came out too short get the height they asked for: the natural
    /// size the host is told grows (the host then makes the iframe taller), and so does the
    /// frame where the page is not in an iframe.
    fn give_room(&self, room: Room) {
        if room == self.room.get() {
            return;
        }
        self.room.set(room);
        let least = room.map(|(_, height)| height);
        web::page::set_least_height(&self.natural, least);
        if !crate::host::framed() {
            web::page::set_least_height(&self.frame, least);
        }
    }

    /// The card of the value under the pointer, or none.
    fn point(&self, ev: &MouseEvent) {
        let ratio = ratio();
        let (x, y) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        let row = sportdash_chart::hit_at(
            &self.hits.borrow(),
            (x * ratio).round() as i32,
            (y * ratio).round() as i32,
        );
        match row {
            Some(row) => self.open_card(row, x, y),
            None => self.close_card(),
        }
    }

    /// Arrows step through the values in order, Home and End to the ends, Esc closes the card.
    fn step(&self, ev: &KeyboardEvent) {
        let count = self.hits.borrow().len();
        let next = match sportdash_chart::step(&ev.key(), self.stepped.get(), count) {
            Step::To(next) => next,
            Step::Close => {
                self.stepped.set(None);
                self.close_card();
                return;
            }
            Step::Ignored => return,
        };
        ev.prevent_default();
        self.stepped.set(Some(next));
        let ratio = ratio();
        let hit = self.hits.borrow().get(next).copied();
        if let Some(hit) = hit {
            let x = f64::from(hit.left + hit.right) / 2.0 / ratio;
            self.open_card(hit.row, x, f64::from(hit.top) / ratio);
        }
    }

    fn close_card(&self) {
        if let Ok(Some(card)) = self.frame.query_selector(".tooltip") {
            card.remove();
        }
    }

    /// The card of row `row` at (`x`, `y`) on the canvas, opening away from the nearer edges.
    fn open_card(&self, row: usize, x: f64, y: f64) {
        self.close_card();
        let Some(row) = self.shown.data.rows.get(row) else {
            return;
        };
        let lang = self.shown.lang;
        let card = describe::card(row, &self.shown.catalog.catalog, lang);
        let tooltip = element("div", "tooltip", "");
        set(&tooltip, "role", "tooltip");
        let (width, height) = self.size.get();
        let (right, low) = (x > width * 0.55, y > height * 0.5);
        // Through the CSSOM: a strict CSP refuses style attributes.
        if let Some(style) = tooltip.dyn_ref::<HtmlElement>().map(HtmlElement::style) {
            let at = |near: bool, v: f64| if near { v - 12.0 } else { v + 12.0 };
            let _ = style.set_property("left", &format!("{}px", at(right, x)));
            let _ = style.set_property("top", &format!("{}px", at(low, y)));
            let _ = style.set_property(
                "transform",
                &format!(
                    "translate({}, {})",
                    if right { "-100%" } else { "0" },
                    if low { "-100%" } else { "0" }
                ),
            );
        }
        let body = element("div", "card", "");
        let _ = body.append_child(&element("p", "card-heading", &card.heading));
        let value = element(
            "p",
            if card.no_data {
                "card-value no-data"
            } else {
                "card-value"
            },
            &card.value,
        );
        if card.target {
            let _ = value.append_child(&element("span", "badge target", lang.strings().target));
        }
        let _ = body.append_child(&value);
        if let Some(quote) = &card.quote {
            let quoted = element("blockquote", "quote", quote);
            set(&quoted, "lang", "zh-CN");
            let _ = body.append_child(&quoted);
        }
        for line in &card.lines {
            let class = match line.kind {
                CardLineKind::Note => "card-meta",
                CardLineKind::Source => "card-source",
                CardLineKind::Year => "card-year",
            };
            let _ = body.append_child(&element("p", class, &line.text));
        }
        let _ = tooltip.append_child(&body);
        let close = element("button", "tooltip-close", "×");
        set(&close, "aria-label", lang.strings().close);
        let _ = tooltip.append_child(&close);
        let _ = self.frame.append_child(&tooltip);
    }
}
