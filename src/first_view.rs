//! The first view: the dashboard's default view written into `index.html` when the site is
//! built (`sportdash snapshot`), so that a visitor sees its chart at the page's first paint,
//! while the wasm is still on its way (native only).
//!
//! It is rendered to HTML from the app's own components (`Frame`, `DatasetView`: Leptos renders
//! them natively, server-side) for an address without parameters, with the chart drawn
//! as SVG by the same chart code in the canvas's place. `first-view.js`, written with it, hides
//! it where the app will show another view; the app, built unseen after it, takes its place
//! once its own chart is drawn (`browser::reveal`). Drawn from the data the site is built with:
//! a site whose data changed since shows the data as built until the app has drawn; a data set
//! with problems, or too many places to list, gets no first view.

use std::path::Path;
use std::sync::Arc;

use leptos::prelude::*;
use sportdash_chart::Style;
use sportdash_core::files;
use sportdash_core::lang::{Lang, Theme, LANG_KEY};
use sportdash_core::load::{ENTITIES_FILE, INDICATORS_FILE, REPORTS_FILE};
use sportdash_core::model::{Catalog, Dataset};
use sportdash_core::query;
use sportdash_core::state::{ViewState, DEFAULT_VIEW, EMBED_PAGE};

use crate::browser::TAPS_KEY;
use crate::common::Look;
use crate::data::LoadedDataset;
use crate::frame::Frame;
use crate::view::DatasetView;

/// Where `index.html` takes the first view, and where a first view written there ends.
pub const MARKER: &str = "<!-- sportdash:first-view -->";
pub const END: &str = "<!-- /sportdash:first-view -->";

/// The sizes the chart is drawn at: its frame's CSS size on a phone (390 × 844, three device
/// pixels to the CSS pixel, as the app draws there), a laptop (1366 × 768) and a presentation
/// screen (1920 × 1080); tests/e2e checks these against the live canvas. `style.css` shows each
/// at the widths it is for (`.first-view`); at other sizes the nearest is scaled to the frame
/// until the app's own chart takes its place.
pub const SIZES: [ChartSize; 3] = [
    ChartSize {
        name: "phone",
        size: (356, 490),
        ratio: 3,
    },
    ChartSize {
        name: "laptop",
        size: (1298, 476),
        ratio: 1,
    },
    ChartSize {
        name: "screen",
        size: (1718, 670),
        ratio: 1,
    },
];

/// A chart frame's size in CSS pixels, and the device pixels per CSS pixel it is drawn for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartSize {
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
    let state = ViewState::default();
    let lang = Lang::default();
    let data = query::chart(catalog, dataset, &query::resolve(catalog, dataset, &state));
    if data.rows.is_empty() {
        return Err("the default view has nothing to draw".to_string());
    }
    let title = sportdash_core::describe::title(&data, lang);
    let mut charts = String::new();
    for chart in SIZES {
        let (width, height) = chart.size;
        let style = Style::for_width(
            f64::from(width),
            f64::from(chart.ratio),
            Theme::Light,
            false,
        );
        let pixels = (width * chart.ratio, height * chart.ratio);
        let mut svg = String::new();
        sportdash_chart::svg_into(&mut svg, &data, catalog, lang, pixels, &style)
            .map_err(|e| format!("the chart cannot be drawn at {width}×{height}: {e}"))?;
        charts.push_str(&inline_svg(&svg, chart.name, &title)?);
    }
    Ok(render(catalog, dataset, charts))
}

/// The app's page for the default view, its chart `charts`: the same components the app mounts.
fn render(catalog: &Catalog, dataset: &Dataset, charts: String) -> String {
    let owner = Owner::new();
    owner.with(|| {
        let state = RwSignal::new(ViewState::default());
        let look = Look {
            lang: Lang::default(),
            theme: Theme::Light,
        };
        let catalog = Arc::new(catalog.clone());
        let loaded = Arc::new(LoadedDataset {
            dataset: dataset.clone(),
            diagnostics: Vec::new(),
        });
        view! {
            <Frame state look notes=Vec::new() first_view=true>
                <DatasetView catalog loaded state look still=charts/>
            </Frame>
        }
        .to_html()
    })
}

/// The first view of the data in `data_dir`, read and checked as the app reads it.
pub fn of_dir(data_dir: &Path) -> Result<String, String> {
    of_checked(&files::check_dir(data_dir, None))
}

