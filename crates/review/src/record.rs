//! The record in hand: every field editable, the indicator found by typing, the data's checks
//! beside it; and the keys that review by keyboard.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use sportdash_core::model::{Qualifier, Status, Text};
use sportdash_extract::review::{find_indicators, Proposal, Review};

use crate::work::Work;
use crate::Data;

/// How many indicators a search lists.
const FOUND: usize = 8;

/// The keys: A accept, R reject, U undo, J/↓ next, K/↑ previous, E or / the indicator,
/// N add the selected number, Shift+R reject every record still open. In a field, Escape
/// leaves it and Ctrl+Enter accepts.
pub fn keyboard(work: RwSignal<Option<Work>>) {
    let handle = window_event_listener(ev::keydown, move |ev| {
        let in_field = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
        let update = |f: &dyn Fn(&mut Work)| work.update(|w| w.iter_mut().for_each(f));
        let handled = match (in_field, ev.key().as_str()) {
            (true, "Escape") => {
                blur();
                true
            }
            (true, "Enter") if ev.ctrl_key() || ev.meta_key() => {
                blur();
                update(&|w| w.mark(Review::Accepted));
                true
            }
            (true, _) => false,
            (false, _) if ev.ctrl_key() || ev.meta_key() || ev.alt_key() => false,
            (false, "a") => {
                update(&|w| w.mark(Review::Accepted));
                true
            }
            (false, "r") => {
                update(&|w| w.mark(Review::Rejected));
                true
            }
            (false, "R") => {
                update(&|w| w.reject_open());
                true
            }
            (false, "u") => {
                update(&|w| w.mark(Review::Proposed));
                true
            }
            (false, "j" | "ArrowDown") => {
                update(&|w| w.step(1));
                true
            }
            (false, "k" | "ArrowUp") => {
                update(&|w| w.step(-1));
                true
            }
            (false, "e" | "/") => focus("#indicator-search"),
            (false, "n") => {
                add_selection(work);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
}

fn blur() {
    if let Some(element) = document()
        .active_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.blur();
    }
}

fn focus(selector: &str) -> bool {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|e| e.focus().is_ok())
}

/// Adds the number in the text the person selected as a record, and takes it in hand.
pub fn add_selection(work: RwSignal<Option<Work>>) {
    let Some(range) = crate::io::text_selection() else {
        return;
    };
    work.update(|w| {
        if let Some(w) = w {
            let text = w.text.clone();
            match w.proposals.add_selection(&text, range) {
                Ok(i) => w.current = i,
                Err(e) => leptos::logging::warn!("{e}"),
            }
        }
    });
}

/// Changes the record in hand.
fn edit(work: RwSignal<Option<Work>>, change: impl Fn(&mut Proposal)) {
    work.update(|w| {
        if let Some(w) = w {
            let current = w.current;
            if let Some(record) = w.proposals.records.get_mut(current) {
                change(record);
            }
        }
    });
}

fn current<T>(work: RwSignal<Option<Work>>, read: impl Fn(&Proposal) -> T) -> Option<T> {
    work.with(|w| {
        w.as_ref()
            .and_then(|w| w.proposals.records.get(w.current))
            .map(read)
    })
}

fn value_text(value: f64) -> String {
    sportdash_core::format::number(value)
}

#[component]
pub fn RecordCard(
    data: Arc<Data>,
    work: RwSignal<Option<Work>>,
    checks: Memo<Vec<(usize, Vec<String>)>>,
) -> impl IntoView {
    let position = move || {
        work.with(|w| {
            w.as_ref().map(|w| {
                let counts = w.proposals.counts();
                format!(
                    "记录 {} / {} · 待审 {} · 接受 {} · 拒绝 {}",
                    w.current + 1,
                    w.proposals.records.len(),
                    counts.open,
                    counts.accepted,
                    counts.rejected
                )
            })
        })
    };
    let state = move || {
        current(work, |r| match r.review {
            Review::Proposed => "待审核 open",
            Review::Accepted => "已接受 accepted",
            Review::Rejected => "已拒绝 rejected",
        })
    };
    let problems = move || {
        let i = work.with(|w| w.as_ref().map(|w| w.current));
        checks.with(|c| {
            c.iter()
                .find(|(at, _)| Some(*at) == i)
                .map(|(_, messages)| messages.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <section class="record" aria-labelledby="record-title">
            <h2 id="record-title">{position}</h2>
            <p class="state">{state}</p>
            <blockquote class="quote">{move || current(work, |r| r.source.quote.clone())}</blockquote>
            <IndicatorField data work/>
            <RecordFields work/>
            <ul class="problems" aria-live="polite">
                {move || problems().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
            </ul>
            <div class="actions">
                <button class="accept" on:click=move |_| work.update(|w| w.iter_mut().for_each(|w| w.mark(Review::Accepted)))>
                    "接受 Accept " <kbd>"A"</kbd>
                </button>
                <button class="reject" on:click=move |_| work.update(|w| w.iter_mut().for_each(|w| w.mark(Review::Rejected)))>
                    "拒绝 Reject " <kbd>"R"</kbd>
                </button>
                <button on:click=move |_| work.update(|w| w.iter_mut().for_each(|w| w.step(-1)))>
                    "上一条 " <kbd>"K"</kbd>
                </button>
                <button on:click=move |_| work.update(|w| w.iter_mut().for_each(|w| w.step(1)))>
                    "下一条 " <kbd>"J"</kbd>
                </button>
                <button on:click=move |_| add_selection(work) title="先在原文中选中一个数字 Select a number in the text first">
                    "添加所选数字 Add selected " <kbd>"N"</kbd>
                </button>
                <button on:click=move |_| work.update(|w| w.iter_mut().for_each(Work::reject_open))>
                    "其余全部拒绝 Reject the rest " <kbd>"⇧R"</kbd>
                </button>
            </div>
        </section>
    }
}

/// The indicator: its name, the runners-up one click away, and a search of the catalogue.
#[component]
fn IndicatorField(data: Arc<Data>, work: RwSignal<Option<Work>>) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let name_of = {
        let data = data.clone();
        move |id: &str| {
            data.catalog.indicator(id).map_or_else(
                || id.to_string(),
                |i| format!("{}（{}）", i.name.zh, i.unit),
            )
        }
    };
    let chosen = {
        let name_of = name_of.clone();
        move || {
            current(work, |r| r.indicator.clone())
                .flatten()
                .map_or_else(|| "未定 none yet".to_string(), |id| name_of(&id))
        }
    };
    let alternatives = {
        let name_of = name_of.clone();
        move || {
            current(work, |r| r.alternatives.clone())
                .unwrap_or_default()
                .into_iter()
                .map(|id| {
                    let label = name_of(&id);
                    let pick = id.clone();
                    view! {
                        <button class="alternative" on:click=move |_| {
                            let pick = pick.clone();
                            choose(work, &pick)
                        }>{label}</button>
                    }
                })
                .collect_view()
        }
    };
    let found = {
        let data = data.clone();
        Memo::new(move |_| {
            typed.with(|t| {
                if t.trim().is_empty() {
                    Vec::new()
                } else {
                    find_indicators(&data.catalog, t, FOUND)
                }
            })
        })
    };
    let results = move || {
        found
            .get()
            .into_iter()
            .map(|id| {
                let label = name_of(&id);
                let pick = id.clone();
                view! {
                    <li>
                        <button on:click=move |_| {
                            choose(work, &pick);
                            typed.set(String::new());
                        }>{label}</button>
                    </li>
                }
            })
            .collect_view()
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" && !ev.ctrl_key() {
            if let Some(first) = found.get_untracked().first() {
                choose(work, first);
                typed.set(String::new());
                ev.prevent_default();
            }
        }
    };
    view! {
        <div class="indicator">
            <p>
                <span class="label">"指标 Indicator："</span>
                <strong class="chosen">{chosen}</strong>
            </p>
            <p class="alternatives">{alternatives}</p>
            <label>
                <span>"查找指标 Find an indicator " <kbd>"E"</kbd></span>
                <input
                    id="indicator-search"
                    type="search"
                    autocomplete="off"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                    on:keydown=on_key
                />
            </label>
            <ul class="found">{results}</ul>
        </div>
    }
}

fn choose(work: RwSignal<Option<Work>>, id: &str) {
    edit(work, |r| {
        if r.indicator.as_deref() != Some(id) {
            let previous = r.indicator.replace(id.to_string());
            r.alternatives.retain(|a| a != id);
            if let Some(previous) = previous {
                r.alternatives.insert(0, previous);
                r.alternatives.truncate(2);
            }
        }
    });
}

/// The number and everything about it but the indicator.
#[component]
fn RecordFields(work: RwSignal<Option<Work>>) -> impl IntoView {
    let number = move |read: fn(&Proposal) -> Option<f64>| {
        move || {
            current(work, read)
                .flatten()
                .map(value_text)
                .unwrap_or_default()
        }
    };
    let parsed = |ev: &ev::Event| {
        event_target_value(ev)
            .trim()
            .replace(',', "")
            .parse::<f64>()
            .ok()
    };
    let qualifier = move || current(work, |r| qualifier_id(r.qualifier)).unwrap_or("exact");
    let status = move || {
        current(work, |r| match r.status {
            Status::Reported => "reported",
            Status::Target => "target",
        })
        .unwrap_or("reported")
    };
    view! {
        <div class="fields">
            <label>"数值 Value"
                <input id="field-value" inputmode="decimal" prop:value=number(|r| Some(r.value))
                    on:change=move |ev| if let Some(v) = parsed(&ev) { edit(work, |r| r.value = v) }/>
            </label>
            <label>"上限 Up to"
                <input id="field-value-max" inputmode="decimal" prop:value=number(|r| r.value_max)
                    on:change=move |ev| { let v = parsed(&ev); edit(work, |r| r.value_max = v) }/>
            </label>
            <label>"单位 Unit"
                <input id="field-unit" prop:value=move || current(work, |r| r.unit.clone()).unwrap_or_default()
                    on:change=move |ev| { let v = event_target_value(&ev); edit(work, |r| r.unit = v.trim().to_string()) }/>
            </label>
            <label>"限定 Qualifier"
                <select id="field-qualifier" prop:value=qualifier
                    on:change=move |ev| { let v = event_target_value(&ev); edit(work, |r| r.qualifier = qualifier_from(&v)) }>
                    <option value="exact">"准确 exact"</option>
                    <option value="approximate">"约 about"</option>
                    <option value="at_least">"余/以上 at least"</option>
                    <option value="at_most">"不足 at most"</option>
                    <option value="range">"范围 range"</option>
                </select>
            </label>
            <label>"年份 Year"
                <input id="field-year" inputmode="numeric" prop:value=move || current(work, |r| r.year.map(|y| y.to_string())).flatten().unwrap_or_default()
                    on:change=move |ev| { let v = event_target_value(&ev).trim().parse().ok(); edit(work, |r| r.year = v) }/>
            </label>
            <label>"状态 Status"
                <select id="field-status" prop:value=status
                    on:change=move |ev| { let target = event_target_value(&ev) == "target"; edit(work, |r| r.status = if target { Status::Target } else { Status::Reported }) }>
                    <option value="reported">"完成 reported"</option>
                    <option value="target">"目标 target"</option>
                </select>
            </label>
            <label class="wide">"赛事/活动 Context"
                <input id="field-context" prop:value=move || current(work, |r| r.context.as_ref().map(|c| c.zh.clone())).flatten().unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev).trim().to_string();
                        edit(work, |r| r.context = (!v.is_empty()).then(|| Text { zh: v.clone(), en: None }))
                    }/>
            </label>
            <p class="year-note wide">{move || current(work, |r| r.year_note.as_ref().map(|n| n.zh.clone())).flatten()}</p>
        </div>
    }
}

fn qualifier_id(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::Approximate => "approximate",
        Qualifier::AtLeast => "at_least",
        Qualifier::AtMost => "at_most",
        Qualifier::Range => "range",
    }
}

fn qualifier_from(id: &str) -> Qualifier {
    match id {
        "approximate" => Qualifier::Approximate,
        "at_least" => Qualifier::AtLeast,
        "at_most" => Qualifier::AtMost,
        "range" => Qualifier::Range,
        _ => Qualifier::Exact,
    }
}
