//! `sportdash render`: one dashboard chart as an SVG or PNG file, for slides and print
//! (native only).
//!
//! The chart is the dashboard's: the arguments become a `ViewState`, which goes through
//! `query::resolve`, `query::chart` and `sportdash_chart::draw` like the address bar's does.
//!
//! SVG text names its font family and is drawn by whatever opens the file. A PNG needs the
//! glyphs drawn here: plotters' pixel backend with the text drawn by `ab_glyph` (see
//! `GlyphBackend`), from a Chinese font read at run time: pure Rust, no fontconfig or freetype
//! to link, and no font built into the binary (Noto Sans CJK is 16 MB or more). Without a font
//! that has Chinese glyphs it stops and says which files it tried; it never draws empty boxes.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use ab_glyph::{point, Font, FontVec, Glyph, PxScale, ScaleFont};
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

use sportdash_chart::Style;
use sportdash_core::files;
use sportdash_core::lang::{Lang, Theme};
use sportdash_core::model::{Catalog, Category, Dataset};
use sportdash_core::query;
use sportdash_core::state::ViewState;

/// Pixel sizes a chart may have, each way.
pub const SIZES: std::ops::RangeInclusive<u32> = 100..=8000;

/// Where Chinese fonts are on common systems, most likely first: Debian's and Ubuntu's
/// fonts-noto-cjk (what `scripts/install-tools.sh` installs), Arch's and Fedora's Noto Sans
/// CJK, Debian's WenQuanYi Zen Hei, and the PingFang and Microsoft YaHei that `sportdash_chart::FONT`
/// names for macOS and Windows.
pub const SYSTEM_FONTS: [&str; 7] = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:\\Windows\\Fonts\\msyh.ttc",
    "C:\\Windows\\Fonts\\msyh.ttf",
];

/// Characters a font must have to draw our charts: a title, medal letters, "no data".
const CHINESE_SAMPLE: &str = "人均体育场地面积金银铜无数据";

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Svg,
    Png,
}

/// The command line of `sportdash render`.
#[derive(Clone, Debug, clap::Args)]
pub struct Args {
    /// The dashboard's view: medals, events, facilities, industry, talent or governance.
    #[arg(long, value_name = "VIEW")]
    pub view: String,
    /// The places to compare, by id in DATA/entities.json [default: the view's places with data].
    #[arg(long, value_name = "ID,ID…")]
    pub entities: Option<String>,
    /// A year or a range of years [default: every year with data].
    #[arg(long, value_name = "YYYY[-YYYY]")]
    pub years: Option<String>,
    /// The indicator [default: the one the view opens on].
    #[arg(long, value_name = "ID")]
    pub indicator: Option<String>,
    /// The file format.
    #[arg(long, value_enum)]
    pub format: Format,
    /// The file to write.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// The language of the chart's text.
    #[arg(long, value_name = "LANG", default_value = "zh", value_parser = ["zh", "en"])]
    pub lang: String,
    /// light: dark text on white; dark: light text on a dark ground, for big screens.
    #[arg(long, value_name = "THEME", default_value = "light", value_parser = ["light", "dark"])]
    pub theme: String,
    /// Width in pixels (100 to 8000).
    #[arg(long, value_name = "PX", default_value_t = 1200)]
    pub width: u32,
    /// Height in pixels (100 to 8000).
    #[arg(long, value_name = "PX", default_value_t = 700)]
    pub height: u32,
    /// The data directory.
    #[arg(long, value_name = "DIR", default_value = "data")]
    pub data: PathBuf,
    /// A font with Chinese glyphs for PNG (.ttf, .otf or .ttc) [default: the first of the
    /// system's Noto Sans CJK, WenQuanYi Zen Hei, PingFang or Microsoft YaHei found].
    #[arg(long, value_name = "FILE")]
    pub font: Option<PathBuf>,
}

/// Why nothing was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The command line asks for something that is not there or not valid: exit status 2.
    Argument(String),
    /// A valid request that could not be carried out (no font, drawing, writing): status 1.
    Render(String),
}

