//! Components in a real browser (wasm-bindgen-test in headless Chromium): the section view
//! draws its chart, follows the chosen entities in chart and table, and lists rejected records.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use dashboard::view::DatasetView;
use dashboard::{data, Look};
use leptos::prelude::*;
use sportdash_core::lang::{Lang, Theme};
use sportdash_core::model::Category;
use sportdash_core::state::{Show, ViewState};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ENTITIES: &str = include_str!("../data/entities.json");
const INDICATORS: &str = include_str!("../data/indicators.json");
const REPORTS: &str = include_str!("../data/reports.json");
const MEDALS: &str = include_str!("../data/observations/medals.json");

async fn settle() {
    gloo_timers::future::TimeoutFuture::new(80).await;
}

fn frame() -> web_sys::HtmlElement {
    let document = window().document().unwrap();
    let div: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    div.set_attribute("style", "width: 900px").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

fn find(parent: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    parent
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn count(parent: &web_sys::HtmlElement, selector: &str) -> u32 {
    parent.query_selector_all(selector).unwrap().length()
}

fn mount(medals: &str, state: RwSignal<ViewState>) -> (web_sys::HtmlElement, impl Sized) {
    mount_in(medals, state, Lang::Zh)
}

fn mount_in(
    medals: &str,
    state: RwSignal<ViewState>,
    lang: Lang,
) -> (web_sys::HtmlElement, impl Sized) {
    let look = Look {
        lang,
        theme: Theme::Light,
    };
    let catalog = data::catalog_from_texts(ENTITIES, INDICATORS, REPORTS).unwrap();
    let loaded = data::dataset_from_text(&catalog.catalog, Category::Medals, medals).unwrap();
    let parent = frame();
    let catalog = Arc::new(catalog.catalog.clone());
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        view! { <DatasetView catalog loaded state look/> }
    });
    (parent, handle)
}

fn state_for(entities: &[&str]) -> RwSignal<ViewState> {
    RwSignal::new(ViewState {
        view: Some(Category::Medals),
        entities: Some(entities.iter().map(|e| e.to_string()).collect()),
        ..ViewState::default()
    })
}

#[wasm_bindgen_test]
async fn choosing_an_entity_changes_the_chart_and_the_table() {
    let state = state_for(&["jiaozuo"]);
    let (parent, _handle) = mount(MEDALS, state);
    settle().await;
    let marks = || find(&parent, "canvas.chart").get_attribute("data-marks");
    // Three competitions × gold, silver, bronze.
    assert_eq!(marks().as_deref(), Some("9"));

    find(&parent, "button.chip[data-entity=hedong]").click();
    settle().await;
    assert_eq!(marks().as_deref(), Some("15"));
    assert_eq!(
        state.with_untracked(|s| s.entities.clone()),
        Some(vec!["jiaozuo".to_string(), "hedong".to_string()])
    );

    find(&parent, "button[data-show=table]").click();
    settle().await;
    assert_eq!(state.with_untracked(|s| s.show), Show::Table);
    assert_eq!(count(&parent, "table.data-table tbody tr"), 15);
    assert_eq!(count(&parent, "tbody tr[data-entity=hedong]"), 6);
    assert_eq!(count(&parent, "tbody tr.no-data"), 1);

    find(&parent, "button.chip[data-entity=jiaozuo]").click();
    settle().await;
    assert_eq!(count(&parent, "table.data-table tbody tr"), 6);
}

#[wasm_bindgen_test]
async fn the_canvas_backing_store_follows_the_device_pixel_ratio() {
    let (parent, _handle) = mount(MEDALS, state_for(&["jiaozuo", "hedong"]));
    settle().await;
    let canvas: web_sys::HtmlCanvasElement = find(&parent, "canvas.chart").unchecked_into();
    let ratio = window().device_pixel_ratio().max(1.0);
    let css_width = f64::from(canvas.client_width());
    assert!(css_width > 100.0);
    assert!((f64::from(canvas.width()) - css_width * ratio).abs() <= 2.0);
}

#[wasm_bindgen_test]
async fn rejected_records_are_listed_and_the_rest_is_still_drawn() {
    let broken = MEDALS.replacen("\"qualifier\": \"exact\"", "\"qualifier\": \"roughly\"", 1);
    let (parent, _handle) = mount(&broken, state_for(&["jiaozuo"]));
    settle().await;
    let problems = find(&parent, "details.problems").text_content().unwrap();
    assert!(problems.contains("observations/medals.json: observations[0] (jiaozuo 2021 athletes_entered): field `qualifier`"), "{problems}");
    assert_eq!(
        find(&parent, "canvas.chart")
            .get_attribute("data-marks")
            .as_deref(),
        Some("9")
    );
}

#[wasm_bindgen_test]
fn an_unusable_file_is_an_error_naming_the_file() {
    let catalog = data::catalog_from_texts(ENTITIES, INDICATORS, REPORTS).unwrap();
    let error = data::dataset_from_text(&catalog.catalog, Category::Medals, "{ oops").unwrap_err();
    assert_eq!(error.file, "data/observations/medals.json");
    assert!(
        error.message.contains("not valid JSON"),
        "{}",
        error.message
    );
}

#[wasm_bindgen_test]
async fn english_names_come_from_the_data_and_numbers_follow_the_language() {
    let (parent, _handle) = mount_in(MEDALS, state_for(&["jiaozuo"]), Lang::En);
    settle().await;
    let chip = find(&parent, "button.chip[data-entity=hedong]")
        .text_content()
        .unwrap();
    assert_eq!(chip, "Hedong District");
    find(&parent, "button[data-show=table]").click();
    settle().await;
    let table = find(&parent, "table.data-table").text_content().unwrap();
    assert!(table.contains("Place"), "{table}");
    assert!(table.contains("medals"), "{table}");
    assert!(!table.contains("地区"), "{table}");
}

/// Stepping through values with the arrow keys is tested with a real keyboard end to end.
#[wasm_bindgen_test]
async fn the_chart_is_focusable_and_described_in_words() {
    let (parent, _handle) = mount(MEDALS, state_for(&["jiaozuo"]));
    settle().await;
    let canvas = find(&parent, "canvas.chart");
    assert_eq!(canvas.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(
        canvas.get_attribute("aria-describedby").as_deref(),
        Some("chart-summary")
    );
    let summary = find(&parent, "#chart-summary").text_content().unwrap();
    assert_eq!(
        summary,
        "奖牌（金/银/铜）（枚）。1个地区，2021–2023年。最高：焦作市 · 第一届全国学生（青年）运动会，2023年，金牌10枚。"
    );
}
