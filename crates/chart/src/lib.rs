//! Charts, drawn by functions generic over plotters' `DrawingBackend`: the same code draws to
//! the canvas in the browser and to SVG for export and for native tests.
//!
//! Drawing returns the screen rectangles of what was drawn (`Hit`), so a caller can tell which
//! row of the `ChartData` is under the pointer without knowing how the chart was laid out.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

mod across;
mod any_backend;
mod bars;
mod labels;
mod legend;
mod levels;
mod lines;
mod ranked;
mod style;
mod svg;
mod text;

pub use any_backend::{AnyBackend, Drawn, Surface, SurfaceError};
pub use labels::{place_labels, side_by_side, LabelBox, Segment, Side};
pub use lines::year_label_step;
pub use style::{series_colour, Style, FONT, PALETTE};
pub use svg::{svg, svg_into, svg_styled};
pub use text::{estimate_width, fit, wrap};

use sportdash_core::describe::title;
use sportdash_core::format;
use sportdash_core::lang::Lang;
use sportdash_core::model::Catalog;
use sportdash_core::query::{ChartData, Shape};

use bars::GroupLabel;
use text::nice_top;

/// A drawn bar or point: backend pixel rectangle and the index of its row in `ChartData::rows`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub left: i32,
    pub top: i32,
    pub right: i32,
    pub bottom: i32,
    pub row: usize,
}

impl Hit {
    pub fn contains(&self, x: i32, y: i32) -> bool {
        (self.left..=self.right).contains(&x) && (self.top..=self.bottom).contains(&y)
    }
}

/// What drawing a chart gives back: where each row was drawn; the labels that could not be
/// written whole (cut with "…"), which the caller must make readable another way; and how many
/// pixels taller the chart would need to be for bars laid across to keep their values apart
/// (0 when it has the room), which the caller may give it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Picture {
    pub hits: Vec<Hit>,
    pub cut: Vec<String>,
    pub short_by: u32,
}

/// The height a chart's frame is given beyond its own, for one width: (width, least height),
/// in CSS pixels.
pub type Room = Option<(f64, f64)>;

impl Picture {
    /// The least height (CSS pixels) to give the frame of this picture, drawn at `size` (CSS
    /// pixels) and `ratio`, when it was `given` some before: the room bars laid across asked
    /// for, kept while the width stays the same (drawn that tall, they no longer ask for it), and
    /// given up at another width, whose own drawing says what it needs.
    pub fn room(&self, (width, height): (f64, f64), ratio: f64, given: Room) -> Room {
        let kept = given.filter(|&(for_width, _)| for_width == width);
        if self.short_by == 0 {
            return kept;
        }
        let wanted = (height + f64::from(self.short_by) / ratio).ceil();
        Some((width, kept.map_or(wanted, |(_, least)| least.max(wanted))))
    }
}

/// The row under a point, preferring the nearest hit when several overlap.
pub fn hit_at(hits: &[Hit], x: i32, y: i32) -> Option<usize> {
    hits.iter()
        .filter(|h| h.contains(x, y))
        .min_by_key(|h| {
            let cx = (h.left + h.right) / 2;
            let cy = (h.top + h.bottom) / 2;
            (cx - x).pow(2) + (cy - y).pow(2)
        })
        .map(|h| h.row)
}

/// What a key does on a chart whose `count` drawn values the keys step through, the one in hand
/// being `now`: arrows to the next or previous (round the ends), Home and End to the ends,
/// Enter or Space to the one in hand (or the first), Esc closes; other keys are not the chart's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    To(usize),
    Close,
    Ignored,
}

pub fn step(key: &str, now: Option<usize>, count: usize) -> Step {
    if count == 0 {
        return Step::Ignored;
    }
    match key {
        "Enter" | " " => Step::To(now.unwrap_or(0).min(count - 1)),
        "ArrowRight" | "ArrowDown" => Step::To(now.map_or(0, |i| (i + 1) % count)),
        "ArrowLeft" | "ArrowUp" => Step::To(now.map_or(count - 1, |i| (i + count - 1) % count)),
        "Home" => Step::To(0),
        "End" => Step::To(count - 1),
        "Escape" => Step::Close,
        _ => Step::Ignored,
    }
}

type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// A chart's plot: values (or years) against values, both as `f64`.
type Plot<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// What every part of a chart is drawn with: the whole backend, the data, the catalog and
/// language its names come from, and the style.
struct Scene<'a, DB: DrawingBackend> {
    root: &'a DrawingArea<DB, Shift>,
    data: &'a ChartData,
    catalog: &'a Catalog,
    lang: Lang,
    style: &'a Style,
}