impl Failure {
    pub fn status(&self) -> u8 {
        match self {
            Failure::Argument(_) => 2,
            Failure::Render(_) => 1,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Argument(message) | Failure::Render(message) => f.write_str(message),
        }
    }
}

/// What the arguments ask for, checked against the data.
#[derive(Debug)]
pub struct Request<'a> {
    pub state: ViewState,
    pub dataset: &'a Dataset,
    pub size: (u32, u32),
}

/// The arguments as a view state, the same one the dashboard's address would carry. Pure: every
/// id is checked against `catalog` and the view's dataset, so nothing asked for is silently
/// replaced by a default (as `query::resolve` and `query::chart` would do).
pub fn request<'a>(
    args: &Args,
    catalog: &Catalog,
    datasets: &'a [Dataset],
) -> Result<Request<'a>, Failure> {
    let bad = |message: String| Err(Failure::Argument(message));
    let size = (args.width, args.height);
    for (name, value) in [("--width", args.width), ("--height", args.height)] {
        if !SIZES.contains(&value) {
            return bad(format!(
                "{name} {value} is out of range: {} to {} pixels",
                SIZES.start(),
                SIZES.end()
            ));
        }
    }
    let Some(lang) = Lang::from_id(&args.lang) else {
        return bad(format!("unknown --lang {:?}: zh or en", args.lang));
    };
    let Some(theme) = Theme::from_id(&args.theme) else {
        return bad(format!("unknown --theme {:?}: light or dark", args.theme));
    };
    let Some(view) = Category::from_id(&args.view) else {
        let views: Vec<&str> = Category::ALL.iter().map(|c| c.id()).collect();
        return bad(format!(
            "unknown view {:?}; the views are {}",
            args.view,
            views.join(", ")
        ));
    };
    let Some(dataset) = datasets.iter().find(|d| d.category == view) else {
        return bad(format!(
            "the data has no usable {} (run `sportdash validate` on it)",
            view.dataset_file()
        ));
    };
    let entities = match &args.entities {
        None => None,
        Some(list) => Some(entities(list, catalog)?),
    };
    let years = match &args.years {
        None => None,
        Some(text) => match sportdash_core::state::parse_years(text) {
            Some(years) => Some(years),
            None => {
                return bad(format!(
                    "malformed --years {text:?}: give a year or a range such as 2021-2023 \
                     (years 1900 to 2100)"
                ))
            }
        },
    };
    let choices = query::indicator_choices(catalog, dataset);
    if let Some(indicator) = &args.indicator {
        if !choices.contains(indicator) {
            return bad(format!(
                "indicator {indicator:?} is not in the {} view; its indicators are {}",
                view.id(),
                choices.join(", ")
            ));
        }
    }
    let state = ViewState {
        view: Some(view),
        indicator: args.indicator.clone(),
        entities,
        years,
        lang: Some(lang),
        theme: Some(theme),
        ..ViewState::default()
    };
    Ok(Request {
        state,
        dataset,
        size,
    })
}

/// A comma-separated list of entity ids, each one in the catalog, without repeats.
fn entities(list: &str, catalog: &Catalog) -> Result<Vec<String>, Failure> {
    let mut ids: Vec<String> = Vec::new();
    for id in list.split(',').map(str::trim).filter(|id| !id.is_empty()) {
        if catalog.entity(id).is_none() {
            let known: Vec<&str> = catalog.entities.iter().map(|e| e.id.as_str()).collect();
            return Err(Failure::Argument(format!(
                "unknown entity {id:?}; the places are {}",
                known.join(", ")
            )));
        }
        if !ids.iter().any(|known| known == id) {
            ids.push(id.to_string());
        }
    }
    if ids.is_empty() {
        return Err(Failure::Argument(
            "--entities names no place; leave it out for the view's places".to_string(),
        ));
    }
    Ok(ids)
}

