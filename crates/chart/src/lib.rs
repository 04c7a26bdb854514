//! Charts, drawn by functions generic over plotters' `DrawingBackend`: the same code draws to
//! the canvas in the browser and to SVG for export and for native tests.
//!
//! Drawing returns the screen rectangles of what was drawn (`Hit`), so a caller can tell which
//! row of the `ChartData` is under the pointer without knowing how the chart was laid out.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

mod across;
mod any_backend;

pub use any_backend::{AnyBackend, Drawn, Surface, SurfaceError};
use plotters_backend::{BackendColor, DrawingErrorKind};

use sportdash_core::describe::{group_label, series_label, title, value_label};
use sportdash_core::format;
use sportdash_core::lang::{Lang, Theme};
use sportdash_core::model::{Catalog, Status};
use sportdash_core::query::{Cell, ChartData, Group, Medal, Row, SeriesKey, Shape};

/// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
pub const PALETTE: [RGBColor; 7] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
    RGBColor(0, 0, 0),
];
// Gold, silver and bronze differ in lightness as well as hue (light silver, mid gold, dark
// bronze), and bars carry their letter (金/银/铜), so they read without colour vision.
const GOLD: RGBColor = RGBColor(214, 165, 0);
const SILVER: RGBColor = RGBColor(200, 206, 212);
const BRONZE: RGBColor = RGBColor(140, 80, 35);

pub const FONT: &str =
    "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif";

/// How to draw. `scale` multiplies every size: the device-pixel ratio on HiDPI screens.
/// `weight` thickens lines and marks, for a screen seen from the back of a room.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    pub scale: f64,
    pub font_size: f64,
    pub theme: Theme,
    pub weight: f64,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            scale: 1.0,
            font_size: 13.0,
            theme: Theme::Light,
            weight: 1.0,
        }
    }
}

impl Style {
    /// How the dashboard draws a chart `width` CSS pixels wide at `ratio` device pixels per CSS
    /// pixel: small type on phones, large on a meeting-room screen; on the presentation's
    /// `stage`, type and marks readable from the back of the room.
    pub fn for_width(width: f64, ratio: f64, theme: Theme, stage: bool) -> Style {
        let (font_size, weight) = if stage {
            ((width / 44.0).clamp(16.0, 40.0), 2.0)
        } else {
            // Never smaller than the page's own text (14 px): a phone, a 760-pixel embed.
            ((width / 62.0).clamp(14.0, 20.0), 1.0)
        };
        Style {
            scale: ratio,
            font_size,
            theme,
            weight,
        }
    }

    fn px(&self, size: f64) -> i32 {
        (size * self.scale).round() as i32
    }

    /// A line width: scaled, and thickened by `weight`.
    fn stroke(&self, size: f64) -> u32 {
        (size * self.scale * self.weight).round().max(1.0) as u32
    }

    fn ground(&self) -> RGBColor {
        match self.theme {
            Theme::Light => WHITE,
            Theme::Dark => RGBColor(12, 16, 22),
        }
    }

    fn ink(&self) -> RGBColor {
        match self.theme {
            Theme::Light => RGBColor(33, 37, 41),
            Theme::Dark => RGBColor(248, 249, 250),
        }
    }

    fn muted(&self) -> RGBColor {
        match self.theme {
            Theme::Light => RGBColor(94, 102, 110),
            Theme::Dark => RGBColor(196, 202, 208),
        }
    }

    fn grid(&self) -> RGBColor {
        match self.theme {
            Theme::Light => RGBColor(222, 226, 230),
            Theme::Dark => RGBColor(64, 70, 78),
        }
    }

    /// A series' colour on this ground: the palette's black turns white on a dark one.
    /// On a dark ground the palette's dark blue and black give way to sky blue and white.
    fn series(&self, data: &ChartData, series: usize) -> RGBColor {
        match (self.theme, series_colour(data, series)) {
            (Theme::Dark, RGBColor(0, 0, 0)) => WHITE,
            (Theme::Dark, RGBColor(0, 114, 178)) => RGBColor(86, 180, 233),
            (Theme::Dark, RGBColor(86, 180, 233)) => RGBColor(0, 114, 178),
            (_, colour) => colour,
        }
    }

    /// A type size: `factor` times the body size, scaled to device pixels.
    pub fn font(&self, factor: f64) -> f64 {
        self.font_size * factor * self.scale
    }
}

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

/// What drawing a chart gives back: where each row was drawn, and the labels that could not be
/// written whole (cut with "…"), which the caller must make readable another way.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Picture {
    pub hits: Vec<Hit>,
    pub cut: Vec<String>,
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

