//! The language the page speaks and the colours it draws in: the two choices every view
//! carries, in a module of their own so that the URL state, the strings and the charts can all
//! name them without naming each other.

use crate::model::Text;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// Where a page keeps the language chosen on this device (local storage, as JSON text: the
/// dashboard writes it with gloo's storage, the embed page and `first-view.js` read it).
pub const LANG_KEY: &str = "sportdash.lang";

impl Lang {
    /// The language's tag for `<html lang>`.
    pub fn html_id(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    pub fn from_id(id: &str) -> Option<Lang> {
        match id {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The data's name in this language, falling back to Chinese.
    pub fn pick(self, text: &Text) -> &str {
        match self {
            Lang::En => text.en.as_deref().unwrap_or(&text.zh),
            Lang::Zh => &text.zh,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    #[default]
    Light,
    /// Light text on a dark ground: the high-contrast big-screen look.
    Dark,
}

impl Theme {
    pub fn id(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_id(id: &str) -> Option<Theme> {
        match id {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}
