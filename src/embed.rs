//! One chart for another site's iframe: title, legend, source line and a link to the full
//! dashboard; no site chrome. It tells the host page its height (see `sportdash_core::embed`).

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use sportdash_core::model::Catalog;
use sportdash_core::query::Cell;
use sportdash_core::state::{Mode, ViewState};

use crate::browser;
use crate::chart_view::ChartCanvas;
use crate::common::{loading, CatalogResource, Look, UrlNotes};
use crate::data::{self, LoadedCatalog, LoadedDataset};
use crate::share;
use crate::view::{selection_and_chart, SelectionNotes};
use sportdash_core::state::DEFAULT_VIEW;

#[component]
pub fn EmbedView(
    state: RwSignal<ViewState>,
    look: Look,
    catalog: CatalogResource,
    notes: Vec<String>,
) -> impl IntoView {
    let root = NodeRef::<html::Main>::new();
    let natural = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        let (Some(root), Some(natural)) = (root.get(), natural.get()) else {
            return;
        };
        // The embed fills its iframe, however tall the host made it (the chart takes what the
        // text leaves). It tells the host the height at which the chart has its natural size
        // (`.embed-natural`, by the width): that does not follow the iframe's height, so
        // sizing the iframe to it settles at once.
        let measured = root.clone();
        let mut posted = None;
        browser::observe_size(&root, move |_, _| {
            let frame = measured
                .query_selector(".chart-frame")
                .ok()
                .flatten()
                .map_or(0.0, |f| f.get_bounding_client_rect().height());
            let whole = measured.get_bounding_client_rect().height();
            let chart = natural.get_bounding_client_rect().height();
            // Posted when it changes: a host that sets another height is left to it.
            let wanted = (whole - frame + chart).ceil();
            if posted != Some(wanted) {
                posted = Some(wanted);
                browser::post_height(wanted);
            }
        });
    });
    view! {
        <main class="embed" node_ref=root>
            <div class="embed-natural" aria-hidden="true" node_ref=natural></div>
            <UrlNotes notes lang=look.lang/>
            {loading(
                catalog,
                look.lang,
                move |loaded| view! { <EmbedSection catalog=loaded state look/> },
            )}
        </main>
    }
}

#[component]
fn EmbedSection(
    catalog: Arc<LoadedCatalog>,
    state: RwSignal<ViewState>,
    look: Look,
) -> impl IntoView {
    let category = state.with_untracked(|s| s.view.unwrap_or(DEFAULT_VIEW));
    let indicator = state.with_untracked(|s| s.indicator.clone());
    let for_fetch = catalog.clone();
    let dataset =
        LocalResource::new(move || data::dataset(for_fetch.clone(), category, indicator.clone()));
    let catalog = Arc::new(catalog.catalog.clone());
    loading(dataset, look.lang, move |loaded| {
        view! { <EmbedChart catalog=catalog.clone() loaded state look/> }
    })
}

#[component]
fn EmbedChart(
    catalog: Arc<Catalog>,
    loaded: Arc<LoadedDataset>,
    state: RwSignal<ViewState>,
    look: Look,
) -> impl IntoView {
    let lang = look.lang;
    let strings = lang.strings();
    let category = loaded.dataset.category;
    let (chosen, chart) = selection_and_chart(&catalog, &loaded, state);
    let full = move || {
        let spelled = state.with(|s| {
            chosen.with(|c| {
                chart.with(|chart| {
                    s.spelled_out(
                        category,
                        &chart.indicator,
                        &c.entities,
                        c.years,
                        lang,
                        look.theme,
                    )
                })
            })
        });
        share::address(&ViewState {
            mode: Mode::Dashboard,
            ..spelled
        })
    };
    let source_catalog = catalog.clone();
    let sources = move || {
        chart.with(|c| {
            let docs: BTreeSet<&str> = c
                .rows
                .iter()
                .filter_map(|r| match &r.cell {
                    Cell::Value { observation, .. } => Some(observation.source.doc.as_str()),
                    Cell::NoData | Cell::Reference { .. } => None,
                })
                .collect();
            let named: BTreeSet<String> = docs
                .into_iter()
                .map(|doc| {
                    source_catalog.report(doc).map_or(doc.to_string(), |r| {
                        format!("{} {}", lang.pick(&r.publisher), r.published)
                    })
                })
                .collect();
            // National references name their publisher and publication.
            let cited: BTreeSet<String> = c
                .rows
                .iter()
                .filter_map(|r| match &r.cell {
                    Cell::Reference { reference, .. } => Some(format!(
                        "{} {}",
                        lang.pick(&reference.citation.publisher),
                        lang.pick(&reference.citation.title)
                    )),
                    _ => None,
                })
                .collect();
            named
                .into_iter()
                .chain(cited)
                .collect::<Vec<_>>()
                .join("; ")
        })
    };
    let heading = move || chart.with(|c| sportdash_core::describe::title(c, lang));
    view! {
        <h1 class="visually-hidden">{heading}</h1>
        <SelectionNotes chosen chart lang/>
        <ChartCanvas chart catalog look/>
        <p class="embed-source">
            <span>{strings.sources} ": " {sources}</span>
            <a href=full target="_blank" rel="noopener">
                {strings.open_dashboard}
            </a>
        </p>
    }
}