type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The colour of a series: medal colours for gold, silver and bronze, else the palette.
pub fn series_colour(data: &ChartData, series: usize) -> RGBColor {
    match data.series.get(series).map(|s| &s.key) {
        Some(SeriesKey::Medal(Medal::Gold)) => GOLD,
        Some(SeriesKey::Medal(Medal::Silver)) => SILVER,
        Some(SeriesKey::Medal(Medal::Bronze)) => BRONZE,
        _ => PALETTE[series % PALETTE.len()],
    }
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
    root.fill(&style.ground())?;
    let (width, _) = root.dim_in_pixel();
    let pad = style.px(12.0);
    let title_size = style.font(1.35);
    let body = (FONT, style.font(1.0)).into_font().color(&style.ink());
    let small = (FONT, style.font(0.9)).into_font().color(&style.muted());

    root.draw(&Text::new(
        title(data, lang),
        (pad, pad),
        (FONT, title_size).into_font().color(&style.ink()),
    ))?;
    let mut legend_top = pad + (title_size * 1.5) as i32;
    // Chinese labels carry the English name underneath where the data has one.
    if let (Lang::Zh, Some(english)) = (lang, &data.title.en) {
        root.draw(&Text::new(
            english.clone(),
            (pad, legend_top),
            small.clone(),
        ))?;
        legend_top += (style.font(0.9) * 1.5) as i32;
    }
    let legend_bottom = draw_legend(root, data, catalog, lang, style, legend_top, width as i32)?;

    let area = root.margin(
        legend_bottom as u32 + style.px(6.0) as u32,
        pad as u32,
        pad as u32,
        pad as u32,
    );
    // Wide enough for the longest tick label: "1,500" in a big screen's type is three times
    // as wide as in a laptop's.
    let widest_tick = format!("{}0", format::number(nice_top(data.max_value())));
    let y_label_area = (estimate_width(&widest_tick, style.font(1.0)) + style.px(10.0))
        .max(style.px(if data.rank { 40.0 } else { 56.0 })) as u32;
    // Bars are named under their group, on as many lines as the longest name needs (up to
    // `GroupLabel`'s limits); the axis area is as tall as that.
    let (area_width, area_height) = area.dim_in_pixel();
    let group_width = (f64::from(area_width) - f64::from(y_label_area)).max(1.0)
        / data.groups.len().max(1) as f64;
    // Names may take up to a third of the chart's height, at least three lines of their own.
    let name_room = f64::from(area_height) / 3.0;
    let labels: Vec<GroupLabel> = match data.shape {
        Shape::Bars | Shape::Medals => data
            .groups
            .iter()
            .map(|g| GroupLabel::new(g, catalog, lang, style, group_width, name_room))
            .collect(),
        Shape::Lines | Shape::Ranked => Vec::new(),
    };
    let x_label_area = match data.shape {
        Shape::Lines => style.font(1.0) * 1.6,
        _ => {
            let tallest = labels.iter().map(|l| l.height(style)).fold(0.0, f64::max);
            tallest.max(style.font(1.0) * 1.3) + style.font(0.6)
        }
    } as u32;
    let mut builder = ChartBuilder::on(&area);
    builder
        .x_label_area_size(x_label_area)
        .y_label_area_size(y_label_area);

    if data.rows.is_empty() {
        let (w, h) = area.dim_in_pixel();
        area.draw(&Text::new(
            lang.strings().nothing_selected,
            (w as i32 / 2, h as i32 / 2),
            small.pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
        return Ok(Picture::default());
    }

    match data.shape {
        // Names that do not fit under upright bars get rows of their own, with room to wrap.
        Shape::Bars | Shape::Medals if labels.iter().any(|l| !l.cut.is_empty()) => {
            across::draw_bars_across(root, builder, data, catalog, lang, style, &small)
        }
        Shape::Bars | Shape::Medals => {
            let hits = draw_bars(
                root, builder, data, &labels, catalog, lang, style, &body, &small,
            )?;
            Ok(Picture {
                hits,
                cut: Vec::new(),
            })
        }
        Shape::Lines => Ok(Picture {
            hits: draw_lines(
                root,
                builder,
                data,
                lang,
                style,
                &body,
                f64::from(area_height) - f64::from(x_label_area),
            )?,
            cut: Vec::new(),
        }),
        Shape::Ranked => draw_ranked(root, builder, data, catalog, lang, style, &small),
    }
}

/// The name under a group of bars, wrapped to the group's width: the place on up to two lines,
/// its competition or event on up to three. `cut` holds the names that still did not fit.
struct GroupLabel {
    first: Vec<String>,
    second: Vec<String>,
    /// The second name's type size, as a factor of the body's.
    second_size: f64,
    cut: Vec<String>,
}

impl GroupLabel {
    const FIRST_LINES: usize = 2;
    /// The sizes (of the body's) the second name is tried at, larger first, until it fits:
    /// the smallest still reads on a phone and from the back of a meeting room.
    const SECOND_SIZES: [f64; 3] = [0.9, 0.8, 0.72];

    fn new(
        group: &Group,
        catalog: &Catalog,
        lang: Lang,
        style: &Style,
        group_width: f64,
        height: f64,
    ) -> Self {
        let room = (group_width * 0.96) as i32;
        let (first, second) = group_label(group, catalog, lang);
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
    fn height(&self, style: &Style) -> f64 {
        self.first.len() as f64 * Self::first_line_height(style)
            + self.second.len() as f64 * self.second_line_height(style)
    }
}

/// A ranking: one horizontal bar per place, best at the top, its rank and name on the left.
#[allow(clippy::too_many_arguments)]
fn draw_ranked<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    mut builder: ChartBuilder<DB>,
    data: &ChartData,
    catalog: &Catalog,
    lang: Lang,
    style: &Style,
    small: &TextStyle,
) -> DrawResult<Picture, DB> {
    let count = data.groups.len().max(1) as f64;
    let names: Vec<String> = data
        .groups
        .iter()
        .enumerate()
        .map(|(at, group)| format!("{}. {}", at + 1, group_label(group, catalog, lang).0))
        .collect();
    let (width, _) = root.dim_in_pixel();
    let longest = names
        .iter()
        .map(|n| estimate_width(n, style.font(0.95)))
        .max()
        .unwrap_or(0);
    let label_area = (longest + style.px(16.0)).min(width as i32 * 2 / 5);
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
    let colour = style.series(data, 0);
    let (x_pixels, y_pixels) = chart.plotting_area().get_pixel_range();
    // Names and values as tall as a bar's slot allows.
    let slot_height = (y_pixels.end - y_pixels.start) as f64 / count;
    let name_size = style.font(0.95).min(slot_height * 0.8);
    let name_font = (FONT, name_size)
        .into_font()
        .color(&style.ink())
        .pos(Pos::new(HPos::Right, VPos::Center));
    let value_font = (FONT, style.font(0.9).min(slot_height * 0.8))
        .into_font()
        .color(&style.muted())
        .pos(Pos::new(HPos::Left, VPos::Center));
    let mut hits = Vec::new();
    let mut cut = Vec::new();
    for (index, row) in data.rows.iter().enumerate() {
        let slot = count - row.group as f64;
        let (y0, y1) = (slot - 0.85, slot - 0.15);
        let (_, middle) = chart.backend_coord(&(0.0, slot - 0.5));
        let name = fit(&names[row.group], name_size, label_area - style.px(12.0));
        if name != names[row.group] {
            cut.push(names[row.group].clone());
        }
        root.draw(&Text::new(
            name,
            (x_pixels.start - style.px(8.0), middle),
            name_font.clone(),
        ))?;
        let value = match &row.cell {
            Cell::Value { value, .. } => *value,
            Cell::NoData => 0.0,
        };
        chart.draw_series(std::iter::once(Rectangle::new(
            [(0.0, y0), (value, y1)],
            colour.filled(),
        )))?;
        let (right, top) = chart.backend_coord(&(value, y1));
        let (_, bottom) = chart.backend_coord(&(value, y0));
        root.draw(&Text::new(
            value_label(row, lang),
            (right + style.px(6.0), middle),
            value_font.clone(),
        ))?;
        hits.push(Hit {
            left: x_pixels.start,
            top,
            right: right + style.px(40.0),
            bottom,
            row: index,
        });
    }
    Ok(Picture { hits, cut })
}

fn draw_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &ChartData,
    catalog: &Catalog,
    lang: Lang,
    style: &Style,
    top: i32,
    width: i32,
) -> DrawResult<i32, DB> {
    let size = style.font(0.95);
    let font = (FONT, size).into_font().color(&style.ink());
    let swatch = (size * 0.8).round() as i32;
    let line_height = (size * 1.6) as i32;
    let pad = style.px(12.0);
    let (mut x, mut y) = (pad, top);
    let mut entries: Vec<(String, Option<RGBColor>, bool)> = (0..data.series.len())
        .map(|s| {
            (
                series_label(data, s, catalog, lang),
                Some(style.series(data, s)),
                false,
            )
        })
        .collect();
    let has_target = data.rows.iter().any(|r| {
        matches!(&r.cell, Cell::Value { observation, .. } if observation.status == Status::Target)
    });
    if has_target {
        entries.push((lang.strings().target.to_string(), Some(style.muted()), true));
    }
    if data.rank {
        entries.push((lang.strings().rank_note.to_string(), None, false));
    }
    if data
        .rows
        .iter()
        .any(|r| matches!(&r.cell, Cell::Value { also, .. } if !also.is_empty()))
    {
        entries.push((lang.strings().several_reports.to_string(), None, false));
    }
    if data.shape == Shape::Lines && has_gap(data) {
        entries.push((lang.strings().gap_note.to_string(), None, false));
    }
    for (label, colour, hollow) in entries {
        let text_width = estimate_width(&label, size);
        let entry_width = swatch + style.px(6.0) + text_width + style.px(16.0);
        if x + entry_width > width - pad && x > pad {
            x = pad;
            y += line_height;
        }
        let mut text_x = x;
        if let Some(colour) = colour {
            let corner = [
                (x, y + style.px(2.0)),
                (x + swatch, y + style.px(2.0) + swatch),
            ];
            if hollow {
                root.draw(&Rectangle::new(corner, colour.mix(0.25).filled()))?;
                root.draw(&Rectangle::new(
                    corner,
                    colour.stroke_width(style.stroke(1.5)),
                ))?;
            } else {
                root.draw(&Rectangle::new(corner, colour.filled()))?;
            }
            text_x += swatch + style.px(6.0);
        }
        root.draw(&Text::new(label, (text_x, y), font.clone()))?;
        x = text_x + text_width + style.px(16.0);
    }
    Ok(y + line_height)
}

fn has_gap(data: &ChartData) -> bool {
    (0..data.series.len()).any(|s| {
        let present: Vec<usize> = data
            .rows
            .iter()
            .filter(|r| r.series == s && matches!(r.cell, Cell::Value { .. }))
            .map(|r| r.group)
            .collect();
        present.windows(2).any(|w| w[1] > w[0] + 1)
    })
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

/// Roughly how wide text is: CJK glyphs are square, Latin ones about half as wide.
pub fn estimate_width(text: &str, size: f64) -> i32 {
    let units: f64 = text
        .chars()
        .map(|c| if c.is_ascii() { 0.58 } else { 1.0 })
        .sum();
    (units * size).round() as i32
}

/// Shortens `text` to fit `width` pixels, ending with "…" when cut.
pub fn fit(text: &str, size: f64, width: i32) -> String {
    if estimate_width(text, size) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if estimate_width(&format!("{out}{c}…"), size) > width {
            break;
        }
        out.push(c);
    }
    format!("{out}…")
}

#[allow(clippy::too_many_arguments)]
fn draw_bars<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    mut builder: ChartBuilder<DB>,
    data: &ChartData,
    labels: &[GroupLabel],
    catalog: &Catalog,
    lang: Lang,
    style: &Style,
    body: &TextStyle,
    small: &TextStyle,
) -> DrawResult<Vec<Hit>, DB> {
    let groups = data.groups.len().max(1) as f64;
    let top = nice_top(data.max_value());
    let whole = whole_numbers(data);
    let y_format = |v: &f64| axis_number(*v, whole);
    let mut chart = builder.build_cartesian_2d(0f64..groups, 0f64..top)?;
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
        .label_style(small.clone())
        .draw()?;

    let (x_pixels, y_pixels) = chart.plotting_area().get_pixel_range();
    let group_width = (x_pixels.end - x_pixels.start) as f64 / groups;
    let mut hits = Vec::new();

    // A lone bar's label may use its whole group; side by side, each gets its bar's pitch.
    // A group with nothing reported gets one "no data" label across its stubs.
    let bar_of = |n: usize| (0.8 / n.max(1) as f64).min(0.32);
    let label_room_of = |g: usize| {
        let mut rows = data.rows.iter().filter(|r| r.group == g);
        let n = rows.clone().count();
        if n > 1 && !rows.all(|r| matches!(r.cell, Cell::NoData)) {
            group_width * bar_of(n)
        } else {
            group_width * 0.96
        }
    };
    // How large a label can be in `room` pixels, at most the body size.
    let fitting = |label: &str, room: f64| {
        style.font(1.0) * room / estimate_width(label, style.font(1.0)).max(1) as f64
    };
    let lettered = |row: &Row| {
        let medal = series_label(data, row.series, catalog, lang);
        let label = value_label(row, lang);
        match lang {
            Lang::Zh => format!("{medal}{label}"),
            Lang::En => format!("{} {label}", medal.chars().next().unwrap_or(' ')),
        }
    };
    // A medal's letter (金/银/铜, also told by the bar's colour and the legend) is written on
    // every bar, or, where on some it would shrink the number below readable size, on none.
    let letters = data
        .rows
        .iter()
        .filter(|r| matches!(data.series[r.series].key, SeriesKey::Medal(_)))
        .filter(|r| matches!(r.cell, Cell::Value { .. }))
        .all(|r| fitting(&lettered(r), label_room_of(r.group)) >= style.font(0.8));

    for (g, group) in data.groups.iter().enumerate() {
        let rows: Vec<(usize, &Row)> = data
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.group == g)
            .collect();
        let n = rows.len().max(1) as f64;
        let bar = bar_of(rows.len());
        let start = g as f64 + 0.5 - bar * n / 2.0;
        let all_missing = rows.iter().all(|(_, r)| matches!(r.cell, Cell::NoData));
        let label_room = label_room_of(g);
        for (k, &(index, row)) in rows.iter().enumerate() {
            let x0 = start + bar * k as f64;
            let x1 = x0 + bar * 0.9;
            let colour = style.series(data, row.series);
            let (left, base) = chart.backend_coord(&(x0, 0.0));
            let (right, _) = chart.backend_coord(&(x1, 0.0));
            let centre = (left + right) / 2;
            match &row.cell {
                Cell::NoData => {
                    let stub = style.px(18.0);
                    chart.plotting_area().draw(&Rectangle::new(
                        [(x0, 0.0), (x1, 0.0)],
                        style.muted().stroke_width(1),
                    ))?;
                    root.draw(&Rectangle::new(
                        [(left, base - stub), (right, base)],
                        style.muted().mix(0.6).stroke_width(style.stroke(1.0)),
                    ))?;
                    let at = if all_missing {
                        let (group_left, _) = chart.backend_coord(&(g as f64, 0.0));
                        group_left + (group_width / 2.0) as i32
                    } else {
                        centre
                    };
                    if !all_missing || k == 0 {
                        no_data_label(
                            root,
                            lang.strings().no_data,
                            (at, base - stub - style.px(4.0)),
                            label_room,
                            style,
                        )?;
                    }
                    hits.push(Hit {
                        left,
                        top: base - stub - style.px(40.0),
                        right,
                        bottom: base,
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
                        [(x0, 0.0), (x1, *value)],
                        fill,
                    )))?;
                    if target {
                        chart.draw_series(std::iter::once(Rectangle::new(
                            [(x0, 0.0), (x1, *value)],
                            colour.stroke_width(style.stroke(2.0)),
                        )))?;
                    } else if let SeriesKey::Medal(_) = data.series[row.series].key {
                        // Outlined, so the light silver bar stands out on a white ground.
                        chart.draw_series(std::iter::once(Rectangle::new(
                            [(x0, 0.0), (x1, *value)],
                            style.ink().mix(0.45).stroke_width(style.stroke(1.0)),
                        )))?;
                    }
                    if let Some(max) = value_max {
                        chart.draw_series(std::iter::once(Rectangle::new(
                            [(x0, *value), (x1, *max)],
                            colour.mix(0.6).stroke_width(style.stroke(1.5)),
                        )))?;
                    }
                    let (_, bar_top) = chart.backend_coord(&(x0, value_max.unwrap_or(*value)));
                    // Labels shrink to their bar's slot so neighbours never overlap.
                    let label = match data.series[row.series].key {
                        SeriesKey::Medal(_) if letters => lettered(row),
                        _ => value_label(row, lang),
                    };
                    let size = fitting(&label, label_room).clamp(style.font(0.55), style.font(1.0));
                    root.draw(&Text::new(
                        label,
                        (centre, bar_top - style.px(3.0)),
                        (FONT, size)
                            .into_font()
                            .color(&style.ink())
                            .pos(Pos::new(HPos::Center, VPos::Bottom)),
                    ))?;
                    hits.push(Hit {
                        left,
                        top: bar_top.min(base - style.px(8.0)) - style.px(18.0),
                        right,
                        bottom: base,
                        row: index,
                    });
                }
            }
        }

        let cx = x_pixels.start + ((g as f64 + 0.5) * group_width) as i32;
        let mut top = f64::from(y_pixels.end + style.px(6.0));
        let label = &labels[g];
        let second_font = (FONT, style.font(label.second_size))
            .into_font()
            .color(&style.muted());
        for (text, font, line) in label
            .first
            .iter()
            .map(|t| (t, body, GroupLabel::first_line_height(style)))
            .chain(
                label
                    .second
                    .iter()
                    .map(|t| (t, &second_font, label.second_line_height(style))),
            )
        {
            root.draw(&Text::new(
                text.clone(),
                (cx, top as i32),
                font.pos(Pos::new(HPos::Center, VPos::Top)),
            ))?;
            top += line;
        }
        let _ = group;
    }
    Ok(hits)
}

