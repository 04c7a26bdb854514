//! The presentation for a meeting-room screen: full screen, big type, thick marks; ←/→ step
//! through the slides of `data/deck.json`, space plays the years, Esc leaves. With `kiosk=N`
//! the slides advance by themselves every N seconds.

use std::sync::Arc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Interval;
use leptos::prelude::*;

use sportdash_core::deck::Slide;
use sportdash_core::model::Catalog;
use sportdash_core::query;
use sportdash_core::state::{Mode, ViewState};

use crate::browser;
use crate::chart_view::ChartCanvas;
use crate::common::{loading, CatalogResource, Look, Problems, UrlNotes};
use crate::data::{self, LoadedCatalog, LoadedDataset};
use sportdash_core::lang::Lang;
use sportdash_core::load::Diagnostic;

/// Back to the dashboard, out of full screen.
fn leave(state: RwSignal<ViewState>) {
    browser::exit_fullscreen();
    state.update(|s| {
        s.mode = Mode::Dashboard;
        s.slide = None;
        s.kiosk = None;
    });
}

#[component]
pub fn Presentation(
    state: RwSignal<ViewState>,
    look: Look,
    catalog: CatalogResource,
    notes: Vec<String>,
) -> impl IntoView {
    let strings = look.lang.strings();
    let deck = LocalResource::new(data::deck);
    // The browser's own Esc ends full screen without a key event reaching the page; leaving
    // full screen leaves the presentation too.
    let was_fullscreen = StoredValue::new(browser::is_fullscreen());
    let on_change = EventListener::new(&document(), "fullscreenchange", move |_| {
        let now = browser::is_fullscreen();
        if was_fullscreen.get_value() && !now {
            leave(state);
        }
        was_fullscreen.set_value(now);
    });
    let _kept = StoredValue::new_local(on_change);
    view! {
        <main class="presentation">
            <UrlNotes notes lang=look.lang/>
            {loading(
                catalog,
                look.lang,
                move |catalog| {
                    loading(
                        deck,
                        look.lang,
                        move |deck| {
                            // The deck's problems, and those of its slides against the data, as
                            // `sportdash validate` gives them: each shown on its slide.
                            let mut problems = deck.diagnostics.clone();
                            problems.extend(sportdash_core::validate::deck(
                                &catalog.catalog,
                                sportdash_core::deck::DECK_FILE,
                                &deck.slides,
                            ));
                            view! {
                                <Stage
                                    catalog=catalog.clone()
                                    slides=deck.slides.clone()
                                    problems
                                    state
                                    look
                                />
                            }
                        },
                    )
                },
            )}
            <button class="stage-leave" data-action="leave" on:click=move |_| leave(state)>
                {strings.leave}
            </button>
        </main>
    }
}

#[component]
fn Stage(
    catalog: Arc<LoadedCatalog>,
    slides: Vec<Slide>,
    problems: Vec<Diagnostic>,
    state: RwSignal<ViewState>,
    look: Look,
) -> impl IntoView {
    let count = slides.len();
    if count == 0 {
        return view! { <p class="stage-empty">{look.lang.strings().no_slides}</p> }.into_any();
    }
    let steps = Steps {
        index: Memo::new(move |_| state.with(|s| s.slide.unwrap_or(1)).clamp(1, count) - 1),
        count,
        playing: RwSignal::new(false),
        state,
    };
    let _keys = StoredValue::new_local(steps.listen_to_keys());
    let kiosk = state
        .with_untracked(|s| s.kiosk)
        .map(|seconds| Interval::new(seconds * 1000, move || steps.go_round()));
    let _kiosk = StoredValue::new_local(kiosk);

    let slides = Arc::new(slides);
    let problems = Arc::new(problems);
    let shown = {
        let slides = slides.clone();
        move || {
            let at = steps.index.get();
            let (catalog, problems) = (catalog.clone(), problems.clone());
            view! { <ShownSlide at slide=slides[at].clone() catalog problems playing=steps.playing look/> }
        }
    };
    let title = {
        let slides = slides.clone();
        move || look.lang.pick(&slides[steps.index.get()].title).to_string()
    };
    let caption = move || {
        slides[steps.index.get()]
            .caption
            .as_ref()
            .map(|c| look.lang.pick(c).to_string())
    };
    view! {
        <div class="stage" data-slide=move || steps.index.get() + 1>
            <header class="stage-head">
                <h1 class="stage-title">{title}</h1>
                <p class="stage-caption">{caption}</p>
            </header>
            <div class="stage-chart">{shown}</div>
            <StageFoot steps lang=look.lang/>
        </div>
    }
    .into_any()
}

/// Where the presentation is in its deck, and the ways to move through it.
#[derive(Clone, Copy)]
struct Steps {
    /// The slide shown, counted from 0.
    index: Memo<usize>,
    count: usize,
    /// Whether the years are playing on the slide shown.
    playing: RwSignal<bool>,
    state: RwSignal<ViewState>,
}

impl Steps {
    fn go(self, to: usize) {
        self.playing.set(false);
        self.state.update(|s| s.slide = Some(to + 1));
    }

    fn next(self) {
        self.go((self.index.get_untracked() + 1).min(self.count - 1));
    }

    fn previous(self) {
        self.go(self.index.get_untracked().saturating_sub(1));
    }

    /// The next slide, from the last back to the first (kiosk mode).
    fn go_round(self) {
        self.go((self.index.get_untracked() + 1) % self.count);
    }

