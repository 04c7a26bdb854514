//! Bars laid across: one row per group, its name on the left with room to wrap, its bars
//! running right. For groups whose names do not fit under upright bars (many events with long
//! names on a presentation's slide): a long name reads better beside a bar than cut under it.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use sportdash_core::describe::value_label;
use sportdash_core::i18n::entity_name;
use sportdash_core::lang::Lang;
use sportdash_core::model::Catalog;
use sportdash_core::query::{ChartData, Group, Row, SeriesKey, Shape};

use crate::bars::{lettered, BarValue};
use crate::levels::{draw_beside_bars, Values};
use crate::text::{axis_number, estimate_width, nice_top, whole_numbers, wrap};
use crate::{DrawResult, Hit, Picture, Plot, Scene, Style, FONT};

/// The share of the chart's width the names may take beside their bars.
const NAME_SHARE: f64 = 0.42;

/// A group's name as drawn beside its bars: its lines at one type size (a factor of the body
/// size), and the name itself where even the smallest size could not hold it.
struct Name {
    lines: Vec<String>,
    size: f64,
    cut: Option<String>,
}

impl Name {
    /// The sizes tried, largest first; only those at least `READABLE` CSS pixels tall are.
    const SIZES: [f64; 5] = [1.0, 0.9, 0.8, 0.7, 0.6];
    const READABLE: f64 = 11.0;

    /// `text` wrapped into `width` pixels and the lines `height` pixels hold, at the largest
    /// readable size no larger than `largest` at which it fits whole.
    fn new(text: String, largest: f64, style: &Style, width: i32, height: f64) -> Self {
        let sizes = Self::SIZES
            .into_iter()
            .filter(|&f| f <= largest && style.font_size * f >= Self::READABLE);
        let mut last = None;
        for size in sizes {
            let most = ((height / (style.font(size) * 1.2)) as usize).max(1);
            let lines = wrap(&text, style.font(size), width, most);
            let whole = !lines.last().is_some_and(|l| l.ends_with('…')) || text.ends_with('…');
            if whole {
                return Name {
                    lines,
                    size,
                    cut: None,
                };
            }
            last = Some((lines, size));
        }
        let (lines, size) = last.unwrap_or_else(|| (wrap(&text, style.font(1.0), width, 1), 1.0));
        Name {
            lines,
            size,
            cut: Some(text),
        }
    }

    /// The names of every row at one size: the largest at which all of them fit.
    fn all(texts: Vec<String>, style: &Style, width: i32, height: f64) -> Vec<Name> {
        let smallest = texts
            .iter()
            .map(|t| Name::new(t.clone(), 1.0, style, width, height).size)
            .fold(1.0, f64::min);
        texts
            .into_iter()
            .map(|t| Name::new(t, smallest, style, width, height))
            .collect()
    }

    fn height(&self, style: &Style) -> f64 {
        self.lines.len() as f64 * style.font(self.size) * 1.2
    }
}

/// A row's name: the place, then its competition or event. The year is left to the bars'
/// colours and the legend, except for medals, whose competitions are told apart by it.
fn row_name(group: &Group, data: &ChartData, catalog: &Catalog, lang: Lang) -> String {
    match group {
        Group::Year(year) => year.to_string(),
        Group::Entity {
            entity,
            context,
            year,
        } => {
            let mut name = entity_name(catalog, entity, lang);
            if let Some(context) = context {
                name.push_str(" · ");
                if let (Shape::Medals, Some(year)) = (data.shape, year) {
                    name.push_str(&format!("{year} · "));
                }
                name.push_str(lang.pick(context));
            }
            name
        }
    }
}

