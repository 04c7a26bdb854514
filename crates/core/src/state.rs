//! View state in the URL:
//! `?view=medals&indicator=medal_table&entities=jiaozuo,hedong&years=2021-2023&show=table&lang=en&theme=dark`,
//! plus `embed=1` (one chart for an iframe) or `present=1&slide=3&kiosk=20` (presentation).
//! Parsed by a pure function; unknown or malformed parameters are skipped and reported.

use crate::lang::{Lang, Theme};
use crate::model::{is_link_id, Category};

/// Longest parameter value a note repeats back; longer ones are cut.
const NOTE_LIMIT: usize = 40;
/// Longest query string read at all; a link longer than this is not one we wrote. The longest
/// link `to_query` writes (64 entities of 64 characters, every parameter) is under 4,400.
const QUERY_LIMIT: usize = 6000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Show {
    #[default]
    Chart,
    Table,
}

/// How many places the ranking shows.
pub const RANKING: usize = 20;

/// The section shown when the address names none.
pub const DEFAULT_VIEW: Category = Category::Medals;

/// What the dashboard shows: a section's data, the list of reports, or what is covered where.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Page {
    #[default]
    Data,
    Sources,
    Coverage,
}

/// Who the page is for: the full dashboard, one chart in an iframe, or a meeting-room screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Dashboard,
    Embed,
    Present,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    /// The section; with `page` other than `Data`, the section last looked at.
    pub view: Option<Category>,
    /// `view=sources` and `view=coverage` name these pages.
    pub page: Page,
    pub indicator: Option<String>,
    /// `None`: the view's default entities.
    pub entities: Option<Vec<String>>,
    pub years: Option<(i32, i32)>,
    pub show: Show,
    /// `None`: the language remembered on this device, else Chinese.
    pub lang: Option<Lang>,
    /// `None`: light, or dark in a presentation.
    pub theme: Option<Theme>,
    pub mode: Mode,
    /// The presentation's slide, counted from 1.
    pub slide: Option<usize>,
    /// Seconds between slides when a presentation advances by itself.
    pub kiosk: Option<u32>,
    /// A ranking: the first `top` places of the last selected year.
    pub top: Option<usize>,
}

impl ViewState {
    /// The state a shared link carries: everything the view shows, spelled out (the section,
    /// the indicator, the places and the years it resolved to, the language and the theme), so
    /// that the link keeps showing the same thing when the dashboard's defaults change.
    pub fn spelled_out(
        &self,
        category: Category,
        indicator: &str,
        entities: &[String],
        years: Option<(i32, i32)>,
        lang: Lang,
        theme: Theme,
    ) -> ViewState {
        ViewState {
            view: Some(category),
            indicator: Some(indicator.to_string()).filter(|id| !id.is_empty()),
            entities: Some(entities.to_vec()),
            years,
            lang: Some(lang),
            theme: Some(theme),
            ..self.clone()
        }
    }

    /// The ranking of the top 20 places, on where it is off, off where it is on.
    pub fn toggle_ranking(&mut self) {
        self.top = match self.top {
            Some(_) => None,
            None => Some(RANKING),
        };
    }

    /// The theme to draw with.
    pub fn theme_or_default(&self) -> Theme {
        self.theme.unwrap_or(match self.mode {
            Mode::Present => Theme::Dark,
            Mode::Dashboard | Mode::Embed => Theme::Light,
        })
    }
}

