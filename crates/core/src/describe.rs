//! The chart in words: its title, the labels of its series, groups and values, and a sentence
//! for screen readers and anyone who cannot see the picture; what the view could not show of
//! what its link asked for, and what the chart left out. The chart draws these words; the page
//! writes them.

use crate::i18n::entity_name;
use crate::lang::Lang;
use crate::model::{Catalog, Reference, ReferenceKind, Status, YearBasis, MEDAL_TABLE};
use crate::query::{is_reference, Cell, ChartData, Group, Ignored, Medal, Row, SeriesKey, Shape};
use crate::{compare, format};

/// The legend text of a series.
pub fn series_label(data: &ChartData, series: usize, catalog: &Catalog, lang: Lang) -> String {
    let strings = lang.strings();
    match data.series.get(series).map(|s| &s.key) {
        Some(SeriesKey::Year(year)) => year.to_string(),
        Some(SeriesKey::Medal(Medal::Gold)) => strings.gold.to_string(),
        Some(SeriesKey::Medal(Medal::Silver)) => strings.silver.to_string(),
        Some(SeriesKey::Medal(Medal::Bronze)) => strings.bronze.to_string(),
        Some(SeriesKey::Reference(kind)) => reference_name(*kind, lang).to_string(),
        Some(SeriesKey::Entity { entity, context }) => {
            let mut label = entity_name(catalog, entity, lang);
            if let Some(context) = context {
                label.push_str(" · ");
                label.push_str(lang.pick(context));
            }
            if !data
                .rows
                .iter()
                .any(|r| r.series == series && matches!(r.cell, Cell::Value { .. }))
            {
                label.push_str(&match lang {
                    Lang::Zh => format!("（{}）", strings.no_data),
                    Lang::En => format!(" ({})", strings.no_data),
                });
            }
            label
        }
        None => String::new(),
    }
}

/// What a reference row is named: 全国 / National, or 全国目标 / National target.
pub fn reference_name(kind: ReferenceKind, lang: Lang) -> &'static str {
    match kind {
        ReferenceKind::National => lang.strings().national,
        ReferenceKind::Target => lang.strings().national_target,
    }
}

/// A reference as published, with its year where it is a target: "2.62平方米",
/// "2025年目标 2.6平方米".
pub fn reference_label(reference: &Reference, lang: Lang) -> String {
    let amount = format::amount(
        reference.value,
        None,
        reference.qualifier,
        &reference.unit,
        lang,
    );
    match (reference.kind, lang) {
        (ReferenceKind::National, _) => amount,
        (ReferenceKind::Target, Lang::Zh) => format!("{}年目标 {amount}", reference.year),
        (ReferenceKind::Target, Lang::En) => format!("{} target {amount}", reference.year),
    }
}

/// Where a reference was published, in one line: "国家体育总局 2022年…数据 (2023-03)".
pub fn citation_line(reference: &Reference, lang: Lang) -> String {
    let citation = &reference.citation;
    format!(
        "{} {} ({})",
        lang.pick(&citation.publisher),
        lang.pick(&citation.title),
        citation.published
    )
}

/// Whom a row is of: the place (with its competition), or 全国 / 全国目标 for a reference.
pub fn row_name(row: &Row, catalog: &Catalog, lang: Lang) -> String {
    match &row.cell {
        Cell::Reference { reference, .. } => reference_name(reference.kind, lang).to_string(),
        _ => entity_name(catalog, &row.entity, lang),
    }
}

