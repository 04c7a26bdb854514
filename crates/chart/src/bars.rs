//! Upright bars: the rows of a group side by side, each bar's value over it, the group's name
//! under it; a stub and "no data" where a row has no value.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use sportdash_core::describe::{group_label, series_label, value_label};
use sportdash_core::lang::Lang;
use sportdash_core::model::Status;
use sportdash_core::query::{Cell, ChartData, Group, Row, SeriesKey};

use crate::levels::{draw_beside_bars, Values};
use crate::text::{axis_number, estimate_width, nice_top, whole_numbers, wrap};
use crate::{DrawResult, Hit, Plot, Scene, Style, FONT};

/// The name under a group of bars, wrapped to the group's width: the place on up to two lines,
/// its competition or event on up to three. `cut` holds the names that still did not fit.
pub(crate) struct GroupLabel {
    first: Vec<String>,
    second: Vec<String>,
    /// The second name's type size, as a factor of the body's.
    second_size: f64,
    pub(crate) cut: Vec<String>,
}

impl GroupLabel {
    const FIRST_LINES: usize = 2;
    /// The sizes (of the body's) the second name is tried at, larger first, until it fits:
    /// the smallest still reads on a phone and from the back of a meeting room.
    const SECOND_SIZES: [f64; 3] = [0.9, 0.8, 0.72];

    fn new<DB: DrawingBackend>(
        scene: &Scene<DB>,
        group: &Group,
        group_width: f64,
        height: f64,
    ) -> Self {
        let style = scene.style;
        let room = (group_width * 0.96) as i32;
        let (first, second) = group_label(group, scene.catalog, scene.lang);
        let is_cut = |text: &str, lines: &[String]| {
            lines.last().is_some_and(|l| l.ends_with('…')) && !text.ends_with('…')
        };
        let mut cut = Vec::new();
        let first_lines = wrap(&first, style.font(1.0), room, Self::FIRST_LINES);
        if is_cut(&first, &first_lines) {
            cut.push(first);
        }
        // At least three lines, more where the chart is tall enough to give them.
        let left = height - first_lines.len() as f64 * Self::first_line_height(style);
        let lines_in = |size: f64| ((left / (style.font(size) * 1.25)) as usize).max(3);
        let (second, second_size) = match second {
            None => (Vec::new(), Self::SECOND_SIZES[0]),
            Some(text) => {
                let tried = Self::SECOND_SIZES
                    .map(|size| (wrap(&text, style.font(size), room, lines_in(size)), size));
                let fitting = tried.iter().find(|(lines, _)| !is_cut(&text, lines));
                match fitting {
                    Some(found) => found.clone(),
                    None => {
                        cut.push(text);
                        tried[tried.len() - 1].clone()
                    }
                }
            }
        };
        GroupLabel {
            first: first_lines,
            second,
            second_size,
            cut,
        }
    }

    fn first_line_height(style: &Style) -> f64 {
        style.font(1.0) * 1.25
    }

    fn second_line_height(&self, style: &Style) -> f64 {
        style.font(self.second_size) * 1.25
    }

    /// How tall the label is when drawn.
    pub(crate) fn height(&self, style: &Style) -> f64 {
        self.first.len() as f64 * Self::first_line_height(style)
            + self.second.len() as f64 * self.second_line_height(style)
    }
}

/// The names under the groups of bars, on a plot `width` × `height` pixels.
pub(crate) fn group_labels<DB: DrawingBackend>(
    scene: &Scene<DB>,
    width: f64,
    height: f64,
) -> Vec<GroupLabel> {
    let group_width = width.max(1.0) / scene.data.groups.len().max(1) as f64;
    // Names may take up to a third of the chart's height, at least three lines of their own.
    let name_room = height / 3.0;
    scene
        .data
        .groups
        .iter()
        .map(|g| GroupLabel::new(scene, g, group_width, name_room))
        .collect()
}

/// What a bar shows of a row's value: up to `value`, an outlined range on to `max`, and drawn
/// hollow where it is a target. `None` for a row with no data.
#[derive(Clone, Copy)]
pub(crate) struct BarValue {
    pub(crate) value: f64,
    pub(crate) max: Option<f64>,
    pub(crate) target: bool,
}

impl BarValue {
    pub(crate) fn of(cell: &Cell) -> Option<BarValue> {
        match cell {
            Cell::NoData => None,
            Cell::Value {
                observation,
                value,
                value_max,
                ..
            } => Some(BarValue {
                value: *value,
                max: *value_max,
                target: observation.status == Status::Target,
            }),
            Cell::Reference { .. } => None,
        }
    }
}

