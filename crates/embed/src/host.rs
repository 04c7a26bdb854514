//! Telling the host page how tall the chart wants to be: our own message, which `embed.js`
//! reads, and pym.js's, where the host made the iframe with pym.js (its address then has a
//! `childId`). Both are built in `sportdash_core::embed`.

use std::cell::Cell;
use std::rc::Rc;

use sportdash_core::embed;
use sportdash_core::state;
use web_sys::{Element, MessageEvent, Window};

use crate::dom;

/// Measures again and tells the host if the height changed: for changes inside the page that
/// leave its own size as it is (a line of names under the chart after a drawing).
pub type Again = Rc<dyn Fn()>;

/// Posts the page's natural height to the host whenever it changes: the height of `root` with
/// the chart at its natural size (`natural`'s height, which follows the width, not the iframe's
/// height), so that sizing the iframe to it settles at once. A pym.js parent that asks (its
/// `width` message) is told again.
pub fn tell_height(root: &Element, natural: &Element) -> Again {
    let nothing: Again = Rc::new(|| {});
    let Some(window) = web_sys::window() else {
        return nothing;
    };
    let Some(parent) = parent_of(&window) else {
        return nothing;
    };
    let search = window.location().search().unwrap_or_default();
    let child = state::param(&search, embed::PYM_CHILD_ID).filter(|id| !id.is_empty());
    let wanted = {
        let (root, natural) = (root.clone(), natural.clone());
        move || {
            let frame = root
                .query_selector(".chart-frame")
                .ok()
                .flatten()
                .map_or(0.0, |f| f.get_bounding_client_rect().height());
            let whole = root.get_bounding_client_rect().height();
            (whole - frame + natural.get_bounding_client_rect().height()).ceil()
        }
    };
    let post = {
        let (parent, child) = (parent.clone(), child.clone());
        move |height: f64| post(&parent, child.as_deref(), height)
    };
    let posted = Rc::new(Cell::new(f64::NAN));
    let again: Again = {
        let (wanted, post) = (wanted.clone(), post.clone());
        // Posted when it changes: a host that sets another height is left to it.
        Rc::new(move || {
            let height = wanted();
            if height != posted.get() {
                posted.set(height);
                post(height);
            }
        })
    };
    {
        let again = again.clone();
        dom::observe_size(root, move |_, _| again());
    }
    if let Some(child) = child {
        dom::listen(&window, "message", move |event: MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            if let Some(("width", _)) = embed::pym_received(&child, &text) {
                post(wanted());
            }
        });
    }
    again
}

/// Whether the page is in another page's iframe.
pub fn framed() -> bool {
    web_sys::window().as_ref().and_then(parent_of).is_some()
}

fn parent_of(window: &Window) -> Option<Window> {
    window
        .parent()
        .ok()
        .flatten()
        .filter(|parent| parent != window)
}

fn post(parent: &Window, child: Option<&str>, height: f64) {
    // The height is not private, and the host is unknown: any origin may read it.
    if let Ok(message) = js_sys::JSON::parse(&embed::height_message(height)) {
        let _ = parent.post_message(&message, "*");
    }
    if let Some(child) = child {
        let message = embed::pym_height_message(child, height);
        let _ = parent.post_message(&message.into(), "*");
    }
}
