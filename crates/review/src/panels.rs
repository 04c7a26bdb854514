//! The panels around the record in hand: the input (open, drop or paste a report), the
//! report's place and year, the preview chart, the download, and the numbers left out.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use dashboard::chart_view::ChartCanvas;
use dashboard::common::Look;
use sportdash_core::model::{Category, Dataset, EntityKind};
use sportdash_core::query::{self, ChartData, Selection};
use sportdash_extract::document::{self, Document};
use sportdash_extract::review::Review;

use crate::work::Work;
use crate::{io, Data};

/// Open a file, drop one, or paste the text.
#[component]
pub fn Input(
    open: impl Fn(String, Document) + Clone + Send + Sync + 'static,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let pasted = RwSignal::new(String::new());
    let read = {
        let open = open.clone();
        move |file: web_sys::File| {
            let open = open.clone();
            leptos::task::spawn_local(async move {
                match io::read_file(file).await {
                    Ok((name, document)) => open(name, document),
                    Err(e) => message.set(Some(format!("{e}; nothing was changed"))),
                }
            });
        }
    };
    let on_pick = {
        let read = read.clone();
        move |ev: leptos::ev::Event| {
            let input: web_sys::HtmlInputElement = event_target(&ev);
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                read(file);
            }
            input.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            read(file);
        }
    };
    let read_pasted = move |_| {
        let text = pasted.get_untracked();
        match document::read("pasted.txt", text.as_bytes()) {
            Ok(document) => open("pasted.txt".to_string(), document),
            Err(e) => message.set(Some(format!("{e}; nothing was changed"))),
        }
    };
    view! {
        <section class="input" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
            <label class="open">
                "打开报告文件 Open a report (.docx, .txt)"
                <input id="open-file" type="file" accept=".docx,.txt,.doc,text/plain" on:change=on_pick/>
            </label>
            <span class="or">"或拖到此处，或粘贴文本 · or drop it here, or paste the text"</span>
            <textarea id="paste" rows="2" placeholder="粘贴报告全文 Paste the report's text"
                on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            <button id="read-pasted" on:click=read_pasted>"读取粘贴的文本 Read the text"</button>
        </section>
    }
}

/// The report: how the file was read, its place (a known one or a new one) and its year.
#[component]
pub fn ReportPanel(data: Arc<Data>, work: RwSignal<Option<Work>>) -> impl IntoView {
    let read = move |f: fn(&Work) -> String| move || work.with(|w| w.as_ref().map(f));
    let places = {
        let data = data.clone();
        move || {
            let new: Vec<(String, String)> = work.with(|w| {
                w.iter()
                    .flat_map(|w| &w.proposals.new_entities)
                    .map(|e| (e.id.clone(), format!("{}（新 new）", e.name.zh)))
                    .collect()
            });
            let known = data
                .catalog
                .entities
                .iter()
                .map(|e| (e.id.clone(), e.name.zh.clone()));
            let chosen = work.with(|w| w.as_ref().map(|w| w.proposals.report.entity.clone()));
            std::iter::once((String::new(), "未知 unknown".to_string()))
                .chain(new)
                .chain(known)
                .map(|(id, name)| {
                    let selected = chosen.as_deref() == Some(id.as_str());
                    view! { <option value=id selected=selected>{name}</option> }
                })
                .collect_view()
        }
    };
    view! {
        <section class="report">
            <h2>{read(|w| w.proposals.report.title.zh.clone())}</h2>
            <p class="read-as">
                {read(|w| format!("{} · 读作 read as {}", w.proposals.report.doc, w.read_as))}
            </p>
            <label>"文件名 File name "
                <input id="report-doc" prop:value=move || work.with(|w| w.as_ref().map(|w| w.proposals.report.doc.clone()).unwrap_or_default())
                    on:change=move |ev| {
                        let doc = event_target_value(&ev).trim().to_string();
                        work.update(|w| w.iter_mut().for_each(|w| w.set_doc(&doc)));
                    }/>
            </label>
            <label>"地方 Place "
                <select id="report-place" on:change=move |ev| {
                    let id = event_target_value(&ev);
                    work.update(|w| w.iter_mut().for_each(|w| w.set_place(&id)));
                }>{places}</select>
            </label>
            <p class="how">{read(|w| w.proposals.entity_read.zh.clone())}</p>
            <NewPlace work/>
            <p class="how">
                {read(|w| format!("年份 {} · {}", w.proposals.report.period, w.proposals.year_read.zh))}
            </p>
        </section>
    }
}

