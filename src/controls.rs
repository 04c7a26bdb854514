//! A section's controls: what to show (indicator, places, years) folded under one line on a
//! phone, and the bar of how to show it (chart or table, ranking, link, embed, downloads).

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use sportdash_core::i18n::{
    entity_name, entity_within, filters_summary, indicator_name, more_matches, shown_name,
};
use sportdash_core::lang::Lang;
use sportdash_core::model::Catalog;
use sportdash_core::query::{self, ChartData, Selection, YearEnd};
use sportdash_core::search::{Found, PlaceIndex};
use sportdash_core::state::{Show, ViewState};

use crate::browser;
use crate::common::Look;
use crate::data::LoadedDataset;
use crate::download::Downloads;
use crate::share::Share;

/// The indicator, the places and the years, under a line that says what is chosen.
#[component]
pub fn Filters(
    catalog: Arc<Catalog>,
    loaded: Arc<LoadedDataset>,
    chosen: Memo<Selection>,
    chart: Memo<ChartData>,
    state: RwSignal<ViewState>,
    lang: Lang,
) -> impl IntoView {
    let strings = lang.strings();
    // On a phone the controls fold away under one line that says what is chosen.
    let summary = {
        let catalog = catalog.clone();
        move || chosen.with(|c| filters_summary(&catalog, &c.entities, c.years, lang))
    };
    let many = query::has_many_places(&loaded.dataset);
    let pickable = query::pickable_entities(&catalog, &loaded.dataset);
    let places = if many {
        let pickable = Arc::new(pickable);
        view! { <EntitySearch pickable catalog=catalog.clone() chosen state lang/> }.into_any()
    } else {
        view! {
            <PlaceChips pickable catalog=catalog.clone() loaded=loaded.clone() chosen state lang/>
        }
        .into_any()
    };
    view! {
        <details class="filters" open=!browser::is_narrow()>
            <summary>{summary}</summary>
            <div class="controls">
                <IndicatorPicker catalog loaded=loaded.clone() chart state lang/>
                <div class="control" role="group" aria-label=strings.entities>
                    <span class="control-label" aria-hidden="true">{strings.entities}</span>
                    {places}
                </div>
                <YearInputs loaded chosen chart state lang/>
            </div>
        </details>
    }
}

/// The indicators the section offers.
#[component]
fn IndicatorPicker(
    catalog: Arc<Catalog>,
    loaded: Arc<LoadedDataset>,
    chart: Memo<ChartData>,
    state: RwSignal<ViewState>,
    lang: Lang,
) -> impl IntoView {
    let dataset = &loaded.dataset;
    let option = |id: String| {
        let (places, years) = query::coverage_of(dataset, &id);
        let label = format!(
            "{}{}",
            indicator_name(&catalog, &id, lang),
            coverage_words(places, years, lang)
        );
        let selected = {
            let id = id.clone();
            move || chart.with(|c| c.indicator == id)
        };
        view! { <option value=id selected=selected>{label}</option> }
    };
    let (standard, other): (Vec<String>, Vec<String>) = query::indicator_choices(&catalog, dataset)
        .into_iter()
        .partition(|id| query::is_standard(&catalog, id));
    // The other numbers, one group per report they come from.
    let mut by_report: Vec<(String, Vec<String>)> = Vec::new();
    for id in other {
        let doc = query::first_report(dataset, &id)
            .unwrap_or_default()
            .to_string();
        match by_report.iter_mut().find(|(d, _)| *d == doc) {
            Some((_, ids)) => ids.push(id),
            None => by_report.push((doc, vec![id])),
        }
    }
    let strings = lang.strings();
    let standard_group = (!standard.is_empty()).then(|| {
        view! {
            <optgroup label=strings.standard_indicators>
                {standard.into_iter().map(option).collect_view()}
            </optgroup>
        }
    });
    let other_groups = by_report
        .into_iter()
        .map(|(doc, ids)| {
            let report = catalog.report(&doc).map_or(doc.clone(), |r| {
                format!("{} {}", lang.pick(&r.publisher), r.period)
            });
            view! {
                <optgroup label=format!("{} · {report}", strings.other_numbers)>
                    {ids.into_iter().map(option).collect_view()}
                </optgroup>
            }
        })
        .collect_view();
    let options = view! { {standard_group} {other_groups} };
    view! {
        <label class="control">
            <span class="control-label">{lang.strings().indicator}</span>
            <select
                class="indicator"
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    state.update(|s| s.indicator = Some(id));
                }
            >
                {options}
            </select>
        </label>
    }
}

/// A chip per place to compare: pressed when chosen, dashed when it has no data here.
#[component]
fn PlaceChips(
    pickable: Vec<String>,
    catalog: Arc<Catalog>,
    loaded: Arc<LoadedDataset>,
    chosen: Memo<Selection>,
    state: RwSignal<ViewState>,
    lang: Lang,
) -> impl IntoView {
    let strings = lang.strings();
    let chips = pickable
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
                    let entities = chosen.with_untracked(|c| c.toggled(&id));
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
    view! { <div class="chips">{chips}</div> }
}

