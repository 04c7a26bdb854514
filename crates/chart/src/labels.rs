//! Where value labels go beside their points without covering each other, and how marks of
//! one year that would cover each other stand side by side.

use std::collections::HashMap;

use plotters::style::text_anchor::{HPos, Pos, VPos};

/// How far (in pixels, along x) to move each mark so that marks of one year that would overlap
/// stand side by side: `marks` are (row, year, pixel y); marks closer than `apart` in a year
/// are spread `apart` from each other around the year, within `room`. Rows not moved are absent.
pub fn side_by_side(marks: &[(usize, i32, i32)], apart: i32, room: f64) -> HashMap<usize, f64> {
    let mut shifts = HashMap::new();
    let mut sorted = marks.to_vec();
    sorted.sort_by_key(|&(_, year, y)| (year, y));
    let mut cluster: Vec<usize> = Vec::new();
    let flush = |cluster: &mut Vec<usize>, shifts: &mut HashMap<usize, f64>| {
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
    /// The box `width` × `height` with its top left corner at (`left`, `top`).
    pub fn at(left: i32, top: i32, width: i32, height: i32) -> Self {
        LabelBox {
            left,
            top,
            right: left + width,
            bottom: top + height,
        }
    }

    pub fn overlaps(&self, other: &LabelBox) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    /// Whether `segment` passes through this box (Liang–Barsky clipping).
    pub fn crossed_by(&self, segment: &Segment) -> bool {
        let (x0, y0) = (f64::from(segment.from.0), f64::from(segment.from.1));
        let (dx, dy) = (f64::from(segment.to.0) - x0, f64::from(segment.to.1) - y0);
        let (mut enter, mut leave) = (0.0_f64, 1.0_f64);
        for (towards, room) in [
            (-dx, x0 - f64::from(self.left)),
            (dx, f64::from(self.right) - x0),
            (-dy, y0 - f64::from(self.top)),
            (dy, f64::from(self.bottom) - y0),
        ] {
            if towards == 0.0 {
                if room < 0.0 {
                    return false;
                }
            } else if towards < 0.0 {
                enter = enter.max(room / towards);
            } else {
                leave = leave.min(room / towards);
            }
            if enter > leave {
                return false;
            }
        }
        true
    }

    pub fn inside(&self, bounds: &LabelBox) -> bool {
        self.left >= bounds.left
            && self.right <= bounds.right
            && self.top >= bounds.top
            && self.bottom <= bounds.bottom
    }
}

/// A drawn line between two pixels, which labels keep clear of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub from: (i32, i32),
    pub to: (i32, i32),
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
    pub(crate) fn anchor(self, point: (i32, i32), gap: i32) -> ((i32, i32), Pos) {
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
/// left of its point) that stays inside `bounds`, overlaps neither a mark in `marks` nor a
/// label placed before it, and is crossed by none of `lines`; or `None` where there is no room.
/// A label left out is still a hover, a tap or an arrow key away.
pub fn place_labels(
    boxes: &[[LabelBox; 4]],
    priority: &[usize],
    bounds: &LabelBox,
    marks: &[LabelBox],
    lines: &[Segment],
) -> Vec<Option<Side>> {
    let mut chosen = vec![None; boxes.len()];
    let mut placed: Vec<LabelBox> = marks.to_vec();
    for &label in priority {
        let free = Side::ALL.into_iter().zip(boxes[label]).find(|(_, place)| {
            place.inside(bounds)
                && !placed.iter().any(|p| p.overlaps(place))
                && !lines.iter().any(|line| place.crossed_by(line))
        });
        if let Some((side, place)) = free {
            placed.push(place);
            chosen[label] = Some(side);
        }
    }
    chosen
}
