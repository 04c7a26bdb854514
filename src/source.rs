//! The source panel: everything about one number — the sentence with the number marked, the
//! report, how its year and place were read, its wording — and the same number in other reports.

use std::sync::Arc;

use gloo::events::EventListener;
use leptos::html;
use leptos::prelude::*;

use sportdash_core::compare::{self, Comparisons, NotComparable};
use sportdash_core::describe::row_name;
use sportdash_core::format;
use sportdash_core::i18n::{entity_name, indicator_name};
use sportdash_core::lang::Lang;
use sportdash_core::model::{Catalog, Observation, Reference, ReferenceKind, Status, YearBasis};
use sportdash_core::query::{Cell, Row};

use crate::browser;

/// The panel keeps the keyboard and the pointer free: it takes the focus when it opens and
/// gives it back to what opened it (the chart, a table value) when it closes; Esc or a click
/// outside it closes it; on a wide screen it starts below the masthead's buttons.
#[component]
pub fn SourcePanel(
    row: Row,
    comparisons: Option<Comparisons>,
    catalog: Arc<Catalog>,
    lang: Lang,
    close: Callback<()>,
) -> impl IntoView {
    let strings = lang.strings();
    let indicator = indicator_name(&catalog, &row.indicator, lang);
    let mut who = row_name(&row, &catalog, lang);
    if let Some(context) = &row.context {
        who = format!("{who} · {}", lang.pick(context));
    }
    who = format!("{who} · {}", row.year);
    let body = view! {
        <PanelBody row=row.clone() catalog lang/>
        {comparisons.map(|c| view! { <ComparisonList comparisons=c lang/> })}
    };
    let panel = NodeRef::<html::Aside>::new();
    let close_button = NodeRef::<html::Button>::new();
    // Esc and × give the focus back to what opened the panel; a click elsewhere leaves it
    // where that click put it.
    let opener = send_wrapper::SendWrapper::new(browser::focused());
    let close_and_return = move || {
        close.run(());
        if let Some(opener) = opener.as_ref() {
            let _ = opener.focus();
        }
    };
    Effect::new(move |_| {
        if let Some(button) = close_button.get() {
            let _ = button.focus();
        }
    });
    let on_key = {
        let close_and_return = close_and_return.clone();
        EventListener::new(&window(), "keydown", move |event| {
            let key =
                wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(event).map(|e| e.key());
            if key.as_deref() == Some("Escape") {
                close_and_return();
            }
        })
    };
    let on_pointer = EventListener::new(&document(), "pointerdown", move |event| {
        let inside = panel
            .get_untracked()
            .is_some_and(|p| browser::is_inside(&p, event.target()));
        if !inside {
            close.run(());
        }
    });
    let _listening = StoredValue::new_local((on_key, on_pointer));
    let top = format!(
        "--panel-top: {}px",
        (browser::masthead_bottom() + 8.0).max(12.0)
    );
    view! {
        <aside
            class="source-panel"
            role="dialog"
            aria-modal="false"
            aria-labelledby="source-panel-title"
            node_ref=panel
            style=top
        >
            <header class="panel-head">
                <div>
                    <h2 id="source-panel-title">{indicator}</h2>
                    <p class="panel-who">{who}</p>
                </div>
                <button
                    class="panel-close"
                    aria-label=strings.close
                    node_ref=close_button
                    on:click=move |_| close_and_return()
                >
                    "×"
                </button>
            </header>
            {body}
        </aside>
    }
}

/// The value's details, and the same number as other reports give it.
#[component]
fn PanelBody(row: Row, catalog: Arc<Catalog>, lang: Lang) -> impl IntoView {
    let strings = lang.strings();
    match row.cell {
        Cell::NoData => view! { <p class="panel-value no-data">{strings.no_data}</p> }.into_any(),
        Cell::Reference { reference, .. } => {
            view! { <Citation reference=*reference lang/> }.into_any()
        }
        Cell::Value {
            observation, also, ..
        } => {
            let differ = also
                .iter()
                .any(|a| a.value != observation.value || a.unit != observation.unit);
            let others = (!also.is_empty()).then(|| {
                let catalog = catalog.clone();
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
                <Details observation=*observation catalog lang/>
                {others}
            }
            .into_any()
        }
    }
}

/// A national reference value: what it is, said plainly, and where it was published.
#[component]
fn Citation(reference: Reference, lang: Lang) -> impl IntoView {
    let strings = lang.strings();
    let citation = reference.citation;
    let kind = match reference.kind {
        ReferenceKind::National => strings.reference_kind_national,
        ReferenceKind::Target => strings.reference_kind_target,
    };
    let value = format::amount(
        reference.value,
        None,
        reference.qualifier,
        &reference.unit,
        lang,
    );
    view! {
        <div class="panel-details panel-reference">
            <p class="panel-value">{value}<span class="badge reference">{kind}</span></p>
            <p class="reference-note">{strings.reference_note}</p>
            <dl>
                <dt>{strings.note_label}</dt>
                <dd class="panel-note">{lang.pick(&reference.note).to_string()}</dd>
                <dt>{strings.citation}</dt>
                <dd class="panel-report">
                    <span class="report-title">{lang.pick(&citation.title).to_string()}</span>
                    <span class="report-meta">
                        {format!(
                            "{} · {} {}",
                            lang.pick(&citation.publisher),
                            strings.published,
                            citation.published,
                        )}
                    </span>
                    <a class="citation-link" href=citation.url.clone() target="_blank" rel="noopener noreferrer">
                        {strings.open_publication}
                    </a>
                    <span class="report-file">{citation.url}</span>
                </dd>
            </dl>
        </div>
    }
}

/// The value against the year before and against the national value, or why not.
#[component]
fn ComparisonList(comparisons: Comparisons, lang: Lang) -> impl IntoView {
    let strings = lang.strings();
    let item = |label: String, outcome: Result<String, NotComparable>| {
        let (text, shown) = match outcome {
            Ok(text) => (text, true),
            Err(why) => (
                format!(
                    "{}{}",
                    strings.not_shown_because,
                    compare::why_not(why, lang)
                ),
                false,
            ),
        };
        view! {
            <dt>{label}</dt>
            <dd class:not-compared=!shown>{text}</dd>
        }
    };
    let unit = format::unit_name(comparisons.unit, lang);
    let with_unit = |d: &compare::Difference| match lang {
        Lang::Zh => format!("{}{unit}", compare::signed(d, lang)),
        Lang::En => format!("{} {unit}", compare::signed(d, lang)),
    };
    let previous = comparisons
        .previous_year
        .map(|(year, d)| format!("{} ({year})", with_unit(&d)));
    let national = comparisons.national.map(|d| with_unit(&d));
    view! {
        <section class="panel-compare">
            <h3>{strings.comparisons}</h3>
            <dl>
                {item(strings.vs_previous_year.to_string(), previous)}
                {item(strings.vs_national.to_string(), national)}
            </dl>
        </section>
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
                    {observation
                        .year_note
                        .as_ref()
                        .map(|n| view! { <span class="panel-note">{lang.pick(n).to_string()}</span> })}
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
                    .as_ref()
                    .map(|note| view! {
                        <dt>{strings.note_label}</dt>
                        <dd class="panel-note">{lang.pick(note).to_string()}</dd>
                    })}
            </dl>
        </div>
    }
}
