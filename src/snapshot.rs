//! The first view: the dashboard's default view written into `index.html` when the site is
//! built (`sportdash snapshot`), so that a visitor sees its chart at the page's first paint,
//! while the wasm is still on its way (native only).
//!
//! It is the page the app builds for an address without parameters, in the same markup and
//! classes (so the same layout) with the canvas as SVG drawn by `chart`, inert. `first-view.js`
//! hides it where the app will show another view; the app, built unseen after it, takes its
//! place once its own chart is drawn (`app::browser::reveal`). Drawn from the data the site is
//! built with: a site whose data changed since shows the data as built until the app has
//! drawn; a data set with problems, or too many places to list, gets no first view.

use std::fmt::Write;
use std::path::Path;

use crate::chart::{self, Style};
use crate::files;
use crate::i18n::{category_name, entity_name, filters_summary, indicator_about, indicator_name};
use crate::i18n::{Lang, Strings};
use crate::load::{ENTITIES_FILE, INDICATORS_FILE, REPORTS_FILE};
use crate::model::{Catalog, Category, Dataset};
use crate::query;
use crate::state::{Theme, ViewState, DEFAULT_VIEW};

/// Where `index.html` takes the first view, and where a first view written there ends.
pub const MARKER: &str = "<!-- sportdash:first-view -->";
pub const END: &str = "<!-- /sportdash:first-view -->";

/// The sizes the chart is drawn at: its frame's CSS size on a phone (390 × 844, three device
/// pixels to the CSS pixel, as the app draws there), a laptop (1366 × 768) and a presentation
/// screen (1920 × 1080); tests/e2e checks these against the live canvas. `style.css` shows each
/// at the widths it is for (`.first-view`); at other sizes the nearest is scaled to the frame
/// until the app's own chart takes its place.
pub const FRAMES: [Frame; 3] = [
    Frame {
        name: "phone",
        size: (356, 490),
        ratio: 3,
    },
    Frame {
        name: "laptop",
        size: (1298, 476),
        ratio: 1,
    },
    Frame {
        name: "screen",
        size: (1718, 670),
        ratio: 1,
    },
];

/// A chart frame's size in CSS pixels, and the device pixels per CSS pixel it is drawn for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame {
    pub name: &'static str,
    pub size: (u32, u32),
    pub ratio: u32,
}

/// The first view of `dataset` (the default view's section), or why there is none.
pub fn first_view(catalog: &Catalog, dataset: &Dataset) -> Result<String, String> {
    if dataset.category != DEFAULT_VIEW {
        return Err(format!(
            "the first view is of {}, not {}",
            DEFAULT_VIEW.id(),
            dataset.category.id()
        ));
    }
    if query::has_many_places(dataset) {
        return Err("the default view has too many places to list".to_string());
    }
    let lang = Lang::default();
    let strings = lang.strings();
    let state = ViewState::default();
    let selection = query::resolve(catalog, dataset, &state);
    let data = query::chart(catalog, dataset, &selection);
    if data.rows.is_empty() {
        return Err("the default view has nothing to draw".to_string());
    }
    let span = query::year_choices(dataset, &data.indicator);
    let (from, to) = selection.years.unwrap_or(span);

    let mut html = String::new();
    html.push_str("<div class=\"app first-view\" inert>");
    html.push_str(&masthead(strings));
    html.push_str(&tabs(strings, lang));
    html.push_str("<main class=\"section\">");
    let summary = escape(&filters_summary(
        catalog,
        &selection.entities,
        selection.years,
        lang,
    ));
    let controls = controls(catalog, dataset, &selection, &data, lang, (from, to), span);
    // A phone shows the controls folded (`app::browser::is_narrow`): `style.css` folds these
    // there, as the app does.
    let _ = write!(
        html,
        "<details class=\"filters\" open><summary>{summary}</summary>{controls}</details>"
    );
    html.push_str(&view_bar(strings));
    let _ = write!(
        html,
        "<p class=\"indicator-about\">{}</p>",
        escape(indicator_about(catalog, &data.indicator, lang).unwrap_or_default())
    );
    html.push_str("<div class=\"chart-frame\">");
    for frame in FRAMES {
        let (width, height) = frame.size;
        let style = Style::for_width(
            f64::from(width),
            f64::from(frame.ratio),
            Theme::Light,
            false,
        );
        let pixels = (width * frame.ratio, height * frame.ratio);
        let mut svg = String::new();
        chart::svg_into(&mut svg, &data, catalog, lang, pixels, &style)
            .map_err(|e| format!("the chart cannot be drawn at {width}×{height}: {e}"))?;
        html.push_str(&inline_svg(&svg, frame.name, &chart::title(&data, lang))?);
    }
    html.push_str("</div>");
    let _ = write!(
        html,
        "<p class=\"chart-summary\">{}</p><p class=\"hint\">{}<span class=\"keys-hint\"> · {}</span></p>",
        escape(&chart::describe(&data, catalog, lang)),
        escape(strings.hint_tap),
        escape(strings.chart_keys)
    );
    let _ = write!(
        html,
        "</main><footer class=\"footer\">{}</footer></div>",
        escape(strings.footer)
    );
    Ok(html)
}