/// A medal count with its medal's letter: "金81" in Chinese, "G 81" in English.
pub(crate) fn lettered<DB: DrawingBackend>(scene: &Scene<DB>, row: &Row) -> String {
    let medal = series_label(scene.data, row.series, scene.catalog, scene.lang);
    let label = value_label(row, scene.lang);
    match scene.lang {
        Lang::Zh => format!("{medal}{label}"),
        Lang::En => format!("{} {label}", medal.chars().next().unwrap_or(' ')),
    }
}

/// Draws `scene`'s bars upright, in groups named by `labels`.
pub(crate) fn draw_bars<DB: DrawingBackend>(
    scene: &Scene<DB>,
    builder: ChartBuilder<DB>,
    labels: &[GroupLabel],
) -> DrawResult<Vec<Hit>, DB> {
    let mut chart = draw_axes(scene, builder)?;
    let (x_pixels, _) = chart.plotting_area().get_pixel_range();
    let group_width = (x_pixels.end - x_pixels.start) as f64 / group_count(scene.data);
    let letters = letters_fit(scene, group_width);
    let mut hits = Vec::new();
    for (g, label) in labels.iter().enumerate() {
        hits.extend(draw_group(scene, &mut chart, g, group_width, letters)?);
        draw_group_name(scene, &chart, g, group_width, label)?;
    }
    hits.extend(draw_beside_bars(scene, &mut chart, Values::Up)?);
    Ok(hits)
}

/// How many groups there are, at least one: the plot's width in groups.
fn group_count(data: &ChartData) -> f64 {
    data.groups.len().max(1) as f64
}

/// The plot, groups along x and values up the y axis, its ticks and grid drawn.
fn draw_axes<'p, DB: DrawingBackend>(
    scene: &Scene<DB>,
    mut builder: ChartBuilder<DB>,
) -> DrawResult<Plot<'p, DB>, DB> {
    let (data, style) = (scene.data, scene.style);
    let top = nice_top(data.max_value());
    let whole = whole_numbers(data);
    let y_format = |v: &f64| axis_number(*v, whole);
    let mut chart = builder.build_cartesian_2d(0f64..group_count(data), 0f64..top)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .x_label_formatter(&|_| String::new())
        .y_labels(6)
        .y_label_formatter(&y_format)
        .light_line_style(style.grid().mix(0.0))
        .bold_line_style(style.grid())
        .axis_style(style.muted().stroke_width(style.stroke(1.0)))
        .label_style(style.small())
        .draw()?;
    Ok(chart)
}

/// A bar's share of its group's width when `bars` stand side by side.
fn bar_width(bars: usize) -> f64 {
    (0.8 / bars.max(1) as f64).min(0.32)
}

/// How wide the labels over group `g`'s bars may be, in pixels. A lone bar's label may use its
/// whole group; side by side, each gets its bar's pitch. A group with nothing reported gets one
/// "no data" label across its stubs.
fn label_room(data: &ChartData, g: usize, group_width: f64) -> f64 {
    let mut rows = data
        .rows
        .iter()
        .filter(|r| r.group == g && !r.is_reference());
    let n = rows.clone().count();
    if n > 1 && !rows.all(|r| matches!(r.cell, Cell::NoData)) {
        group_width * bar_width(n)
    } else {
        group_width * 0.96
    }
}

/// How large a label can be in `room` pixels, at most the body size.
fn fitting(style: &Style, label: &str, room: f64) -> f64 {
    style.font(1.0) * room / estimate_width(label, style.font(1.0)).max(1) as f64
}

/// Whether the medals' bars carry their letter. A medal's letter (金/银/铜, also told by the
/// bar's colour and the legend) is written on every bar, or, where on some it would shrink the
/// number below readable size, on none.
fn letters_fit<DB: DrawingBackend>(scene: &Scene<DB>, group_width: f64) -> bool {
    let data = scene.data;
    data.rows
        .iter()
        .filter(|r| matches!(data.series[r.series].key, SeriesKey::Medal(_)))
        .filter(|r| matches!(r.cell, Cell::Value { .. }))
        .all(|r| {
            let room = label_room(data, r.group, group_width);
            fitting(scene.style, &lettered(scene, r), room) >= scene.style.font(0.8)
        })
}

