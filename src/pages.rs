//! The pages about all the data: every report with its numbers per section, and the coverage
//! grid of place × section × year.

use std::sync::Arc;

use leptos::prelude::*;

use sportdash_core::coverage;
use sportdash_core::i18n::{category_name, entity_name};
use sportdash_core::model::{Catalog, Category, Dataset};
use sportdash_core::state::{Page, ViewState};

use crate::common::{loading, Look};
use crate::data::{self, LoadedCatalog};

/// Loads every section, then shows `page`.
#[component]
pub fn AllData(
    catalog: Arc<LoadedCatalog>,
    page: Page,
    state: RwSignal<ViewState>,
    look: Look,
) -> impl IntoView {
    let for_fetch = catalog.clone();
    let all = LocalResource::new(move || data::all_datasets(for_fetch.clone()));
    let catalog = Arc::new(catalog.catalog.clone());
    loading(all, look.lang, move |datasets| {
        let catalog = catalog.clone();
        match page {
            Page::Coverage => view! { <CoverageGrid catalog datasets state look/> }.into_any(),
            _ => view! { <Sources catalog datasets look/> }.into_any(),
        }
    })
}

#[component]
fn Sources(catalog: Arc<Catalog>, datasets: Arc<Vec<Dataset>>, look: Look) -> impl IntoView {
    let lang = look.lang;
    let strings = lang.strings();
    let counts = coverage::report_counts(&catalog, &datasets);
    let rows = counts
        .into_iter()
        .map(|count| {
            let report = catalog.report(&count.doc).cloned();
            let (title, publisher, published, period, place) = match &report {
                Some(r) => (
                    lang.pick(&r.title).to_string(),
                    lang.pick(&r.publisher).to_string(),
                    r.published.clone(),
                    r.period.clone(),
                    entity_name(&catalog, &r.entity, lang),
                ),
                None => Default::default(),
            };
            let total = count.total();
            view! {
                <tr data-doc=count.doc.clone()>
                    <th scope="row">
                        <span class="report-title">{title}</span>
                        <span class="report-meta">{format!("{publisher} · {published}")}</span>
                        <span class="report-file">{count.doc.clone()}</span>
                    </th>
                    <td data-label=strings.col_entity>{place}</td>
                    <td data-label=strings.period>{period}</td>
                    {count
                        .by_category
                        .iter()
                        .zip(Category::ALL)
                        .map(|(n, category)| {
                            view! {
                                <td class="num" class:zero=*n == 0 data-label=category_name(category, lang)>
                                    {*n}
                                </td>
                            }
                        })
                        .collect_view()}
                    <td class="num total" data-label=strings.total>{total}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 class="page-title">{strings.sources_title}</h2>
        <p class="page-intro">{strings.sources_intro}</p>
        <div class="table-frame">
            <table class="data-table sources-table">
                <thead>
                    <tr>
                        <th scope="col">{strings.report}</th>
                        <th scope="col">{strings.col_entity}</th>
                        <th scope="col">{strings.period}</th>
                        {Category::ALL
                            .map(|c| view! { <th scope="col" class="num">{category_name(c, lang)}</th> })
                            .collect_view()}
                        <th scope="col" class="num">{strings.total}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn CoverageGrid(
    catalog: Arc<Catalog>,
    datasets: Arc<Vec<Dataset>>,
    state: RwSignal<ViewState>,
    look: Look,
) -> impl IntoView {
    let lang = look.lang;
    let strings = lang.strings();
    let grid = coverage::coverage(&catalog, &datasets);
    let years = grid.years.clone();
    let rows = grid
        .rows
        .into_iter()
        .map(|row| {
            let first = row.category == Category::ALL[0];
            let place = entity_name(&catalog, &row.entity, lang);
            let cells = row
                .cells
                .iter()
                .zip(&years)
                .map(|(&(reported, targets), &year)| {
                    let entity = row.entity.clone();
                    let category = row.category;
                    let open = move |_| {
                        state.update(|s| {
                            s.page = Page::Data;
                            s.view = Some(category);
                            s.indicator = None;
                            s.entities = Some(vec![entity.clone()]);
                            s.years = Some((year, year));
                            s.show = sportdash_core::state::Show::Table;
                        })
                    };
                    if reported + targets == 0 {
                        view! { <td class="cell-none" data-year=year>"—"</td> }.into_any()
                    } else {
                        let text = match (reported, targets) {
                            (r, 0) => r.to_string(),
                            (0, t) => format!("{t} {}", strings.target),
                            (r, t) => format!("{r} + {t} {}", strings.target),
                        };
                        view! {
                            <td class="cell-some" data-year=year>
                                <button class="cell-open" on:click=open>{text}</button>
                            </td>
                        }
                        .into_any()
                    }
                })
                .collect_view();
            view! {
                <tr class:group-start=first data-entity=row.entity.clone() data-category=row.category.id()>
                    <th scope="row">
                        {first.then(|| view! { <span class="coverage-place">{place}</span> })}
                        <span class="coverage-category">{category_name(row.category, lang)}</span>
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 class="page-title">{strings.coverage_title}</h2>
        <p class="page-intro">{strings.coverage_intro}</p>
        <div class="table-frame">
            <table class="coverage">
                <thead>
                    <tr>
                        <th scope="col">{strings.col_entity}</th>
                        {grid.years.iter().map(|y| view! { <th scope="col">{*y}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