/// The first view of the data in `data_dir`, read and checked as the app reads it.
pub fn of_dir(data_dir: &Path) -> Result<String, String> {
    let checked = files::check_dir(data_dir, None);
    let catalog = checked
        .catalog
        .as_ref()
        .ok_or("the catalog cannot be read")?;
    let shown = [
        ENTITIES_FILE.to_string(),
        INDICATORS_FILE.to_string(),
        REPORTS_FILE.to_string(),
        DEFAULT_VIEW.dataset_file(),
    ];
    // The app lists a file's problems above its chart: a first view without them would jump.
    if let Some(problem) = checked.diagnostics.iter().find(|d| shown.contains(&d.file)) {
        return Err(format!("the data has problems ({problem})"));
    }
    let dataset = checked
        .datasets
        .iter()
        .find(|d| d.category == DEFAULT_VIEW)
        .ok_or_else(|| format!("{} cannot be read", DEFAULT_VIEW.dataset_file()))?;
    first_view(catalog, dataset)
}

/// `page` (Trunk's `index.html`) with `first_view` at its marker, in place of the one written
/// there before, if any; with `None`, without one.
pub fn into_page(page: &str, first_view: Option<&str>) -> Result<String, String> {
    let (count, at) = (page.matches(MARKER).count(), page.find(MARKER));
    let Some(start) = at.filter(|_| count == 1) else {
        return Err(format!(
            "the page has {count} first-view markers ({MARKER}), not one"
        ));
    };
    let after = start + MARKER.len();
    let end = match page[after..].find(END) {
        Some(written) => after + written + END.len(),
        None => after,
    };
    Ok(format!(
        "{}{MARKER}{}{END}{}",
        &page[..start],
        first_view.unwrap_or_default(),
        &page[end..]
    ))
}

fn masthead(strings: &Strings) -> String {
    format!(
        "<header class=\"masthead\"><div class=\"masthead-text\"><h1>{}</h1><p class=\"subtitle\">{}</p></div>\
         <div class=\"toolbar\"><button class=\"tool\" lang=\"en\" title=\"{}\">{}</button>\
         <button class=\"tool\" aria-pressed=\"false\" title=\"{}\">{}</button>\
         <button class=\"tool present\">{}</button></div></header>",
        escape(strings.app_title),
        escape(strings.app_subtitle),
        escape(strings.other_lang_hint),
        escape(strings.other_lang),
        escape(strings.theme_hint),
        escape(strings.theme_dark),
        escape(strings.present),
    )
}

fn tabs(strings: &Strings, lang: Lang) -> String {
    let mut html = format!(
        "<nav class=\"tabs\" aria-label=\"{}\">",
        escape(strings.sections)
    );
    for category in Category::ALL {
        let _ = write!(
            html,
            "<button class=\"tab\" aria-pressed=\"{}\">{}</button>",
            category == DEFAULT_VIEW,
            escape(category_name(category, lang))
        );
    }
    for name in [strings.sources_tab, strings.coverage_tab] {
        let _ = write!(
            html,
            "<button class=\"tab page-tab\" aria-pressed=\"false\">{}</button>",
            escape(name)
        );
    }
    html.push_str("</nav>");
    html
}

fn controls(
    catalog: &Catalog,
    dataset: &Dataset,
    selection: &query::Selection,
    data: &query::ChartData,
    lang: Lang,
    (from, to): (i32, i32),
    span: (i32, i32),
) -> String {
    let strings = lang.strings();
    // The indicator as a closed <select> shows it (`style.css`, `.select-like`), for a control
    // that takes no input here anyway: a <select> is costly to build, and without it the first
    // view's chart came at 468 ms, not 496, at a quarter of the CPU speed (16 loads each).
    let mut html = format!(
        "<div class=\"controls\"><label class=\"control\"><span class=\"control-label\">{}</span>\
         <span class=\"indicator select-like\">{}</span></label><div class=\"control\" role=\"group\" aria-label=\"{2}\">\
         <span class=\"control-label\" aria-hidden=\"true\">{2}</span><div class=\"chips\">",
        escape(strings.indicator),
        escape(&indicator_name(catalog, &data.indicator, lang)),
        escape(strings.entities)
    );
    for id in query::pickable_entities(catalog, dataset) {
        let has_data = query::has_data(dataset, &id);
        let english = catalog
            .entity(&id)
            .and_then(|e| e.name.en.as_deref().map(crate::i18n::shown_name))
            .filter(|_| lang == Lang::Zh);
        let _ = write!(
            html,
            "<button class=\"chip{}\" aria-pressed=\"{}\"{}>{}{}</button>",
            if has_data { "" } else { " empty" },
            selection.entities.contains(&id),
            if has_data {
                String::new()
            } else {
                format!(" title=\"{}\"", escape(strings.no_data))
            },
            escape(&entity_name(catalog, &id, lang)),
            english.map_or_else(String::new, |en| format!(
                "<span class=\"chip-en\" lang=\"en\">{}</span>",
                escape(&en)
            )),
        );
    }
    let year = |label: &str, value: i32| {
        format!(
            "<input type=\"number\" inputmode=\"numeric\" class=\"year\" aria-label=\"{}\" min=\"{}\" max=\"{}\" step=\"1\" value=\"{value}\">",
            escape(label),
            span.0,
            span.1
        )
    };
    let _ = write!(
        html,
        "</div></div><div class=\"control years\" role=\"group\" aria-label=\"{0}\">\
         <span class=\"control-label\" aria-hidden=\"true\">{0}</span>{1}<span aria-hidden=\"true\">–</span>{2}</div></div>",
        escape(strings.years),
        year(strings.year_from, from),
        year(strings.year_to, to)
    );
    html
}