/// A value's card, the text of what it is and where it came from: the dashboard's card and
/// source panel and the embed's card show this.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// The place (with its English name in Chinese), competition or event, year.
    pub heading: String,
    /// "indicator：value as reported", or "indicator：无数据".
    pub value: String,
    pub no_data: bool,
    /// A plan target, not an outcome: shown as a badge after the value.
    pub target: bool,
    /// The report's sentence, verbatim.
    pub quote: Option<String>,
    pub lines: Vec<CardLine>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardLineKind {
    /// About a reference value: what it is, where it was published.
    Note,
    /// The report the value is quoted from.
    Source,
    /// How its year was read.
    Year,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CardLine {
    pub kind: CardLineKind,
    pub text: String,
}

/// The card of `row`.
pub fn card(row: &Row, catalog: &Catalog, lang: Lang) -> Card {
    let strings = lang.strings();
    let colon = match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    };
    let mut entity = row_name(row, catalog, lang);
    if let (Lang::Zh, Some(english)) = (
        lang,
        catalog
            .entity(&row.entity)
            .and_then(|e| e.name.en.as_deref()),
    ) {
        entity = format!("{entity} ({})", crate::i18n::shown_name(english));
    }
    let heading = match &row.context {
        Some(c) => format!("{entity} · {} · {}", lang.pick(c), row.year),
        None => format!("{entity} · {}", row.year),
    };
    let indicator = crate::i18n::indicator_name(catalog, &row.indicator, lang);
    let line = |kind, text| CardLine { kind, text };
    let mut card = Card {
        heading,
        value: String::new(),
        no_data: false,
        target: false,
        quote: None,
        lines: Vec::new(),
    };
    match &row.cell {
        Cell::Reference { reference, .. } => {
            card.value = format!("{indicator}{colon}{}", reference_label(reference, lang));
            card.lines = vec![
                line(CardLineKind::Note, strings.reference_note.to_string()),
                line(
                    CardLineKind::Note,
                    format!(
                        "{} {}",
                        lang.pick(&reference.citation.publisher),
                        lang.pick(&reference.citation.title)
                    ),
                ),
            ];
        }
        Cell::NoData => {
            card.value = format!("{indicator}{colon}{}", strings.no_data);
            card.no_data = true;
        }
        Cell::Value { observation, .. } => {
            card.value = format!(
                "{indicator}{colon}{}",
                format::as_reported(observation, lang)
            );
            card.target = observation.status == Status::Target;
            card.quote = Some(observation.source.quote.clone());
            let report_name = catalog.report(&observation.source.doc).map_or_else(
                || observation.source.doc.clone(),
                |r| match lang {
                    Lang::Zh => format!("《{}》（{}）", r.title.zh, r.published),
                    Lang::En => format!("“{}” ({})", lang.pick(&r.title), r.published),
                },
            );
            let basis = match observation.year_basis {
                YearBasis::Stated => strings.basis_stated,
                YearBasis::ReportPeriod => strings.basis_report_period,
                YearBasis::PublicationDate => strings.basis_publication,
            };
            let note = observation
                .year_note
                .as_ref()
                .map(|n| format!(" — {}", lang.pick(n)))
                .unwrap_or_default();
            card.lines = vec![
                line(
                    CardLineKind::Source,
                    format!(
                        "{}{colon}{report_name} · {}",
                        strings.source, observation.source.doc
                    ),
                ),
                line(
                    CardLineKind::Year,
                    format!("{}{colon}{basis}{note}", strings.year_read),
                ),
            ];
        }
    }
    card
}

/// Where a chart's values come from, in one line: each report's publisher and date, then each
/// national reference's publisher and title ("焦作市体育局 2022-01-20; 国家体育总局 …").
pub fn sources(data: &ChartData, catalog: &Catalog, lang: Lang) -> String {
    use std::collections::BTreeSet;
    let docs: BTreeSet<&str> = data
        .rows
        .iter()
        .filter_map(|r| match &r.cell {
            Cell::Value { observation, .. } => Some(observation.source.doc.as_str()),
            Cell::NoData | Cell::Reference { .. } => None,
        })
        .collect();
    let named: BTreeSet<String> = docs
        .into_iter()
        .map(|doc| {
            catalog.report(doc).map_or(doc.to_string(), |r| {
                format!("{} {}", lang.pick(&r.publisher), r.published)
            })
        })
        .collect();
    let cited: BTreeSet<String> = data
        .rows
        .iter()
        .filter_map(|r| match &r.cell {
            Cell::Reference { reference, .. } => Some(format!(
                "{} {}",
                lang.pick(&reference.citation.publisher),
                lang.pick(&reference.citation.title)
            )),
            _ => None,
        })
        .collect();
    named
        .into_iter()
        .chain(cited)
        .collect::<Vec<_>>()
        .join("; ")
}