/// Parses a query string (with or without the leading `?`). Returns the state and a note per
/// parameter that was not understood, or that a later one of the same name replaced.
pub fn parse(query: &str) -> (ViewState, Vec<String>) {
    let mut state = ViewState::default();
    let mut notes = Vec::new();
    // Each name's parameter that counts so far, as a note would give it.
    let mut counting: Vec<(&str, String)> = Vec::new();
    // The section a page about all the data was opened from, applied once the page is known.
    let mut section = None;
    let query = query.trim_start_matches('?');
    if query.len() > QUERY_LIMIT {
        return (state, vec![format!("({} characters)", query.len())]);
    }
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(raw);
        let understood = match key {
            // The last `view` counts: a section named before `view=sources` is not kept, as
            // `to_query` could not write it back.
            "view" => match value.as_str() {
                "sources" => {
                    state.view = None;
                    set_to(&mut state.page, Page::Sources)
                }
                "coverage" => {
                    state.view = None;
                    set_to(&mut state.page, Page::Coverage)
                }
                _ => Category::from_id(&value).is_some_and(|c| {
                    state.page = Page::Data;
                    set(&mut state.view, c)
                }),
            },
            "section" => Category::from_id(&value).is_some_and(|c| set(&mut section, c)),
            "indicator" => is_link_id(&value) && set(&mut state.indicator, value.clone()),
            "entities" => {
                let ids: Vec<String> = value
                    .split(',')
                    .filter(|id| !id.is_empty())
                    .map(str::to_string)
                    .collect();
                ids.iter().all(|id| is_link_id(id))
                    && ids.len() <= 64
                    && set(&mut state.entities, ids)
            }
            "years" => parse_years(&value).is_some_and(|y| set(&mut state.years, y)),
            "show" => match value.as_str() {
                "chart" => set_to(&mut state.show, Show::Chart),
                "table" => set_to(&mut state.show, Show::Table),
                _ => false,
            },
            "lang" => Lang::from_id(&value).is_some_and(|l| set(&mut state.lang, l)),
            "theme" => Theme::from_id(&value).is_some_and(|t| set(&mut state.theme, t)),
            "embed" => value == "1" && set_to(&mut state.mode, Mode::Embed),
            "present" => value == "1" && set_to(&mut state.mode, Mode::Present),
            "slide" => bounded(&value, 1..=999).is_some_and(|n| set(&mut state.slide, n)),
            "kiosk" => bounded(&value, 2..=3600).is_some_and(|n| set(&mut state.kiosk, n)),
            "top" => bounded(&value, 1..=100).is_some_and(|n| set(&mut state.top, n)),
            // What pym.js adds to an embed's address (`embed::PYM_PARAMS`): not the view's.
            _ if crate::embed::PYM_PARAMS.contains(&key) => true,
            _ => false,
        };
        let as_noted = if raw.is_empty() {
            shorten(&decode(key))
        } else {
            format!("{}={}", shorten(&decode(key)), shorten(&value))
        };
        if !understood {
            notes.push(as_noted);
        } else if let Some(earlier) = counting.iter_mut().find(|(name, _)| *name == key) {
            // Given twice: the last counts, and the one it replaced is said.
            notes.push(std::mem::replace(&mut earlier.1, as_noted));
        } else {
            counting.push((key, as_noted));
        }
    }
    match (section, state.page) {
        (Some(category), Page::Sources | Page::Coverage) => state.view = Some(category),
        // A section's own view names its section with `view=`.
        (Some(category), Page::Data) => notes.push(format!("section={}", category.id())),
        (None, _) => {}
    }
    (state, notes)
}

/// The page that shows one chart for an iframe (`embed.html`, crates/embed), beside the
/// dashboard's. An address of the dashboard with `embed=1` (links from before that page) is
/// sent there with its query.
pub const EMBED_PAGE: &str = "embed.html";

/// The value of the last parameter called `name` in `query`, decoded, or `None`.
pub fn param(query: &str, name: &str) -> Option<String> {
    let query = query.trim_start_matches('?');
    if query.len() > QUERY_LIMIT {
        return None;
    }
    query
        .rsplit('&')
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .find(|(key, _)| *key == name)
        .map(|(_, raw)| decode(raw))
}

