//! The presentation's slides, as data: `data/deck.json` lists slides, each a title, a caption
//! and the dashboard view it shows, written as the view's query string.

use serde::Deserialize;

use crate::load::{self, Diagnostic, Loaded, Severity};
use crate::model::Text;
use crate::state::{self, Mode, ViewState};

pub const DECK_FILE: &str = "deck.json";

const NO_SECTION: &str = "names no section (view=…)";

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct SlideRecord {
    title: Text,
    #[serde(default)]
    caption: Option<Text>,
    /// The view, as a dashboard query string: `view=medals&entities=jiaozuo&years=2021-2023`.
    view: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Slide {
    pub title: Text,
    pub caption: Option<Text>,
    pub state: ViewState,
    /// Why the slide cannot be shown, where it cannot: it keeps its place in the deck and says
    /// so, rather than vanishing from the count.
    pub problem: Option<String>,
}

/// The record name a slide's diagnostics carry: `slides[3] (标题)`.
pub fn record_name(index: usize, title: &Text) -> String {
    format!("slides[{index}] ({})", title.zh)
}

/// Reads a deck. A slide whose view names no section keeps its place and says why it cannot be
/// shown; parameters a slide's view does not understand are reported and skipped, as they
/// would be in a link.
pub fn parse(file: &str, text: &str) -> Loaded<Vec<Slide>> {
    let loaded = load::records::<SlideRecord>(file, text, "slides");
    let mut diagnostics = loaded.diagnostics;
    let slides = loaded.value.map(|records| {
        records
            .into_iter()
            .enumerate()
            .map(|(index, record)| {
                let (mut view, notes) = state::parse(&record.view);
                let name = record_name(index, &record.title);
                for note in notes {
                    diagnostics.push(Diagnostic {
                        severity: Severity::Warning,
                        file: file.to_string(),
                        record: Some(name.clone()),
                        field: Some("view".to_string()),
                        message: format!("ignored \"{note}\""),
                    });
                }
                let problem = view.view.is_none().then(|| NO_SECTION.to_string());
                if let Some(problem) = &problem {
                    diagnostics.push(Diagnostic::record_error(
                        file,
                        name,
                        Some("view"),
                        problem.clone(),
                    ));
                }
                // A slide is a view; language, theme and mode belong to whoever presents it.
                view.page = crate::state::Page::Data;
                view.lang = None;
                view.theme = None;
                view.mode = Mode::Dashboard;
                view.slide = None;
                view.kiosk = None;
                Slide {
                    title: record.title,
                    caption: record.caption,
                    state: view,
                    problem,
                }
            })
            .collect()
    });
    Loaded {
        value: slides,
        diagnostics,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Category;

    #[test]
    fn slides_carry_their_view_and_bad_ones_are_reported() {
        let text = r#"{"slides": [
            {"title": {"zh": "奖牌", "en": "Medals"}, "view": "view=medals&entities=jiaozuo&years=2021-2023&lang=en"},
            {"title": {"zh": "无栏目"}, "view": "entities=jiaozuo"},
            {"title": {"zh": "参数"}, "view": "view=events&colour=red"},
            {"title": "not a text", "view": "view=events"}
        ]}"#;
        let loaded = parse("deck.json", text);
        let slides = loaded.value.unwrap();
        assert_eq!(
            slides.len(),
            3,
            "a slide that cannot be shown keeps its place"
        );
        assert_eq!(slides[0].state.view, Some(Category::Medals));
        assert_eq!(slides[0].state.years, Some((2021, 2023)));
        assert_eq!(slides[0].state.lang, None);
        assert_eq!(slides[0].problem, None);
        assert_eq!(slides[1].problem.as_deref(), Some(NO_SECTION));
        assert_eq!(slides[2].state.view, Some(Category::Events));
        let messages: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            messages,
            vec![
                "deck.json: slides[3]: field `title`: invalid type: string \"not a text\", expected struct Text",
                "deck.json: slides[1] (无栏目): field `view`: names no section (view=…)",
                "deck.json: slides[2] (参数): field `view`: ignored \"colour=red\"",
            ]
        );
    }

    #[test]
    fn a_deck_that_is_not_json_is_unusable() {
        let loaded = parse("deck.json", "{slides");
        assert!(loaded.value.is_none());
        assert!(loaded.diagnostics[0].is_error());
    }
}
