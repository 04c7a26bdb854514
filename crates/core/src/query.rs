//! Queries: "these entities, these years, this indicator" → the rows a chart and its table show.
//!
//! The chart and the table are both drawn from one `ChartData`, so they always agree.
//! A value that was not reported is a `Cell::NoData` row, never a zero.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::lang::Lang;
use crate::model::{
    Catalog, Category, Dataset, Observation, Reference, ReferenceKind, Text, MEDAL_INDICATORS,
    MEDAL_TABLE,
};
use crate::state::ViewState;
use crate::units::{self, Dimension, Unit};

/// What the user chose. Years are an inclusive range; `None` means every year with data.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    pub indicator: Option<String>,
    pub entities: Vec<String>,
    pub years: Option<(i32, i32)>,
    /// Rank every place with data and show the first `top`, in the last year of `years`.
    pub top: Option<usize>,
    /// The ranking `resolve` made already where it opened a large view on its leaders: `chart`
    /// draws it, rather than ranking again, while it is of the indicator, year and `top` shown.
    pub ranked: Option<Ranking>,
    /// What the view state asked for that `resolve` could not show, for the view to say.
    pub ignored: Vec<Ignored>,
}

/// Part of a view state that names nothing in the data, or asks for years without data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ignored {
    /// An `entities` id the catalog does not know.
    Entity(String),
    /// An `indicator` the section does not offer.
    Indicator(String),
    /// A range of years in which the indicator has no values: the view shows its years instead.
    Years(i32, i32),
}

impl Ignored {
    /// The parameter as a link writes it, e.g. `entities=hedongg`.
    pub fn parameter(&self) -> String {
        match self {
            Ignored::Entity(id) => format!("entities={id}"),
            Ignored::Indicator(id) => format!("indicator={id}"),
            Ignored::Years(from, to) if from == to => format!("years={from}"),
            Ignored::Years(from, to) => format!("years={from}-{to}"),
        }
    }
}

/// Which end of the year range a year input sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearEnd {
    From,
    To,
}

/// The range of years after `typed` was entered as its `end`: held to `span` (the years the
/// indicator has values in), with the other end moved where it would cross.
pub fn years_after_input(
    current: (i32, i32),
    span: (i32, i32),
    end: YearEnd,
    typed: i32,
) -> (i32, i32) {
    let year = typed.clamp(span.0, span.1);
    let (from, to) = current;
    match end {
        YearEnd::From => (year, to.max(year)),
        YearEnd::To => (from.min(year), year),
    }
}

impl Selection {
    /// The places chosen with `id` among them (a search's pick).
    pub fn with(&self, id: &str) -> Vec<String> {
        let mut entities = self.entities.clone();
        if !entities.iter().any(|e| e == id) {
            entities.push(id.to_string());
        }
        entities
    }

    /// The places chosen with `id` added, or taken out where it is chosen already (a chip's
    /// press).
    pub fn toggled(&self, id: &str) -> Vec<String> {
        let mut entities = self.entities.clone();
        match entities.iter().position(|e| e == id) {
            Some(at) => {
                entities.remove(at);
            }
            None => entities.push(id.to_string()),
        }
        entities
    }
}

/// The first `top` places of `indicator` in `year`, best first.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    pub indicator: String,
    pub year: i32,
    pub top: usize,
    pub places: Vec<String>,
}

/// Above this many places a view is picked by search and opens on its leaders, not on all.
pub const MANY_PLACES: usize = 50;
/// How many leaders a large view opens on.
pub const LEADERS: usize = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Groups of bars per entity (and competition or event), one bar per year.
    Bars,
    /// A line per entity over the years; also used for ranks.
    Lines,
    /// Gold, silver and bronze bars per entity and competition.
    Medals,
    /// One bar per place, longest first: the top N of one year.
    Ranked,
}