/// `2023` or `2021-2023`, as the dashboard's address reads them.
/// Renders the chart the arguments ask for and writes it. Returns notes for stderr: what was
/// written, and any problem in the data.
pub fn run(args: &Args) -> Result<Vec<String>, Failure> {
    let checked = files::check_dir(&args.data, None);
    let Some(catalog) = &checked.catalog else {
        let problems: Vec<String> = checked.errors().map(|d| d.to_string()).collect();
        return Err(Failure::Argument(format!(
            "cannot use the data directory {}:\n{}",
            args.data.display(),
            problems.join("\n")
        )));
    };
    let request = request(args, catalog, &checked.datasets)?;
    let mut notes = Vec::new();
    let errors = checked.errors().count();
    if errors > 0 {
        notes.push(format!(
            "{} has {errors} errors; the records concerned are left out (see `sportdash validate {}`)",
            args.data.display(),
            args.data.display()
        ));
    }
    let state = &request.state;
    let lang = state.lang.unwrap_or_default();
    let selection = query::resolve(catalog, request.dataset, state);
    let data = query::chart(catalog, request.dataset, &selection);
    let style = Style::for_width(
        f64::from(request.size.0),
        1.0,
        state.theme_or_default(),
        false,
    );
    let bytes = match args.format {
        Format::Svg => svg(&data, catalog, lang, &style, request.size)?.into_bytes(),
        Format::Png => {
            let font = find_font(args.font.as_deref())?;
            notes.push(format!(
                "font: {} ({}, face {})",
                font.family,
                font.path.display(),
                font.face
            ));
            png(&data, catalog, lang, &style, request.size, &font)?
        }
    };
    fs::write(&args.output, bytes)
        .map_err(|e| Failure::Render(format!("cannot write {}: {e}", args.output.display())))?;
    let link = sportdash_core::state::to_query(&state.spelled_out(
        request.dataset.category,
        &data.indicator,
        &selection.entities,
        selection.years,
        lang,
        style.theme,
    ));
    notes.push(format!(
        "wrote {} ({}×{}): {}; in the dashboard: {link}",
        args.output.display(),
        request.size.0,
        request.size.1,
        sportdash_core::describe::title(&data, lang)
    ));
    Ok(notes)
}

fn drawing_failed(error: impl fmt::Display) -> Failure {
    Failure::Render(format!("cannot draw the chart: {error}"))
}

/// The chart as an SVG document, its type as large as on screen; its text names `sportdash_chart::FONT`
/// for the viewer to find.
pub fn svg(
    data: &query::ChartData,
    catalog: &Catalog,
    lang: Lang,
    style: &Style,
    size: (u32, u32),
) -> Result<String, Failure> {
    let mut out = String::new();
    sportdash_chart::svg_into(&mut out, data, catalog, lang, size, style)
        .map_err(drawing_failed)?;
    Ok(out)
}

/// The chart as a PNG file (8-bit RGB), its text drawn in `font`.
pub fn png(
    data: &query::ChartData,
    catalog: &Catalog,
    lang: Lang,
    style: &Style,
    size: (u32, u32),
    font: &CjkFont,
) -> Result<Vec<u8>, Failure> {
    let (width, height) = size;
    let mut pixels = vec![0u8; width as usize * height as usize * 3];
    {
        let backend = GlyphBackend {
            pixels: BitMapBackend::with_buffer(&mut pixels, size),
            font: &font.font,
        };
        let root = backend.into_drawing_area();
        sportdash_chart::draw(&root, data, catalog, lang, style).map_err(drawing_failed)?;
        root.present().map_err(drawing_failed)?;
    }
    let encoding_failed = |e: png::EncodingError| Failure::Render(format!("cannot encode: {e}"));
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(encoding_failed)?;
    writer.write_image_data(&pixels).map_err(encoding_failed)?;
    writer.finish().map_err(encoding_failed)?;
    Ok(out)
}

/// A font with Chinese glyphs, read from a file at run time.
pub struct CjkFont {
    pub path: PathBuf,
    /// The face's index in its file: a collection (.ttc) holds several.
    pub face: u32,
    /// The face's family name, e.g. "Noto Sans CJK SC".
    pub family: String,
    font: FontVec,
}

impl CjkFont {
    /// Whether the font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.font.glyph_id(c).0 != 0
    }
}

