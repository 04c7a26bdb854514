//! The dashboard's page: the frame around a section (masthead, toolbar, tabs, footer), and the
//! section in it, a dataset's view or a page about all the data.

use std::sync::Arc;

use leptos::prelude::*;
use sportdash_core::i18n::category_name;
use sportdash_core::lang::{Lang, Theme};
use sportdash_core::model::Category;
use sportdash_core::state::{Mode, Page, ViewState, DEFAULT_VIEW};

use crate::browser;
use crate::common::{loading, CatalogResource, Look, Problems, UrlNotes};
use crate::data::{self, LoadedCatalog};
use crate::pages;
use crate::view::DatasetView;

#[component]
pub fn Dashboard(
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
/// (`children`) and the footer. The first view (`first_view`) is this page drawn at build time:
/// until the app takes over, only its tabs and place chips answer, and the app replays their taps
/// (`first_view::script`, `browser::reveal`).
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
        <div class="app" class:first-view=first_view>
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