/// Where one bar stands: its row, its edges on the x axis (`x0`, `x1`) and on the backend
/// (`left`, `right`), its base on the backend, and how wide its label may be.
struct Slot<'r> {
    index: usize,
    row: &'r Row,
    x0: f64,
    x1: f64,
    left: i32,
    right: i32,
    base: i32,
    label_room: f64,
}

impl Slot<'_> {
    fn centre(&self) -> i32 {
        (self.left + self.right) / 2
    }
}

/// The bars of group `g`, side by side, a stub for each row with no data.
fn draw_group<DB: DrawingBackend>(
    scene: &Scene<DB>,
    chart: &mut Plot<DB>,
    g: usize,
    group_width: f64,
    letters: bool,
) -> DrawResult<Vec<Hit>, DB> {
    let data = scene.data;
    let rows: Vec<(usize, &Row)> = data
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.group == g && !r.is_reference())
        .collect();
    let n = rows.len().max(1) as f64;
    let bar = bar_width(rows.len());
    let start = g as f64 + 0.5 - bar * n / 2.0;
    let all_missing = rows.iter().all(|(_, r)| matches!(r.cell, Cell::NoData));
    let label_room = label_room(data, g, group_width);
    let mut hits = Vec::new();
    for (k, &(index, row)) in rows.iter().enumerate() {
        let x0 = start + bar * k as f64;
        let x1 = x0 + bar * 0.9;
        let (left, base) = chart.backend_coord(&(x0, 0.0));
        let (right, _) = chart.backend_coord(&(x1, 0.0));
        let slot = Slot {
            index,
            row,
            x0,
            x1,
            left,
            right,
            base,
            label_room,
        };
        let hit = match BarValue::of(&row.cell) {
            None => {
                // Where the whole group is missing, one label over the group's middle.
                let label_at = if !all_missing {
                    Some(slot.centre())
                } else if k == 0 {
                    let (group_left, _) = chart.backend_coord(&(g as f64, 0.0));
                    Some(group_left + (group_width / 2.0) as i32)
                } else {
                    None
                };
                draw_stub(scene, chart, &slot, label_at)?
            }
            Some(value) => draw_bar(scene, chart, &slot, value, letters)?,
        };
        hits.push(hit);
    }
    Ok(hits)
}

/// A row with no data: a short outlined stub, and "no data" over it at `label_at` (x).
fn draw_stub<DB: DrawingBackend>(
    scene: &Scene<DB>,
    chart: &Plot<DB>,
    slot: &Slot,
    label_at: Option<i32>,
) -> DrawResult<Hit, DB> {
    let style = scene.style;
    let stub = style.px(18.0);
    chart.plotting_area().draw(&Rectangle::new(
        [(slot.x0, 0.0), (slot.x1, 0.0)],
        style.muted().stroke_width(1),
    ))?;
    scene.root.draw(&Rectangle::new(
        [(slot.left, slot.base - stub), (slot.right, slot.base)],
        style.muted().mix(0.6).stroke_width(style.stroke(1.0)),
    ))?;
    if let Some(x) = label_at {
        no_data_label(
            scene.root,
            scene.lang.strings().no_data,
            (x, slot.base - stub - style.px(4.0)),
            slot.label_room,
            style,
        )?;
    }
    Ok(Hit {
        left: slot.left,
        top: slot.base - stub - style.px(40.0),
        right: slot.right,
        bottom: slot.base,
        row: slot.index,
    })
}

