//! A section's controls, chart and table, for one loaded dataset.

use std::sync::Arc;

use leptos::prelude::*;
use sportdash_core::describe::national_context;
use sportdash_core::describe::{ignored_notes, omitted_note};
use sportdash_core::i18n::indicator_about;
use sportdash_core::lang::Lang;
use sportdash_core::model::Catalog;
use sportdash_core::query;
use sportdash_core::state::{Show, ViewState};

use crate::browser;
use crate::chart_view::ChartCanvas;
use crate::common::{Look, Problems};
use crate::controls::{Filters, ViewBar};
use crate::data::LoadedDataset;
use crate::source::SourcePanel;
use crate::table::DataTable;

/// What the view state selects in a dataset, and the chart of it: both follow the state.
pub fn selection_and_chart(
    catalog: &Arc<Catalog>,
    loaded: &Arc<LoadedDataset>,
    state: RwSignal<ViewState>,
) -> (Memo<query::Selection>, Memo<query::ChartData>) {
    let chosen = {
        let (catalog, loaded) = (catalog.clone(), loaded.clone());
        Memo::new(move |_| state.with(|s| query::resolve(&catalog, &loaded.dataset, s)))
    };
    let chart = {
        let (catalog, loaded) = (catalog.clone(), loaded.clone());
        Memo::new(move |_| query::chart(&catalog, &loaded.dataset, &chosen.get()))
    };
    (chosen, chart)
}

#[component]
pub fn DatasetView(
    catalog: Arc<Catalog>,
    loaded: Arc<LoadedDataset>,
    state: RwSignal<ViewState>,
    look: Look,
    /// The chart drawn already, as SVG (the first view; see `ChartCanvas`).
    #[prop(optional)]
    still: Option<String>,
) -> impl IntoView {
    let lang = look.lang;
    let strings = lang.strings();
    let category = loaded.dataset.category;
    let (chosen, chart) = selection_and_chart(&catalog, &loaded, state);
    let spelled = Memo::new(move |_| {
        state.with(|s| {
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
        })
    });
    let show = Memo::new(move |_| state.with(|s| s.show));
    // The row whose source panel is open; a new chart closes it.
    let pinned = RwSignal::new(None::<usize>);
    Effect::new(move |_| {
        chart.track();
        pinned.set(None);
    });

    let diagnostics = loaded.diagnostics.clone();
    let table_catalog = catalog.clone();
    let about_catalog = catalog.clone();
    let context_catalog = catalog.clone();
    let panel_catalog = catalog.clone();
    let panel = move || {
        let index = pinned.get()?;
        let (row, comparisons) = chart.with(|c| {
            let row = c.rows.get(index).cloned()?;
            Some((row, sportdash_core::compare::of_row(c, index)))
        })?;
        let close = Callback::new(move |_| pinned.set(None));
        Some(view! { <SourcePanel row comparisons catalog=panel_catalog.clone() lang close/> })
    };

    view! {
        <SelectionNotes chosen chart lang/>
        <Filters catalog=catalog.clone() loaded=loaded.clone() chosen chart state lang/>
        <ViewBar catalog=catalog.clone() chosen chart spelled state look/>
        <Problems diagnostics lang/>
        <p class="indicator-about">
            {move || chart.with(|c| indicator_about(&about_catalog, &c.indicator, lang).map(str::to_string))}
        </p>
        {move || {
            chart.with(|c| {
                let (text, cited) = national_context(&context_catalog, &c.indicator, lang)?;
                let url = cited.citation.url.clone();
                Some(view! {
                    <p class="national-context">
                        {text}" "
                        <a href=url target="_blank" rel="noopener noreferrer">{lang.strings().citation}</a>
                    </p>
                })
            })
        }}
        <Show
            when=move || show.get() == Show::Chart
            fallback=move || view! { <DataTable chart catalog=table_catalog.clone() lang pin=pinned/> }
        >
            <ChartCanvas chart catalog=catalog.clone() look pin=pinned still=still.clone()/>
            <p class="hint">
                {strings.hint_tap}
                {(!browser::is_touch_only())
                    .then(|| view! { <span class="keys-hint">" · " {strings.chart_keys}</span> })}
            </p>
        </Show>
        {panel}
    }
}

/// What the link asked for that the view cannot show: ids the data does not have, years
/// without values. Said, and otherwise ignored, as unknown parameters are.
/// And what the chart could not draw of the data.
#[component]
pub fn SelectionNotes(
    chosen: Memo<query::Selection>,
    chart: Memo<query::ChartData>,
    lang: Lang,
) -> impl IntoView {
    move || {
        chosen
            .with(|c| ignored_notes(&c.ignored, lang))
            .into_iter()
            .chain(chart.with(|c| omitted_note(c, lang)))
            .map(|note| view! { <p class="note" role="status">{note}</p> })
            .collect_view()
    }
}
