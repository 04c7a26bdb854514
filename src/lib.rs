// Natively (the first view, rendered server-side) the views keep their full types, which nest
// deeper than the default limit; in the browser `erase_components` erases them (.cargo/config.toml).
#![recursion_limit = "256"]

//! The Leptos dashboard. Thin components over the pure core: state comes from the URL
//! (`url`), data from `data` (which alone uses `net`), pictures from `chart`, and every other
//! browser API from `browser`. Three faces share them: the dashboard, one chart for an iframe
//! (`embed`), and a presentation for a meeting-room screen (`present`).

mod browser;
mod chart_view;
pub mod data;
mod download;
mod embed;
mod net;
mod pages;
mod present;
mod share;
mod source;
mod table;
mod url;
mod view;

#[cfg(not(target_arch = "wasm32"))]
pub mod first_view;

use std::sync::Arc;

use leptos::prelude::*;

use sportdash_core::i18n::category_name;
use sportdash_core::lang::Lang;
use sportdash_core::lang::Theme;
use sportdash_core::load::Diagnostic;
use sportdash_core::model::Category;
use sportdash_core::state::{Mode, Page, ViewState};

use data::LoadedCatalog;
use net::DataError;

pub use view::DatasetView;

#[cfg(target_arch = "wasm32")]
pub fn mount() {
    browser::mark("main");
    console_error_panic_hook::set_once();
    browser::remove_boot_note();
    if !browser::first_view_shown() {
        // Not shown, it is only markup the app would repeat.
        browser::reveal();
    }
    leptos::mount::mount_to_body(App);
    browser::mark("mounted");
    // The first view gives way when the app has drawn, or a file failed (within `net`'s time
    // limit); should neither come, it still does not stay in the app's place for good.
    gloo::timers::callback::Timeout::new(REVEAL_BY_MS, browser::reveal).forget();
}

/// How long the first view may stand in for the app at most.
#[cfg(target_arch = "wasm32")]
const REVEAL_BY_MS: u32 = net::TIMEOUT_MS + 5_000;

pub use sportdash_core::state::DEFAULT_VIEW;

/// How the page speaks and draws. Components get it as a plain value: a change of language
/// or theme renders the page again, which is rare enough to cost nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Look {
    pub lang: Lang,
    pub theme: Theme,
}

pub type CatalogResource = LocalResource<Result<Arc<LoadedCatalog>, DataError>>;

#[component]
pub fn App() -> impl IntoView {
    let (initial, notes) = url::current();
    let state = RwSignal::new(initial);
    url::sync(state);
    let remembered = browser::stored_lang();
    let lang = Memo::new(move |_| state.with(|s| s.lang).or(remembered).unwrap_or_default());
    let theme = Memo::new(move |_| state.with(ViewState::theme_or_default));
    Effect::new(move |_| browser::mark_document(lang.get(), theme.get()));
    let catalog: CatalogResource = LocalResource::new(move || {
        let shown = state.get_untracked();
        async move {
            let catalog = data::catalog().await?;
            data::prefetch(&catalog, &shown);
            Ok(catalog)
        }
    });
    let mode = Memo::new(move |_| state.with(|s| s.mode));
    let notes = StoredValue::new(notes);
    move || {
        let look = Look {
            lang: lang.get(),
            theme: theme.get(),
        };
        let notes = notes.get_value();
        match mode.get() {
            Mode::Dashboard => view! { <Dashboard state look catalog notes/> }.into_any(),
            Mode::Embed => view! { <embed::EmbedView state look catalog notes/> }.into_any(),
            Mode::Present => view! { <present::Presentation state look catalog notes/> }.into_any(),
        }
    }
}

#[component]
fn Dashboard(
    state: RwSignal<ViewState>,
    look: Look,
    catalog: CatalogResource,
    notes: Vec<String>,
) -> impl IntoView {
    view! {
        <Frame state look notes>
            {loading(
                catalog,
                look.lang,
                move |loaded| view! { <Section catalog=loaded state look/> },
            )}
        </Frame>
    }
}

/// The page around a section: masthead, toolbar, tabs, the link's notes, the section itself
/// (`children`) and the footer. The first view (`first_view`) is this page, inert, drawn at
/// build time.
#[component]
pub fn Frame(
    state: RwSignal<ViewState>,
    look: Look,
    notes: Vec<String>,
    #[prop(optional)] first_view: bool,
    children: Children,
) -> impl IntoView {
    let strings = look.lang.strings();
    view! {
        <div class="app" class:first-view=first_view inert=first_view>
            <header class="masthead">
                <div class="masthead-text">
                    <h1>{strings.app_title}</h1>
                    <p class="subtitle">{strings.app_subtitle}</p>
                </div>
                <Toolbar state look/>
            </header>
            <Tabs state lang=look.lang/>
            <UrlNotes notes lang=look.lang/>
            <main class="section">{children()}</main>
            <footer class="footer">{strings.footer}</footer>
        </div>
    }
}

