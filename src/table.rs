//! The table of exactly what the chart shows: one row per bar or point, "no data" included.

use std::sync::Arc;

use leptos::prelude::*;

use sportdash_core::describe::{citation_line, row_name};
use sportdash_core::format;
use sportdash_core::i18n::indicator_name;
use sportdash_core::lang::Lang;
use sportdash_core::model::{Catalog, ReferenceKind, Status};
use sportdash_core::query::{Cell, ChartData};

#[component]
pub fn DataTable(
    chart: Memo<ChartData>,
    catalog: Arc<Catalog>,
    lang: Lang,
    pin: RwSignal<Option<usize>>,
) -> impl IntoView {
    let strings = lang.strings();
    let rows = move || {
        let catalog = catalog.clone();
        chart.with(|data| {
            data.rows
                .iter()
                .enumerate()
                .map(|(index, row)| {
                    let entity = row_name(row, &catalog, lang);
                    let indicator = indicator_name(&catalog, &row.indicator, lang);
                    let context = row
                        .context
                        .as_ref()
                        .map(|c| lang.pick(c).to_string())
                        .unwrap_or_default();
                    let (value, status, source, quote) = cell_texts(&row.cell, lang);
                    let no_data = matches!(row.cell, Cell::NoData);
                    view! {
                        <tr data-entity=row.entity.clone() class:no-data=no_data class:reference=row.is_reference()>
                            <td data-label=strings.col_entity>{entity}</td>
                            <td data-label=strings.col_context>{context}</td>
                            <td data-label=strings.col_year>{row.year}</td>
                            <td data-label=strings.col_indicator>{indicator}</td>
                            <td data-label=strings.col_value class="num">
                                <button
                                    class="cell-source"
                                    title=strings.open_source
                                    on:click=move |_| pin.set(Some(index))
                                >
                                    {value}
                                </button>
                            </td>
                            <td data-label=strings.col_status>{status}</td>
                            <td data-label=strings.col_source class="source">
                                <div>
                                    {(!quote.is_empty()).then(|| view! { <q lang="zh-CN">{quote}</q> })}
                                    <span class="doc">{source}</span>
                                </div>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="table-frame">
            <table class="data-table">
                <caption>{move || chart.with(|c| sportdash_core::describe::title(c, lang))}</caption>
                <thead>
                    <tr>
                        <th scope="col">{strings.col_entity}</th>
                        <th scope="col">{strings.col_context}</th>
                        <th scope="col">{strings.col_year}</th>
                        <th scope="col">{strings.col_indicator}</th>
                        <th scope="col">{strings.col_value}</th>
                        <th scope="col">{strings.col_status}</th>
                        <th scope="col">{strings.col_source}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// What the table writes of a cell: its value, its status, its report (or publication) and
/// its quote.
fn cell_texts(cell: &Cell, lang: Lang) -> (String, String, String, String) {
    let strings = lang.strings();
    match cell {
        Cell::NoData => (
            strings.no_data.to_string(),
            String::new(),
            String::new(),
            String::new(),
        ),
        Cell::Value {
            observation, also, ..
        } => (
            format!(
                "{}{}",
                format::as_reported(observation, lang),
                if also.is_empty() { "" } else { "*" }
            ),
            match observation.status {
                Status::Reported => strings.reported.to_string(),
                Status::Target => strings.target.to_string(),
            },
            observation.source.doc.clone(),
            observation.source.quote.clone(),
        ),
        Cell::Reference { reference, .. } => (
            format::amount(
                reference.value,
                None,
                reference.qualifier,
                &reference.unit,
                lang,
            ),
            match reference.kind {
                ReferenceKind::National => strings.reference_kind_national,
                ReferenceKind::Target => strings.reference_kind_target,
            }
            .to_string(),
            citation_line(reference, lang),
            String::new(),
        ),
    }
}