/// The label under a group of bars: the entity, then its competition or event and year.
pub fn group_label(group: &Group, catalog: &Catalog, lang: Lang) -> (String, Option<String>) {
    match group {
        Group::Year(year) => (year.to_string(), None),
        Group::Entity {
            entity,
            context,
            year,
        } => {
            let second = match (context, year) {
                (Some(c), Some(y)) => Some(format!("{y} · {}", lang.pick(c))),
                (Some(c), None) => Some(lang.pick(c).to_string()),
                (None, _) => None,
            };
            (entity_name(catalog, entity, lang), second)
        }
    }
}

/// The chart's heading: indicator name and display unit.
pub fn title(data: &ChartData, lang: Lang) -> String {
    let name = lang.pick(&data.title);
    let mut unit = format::unit_name(data.unit.name, lang);
    // "Medals (gold/silver/bronze)" already says what is counted.
    if lang == Lang::En && data.indicator == MEDAL_TABLE {
        unit.clear();
    }
    match (unit.is_empty() || data.unit.name == "名次", lang) {
        (true, _) => name.to_string(),
        (false, Lang::Zh) => format!("{name}（{unit}）"),
        (false, Lang::En) => format!("{name} ({unit})"),
    }
}

/// The number written on a bar or beside a point.
pub fn value_label(row: &Row, lang: Lang) -> String {
    match &row.cell {
        Cell::NoData => lang.strings().no_data.to_string(),
        Cell::Value {
            observation,
            value,
            value_max,
            also,
        } => {
            let mut text = format::qualified(*value, *value_max, observation.qualifier);
            if observation.status == Status::Target {
                text = format!("{text} {}", lang.strings().target);
            }
            // Marked: more than one report gives this number (see the legend).
            if !also.is_empty() {
                text.push('*');
            }
            text
        }
        Cell::Reference { reference, value } => {
            let number = format::qualified(*value, None, reference.qualifier);
            match (reference.kind, lang) {
                (ReferenceKind::National, _) => number,
                (ReferenceKind::Target, Lang::Zh) => {
                    format!("{}年目标 {number}", reference.year)
                }
                (ReferenceKind::Target, Lang::En) => {
                    format!("{} target {number}", reference.year)
                }
            }
        }
    }
}

/// The reference row of `kind` for `year` (any year for a target), as the chart shows it.
fn reference_row(data: &ChartData, kind: ReferenceKind, year: Option<i32>) -> Option<&Row> {
    data.rows
        .iter()
        .filter(|r| is_reference(r, kind))
        .find(|r| year.is_none_or(|y| r.year == y))
}

/// Each place's latest value against the national value of its year, where the two numbers
/// allow it, and the nearest national target: "焦作市2023年比全国低0.43。2025年全国目标2.6。"
fn against_references(data: &ChartData, catalog: &Catalog, lang: Lang) -> String {
    let mut text = String::new();
    let unit = format::unit_name(data.unit.name, lang);
    let mut latest: Vec<(usize, &Row)> = Vec::new();
    for (index, row) in data.rows.iter().enumerate() {
        if !matches!(row.cell, Cell::Value { .. }) {
            continue;
        }
        match latest.iter_mut().find(|(_, r)| r.entity == row.entity) {
            Some(slot) if slot.1.year < row.year => *slot = (index, row),
            Some(_) => {}
            None => latest.push((index, row)),
        }
    }
    for (index, row) in latest {
        let Some(national) = compare::of_row(data, index).and_then(|c| c.national.ok()) else {
            continue;
        };
        let who = entity_name(catalog, &row.entity, lang);
        let amount = compare::signed(&national, lang);
        text.push_str(&match (compare::side(&national), lang) {
            (Some(std::cmp::Ordering::Greater), Lang::Zh) => {
                format!("{who}{}年高于全国（{amount}{unit}）。", row.year)
            }
            (Some(std::cmp::Ordering::Less), Lang::Zh) => {
                format!("{who}{}年低于全国（{amount}{unit}）。", row.year)
            }
            (_, Lang::Zh) => format!("{who}{}年与全国相比：{amount}{unit}。", row.year),
            (Some(std::cmp::Ordering::Greater), Lang::En) => {
                format!(
                    " {who} is above the national value in {} ({amount} {unit}).",
                    row.year
                )
            }
            (Some(std::cmp::Ordering::Less), Lang::En) => {
                format!(
                    " {who} is below the national value in {} ({amount} {unit}).",
                    row.year
                )
            }
            (_, Lang::En) => format!(
                " {who} against the national value in {}: {amount} {unit}.",
                row.year
            ),
        });
    }
    if let Some(row) = reference_row(data, ReferenceKind::Target, None) {
        let target = value_label(row, lang);
        text.push_str(&match lang {
            Lang::Zh => format!("全国{target}{unit}。"),
            Lang::En => format!(" National {target} {unit}."),
        });
    }
    text
}