/// Language, theme and the way into the presentation.
#[component]
fn Toolbar(state: RwSignal<ViewState>, look: Look) -> impl IntoView {
    let strings = look.lang.strings();
    let other = match look.lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let dark = look.theme == Theme::Dark;
    view! {
        <div class="toolbar">
            <button
                class="tool"
                data-action="lang"
                lang=match other {
                    Lang::Zh => "zh-CN",
                    Lang::En => "en",
                }
                title=strings.other_lang_hint
                on:click=move |_| {
                    browser::store_lang(other);
                    state.update(|s| s.lang = Some(other));
                }
            >
                {strings.other_lang}
            </button>
            <button
                class="tool"
                data-action="theme"
                aria-pressed=dark.to_string()
                title=strings.theme_hint
                on:click=move |_| {
                    state.update(|s| s.theme = Some(if dark { Theme::Light } else { Theme::Dark }))
                }
            >
                {strings.theme_dark}
            </button>
            <button
                class="tool present"
                data-action="present"
                on:click=move |_| {
                    browser::enter_fullscreen();
                    state
                        .update(|s| {
                            s.mode = Mode::Present;
                            s.slide = Some(1);
                        });
                }
            >
                {strings.present}
            </button>
        </div>
    }
}

#[component]
fn Tabs(state: RwSignal<ViewState>, lang: Lang) -> impl IntoView {
    let strings = lang.strings();
    let current = move || state.with(|s| (s.page, s.view.unwrap_or(DEFAULT_VIEW)));
    let page_tab = move |page: Page, id: &'static str, name: &'static str| {
        view! {
            <button
                class="tab page-tab"
                data-view=id
                aria-pressed=move || (current().0 == page).to_string()
                on:click=move |_| state.update(|s| s.page = page)
            >
                {name}
            </button>
        }
    };
    view! {
        <nav class="tabs" aria-label=strings.sections>
            {Category::ALL
                .into_iter()
                .map(|category| {
                    view! {
                        <button
                            class="tab"
                            data-view=category.id()
                            aria-pressed=move || (current() == (Page::Data, category)).to_string()
                            on:click=move |_| {
                                state
                                    .update(|s| {
                                        if s.view != Some(category) {
                                            s.view = Some(category);
                                            s.indicator = None;
                                        }
                                        s.page = Page::Data;
                                    })
                            }
                        >
                            {category_name(category, lang)}
                        </button>
                    }
                })
                .collect_view()}
            {page_tab(Page::Sources, "sources", strings.sources_tab)}
            {page_tab(Page::Coverage, "coverage", strings.coverage_tab)}
        </nav>
    }
}

/// Parameters of the link that were not understood: said, and otherwise ignored.
#[component]
fn UrlNotes(notes: Vec<String>, lang: Lang) -> impl IntoView {
    (!notes.is_empty()).then(|| {
        view! {
            <p class="note" role="status">
                {lang.strings().ignored_params}
                {notes.join(", ")}
            </p>
        }
    })
}

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

/// One section: loads its dataset; a broken file shows its message here and nowhere else.
#[component]
fn Section(catalog: Arc<LoadedCatalog>, state: RwSignal<ViewState>, look: Look) -> impl IntoView {
    let shown = Memo::new(move |_| state.with(|s| (s.page, s.view.unwrap_or(DEFAULT_VIEW))));
    let problems = catalog.diagnostics.clone();
    let sources_missing = (!catalog.catalog.has_reports()).then(
        || view! { <p class="note" role="status">{look.lang.strings().sources_unavailable}</p> },
    );
    view! {
        {sources_missing}
        <Problems diagnostics=problems lang=look.lang/>
        {move || {
            let catalog = catalog.clone();
            match shown.get() {
                (Page::Data, category) => {
                    view! { <CategorySection catalog category state look/> }.into_any()
                }
                (page, _) => view! { <pages::AllData catalog page state look/> }.into_any(),
            }
        }}
    }
}

#[component]
fn CategorySection(
    catalog: Arc<LoadedCatalog>,
    category: Category,
    state: RwSignal<ViewState>,
    look: Look,
) -> impl IntoView {
    // A section kept one file per indicator loads again when the indicator changes.
    let split = catalog.catalog.is_split(category);
    let wanted = Memo::new(move |_| split.then(|| state.with(|s| s.indicator.clone())).flatten());
    let for_fetch = catalog.clone();
    let dataset =
        LocalResource::new(move || data::dataset(for_fetch.clone(), category, wanted.get()));
    let catalog = Arc::new(catalog.catalog.clone());
    loading(dataset, look.lang, move |loaded| {
        view! { <DatasetView catalog=catalog.clone() loaded state look/> }
    })
}

/// A data file that could not be used: which file, what is wrong, and a way to try again.
#[component]
fn FileError(errors: ArcRwSignal<Errors>, lang: Lang, retry: Callback<()>) -> impl IntoView {
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
