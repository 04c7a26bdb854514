//! The data model: what a dataset file holds once it has been read and checked.
//! Plain data, no I/O; see `load` for reading and `validate` for the cross-file rules.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// A name or description in Chinese, with English where the source or curator gives one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub zh: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Country,
    Province,
    Municipality,
    City,
    District,
    County,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: String,
    pub name: Text,
    pub kind: EntityKind,
    /// The id of the province or city the entity belongs to, when the source says.
    pub parent: Option<String>,
}

/// The sections of the dashboard; each has one dataset file, `observations/<category>.json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Medals,
    Events,
    Facilities,
    Industry,
    Talent,
    Governance,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Medals,
        Category::Events,
        Category::Facilities,
        Category::Industry,
        Category::Talent,
        Category::Governance,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Category::Medals => "medals",
            Category::Events => "events",
            Category::Facilities => "facilities",
            Category::Industry => "industry",
            Category::Talent => "talent",
            Category::Governance => "governance",
        }
    }

    pub fn from_id(id: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.id() == id)
    }

    /// Where the category's observations live, relative to the data directory.
    pub fn dataset_file(self) -> String {
        format!("observations/{}.json", self.id())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub name: Text,
    /// The canonical unit values are compared in; reported units convert to it (see `units`).
    pub unit: String,
    pub category: Category,
    /// False for ranks, where 1 is best.
    pub higher_is_better: bool,
    pub description: Text,
    /// Where this indicator's observations are kept, relative to the data directory, when a
    /// large data set is split one file per indicator (so a view fetches only what it shows).
    /// Without it they are in the section's file, `observations/<category>.json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// One of the standard indicators of China's sports statistics and plans, which the
    /// picker offers first; the others are "other numbers from the reports".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub standard: bool,
    /// A rate, share or per-person figure, which does not grow with a place's size: a place's
    /// value and the nation's compare directly. A total (venues, industry output) does not, so
    /// its national values are not drawn beside a place's.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub relative: bool,
}

/// How a number was worded: 约/近 → approximate, 余/多/以上 → at least, 8至10 → range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    Approximate,
    AtLeast,
    AtMost,
    Range,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Reported,
    /// A plan or goal for the year, not an achievement.
    Target,
}

/// How the observation's year was read from its report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum YearBasis {
    /// The sentence names the year.
    Stated,
    /// The year the report reviews (a report published in 2024 about 2023 work).
    ReportPeriod,
    /// Given as current at the report's date (截至目前).
    PublicationDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The report's file name.
    pub doc: String,
    /// A verbatim fragment of the report that contains the number.
    pub quote: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Observation {
    pub entity: String,
    pub year: i32,
    pub year_basis: YearBasis,
    /// How the year was read, where it differs from the report's publication year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_note: Option<Text>,
    pub indicator: String,
    /// The number as written, in the reported unit; the low end of a range.
    pub value: f64,
    /// The high end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    pub qualifier: Qualifier,
    /// The unit as reported (万元, 名, 枚 …).
    pub unit: String,
    pub status: Status,
    /// The competition, event or programme the number belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Text>,
    pub source: Source,
    /// Anything a reader should know, in Chinese and English like every text shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

impl Observation {
    /// The key that must be unique across the data.
    pub fn key(&self) -> (String, i32, String, String) {
        (
            self.entity.clone(),
            self.year,
            self.indicator.clone(),
            self.context_zh().to_string(),
        )
    }

    pub fn context_zh(&self) -> &str {
        self.context.as_ref().map_or("", |c| c.zh.as_str())
    }

    /// A short label naming the record in diagnostics.
    pub fn label(&self) -> String {
        let mut label = format!("{} {} {}", self.entity, self.year, self.indicator);
        if let Some(context) = &self.context {
            label.push_str(&format!(" ({})", context.zh));
        }
        label
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub doc: String,
    pub entity: String,
    pub title: Text,
    pub publisher: Text,
    /// ISO date or year-month, as precise as the report allows.
    pub published: String,
    /// The period the report reviews, e.g. "2021".
    pub period: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// What a reference value is: the whole country's value that year, or a national plan's target
/// for that year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReferenceKind {
    National,
    Target,
}

impl ReferenceKind {
    /// The kind as the data file spells it.
    pub fn name(self) -> &'static str {
        match self {
            ReferenceKind::National => "national",
            ReferenceKind::Target => "target",
        }
    }
}

/// Where a reference value was published: a bulletin, a plan or a press release.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub publisher: Text,
    pub title: Text,
    /// ISO date (or year-month) of publication.
    pub published: String,
    /// Where it can be read.
    pub url: String,
}

/// A national yardstick for the local numbers: a value for the whole country, or a national
/// plan's target. Its source is a publication, cited, not a quote from one of the reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub indicator: String,
    pub kind: ReferenceKind,
    /// The year the value describes, or the year a target is set for.
    pub year: i32,
    pub value: f64,
    pub qualifier: Qualifier,
    /// The unit as published.
    pub unit: String,
    pub citation: Citation,
    /// One line in our own words on what the figure is (never the publication's text).
    pub note: Text,
}

