//! A section's controls, chart and table, for one loaded dataset.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{entity_name, indicator_name, Lang};
use crate::model::Catalog;
use crate::query;
use crate::state::{Show, ViewState};

use super::chart_view::ChartCanvas;
use super::data::LoadedDataset;
use super::table::DataTable;
use super::Problems;

#[component]
pub fn DatasetView(
    catalog: Arc<Catalog>,
    loaded: Arc<LoadedDataset>,
    state: RwSignal<ViewState>,
) -> impl IntoView {
    let lang = Lang::Zh;
    let strings = lang.strings();
    let chosen = {
        let (catalog, loaded) = (catalog.clone(), loaded.clone());
        Memo::new(move |_| state.with(|s| query::resolve(&catalog, &loaded.dataset, s)))
    };
    let chart = {
        let (catalog, loaded) = (catalog.clone(), loaded.clone());
        Memo::new(move |_| query::chart(&catalog, &loaded.dataset, &chosen.get()))
    };
    let show = Memo::new(move |_| state.with(|s| s.show));

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

    let entity_chips = query::comparable_entities(&catalog)
        .into_iter()
        .map(|id| {
            let name = entity_name(&catalog, &id, lang);
            let english = catalog
                .entity(&id)
                .and_then(|e| e.name.en.clone())
                .filter(|_| lang == Lang::Zh);
            let has_data = loaded.dataset.observations.iter().any(|o| o.entity == id);
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

    let span = query::year_span(&loaded.dataset).unwrap_or((2020, 2024));
    let all_years: Vec<i32> = (span.0..=span.1).collect();
    let year_select = move |is_from: bool| {
        let years = all_years.clone();
        view! {
            <select
                class="year"
                data-role=if is_from { "year-from" } else { "year-to" }
                aria-label=if is_from { strings.year_from } else { strings.year_to }
                on:change=move |ev| {
                    let Ok(year) = event_target_value(&ev).parse::<i32>() else { return };
                    let (mut from, mut to) = chosen.get_untracked().years.unwrap_or(span);
                    if is_from {
                        from = year;
                        to = to.max(year);
                    } else {
                        to = year;
                        from = from.min(year);
                    }
                    state.update(|s| s.years = Some((from, to)));
                }
            >
                {years
                    .into_iter()
                    .map(|y| {
                        let selected = move || {
                            chosen
                                .with(|s| {
                                    s.years
                                        .map(|(from, to)| if is_from { from == y } else { to == y })
                                        .unwrap_or(false)
                                })
                        };
                        view! { <option value=y.to_string() selected=selected>{y}</option> }
                    })
                    .collect_view()}
            </select>
        }
    };

    let diagnostics = loaded.diagnostics.clone();
    let table_catalog = catalog.clone();

    view! {
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
            <div class="control">
                <span class="control-label">{strings.entities}</span>
                <div class="chips">{entity_chips}</div>
            </div>
            <div class="control years">
                <span class="control-label">{strings.years}</span>
                {year_select(true)}
                <span aria-hidden="true">"–"</span>
                {year_select(false)}
            </div>
            <div class="control switch" role="group">
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
        </div>
        <Problems diagnostics/>
        <Show
            when=move || show.get() == Show::Chart
            fallback=move || view! { <DataTable chart catalog=table_catalog.clone()/> }
        >
            <ChartCanvas chart catalog=catalog.clone()/>
            <p class="hint">{strings.hint_tap}</p>
        </Show>
    }
}