/// A point's value label, before it is known whether and where there is room for it.
struct PointLabel {
    text: String,
    point: (i32, i32),
    gap: i32,
    boxes: [LabelBox; 4],
    latest: bool,
    year: i32,
}

fn draw_lines<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    mut builder: ChartBuilder<DB>,
    data: &ChartData,
    lang: Lang,
    style: &Style,
    body: &TextStyle,
    plot_height: f64,
) -> DrawResult<Vec<Hit>, DB> {
    let years = data.line_years();
    let (first, last) = (
        *years.first().unwrap_or(&0) as f64,
        *years.last().unwrap_or(&0) as f64,
    );
    let max = data.max_value();
    // Ranks are drawn on a negated axis so that 1 (the best) is at the top.
    let rank = data.rank;
    let y_of = |v: f64| if rank { -v } else { v };
    // A point at zero sits a mark's radius above the axis, clear of the years under it.
    let radius = (style.font(0.4) * style.weight).round().max(3.0) as i32;
    let top = nice_top(max);
    let y_range = if rank {
        -(max.max(1.0) + 1.0)..-0.4
    } else {
        -(top * f64::from(radius + style.px(3.0)) / plot_height.max(1.0))..top
    };
    let year_format = |v: &f64| {
        if (v - v.round()).abs() < 1e-6 {
            format!("{}", v.round() as i64)
        } else {
            String::new()
        }
    };
    let whole = whole_numbers(data);
    let y_format = |v: &f64| {
        if rank {
            if (v - v.round()).abs() < 1e-6 && *v < -0.5 {
                format!("{}", -v.round() as i64)
            } else {
                String::new()
            }
        } else if *v < -1e-9 {
            String::new()
        } else {
            axis_number(*v, whole)
        }
    };
    let mut chart = builder.build_cartesian_2d((first - 0.5)..(last + 0.5), y_range)?;
    // Every year has its tick; where their labels would run together, every 2nd, 5th or 10th.
    let (plot_width, _) = chart.plotting_area().dim_in_pixel();
    let year_width = plot_width as f64 / (last - first + 1.0);
    let step = year_label_step(
        year_width,
        estimate_width("2024", style.font(1.0)) as f64 + style.font(0.8),
    );
    let year_format = |v: &f64| match year_format(v) {
        label if (v.round() as i64) % step == 0 => label,
        _ => String::new(),
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(years.len().max(1))
        .x_label_formatter(&year_format)
        .y_labels(if rank { (max as usize + 2).min(12) } else { 6 })
        .y_label_formatter(&y_format)
        .light_line_style(style.grid().mix(0.0))
        .bold_line_style(style.grid())
        .axis_style(style.muted().stroke_width(style.stroke(1.0)))
        .label_style(body.clone())
        .draw()?;

    let mut hits = Vec::new();
    let mut labels: Vec<PointLabel> = Vec::new();
    let body_size = style.font(1.0);
    // Points of different series that would cover each other in a year stand side by side.
    let marks: Vec<(usize, i32, i32)> = data
        .rows
        .iter()
        .enumerate()
        .filter_map(|(index, r)| match &r.cell {
            Cell::Value { value, .. } => {
                let (_, py) = chart.backend_coord(&(f64::from(r.year), y_of(*value)));
                Some((index, r.year, py))
            }
            Cell::NoData => None,
        })
        .collect();
    let shifts = side_by_side(&marks, 2 * radius + style.px(3.0), year_width * 0.8);
    let shift_of = |index: usize| shifts.get(&index).copied().unwrap_or(0.0) / year_width;
    for series in 0..data.series.len() {
        let colour = style.series(data, series);
        let points: Vec<(usize, &Row, f64, f64)> = data
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.series == series)
            .filter_map(|(index, r)| match &r.cell {
                Cell::Value { value, .. } => {
                    Some((index, r, f64::from(r.year) + shift_of(index), y_of(*value)))
                }
                Cell::NoData => None,
            })
            .collect();
        for pair in points.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let segment = vec![(a.2, a.3), (b.2, b.3)];
            let target = [a.1, b.1].iter().any(|r| {
                matches!(&r.cell, Cell::Value { observation, .. } if observation.status == Status::Target)
            });
            if b.1.group > a.1.group + 1 || target {
                let dash = style.px(6.0) as u32;
                chart.draw_series(std::iter::once(DashedPathElement::new(
                    segment,
                    dash,
                    dash,
                    colour.stroke_width(style.stroke(2.0)),
                )))?;
            } else {
                chart.draw_series(std::iter::once(PathElement::new(
                    segment,
                    colour.stroke_width(style.stroke(3.0)),
                )))?;
            }
        }
        for &(index, row, x, y) in &points {
            let target = matches!(&row.cell, Cell::Value { observation, .. } if observation.status == Status::Target);
            if target {
                chart.draw_series(std::iter::once(Circle::new(
                    (x, y),
                    radius,
                    style.ground().filled(),
                )))?;
                chart.draw_series(std::iter::once(Circle::new(
                    (x, y),
                    radius,
                    colour.stroke_width(style.stroke(2.0)),
                )))?;
            } else {
                chart.draw_series(std::iter::once(Circle::new(
                    (x, y),
                    radius,
                    colour.filled(),
                )))?;
            }
            let (px, py) = chart.backend_coord(&(x, y));
            let label = if rank {
                match &row.cell {
                    Cell::Value { value, .. } => match lang {
                        Lang::Zh => format!("第{}", format::number(*value)),
                        Lang::En => format!("#{}", format::number(*value)),
                    },
                    Cell::NoData => String::new(),
                }
            } else {
                value_label(row, lang)
            };
            let gap = radius + style.px(4.0);
            let width = estimate_width(&label, body_size);
            let height = body_size.round() as i32;
            labels.push(PointLabel {
                boxes: Side::ALL.map(|side| side.label_box((px, py), width, height, gap)),
                text: label,
                point: (px, py),
                gap,
                latest: points.last().is_some_and(|p| p.0 == index),
                year: row.year,
            });
            let reach = style.px(14.0);
            hits.push(Hit {
                left: px - reach,
                top: py - reach,
                right: px + reach,
                bottom: py + reach,
                row: index,
            });
        }
    }
    // Each place's latest value first, then the later years before the earlier ones.
    let all = &labels;
    let of_year =
        |year: i32| (0..all.len()).filter(move |&i| !all[i].latest && all[i].year == year);
    let priority: Vec<usize> = (0..labels.len())
        .filter(|&i| labels[i].latest)
        .chain(years.iter().rev().flat_map(|&year| of_year(year)))
        .collect();
    let (x_range, y_range) = chart.plotting_area().get_pixel_range();
    let (width, _) = root.dim_in_pixel();
    let bounds = LabelBox {
        left: x_range.start,
        top: y_range.start - body_size.round() as i32,
        right: width as i32,
        // Above the axis line: below it are the years' labels.
        bottom: y_range.end,
    };
    let boxes: Vec<[LabelBox; 4]> = labels.iter().map(|l| l.boxes).collect();
    let marks: Vec<LabelBox> = labels
        .iter()
        .map(|l| LabelBox {
            left: l.point.0 - radius,
            top: l.point.1 - radius,
            right: l.point.0 + radius,
            bottom: l.point.1 + radius,
        })
        .collect();
    let sides = place_labels(&boxes, &priority, &bounds, &marks);
    for (label, side) in labels.into_iter().zip(sides) {
        if let Some(side) = side {
            let (at, pos) = side.anchor(label.point, label.gap);
            root.draw(&Text::new(label.text, at, body.pos(pos)))?;
        }
    }
    Ok(hits)
}

