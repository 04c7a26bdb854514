//! The legend under the title: a swatch and a name per series, then notes on what the chart
//! draws specially (targets, ranks, several reports, gaps).

use plotters::prelude::*;

use sportdash_core::describe::series_label;
use sportdash_core::model::Status;
use sportdash_core::query::{Cell, ChartData, Shape};

use crate::text::estimate_width;
use crate::{DrawResult, Scene, FONT};

/// A legend entry: its text, after a swatch where it names a colour (`hollow` for a target's).
struct Entry {
    label: String,
    colour: Option<RGBColor>,
    hollow: bool,
}

impl Entry {
    fn note(label: &str) -> Self {
        Entry {
            label: label.to_string(),
            colour: None,
            hollow: false,
        }
    }
}

/// Draws the legend from `top`, its entries wrapped to `width`. Returns where it ends.
pub(crate) fn draw_legend<DB: DrawingBackend>(
    scene: &Scene<DB>,
    top: i32,
    width: i32,
) -> DrawResult<i32, DB> {
    let (root, style) = (scene.root, scene.style);
    let size = style.font(0.95);
    let font = (FONT, size).into_font().color(&style.ink());
    let swatch = (size * 0.8).round() as i32;
    let line_height = (size * 1.6) as i32;
    let pad = style.px(12.0);
    let (mut x, mut y) = (pad, top);
    for entry in entries(scene) {
        let text_width = estimate_width(&entry.label, size);
        let entry_width = swatch + style.px(6.0) + text_width + style.px(16.0);
        if x + entry_width > width - pad && x > pad {
            x = pad;
            y += line_height;
        }
        let mut text_x = x;
        if let Some(colour) = entry.colour {
            let corner = [
                (x, y + style.px(2.0)),
                (x + swatch, y + style.px(2.0) + swatch),
            ];
            if entry.hollow {
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
        root.draw(&Text::new(entry.label, (text_x, y), font.clone()))?;
        x = text_x + text_width + style.px(16.0);
    }
    Ok(y + line_height)
}

/// The series, then the notes that apply to this chart.
fn entries<DB: DrawingBackend>(scene: &Scene<DB>) -> Vec<Entry> {
    let (data, lang, style) = (scene.data, scene.lang, scene.style);
    let mut entries: Vec<Entry> = (0..data.series.len())
        .map(|s| Entry {
            label: series_label(data, s, scene.catalog, lang),
            colour: Some(style.series(data, s)),
            hollow: false,
        })
        .collect();
    let has_target = data.rows.iter().any(|r| {
        matches!(&r.cell, Cell::Value { observation, .. } if observation.status == Status::Target)
    });
    if has_target {
        entries.push(Entry {
            label: lang.strings().target.to_string(),
            colour: Some(style.muted()),
            hollow: true,
        });
    }
    if data.rank {
        entries.push(Entry::note(lang.strings().rank_note));
    }
    if data
        .rows
        .iter()
        .any(|r| matches!(&r.cell, Cell::Value { also, .. } if !also.is_empty()))
    {
        entries.push(Entry::note(lang.strings().several_reports));
    }
    if data.shape == Shape::Lines && has_gap(data) {
        entries.push(Entry::note(lang.strings().gap_note));
    }
    entries
}

/// Whether a series lacks a value between two it has: its line is dashed across the gap.
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
