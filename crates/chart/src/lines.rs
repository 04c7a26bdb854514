//! Lines: a value (or rank) per year and place, each point's value written beside it where
//! there is room.

use plotters::element::DashedPathElement;
use plotters::prelude::*;

use sportdash_core::describe::value_label;
use sportdash_core::format;
use sportdash_core::lang::Lang;
use sportdash_core::model::ReferenceKind;
use sportdash_core::model::Status;
use sportdash_core::query::{is_reference, Cell, ChartData, Row, SeriesKey};

use crate::labels::{place_labels, side_by_side, LabelBox, Segment, Side};
use crate::levels::{draw_levels, label_boxes, level_lines, level_rows, Values};
use crate::text::{axis_number, estimate_width, nice_top, whole_numbers};
use crate::{DrawResult, Hit, Plot, Scene, Style};

/// Label every `step`-th year (1, 2, 5, 10 or 20), the fewest that leave each label `needed`
/// pixels when one year is `year_width` wide.
pub fn year_label_step(year_width: f64, needed: f64) -> i64 {
    [1, 2, 5, 10, 20]
        .into_iter()
        .find(|&step| year_width * step as f64 >= needed)
        .unwrap_or(20)
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

/// A point of a line: its row (the `index`-th) and where it is plotted.
struct Point<'r> {
    index: usize,
    row: &'r Row,
    x: f64,
    y: f64,
}

/// Where a value is plotted: ranks are drawn on a negated axis so that 1 (the best) is at the
/// top.
fn plotted(data: &ChartData, value: f64) -> f64 {
    if data.rank {
        -value
    } else {
        value
    }
}

fn is_target(row: &Row) -> bool {
    matches!(&row.cell, Cell::Value { observation, .. } if observation.status == Status::Target)
}

/// Draws `scene`'s lines on a plot `plot_height` pixels tall, with their points and values.
pub(crate) fn draw_lines<DB: DrawingBackend>(
    scene: &Scene<DB>,
    builder: ChartBuilder<DB>,
    plot_height: f64,
) -> DrawResult<Vec<Hit>, DB> {
    let (data, style) = (scene.data, scene.style);
    // A point at zero sits a mark's radius above the axis, clear of the years under it.
    let radius = (style.font(0.4) * style.weight).round().max(3.0) as i32;
    let (mut chart, year_width) = draw_axes(scene, builder, radius, plot_height)?;
    // Points of different series that would cover each other in a year stand side by side.
    let marks: Vec<(usize, i32, i32)> = data
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !is_reference(r, ReferenceKind::Target))
        .filter_map(|(index, r)| {
            let value = r.cell.value()?;
            let (_, py) = chart.backend_coord(&(f64::from(r.year), plotted(data, value)));
            Some((index, r.year, py))
        })
        .collect();
    let shifts = side_by_side(&marks, 2 * radius + style.px(3.0), year_width * 0.8);
    let shift_of = |index: usize| shifts.get(&index).copied().unwrap_or(0.0) / year_width;

    let mut hits = Vec::new();
    let mut labels: Vec<PointLabel> = Vec::new();
    let mut lines: Vec<Segment> = Vec::new();
    for series in 0..data.series.len() {
        if data.series[series].key == SeriesKey::Reference(ReferenceKind::Target) {
            continue;
        }
        let colour = style.series(data, series);
        let points = points_of(data, series, shift_of);
        draw_segments(style, &mut chart, colour, &points)?;
        lines.extend(points.windows(2).map(|pair| Segment {
            from: chart.backend_coord(&(pair[0].x, pair[0].y)),
            to: chart.backend_coord(&(pair[1].x, pair[1].y)),
        }));
        for point in &points {
            draw_mark(style, &mut chart, colour, point, radius)?;
            let at = chart.backend_coord(&(point.x, point.y));
            let latest = points.last().is_some_and(|p| p.index == point.index);
            labels.push(PointLabel::new(scene, point.row, at, radius, latest));
            let reach = style.px(14.0);
            hits.push(Hit {
                left: at.0 - reach,
                top: at.1 - reach,
                right: at.0 + reach,
                bottom: at.1 + reach,
                row: point.index,
            });
        }
    }
    // The targets' names first, clear of the points; then the values, clear of both.
    let points: Vec<LabelBox> = labels
        .iter()
        .map(|l| LabelBox {
            left: l.point.0 - radius,
            top: l.point.1 - radius,
            right: l.point.0 + radius,
            bottom: l.point.1 + radius,
        })
        .collect();
    let levels = level_rows(&data.rows, false);
    let level_hits = draw_levels(
        scene,
        &mut chart,
        &levels,
        Values::Up,
        |v| plotted(data, v),
        &points,
    )?;
    let mut taken = label_boxes(&level_hits);
    taken.extend(level_lines(
        &chart,
        &data.rows,
        &levels,
        |v| plotted(data, v),
        scene.style.px(2.0),
    ));
    write_value_labels(scene, &chart, labels, radius, (&taken, &lines))?;
    hits.extend(level_hits);
    Ok(hits)
}