/// How far (in pixels, along x) to move each mark so that marks of one year that would overlap
/// stand side by side: `marks` are (row, year, pixel y); marks closer than `apart` in a year
/// are spread `apart` from each other around the year, within `room`. Rows not moved are absent.
pub fn side_by_side(
    marks: &[(usize, i32, i32)],
    apart: i32,
    room: f64,
) -> std::collections::HashMap<usize, f64> {
    let mut shifts = std::collections::HashMap::new();
    let mut sorted = marks.to_vec();
    sorted.sort_by_key(|&(_, year, y)| (year, y));
    let mut cluster: Vec<usize> = Vec::new();
    let flush = |cluster: &mut Vec<usize>, shifts: &mut std::collections::HashMap<usize, f64>| {
        let n = cluster.len();
        if n > 1 {
            let step = f64::from(apart).min(room / (n - 1) as f64);
            for (k, &row) in cluster.iter().enumerate() {
                shifts.insert(row, (k as f64 - (n - 1) as f64 / 2.0) * step);
            }
        }
        cluster.clear();
    };
    let mut last: Option<(i32, i32)> = None;
    for &(row, year, y) in &sorted {
        if last.is_some_and(|(ly, lp)| ly != year || y - lp >= apart) {
            flush(&mut cluster, &mut shifts);
        }
        cluster.push(row);
        last = Some((year, y));
    }
    flush(&mut cluster, &mut shifts);
    shifts
}

