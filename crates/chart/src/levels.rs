//! Reference levels: a national plan's target (and, beside bars, the national value of a year)
//! drawn as a dashed line across the plot, named at its end.

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use sportdash_core::describe::value_label;
use sportdash_core::lang::Lang;
use sportdash_core::model::ReferenceKind;
use sportdash_core::query::{Cell, Row};

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
/// at the far end; returns where each name is, to be tapped for its citation.
pub(crate) fn draw_levels<DB: DrawingBackend>(
    scene: &Scene<DB>,
    chart: &mut Plot<DB>,
    rows: &[usize],
    values: Values,
    plotted: impl Fn(f64) -> f64,
) -> DrawResult<Vec<Hit>, DB> {
    let (data, style) = (scene.data, scene.style);
    let (x, y) = (chart.x_range(), chart.y_range());
    let size = style.font(0.85);
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
        let (end_x, end_y) = chart.backend_coord(&to);
        let (anchor, pos, left, top) = match values {
            // Right-aligned above the line's right end.
            Values::Up => (
                (end_x - style.px(4.0), end_y - style.px(3.0)),
                Pos::new(HPos::Right, VPos::Bottom),
                end_x - style.px(4.0) - width,
                end_y - style.px(3.0) - height,
            ),
            // Beside the line's top end.
            Values::Along => (
                (end_x + style.px(4.0), end_y),
                Pos::new(HPos::Left, VPos::Top),
                end_x + style.px(4.0),
                end_y,
            ),
        };
        scene.root.draw(&Text::new(
            label,
            anchor,
            (FONT, size).into_font().color(&colour).pos(pos),
        ))?;
        hits.push(Hit {
            left,
            top: top - style.px(4.0),
            right: left + width,
            bottom: top + height + style.px(8.0),
            row: index,
        });
    }
    Ok(hits)
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
