//! The report's text, every number found marked: a proposed record (open, accepted or
//! rejected, the one in hand outlined), or a number left out. A click on a record's number
//! takes it in hand; selected text can be added as a record (`record::keyboard`, N).

use leptos::html;
use leptos::prelude::*;

use sportdash_extract::review::Review;

use crate::work::Work;

/// A piece of the text: plain, a record's number, or a number left out.
#[derive(Clone, Debug, PartialEq)]
enum Piece {
    Plain,
    Record(usize),
    LeftOut(String),
}

/// The text cut at the numbers: `(start, end, piece)`, in order, covering the whole text.
fn pieces(work: &Work) -> Vec<(usize, usize, Piece)> {
    let mut marks: Vec<(usize, usize, Piece)> = work
        .proposals
        .records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.at.0, r.at.1, Piece::Record(i)))
        .chain(
            work.proposals
                .left_out
                .iter()
                .map(|l| (l.at.0, l.at.1, Piece::LeftOut(l.reason.clone()))),
        )
        .filter(|&(a, b, _)| {
            a < b && work.text.is_char_boundary(a) && work.text.is_char_boundary(b)
        })
        .filter(|&(_, b, _)| b <= work.text.len())
        .collect();
    marks.sort_by_key(|&(a, _, _)| a);
    let mut out = Vec::new();
    let mut at = 0;
    for (a, b, piece) in marks {
        if a < at {
            continue;
        }
        if a > at {
            out.push((at, a, Piece::Plain));
        }
        out.push((a, b, piece));
        at = b;
    }
    if at < work.text.len() {
        out.push((at, work.text.len(), Piece::Plain));
    }
    out
}

#[component]
pub fn TextView(work: RwSignal<Option<Work>>) -> impl IntoView {
    let layout = Memo::new(move |_| {
        work.with(|w| {
            w.as_ref()
                .map(|w| (w.text.clone(), pieces(w)))
                .unwrap_or_default()
        })
    });
    let frame = NodeRef::<html::Article>::new();
    // The record in hand is kept in sight.
    Effect::new(move |_| {
        let current = work.with(|w| w.as_ref().map(|w| w.current));
        let (Some(frame), Some(current)) = (frame.get(), current) else {
            return;
        };
        if let Ok(Some(mark)) = frame.query_selector(&format!("mark[data-record='{current}']")) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            mark.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
    view! {
        <article class="report-text" node_ref=frame aria-label="报告原文 Report text">
            {move || {
                layout
                    .with(|(text, pieces)| {
                        pieces
                            .iter()
                            .map(|(a, b, piece)| piece_view(work, &text[*a..*b], *a, piece.clone()))
                            .collect_view()
                    })
            }}
        </article>
    }
}

fn piece_view(work: RwSignal<Option<Work>>, text: &str, at: usize, piece: Piece) -> AnyView {
    let text = text.to_string();
    match piece {
        Piece::Plain => view! { <span data-at=at>{text}</span> }.into_any(),
        Piece::LeftOut(reason) => {
            view! { <mark class="left-out" data-at=at title=reason>{text}</mark> }.into_any()
        }
        Piece::Record(i) => {
            let class = move || {
                work.with(|w| {
                    let Some(w) = w else { return String::new() };
                    let review = w.proposals.records.get(i).map(|r| r.review);
                    let state = match review {
                        Some(Review::Accepted) => "accepted",
                        Some(Review::Rejected) => "rejected",
                        _ => "open",
                    };
                    let current = if w.current == i { " current" } else { "" };
                    format!("record {state}{current}")
                })
            };
            view! {
                <mark
                    class=class
                    data-at=at
                    data-record=i
                    on:click=move |_| work.update(|w| {
                        if let Some(w) = w {
                            w.current = i;
                        }
                    })
                >
                    {text}
                </mark>
            }
            .into_any()
        }
    }
}