/// A box on the backend, in pixels: where a value label would be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LabelBox {
    pub left: i32,
    pub top: i32,
    pub right: i32,
    pub bottom: i32,
}

impl LabelBox {
    pub fn overlaps(&self, other: &LabelBox) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    pub fn inside(&self, bounds: &LabelBox) -> bool {
        self.left >= bounds.left
            && self.right <= bounds.right
            && self.top >= bounds.top
            && self.bottom <= bounds.bottom
    }
}

/// Where a value label goes beside its point, in the order they are tried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Above,
    Below,
    Right,
    Left,
}

impl Side {
    pub const ALL: [Side; 4] = [Side::Above, Side::Below, Side::Right, Side::Left];

    /// The box of a label `width` × `height` on this side of `point`, `gap` pixels from it.
    pub fn label_box(self, point: (i32, i32), width: i32, height: i32, gap: i32) -> LabelBox {
        let (x, y) = point;
        let (left, top) = match self {
            Side::Above => (x - width / 2, y - gap - height),
            Side::Below => (x - width / 2, y + gap),
            Side::Right => (x + gap, y - height / 2),
            Side::Left => (x - gap - width, y - height / 2),
        };
        LabelBox {
            left,
            top,
            right: left + width,
            bottom: top + height,
        }
    }