/// A place the data does not have yet: its id, name, kind and parent, as `entities.json`
/// will hold it.
#[component]
fn NewPlace(work: RwSignal<Option<Work>>) -> impl IntoView {
    let new = move || {
        work.with(|w| {
            w.as_ref().and_then(|w| {
                w.proposals
                    .new_entities
                    .iter()
                    .find(|e| e.id == w.proposals.report.entity)
                    .cloned()
            })
        })
    };
    let rename = move |id: String| {
        work.update(|w| {
            if let Some(w) = w {
                let old = w.proposals.report.entity.clone();
                if let Some(e) = w.proposals.new_entities.iter_mut().find(|e| e.id == old) {
                    e.id = id.clone();
                }
                w.set_place(&id);
            }
        })
    };
    move || {
        new().map(|entity| {
            let kind = kind_name(entity.kind);
            view! {
                <div class="new-place">
                    <p>{format!("新地方 New place: {} · {} · 上级 parent {}", entity.name.zh, kind,
                        entity.parent.clone().unwrap_or_else(|| "—".to_string()))}</p>
                    <label>"代码 Id (a-z, 0-9, -) "
                        <input id="new-place-id" prop:value=entity.id.clone()
                            on:change=move |ev| rename(event_target_value(&ev).trim().to_string())/>
                    </label>
                </div>
            }
        })
    }
}

/// The record's indicator drawn as the dashboard draws it: the data's places, and this
/// report's records not rejected.
#[component]
pub fn Preview(data: Arc<Data>, work: RwSignal<Option<Work>>, look: Look) -> impl IntoView {
    let catalog = Memo::new({
        let data = data.clone();
        move |_| {
            work.with(|w| {
                w.as_ref()
                    .map(|w| Arc::new(w.proposals.catalog_with(&data.catalog)))
            })
        }
    });
    let indicator = Memo::new(move |_| {
        work.with(|w| {
            w.as_ref()
                .and_then(|w| w.proposals.records.get(w.current))
                .and_then(|r| r.indicator.clone())
        })
    });
    move || {
        let (Some(catalog), Some(id)) = (catalog.get(), indicator.get()) else {
            return view! { <p class="preview-none">"选定指标后在此预览 · Choose an indicator to preview it"</p> }.into_any();
        };
        let Some(category) = catalog.indicator(&id).map(|i| i.category) else {
            return ().into_any();
        };
        let data = data.clone();
        let chart_catalog = catalog.clone();
        let chart = Memo::new(move |_| {
            work.with(|w| preview(&chart_catalog, &data, w.as_ref(), category, &id))
        });
        view! {
            <section class="preview">
                <h2>"预览 Preview"</h2>
                <ChartCanvas chart catalog look/>
            </section>
        }
        .into_any()
    }
}

fn preview(
    catalog: &sportdash_core::model::Catalog,
    data: &Data,
    work: Option<&Work>,
    category: Category,
    indicator: &str,
) -> ChartData {
    let mut observations: Vec<_> = data
        .datasets
        .iter()
        .filter(|d| d.category == category)
        .flat_map(|d| d.observations.iter().cloned())
        .collect();
    observations.extend(
        work.iter()
            .flat_map(|w| &w.proposals.records)
            .filter(|r| r.review != Review::Rejected && r.indicator.as_deref() == Some(indicator))
            .filter_map(|r| r.observation().ok()),
    );
    let dataset = Dataset {
        category,
        observations,
    };
    let mut entities: Vec<String> = Vec::new();
    for o in dataset
        .observations
        .iter()
        .filter(|o| o.indicator == indicator)
    {
        if !entities.contains(&o.entity) {
            entities.push(o.entity.clone());
        }
    }
    let selection = Selection {
        indicator: Some(indicator.to_string()),
        entities,
        ..Selection::default()
    };
    query::chart(catalog, &dataset, &selection)
}