/// The medals view's own indicator: gold, silver and bronze side by side per competition.
pub const MEDAL_TABLE: &str = "medal_table";
pub const MEDAL_INDICATORS: [&str; 3] = ["medals_gold", "medals_silver", "medals_bronze"];

/// Whether `id` can name a place or an indicator in a link: 1 to 64 of `A–Z a–z 0–9 _ -`,
/// which the address carries as they are (`entities=a,b` splits on commas, so an id with a
/// comma, a dot or a space could not come back from a copied link).
pub fn is_link_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Entities, indicators and reports: what every view needs before any dataset. Look-ups by id
/// are indexed, since a national data set has thousands of entities.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalog {
    pub entities: Vec<Entity>,
    pub indicators: Vec<Indicator>,
    pub reports: Vec<Report>,
    /// National values and plan targets, by indicator and year (see `with_references`).
    pub references: Vec<Reference>,
    /// False where `reports.json` could not be read: the charts still show, without sources.
    reports_read: bool,
    index: Index,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Index {
    entities: HashMap<String, usize>,
    indicators: HashMap<String, usize>,
    reports: HashMap<String, usize>,
}

impl Catalog {
    pub fn new(entities: Vec<Entity>, indicators: Vec<Indicator>, reports: Vec<Report>) -> Self {
        // The first of duplicate ids wins, as a linear search would; `validate` reports the rest.
        fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
            let mut map = HashMap::new();
            for (at, id) in ids.enumerate() {
                map.entry(id.to_string()).or_insert(at);
            }
            map
        }
        let index = Index {
            entities: positions(entities.iter().map(|e| e.id.as_str())),
            indicators: positions(indicators.iter().map(|i| i.id.as_str())),
            reports: positions(reports.iter().map(|r| r.doc.as_str())),
        };
        Catalog {
            entities,
            indicators,
            reports,
            references: Vec::new(),
            reports_read: true,
            index,
        }
    }

    /// A catalog whose reports could not be read: every view still draws, and says that the
    /// sources are unavailable; nothing is checked against reports.
    pub fn without_reports(entities: Vec<Entity>, indicators: Vec<Indicator>) -> Self {
        Catalog {
            reports_read: false,
            ..Catalog::new(entities, indicators, Vec::new())
        }
    }

    /// The catalog with its reference values, ordered by indicator, kind and year.
    pub fn with_references(mut self, mut references: Vec<Reference>) -> Self {
        references.sort_by(|a, b| {
            (&a.indicator, a.kind as u8, a.year).cmp(&(&b.indicator, b.kind as u8, b.year))
        });
        self.references = references;
        self
    }

    /// The reference values of one indicator.
    pub fn references_of<'a>(&'a self, indicator: &'a str) -> impl Iterator<Item = &'a Reference> {
        self.references
            .iter()
            .filter(move |r| r.indicator == indicator)
    }

    /// Whether the reports were read (see `without_reports`).
    pub fn has_reports(&self) -> bool {
        self.reports_read
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.index.entities.get(id).map(|&at| &self.entities[at])
    }

    /// The province or city `id` belongs to, then the one that belongs to, and so on (at most
    /// four: a cycle in bad data ends).
    pub fn parents<'a>(&'a self, id: &str) -> impl Iterator<Item = &'a Entity> + 'a {
        let mut next = self.entity(id).and_then(|e| e.parent.as_deref());
        std::iter::from_fn(move || {
            let parent = self.entity(next.take()?)?;
            next = parent.parent.as_deref();
            Some(parent)
        })
        .take(4)
    }

    /// Where the entity stands in the catalog's order.
    pub fn entity_position(&self, id: &str) -> Option<usize> {
        self.index.entities.get(id).copied()
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.index
            .indicators
            .get(id)
            .map(|&at| &self.indicators[at])
    }

    pub fn report(&self, doc: &str) -> Option<&Report> {
        self.index.reports.get(doc).map(|&at| &self.reports[at])
    }

    /// Whether the section's indicators are kept one file each (see `Indicator::file`).
    pub fn is_split(&self, category: Category) -> bool {
        self.indicators_in(category).any(|i| i.file.is_some())
    }

    pub fn indicators_in(&self, category: Category) -> impl Iterator<Item = &Indicator> {
        self.indicators
            .iter()
            .filter(move |i| i.category == category)
    }

    /// The data file that holds what a view of `category` showing `indicator` needs (relative to
    /// the data folder), and the indicator it was chosen for where the section is kept one file
    /// per indicator (by default the section's first with a file).
    pub fn file_of(&self, category: Category, indicator: Option<&str>) -> (String, Option<String>) {
        if !self.is_split(category) {
            return (category.dataset_file(), None);
        }
        let mut offered = self.indicators_in(category).filter(|i| i.file.is_some());
        let chosen = match indicator {
            Some(id) => self
                .indicators_in(category)
                .find(|i| i.id == id && i.file.is_some())
                .or_else(|| offered.next()),
            None => offered.next(),
        };
        match chosen {
            Some(i) => (i.file.clone().unwrap_or_default(), Some(i.id.clone())),
            None => (category.dataset_file(), None),
        }
    }
}

/// One category's observations, as loaded from its file.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub category: Category,
    pub observations: Vec<Observation>,
}
