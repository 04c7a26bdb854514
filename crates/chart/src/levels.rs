//! Reference levels: a national plan's target (and, beside bars, the national value of a year)
//! drawn as a dashed line across the plot, named at its end.

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use sportdash_core::describe::value_label;
use sportdash_core::lang::Lang;
use sportdash_core::model::ReferenceKind;
use sportdash_core::query::{Cell, Row};

use crate::labels::LabelBox;
use crate::text::estimate_width;
use crate::{DrawResult, Hit, Plot, Scene, FONT};

/// Which way the values run: up the y axis (lines, upright bars) or along x (a ranking).
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Values {
    Up,
    Along,
}

/// What a level says at its end: "全国目标 2025年 2.6", "National 2021: 2.41".
fn level_label(row: &Row, lang: Lang) -> String {
    let Cell::Reference { reference, .. } = &row.cell else {
        return String::new();
    };
    let strings = lang.strings();
    match (reference.kind, lang) {
        (ReferenceKind::Target, Lang::Zh) => {
            format!("{}：{}", strings.national, value_label(row, lang))
        }
        (ReferenceKind::Target, Lang::En) => {
            format!("{}: {}", strings.national, value_label(row, lang))
        }
        (ReferenceKind::National, Lang::Zh) => {
            format!(
                "{}{}年：{}",
                strings.national,
                row.year,
                value_label(row, lang)
            )
        }
        (ReferenceKind::National, Lang::En) => {
            format!(
                "{} {}: {}",
                strings.national,
                row.year,
                value_label(row, lang)
            )
        }
    }
}

/// Draws each of `rows` (reference rows, by index) as a dashed level across the plot, its name
/// at one end, clear of the marks in `avoid` where an end has room (the right end above the
/// line first). Returns where each name is, as a hit to tap for its citation.
pub(crate) fn draw_levels<DB: DrawingBackend>(
    scene: &Scene<DB>,
    chart: &mut Plot<DB>,
    rows: &[usize],
    values: Values,
    plotted: impl Fn(f64) -> f64,
    avoid: &[LabelBox],
) -> DrawResult<Vec<Hit>, DB> {
    let (data, style) = (scene.data, scene.style);
    let (x, y) = (chart.x_range(), chart.y_range());
    let size = style.font(0.85);
    let gap = style.px(4.0);
    let mut taken: Vec<LabelBox> = avoid.to_vec();
    let mut hits = Vec::new();
    for &index in rows {
        let row = &data.rows[index];
        let Some(value) = row.cell.value() else {
            continue;
        };
        let at = plotted(value);
        let colour = style.series(data, row.series);
        let (from, to) = match values {
            Values::Up => ((x.start, at), (x.end, at)),
            Values::Along => ((at, y.start), (at, y.end)),
        };
        let dash = style.px(8.0) as u32;
        chart.draw_series(std::iter::once(DashedPathElement::new(
            vec![from, to],
            dash,
            style.px(5.0) as u32,
            colour.stroke_width(style.stroke(2.0)),
        )))?;
        let label = level_label(row, scene.lang);
        let width = estimate_width(&label, size);
        let height = size.round() as i32;
        let (start, end) = (chart.backend_coord(&from), chart.backend_coord(&to));
        let candidates: Vec<LabelBox> = match values {
            // Along the line from its right end to its left, above it, then below it.
            Values::Up => {
                let step = (width / 4).max(style.px(10.0)) as usize;
                let lefts: Vec<i32> = (start.0 + gap..=end.0 - gap - width)
                    .rev()
                    .step_by(step.max(1))
                    .collect();
                let above = lefts
                    .iter()
                    .map(|&left| LabelBox::at(left, end.1 - gap - height, width, height));
                let below = lefts
                    .iter()
                    .map(|&left| LabelBox::at(left, end.1 + gap, width, height));
                above.chain(below).collect()
            }
            Values::Along => vec![
                LabelBox::at(end.0 + gap, end.1, width, height),
                LabelBox::at(end.0 - gap - width, end.1, width, height),
            ],
        };
        let first = candidates.first().copied().unwrap_or(LabelBox::at(
            end.0 - width,
            end.1 - height,
            width,
            height,
        ));
        let place = candidates
            .iter()
            .find(|c| !taken.iter().any(|t| t.overlaps(c)))
            .copied()
            .unwrap_or(first);
        taken.push(place);
        // On the ground's colour, so that a line crossing the name does not cross it out.
        scene.root.draw(&Rectangle::new(
            [
                (place.left - gap / 2, place.top),
                (place.right + gap / 2, place.bottom + gap / 2),
            ],
            style.ground().mix(0.85).filled(),
        ))?;
        scene.root.draw(&Text::new(
            label,
            (place.left, place.top),
            (FONT, size)
                .into_font()
                .color(&colour)
                .pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
        hits.push(Hit {
            left: place.left,
            top: place.top - gap,
            right: place.right,
            bottom: place.bottom + gap,
            row: index,
        });
    }
    Ok(hits)
}

/// Where the level names of `hits` are, for value labels to keep clear of.
pub(crate) fn label_boxes(hits: &[Hit]) -> Vec<LabelBox> {
    hits.iter()
        .map(|h| LabelBox {
            left: h.left,
            top: h.top,
            right: h.right,
            bottom: h.bottom,
        })
        .collect()
}

/// Where the levels of `rows` (drawn with `Values::Up`) cross the plot, `reach` pixels either
/// side: for value labels to keep clear of, as a number struck through by a dashed line is
/// hard to read.
pub(crate) fn level_lines<DB: DrawingBackend>(
    chart: &Plot<DB>,
    data_rows: &[Row],
    rows: &[usize],
    plotted: impl Fn(f64) -> f64,
    reach: i32,
) -> Vec<LabelBox> {
    let x = chart.x_range();
    rows.iter()
        .filter_map(|&index| data_rows[index].cell.value())
        .map(|value| {
            let start = chart.backend_coord(&(x.start, plotted(value)));
            let end = chart.backend_coord(&(x.end, plotted(value)));
            LabelBox {
                left: start.0,
                top: start.1 - reach,
                right: end.0,
                bottom: start.1 + reach,
            }
        })
        .collect()
}

/// Beside bars, every reference as a level (there is no line of years to draw national values
/// on): where each name is, to be tapped.
pub(crate) fn draw_beside_bars<DB: DrawingBackend>(
    scene: &Scene<DB>,
    chart: &mut Plot<DB>,
    values: Values,
) -> DrawResult<Vec<Hit>, DB> {
    let levels = level_rows(&scene.data.rows, true);
    draw_levels(scene, chart, &levels, values, |v| v, &[])
}

/// The rows drawn as levels: targets always; national values too where `national` (beside
/// bars, which have no line of years to draw them on).
pub(crate) fn level_rows(rows: &[Row], national: bool) -> Vec<usize> {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| match &r.cell {
            Cell::Reference { reference, .. } => {
                national || reference.kind == ReferenceKind::Target
            }
            _ => false,
        })
        .map(|(index, _)| index)
        .collect()
}
