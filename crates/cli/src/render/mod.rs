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

mod args;
mod fonts;
mod glyphs;

use std::fmt;
use std::fs;

use plotters::prelude::*;

use sportdash_chart::Style;
use sportdash_core::files;
use sportdash_core::lang::{Lang, Theme};
use sportdash_core::model::{Catalog, Category, Dataset};
use sportdash_core::query;
use sportdash_core::state::ViewState;

pub use args::{Args, Failure, Format};
pub use fonts::{find_font, CjkFont, SYSTEM_FONTS};
pub use glyphs::GlyphBackend;

/// Pixel sizes a chart may have, each way.
pub const SIZES: std::ops::RangeInclusive<u32> = 100..=8000;

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
        let root = GlyphBackend::new(&mut pixels, size, font).into_drawing_area();
        sportdash_chart::draw(&root, data, catalog, lang, style).map_err(drawing_failed)?;
        root.present().map_err(drawing_failed)?;
    }
    glyphs::encode_png(&pixels, size)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    use sportdash_core::load;

    fn fixture() -> (Catalog, Vec<Dataset>) {
        let catalog = load::catalog(
            include_str!("../../../core/tests/fixtures/mini/entities.json"),
            include_str!("../../../core/tests/fixtures/mini/indicators.json"),
            include_str!("../../../core/tests/fixtures/mini/reports.json"),
        )
        .value
        .expect("the mini catalog loads");
        let medals = load::dataset(
            "observations/medals.json",
            include_str!("../../../core/tests/fixtures/mini/observations/medals.json"),
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