    /// Where the text is anchored, and how, so that it fills `label_box`.
    fn anchor(self, point: (i32, i32), gap: i32) -> ((i32, i32), Pos) {
        let (x, y) = point;
        match self {
            Side::Above => ((x, y - gap), Pos::new(HPos::Center, VPos::Bottom)),
            Side::Below => ((x, y + gap), Pos::new(HPos::Center, VPos::Top)),
            Side::Right => ((x + gap, y), Pos::new(HPos::Left, VPos::Center)),
            Side::Left => ((x - gap, y), Pos::new(HPos::Right, VPos::Center)),
        }
    }
}

/// Where to write each label, taken in `priority` order: the first side (above, below, right,
/// left of its point) that stays inside `bounds` and overlaps neither a mark in `marks` nor a
/// label placed before it, or `None` where there is no room. A label left out is still a
/// hover, a tap or an arrow key away.
pub fn place_labels(
    boxes: &[[LabelBox; 4]],
    priority: &[usize],
    bounds: &LabelBox,
    marks: &[LabelBox],
) -> Vec<Option<Side>> {
    let mut chosen = vec![None; boxes.len()];
    let mut placed: Vec<LabelBox> = marks.to_vec();
    for &label in priority {
        let free = Side::ALL
            .into_iter()
            .zip(boxes[label])
            .find(|(_, place)| place.inside(bounds) && !placed.iter().any(|p| p.overlaps(place)));
        if let Some((side, place)) = free {
            placed.push(place);
            chosen[label] = Some(side);
        }
    }
    chosen
}