/// The value axis along the bottom of bars laid across, with `label_area` pixels on its left for
/// the groups' names: the plot, values along x and one band per group up the y axis.
pub(crate) fn draw_value_axis<'p, DB: DrawingBackend>(
    scene: &Scene<DB>,
    mut builder: ChartBuilder<DB>,
    label_area: i32,
) -> DrawResult<Plot<'p, DB>, DB> {
    let (data, style) = (scene.data, scene.style);
    // Room on the right for half the last tick's label, which is centred on the axis's end.
    let last_tick = estimate_width(
        &axis_number(nice_top(data.max_value()), true),
        style.font(0.9),
    );
    builder
        .y_label_area_size(label_area as u32)
        .x_label_area_size((style.font(1.0) * 1.8) as u32)
        .margin_right((last_tick / 2) as u32);
    let whole = whole_numbers(data);
    let x_format = |v: &f64| axis_number(*v, whole);
    let count = data.groups.len().max(1) as f64;
    let mut chart = builder.build_cartesian_2d(0f64..nice_top(data.max_value()), 0f64..count)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .y_label_formatter(&|_| String::new())
        .x_labels(6)
        .x_label_formatter(&x_format)
        .light_line_style(style.grid().mix(0.0))
        .bold_line_style(style.grid())
        .axis_style(style.muted().stroke_width(style.stroke(1.0)))
        .label_style(style.small())
        .draw()?;
    Ok(chart)
}

/// How a group's band is laid out: `height` pixels tall, the name `above` its bars (on a phone's
/// narrow chart) or beside them.
#[derive(Clone, Copy)]
struct Band {
    above: bool,
    height: f64,
}

impl Band {
    /// How tall a band must be for `bars` bars, each a step at least as tall as its value's
    /// smallest readable type, under `name` wrapped whole in full-size type into `width` pixels
    /// (the most a name takes, at any band's height), or beside it. The shares of the band are
    /// `draw_name`'s and `draw_group_bars`'.
    fn needed(self, style: &Style, name: &str, width: i32, bars: usize) -> f64 {
        let bars = bars.max(1) as f64 * style.font(0.86) * 1.15;
        if self.above {
            let lines = wrap(name, style.font(1.0), width, usize::MAX).len();
            (lines as f64 * style.font(1.0) * 1.2 + bars) / 0.88
        } else {
            bars / 0.84
        }
    }
}

/// Draws `data` (bars or medals) with its groups as rows.
pub(super) fn draw_bars_across<DB: DrawingBackend>(
    scene: &Scene<DB>,
    builder: ChartBuilder<DB>,
) -> DrawResult<Picture, DB> {
    let (data, style) = (scene.data, scene.style);
    let (width, _) = scene.root.dim_in_pixel();
    // On a phone's narrow chart each name has the whole width, on its own line above its bars.
    let above = f64::from(width) / style.scale < 600.0;
    let room = (f64::from(width) * NAME_SHARE) as i32;
    let names: Vec<String> = data
        .groups
        .iter()
        .map(|g| row_name(g, data, scene.catalog, scene.lang))
        .collect();
    let widest = names
        .iter()
        .map(|n| estimate_width(n, style.font(1.0)))
        .max()
        .unwrap_or(0);
    let label_area = if above {
        style.px(4.0)
    } else {
        (widest + style.px(16.0)).min(room + style.px(16.0))
    };
    let mut chart = draw_value_axis(scene, builder, label_area)?;
    let (x_pixels, y_pixels) = chart.plotting_area().get_pixel_range();
    let count = data.groups.len().max(1) as f64;
    let band = Band {
        above,
        height: (y_pixels.end - y_pixels.start) as f64 / count,
    };
    let (name_width, name_height) = if above {
        (x_pixels.end - x_pixels.start, band.height * 0.55)
    } else {
        (label_area - style.px(14.0), band.height * 0.92)
    };

    let band_needed = names
        .iter()
        .enumerate()
        .map(|(g, name)| band.needed(style, name, name_width, bars_of(data, g).count()))
        .fold(band.height, f64::max);
    let mut hits = Vec::new();
    let mut cut = Vec::new();
    for (g, name) in Name::all(names, style, name_width, name_height)
        .into_iter()
        .enumerate()
    {
        let bars_top = draw_name(scene, &chart, band, g, &name)?;
        cut.extend(name.cut);
        hits.extend(draw_group_bars(scene, &mut chart, g, bars_top)?);
    }
    hits.extend(draw_beside_bars(scene, &mut chart, Values::Along)?);
    Ok(Picture {
        hits,
        cut,
        short_by: ((band_needed - band.height) * count).ceil() as u32,
    })
}