/// `explicit` when given, else the first of `SYSTEM_FONTS` that has Chinese glyphs. The error
/// names every file tried and why it was not used.
pub fn find_font(explicit: Option<&Path>) -> Result<CjkFont, Failure> {
    let candidates: Vec<PathBuf> = match explicit {
        Some(path) => vec![path.to_path_buf()],
        None => SYSTEM_FONTS.iter().map(PathBuf::from).collect(),
    };
    let mut tried = Vec::new();
    for path in candidates {
        match load_font(&path) {
            Ok(font) => return Ok(font),
            Err(reason) => tried.push(format!("  {}: {reason}", path.display())),
        }
    }
    Err(Failure::Render(format!(
        "no font with Chinese glyphs for the PNG; tried:\n{}\n\
         install one (Debian: apt-get install fonts-noto-cjk) or pass --font FILE",
        tried.join("\n")
    )))
}

/// The largest font file read: Noto Sans CJK's collection is about 20 MB.
const MAX_FONT_BYTES: usize = 64 * 1024 * 1024;

fn load_font(path: &Path) -> Result<CjkFont, String> {
    let bytes = files::read_bounded(path, MAX_FONT_BYTES)?;
    let (face, family) = chinese_face(&bytes)?;
    let font = FontVec::try_from_vec_and_index(bytes, face).map_err(|e| e.to_string())?;
    Ok(CjkFont {
        path: path.to_path_buf(),
        face,
        family,
        font,
    })
}

/// The face to draw with and its family name: of the faces that have Chinese glyphs, the
/// Simplified Chinese one ("… SC": Noto Sans CJK SC, PingFang SC) if there is one, else the
/// first. A collection's first face is not always it: Noto Sans CJK's is the Japanese one,
/// whose forms of some characters differ from those used in mainland China.
fn chinese_face(bytes: &[u8]) -> Result<(u32, String), String> {
    let count = ttf_parser::fonts_in_collection(bytes).unwrap_or(1);
    let mut faces = Vec::new();
    let mut last_error = None;
    for index in 0..count {
        match ttf_parser::Face::parse(bytes, index) {
            Ok(face) => {
                if CHINESE_SAMPLE
                    .chars()
                    .all(|c| face.glyph_index(c).is_some())
                {
                    faces.push((index, family_name(&face)));
                }
            }
            Err(e) => last_error = Some(e),
        }
    }
    let simplified = faces.iter().position(|(_, family)| family.ends_with(" SC"));
    match (simplified, faces.is_empty(), last_error) {
        (Some(position), _, _) => Ok(faces.swap_remove(position)),
        (None, false, _) => Ok(faces.swap_remove(0)),
        (None, true, Some(error)) => Err(format!("not a font file ({error})")),
        (None, true, None) => Err("has no Chinese glyphs".to_string()),
    }
}

/// The family a face belongs to: its typographic family, else its family name (OpenType name
/// ids 16 and 1).
fn family_name(face: &ttf_parser::Face) -> String {
    let name = |id: u16| {
        face.names()
            .into_iter()
            .filter(|n| n.name_id == id && n.is_unicode())
            .find_map(|n| n.to_string())
    };
    name(ttf_parser::name_id::TYPOGRAPHIC_FAMILY)
        .or_else(|| name(ttf_parser::name_id::FAMILY))
        .unwrap_or_default()
}

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