/// Label every `step`-th year (1, 2, 5, 10 or 20), the fewest that leave each label `needed`
/// pixels when one year is `year_width` wide.
pub fn year_label_step(year_width: f64, needed: f64) -> i64 {
    [1, 2, 5, 10, 20]
        .into_iter()
        .find(|&step| year_width * step as f64 >= needed)
        .unwrap_or(20)
}

/// Splits `text` into at most `lines` lines that fit `width` pixels; the last one ends in "…" if cut.
pub fn wrap(text: &str, size: f64, width: i32, lines: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest: Vec<char> = text.chars().collect();
    while !rest.is_empty() && out.len() < lines {
        if out.len() + 1 == lines {
            out.push(fit(&rest.iter().collect::<String>(), size, width));
            break;
        }
        let mut take = 0;
        while take < rest.len()
            && estimate_width(&rest[..=take].iter().collect::<String>(), size) <= width
        {
            take += 1;
        }
        // Latin text breaks between words, not inside one; Chinese between any two characters.
        let may_break = |i: usize| {
            let (before, after) = (rest[i - 1], rest[i]);
            before == ' ' || !before.is_ascii() || !after.is_ascii()
        };
        if take > 0 && take < rest.len() && !may_break(take) {
            if let Some(at) = (1..take).rev().find(|&i| may_break(i)) {
                take = at;
            }
        }
        let take = take.max(1);
        out.push(
            rest[..take]
                .iter()
                .collect::<String>()
                .trim_end()
                .to_string(),
        );
        rest.drain(..take);
    }
    out
}

