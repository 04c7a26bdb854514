//! Taking a view elsewhere: a link that spells out what it shows, and the code to embed it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use sportdash_core::lang::Lang;
use sportdash_core::state::{self, Mode, Show, ViewState};

use crate::browser;

/// The address of `state` on this site.
pub fn address(state: &ViewState) -> String {
    format!("{}{}", browser::page_address(), state::to_query(state))
}

/// The HTML a host page pastes to embed `state`'s chart: the embed page (`embed.html`), sized by
/// `embed.js`, or by pym.js where the host uses it.
pub fn embed_code(state: &ViewState, title: &str) -> String {
    let embedded = ViewState {
        mode: Mode::Embed,
        show: Show::Chart,
        slide: None,
        kiosk: None,
        ..state.clone()
    };
    let attribute = |text: &str| {
        text.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
    };
    format!(
        "<iframe src=\"{}\" data-sportdash title=\"{}\" style=\"width:100%;border:0\" height=\"480\" loading=\"lazy\"></iframe>\n<script src=\"{}embed.js\" async></script>",
        attribute(&format!(
            "{}{}{}",
            browser::site_folder(),
            state::EMBED_PAGE,
            state::to_query(&embedded)
        )),
        attribute(title),
        attribute(&browser::site_folder()),
    )
}

#[component]
pub fn Share(spelled: Memo<ViewState>, lang: Lang) -> impl IntoView {
    let strings = lang.strings();
    let status = RwSignal::new(None::<&'static str>);
    let by_hand = RwSignal::new(None::<String>);
    let code_open = RwSignal::new(false);
    let code = move || embed_code(&spelled.get(), strings.app_title);

    let copy = move |text: String, done: &'static str| {
        spawn_local(async move {
            if browser::copy(&text).await {
                by_hand.set(None);
                status.set(Some(done));
            } else {
                status.set(None);
                by_hand.set(Some(text));
            }
        });
    };

    view! {
        <div class="share">
            <button
                class="tool"
                data-action="copy-link"
                on:click=move |_| copy(address(&spelled.get_untracked()), strings.link_copied)
            >
                {strings.copy_link}
            </button>
            <button
                class="tool"
                data-action="embed"
                aria-expanded=move || code_open.get().to_string()
                aria-controls="embed-code"
                on:click=move |_| code_open.update(|open| *open = !*open)
            >
                {strings.embed}
            </button>
            <span class="share-status" role="status">
                {move || status.get()}
            </span>
        </div>
        // On lines of their own under the bar, so that the buttons stay where they were.
        {move || {
            by_hand
                .get()
                .map(|text| {
                    view! {
                        <label class="share-by-hand">
                            {strings.copy_by_hand}
                            <input readonly value=text/>
                        </label>
                    }
                })
        }}
        <Show when=move || code_open.get()>
            <div class="embed-code" id="embed-code">
                <label>
                    <span>{strings.embed_help}</span>
                    <textarea readonly rows="4" prop:value=code></textarea>
                </label>
                <button
                    class="tool"
                    data-action="copy-code"
                    on:click=move |_| copy(code(), strings.code_copied)
                >
                    {strings.copy_code}
                </button>
            </div>
        </Show>
    }
}