/// The first view of a data directory already read and checked (`files::check_dir`).
pub fn of_checked(checked: &files::Checked) -> Result<String, String> {
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

/// `first-view.js`: before the body is parsed, it sends an embed's address (`embed=1`, from
/// before the light embed page; the mode as `state::parse` reads it) to that page; keeps the
/// first view's taps on its buttons and changes to its picker and years for the app to replay;
/// and hides the first view where the app will show another view: an address with parameters,
/// or another language than the first view's remembered on the device. Written from the app's
/// own storage key, default language and embed page, so the two cannot drift apart.
pub fn script() -> String {
    format!(
        "// Written by `sportdash snapshot` (src/first_view.rs): sends embeds to {EMBED_PAGE}, keeps the\n\
         // first view's taps for the app, and hides the first view where the app will show another\n\
         // view. A file, not inline: the site runs under a CSP without inline scripts.\n\
         (function () {{\n  \
         var mode = null;\n  \
         location.search.slice(1).split('&').forEach(function (pair) {{\n    \
         var at = pair.indexOf('='), key = at < 0 ? pair : pair.slice(0, at), value = null;\n    \
         try {{ value = decodeURIComponent(pair.slice(at + 1)); }} catch (e) {{}}\n    \
         if ((key === 'embed' || key === 'present') && at >= 0 && value === '1') mode = key;\n  \
         }});\n  \
         if (mode === 'embed') {{\n    \
         location.replace('{EMBED_PAGE}' + location.search + location.hash);\n    return;\n  }}\n  \
         // Until the app takes over, a tap on a button or a changed picker or year is kept for the\n  \
         // app to replay (browser::reveal). Tabs, chips and switches show it at once; other\n  \
         // buttons show that they wait.\n  \
         var taps = window.{TAPS} = [];\n  \
         function inView(event) {{\n    \
         var target = event.target;\n    \
         return target && target.closest && target.closest('.first-view') ? target : null;\n  }}\n  \
         // The app's own button for a first-view button: the same data attribute and value.\n  \
         function selectorOf(button) {{\n    \
         var data = button.dataset;\n    \
         if (data.view !== undefined) return '.tabs .tab[data-view=\"' + data.view + '\"]';\n    \
         if (data.entity !== undefined) return '.chips .chip[data-entity=\"' + data.entity + '\"]';\n    \
         var names = ['show', 'action', 'export'];\n    \
         for (var i = 0; i < names.length; i++) {{\n      \
         if (data[names[i]] !== undefined) return 'button[data-' + names[i] + '=\"' + data[names[i]] + '\"]';\n    \
         }}\n    \
         return null;\n  }}\n  \
         document.addEventListener('click', function (event) {{\n    \
         var target = inView(event);\n    \
         if (!target || target.closest('a[href], select, input')) return;\n    \
         event.preventDefault();\n    \
         event.stopPropagation();\n    \
         // A phone keeps the chips folded under the filters' summary (style.css).\n    \
         var summary = target.closest('details.filters > summary');\n    \
         if (summary) {{\n      \
         taps.push('details.filters > summary');\n      \
         summary.parentNode.classList.toggle('unfolded');\n      \
         return;\n    \
         }}\n    \
         var button = target.closest('button');\n    \
         var selector = button && selectorOf(button);\n    \
         if (!selector) return;\n    \
         taps.push(selector);\n    \
         var pressed = button.getAttribute('aria-pressed');\n    \
         var group = button.dataset.view !== undefined ? '.tab' : button.dataset.show !== undefined ? '[data-show]' : null;\n    \
         if (group) {{\n      \
         button.parentNode.querySelectorAll(group).forEach(function (b) {{ b.setAttribute('aria-pressed', String(b === button)); }});\n    \
         }} else if (pressed !== null) {{\n      \
         button.setAttribute('aria-pressed', String(pressed !== 'true'));\n    \
         }} else {{\n      \
         button.classList.add('waiting');\n    \
         }}\n  \
         }}, true);\n  \
         document.addEventListener('change', function (event) {{\n    \
         var target = inView(event);\n    \
         if (!target) return;\n    \
         var selector = target.matches('select.indicator') ? 'select.indicator'\n      \
         : target.matches('input[data-role]') ? 'input[data-role=\"' + target.dataset.role + '\"]' : null;\n    \
         if (selector) taps.push([selector, target.value]);\n  \
         }}, true);\n  \
         document.addEventListener('keydown', function (event) {{\n    \
         var target = inView(event);\n    \
         if (target && event.key !== 'Tab' && !target.closest('button, a[href], select, input')) event.preventDefault();\n  \
         }}, true);\n  \
         document.addEventListener('submit', function (event) {{\n    \
         if (inView(event)) event.preventDefault();\n  \
         }}, true);\n  \
         var other = location.search.length > 1;\n  try {{\n    \
         var stored = localStorage.getItem('{LANG_KEY}');\n    \
         other = other || (stored !== null && JSON.parse(stored) !== '{}');\n  \
         }} catch (e) {{\n    // Storage refused or unreadable: the app then falls back to the default language too.\n  \
         }}\n  if (other) document.documentElement.className = 'not-first-view';\n}})();\n",
        Lang::default().id(),
        TAPS = TAPS_KEY,
    )
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
    let family = format!(" font-family=\"{}\"", sportdash_chart::FONT);
    let rest = rest.replace(&family, "").replace(" opacity=\"1\"", "");
    Ok(format!(
        "<svg class=\"chart {size_name}\" viewBox=\"{view_box}\" preserveAspectRatio=\"xMidYMid meet\" \
         xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{}\"{family}>{rest}",
        escape(title)
    ))
}

/// Text as a quoted attribute value.
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
                sportdash_chart::FONT
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
                sportdash_chart::FONT
            )
        );
    }

    /// The first view is the app's page: its masthead, tabs, controls and chart text come from
    /// the components the app mounts, here rendered from the shipped data.
    #[test]
    fn the_first_view_is_rendered_from_the_apps_components() {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let html = of_dir(&data).unwrap();
        for part in [
            "class=\"app first-view\"",
            "<h1>体育发展指标</h1>",
            "data-view=\"medals\"",
            "data-entity=\"jiaozuo\"",
            "class=\"indicator\"",
            "data-role=\"year-from\"",
            "data-action=\"copy-link\"",
            "<svg class=\"chart phone\"",
            "<svg class=\"chart laptop\"",
            "<svg class=\"chart screen\"",
            "class=\"chart-summary\"",
        ] {
            assert!(html.contains(part), "{part} is not in the first view");
        }
        assert!(
            !html.contains("<canvas"),
            "the chart is the SVG, not a canvas"
        );
    }

    #[test]
    fn the_script_reads_what_the_app_stores() {
        let script = script();
        assert!(script.contains(&format!("localStorage.getItem('{LANG_KEY}')")));
        assert!(script.contains("!== 'zh'"));
    }

    /// The script sends to the embed page exactly the addresses the app reads as an embed
    /// (`state::parse`), run in Node where it is installed (CI has it).
    #[test]
    fn the_script_sends_to_the_embed_page_what_the_app_reads_as_an_embed() {
        let queries = [
            "?embed=1",
            "?view=medals&embed=0&embed=1",
            "?embed=1&embed=yes",
            "?embed=1&present=1",
            "?present=1&embed=1",
            "?embed=%31",
            "?embed=%E4",
            "?embed",
            "?embed=",
            "?embedded=1",
            "?view=medals",
            "",
        ];
        let harness = format!(
            "const script = {};\n\
             for (const search of {}) {{\n  \
             let sent = null;\n  \
             const location = {{ search, hash: '', replace: (to) => {{ sent = to; }} }};\n  \
             const document = {{ documentElement: {{}}, addEventListener: () => {{}} }};\n  \
             new Function('location', 'document', 'localStorage', 'window', script)(location, document, {{ getItem: () => null }}, {{}});\n  \
             console.log(sent === null ? '-' : sent);\n}}\n",
            serde_json::to_string(&script()).unwrap(),
            serde_json::to_string(&queries).unwrap()
        );
        let output = match std::process::Command::new("node")
            .arg("-e")
            .arg(&harness)
            .output()
        {
            Ok(output) => output,
            Err(e) if std::env::var_os("CI").is_some() => panic!("node is needed in CI: {e}"),
            Err(_) => return,
        };
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let sent: Vec<String> = String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(str::to_string)
            .collect();
        let expected: Vec<String> = queries
            .iter()
            .map(|q| match sportdash_core::state::parse(q).0.mode {
                sportdash_core::state::Mode::Embed => format!("{EMBED_PAGE}{q}"),
                _ => "-".to_string(),
            })
            .collect();
        assert_eq!(sent, expected);
    }
}
