//! View state in the URL: `?view=medals&indicator=medal_table&entities=jiaozuo,hedong&years=2021-2023&show=table`.
//! Parsed by a pure function; unknown or malformed parameters are skipped and reported.

use crate::model::Category;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Show {
    #[default]
    Chart,
    Table,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    pub view: Option<Category>,
    pub indicator: Option<String>,
    /// `None`: the view's default entities.
    pub entities: Option<Vec<String>>,
    pub years: Option<(i32, i32)>,
    pub show: Show,
}

/// Parses a query string (with or without the leading `?`). Returns the state and a note per
/// parameter that was not understood.
pub fn parse(query: &str) -> (ViewState, Vec<String>) {
    let mut state = ViewState::default();
    let mut notes = Vec::new();
    for pair in query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(raw);
        match key {
            "view" => match Category::from_id(&value) {
                Some(category) => state.view = Some(category),
                None => notes.push(format!("view={value}")),
            },
            "indicator" if is_id(&value) => state.indicator = Some(value),
            "entities" => {
                let ids: Vec<String> = value
                    .split(',')
                    .filter(|id| !id.is_empty())
                    .map(str::to_string)
                    .collect();
                if ids.iter().all(|id| is_id(id)) {
                    state.entities = Some(ids);
                } else {
                    notes.push(format!("entities={value}"));
                }
            }
            "years" => match parse_years(&value) {
                Some(years) => state.years = Some(years),
                None => notes.push(format!("years={value}")),
            },
            "show" => match value.as_str() {
                "chart" => state.show = Show::Chart,
                "table" => state.show = Show::Table,
                _ => notes.push(format!("show={value}")),
            },
            _ => notes.push(if raw.is_empty() {
                key.to_string()
            } else {
                format!("{key}={value}")
            }),
        }
    }
    (state, notes)
}

/// The query string for a state, spelling out everything it shows.
pub fn to_query(state: &ViewState) -> String {
    let mut parts = Vec::new();
    if let Some(view) = state.view {
        parts.push(format!("view={}", view.id()));
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
    format!("?{}", parts.join("&"))
}

fn is_id(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 64
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

fn parse_years(value: &str) -> Option<(i32, i32)> {
    let (from, to) = value.split_once('-').unwrap_or((value, value));
    let (from, to): (i32, i32) = (from.trim().parse().ok()?, to.trim().parse().ok()?);
    let plausible = 1900..=2100;
    (plausible.contains(&from) && plausible.contains(&to) && from <= to).then_some((from, to))
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
            indicator: Some("sports_area_per_capita".into()),
            entities: Some(vec!["jiaozuo".into(), "hedong".into()]),
            years: Some((2021, 2023)),
            show: Show::Table,
        };
        assert_eq!(parse(&to_query(&state)), (state, vec![]));
    }

    #[test]
    fn bad_parameters_are_skipped_with_a_note() {
        let (state, notes) =
            parse("?view=nope&years=2023-2021&entities=a,<b>&show=pie&x=1&show=table");
        assert_eq!(
            state,
            ViewState {
                show: Show::Table,
                ..ViewState::default()
            }
        );
        assert_eq!(
            notes,
            vec![
                "view=nope",
                "years=2023-2021",
                "entities=a,<b>",
                "show=pie",
                "x=1"
            ]
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
