//! Bars laid across: one row per group, its name on the left with room to wrap, its bars
//! running right. For groups whose names do not fit under upright bars (many events with long
//! names on a presentation's slide): a long name reads better beside a bar than cut under it.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{
    axis_number, estimate_width, nice_top, whole_numbers, wrap, DrawResult, Hit, Picture, Style,
    FONT,
};
use sportdash_core::describe::{series_label, value_label};
use sportdash_core::i18n::entity_name;
use sportdash_core::lang::Lang;
use sportdash_core::model::{Catalog, Status};
use sportdash_core::query::{Cell, ChartData, Group, Row, SeriesKey, Shape};

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

/// Draws `data` (bars or medals) with its groups as rows.
pub(super) fn draw_bars_across<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    mut builder: ChartBuilder<DB>,
    data: &ChartData,
    catalog: &Catalog,
    lang: Lang,
    style: &Style,
    small: &TextStyle,
) -> DrawResult<Picture, DB> {
    let groups = data.groups.len().max(1);
    let (width, _) = root.dim_in_pixel();
    // On a phone's narrow chart each name has the whole width, on its own line above its bars.
    let above = f64::from(width) / style.scale < 600.0;
    let room = (f64::from(width) * NAME_SHARE) as i32;
    let names: Vec<String> = data
        .groups
        .iter()
        .map(|g| row_name(g, data, catalog, lang))
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
    let count = groups as f64;
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
        .label_style(small.clone())
        .draw()?;
    let (x_pixels, y_pixels) = chart.plotting_area().get_pixel_range();
    let band = (y_pixels.end - y_pixels.start) as f64 / count;
    let (name_width, name_height) = if above {
        (x_pixels.end - x_pixels.start, band * 0.55)
    } else {
        (label_area - style.px(14.0), band * 0.92)
    };

    let mut hits = Vec::new();
    let mut cut = Vec::new();
    for (g, name) in Name::all(names, style, name_width, name_height)
        .into_iter()
        .enumerate()
    {
        // Group `g` is the g-th row from the top; above its bars, or beside them.
        let slot_top = count - g as f64;
        let (x, mut y, anchor) = if above {
            let (_, top) = chart.backend_coord(&(0.0, slot_top));
            (x_pixels.start, f64::from(top) + band * 0.04, HPos::Left)
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
            root.draw(&Text::new(line.clone(), (x, y as i32), font.clone()))?;
            y += style.font(name.size) * 1.2;
        }
        // The bars take the band's height, or what the name above them leaves of it.
        let bars_top = if above {
            slot_top - (name.height(style) + band * 0.06) / band
        } else {
            slot_top - 0.1
        };
        cut.extend(name.cut);

        let rows: Vec<(usize, &Row)> = data
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.group == g)
            .collect();
        let n = rows.len().max(1) as f64;
        let bottom = slot_top - 0.94;
        let bar = ((bars_top - bottom) / n).min(0.5);
        let start = (bars_top + bottom) / 2.0 + bar * n / 2.0;
        for (k, &(index, row)) in rows.iter().enumerate() {
            let (y1, y0) = (start - bar * k as f64, start - bar * k as f64 - bar * 0.85);
            let colour = style.series(data, row.series);
            let (left, top) = chart.backend_coord(&(0.0, y1));
            let (_, bottom) = chart.backend_coord(&(0.0, y0));
            let centre = (top + bottom) / 2;
            // As tall as the bar allows, never below readable size.
            let size = style
                .font(0.9)
                .min(f64::from(bottom - top) * 0.95)
                .max(style.font(0.86));
            let font = (FONT, size)
                .into_font()
                .color(&style.ink())
                .pos(Pos::new(HPos::Left, VPos::Center));
            match &row.cell {
                Cell::NoData => {
                    let stub = style.px(18.0);
                    root.draw(&Rectangle::new(
                        [(left, top), (left + stub, bottom)],
                        style.muted().mix(0.6).stroke_width(style.stroke(1.0)),
                    ))?;
                    root.draw(&Text::new(
                        lang.strings().no_data,
                        (left + stub + style.px(6.0), centre),
                        font.color(&style.muted()),
                    ))?;
                    hits.push(Hit {
                        left,
                        top,
                        right: left + stub + style.px(60.0),
                        bottom,
                        row: index,
                    });
                }
                Cell::Value {
                    observation,
                    value,
                    value_max,
                    ..
                } => {
                    let target = observation.status == Status::Target;
                    let fill = if target {
                        colour.mix(0.25).filled()
                    } else {
                        colour.filled()
                    };
                    chart.draw_series(std::iter::once(Rectangle::new(
                        [(0.0, y0), (*value, y1)],
                        fill,
                    )))?;
                    let outline = if target {
                        Some(colour.stroke_width(style.stroke(2.0)))
                    } else if let SeriesKey::Medal(_) = data.series[row.series].key {
                        Some(style.ink().mix(0.45).stroke_width(style.stroke(1.0)))
                    } else {
                        None
                    };
                    if let Some(outline) = outline {
                        chart.draw_series(std::iter::once(Rectangle::new(
                            [(0.0, y0), (*value, y1)],
                            outline,
                        )))?;
                    }
                    if let Some(max) = value_max {
                        chart.draw_series(std::iter::once(Rectangle::new(
                            [(*value, y0), (*max, y1)],
                            colour.mix(0.6).stroke_width(style.stroke(1.5)),
                        )))?;
                    }
                    let (end, _) = chart.backend_coord(&(value_max.unwrap_or(*value), y1));
                    let label = match data.series[row.series].key {
                        SeriesKey::Medal(_) => {
                            let medal = series_label(data, row.series, catalog, lang);
                            match lang {
                                Lang::Zh => format!("{medal}{}", value_label(row, lang)),
                                Lang::En => format!(
                                    "{} {}",
                                    medal.chars().next().unwrap_or(' '),
                                    value_label(row, lang)
                                ),
                            }
                        }
                        _ => value_label(row, lang),
                    };
                    root.draw(&Text::new(label, (end + style.px(6.0), centre), font))?;
                    hits.push(Hit {
                        left,
                        top,
                        right: end.max(left + style.px(8.0)) + style.px(40.0),
                        bottom,
                        row: index,
                    });
                }
            }
        }
    }
    Ok(Picture { hits, cut })
}