impl Shape {
    /// The shape's name in a page (`data-shape`), the same on every page.
    pub fn name(self) -> &'static str {
        match self {
            Shape::Bars => "bars",
            Shape::Lines => "lines",
            Shape::Medals => "medals",
            Shape::Ranked => "ranked",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Medal {
    Gold,
    Silver,
    Bronze,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SeriesKey {
    Year(i32),
    Medal(Medal),
    /// The national reference values (全国) or the national plan targets (目标).
    Reference(ReferenceKind),
    Entity {
        entity: String,
        context: Option<Text>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub key: SeriesKey,
}

/// A position on the x axis: an entity (with its competition) for bars, a year for lines.
#[derive(Clone, Debug, PartialEq)]
pub enum Group {
    Entity {
        entity: String,
        context: Option<Text>,
        year: Option<i32>,
    },
    Year(i32),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    NoData,
    Value {
        observation: Box<Observation>,
        /// In the chart's display unit; the low end of a range.
        value: f64,
        value_max: Option<f64>,
        /// The same entity, year, indicator and context as given by other reports, later ones
        /// (restatements) after earlier ones. The chart draws the earliest report's value.
        also: Vec<Observation>,
    },
    /// A national value or plan target drawn beside the places' values: a yardstick, not a
    /// number from a report.
    Reference {
        reference: Box<Reference>,
        /// In the chart's display unit.
        value: f64,
    },
}

impl Cell {
    /// The value drawn, in the chart's display unit: a report's value or a reference value.
    pub fn value(&self) -> Option<f64> {
        match self {
            Cell::Value { value, .. } | Cell::Reference { value, .. } => Some(*value),
            Cell::NoData => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub group: usize,
    pub series: usize,
    pub entity: String,
    pub year: i32,
    pub indicator: String,
    pub context: Option<Text>,
    pub cell: Cell,
}

impl Row {
    /// Whether the row is a national value or target rather than a place's.
    pub fn is_reference(&self) -> bool {
        matches!(self.cell, Cell::Reference { .. })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    pub category: Category,
    /// The indicator shown, or `MEDAL_TABLE`.
    pub indicator: String,
    pub title: Text,
    pub unit: Unit,
    pub shape: Shape,
    pub higher_is_better: bool,
    /// Ranks (名次): drawn with 1, the best, at the top.
    pub rank: bool,
    /// A rate, share or per-person figure (`Indicator::relative`): comparable with the nation.
    pub relative: bool,
    pub groups: Vec<Group>,
    pub series: Vec<Series>,
    pub rows: Vec<Row>,
    /// The largest value the chart's axis must reach (the high end of ranges included): its
    /// rows', or, while the years play (`until`), those of every year to come.
    pub scale: f64,
    /// Groups (bars) or series (lines) left out beyond `MAX_GROUPS` or `MAX_SERIES`: a chart of
    /// thousands of competitions is neither drawable in time nor readable. The view says so.
    pub omitted: usize,
}

/// The most groups of bars a chart draws, and the most lines.
pub const MAX_GROUPS: usize = 60;
pub const MAX_SERIES: usize = 24;

impl ChartData {
    /// The years along the x axis of a line chart.
    pub fn line_years(&self) -> Vec<i32> {
        self.groups
            .iter()
            .filter_map(|g| match g {
                Group::Year(y) => Some(*y),
                Group::Entity { .. } => None,
            })
            .collect()
    }

    pub fn max_value(&self) -> f64 {
        self.scale
    }
}

fn largest(rows: &[Row]) -> f64 {
    rows.iter()
        .filter_map(|r| match &r.cell {
            Cell::Value {
                value, value_max, ..
            } => Some(value_max.unwrap_or(*value)),
            Cell::Reference { value, .. } => Some(*value),
            Cell::NoData => None,
        })
        .fold(0.0, f64::max)
}

/// The chart as it stands at `year` while the years play: the same shape, axes, groups and
/// series, without the rows of later years, so that each year adds its values to the picture
/// rather than changing the kind of chart.
pub fn until(chart: &ChartData, year: i32) -> ChartData {
    ChartData {
        // A target is a level the years play towards: it stays.
        rows: chart
            .rows
            .iter()
            .filter(|r| r.year <= year || is_reference(r, ReferenceKind::Target))
            .cloned()
            .collect(),
        ..chart.clone()
    }
}

/// Whether `row` is a reference value of this kind.
pub fn is_reference(row: &Row, kind: ReferenceKind) -> bool {
    matches!(&row.cell, Cell::Reference { reference, .. } if reference.kind == kind)
}

/// The indicators a view offers: the medal table first where the data has medals,
/// then the category's indicators that have observations, in catalog order. A section kept one
/// file per indicator offers all of its indicators, since only one is loaded at a time.
pub fn indicator_choices(catalog: &Catalog, dataset: &Dataset) -> Vec<String> {
    if catalog.is_split(dataset.category) {
        return catalog
            .indicators_in(dataset.category)
            .filter(|i| i.file.is_some())
            .map(|i| i.id.clone())
            .collect();
    }
    let used: BTreeSet<&str> = dataset
        .observations
        .iter()
        .map(|o| o.indicator.as_str())
        .collect();
    let mut choices = Vec::new();
    if MEDAL_INDICATORS.iter().any(|id| used.contains(id)) {
        choices.push(MEDAL_TABLE.to_string());
    }
    // The standard indicators first, then the other numbers from the reports.
    for standard in [true, false] {
        choices.extend(
            catalog
                .indicators_in(dataset.category)
                .filter(|i| i.standard == standard && used.contains(i.id.as_str()))
                .map(|i| i.id.clone()),
        );
    }
    choices
}

/// Whether an indicator (or the medal table, made of standard ones) is one of the standard
/// indicators of China's sports statistics and plans.
pub fn is_standard(catalog: &Catalog, id: &str) -> bool {
    id == MEDAL_TABLE || catalog.indicator(id).is_some_and(|i| i.standard)
}

/// How many places and how many years have numbers for `id` in the dataset.
pub fn coverage_of(dataset: &Dataset, id: &str) -> (usize, usize) {
    let wanted = shown_indicators(id);
    let values = dataset
        .observations
        .iter()
        .filter(|o| wanted.contains(&o.indicator.as_str()));
    let places: BTreeSet<&str> = values.clone().map(|o| o.entity.as_str()).collect();
    let years: BTreeSet<i32> = values.map(|o| o.year).collect();
    (places.len(), years.len())
}

/// The report an indicator's numbers come from (the first, in the data's order): where an
/// "other number" is listed.
pub fn first_report<'a>(dataset: &'a Dataset, id: &str) -> Option<&'a str> {
    dataset
        .observations
        .iter()
        .find(|o| o.indicator == id)
        .map(|o| o.source.doc.as_str())
}

/// The indicator a view opens on: the medal table where there is one, else the one with a
/// national yardstick, then a standard one, then the one reported by the most places, then
/// with the most values.
pub fn default_indicator(
    catalog: &Catalog,
    dataset: &Dataset,
    choices: &[String],
) -> Option<String> {
    if choices.first().is_some_and(|c| c == MEDAL_TABLE) {
        return Some(MEDAL_TABLE.to_string());
    }
    choices
        .iter()
        .enumerate()
        .max_by_key(|(position, id)| {
            let values = dataset.observations.iter().filter(|o| &o.indicator == *id);
            let places: BTreeSet<&str> = values.clone().map(|o| o.entity.as_str()).collect();
            (
                catalog.references_of(id).next().is_some(),
                is_standard(catalog, id),
                places.len(),
                values.count(),
                std::cmp::Reverse(*position),
            )
        })
        .map(|(_, id)| id.clone())
}

/// The entities a user can compare: every report's subject, in catalog order; in a large data
/// set (national statistics), every place with data in the dataset.
pub fn comparable_entities(catalog: &Catalog) -> Vec<String> {
    catalog
        .entities
        .iter()
        .filter(|e| catalog.reports.iter().any(|r| r.entity == e.id))
        .map(|e| e.id.clone())
        .collect()
}

/// Whether more than `MANY_PLACES` places have data: stops counting as soon as they do, so that
/// a national data set's every repaint does not go through all its observations for this.
pub fn has_many_places(dataset: &Dataset) -> bool {
    let mut seen = std::collections::HashSet::new();
    dataset
        .observations
        .iter()
        .any(|o| seen.insert(o.entity.as_str()) && seen.len() > MANY_PLACES)
}

/// Whether `entity` has any value in the dataset (a place chip without one is shown as empty).
pub fn has_data(dataset: &Dataset, entity: &str) -> bool {
    dataset.observations.iter().any(|o| o.entity == entity)
}

/// The places a view lets the user pick from, in catalog order: the reports' subjects, or in a
/// large data set (or one whose reports are unavailable) every place with data.
pub fn pickable_entities(catalog: &Catalog, dataset: &Dataset) -> Vec<String> {
    // Without reports, whose subjects are the places compared, the places with data are.
    if has_many_places(dataset) || !catalog.has_reports() {
        let with_data: BTreeSet<&str> = dataset
            .observations
            .iter()
            .map(|o| o.entity.as_str())
            .collect();
        catalog
            .entities
            .iter()
            .filter(|e| with_data.contains(e.id.as_str()))
            .map(|e| e.id.clone())
            .collect()
    } else {
        comparable_entities(catalog)
    }
}

/// The `n` places with the highest (or, for ranks, best) value of `indicator` in `year`, best
/// first; ties in catalog order. Values compare in the indicator's unit.
pub fn leaders(
    catalog: &Catalog,
    dataset: &Dataset,
    indicator: &str,
    year: i32,
    n: usize,
) -> Vec<(String, f64)> {
    let meta = catalog.indicator(indicator);
    let unit = meta.map_or("", |i| i.unit.as_str());
    let higher_is_better = meta.is_none_or(|i| i.higher_is_better);
    // Each place's first value, kept at its place in the catalog: one look-up per value, and
    // the order ties keep. Places the catalog does not know come after it, in data order.
    let mut in_catalog: Vec<Option<f64>> = vec![None; catalog.entities.len()];
    let mut unknown: Vec<(&str, f64)> = Vec::new();
    let mut seen_unknown = HashSet::new();
    let mut to_unit = units::Converter::to(unit);
    // The cheapest test first: at national scale this runs over ~50,000 observations a repaint.
    for o in dataset
        .observations
        .iter()
        .filter(|o| o.year == year && o.context.is_none() && o.indicator == indicator)
    {
        let Some(value) = to_unit.convert(o.value, &o.unit) else {
            continue;
        };
        match catalog.entity_position(&o.entity) {
            Some(at) => {
                in_catalog[at].get_or_insert(value);
            }
            None => {
                if seen_unknown.insert(o.entity.as_str()) {
                    unknown.push((o.entity.as_str(), value));
                }
            }
        }
    }
    let mut ranked: Vec<(&str, f64)> = in_catalog
        .iter()
        .zip(&catalog.entities)
        .filter_map(|(value, entity)| Some((entity.id.as_str(), (*value)?)))
        .chain(unknown)
        .collect();
    // A stable sort: equal values stay in catalog order.
    ranked.sort_by(|a, b| {
        if higher_is_better {
            b.1.total_cmp(&a.1)
        } else {
            a.1.total_cmp(&b.1)
        }
    });
    ranked
        .into_iter()
        .take(n)
        .map(|(entity, value)| (entity.to_string(), value))
        .collect()
}

/// The ids of `leaders`, best first.
fn leader_ids(
    catalog: &Catalog,
    dataset: &Dataset,
    indicator: &str,
    year: i32,
    n: usize,
) -> Vec<String> {
    leaders(catalog, dataset, indicator, year, n)
        .into_iter()
        .map(|(entity, _)| entity)
        .collect()
}

/// The years the dataset has values for, first and last.
pub fn year_span(dataset: &Dataset) -> Option<(i32, i32)> {
    let years = dataset.observations.iter().map(|o| o.year);
    Some((years.clone().min()?, years.max()?))
}

/// The indicators whose values a view of `indicator` shows: the medal table's three, or itself.
pub fn shown_indicators(indicator: &str) -> Vec<&str> {
    if indicator == MEDAL_TABLE {
        MEDAL_INDICATORS.to_vec()
    } else {
        vec![indicator]
    }
}

/// The first and last year `indicator` has values in, of `entities` where given.
pub fn indicator_years(
    dataset: &Dataset,
    indicator: &str,
    entities: Option<&[String]>,
) -> Option<(i32, i32)> {
    let wanted = shown_indicators(indicator);
    let years = dataset
        .observations
        .iter()
        .filter(|o| wanted.contains(&o.indicator.as_str()))
        .filter(|o| entities.is_none_or(|ids| ids.contains(&o.entity)))
        .map(|o| o.year);
    Some((years.clone().min()?, years.max()?))
}

/// The years a view's year inputs range over: those `indicator` has values in, else the
/// dataset's, else 2020–2024 for a dataset without values.
pub fn year_choices(dataset: &Dataset, indicator: &str) -> (i32, i32) {
    indicator_years(dataset, indicator, None)
        .or_else(|| year_span(dataset))
        .unwrap_or((2020, 2024))
}

/// The years a view shows: those asked for, held to the indicator's years (`year_choices`), or,
/// when none is asked or the two do not meet, the years the chosen places have values in.
fn resolve_years(
    dataset: &Dataset,
    indicator: &str,
    entities: Option<&[String]>,
    asked: Option<(i32, i32)>,
    ignored: &mut Vec<Ignored>,
) -> (i32, i32) {
    let span = year_choices(dataset, indicator);
    if let Some((from, to)) = asked {
        if from <= span.1 && to >= span.0 {
            return (from.max(span.0), to.min(span.1));
        }
        ignored.push(Ignored::Years(from, to));
    }
    indicator_years(dataset, indicator, entities).unwrap_or(span)
}

/// The indicator a view shows: the one asked for where the section offers it, else its default.
fn resolve_indicator(
    catalog: &Catalog,
    dataset: &Dataset,
    asked: Option<&String>,
    ignored: &mut Vec<Ignored>,
) -> String {
    let choices = indicator_choices(catalog, dataset);
    match asked {
        Some(id) if choices.contains(id) => id.clone(),
        asked => {
            if let Some(id) = asked {
                ignored.push(Ignored::Indicator(id.clone()));
            }
            default_indicator(catalog, dataset, &choices).unwrap_or_default()
        }
    }
}

/// The selection a view state asks for, with the view's defaults where it is silent: every
/// comparable entity that has data in the dataset, the indicator the view opens on, and the
/// years the chosen places have values in. What it cannot show (unknown ids, years without
/// data) is left out and listed in `ignored`.
pub fn resolve(catalog: &Catalog, dataset: &Dataset, state: &ViewState) -> Selection {
    let mut ignored = Vec::new();
    let indicator = resolve_indicator(catalog, dataset, state.indicator.as_ref(), &mut ignored);
    let (entities, years, ranked) = match &state.entities {
        Some(ids) => {
            let (known, unknown): (Vec<String>, Vec<String>) = ids
                .iter()
                .cloned()
                .partition(|id| catalog.entity(id).is_some());
            ignored.extend(unknown.into_iter().map(Ignored::Entity));
            let years = resolve_years(dataset, &indicator, Some(&known), state.years, &mut ignored);
            (known, years, None)
        }
        None if has_many_places(dataset) => {
            let years = resolve_years(dataset, &indicator, None, state.years, &mut ignored);
            let year = years.1;
            // One ranking for both the opening places and, when asked for, the top places.
            let top = state.top.filter(|_| indicator != MEDAL_TABLE);
            let ranking = leader_ids(
                catalog,
                dataset,
                &indicator,
                year,
                top.unwrap_or(0).max(LEADERS),
            );
            let ranked = top.map(|top| Ranking {
                places: ranking.iter().take(top).cloned().collect(),
                indicator: indicator.clone(),
                year,
                top,
            });
            (ranking.into_iter().take(LEADERS).collect(), years, ranked)
        }
        None => {
            let entities: Vec<String> = pickable_entities(catalog, dataset)
                .into_iter()
                .filter(|id| has_data(dataset, id))
                .collect();
            let years = resolve_years(
                dataset,
                &indicator,
                Some(&entities),
                state.years,
                &mut ignored,
            );
            (entities, years, None)
        }
    };
    Selection {
        indicator: Some(indicator).filter(|id| !id.is_empty()),
        entities,
        years: Some(years),
        top: state.top,
        ranked,
        ignored,
    }
}

/// Builds what the chart and the table show for `selection`.
pub fn chart(catalog: &Catalog, dataset: &Dataset, selection: &Selection) -> ChartData {
    let choices = indicator_choices(catalog, dataset);
    let indicator = selection
        .indicator
        .clone()
        .filter(|id| choices.contains(id))
        .or_else(|| default_indicator(catalog, dataset, &choices))
        .unwrap_or_default();
    let years = selection.years.unwrap_or_else(|| {
        indicator_years(dataset, &indicator, Some(&selection.entities))
            .unwrap_or_else(|| year_choices(dataset, &indicator))
    });
    // A ranking shows the leaders of the last selected year, whoever was picked.
    let ranked = selection.top.filter(|_| indicator != MEDAL_TABLE);
    let (entities, years) = match ranked {
        Some(n) => (
            leaders_shown(catalog, dataset, selection, &indicator, years.1, n),
            (years.1, years.1),
        ),
        None => (selection.entities.clone(), years),
    };
    let chosen = observations_shown(dataset, &indicator, &entities, years);

    let meta = catalog.indicator(&indicator);
    let base_unit = meta.map_or("枚", |i| i.unit.as_str());
    let max = chosen
        .iter()
        .filter_map(|o| units::convert(o.value_max.unwrap_or(o.value), &o.unit, base_unit))
        .fold(0.0, f64::max);
    let unit = units::display_unit(base_unit, max);
    let rank = unit.dimension == Dimension::Rank;
    let shape = if indicator == MEDAL_TABLE {
        Shape::Medals
    } else if ranked.is_some() {
        Shape::Ranked
    } else if rank || has_several_years(&chosen, &entities) {
        Shape::Lines
    } else {
        Shape::Bars
    };
    let title = meta.map_or_else(
        || Text {
            zh: Lang::Zh.strings().medal_table.to_string(),
            en: Some(Lang::En.strings().medal_table.to_string()),
        },
        |i| i.name.clone(),
    );

    let published = catalog
        .reports
        .iter()
        .map(|r| (r.doc.clone(), r.published.clone()))
        .collect();
    let mut builder = Builder {
        years,
        data: ChartData {
            category: dataset.category,
            indicator,
            title,
            unit,
            shape,
            higher_is_better: meta.is_none_or(|i| i.higher_is_better),
            rank,
            relative: meta.is_some_and(|i| i.relative),
            groups: Vec::new(),
            series: Vec::new(),
            rows: Vec::new(),
            scale: 0.0,
            omitted: 0,
        },
        index: Index::new(&chosen, &published),
        chosen,
    };
    for entity in &entities {
        match shape {
            Shape::Medals => builder.medals_of(entity),
            Shape::Bars => builder.bars_of(entity),
            Shape::Lines => builder.lines_of(entity),
            Shape::Ranked => builder.ranked_of(entity, years.1),
        }
    }
    if shape != Shape::Medals {
        builder.references(catalog);
    }
    builder.data.scale = largest(&builder.data.rows);
    builder.data
}

/// The places a ranking shows: the ones it was opened with while it shows the same thing (so a
/// shared link keeps its places), otherwise the leaders now.
fn leaders_shown(
    catalog: &Catalog,
    dataset: &Dataset,
    selection: &Selection,
    indicator: &str,
    year: i32,
    top: usize,
) -> Vec<String> {
    match &selection.ranked {
        Some(r) if r.indicator == indicator && r.year == year && r.top == top => r.places.clone(),
        _ => leader_ids(catalog, dataset, indicator, year, top),
    }
}

/// The observations of the indicator (or the medal table's) for these places in these years.
fn observations_shown<'a>(
    dataset: &'a Dataset,
    indicator: &str,
    entities: &[String],
    years: (i32, i32),
) -> Vec<&'a Observation> {
    let wanted = shown_indicators(indicator);
    // The cheapest test first: at national scale this runs over ~50,000 observations a repaint,
    // and a ranking's year alone leaves thousands, each once hashed rather than compared with
    // every place shown.
    let shown: HashSet<&str> = entities.iter().map(String::as_str).collect();
    dataset
        .observations
        .iter()
        .filter(|o| (years.0..=years.1).contains(&o.year))
        .filter(|o| wanted.contains(&o.indicator.as_str()))
        .filter(|o| shown.contains(o.entity.as_str()))
        .collect()
}

/// Whether any place has a plain value (not one of a competition's) in more than one year:
/// then the chart is a line over the years.
fn has_several_years(chosen: &[&Observation], entities: &[String]) -> bool {
    entities.iter().any(|entity| {
        chosen
            .iter()
            .filter(|o| &o.entity == entity && o.context.is_none())
            .map(|o| o.year)
            .collect::<BTreeSet<_>>()
            .len()
            > 1
    })
}

/// The chosen observations sorted by what a row is of (place, year, competition, indicator),
/// each key's earliest report first: a row's values are found by binary search.
/// Built once, so that a chart of thousands of values is n log n in them, not quadratic.
struct Index<'a> {
    sorted: Vec<&'a Observation>,
}

type RowKey<'a> = (&'a str, i32, &'a str, &'a str);

fn row_key(o: &Observation) -> RowKey<'_> {
    (
        o.entity.as_str(),
        o.year,
        o.context_zh(),
        o.indicator.as_str(),
    )
}