/// The query string for a state, spelling out everything it shows.
pub fn to_query(state: &ViewState) -> String {
    let mut parts = Vec::new();
    match state.page {
        Page::Data => {
            if let Some(view) = state.view {
                parts.push(format!("view={}", view.id()));
            }
        }
        Page::Sources => parts.push("view=sources".to_string()),
        Page::Coverage => parts.push("view=coverage".to_string()),
    }
    // A page about all the data keeps the section it was opened from, for going back to it.
    if let (Page::Sources | Page::Coverage, Some(view)) = (state.page, state.view) {
        parts.push(format!("section={}", view.id()));
    }
    if let Some(indicator) = &state.indicator {
        parts.push(format!("indicator={indicator}"));
    }
    if let Some(entities) = &state.entities {
        parts.push(format!("entities={}", entities.join(",")));
    }
    if let Some((from, to)) = state.years {
        parts.push(format!("years={from}-{to}"));
    }
    parts.push(format!(
        "show={}",
        match state.show {
            Show::Chart => "chart",
            Show::Table => "table",
        }
    ));
    if let Some(lang) = state.lang {
        parts.push(format!("lang={}", lang.id()));
    }
    if let Some(theme) = state.theme {
        parts.push(format!("theme={}", theme.id()));
    }
    match state.mode {
        Mode::Dashboard => {}
        Mode::Embed => parts.push("embed=1".to_string()),
        Mode::Present => parts.push("present=1".to_string()),
    }
    if let Some(slide) = state.slide {
        parts.push(format!("slide={slide}"));
    }
    if let Some(seconds) = state.kiosk {
        parts.push(format!("kiosk={seconds}"));
    }
    if let Some(top) = state.top {
        parts.push(format!("top={top}"));
    }
    format!("?{}", parts.join("&"))
}

fn bounded<T: std::str::FromStr + PartialOrd>(
    value: &str,
    range: std::ops::RangeInclusive<T>,
) -> Option<T> {
    value.parse().ok().filter(|n| range.contains(n))
}

fn set<T>(slot: &mut Option<T>, value: T) -> bool {
    *slot = Some(value);
    true
}

fn set_to<T>(slot: &mut T, value: T) -> bool {
    *slot = value;
    true
}

