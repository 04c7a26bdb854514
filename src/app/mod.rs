//! The Leptos dashboard. Thin components over the pure core: state comes from the URL
//! (`url`), data from `data` (which alone uses `net`), pictures from `chart`.

mod chart_view;
pub mod data;
mod net;
mod table;
mod url;
mod view;

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{category_name, Lang};
use crate::load::Diagnostic;
use crate::model::Category;
use crate::state::ViewState;

pub use view::DatasetView;

pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The section shown when the URL names none.
pub const DEFAULT_VIEW: Category = Category::Medals;

#[component]
pub fn App() -> impl IntoView {
    let (initial, notes) = url::current();
    let state = RwSignal::new(initial);
    url::sync(state);
    let lang = Lang::Zh;
    let strings = lang.strings();
    let catalog = LocalResource::new(data::catalog);

    view! {
        <div class="app">
            <header class="masthead">
                <h1>{strings.app_title}</h1>
                <p class="subtitle">{strings.app_subtitle}</p>
            </header>
            <Tabs state lang/>
            <UrlNotes notes/>
            <main class="section">
                <ErrorBoundary fallback=move |errors| {
                    view! { <FileError errors retry=Callback::new(move |_| catalog.refetch())/> }
                }>
                    <Suspense fallback=move || view! { <p class="loading">{strings.loading}</p> }>
                        {move || Suspend::new(async move {
                            catalog.await.map(|loaded| view! { <Section catalog=loaded state/> })
                        })}
                    </Suspense>
                </ErrorBoundary>
            </main>
            <footer class="footer">{strings.footer}</footer>
        </div>
    }
}

#[component]
fn Tabs(state: RwSignal<ViewState>, lang: Lang) -> impl IntoView {
    let current = move || state.with(|s| s.view.unwrap_or(DEFAULT_VIEW));
    view! {
        <nav class="tabs" aria-label="sections">
            {Category::ALL
                .into_iter()
                .map(|category| {
                    view! {
                        <button
                            class="tab"
                            data-view=category.id()
                            aria-pressed=move || (current() == category).to_string()
                            on:click=move |_| {
                                state
                                    .update(|s| {
                                        if s.view != Some(category) {
                                            s.view = Some(category);
                                            s.indicator = None;
                                        }
                                    })
                            }
                        >
                            {category_name(category, lang)}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
}

#[component]
fn UrlNotes(notes: Vec<String>) -> impl IntoView {
    (!notes.is_empty()).then(|| {
        view! {
            <p class="note" role="status">
                "链接中有无法识别的参数，已忽略 (ignored): " {notes.join(", ")}
            </p>
        }
    })
}

/// One section: loads its dataset; a broken file shows its message here and nowhere else.
#[component]
fn Section(catalog: Arc<data::LoadedCatalog>, state: RwSignal<ViewState>) -> impl IntoView {
    let category = Memo::new(move |_| state.with(|s| s.view.unwrap_or(DEFAULT_VIEW)));
    let problems = catalog.diagnostics.clone();
    view! {
        <Problems diagnostics=problems/>
        {move || {
            let category = category.get();
            let catalog = catalog.clone();
            view! { <CategorySection catalog category state/> }
        }}
    }
}

#[component]
fn CategorySection(
    catalog: Arc<data::LoadedCatalog>,
    category: Category,
    state: RwSignal<ViewState>,
) -> impl IntoView {
    let for_fetch = catalog.clone();
    let dataset = LocalResource::new(move || data::dataset(for_fetch.clone(), category));
    let strings = Lang::Zh.strings();
    view! {
        <ErrorBoundary fallback=move |errors| {
            view! { <FileError errors retry=Callback::new(move |_| dataset.refetch())/> }
        }>
            <Suspense fallback=move || view! { <p class="loading">{strings.loading}</p> }>
                {
                    let catalog = catalog.clone();
                    move || {
                        let catalog = catalog.clone();
                        Suspend::new(async move {
                            dataset
                                .await
                                .map(|loaded| {
                                    view! {
                                        <DatasetView
                                            catalog=Arc::new(catalog.catalog.clone())
                                            loaded
                                            state
                                        />
                                    }
                                })
                        })
                    }
                }
            </Suspense>
        </ErrorBoundary>
    }
}

/// A data file that could not be used: which file, what is wrong, and a way to try again.
#[component]
fn FileError(errors: ArcRwSignal<Errors>, retry: Callback<()>) -> impl IntoView {
    let strings = Lang::Zh.strings();
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
pub fn Problems(diagnostics: Vec<Diagnostic>) -> impl IntoView {
    let strings = Lang::Zh.strings();
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