/// Group `g`'s rows drawn as bars (a stub for each row with no data), with their indices.
fn bars_of(data: &ChartData, g: usize) -> impl Iterator<Item = (usize, &Row)> {
    data.rows
        .iter()
        .enumerate()
        .filter(move |(_, r)| r.group == g && !r.is_reference())
}

/// The top of group `g`'s band on the y axis, the first group's at the top of the plot.
fn band_top(data: &ChartData, g: usize) -> f64 {
    data.groups.len().max(1) as f64 - g as f64
}

/// Group `g`'s name, above its bars or beside them. Returns where its bars may start, on the
/// y axis: the band's top, or what the name above them leaves of it.
fn draw_name<DB: DrawingBackend>(
    scene: &Scene<DB>,
    chart: &Plot<DB>,
    band: Band,
    g: usize,
    name: &Name,
) -> DrawResult<f64, DB> {
    let style = scene.style;
    let (x_pixels, _) = chart.plotting_area().get_pixel_range();
    // Group `g` is the g-th row from the top; above its bars, or beside them.
    let slot_top = band_top(scene.data, g);
    let (x, mut y, anchor) = if band.above {
        let (_, top) = chart.backend_coord(&(0.0, slot_top));
        (
            x_pixels.start,
            f64::from(top) + band.height * 0.04,
            HPos::Left,
        )
    } else {
        let (_, middle) = chart.backend_coord(&(0.0, slot_top - 0.5));
        let y = f64::from(middle) - name.height(style) / 2.0;
        (x_pixels.start - style.px(8.0), y, HPos::Right)
    };
    let font = (FONT, style.font(name.size))
        .into_font()
        .color(&style.ink())
        .pos(Pos::new(anchor, VPos::Top));
    for line in &name.lines {
        scene
            .root
            .draw(&Text::new(line.clone(), (x, y as i32), font.clone()))?;
        y += style.font(name.size) * 1.2;
    }
    // The bars take the band's height, or what the name above them leaves of it.
    Ok(if band.above {
        slot_top - (name.height(style) + band.height * 0.06) / band.height
    } else {
        slot_top - 0.1
    })
}

/// Where one bar lies: its row (the `index`-th), its edges on the y axis (`y0` below, `y1`
/// above) and on the backend, and the type of its label.
struct Slot<'r> {
    index: usize,
    row: &'r Row,
    y0: f64,
    y1: f64,
    left: i32,
    top: i32,
    bottom: i32,
    font: TextStyle<'static>,
}

impl Slot<'_> {
    fn centre(&self) -> i32 {
        (self.top + self.bottom) / 2
    }
}