impl GlyphBackend<'_> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use sportdash_core::load;

    fn fixture() -> (Catalog, Vec<Dataset>) {
        let catalog = load::catalog(
            include_str!("../../core/tests/fixtures/mini/entities.json"),
            include_str!("../../core/tests/fixtures/mini/indicators.json"),
            include_str!("../../core/tests/fixtures/mini/reports.json"),
        )
        .value
        .expect("the mini catalog loads");
        let medals = load::dataset(
            "observations/medals.json",
            include_str!("../../core/tests/fixtures/mini/observations/medals.json"),
            Category::Medals,
        )
        .value
        .expect("the mini medals load");
        (catalog, vec![medals])
    }

    fn args(view: &str) -> Args {
        Args {
            view: view.to_string(),
            entities: None,
            years: None,
            indicator: None,
            format: Format::Svg,
            output: PathBuf::from("out.svg"),
            lang: "zh".to_string(),
            theme: "light".to_string(),
            width: 1200,
            height: 700,
            data: PathBuf::from("data"),
            font: None,
        }
    }

    fn refusal(args: &Args) -> String {
        let (catalog, datasets) = fixture();
        match request(args, &catalog, &datasets) {
            Err(Failure::Argument(message)) => message,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn arguments_become_the_dashboards_view_state() {
        let (catalog, datasets) = fixture();
        let mut args = args("medals");
        args.entities = Some("city, province,city".to_string());
        args.years = Some("2021-2023".to_string());
        args.indicator = Some("medals_gold".to_string());
        args.lang = "en".to_string();
        args.theme = "dark".to_string();
        args.width = 800;
        let request = request(&args, &catalog, &datasets).unwrap();
        assert_eq!(
            request.state,
            ViewState {
                view: Some(Category::Medals),
                indicator: Some("medals_gold".to_string()),
                entities: Some(vec!["city".to_string(), "province".to_string()]),
                years: Some((2021, 2023)),
                lang: Some(Lang::En),
                theme: Some(Theme::Dark),
                ..ViewState::default()
            }
        );
        assert_eq!(request.size, (800, 700));
        assert_eq!(request.dataset.category, Category::Medals);
    }

    #[test]
    fn years_are_read_as_the_address_reads_them() {
        for years in [
            "2022",
            "2021-2023",
            " 2021 - 2023 ",
            "2023-2021",
            "1899",
            "x",
            "2021-",
        ] {
            let (state, _) = sportdash_core::state::parse(&format!("years={years}"));
            assert_eq!(
                sportdash_core::state::parse_years(years),
                state.years,
                "{years}"
            );
        }
    }

    #[test]
    fn defaults_are_left_to_the_view() {
        let (catalog, datasets) = fixture();
        let request = request(&args("medals"), &catalog, &datasets).unwrap();
        assert_eq!(request.state.entities, None);
        assert_eq!(request.state.years, None);
        assert_eq!(request.state.indicator, None);
        assert_eq!(request.state.lang, Some(Lang::Zh));
        assert_eq!(request.state.theme_or_default(), Theme::Light);
        let selection = query::resolve(&catalog, request.dataset, &request.state);
        assert_eq!(selection.entities, vec!["city".to_string()]);
        assert_eq!(selection.years, Some((2022, 2022)));
        let data = query::chart(&catalog, request.dataset, &selection);
        assert_eq!(data.indicator, sportdash_core::model::MEDAL_TABLE);
    }

    #[test]
    fn bad_arguments_are_refused_with_what_is_allowed() {
        assert!(refusal(&args("pools")).contains("unknown view \"pools\"; the views are medals,"));
        let mut bad = args("medals");
        bad.entities = Some("city,atlantis".to_string());
        assert!(
            refusal(&bad).contains("unknown entity \"atlantis\"; the places are province, city")
        );
        bad.entities = Some(" , ".to_string());
        assert!(refusal(&bad).contains("--entities names no place"));
        for years in ["20x1", "1800", "2021-", ""] {
            let mut bad = args("medals");
            bad.years = Some(years.to_string());
            assert!(refusal(&bad).starts_with("malformed --years"), "{years}");
        }
        let mut bad = args("medals");
        bad.indicator = Some("sports_area_per_capita".to_string());
        assert_eq!(
            refusal(&bad),
            "indicator \"sports_area_per_capita\" is not in the medals view; \
             its indicators are medal_table, medals_gold"
        );
        let mut bad = args("medals");
        bad.width = 99;
        assert_eq!(
            refusal(&bad),
            "--width 99 is out of range: 100 to 8000 pixels"
        );
        let mut bad = args("medals");
        bad.height = 8001;
        assert!(refusal(&bad).starts_with("--height 8001 is out of range"));
        let mut bad = args("medals");
        bad.lang = "fr".to_string();
        assert!(refusal(&bad).starts_with("unknown --lang"));
        // The fixture has no facilities file.
        assert!(refusal(&args("facilities")).contains("no usable observations/facilities.json"));
    }
}
