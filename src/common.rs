//! What every face of the app shares: how the page speaks and draws (`Look`), waiting for
//! data with a file's error and a retry in its place (`loading`), and the notes and problems a
//! view lists above what it shows.

use std::sync::Arc;

use leptos::prelude::*;
use sportdash_core::lang::{Lang, Theme};
use sportdash_core::load::Diagnostic;

use crate::browser;
use crate::data::LoadedCatalog;
use crate::net::DataError;

/// How the page speaks and draws. Components get it as a plain value: a change of language
/// or theme renders the page again, which is rare enough to cost nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Look {
    pub lang: Lang,
    pub theme: Theme,
}

/// The catalog (places, indicators, reports), read once for every view.
pub type CatalogResource = LocalResource<Result<Arc<LoadedCatalog>, DataError>>;

/// Waits for `resource`; a file that failed shows its message and a retry, in place.
pub fn loading<T, V, F>(
    resource: LocalResource<Result<T, DataError>>,
    lang: Lang,
    body: F,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    let strings = lang.strings();
    view! {
        <ErrorBoundary fallback=move |errors| {
            view! { <FileError errors lang retry=Callback::new(move |_| resource.refetch())/> }
        }>
            <Suspense fallback=move || view! { <p class="loading">{strings.loading}</p> }>
                {
                    let body = body.clone();
                    move || {
                        let body = body.clone();
                        Suspend::new(async move { resource.await.map(body) })
                    }
                }
            </Suspense>
        </ErrorBoundary>
    }
}

/// A data file that could not be used: which file, what is wrong, and a way to try again.
#[component]
pub fn FileError(errors: ArcRwSignal<Errors>, lang: Lang, retry: Callback<()>) -> impl IntoView {
    let strings = lang.strings();
    browser::reveal();
    view! {
        <div class="file-error" role="alert">
            <h2>{strings.file_failed}</h2>
            <ul>
                {move || {
                    errors
                        .get()
                        .into_iter()
                        .map(|(_, e)| view! { <li class="file-error-message">{e.to_string()}</li> })
                        .collect_view()
                }}
            </ul>
            <button class="retry" on:click=move |_| retry.run(())>
                {strings.retry}
            </button>
        </div>
    }
}

/// Records that were left out, each naming its file, record and field.
#[component]
pub fn Problems(diagnostics: Vec<Diagnostic>, lang: Lang) -> impl IntoView {
    let strings = lang.strings();
    (!diagnostics.is_empty()).then(|| {
        let count = diagnostics.len();
        view! {
            <details class="problems" open=true>
                <summary>{format!("{}（{count}）", strings.data_problems)}</summary>
                <ul>
                    {diagnostics
                        .into_iter()
                        .map(|d| view! { <li>{d.to_string()}</li> })
                        .collect_view()}
                </ul>
            </details>
        }
    })
}

/// Parameters of the link that were not understood: said, and otherwise ignored.
#[component]
pub fn UrlNotes(notes: Vec<String>, lang: Lang) -> impl IntoView {
    (!notes.is_empty()).then(|| {
        view! {
            <p class="note" role="status">
                {lang.strings().ignored_params}
                {notes.join(", ")}
            </p>
        }
    })
}
