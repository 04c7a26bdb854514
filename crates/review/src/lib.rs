//! The review page: a bureau's report, opened or dropped as a file (.txt in UTF-8 or GBK, or
//! Word .docx) or pasted, read into proposed records (`sportdash_extract::propose`), reviewed
//! by keyboard against the data's own checks, previewed in the dashboard's charts, and
//! downloaded for `sportdash merge`. The text never leaves the browser.

mod io;
mod panels;
mod record;
mod text_view;
mod work;

use std::sync::Arc;

use leptos::prelude::*;

use dashboard::common::{loading, Look};
use dashboard::data;
use sportdash_core::lang::{Lang, Theme};
use sportdash_core::model::{Catalog, Category, Dataset};
use sportdash_extract::document::Document;
use sportdash_extract::review::Proposals;

use panels::{Downloads, LeftOutList, Preview, ReportPanel};
use record::{keyboard, RecordCard};
use text_view::TextView;
use work::Work;

#[cfg(target_arch = "wasm32")]
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The data the review checks against and draws beside: the catalogue and every section.
#[derive(Clone, Debug, PartialEq)]
pub struct Data {
    pub catalog: Catalog,
    pub datasets: Vec<Dataset>,
}

async fn load_data() -> Result<Arc<Data>, dashboard::data::DataError> {
    let loaded = data::catalog().await?;
    let mut datasets = Vec::new();
    for category in Category::ALL {
        let dataset = data::dataset(loaded.clone(), category, None).await?;
        datasets.push(dataset.dataset.clone());
    }
    Ok(Arc::new(Data {
        catalog: loaded.catalog.clone(),
        datasets,
    }))
}

#[component]
pub fn App() -> impl IntoView {
    let look = Look {
        lang: Lang::Zh,
        theme: Theme::default(),
    };
    let data = LocalResource::new(load_data);
    let work = RwSignal::new(io::saved_work());
    let message = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        work.with(|w| {
            if let Some(w) = w {
                if let Err(e) = io::save_work(w) {
                    message.set(Some(e));
                }
            }
        })
    });
    view! {
        <header class="masthead">
            <h1>"报告录入 · Add a report"</h1>
            <p class="lede">
                "打开或拖入一份体育工作报告（Word .docx，或 UTF-8/GBK 文本），逐条审核提出的记录，下载后用 "
                <code>"sportdash merge"</code>" 并入数据。报告文本只在本机浏览器中处理，不会上传。"
            </p>
            <a class="back" href="./">"← 返回仪表板 Dashboard"</a>
        </header>
        {loading(data, look.lang, move |data: Arc<Data>| {
            view! { <Page data work message look/> }
        })}
    }
}

#[component]
fn Page(
    data: Arc<Data>,
    work: RwSignal<Option<Work>>,
    message: RwSignal<Option<String>>,
    look: Look,
) -> impl IntoView {
    let open = {
        let data = data.clone();
        move |name: String, document: Document| {
            open_document(&data.catalog, work, message, name, document)
        }
    };
    let data_for_review = data.clone();
    view! {
        <panels::Input open message/>
        <p class="message" role="alert">{move || message.get()}</p>
        {move || {
            let data = data_for_review.clone();
            work.with(Option::is_some).then(move || view! { <Review data work look/> })
        }}
    }
}

/// Replaces the work with a newly read report, unless it has no numbers or the person keeps
/// what they have reviewed.
fn open_document(
    catalog: &Catalog,
    work: RwSignal<Option<Work>>,
    message: RwSignal<Option<String>>,
    name: String,
    document: Document,
) {
    let proposals = sportdash_extract::propose(&document.text, &name, catalog);
    if proposals.records.is_empty() {
        message.set(Some(format!(
            "{name}: no numbers found that could be records ({} left out); nothing was changed",
            proposals.left_out.len()
        )));
        return;
    }
    let reviewed = work.with_untracked(|w| {
        w.as_ref().map_or(0, |w| {
            w.proposals.counts().accepted + w.proposals.counts().rejected
        })
    });
    if reviewed > 0 && !confirm_replace(reviewed) {
        return;
    }
    message.set(Some(opened_message(&name, &document, &proposals)));
    work.set(Some(Work {
        text: document.text,
        read_as: document.read_as.to_string(),
        proposals,
        current: 0,
    }));
}

fn opened_message(name: &str, document: &Document, proposals: &Proposals) -> String {
    let place = if proposals.report.entity.is_empty() {
        "the place is not known: choose it below".to_string()
    } else {
        format!("place {}", proposals.report.entity)
    };
    format!(
        "{name}: read as {}; {} records proposed, {} numbers left out; {place}",
        document.read_as,
        proposals.records.len(),
        proposals.left_out.len()
    )
}

fn confirm_replace(reviewed: usize) -> bool {
    window()
        .confirm_with_message(&format!(
            "替换当前的审核？已审核 {reviewed} 条，请先下载。Replace the review in progress ({reviewed} reviewed)?"
        ))
        .unwrap_or(false)
}

#[component]
fn Review(data: Arc<Data>, work: RwSignal<Option<Work>>, look: Look) -> impl IntoView {
    let checks = {
        let data = data.clone();
        Memo::new(move |_| {
            work.with(|w| {
                w.as_ref().map_or_else(Vec::new, |w| {
                    w.proposals.check(&data.catalog, &data.datasets, &w.text)
                })
            })
        })
    };
    keyboard(work);
    view! {
        <main class="review">
            <TextView work/>
            <aside class="side">
                <ReportPanel data=data.clone() work/>
                <RecordCard data=data.clone() work checks/>
                <Preview data=data.clone() work look/>
                <Downloads work checks/>
                <LeftOutList work/>
            </aside>
        </main>
    }
}