impl<'a> Index<'a> {
    fn new(chosen: &[&'a Observation], published: &BTreeMap<String, String>) -> Self {
        let mut sorted = chosen.to_vec();
        sorted.sort_by(|a, b| {
            row_key(a).cmp(&row_key(b)).then_with(|| {
                (published.get(&a.source.doc), &a.source.doc)
                    .cmp(&(published.get(&b.source.doc), &b.source.doc))
            })
        });
        Index { sorted }
    }

    /// Every value of the key, earliest report first.
    fn values(&self, key: RowKey) -> &[&'a Observation] {
        let from = self.sorted.partition_point(|o| row_key(o) < key);
        let to = from + self.sorted[from..].partition_point(|o| row_key(o) == key);
        &self.sorted[from..to]
    }
}

/// Accumulates groups, series and rows; one method per shape, called per entity.
struct Builder<'a> {
    chosen: Vec<&'a Observation>,
    index: Index<'a>,
    /// The years shown, first and last: a line chart's axis; the last is the year given to the
    /// "no data" row of an entity that reported nothing.
    years: (i32, i32),
    data: ChartData,
}

impl Builder<'_> {
    /// Every report's value for (entity, year, indicator, context), earliest report first.
    fn find(
        &self,
        entity: &str,
        year: i32,
        indicator: &str,
        context: Option<&Text>,
    ) -> Vec<&Observation> {
        let context = context.map_or("", |c| c.zh.as_str());
        self.index
            .values((entity, year, context, indicator))
            .to_vec()
    }

    /// The (year, context) pairs an entity has among the chosen observations, in year order and
    /// within a year in the data's order.
    fn contexts_of(&self, entity: &str) -> Vec<(i32, Option<Text>)> {
        let mut seen = HashSet::new();
        let mut pairs: Vec<(i32, Option<Text>)> = self
            .chosen
            .iter()
            .filter(|o| o.entity == entity && seen.insert((o.year, o.context_zh())))
            .map(|o| (o.year, o.context.clone()))
            .collect();
        pairs.sort_by_key(|(year, _)| *year);
        pairs
    }

    /// Whether there is room for another group of bars (or, for lines, another series);
    /// counts the ones left out.
    fn room(&mut self) -> bool {
        let room = match self.data.shape {
            Shape::Lines => self.data.series.len() < MAX_SERIES,
            _ => self.data.groups.len() < MAX_GROUPS,
        };
        if !room {
            self.data.omitted += 1;
        }
        room
    }

    fn cell(&self, found: Vec<&Observation>) -> Cell {
        let unit = self.data.unit.name;
        let Some((o, others)) = found.split_first() else {
            return Cell::NoData;
        };
        match units::convert(o.value, &o.unit, unit) {
            Some(value) => Cell::Value {
                observation: Box::new((*o).clone()),
                value,
                value_max: o
                    .value_max
                    .and_then(|max| units::convert(max, &o.unit, unit)),
                also: others.iter().map(|&o| o.clone()).collect(),
            },
            None => Cell::NoData,
        }
    }

    fn group(&mut self, group: Group) -> usize {
        self.data.groups.push(group);
        self.data.groups.len() - 1
    }

    /// Adds the row of (entity, year, indicator, context): its value, or no data.
    fn row(
        &mut self,
        at: (usize, usize),
        entity: &str,
        year: i32,
        indicator: &str,
        context: &Option<Text>,
    ) {
        let cell = self.cell(self.find(entity, year, indicator, context.as_ref()));
        self.data.rows.push(Row {
            group: at.0,
            series: at.1,
            entity: entity.to_string(),
            year,
            indicator: indicator.to_string(),
            context: context.clone(),
            cell,
        });
    }

    /// One bar for the entity's value in `year`, in the order the ranking gives.
    fn ranked_of(&mut self, entity: &str, year: i32) {
        if self.data.series.is_empty() {
            self.data.series.push(Series {
                key: SeriesKey::Year(year),
            });
        }
        let group = self.group(Group::Entity {
            entity: entity.to_string(),
            context: None,
            year: Some(year),
        });
        let indicator = self.data.indicator.clone();
        self.row((group, 0), entity, year, &indicator, &None);
    }

    /// Gold, silver and bronze for each competition the entity took part in.
    fn medals_of(&mut self, entity: &str) {
        if self.data.series.is_empty() {
            self.data.series = [Medal::Gold, Medal::Silver, Medal::Bronze]
                .into_iter()
                .map(|m| Series {
                    key: SeriesKey::Medal(m),
                })
                .collect();
        }
        let mut competitions: Vec<(Option<i32>, Option<Text>)> = self
            .contexts_of(entity)
            .into_iter()
            .map(|(year, context)| (Some(year), context))
            .collect();
        if competitions.is_empty() {
            competitions.push((None, None));
        }
        for (year, context) in competitions {
            if !self.room() {
                continue;
            }
            let group = self.group(Group::Entity {
                entity: entity.to_string(),
                context: context.clone(),
                year,
            });
            for (series, id) in MEDAL_INDICATORS.iter().enumerate() {
                self.row(
                    (group, series),
                    entity,
                    year.unwrap_or(self.years.1),
                    id,
                    &context,
                );
            }
        }
    }

    /// A group per entity (bars per year) and one per competition or event (a bar in its year).
    fn bars_of(&mut self, entity: &str) {
        if self.data.series.is_empty() {
            let mut years: Vec<i32> = self
                .chosen
                .iter()
                .map(|o| o.year)
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            if years.is_empty() {
                years.push(self.years.1);
            }
            self.data.series = years
                .into_iter()
                .map(|y| Series {
                    key: SeriesKey::Year(y),
                })
                .collect();
        }
        let years: Vec<i32> = self
            .data
            .series
            .iter()
            .filter_map(|s| match s.key {
                SeriesKey::Year(y) => Some(y),
                _ => None,
            })
            .collect();
        let indicator = self.data.indicator.clone();
        let contexts = self.contexts_of(entity);
        if (contexts.is_empty() || contexts.iter().any(|(_, c)| c.is_none())) && self.room() {
            let group = self.group(Group::Entity {
                entity: entity.to_string(),
                context: None,
                year: None,
            });
            for (series, &year) in years.iter().enumerate() {
                self.row((group, series), entity, year, &indicator, &None);
            }
        }
        for (year, context) in contexts.into_iter().filter(|(_, c)| c.is_some()) {
            if !self.room() {
                continue;
            }
            let group = self.group(Group::Entity {
                entity: entity.to_string(),
                context: context.clone(),
                year: Some(year),
            });
            let series = years.iter().position(|&y| y == year).unwrap_or(0);
            self.row((group, series), entity, year, &indicator, &context);
        }
    }

    /// For a rate, share or per-person indicator (`Indicator::relative`): the national values
    /// of the years shown and the national targets from the first year shown on, each kind a series of its own after the places'. A reference row's group is
    /// that of its year where the chart has one (lines), else its first.
    fn references(&mut self, catalog: &Catalog) {
        if !self.data.relative {
            return;
        }
        let unit = self.data.unit.name;
        for kind in [ReferenceKind::National, ReferenceKind::Target] {
            let shown: Vec<(Reference, f64)> = catalog
                .references_of(&self.data.indicator)
                .filter(|r| r.kind == kind)
                .filter(|r| match kind {
                    ReferenceKind::National => (self.years.0..=self.years.1).contains(&r.year),
                    ReferenceKind::Target => r.year >= self.years.0,
                })
                .filter_map(|r| Some((r.clone(), units::convert(r.value, &r.unit, unit)?)))
                .collect();
            if shown.is_empty() {
                continue;
            }
            let series = self.data.series.len();
            self.data.series.push(Series {
                key: SeriesKey::Reference(kind),
            });
            let years = self.data.line_years();
            for (reference, value) in shown {
                self.data.rows.push(Row {
                    group: years.iter().position(|&y| y == reference.year).unwrap_or(0),
                    series,
                    entity: String::new(),
                    year: reference.year,
                    indicator: reference.indicator.clone(),
                    context: None,
                    cell: Cell::Reference {
                        reference: Box::new(reference),
                        value,
                    },
                });
            }
        }
    }

    /// A series per entity over every year, and one per event or competition in its own year.
    fn lines_of(&mut self, entity: &str) {
        if self.data.groups.is_empty() {
            // Every year shown, those without values too: "no data" is said, not skipped.
            let (from, to) = self.years;
            self.data.groups = (from..=to).map(Group::Year).collect();
        }
        let years = self.data.line_years();
        let indicator = self.data.indicator.clone();
        let mut contexts: Vec<Option<Text>> = Vec::new();
        let mut seen = HashSet::new();
        for (_, context) in self.contexts_of(entity) {
            if seen.insert(context.as_ref().map(|c| c.zh.clone())) {
                contexts.push(context);
            }
        }
        if contexts.is_empty() {
            contexts.push(None);
        }
        for context in contexts {
            if !self.room() {
                continue;
            }
            let series = self.data.series.len();
            self.data.series.push(Series {
                key: SeriesKey::Entity {
                    entity: entity.to_string(),
                    context: context.clone(),
                },
            });
            for (group, &year) in years.iter().enumerate() {
                // An event or competition belongs to its year; only a place's own series
                // has a "no data" row for every year.
                if context.is_some()
                    && self
                        .find(entity, year, &indicator, context.as_ref())
                        .is_empty()
                {
                    continue;
                }
                self.row((group, series), entity, year, &indicator, &context);
            }
        }
    }
}