/// Whether every value drawn is a whole number (counts), so the axis needs no fractions.
fn whole_numbers(data: &ChartData) -> bool {
    data.rows.iter().all(|r| match &r.cell {
        Cell::Value {
            value, value_max, ..
        } => value.fract() == 0.0 && value_max.is_none_or(|m| m.fract() == 0.0),
        Cell::NoData => true,
    })
}

/// An axis tick label; fractional ticks are left blank on an axis of whole numbers.
fn axis_number(value: f64, whole: bool) -> String {
    if whole && (value - value.round()).abs() > 1e-9 {
        String::new()
    } else {
        format::number(value)
    }
}

/// A round axis top a little above `max`, so value labels have room.
fn nice_top(max: f64) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let padded = max * 1.18;
    let magnitude = 10f64.powf(padded.log10().floor());
    let step = [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .into_iter()
        .find(|s| s * magnitude >= padded)
        .unwrap_or(10.0);
    step * magnitude
}

/// The chart as an SVG document, drawn by the same code as the canvas.
pub fn svg(data: &ChartData, catalog: &Catalog, lang: Lang, size: (u32, u32)) -> String {
    svg_styled(data, catalog, lang, size, &Style::default())
}

/// The chart as an SVG document in a given style (theme, type size). A layout error leaves a
/// partial chart.
pub fn svg_styled(
    data: &ChartData,
    catalog: &Catalog,
    lang: Lang,
    size: (u32, u32),
    style: &Style,
) -> String {
    let mut out = String::new();
    // Drawing into a String cannot fail for I/O reasons.
    let _ = svg_into(&mut out, data, catalog, lang, size, style);
    out
}

/// Draws the chart as an SVG document into `out`, laid out as on the canvas.
pub fn svg_into(
    out: &mut String,
    data: &ChartData,
    catalog: &Catalog,
    lang: Lang,
    size: (u32, u32),
    style: &Style,
) -> Result<Picture, DrawingAreaErrorKind<SurfaceError>> {
    let mut surface = SvgSurface(SVGBackend::with_string(out, size));
    draw_on(&mut surface, data, catalog, lang, style)
}

/// plotters' SVG backend writes a text's font-size as its size divided by 1.24; the canvas
/// writes the size itself. This surface hands the SVG backend sizes 1.24 times larger, so type
/// in the SVG is as large as on screen, while the chart is laid out by the sizes it asked for
/// (the canvas's layout, label for label).
struct SvgSurface<'a>(SVGBackend<'a>);

const SVG_FONT_SIZE: f64 = 1.24;

impl Surface for SvgSurface<'_> {
    fn size(&self) -> (u32, u32) {
        self.0.size()
    }
    fn prepare(&mut self) -> Drawn {
        self.0.prepare()
    }
    fn show(&mut self) -> Drawn {
        self.0.show()
    }
    fn pixel(&mut self, point: (i32, i32), color: BackendColor) -> Drawn {
        self.0.pixel(point, color)
    }
    fn line(&mut self, from: (i32, i32), to: (i32, i32), style: &ShapeStyle) -> Drawn {
        self.0.line(from, to, style)
    }
    fn rect(&mut self, corners: ((i32, i32), (i32, i32)), style: &ShapeStyle, fill: bool) -> Drawn {
        self.0.rect(corners, style, fill)
    }
    fn path(&mut self, points: &[(i32, i32)], style: &ShapeStyle) -> Drawn {
        self.0.path(points, style)
    }
    fn circle(&mut self, center: (i32, i32), radius: u32, style: &ShapeStyle, fill: bool) -> Drawn {
        self.0.circle(center, radius, style, fill)
    }
    fn polygon(&mut self, points: &[(i32, i32)], style: &ShapeStyle) -> Drawn {
        self.0.polygon(points, style)
    }
    fn text(&mut self, text: &str, style: &TextStyle<'_>, pos: (i32, i32)) -> Drawn {
        let font = FontDesc::new(
            style.font.get_family(),
            style.font.get_size() * SVG_FONT_SIZE,
            style.font.get_style(),
        )
        .transform(style.font.get_transform());
        let larger = TextStyle {
            font,
            color: style.color,
            pos: style.pos,
        };
        self.0.text(text, &larger, pos)
    }
    fn text_size(
        &self,
        text: &str,
        style: &TextStyle<'_>,
    ) -> Result<(u32, u32), DrawingErrorKind<SurfaceError>> {
        self.0.text_size(text, style)
    }
    fn bitmap(&mut self, pos: (i32, i32), size: (u32, u32), pixels: &[u8]) -> Drawn {
        self.0.bitmap(pos, size, pixels)
    }
}