/// A row's bar, with its value over it (and its medal's letter where `letters`).
fn draw_bar<DB: DrawingBackend>(
    scene: &Scene<DB>,
    chart: &mut Plot<DB>,
    slot: &Slot,
    bar: BarValue,
    letters: bool,
) -> DrawResult<Hit, DB> {
    let (data, style, row) = (scene.data, scene.style, slot.row);
    let (x0, x1) = (slot.x0, slot.x1);
    let colour = style.series(data, row.series);
    let fill = if bar.target {
        colour.mix(0.25).filled()
    } else {
        colour.filled()
    };
    chart.draw_series(std::iter::once(Rectangle::new(
        [(x0, 0.0), (x1, bar.value)],
        fill,
    )))?;
    if bar.target {
        chart.draw_series(std::iter::once(Rectangle::new(
            [(x0, 0.0), (x1, bar.value)],
            colour.stroke_width(style.stroke(2.0)),
        )))?;
    } else if let SeriesKey::Medal(_) = data.series[row.series].key {
        // Outlined, so the light silver bar stands out on a white ground.
        chart.draw_series(std::iter::once(Rectangle::new(
            [(x0, 0.0), (x1, bar.value)],
            style.ink().mix(0.45).stroke_width(style.stroke(1.0)),
        )))?;
    }
    if let Some(max) = bar.max {
        chart.draw_series(std::iter::once(Rectangle::new(
            [(x0, bar.value), (x1, max)],
            colour.mix(0.6).stroke_width(style.stroke(1.5)),
        )))?;
    }
    let (_, bar_top) = chart.backend_coord(&(x0, bar.max.unwrap_or(bar.value)));
    // Labels shrink to their bar's slot so neighbours never overlap.
    let label = match data.series[row.series].key {
        SeriesKey::Medal(_) if letters => lettered(scene, row),
        _ => value_label(row, scene.lang),
    };
    let size = fitting(style, &label, slot.label_room).clamp(style.font(0.55), style.font(1.0));
    scene.root.draw(&Text::new(
        label,
        (slot.centre(), bar_top - style.px(3.0)),
        (FONT, size)
            .into_font()
            .color(&style.ink())
            .pos(Pos::new(HPos::Center, VPos::Bottom)),
    ))?;
    Ok(Hit {
        left: slot.left,
        top: bar_top.min(slot.base - style.px(8.0)) - style.px(18.0),
        right: slot.right,
        bottom: slot.base,
        row: slot.index,
    })
}

/// Group `g`'s name under its bars: the place in the body's type, then its competition or
/// event, smaller and muted.
fn draw_group_name<DB: DrawingBackend>(
    scene: &Scene<DB>,
    chart: &Plot<DB>,
    g: usize,
    group_width: f64,
    label: &GroupLabel,
) -> DrawResult<(), DB> {
    let style = scene.style;
    let (x_pixels, y_pixels) = chart.plotting_area().get_pixel_range();
    let cx = x_pixels.start + ((g as f64 + 0.5) * group_width) as i32;
    let mut top = f64::from(y_pixels.end + style.px(6.0));
    let body = style.body();
    let second_font = (FONT, style.font(label.second_size))
        .into_font()
        .color(&style.muted());
    for (text, font, line) in label
        .first
        .iter()
        .map(|t| (t, &body, GroupLabel::first_line_height(style)))
        .chain(
            label
                .second
                .iter()
                .map(|t| (t, &second_font, label.second_line_height(style))),
        )
    {
        scene.root.draw(&Text::new(
            text.clone(),
            (cx, top as i32),
            font.pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
        top += line;
    }
    Ok(())
}

/// "No data" over a stub, its bottom centre at `at`, within `room` pixels across. Where it does
/// not fit across at a readable size (a phone's narrow bars), it stands upright in one glyph's
/// width: Chinese written top to bottom, a glyph under another, as Chinese may be; other text
/// turned to read upwards.
fn no_data_label<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    label: &str,
    at: (i32, i32),
    room: f64,
    style: &Style,
) -> DrawResult<(), DB> {
    // Readable: 12 CSS pixels at the smallest body size (14).
    let (largest, readable) = (style.font(0.9), style.font(0.86));
    let across = largest * room / estimate_width(label, largest).max(1) as f64;
    let font = |size: f64| (FONT, size).into_font().color(&style.muted());
    if across >= readable {
        let size = across.min(largest);
        let pos = Pos::new(HPos::Center, VPos::Bottom);
        return root.draw(&Text::new(label, at, font(size).pos(pos)));
    }
    // Upright, a glyph's height is what must fit across.
    let size = room.clamp(style.font(0.55), largest);
    if label.is_ascii() {
        let pos = Pos::new(HPos::Left, VPos::Center);
        let upwards = font(size).transform(FontTransform::Rotate270).pos(pos);
        return root.draw(&Text::new(label, at, upwards));
    }
    let glyphs: Vec<char> = label.chars().collect();
    let line = (size * 1.05).round() as i32;
    for (i, glyph) in glyphs.iter().enumerate() {
        let above = (glyphs.len() - 1 - i) as i32 * line;
        let pos = Pos::new(HPos::Center, VPos::Bottom);
        root.draw(&Text::new(
            glyph.to_string(),
            (at.0, at.1 - above),
            font(size).pos(pos),
        ))?;
    }
    Ok(())
}
