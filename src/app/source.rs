//! The source panel: everything about one number — the sentence with the number marked, the
//! report, how its year and place were read, its wording — and the same number in other reports.

use std::sync::Arc;

use leptos::prelude::*;

use crate::format;
use crate::i18n::{entity_name, indicator_name, Lang};
use crate::model::{Catalog, Observation, Status, YearBasis};
use crate::query::{Cell, Row};

#[component]
pub fn SourcePanel(
    row: Row,
    catalog: Arc<Catalog>,
    lang: Lang,
    close: Callback<()>,
) -> impl IntoView {
    let strings = lang.strings();
    let indicator = indicator_name(&catalog, &row.indicator, lang);
    let mut who = entity_name(&catalog, &row.entity, lang);
    if let Some(context) = &row.context {
        who = format!("{who} · {}", lang.pick(context));
    }
    who = format!("{who} · {}", row.year);
    let body = match &row.cell {
        Cell::NoData => view! { <p class="panel-value no-data">{strings.no_data}</p> }.into_any(),
        Cell::Value {
            observation, also, ..
        } => {
            let differ = also
                .iter()
                .any(|a| a.value != observation.value || a.unit != observation.unit);
            let others = (!also.is_empty()).then(|| {
                let catalog = catalog.clone();
                let also = also.clone();
                view! {
                    <section class="panel-also">
                        <h3>
                            {strings.also_reported}
                            {differ.then(|| view! { <span class="badge differ">{strings.values_differ}</span> })}
                        </h3>
                        {also
                            .into_iter()
                            .map(|other| view! { <Details observation=other catalog=catalog.clone() lang/> })
                            .collect_view()}
                    </section>
                }
            });
            view! {
                <Details observation=(**observation).clone() catalog=catalog.clone() lang/>
                {others}
            }
            .into_any()
        }
    };
    view! {
        <aside class="source-panel" role="dialog" aria-modal="false" aria-labelledby="source-panel-title">
            <header class="panel-head">
                <div>
                    <h2 id="source-panel-title">{indicator}</h2>
                    <p class="panel-who">{who}</p>
                </div>
                <button class="panel-close" aria-label=strings.close on:click=move |_| close.run(())>
                    "×"
                </button>
            </header>
            {body}
        </aside>
    }
}

/// One observation: value, marked quote, report, readings.
#[component]
fn Details(observation: Observation, catalog: Arc<Catalog>, lang: Lang) -> impl IntoView {
    let strings = lang.strings();
    let report = catalog.report(&observation.source.doc).cloned();
    let values: Vec<f64> = std::iter::once(observation.value)
        .chain(observation.value_max)
        .collect();
    let quote = format::highlight(&observation.source.quote, &values)
        .into_iter()
        .map(|(text, marked)| {
            if marked {
                view! { <mark>{text}</mark> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect_view();
    let basis = match observation.year_basis {
        YearBasis::Stated => strings.basis_stated,
        YearBasis::ReportPeriod => strings.basis_report_period,
        YearBasis::PublicationDate => strings.basis_publication,
    };
    let place = entity_name(&catalog, &observation.entity, lang);
    let place_read = match &report {
        Some(r) if r.entity == observation.entity => {
            format!("{} ({place})", strings.entity_subject)
        }
        _ => format!("{} ({place})", strings.entity_named),
    };
    let report_view = match report {
        Some(r) => view! {
            <span class="report-title">{lang.pick(&r.title).to_string()}</span>
            <span class="report-meta">
                {format!(
                    "{} · {} {} · {} {}",
                    lang.pick(&r.publisher),
                    strings.published,
                    r.published,
                    strings.period,
                    r.period,
                )}
            </span>
            <span class="report-file">{format!("{} {}", strings.file, r.doc)}</span>
        }
        .into_any(),
        None => {
            view! { <span class="report-file">{observation.source.doc.clone()}</span> }.into_any()
        }
    };
    let target = observation.status == Status::Target;
    view! {
        <div class="panel-details">
            <p class="panel-value">
                {format::as_reported(&observation, lang)}
                {target.then(|| view! { <span class="badge target">{strings.target}</span> })}
            </p>
            <dl>
                <dt>{strings.quote}</dt>
                <dd>
                    <blockquote class="quote" lang="zh-CN">{quote}</blockquote>
                </dd>
                <dt>{strings.report}</dt>
                <dd class="panel-report">{report_view}</dd>
                <dt>{strings.year_read}</dt>
                <dd>
                    {format!("{} — {basis}", observation.year)}
                    {observation.year_note.clone().map(|n| view! { <span class="panel-note">{n}</span> })}
                </dd>
                <dt>{strings.entity_read}</dt>
                <dd>{place_read}</dd>
                <dt>{strings.as_written}</dt>
                <dd>
                    {format!(
                        "{} · {} {}",
                        format::qualifier_name(observation.qualifier, lang),
                        strings.unit,
                        observation.unit,
                    )}
                </dd>
                {observation
                    .note
                    .clone()
                    .map(|note| view! {
                        <dt>{strings.note_label}</dt>
                        <dd class="panel-note">{note}</dd>
                    })}
            </dl>
        </div>
    }
}
