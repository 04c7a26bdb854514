//! Colours, type and line widths: how a chart looks, in either theme and at any scale.

use plotters::prelude::*;

use sportdash_core::lang::Theme;
use sportdash_core::model::ReferenceKind;
use sportdash_core::query::{ChartData, Medal, SeriesKey};

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

    pub(crate) fn px(&self, size: f64) -> i32 {
        (size * self.scale).round() as i32
    }

    /// A line width: scaled, and thickened by `weight`.
    pub(crate) fn stroke(&self, size: f64) -> u32 {
        (size * self.scale * self.weight).round().max(1.0) as u32
    }

    pub(crate) fn ground(&self) -> RGBColor {
        match self.theme {
            Theme::Light => WHITE,
            Theme::Dark => RGBColor(12, 16, 22),
        }
    }

    pub(crate) fn ink(&self) -> RGBColor {
        match self.theme {
            Theme::Light => RGBColor(33, 37, 41),
            Theme::Dark => RGBColor(248, 249, 250),
        }
    }

    pub(crate) fn muted(&self) -> RGBColor {
        match self.theme {
            Theme::Light => RGBColor(94, 102, 110),
            Theme::Dark => RGBColor(196, 202, 208),
        }
    }

    pub(crate) fn grid(&self) -> RGBColor {
        match self.theme {
            Theme::Light => RGBColor(222, 226, 230),
            Theme::Dark => RGBColor(64, 70, 78),
        }
    }

    /// A series' colour on this ground: the palette's black turns white on a dark one.
    /// On a dark ground the palette's dark blue and black give way to sky blue and white.
    pub(crate) fn series(&self, data: &ChartData, series: usize) -> RGBColor {
        match data.series.get(series).map(|s| &s.key) {
            Some(SeriesKey::Reference(ReferenceKind::National)) => return self.muted(),
            Some(SeriesKey::Reference(ReferenceKind::Target)) => return self.ink(),
            _ => {}
        }
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

    /// The body's type, in ink: value labels of lines, the years, the names under bars.
    pub(crate) fn body(&self) -> TextStyle<'static> {
        (FONT, self.font(1.0)).into_font().color(&self.ink())
    }

    /// Smaller type, muted: the ticks of value axes, the English title, "nothing selected".
    pub(crate) fn small(&self) -> TextStyle<'static> {
        (FONT, self.font(0.9)).into_font().color(&self.muted())
    }
}

/// The colour of a series: medal colours for gold, silver and bronze, else the palette.
pub fn series_colour(data: &ChartData, series: usize) -> RGBColor {
    match data.series.get(series).map(|s| &s.key) {
        Some(SeriesKey::Medal(Medal::Gold)) => GOLD,
        Some(SeriesKey::Medal(Medal::Silver)) => SILVER,
        Some(SeriesKey::Medal(Medal::Bronze)) => BRONZE,
        _ => PALETTE[series % PALETTE.len()],
    }
}
