//! The page: what the address asks for (`state::parse`, as the dashboard reads it), the data
//! (`web::data`), then the chart, its notes, its source line and the link back.

use std::sync::Arc;

use sportdash_core::describe::{self, ignored_notes, omitted_note};
use sportdash_core::lang::{Lang, Theme};
use sportdash_core::query;
use sportdash_core::state::{self, Mode, ViewState, DEFAULT_VIEW};
use wasm_bindgen::JsCast;
use web::data::{self, DataError, LoadedCatalog, LoadedDataset};
use web_sys::Element;

use crate::canvas::{self, Shown};
use crate::dom::{self, document, element, set};

pub fn start() {
    web::mark("main");
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (state, notes) = state::parse(&location.search().unwrap_or_default());
    let lang = state
        .lang
        .or_else(web::page::stored_lang)
        .unwrap_or_default();
    let theme = state.theme_or_default();
    web::page::mark_document(lang, theme);
    let root = found_or_made("main", "embed", &document().body().map(Element::from));
    let natural = found_or_made("div", "embed-natural", &Some(root.clone()));
    set(&natural, "aria-hidden", "true");
    let loading = found_or_made("p", "loading", &Some(root.clone()));
    set(&loading, "role", "status");
    loading.set_text_content(Some(lang.strings().loading));
    if !notes.is_empty() {
        let text = format!("{}{}", lang.strings().ignored_params, notes.join(", "));
        let note = element("p", "note", &text);
        set(&note, "role", "status");
        let _ = root.insert_before(&note, Some(&loading));
    }
    let again = crate::host::tell_height(&root, &natural);
    let folder = location
        .pathname()
        .map(|path| path[..path.rfind('/').map_or(0, |cut| cut + 1)].to_string())
        .unwrap_or_default();
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = load(&state).await;
        loading.remove();
        match loaded {
            Ok((catalog, dataset)) => show(
                &root,
                &state,
                catalog,
                &dataset,
                (lang, theme),
                &folder,
                again,
            ),
            Err(error) => {
                fail(&root, &error, lang);
                again();
            }
        }
    });
}

async fn load(state: &ViewState) -> Result<(Arc<LoadedCatalog>, Arc<LoadedDataset>), DataError> {
    let catalog = data::catalog().await?;
    let category = state.view.unwrap_or(DEFAULT_VIEW);
    let dataset = data::dataset(catalog.clone(), category, state.indicator.clone()).await?;
    Ok((catalog, dataset))
}

fn show(
    root: &Element,
    state: &ViewState,
    catalog: Arc<LoadedCatalog>,
    loaded: &LoadedDataset,
    (lang, theme): (Lang, Theme),
    folder: &str,
    again: crate::host::Again,
) {
    let strings = lang.strings();
    let dataset = &loaded.dataset;
    let chosen = query::resolve(&catalog.catalog, dataset, state);
    let chart = query::chart(&catalog.catalog, dataset, &chosen);
    let title = describe::title(&chart, lang);
    let append = |child: &Element| {
        let _ = root.append_child(child);
    };
    append(&element("h1", "visually-hidden", &title));
    for note in ignored_notes(&chosen.ignored, lang)
        .into_iter()
        .chain(omitted_note(&chart, lang))
    {
        let note = element("p", "note", &note);
        set(&note, "role", "status");
        append(&note);
    }
    let frame = element("div", "chart-frame", "");
    let canvas = element("canvas", "chart", "");
    for (name, value) in [
        ("role", "img"),
        ("tabindex", "0"),
        ("aria-label", title.as_str()),
        ("aria-describedby", "chart-summary"),
    ] {
        set(&canvas, name, value);
    }
    let _ = frame.append_child(&canvas);
    append(&frame);
    let names_cut = element("p", "names-cut", "");
    append(&names_cut);
    let summary = element(
        "p",
        "chart-summary",
        &describe::describe(&chart, &catalog.catalog, lang),
    );
    set(&summary, "id", "chart-summary");
    append(&summary);

    let spelled = state.spelled_out(
        dataset.category,
        &chart.indicator,
        &chosen.entities,
        chosen.years,
        lang,
        theme,
    );
    let full = ViewState {
        mode: Mode::Dashboard,
        ..spelled
    };
    let source = element("p", "embed-source", "");
    let sources = describe::sources(&chart, &catalog.catalog, lang);
    let _ = source.append_child(&element(
        "span",
        "",
        &format!("{}: {sources}", strings.sources),
    ));
    let link = element("a", "", strings.open_dashboard);
    set(
        &link,
        "href",
        &format!("{folder}{}", state::to_query(&full)),
    );
    set(&link, "target", "_blank");
    set(&link, "rel", "noopener");
    let _ = source.append_child(&link);
    append(&source);

    let Ok(canvas) = canvas.dyn_into::<web_sys::HtmlCanvasElement>() else {
        return;
    };
    let shown = Shown {
        data: chart,
        catalog,
        lang,
        theme,
    };
    let natural = found_or_made("div", "embed-natural", &Some(root.clone()));
    canvas::mount(shown, &frame, canvas, (names_cut, natural), again);
}

/// A data file that could not be used: which file, what is wrong, and a way to try again.
fn fail(root: &Element, error: &DataError, lang: Lang) {
    let strings = lang.strings();
    let alert = element("div", "file-error", "");
    set(&alert, "role", "alert");
    let _ = alert.append_child(&element("h2", "", strings.file_failed));
    let list = element("ul", "", "");
    let _ = list.append_child(&element("li", "file-error-message", &error.to_string()));
    let _ = alert.append_child(&list);
    let retry = element("button", "retry", strings.retry);
    dom::listen(retry.as_ref(), "click", |_: web_sys::MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    let _ = alert.append_child(&retry);
    let _ = root.append_child(&alert);
}

/// The first `<tag class="class">` inside `parent`, or a new one appended to it.
fn found_or_made(tag: &str, class: &str, parent: &Option<Element>) -> Element {
    let selector = format!("{tag}.{class}");
    if let Some(found) = parent
        .as_ref()
        .and_then(|p| p.query_selector(&selector).ok().flatten())
    {
        return found;
    }
    let made = element(tag, class, "");
    if let Some(parent) = parent {
        let _ = parent.append_child(&made);
    }
    made
}