/// A value as a note repeats it: cut to a readable length, with the characters that a crafted
/// link could use to hide text or to show it in another order than it is written named where
/// they are (`⟨U+202E⟩`), so the note shows why the value was not understood.
fn shorten(value: &str) -> String {
    let cut: String = value.chars().take(NOTE_LIMIT).collect();
    let shown: String = cut
        .chars()
        .map(|c| {
            if is_hidden(c) {
                format!("⟨U+{:04X}⟩", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect();
    if value.chars().count() > NOTE_LIMIT {
        format!("{shown}…")
    } else {
        shown
    }
}

/// Control characters, and the invisible formatting ones: bidirectional marks, embeddings,
/// overrides and isolates, zero-width spaces and joiners, and the byte-order mark.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

/// `2021-2023`, or one year; a range written the other way round (`2023-2021`) means the same.
pub fn parse_years(value: &str) -> Option<(i32, i32)> {
    let (from, to) = value.split_once('-').unwrap_or((value, value));
    let (from, to): (i32, i32) = (from.trim().parse().ok()?, to.trim().parse().ok()?);
    let plausible = 1900..=2100;
    (plausible.contains(&from) && plausible.contains(&to)).then_some((from.min(to), from.max(to)))
}

/// Percent-decoding for the few characters a shared link may carry escaped.
fn decode(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let hex = |b: u8| char::from(b).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&high), Some(&low)) => hex(high).zip(hex(low)).map(|(h, l)| h * 16 + l),
            _ => None,
        };
        match (escaped, bytes[i]) {
            (Some(byte), _) => {
                out.push(byte);
                i += 3;
            }
            (None, b'+') => {
                out.push(b' ');
                i += 1;
            }
            (None, byte) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_a_full_state() {
        let state = ViewState {
            view: Some(Category::Facilities),
            page: Page::Data,
            indicator: Some("sports_area_per_capita".into()),
            entities: Some(vec!["jiaozuo".into(), "hedong".into()]),
            years: Some((2021, 2023)),
            show: Show::Table,
            lang: Some(Lang::En),
            theme: Some(Theme::Dark),
            mode: Mode::Present,
            slide: Some(3),
            kiosk: Some(20),
            top: Some(20),
        };
        assert_eq!(parse(&to_query(&state)), (state, vec![]));
        let embed = ViewState {
            mode: Mode::Embed,
            ..ViewState::default()
        };
        assert_eq!(parse(&to_query(&embed)), (embed, vec![]));
        for page in [Page::Sources, Page::Coverage] {
            let state = ViewState {
                page,
                ..ViewState::default()
            };
            assert_eq!(parse(&to_query(&state)), (state, vec![]));
        }
    }

    #[test]
    fn overlong_and_script_values_are_cut_in_notes() {
        let long = "x".repeat(500);
        let (state, notes) = parse(&format!("view={long}&lang=<script>alert(1)</script>"));
        assert_eq!(state, ViewState::default());
        assert_eq!(notes[0], format!("view={}…", "x".repeat(40)));
        assert_eq!(notes[1], "lang=<script>alert(1)</script>");
        let (state, notes) = parse(&"a=1&".repeat(2000));
        assert_eq!(state, ViewState::default());
        assert_eq!(notes, vec!["(8000 characters)"]);
        // U+202E (right-to-left override) would show "txt.exe" as "exe.txt"; U+200B hides; NUL
        // made "view=even%00ts" read as "view=events". Each is named where it is.
        let (_, notes) = parse("file=%E2%80%AEexe.txt&%E2%80%8Bx=1%E2%81%A6&view=even%00ts");
        assert_eq!(
            notes,
            vec![
                "file=⟨U+202E⟩exe.txt",
                "⟨U+200B⟩x=1⟨U+2066⟩",
                "view=even⟨U+0000⟩ts"
            ]
        );
    }

    #[test]
    fn pym_js_parameters_are_taken_and_kept_out_of_the_view() {
        let query = "view=medals&embed=1&initialWidth=640&childId=chart%2D1&parentTitle=A%20page&parentUrl=https%3A%2F%2Fnews.example%2Fa";
        let (state, notes) = parse(query);
        assert_eq!(notes, Vec::<String>::new());
        assert_eq!(to_query(&state), "?view=medals&show=chart&embed=1");
        assert_eq!(param(query, "childId").as_deref(), Some("chart-1"));
        assert_eq!(
            param("childId=a&childId=b", "childId").as_deref(),
            Some("b")
        );
        assert_eq!(param("?childId", "childId").as_deref(), Some(""));
        assert_eq!(param("view=medals", "childId"), None);
        assert_eq!(param(&"a=1&".repeat(2000), "a"), None);
        // As first-view.js reads it to send a link to the embed page: the last of `embed=1`
        // and `present=1` says the mode.
        for (query, embed) in [
            ("?embed=1", true),
            ("view=x&embed=0&embed=1", true),
            ("embed=1&embed=yes", true),
            ("embed=1&present=1", false),
            ("present=1&embed=1", true),
            ("embed=%31", true),
            ("embed=", false),
            ("", false),
        ] {
            assert_eq!(parse(query).0.mode == Mode::Embed, embed, "{query}");
        }
    }

    #[test]
    fn presentation_parameters_are_bounded() {
        let (state, notes) = parse("present=1&slide=0&kiosk=1&embed=yes");
        assert_eq!(state.mode, Mode::Present);
        assert_eq!(state.slide, None);
        assert_eq!(state.kiosk, None);
        assert_eq!(notes, vec!["slide=0", "kiosk=1", "embed=yes"]);
        assert_eq!(state.theme_or_default(), Theme::Dark);
        assert_eq!(parse("").0.theme_or_default(), Theme::Light);
    }

    #[test]
    fn bad_parameters_are_skipped_with_a_note() {
        let (state, notes) =
            parse("?view=nope&years=2023-2021&entities=a,<b>&show=pie&x=1&show=table");
        assert_eq!(
            state,
            ViewState {
                show: Show::Table,
                years: Some((2021, 2023)),
                ..ViewState::default()
            }
        );
        assert_eq!(
            notes,
            vec!["view=nope", "entities=a,<b>", "show=pie", "x=1"]
        );
    }

    #[test]
    fn broken_escapes_and_unicode_do_not_panic() {
        for query in [
            "view=%",
            "view=%e",
            "view=%中文",
            "entities=%E4%B8",
            "years=２０２１",
        ] {
            let (state, notes) = parse(query);
            assert_eq!(state, ViewState::default(), "{query}");
            assert_eq!(notes.len(), 1, "{query}");
        }
    }

    #[test]
    fn the_longest_link_is_read_back() {
        // Found by tests/fuzz.rs: a link under the old limit of 4096 characters, with one year
        // and no `show`, was written back longer than the limit and read back as nothing.
        let mut ids = vec!["a".repeat(64); 62];
        ids.push("b".repeat(40));
        let query = format!("entities={}&years=2021", ids.join(","));
        let (state, notes) = parse(&query);
        assert!(notes.is_empty());
        assert_eq!(parse(&to_query(&state)), (state, vec![]));
        let longest = ViewState {
            view: Some(Category::Governance),
            page: Page::Data,
            indicator: Some("i".repeat(64)),
            entities: Some(vec!["e".repeat(64); 64]),
            years: Some((2100, 2100)),
            show: Show::Table,
            lang: Some(Lang::En),
            theme: Some(Theme::Light),
            mode: Mode::Present,
            slide: Some(999),
            kiosk: Some(3600),
            top: Some(100),
        };
        assert!(to_query(&longest).len() < 4400);
        assert_eq!(parse(&to_query(&longest)), (longest, vec![]));
    }

    #[test]
    fn the_last_view_counts_so_a_parsed_state_round_trips() {
        // Found by tests/fuzz.rs: the section before `view=sources` was kept, and `to_query`
        // cannot write both.
        for query in [
            "view=medals&view=sources",
            "view=events&x=1&view=coverage&years=2021",
        ] {
            let (state, _) = parse(query);
            assert_eq!(state.view, None, "{query}");
            assert_eq!(parse(&to_query(&state)), (state, vec![]), "{query}");
        }
        let (state, notes) = parse("view=sources&view=medals");
        assert_eq!(
            (state.page, state.view),
            (Page::Data, Some(Category::Medals))
        );
        assert_eq!(notes, vec!["view=sources"]);
    }

    #[test]
    fn the_pages_about_all_the_data_keep_the_section_they_were_opened_from() {
        let (state, notes) = parse("view=sources&section=events");
        assert_eq!(
            (state.page, state.view),
            (Page::Sources, Some(Category::Events))
        );
        assert!(notes.is_empty());
        assert_eq!(to_query(&state), "?view=sources&section=events&show=chart");
        let (state, notes) = parse("section=events&view=coverage");
        assert_eq!(
            (state.page, state.view),
            (Page::Coverage, Some(Category::Events))
        );
        assert!(notes.is_empty());
        let (state, notes) = parse("view=medals&section=events");
        assert_eq!(state.view, Some(Category::Medals));
        assert_eq!(notes, vec!["section=events"]);
    }

    #[test]
    fn a_single_year_and_escapes_are_understood() {
        let (state, notes) = parse("years=2022&entities=jiaozuo%2Chedong");
        assert!(notes.is_empty());
        assert_eq!(state.years, Some((2022, 2022)));
        assert_eq!(
            state.entities,
            Some(vec!["jiaozuo".to_string(), "hedong".to_string()])
        );
    }
}