/// The chart in words, for screen readers and anyone who cannot see the picture:
/// what it shows, for whom and when, its highest (or best) value, and what was not reported.
pub fn describe(data: &ChartData, catalog: &Catalog, lang: Lang) -> String {
    if data.rows.is_empty() {
        return match lang {
            Lang::Zh => format!(
                "{}。{}。",
                title(data, lang),
                lang.strings().nothing_selected
            ),
            Lang::En => format!(
                "{}. {}.",
                title(data, lang),
                lang.strings().nothing_selected
            ),
        };
    }
    let own = || {
        data.rows
            .iter()
            .filter(|r| !matches!(r.cell, Cell::Reference { .. }))
    };
    let places: std::collections::BTreeSet<&str> = own().map(|r| r.entity.as_str()).collect();
    let years: Vec<i32> = own().map(|r| r.year).collect();
    let (first, last) = (years.iter().min(), years.iter().max());
    let span = match (first, last) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => String::new(),
    };
    let values = data.rows.iter().filter_map(|r| match &r.cell {
        Cell::Value { value, .. } => Some((r, *value)),
        Cell::NoData | Cell::Reference { .. } => None,
    });
    let top = if data.rank {
        values.min_by(|a, b| a.1.total_cmp(&b.1))
    } else {
        values.max_by(|a, b| a.1.total_cmp(&b.1))
    };
    let missing = data
        .rows
        .iter()
        .filter(|r| matches!(r.cell, Cell::NoData))
        .count();
    let mut text = match lang {
        Lang::Zh => format!("{}。{}个地区，{span}年。", title(data, lang), places.len()),
        Lang::En => format!(
            "{}. {} place{}, {span}.",
            title(data, lang),
            places.len(),
            if places.len() == 1 { "" } else { "s" }
        ),
    };
    if let Some((row, _)) = top {
        let mut who = entity_name(catalog, &row.entity, lang);
        if let Some(context) = &row.context {
            who = format!("{who} · {}", lang.pick(context));
        }
        let mut shown = match &row.cell {
            Cell::Value { observation, .. } => format::as_reported(observation, lang),
            Cell::NoData | Cell::Reference { .. } => String::new(),
        };
        if let Some(SeriesKey::Medal(_)) = data.series.get(row.series).map(|s| &s.key) {
            let medal = series_label(data, row.series, catalog, lang);
            shown = match lang {
                Lang::Zh => format!("{medal}牌{shown}"),
                Lang::En => format!("{shown} ({medal})"),
            };
        }
        text.push_str(&match (lang, data.rank) {
            (Lang::Zh, true) => format!("最好：{who}，{}年，{shown}。", row.year),
            (Lang::Zh, false) => format!("最高：{who}，{}年，{shown}。", row.year),
            (Lang::En, true) => format!(" Best: {who}, {}, {shown}.", row.year),
            (Lang::En, false) => format!(" Highest: {who}, {}, {shown}.", row.year),
        });
    }
    if missing > 0 {
        text.push_str(&match lang {
            Lang::Zh => format!("{missing}项未报告。"),
            Lang::En => format!(" {missing} not reported."),
        });
    }
    text.push_str(&against_references(data, catalog, lang));
    text
}

