//! Drawing a chart into pixels with its text drawn by ab_glyph, and encoding the pixels as PNG.

use ab_glyph::{point, Font, FontVec, Glyph, PxScale, ScaleFont};
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

use super::{CjkFont, Failure};

/// plotters' pixel backend, with every text drawn by ab_glyph in one font, sized and placed
/// as the dashboard's canvas (plotters-canvas) draws it: a text style's size is the em in
/// pixels, the anchor is at the left, centre or right of the advance width and at the top,
/// middle or bottom of the em box. `chart`'s layout assumes those sizes.
///
/// Why not plotters' own `ab_glyph` feature: in 0.3.7 it takes a size as ab_glyph's `PxScale`
/// (ascent to descent: Noto Sans CJK comes out about 30% smaller than on the canvas), places
/// each glyph without its left side bearing (uneven Latin spacing: "Dis trict"), reads only a
/// collection's first face (Noto Sans CJK's is the Japanese one), and, once enabled for the
/// native build, would make every native plotters text measurement ask for fonts registered
/// by family name. Here the family asked for is not looked up: `chart` names one,
/// `sportdash_chart::FONT`, for all its text.
pub struct GlyphBackend<'a> {
    pixels: BitMapBackend<'a>,
    font: &'a FontVec,
}

type PixelError = <BitMapBackend<'static> as DrawingBackend>::ErrorType;

impl<'a> GlyphBackend<'a> {
    /// A backend drawing into `pixels`, 8-bit RGB rows of `size`, its text in `font`.
    pub(super) fn new(pixels: &'a mut [u8], size: (u32, u32), font: &'a CjkFont) -> Self {
        GlyphBackend {
            pixels: BitMapBackend::with_buffer(pixels, size),
            font: &font.font,
        }
    }

    /// The scale at which one em is `size` pixels.
    fn scale(&self, size: f64) -> PxScale {
        let units_per_em = self.font.units_per_em().unwrap_or(1000.0);
        PxScale::from(size as f32 * self.font.height_unscaled() / units_per_em)
    }

    /// The glyphs of `text` on a baseline at y = 0 from x = 0, and the advance width.
    fn layout(&self, text: &str, size: f64) -> (Vec<Glyph>, f32) {
        let scale = self.scale(size);
        let scaled = self.font.as_scaled(scale);
        let mut glyphs = Vec::new();
        let mut x = 0.0;
        let mut previous = None;
        for c in text.chars() {
            let id = scaled.glyph_id(c);
            if let Some(previous) = previous {
                x += scaled.kern(previous, id);
            }
            glyphs.push(id.with_scale_and_position(scale, point(x, 0.0)));
            x += scaled.h_advance(id);
            previous = Some(id);
        }
        (glyphs, x)
    }
}

impl DrawingBackend for GlyphBackend<'_> {
    type ErrorType = PixelError;

    fn get_size(&self) -> (u32, u32) {
        self.pixels.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<PixelError>> {
        self.pixels.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<PixelError>> {
        self.pixels.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<PixelError>> {
        self.pixels.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<PixelError>> {
        self.pixels.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<PixelError>> {
        self.pixels.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<PixelError>> {
        self.pixels.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<PixelError>> {
        self.pixels.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<PixelError>> {
        self.pixels.fill_polygon(vertices, style)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        (width, height): (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<PixelError>> {
        self.pixels.blit_bitmap(pos, (width, height), src)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<PixelError>> {
        let (_, width) = self.layout(text, style.size());
        Ok((width.ceil() as u32, style.size().ceil() as u32))
    }

    /// The em box is divided at the baseline as the font's ascent and descent divide their sum
    /// (as a browser places `textBaseline` top, middle and bottom).
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<PixelError>> {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let size = style.size() as f32;
        let (glyphs, width) = self.layout(text, style.size());
        let anchor = style.anchor();
        let dx = match anchor.h_pos {
            HPos::Left => 0.0,
            HPos::Center => -width / 2.0,
            HPos::Right => -width,
        };
        let ascent = self.font.ascent_unscaled() / self.font.height_unscaled() * size;
        let baseline = match anchor.v_pos {
            VPos::Top => ascent,
            VPos::Center => ascent - size / 2.0,
            VPos::Bottom => ascent - size,
        };
        let turn = style.transform();
        let font = self.font;
        let mut result = Ok(());
        for mut glyph in glyphs {
            glyph.position.x += dx;
            glyph.position.y += baseline;
            let Some(outline) = font.outline_glyph(glyph) else {
                continue; // a space
            };
            let bounds = outline.px_bounds();
            outline.draw(|x, y, coverage| {
                let (x, y) = turn.transform(
                    bounds.min.x as i32 + x as i32,
                    bounds.min.y as i32 + y as i32,
                );
                let ink = BackendColor {
                    alpha: colour.alpha * f64::from(coverage.clamp(0.0, 1.0)),
                    rgb: colour.rgb,
                };
                if result.is_ok() {
                    result = self.pixels.draw_pixel((pos.0 + x, pos.1 + y), ink);
                }
            });
        }
        result
    }
}

/// `pixels`, 8-bit RGB rows of `size`, as a PNG file.
pub(super) fn encode_png(pixels: &[u8], (width, height): (u32, u32)) -> Result<Vec<u8>, Failure> {
    let encoding_failed = |e: png::EncodingError| Failure::Render(format!("cannot encode: {e}"));
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(encoding_failed)?;
    writer.write_image_data(pixels).map_err(encoding_failed)?;
    writer.finish().map_err(encoding_failed)?;
    Ok(out)
}
