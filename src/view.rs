//! A section's controls, chart and table, for one loaded dataset.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use sportdash_core::describe::{ignored_notes, omitted_note};
use sportdash_core::i18n::{
    entity_name, entity_within, filters_summary, indicator_about, indicator_name, more_matches,
    shown_name,
};
use sportdash_core::lang::Lang;
use sportdash_core::model::Catalog;
use sportdash_core::query;
use sportdash_core::search::PlaceIndex;
use sportdash_core::state::{Show, ViewState};

use super::browser;
use super::chart_view::ChartCanvas;
use super::data::LoadedDataset;
use super::download::Downloads;
use super::share::Share;
use super::source::SourcePanel;
use super::table::DataTable;
use super::{Look, Problems};

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

    let indicators = query::indicator_choices(&catalog, &loaded.dataset);
    let indicator_options = indicators
        .iter()
        .map(|id| {
            let label = indicator_name(&catalog, id, lang);
            let value = id.clone();
            let selected = {
                let id = id.clone();
                move || chart.with(|c| c.indicator == id)
            };
            view! { <option value=value selected=selected>{label}</option> }
        })
        .collect_view();

    let pickable = query::pickable_entities(&catalog, &loaded.dataset);
    let many = query::has_many_places(&loaded.dataset);
    let search = many.then(|| {
        view! { <EntitySearch pickable=Arc::new(pickable.clone()) catalog=catalog.clone() chosen state lang/> }
    });
    let entity_chips = (if many { Vec::new() } else { pickable })
        .into_iter()
        .map(|id| {
            let name = entity_name(&catalog, &id, lang);
            let english = catalog
                .entity(&id)
                .and_then(|e| e.name.en.as_deref().map(shown_name))
                .filter(|_| lang == Lang::Zh);
            let has_data = query::has_data(&loaded.dataset, &id);
            let pressed = {
                let id = id.clone();
                move || chosen.with(|s| s.entities.contains(&id))
            };
            let toggle = {
                let id = id.clone();
                move |_| {
                    let mut entities = chosen.get_untracked().entities;
                    if let Some(at) = entities.iter().position(|e| *e == id) {
                        entities.remove(at);
                    } else {
                        entities.push(id.clone());
                    }
                    state.update(|s| s.entities = Some(entities));
                }
            };
            view! {
                <button
                    class="chip"
                    class:empty=!has_data
                    data-entity=id.clone()
                    aria-pressed=move || pressed().to_string()
                    title=(!has_data).then_some(strings.no_data)
                    on:click=toggle
                >
                    {name}
                    {english.map(|en| view! { <span class="chip-en" lang="en">{en}</span> })}
                </button>
            }
        })
        .collect_view();

    // The years the indicator has values in: what the inputs offer and hold a typed year to.
    let span = {
        let loaded = loaded.clone();
        Memo::new(move |_| chart.with(|c| query::year_choices(&loaded.dataset, &c.indicator)))
    };
    // Years can be typed (a phone shows a number pad) or stepped with the arrows.
    let year_input = move |end: query::YearEnd| {
        let is_from = end == query::YearEnd::From;
        let current = move || {
            chosen.with(|s| {
                let (from, to) = s.years.unwrap_or_else(|| span.get());
                if is_from {
                    from
                } else {
                    to
                }
            })
        };
        view! {
            <input
                type="number"
                inputmode="numeric"
                class="year"
                data-role=if is_from { "year-from" } else { "year-to" }
                aria-label=if is_from { strings.year_from } else { strings.year_to }
                min=move || span.get().0
                max=move || span.get().1
                step="1"
                value=current().to_string()
                prop:value=move || current().to_string()
                on:change=move |ev| {
                    let Ok(typed) = event_target_value(&ev).trim().parse::<i32>() else {
                        return;
                    };
                    let span = span.get_untracked();
                    let now = chosen.get_untracked().years.unwrap_or(span);
                    let years = query::years_after_input(now, span, end, typed);
                    state.update(|s| s.years = Some(years));
                }
            />
        }
    };

    // On a phone the controls fold away under one line that says what is chosen.
    let summary = {
        let catalog = catalog.clone();
        move || chosen.with(|c| filters_summary(&catalog, &c.entities, c.years, lang))
    };

    let diagnostics = loaded.diagnostics.clone();
    let table_catalog = catalog.clone();
    let about_catalog = catalog.clone();
    let panel_catalog = catalog.clone();
    let panel = move || {
        let row = pinned
            .get()
            .and_then(|i| chart.with(|c| c.rows.get(i).cloned()))?;
        let close = Callback::new(move |_| pinned.set(None));
        Some(view! { <SourcePanel row catalog=panel_catalog.clone() lang close/> })
    };

    view! {
        <SelectionNotes chosen chart lang/>
        <details class="filters" open=!browser::is_narrow()>
            <summary>{summary}</summary>
            <div class="controls">
                <label class="control">
                    <span class="control-label">{strings.indicator}</span>
                    <select
                        class="indicator"
                        on:change=move |ev| {
                            let id = event_target_value(&ev);
                            state.update(|s| s.indicator = Some(id));
                        }
                    >
                        {indicator_options}
                    </select>
                </label>
                <div class="control" role="group" aria-label=strings.entities>
                    <span class="control-label" aria-hidden="true">{strings.entities}</span>
                    <div class="chips">{entity_chips}</div>
                    {search}
                </div>
                <div class="control years" role="group" aria-label=strings.years>
                    <span class="control-label" aria-hidden="true">{strings.years}</span>
                    {year_input(query::YearEnd::From)}
                    <span aria-hidden="true">"–"</span>
                    {year_input(query::YearEnd::To)}
                </div>
            </div>
        </details>
        <div class="view-bar">
            <div class="switch" role="group" aria-label=format!("{} / {}", strings.chart, strings.table)>
                <button
                    data-show="chart"
                    aria-pressed=move || (show.get() == Show::Chart).to_string()
                    on:click=move |_| state.update(|s| s.show = Show::Chart)
                >
                    {strings.chart}
                </button>
                <button
                    data-show="table"
                    aria-pressed=move || (show.get() == Show::Table).to_string()
                    on:click=move |_| state.update(|s| s.show = Show::Table)
                >
                    {strings.table}
                </button>
            </div>
            <button
                class="tool"
                data-action="top"
                aria-pressed=move || state.with(|s| s.top.is_some()).to_string()
                on:click=move |_| {
                    state.update(|s| s.top = if s.top.is_some() { None } else { Some(20) })
                }
            >
                {strings.ranking}
            </button>
            <Share spelled lang/>
            <Downloads chart selection=chosen catalog=catalog.clone() look/>
        </div>
        <Problems diagnostics lang/>
        <p class="indicator-about">
            {move || chart.with(|c| indicator_about(&about_catalog, &c.indicator, lang).map(str::to_string))}
        </p>
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

/// How many places a search offers at once; typing more narrows them.
const SUGGESTIONS: usize = 8;

/// Picking among thousands of places: type part of a name (Chinese or English) or an id.
#[component]
fn EntitySearch(
    pickable: Arc<Vec<String>>,
    catalog: Arc<Catalog>,
    chosen: Memo<query::Selection>,
    state: RwSignal<ViewState>,
    lang: Lang,
) -> impl IntoView {
    let strings = lang.strings();
    let typed = RwSignal::new(String::new());
    let field = NodeRef::<html::Input>::new();
    let list = NodeRef::<html::Ul>::new();
    let index = Arc::new(PlaceIndex::new(&catalog, &pickable));
    let found = Memo::new(move |_| {
        let picked = chosen.with(|c| c.entities.clone());
        typed.with(|t| index.search(t, &picked, SUGGESTIONS))
    });
    let add = move |id: String| {
        let mut entities = chosen.get_untracked().entities;
        if !entities.contains(&id) {
            entities.push(id);
        }
        state.update(|s| {
            s.entities = Some(entities);
            s.top = None;
        });
        typed.set(String::new());
    };
    let remove = move |id: String| {
        let entities: Vec<String> = chosen
            .get_untracked()
            .entities
            .into_iter()
            .filter(|e| *e != id)
            .collect();
        state.update(|s| s.entities = Some(entities));
    };
    let name_catalog = catalog.clone();
    let name_of = move |id: &str| entity_name(&name_catalog, id, lang);
    let list_name = name_of.clone();
    let within_catalog = catalog.clone();
    view! {
        <div class="entity-search">
            <div class="chips">
                {move || {
                    chosen
                        .with(|c| c.entities.clone())
                        .into_iter()
                        .map(|id| {
                            let label = format!("{} ×", name_of(&id));
                            let target = id.clone();
                            view! {
                                <button
                                    class="chip"
                                    data-entity=id
                                    aria-pressed="true"
                                    title=strings.remove
                                    on:click=move |_| remove(target.clone())
                                >
                                    {label}
                                </button>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <div class="search-box">
                <input
                    type="search"
                    class="search-places"
                    aria-label=strings.search_places
                    placeholder=strings.search_places
                    node_ref=field
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                    on:keydown=move |ev| {
                        match ev.key().as_str() {
                            "Enter" => {
                                if let Some(id) = found.with_untracked(|f| f.shown.first().cloned()) {
                                    add(id);
                                }
                            }
                            "Escape" => typed.set(String::new()),
                            "ArrowDown" => {
                                if let Some(list) = list.get_untracked() {
                                    ev.prevent_default();
                                    browser::focus_button(&list, 1);
                                }
                            }
                            _ => {}
                        }
                    }
                />
                <div class="search-results">
                    <ul
                        class="suggestions"
                        node_ref=list
                        on:keydown=move |ev| {
                            let Some(list) = list.get_untracked() else { return };
                            let back_to_field = || {
                                if let Some(field) = field.get_untracked() {
                                    let _ = field.focus();
                                }
                            };
                            match ev.key().as_str() {
                                "ArrowDown" => {
                                    ev.prevent_default();
                                    browser::focus_button(&list, 1);
                                }
                                "ArrowUp" => {
                                    ev.prevent_default();
                                    if !browser::focus_button(&list, -1) {
                                        back_to_field();
                                    }
                                }
                                "Escape" => {
                                    typed.set(String::new());
                                    back_to_field();
                                }
                                _ => {}
                            }
                        }
                    >
                        {move || {
                            found
                                .with(|f| f.shown.clone())
                                .into_iter()
                                .map(|id| {
                                    let label = list_name(&id);
                                    let within = entity_within(&within_catalog, &id, lang)
                                        .map(|within| view! { <span class="within">{within}</span> });
                                    let target = id.clone();
                                    view! {
                                        <li>
                                            <button data-pick=id on:click=move |_| add(target.clone())>
                                                {label}
                                                {within}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                    {move || {
                        let (shown, total) = found.with(|f| (f.shown.len(), f.total));
                        (total > shown)
                            .then(|| view! { <p class="more-matches">{more_matches(lang, total - shown)}</p> })
                    }}
                </div>
            </div>
        </div>
    }
}