    fn play_or_pause(self) {
        self.playing.update(|p| *p = !*p);
    }

    /// ← → (a clicker's PageUp/PageDown) step, Home and End jump, space plays the years, F
    /// goes full screen, Esc leaves: while the returned listener is kept.
    fn listen_to_keys(self) -> EventListener {
        let options = EventListenerOptions::enable_prevent_default();
        EventListener::new_with_options(&window(), "keydown", options, move |event| {
            let Some(event) = wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(event) else {
                return;
            };
            match event.key().as_str() {
                "ArrowRight" | "PageDown" => self.next(),
                "ArrowLeft" | "PageUp" => self.previous(),
                "Home" => self.go(0),
                "End" => self.go(self.count - 1),
                " " => self.play_or_pause(),
                "Escape" => leave(self.state),
                "f" | "F" => browser::enter_fullscreen(),
                _ => return,
            }
            event.prevent_default();
        })
    }
}

/// The slide at `at`: its problems, if any, and its chart, or why it cannot be shown.
#[component]
fn ShownSlide(
    at: usize,
    slide: Slide,
    catalog: Arc<LoadedCatalog>,
    problems: Arc<Vec<Diagnostic>>,
    playing: RwSignal<bool>,
    look: Look,
) -> impl IntoView {
    let record = sportdash_core::deck::record_name(at, &slide.title);
    let own: Vec<Diagnostic> = problems
        .iter()
        .filter(|d| d.record.as_deref() == Some(record.as_str()))
        .cloned()
        .collect();
    let chart = match &slide.problem {
        None => view! { <SlideChart catalog slide playing look/> }.into_any(),
        Some(_) => {
            view! { <p class="stage-empty">{look.lang.strings().slide_unusable}</p> }.into_any()
        }
    };
    view! {
        <Problems diagnostics=own lang=look.lang/>
        {chart}
    }
}

/// Where the deck is, the keys, and buttons for those without them.
#[component]
fn StageFoot(steps: Steps, lang: Lang) -> impl IntoView {
    let strings = lang.strings();
    let playing = steps.playing;
    view! {
        <footer class="stage-foot">
            <span class="stage-count" aria-live="polite">
                {move || slide_count(lang, steps.index.get() + 1, steps.count)}
            </span>
            <span class="stage-keys">{strings.present_keys}</span>
            <span class="stage-buttons">
                <button data-action="previous" on:click=move |_| steps.previous()>
                    {strings.previous}
                </button>
                <button
                    data-action="play"
                    aria-pressed=move || playing.get().to_string()
                    on:click=move |_| steps.play_or_pause()
                >
                    {move || if playing.get() { strings.pause } else { strings.play_years }}
                </button>
                <button data-action="next" on:click=move |_| steps.next()>
                    {strings.next}
                </button>
                <button data-action="fullscreen" on:click=move |_| browser::enter_fullscreen()>
                    {strings.fullscreen}
                </button>
            </span>
        </footer>
    }
}

#[component]
fn SlideChart(
    catalog: Arc<LoadedCatalog>,
    slide: Slide,
    playing: RwSignal<bool>,
    look: Look,
) -> impl IntoView {
    let category = slide
        .state
        .view
        .unwrap_or(sportdash_core::state::DEFAULT_VIEW);
    let indicator = slide.state.indicator.clone();
    let for_fetch = catalog.clone();
    let dataset =
        LocalResource::new(move || data::dataset(for_fetch.clone(), category, indicator.clone()));
    let catalog = Arc::new(catalog.catalog.clone());
    loading(dataset, look.lang, move |loaded| {
        view! {
            <PlayedChart catalog=catalog.clone() loaded slide=slide.clone() playing look/>
        }
    })
}

/// A slide's chart; while the years play, it shows the years up to the one reached.
#[component]
fn PlayedChart(
    catalog: Arc<Catalog>,
    loaded: Arc<LoadedDataset>,
    slide: Slide,
    playing: RwSignal<bool>,
    look: Look,
) -> impl IntoView {
    let full = query::resolve(&catalog, &loaded.dataset, &slide.state);
    let (first, last) = full.years.unwrap_or((0, 0));
    let reached = RwSignal::new(None::<i32>);
    let timer = StoredValue::new_local(None::<Interval>);
    Effect::new(move |_| {
        if !playing.get() {
            timer.set_value(None);
            return;
        }
        reached.set(Some(first));
        timer.set_value(Some(Interval::new(1200, move || {
            match reached.get_untracked() {
                Some(year) if year < last => reached.set(Some(year + 1)),
                _ => playing.set(false),
            }
        })));
    });
    // One chart for the whole range; playing shows it year by year, in the same shape.
    let whole = query::chart(&catalog, &loaded.dataset, &full);
    let chart = Memo::new(move |_| match reached.get() {
        Some(year) => query::until(&whole, year),
        None => whole.clone(),
    });
    let years = move || {
        let to = reached.get().unwrap_or(last);
        format!("{first}-{to}")
    };
    view! {
        <div class="stage-frame" data-years=years>
            <ChartCanvas chart catalog look stage=true/>
        </div>
    }
}

fn slide_count(lang: sportdash_core::lang::Lang, at: usize, count: usize) -> String {
    match lang {
        sportdash_core::lang::Lang::Zh => format!("第 {at} / {count} 页"),
        sportdash_core::lang::Lang::En => format!("Slide {at} of {count}"),
    }
}
