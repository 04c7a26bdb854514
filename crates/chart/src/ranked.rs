//! Rankings: the top places by a value, laid across.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use sportdash_core::describe::{group_label, value_label};
use sportdash_core::query::Cell;

use crate::across::draw_value_axis;
use crate::levels::{draw_beside_bars, Values};
use crate::text::{estimate_width, fit};
use crate::{DrawResult, Hit, Picture, Scene, FONT};

/// A ranking: one horizontal bar per place, best at the top, its rank and name on the left.
pub(crate) fn draw_ranked<DB: DrawingBackend>(
    scene: &Scene<DB>,
    builder: ChartBuilder<DB>,
) -> DrawResult<Picture, DB> {
    let (data, style) = (scene.data, scene.style);
    let count = data.groups.len().max(1) as f64;
    let names: Vec<String> = data
        .groups
        .iter()
        .enumerate()
        .map(|(at, group)| {
            format!(
                "{}. {}",
                at + 1,
                group_label(group, scene.catalog, scene.lang).0
            )
        })
        .collect();
    let (width, _) = scene.root.dim_in_pixel();
    let longest = names
        .iter()
        .map(|n| estimate_width(n, style.font(0.95)))
        .max()
        .unwrap_or(0);
    let label_area = (longest + style.px(16.0)).min(width as i32 * 2 / 5);
    let mut chart = draw_value_axis(scene, builder, label_area)?;
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
    for (index, row) in data
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_reference())
    {
        let slot = count - row.group as f64;
        let (y0, y1) = (slot - 0.85, slot - 0.15);
        let (_, middle) = chart.backend_coord(&(0.0, slot - 0.5));
        let name = fit(&names[row.group], name_size, label_area - style.px(12.0));
        if name != names[row.group] {
            cut.push(names[row.group].clone());
        }
        scene.root.draw(&Text::new(
            name,
            (x_pixels.start - style.px(8.0), middle),
            name_font.clone(),
        ))?;
        let value = match &row.cell {
            Cell::Value { value, .. } => *value,
            Cell::NoData | Cell::Reference { .. } => 0.0,
        };
        chart.draw_series(std::iter::once(Rectangle::new(
            [(0.0, y0), (value, y1)],
            colour.filled(),
        )))?;
        let (right, top) = chart.backend_coord(&(value, y1));
        let (_, bottom) = chart.backend_coord(&(value, y0));
        scene.root.draw(&Text::new(
            value_label(row, scene.lang),
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
    hits.extend(draw_beside_bars(scene, &mut chart, Values::Along)?);
    Ok(Picture {
        hits,
        cut,
        ..Picture::default()
    })
}
