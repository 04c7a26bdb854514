//! One backend type for every surface the chart is drawn on.
//!
//! `draw` is generic over `DrawingBackend`, and plotters' layout code is generic too: drawn on
//! a canvas and on SVG, all of it would be compiled twice into the wasm. `AnyBackend` forwards
//! each call through a trait object, so the drawing code is compiled once and each surface
//! adds only its own small backend. Every call reaches the real backend unchanged: styles are
//! passed on as plotters' own `ShapeStyle` and `TextStyle`, errors keep their message.

use std::error::Error;
use std::fmt;

use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

/// A backend's error, as text: the backend behind an `AnyBackend` is not known by type.
#[derive(Debug)]
pub struct SurfaceError(String);

impl fmt::Display for SurfaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Error for SurfaceError {}

/// What drawing on a surface returns.
pub type Drawn = Result<(), DrawingErrorKind<SurfaceError>>;

fn forward<E: Error + Send + Sync>(result: Result<(), DrawingErrorKind<E>>) -> Drawn {
    result.map_err(|error| match error {
        DrawingErrorKind::DrawingError(e) => {
            DrawingErrorKind::DrawingError(SurfaceError(e.to_string()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    })
}

/// `DrawingBackend` with its generic methods made concrete, so it can be a trait object.
pub trait Surface {
    fn size(&self) -> (u32, u32);
    fn prepare(&mut self) -> Drawn;
    fn show(&mut self) -> Drawn;
    fn pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn;
    fn line(&mut self, from: BackendCoord, to: BackendCoord, style: &ShapeStyle) -> Drawn;
    fn rect(
        &mut self,
        corners: (BackendCoord, BackendCoord),
        style: &ShapeStyle,
        fill: bool,
    ) -> Drawn;
    fn path(&mut self, points: &[BackendCoord], style: &ShapeStyle) -> Drawn;
    fn circle(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &ShapeStyle,
        fill: bool,
    ) -> Drawn;
    fn polygon(&mut self, points: &[BackendCoord], style: &ShapeStyle) -> Drawn;
    fn text(&mut self, text: &str, style: &TextStyle<'_>, pos: BackendCoord) -> Drawn;
    fn text_size(
        &self,
        text: &str,
        style: &TextStyle<'_>,
    ) -> Result<(u32, u32), DrawingErrorKind<SurfaceError>>;
    fn bitmap(&mut self, pos: BackendCoord, size: (u32, u32), pixels: &[u8]) -> Drawn;
}

impl<B: DrawingBackend> Surface for B {
    fn size(&self) -> (u32, u32) {
        self.get_size()
    }
    fn prepare(&mut self) -> Drawn {
        forward(self.ensure_prepared())
    }
    fn show(&mut self) -> Drawn {
        forward(self.present())
    }
    fn pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        forward(self.draw_pixel(point, color))
    }
    fn line(&mut self, from: BackendCoord, to: BackendCoord, style: &ShapeStyle) -> Drawn {
        forward(self.draw_line(from, to, style))
    }
    fn rect(
        &mut self,
        (from, to): (BackendCoord, BackendCoord),
        style: &ShapeStyle,
        fill: bool,
    ) -> Drawn {
        forward(self.draw_rect(from, to, style, fill))
    }
    fn path(&mut self, points: &[BackendCoord], style: &ShapeStyle) -> Drawn {
        forward(self.draw_path(points.iter().copied(), style))
    }
    fn circle(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &ShapeStyle,
        fill: bool,
    ) -> Drawn {
        forward(self.draw_circle(center, radius, style, fill))
    }
    fn polygon(&mut self, points: &[BackendCoord], style: &ShapeStyle) -> Drawn {
        forward(self.fill_polygon(points.iter().copied(), style))
    }
    fn text(&mut self, text: &str, style: &TextStyle<'_>, pos: BackendCoord) -> Drawn {
        forward(self.draw_text(text, style, pos))
    }
    fn text_size(
        &self,
        text: &str,
        style: &TextStyle<'_>,
    ) -> Result<(u32, u32), DrawingErrorKind<SurfaceError>> {
        let mut size = (0, 0);
        forward(self.estimate_text_size(text, style).map(|s| size = s))?;
        Ok(size)
    }
    fn bitmap(&mut self, pos: BackendCoord, size: (u32, u32), pixels: &[u8]) -> Drawn {
        forward(self.blit_bitmap(pos, size, pixels))
    }
}

/// Any backend, borrowed, behind one type.
pub struct AnyBackend<'a>(&'a mut dyn Surface);

impl<'a> AnyBackend<'a> {
    pub fn new(surface: &'a mut dyn Surface) -> Self {
        AnyBackend(surface)
    }
}

fn shape_of<S: BackendStyle>(style: &S) -> ShapeStyle {
    let BackendColor {
        alpha,
        rgb: (r, g, b),
    } = style.color();
    ShapeStyle {
        color: RGBAColor(r, g, b, alpha),
        filled: false,
        stroke_width: style.stroke_width(),
    }
}

fn with_text_style<S: BackendTextStyle, T>(style: &S, then: impl FnOnce(&TextStyle<'_>) -> T) -> T {
    let family = style.family();
    let font = FontDesc::new(family, style.size(), style.style()).transform(style.transform());
    then(&TextStyle {
        font,
        color: style.color(),
        pos: style.anchor(),
    })
}

impl DrawingBackend for AnyBackend<'_> {
    type ErrorType = SurfaceError;

    fn get_size(&self) -> (u32, u32) {
        self.0.size()
    }
    fn ensure_prepared(&mut self) -> Drawn {
        self.0.prepare()
    }
    fn present(&mut self) -> Drawn {
        self.0.show()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        self.0.pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        self.0.line(from, to, &shape_of(style))
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        self.0
            .rect((upper_left, bottom_right), &shape_of(style), fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        let points: Vec<BackendCoord> = path.into_iter().collect();
        self.0.path(&points, &shape_of(style))
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        self.0.circle(center, radius, &shape_of(style), fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn {
        let points: Vec<BackendCoord> = vert.into_iter().collect();
        self.0.polygon(&points, &shape_of(style))
    }
    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Drawn {
        with_text_style(style, |style| self.0.text(text, style, pos))
    }
    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<SurfaceError>> {
        with_text_style(style, |style| self.0.text_size(text, style))
    }
    fn blit_bitmap(&mut self, pos: BackendCoord, (width, height): (u32, u32), src: &[u8]) -> Drawn {
        self.0.bitmap(pos, (width, height), src)
    }
}