/// The reviewed file, for `sportdash merge`, with what still stands in its way.
#[component]
pub fn Downloads(
    work: RwSignal<Option<Work>>,
    checks: Memo<Vec<(usize, Vec<String>)>>,
) -> impl IntoView {
    // The problems of the records accepted: what stands in the way of a merge.
    let blocking = Memo::new(move |_| {
        checks.with(|c| {
            work.with(|w| {
                let accepted = |i: usize| {
                    w.as_ref()
                        .is_some_and(|w| w.proposals.records[i].review == Review::Accepted)
                };
                c.iter()
                    .filter(|(i, _)| accepted(*i))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    let status = move || {
        let counts = work
            .with(|w| w.as_ref().map(|w| w.proposals.counts()))
            .unwrap_or_default();
        match (counts.open, blocking.with(Vec::len)) {
            (0, 0) => format!(
                "可以合并 Ready to merge: {} 条接受 accepted",
                counts.accepted
            ),
            (open, 0) => format!("还有 {open} 条待审核 still open: merge refuses them"),
            (_, problems) => {
                format!("{problems} 条已接受的记录有问题 accepted records have problems")
            }
        }
    };
    let save = move |_| {
        work.with_untracked(|w| {
            if let Some(w) = w {
                if let Ok(json) = serde_json::to_string_pretty(&w.proposals) {
                    io::download(&w.file_name(), &json, "application/json");
                }
            }
        })
    };
    let listed = move || {
        blocking
            .get()
            .into_iter()
            .map(|(i, messages)| {
                view! {
                    <li>
                        <button on:click=move |_| work.update(|w| w.iter_mut().for_each(|w| w.current = i))>
                            {format!("记录 record {}", i + 1)}
                        </button>
                        " " {messages.join("; ")}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="download">
            <p class="ready">{status}</p>
            <ul class="problems">{listed}</ul>
            <button id="download" on:click=save>"下载审核结果 Download the reviewed file"</button>
            <p class="hint">"然后 then: " <code>"sportdash merge <文件>"</code></p>
        </section>
    }
}

/// Every number left out, and why; a click selects it in the text, N adds it.
#[component]
pub fn LeftOutList(work: RwSignal<Option<Work>>) -> impl IntoView {
    let items = move || {
        work.with(|w| {
            w.iter()
                .flat_map(|w| &w.proposals.left_out)
                .map(|l| {
                    let at = l.at.0;
                    view! {
                        <li>
                            <button on:click=move |_| select_in_text(at)>{l.number.clone()}</button>
                            " " {l.reason.clone()}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let count = move || work.with(|w| w.as_ref().map_or(0, |w| w.proposals.left_out.len()));
    view! {
        <details class="left-out-list">
            <summary>{move || format!("未采用的数字 Numbers left out ({})", count())}</summary>
            <ul>{items}</ul>
        </details>
    }
}

/// Selects the number left out at `at` in the text view, ready for N.
fn select_in_text(at: usize) {
    let Some(mark) = document()
        .query_selector(&format!("mark.left-out[data-at='{at}']"))
        .ok()
        .flatten()
    else {
        return;
    };
    if let (Ok(range), Ok(Some(selection))) = (document().create_range(), window().get_selection())
    {
        let _ = range.select_node_contents(&mark);
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(&range);
        if let Ok(mark) = mark.dyn_into::<web_sys::HtmlElement>() {
            mark.scroll_into_view();
        }
    }
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Country => "country",
        EntityKind::Province => "province",
        EntityKind::Municipality => "municipality",
        EntityKind::City => "city",
        EntityKind::District => "district",
        EntityKind::County => "county",
    }
}