/// The first and last year: typed (a phone shows a number pad) or stepped with the arrows,
/// each held to the years the indicator has values in (`query::years_after_input`).
#[component]
fn YearInputs(
    loaded: Arc<LoadedDataset>,
    chosen: Memo<Selection>,
    chart: Memo<ChartData>,
    state: RwSignal<ViewState>,
    lang: Lang,
) -> impl IntoView {
    let strings = lang.strings();
    let span =
        Memo::new(move |_| chart.with(|c| query::year_choices(&loaded.dataset, &c.indicator)));
    let input = move |end: YearEnd| {
        let is_from = end == YearEnd::From;
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
    view! {
        <div class="control years" role="group" aria-label=strings.years>
            <span class="control-label" aria-hidden="true">{strings.years}</span>
            {input(YearEnd::From)}
            <span aria-hidden="true">"–"</span>
            {input(YearEnd::To)}
        </div>
    }
}

/// How to show the view: chart or table, the ranking, the link and embed code, downloads.
#[component]
pub fn ViewBar(
    catalog: Arc<Catalog>,
    chosen: Memo<Selection>,
    chart: Memo<ChartData>,
    spelled: Memo<ViewState>,
    state: RwSignal<ViewState>,
    look: Look,
) -> impl IntoView {
    let lang = look.lang;
    let strings = lang.strings();
    let show = Memo::new(move |_| state.with(|s| s.show));
    let switch = move |to: Show, id: &'static str, label: &'static str| {
        view! {
            <button
                data-show=id
                aria-pressed=move || (show.get() == to).to_string()
                on:click=move |_| state.update(|s| s.show = to)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="view-bar">
            <div class="switch" role="group" aria-label=format!("{} / {}", strings.chart, strings.table)>
                {switch(Show::Chart, "chart", strings.chart)}
                {switch(Show::Table, "table", strings.table)}
            </div>
            <button
                class="tool"
                data-action="top"
                aria-pressed=move || state.with(|s| s.top.is_some()).to_string()
                on:click=move |_| state.update(ViewState::toggle_ranking)
            >
                {strings.ranking}
            </button>
            <Share spelled lang/>
            <Downloads chart selection=chosen catalog look/>
        </div>
    }
}

/// How many places a search offers at once; typing more narrows them.
const SUGGESTIONS: usize = 8;

/// Picking among thousands of places: type part of a name (Chinese or English) or an id.
#[component]
fn EntitySearch(
    pickable: Arc<Vec<String>>,
    catalog: Arc<Catalog>,
    chosen: Memo<Selection>,
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
    let add = Callback::new(move |id: String| {
        let entities = chosen.with_untracked(|c| c.with(&id));
        state.update(|s| {
            s.entities = Some(entities);
            s.top = None;
        });
        typed.set(String::new());
    });
    view! {
        <div class="entity-search">
            <ChosenPlaces catalog=catalog.clone() chosen state lang/>
            <div class="search-box">
                <input
                    type="search"
                    class="search-places"
                    aria-label=strings.search_places
                    placeholder=strings.search_places
                    node_ref=field
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                    on:keydown=move |ev| match ev.key().as_str() {
                        "Enter" => {
                            if let Some(id) = found.with_untracked(|f| f.shown.first().cloned()) {
                                add.run(id);
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
                />
                <Suggestions catalog found typed field list add lang/>
            </div>
        </div>
    }
}

/// The places picked, each a chip that takes it out again.
#[component]
fn ChosenPlaces(
    catalog: Arc<Catalog>,
    chosen: Memo<Selection>,
    state: RwSignal<ViewState>,
    lang: Lang,
) -> impl IntoView {
    let chips = move || {
        chosen
            .with(|c| c.entities.clone())
            .into_iter()
            .map(|id| {
                let label = format!("{} ×", entity_name(&catalog, &id, lang));
                let target = id.clone();
                let remove = move |_| {
                    let entities = chosen.with_untracked(|c| c.toggled(&target));
                    state.update(|s| s.entities = Some(entities));
                };
                view! {
                    <button
                        class="chip"
                        data-entity=id
                        aria-pressed="true"
                        title=lang.strings().remove
                        on:click=remove
                    >
                        {label}
                    </button>
                }
            })
            .collect_view()
    };
    view! { <div class="chips">{chips}</div> }
}

/// What the search found, over the page below it: ↓ and ↑ move through them, Esc goes back to
/// the field; and how many more match than are shown.
#[component]
fn Suggestions(
    catalog: Arc<Catalog>,
    found: Memo<Found>,
    typed: RwSignal<String>,
    field: NodeRef<html::Input>,
    list: NodeRef<html::Ul>,
    add: Callback<String>,
    lang: Lang,
) -> impl IntoView {
    let back_to_field = move || {
        if let Some(field) = field.get_untracked() {
            let _ = field.focus();
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(list) = list.get_untracked() else {
            return;
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
    };
    let items = move || {
        found
            .with(|f| f.shown.clone())
            .into_iter()
            .map(|id| {
                let label = entity_name(&catalog, &id, lang);
                let within = entity_within(&catalog, &id, lang)
                    .map(|within| view! { <span class="within">{within}</span> });
                let target = id.clone();
                view! {
                    <li>
                        <button data-pick=id on:click=move |_| add.run(target.clone())>
                            {label}
                            {within}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let more = move || {
        let (shown, total) = found.with(|f| (f.shown.len(), f.total));
        (total > shown)
            .then(|| view! { <p class="more-matches">{more_matches(lang, total - shown)}</p> })
    };
    view! {
        <div class="search-results">
            <ul class="suggestions" node_ref=list on:keydown=on_key>
                {items}
            </ul>
            {more}
        </div>
    }
}

/// How much an indicator has: "（2地·3年）", " (2 places, 3 years)".
fn coverage_words(places: usize, years: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（{places}地·{years}年）"),
        Lang::En => format!(
            " ({places} place{}, {years} year{})",
            if places == 1 { "" } else { "s" },
            if years == 1 { "" } else { "s" }
        ),
    }
}