fn view_bar(strings: &Strings) -> String {
    format!(
        "<div class=\"view-bar\"><div class=\"switch\" role=\"group\" aria-label=\"{chart} / {table}\">\
         <button aria-pressed=\"true\">{chart}</button><button aria-pressed=\"false\">{table}</button></div>\
         <button class=\"tool\" aria-pressed=\"false\">{}</button>\
         <div class=\"share\"><button class=\"tool\">{}</button><button class=\"tool\" aria-expanded=\"false\">{}</button>\
         <span class=\"share-status\" role=\"status\"></span></div>\
         <div class=\"downloads\" role=\"group\" aria-label=\"{export}\"><span class=\"control-label\" aria-hidden=\"true\">{export}</span>\
         <button class=\"tool\">{}</button><button class=\"tool\">{}</button><button class=\"tool\">{}</button></div></div>",
        escape(strings.ranking),
        escape(strings.copy_link),
        escape(strings.embed),
        escape(strings.download_png),
        escape(strings.download_svg),
        escape(strings.download_csv),
        chart = escape(strings.chart),
        table = escape(strings.table),
        export = escape(strings.export),
    )
}

/// plotters' SVG document as an element of the page: classed for its size, scaled to its frame,
/// and a third smaller to parse: the font family every text names, and the full opacity every
/// shape names, said once on the element (the same picture).
fn inline_svg(svg: &str, size_name: &str, title: &str) -> Result<String, String> {
    let (open, rest) = svg
        .split_once('>')
        .filter(|(open, _)| open.starts_with("<svg "))
        .ok_or("the chart's SVG does not start with <svg …>")?;
    let view_box = open
        .split_once("viewBox=\"")
        .and_then(|(_, after)| after.split_once('"'))
        .map(|(view_box, _)| view_box)
        .ok_or("the chart's SVG has no viewBox")?;
    let family = format!(" font-family=\"{}\"", chart::FONT);
    let rest = rest.replace(&family, "").replace(" opacity=\"1\"", "");
    Ok(format!(
        "<svg class=\"chart {size_name}\" viewBox=\"{view_box}\" preserveAspectRatio=\"xMidYMid meet\" \
         xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{}\"{family}>{rest}",
        escape(title)
    ))
}

/// Text as HTML text or a quoted attribute value.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_html() {
        assert_eq!(escape("a<b> & \"c\""), "a&lt;b&gt; &amp; &quot;c&quot;");
    }

    #[test]
    fn the_page_takes_the_first_view_at_its_one_marker_in_place_of_the_last() {
        let page = format!("<body>{MARKER}<p></p></body>");
        let written = into_page(&page, Some("<div>x</div>")).unwrap();
        assert_eq!(
            written,
            format!("<body>{MARKER}<div>x</div>{END}<p></p></body>")
        );
        let again = into_page(&written, Some("<div>y</div>")).unwrap();
        assert_eq!(
            again,
            format!("<body>{MARKER}<div>y</div>{END}<p></p></body>")
        );
        let none = into_page(&again, None).unwrap();
        assert_eq!(none, format!("<body>{MARKER}{END}<p></p></body>"));
        assert!(into_page("<body></body>", None).is_err());
        assert!(into_page(&format!("{MARKER}{MARKER}"), Some("x")).is_err());
    }

    #[test]
    fn an_svg_without_its_opening_tag_is_refused() {
        assert!(inline_svg("<g></g>", "laptop", "t").is_err());
        let svg = inline_svg(
            &format!(
                "<svg width=\"10\" height=\"5\" viewBox=\"0 0 10 5\" xmlns=\"x\">\n\
                 <rect opacity=\"1\" fill=\"#FFF\"/><text x=\"1\" font-family=\"{}\">2</text></svg>",
                chart::FONT
            ),
            "phone",
            "A & B",
        )
        .unwrap();
        assert_eq!(
            svg,
            format!(
                "<svg class=\"chart phone\" viewBox=\"0 0 10 5\" preserveAspectRatio=\"xMidYMid meet\" \
                 xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"A &amp; B\" font-family=\"{}\">\n\
                 <rect fill=\"#FFF\"/><text x=\"1\">2</text></svg>",
                chart::FONT
            )
        );
    }
}