/// Group `g`'s bars, one under another below `bars_top`, a stub for each row with no data.
fn draw_group_bars<DB: DrawingBackend>(
    scene: &Scene<DB>,
    chart: &mut Plot<DB>,
    g: usize,
    bars_top: f64,
) -> DrawResult<Vec<Hit>, DB> {
    let (data, style) = (scene.data, scene.style);
    let rows: Vec<(usize, &Row)> = bars_of(data, g).collect();
    let n = rows.len().max(1) as f64;
    let slot_top = band_top(data, g);
    let bottom = slot_top - 0.94;
    let bar = ((bars_top - bottom) / n).min(0.5);
    let start = (bars_top + bottom) / 2.0 + bar * n / 2.0;
    let mut hits = Vec::new();
    for (k, &(index, row)) in rows.iter().enumerate() {
        let (y1, y0) = (start - bar * k as f64, start - bar * k as f64 - bar * 0.85);
        let (left, top) = chart.backend_coord(&(0.0, y1));
        let (_, bottom) = chart.backend_coord(&(0.0, y0));
        // As tall as the bar allows, never below readable size.
        let size = style
            .font(0.9)
            .min(f64::from(bottom - top) * 0.95)
            .max(style.font(0.86));
        let font = (FONT, size)
            .into_font()
            .color(&style.ink())
            .pos(Pos::new(HPos::Left, VPos::Center));
        let slot = Slot {
            index,
            row,
            y0,
            y1,
            left,
            top,
            bottom,
            font,
        };
        hits.push(match BarValue::of(&row.cell) {
            None => draw_stub(scene, &slot)?,
            Some(value) => draw_bar(scene, chart, &slot, value)?,
        });
    }
    Ok(hits)
}

/// A row with no data: a short outlined stub, "no data" after it.
fn draw_stub<DB: DrawingBackend>(scene: &Scene<DB>, slot: &Slot) -> DrawResult<Hit, DB> {
    let style = scene.style;
    let stub = style.px(18.0);
    scene.root.draw(&Rectangle::new(
        [(slot.left, slot.top), (slot.left + stub, slot.bottom)],
        style.muted().mix(0.6).stroke_width(style.stroke(1.0)),
    ))?;
    scene.root.draw(&Text::new(
        scene.lang.strings().no_data,
        (slot.left + stub + style.px(6.0), slot.centre()),
        slot.font.color(&style.muted()),
    ))?;
    Ok(Hit {
        left: slot.left,
        top: slot.top,
        right: slot.left + stub + style.px(60.0),
        bottom: slot.bottom,
        row: slot.index,
    })
}

/// A row's bar, its value (with its medal's letter) after it.
fn draw_bar<DB: DrawingBackend>(
    scene: &Scene<DB>,
    chart: &mut Plot<DB>,
    slot: &Slot,
    bar: BarValue,
) -> DrawResult<Hit, DB> {
    let (data, style, row) = (scene.data, scene.style, slot.row);
    let (y0, y1) = (slot.y0, slot.y1);
    let colour = style.series(data, row.series);
    let fill = if bar.target {
        colour.mix(0.25).filled()
    } else {
        colour.filled()
    };
    chart.draw_series(std::iter::once(Rectangle::new(
        [(0.0, y0), (bar.value, y1)],
        fill,
    )))?;
    let outline = if bar.target {
        Some(colour.stroke_width(style.stroke(2.0)))
    } else if let SeriesKey::Medal(_) = data.series[row.series].key {
        Some(style.ink().mix(0.45).stroke_width(style.stroke(1.0)))
    } else {
        None
    };
    if let Some(outline) = outline {
        chart.draw_series(std::iter::once(Rectangle::new(
            [(0.0, y0), (bar.value, y1)],
            outline,
        )))?;
    }
    if let Some(max) = bar.max {
        chart.draw_series(std::iter::once(Rectangle::new(
            [(bar.value, y0), (max, y1)],
            colour.mix(0.6).stroke_width(style.stroke(1.5)),
        )))?;
    }
    let (end, _) = chart.backend_coord(&(bar.max.unwrap_or(bar.value), y1));
    let label = match data.series[row.series].key {
        SeriesKey::Medal(_) => lettered(scene, row),
        _ => value_label(row, scene.lang),
    };
    scene.root.draw(&Text::new(
        label,
        (end + style.px(6.0), slot.centre()),
        slot.font.clone(),
    ))?;
    Ok(Hit {
        left: slot.left,
        top: slot.top,
        right: end.max(slot.left + style.px(8.0)) + style.px(40.0),
        bottom: slot.bottom,
        row: slot.index,
    })
}