/// What a view could not show of what its link asked for, one sentence per kind.
pub fn ignored_notes(ignored: &[Ignored], lang: Lang) -> Vec<String> {
    let strings = lang.strings();
    let list = |keep: fn(&Ignored) -> bool| -> Vec<String> {
        ignored
            .iter()
            .filter(|i| keep(i))
            .map(Ignored::parameter)
            .collect()
    };
    let ids = list(|i| !matches!(i, Ignored::Years(..)));
    let years = list(|i| matches!(i, Ignored::Years(..)));
    [
        (strings.ignored_ids, ids),
        (strings.years_without_data, years),
    ]
    .into_iter()
    .filter(|(_, items)| !items.is_empty())
    .map(|(lead, items)| format!("{lead}{}", items.join(", ")))
    .collect()
}

/// What a chart left out where its data has more than it can draw (`query::MAX_GROUPS`).
pub fn omitted_note(chart: &ChartData, lang: Lang) -> Option<String> {
    if chart.omitted == 0 {
        return None;
    }
    let omitted = crate::format::number(chart.omitted as f64);
    let lines = chart.shape == Shape::Lines;
    let shown = if lines {
        chart.series.len()
    } else {
        chart.groups.len()
    };
    Some(match (lang, lines) {
        (Lang::Zh, false) => format!(
            "数据太多，这里只画出前{shown}组（另有{omitted}组赛事或活动未画出，表格与导出也只含画出的部分）；请缩小年份或地区范围。"
        ),
        (Lang::Zh, true) => format!(
            "数据太多，这里只画出前{shown}条线（另有{omitted}条未画出，表格与导出也只含画出的部分）；请缩小年份或地区范围。"
        ),
        (Lang::En, false) => format!(
            "Too much to draw: the first {shown} groups are shown and {omitted} more (competitions or events) are left out, of the table and downloads too; choose fewer years or places."
        ),
        (Lang::En, true) => format!(
            "Too much to draw: the first {shown} lines are shown and {omitted} more are left out, of the table and downloads too; choose fewer years or places."
        ),
    })
}

/// For a total (not `relative`), the nation's latest value and its target, as background in
/// words: "全国2023年：36,741亿元；2025年目标：5万亿元。全国总量，不与单个地区的数字比较。"
/// Returns the words and the reference they cite first; `None` where there is none, or where
/// the references are drawn in the chart itself.
pub fn national_context<'a>(
    catalog: &'a Catalog,
    indicator: &'a str,
    lang: Lang,
) -> Option<(String, &'a crate::model::Reference)> {
    if catalog.indicator(indicator).is_none_or(|i| i.relative) {
        return None;
    }
    let latest = catalog
        .references_of(indicator)
        .filter(|r| r.kind == ReferenceKind::National)
        .max_by_key(|r| r.year);
    let target = catalog
        .references_of(indicator)
        .filter(|r| r.kind == ReferenceKind::Target)
        .min_by_key(|r| r.year);
    let cited = latest.or(target)?;
    let amount =
        |r: &crate::model::Reference| format::amount(r.value, None, r.qualifier, &r.unit, lang);
    let mut parts = Vec::new();
    if let Some(r) = latest {
        parts.push(match lang {
            Lang::Zh => format!("全国{}年：{}", r.year, amount(r)),
            Lang::En => format!("National, {}: {}", r.year, amount(r)),
        });
    }
    if let Some(r) = target {
        parts.push(match lang {
            Lang::Zh => format!("{}年全国目标：{}", r.year, amount(r)),
            Lang::En => format!("national target for {}: {}", r.year, amount(r)),
        });
    }
    let text = match lang {
        Lang::Zh => format!(
            "{}。全国总量只作背景，不与单个地区的数字比较。",
            parts.join("；")
        ),
        Lang::En => format!(
            "{}. A national total is background only, not set against one place's number.",
            parts.join("; ")
        ),
    };
    Some((text, cited))
}