/// Draws `data` onto a whole backend, through `AnyBackend` (one compiled copy of the drawing
/// code for the canvas and the SVG), and presents it.
pub fn draw_on(
    surface: &mut dyn Surface,
    data: &ChartData,
    catalog: &Catalog,
    lang: Lang,
    style: &Style,
) -> Result<Picture, DrawingAreaErrorKind<SurfaceError>> {
    let root = AnyBackend::new(surface).into_drawing_area();
    let drawn = draw(&root, data, catalog, lang, style)?;
    root.present()?;
    Ok(drawn)
}

/// Draws `data` onto `root` and returns where each bar or point landed, and what was cut.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &ChartData,
    catalog: &Catalog,
    lang: Lang,
    style: &Style,
) -> DrawResult<Picture, DB> {
    let scene = Scene {
        root,
        data,
        catalog,
        lang,
        style,
    };
    root.fill(&style.ground())?;
    let legend_top = draw_title(&scene)?;
    let (width, _) = root.dim_in_pixel();
    let legend_bottom = legend::draw_legend(&scene, legend_top, width as i32)?;

    let pad = style.px(12.0);
    let area = root.margin(
        legend_bottom as u32 + style.px(6.0) as u32,
        pad as u32,
        pad as u32,
        pad as u32,
    );
    let y_label_area = value_labels_width(data, style);
    let (area_width, area_height) = area.dim_in_pixel();
    let labels: Vec<GroupLabel> = match data.shape {
        Shape::Bars | Shape::Medals => {
            let plot_width = f64::from(area_width) - f64::from(y_label_area);
            bars::group_labels(&scene, plot_width, f64::from(area_height))
        }
        Shape::Lines | Shape::Ranked => Vec::new(),
    };
    let x_label_area = names_height(data, style, &labels);
    let mut builder = ChartBuilder::on(&area);
    builder
        .x_label_area_size(x_label_area)
        .y_label_area_size(y_label_area);

    if data.rows.is_empty() {
        let (w, h) = area.dim_in_pixel();
        area.draw(&Text::new(
            lang.strings().nothing_selected,
            (w as i32 / 2, h as i32 / 2),
            style.small().pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
        return Ok(Picture::default());
    }

    match data.shape {
        // Names that do not fit under upright bars get rows of their own, with room to wrap.
        Shape::Bars | Shape::Medals if labels.iter().any(|l| !l.cut.is_empty()) => {
            across::draw_bars_across(&scene, builder)
        }
        Shape::Bars | Shape::Medals => Ok(Picture {
            hits: bars::draw_bars(&scene, builder, &labels)?,
            ..Picture::default()
        }),
        Shape::Lines => {
            let plot_height = f64::from(area_height) - f64::from(x_label_area);
            Ok(Picture {
                hits: lines::draw_lines(&scene, builder, plot_height)?,
                ..Picture::default()
            })
        }
        Shape::Ranked => ranked::draw_ranked(&scene, builder),
    }
}

/// The chart's title. Returns where the legend starts, under it.
fn draw_title<DB: DrawingBackend>(scene: &Scene<DB>) -> DrawResult<i32, DB> {
    let Scene {
        root, data, style, ..
    } = scene;
    let pad = style.px(12.0);
    let title_size = style.font(1.35);
    root.draw(&Text::new(
        title(data, scene.lang),
        (pad, pad),
        (FONT, title_size).into_font().color(&style.ink()),
    ))?;
    let mut below = pad + (title_size * 1.5) as i32;
    // Chinese labels carry the English name underneath where the data has one.
    if let (Lang::Zh, Some(english)) = (scene.lang, &data.title.en) {
        root.draw(&Text::new(english.clone(), (pad, below), style.small()))?;
        below += (style.font(0.9) * 1.5) as i32;
    }
    Ok(below)
}

/// How wide the value axis's labels are: wide enough for the longest tick label ("1,500" in a
/// big screen's type is three times as wide as in a laptop's).
fn value_labels_width(data: &ChartData, style: &Style) -> u32 {
    let widest_tick = format!("{}0", format::number(nice_top(data.max_value())));
    (estimate_width(&widest_tick, style.font(1.0)) + style.px(10.0)).max(style.px(if data.rank {
        40.0
    } else {
        56.0
    })) as u32
}

/// How tall the area under the plot is: a line of years, or, under bars, the tallest of the
/// groups' names (each on as many lines as it needs, up to `GroupLabel`'s limits).
fn names_height(data: &ChartData, style: &Style, labels: &[GroupLabel]) -> u32 {
    let height = match data.shape {
        Shape::Lines => style.font(1.0) * 1.6,
        _ => {
            let tallest = labels.iter().map(|l| l.height(style)).fold(0.0, f64::max);
            tallest.max(style.font(1.0) * 1.3) + style.font(0.6)
        }
    };
    height as u32
}