/// The plot, years along x and values (or ranks) up the y axis, its ticks and grid drawn; and
/// how wide a year is, in pixels.
fn draw_axes<'p, DB: DrawingBackend>(
    scene: &Scene<DB>,
    mut builder: ChartBuilder<DB>,
    radius: i32,
    plot_height: f64,
) -> DrawResult<(Plot<'p, DB>, f64), DB> {
    let (data, style) = (scene.data, scene.style);
    let years = data.line_years();
    let (first, last) = (
        *years.first().unwrap_or(&0) as f64,
        *years.last().unwrap_or(&0) as f64,
    );
    let max = data.max_value();
    let rank = data.rank;
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
        .label_style(style.body())
        .draw()?;
    Ok((chart, year_width))
}

/// The points of `series` with a value, in order, each moved `shift_of` its row (in years).
fn points_of(data: &ChartData, series: usize, shift_of: impl Fn(usize) -> f64) -> Vec<Point<'_>> {
    data.rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.series == series)
        .filter(|(_, row)| !is_reference(row, ReferenceKind::Target))
        .filter_map(|(index, row)| {
            Some(Point {
                index,
                row,
                x: f64::from(row.year) + shift_of(index),
                y: plotted(data, row.cell.value()?),
            })
        })
        .collect()
}

/// The line through `points`: dashed across years with no data and to or from a target.
fn draw_segments<DB: DrawingBackend>(
    style: &Style,
    chart: &mut Plot<DB>,
    colour: RGBColor,
    points: &[Point],
) -> DrawResult<(), DB> {
    for pair in points.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let segment = vec![(a.x, a.y), (b.x, b.y)];
        let target = is_target(a.row) || is_target(b.row) || a.row.is_reference();
        if b.row.group > a.row.group + 1 || target {
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
    Ok(())
}

/// A point's mark: a filled circle, or a hollow one for a target.
fn draw_mark<DB: DrawingBackend>(
    style: &Style,
    chart: &mut Plot<DB>,
    colour: RGBColor,
    point: &Point,
    radius: i32,
) -> DrawResult<(), DB> {
    let centre = (point.x, point.y);
    if point.row.is_reference() {
        // A national value: a hollow diamond, told apart from the places' round points.
        let r = radius + 1;
        let diamond = vec![(0, -r), (r, 0), (0, r), (-r, 0)];
        let mut outline = diamond.clone();
        outline.push((0, -r));
        chart.draw_series(std::iter::once(
            EmptyElement::at(centre)
                + Polygon::new(diamond, style.ground().filled())
                + PathElement::new(outline, colour.stroke_width(style.stroke(2.0))),
        ))?;
    } else if is_target(point.row) {
        chart.draw_series(std::iter::once(Circle::new(
            centre,
            radius,
            style.ground().filled(),
        )))?;
        chart.draw_series(std::iter::once(Circle::new(
            centre,
            radius,
            colour.stroke_width(style.stroke(2.0)),
        )))?;
    } else {
        chart.draw_series(std::iter::once(Circle::new(
            centre,
            radius,
            colour.filled(),
        )))?;
    }
    Ok(())
}

impl PointLabel {
    /// The value label of `row`, whose mark of `radius` is at `point` on the backend; `latest`
    /// where it is its series' last point.
    fn new<DB: DrawingBackend>(
        scene: &Scene<DB>,
        row: &Row,
        point: (i32, i32),
        radius: i32,
        latest: bool,
    ) -> Self {
        let style = scene.style;
        let text = if scene.data.rank {
            match &row.cell {
                Cell::Value { value, .. } => match scene.lang {
                    Lang::Zh => format!("第{}", format::number(*value)),
                    Lang::En => format!("#{}", format::number(*value)),
                },
                Cell::NoData | Cell::Reference { .. } => String::new(),
            }
        } else {
            value_label(row, scene.lang)
        };
        let body_size = style.font(1.0);
        let gap = radius + style.px(4.0);
        let width = estimate_width(&text, body_size);
        let height = body_size.round() as i32;
        PointLabel {
            boxes: Side::ALL.map(|side| side.label_box(point, width, height, gap)),
            text,
            point,
            gap,
            latest,
            year: row.year,
        }
    }
}

/// Writes the value labels that have room, each on the first free side of its point: clear of
/// the points, of what is `taken` and of the series' `lines`.
fn write_value_labels<DB: DrawingBackend>(
    scene: &Scene<DB>,
    chart: &Plot<DB>,
    labels: Vec<PointLabel>,
    radius: i32,
    (taken, lines): (&[LabelBox], &[Segment]),
) -> DrawResult<(), DB> {
    let style = scene.style;
    let years = scene.data.line_years();
    // Each place's latest value first, then the later years before the earlier ones.
    let all = &labels;
    let of_year =
        |year: i32| (0..all.len()).filter(move |&i| !all[i].latest && all[i].year == year);
    let priority: Vec<usize> = (0..labels.len())
        .filter(|&i| labels[i].latest)
        .chain(years.iter().rev().flat_map(|&year| of_year(year)))
        .collect();
    let (x_range, y_range) = chart.plotting_area().get_pixel_range();
    let (width, _) = scene.root.dim_in_pixel();
    let bounds = LabelBox {
        left: x_range.start,
        top: y_range.start - style.font(1.0).round() as i32,
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
        .chain(taken.iter().copied())
        .collect();
    let sides = place_labels(&boxes, &priority, &bounds, &marks, lines);
    let body = style.body();
    for (label, side) in labels.into_iter().zip(sides) {
        if let Some(side) = side {
            let (at, pos) = side.anchor(label.point, label.gap);
            scene.root.draw(&Text::new(label.text, at, body.pos(pos)))?;
        }
    }
    Ok(())
}
