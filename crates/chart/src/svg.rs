//! The chart as an SVG document, laid out as on the canvas.

use plotters::prelude::*;
use plotters_backend::{BackendColor, DrawingErrorKind};

use sportdash_core::lang::Lang;
use sportdash_core::model::Catalog;
use sportdash_core::query::ChartData;

use crate::{draw_on, Drawn, Picture, Style, Surface, SurfaceError};

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
