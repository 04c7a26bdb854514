//! The proposals file: a report read into whole records for a person to review, in the browser
//! (the review page) or in an editor (`sportdash ingest`), and then merged into the data
//! (`sportdash merge`). The same file is read back, so everything here deserializes too.

use serde::{Deserialize, Serialize};

use sportdash_core::model::{
    Catalog, Category, Dataset, Entity, Observation, Qualifier, Report, Source, Status, Text,
    YearBasis,
};
use sportdash_core::numerals;
use sportdash_core::validate::{publication_year, DatasetCheck, ReportTexts};

use crate::rules::UNITS;

/// What the file says it is, so `merge` can tell it from a data file.
pub const PROPOSALS_FORMAT: &str = "sportdash-proposals/1";

/// A report read into proposals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proposals {
    /// Always [`PROPOSALS_FORMAT`].
    pub format: String,
    /// The report's entry for `reports.json`: its file name, place, title, publisher, date and
    /// the period it reviews. `entity` is the id of a known place or of one in `new_entities`.
    pub report: Report,
    /// How the place was read ("标题：焦作市体育局…", or why it is unknown).
    pub entity_read: Text,
    /// How the report's year was read ("标题：2023年工作总结", or the publication date).
    pub year_read: Text,
    /// Places the report names that `entities.json` does not have yet, with kind and parent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub new_entities: Vec<Entity>,
    pub records: Vec<Proposal>,
    /// Numbers found and left out, with the reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<LeftOut>,
}

/// Where a proposal stands in review.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Review {
    #[default]
    Proposed,
    Accepted,
    Rejected,
}

/// One proposed record: an observation in the data's schema, except that the entity, year and
/// indicator may still be open (`null`), with the indicator's runners-up and where the number
/// stands in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    #[serde(default)]
    pub review: Review,
    pub entity: Option<String>,
    pub year: Option<i32>,
    pub year_basis: Option<YearBasis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_note: Option<Text>,
    pub indicator: Option<String>,
    /// The next best indicators from the standard catalogue, best first (at most two).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
    #[serde(serialize_with = "crate::as_written")]
    pub value: f64,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::as_written_if_any"
    )]
    pub value_max: Option<f64>,
    pub qualifier: Qualifier,
    pub unit: String,
    pub status: Status,
    /// The competition, event or programme the number belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Text>,
    pub source: Source,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// The number's place in the report text: byte offsets `[start, end)`.
    pub at: (usize, usize),
}

/// A number found in the text and not proposed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeftOut {
    /// Byte offsets `[start, end)` of the number in the report text.
    pub at: (usize, usize),
    pub number: String,
    pub reason: String,
}

impl Proposal {
    /// The record as an observation, or the first field still open.
    pub fn observation(&self) -> Result<Observation, &'static str> {
        Ok(Observation {
            entity: self.entity.clone().ok_or("entity")?,
            year: self.year.ok_or("year")?,
            year_basis: self.year_basis.ok_or("year_basis")?,
            year_note: self.year_note.clone(),
            indicator: self.indicator.clone().ok_or("indicator")?,
            value: self.value,
            value_max: self.value_max,
            qualifier: self.qualifier,
            unit: self.unit.clone(),
            status: self.status,
            context: self.context.clone(),
            source: self.source.clone(),
            note: self.note.clone(),
        })
    }
}

/// How many records are open, accepted and rejected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub open: usize,
    pub accepted: usize,
    pub rejected: usize,
}

impl Proposals {
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for record in &self.records {
            match record.review {
                Review::Proposed => counts.open += 1,
                Review::Accepted => counts.accepted += 1,
                Review::Rejected => counts.rejected += 1,
            }
        }
        counts
    }

    /// The first record still open after `from`, going round to the start.
    pub fn next_open(&self, from: usize) -> Option<usize> {
        let n = self.records.len();
        (1..=n)
            .map(|step| (from + step) % n)
            .find(|&i| self.records[i].review == Review::Proposed)
    }

    /// The data's catalogue with this report and its new places added, for checking the
    /// records as the data will hold them.
    pub fn catalog_with(&self, catalog: &Catalog) -> Catalog {
        let mut entities = catalog.entities.clone();
        entities.extend(
            self.new_entities
                .iter()
                .filter(|e| catalog.entity(&e.id).is_none())
                .cloned(),
        );
        let mut reports = catalog.reports.clone();
        if catalog.report(&self.report.doc).is_none() {
            reports.push(self.report.clone());
        }
        Catalog::new(entities, catalog.indicators.clone(), reports)
            .with_references(catalog.references.clone())
    }

    /// Adds the number written in `text[range]` (a person's selection) as a record to review,
    /// placed in text order, and returns its index; the number is no longer listed as left out.
    pub fn add_selection(&mut self, text: &str, range: (usize, usize)) -> Result<usize, String> {
        let (start, end) = range;
        let selected = text
            .get(start..end)
            .ok_or("the selection is not in the text")?;
        let (span, value) = numerals::spans(selected)
            .into_iter()
            .next()
            .ok_or("the selection has no number")?;
        let at = (start + span.start, start + span.end);
        if let Some(i) = self.records.iter().position(|r| r.at == at) {
            return Err(format!("that number is record {} already", i + 1));
        }
        let unit = unit_after(&text[at.1..]);
        let period: Option<i32> = self.report.period.get(..4).and_then(|y| y.parse().ok());
        let record = Proposal {
            review: Review::Proposed,
            entity: Some(self.report.entity.clone()).filter(|e| !e.is_empty()),
            year: period,
            year_basis: period.map(|_| YearBasis::ReportPeriod),
            year_note: period
                .filter(|&year| publication_year(&self.report.published) != Some(year))
                .map(|year| Text {
                    zh: format!("{year}年：报告总结的年份"),
                    en: Some(format!("{year}: the year the report reviews")),
                }),
            indicator: None,
            alternatives: Vec::new(),
            value,
            value_max: None,
            qualifier: Qualifier::Exact,
            unit,
            status: Status::Reported,
            context: None,
            source: Source {
                doc: self.report.doc.clone(),
                quote: quote_around(text, at),
            },
            note: None,
            at,
        };
        let index = self.records.partition_point(|r| r.at < at);
        self.records.insert(index, record);
        self.left_out.retain(|l| l.at != at);
        Ok(index)
    }

    /// What the data's checks say of each record, as it would be merged: `(record, messages)`
    /// for every record not rejected that has a problem. `data` is the data's observations, so
    /// that a record already there is found; `text` is the report, which every quote must be in.
    pub fn check(
        &self,
        catalog: &Catalog,
        data: &[Dataset],
        text: &str,
    ) -> Vec<(usize, Vec<String>)> {
        let catalog = self.catalog_with(catalog);
        let texts: ReportTexts = [(self.report.doc.clone(), text.to_string())].into();
        let mut found = Vec::new();
        for category in Category::ALL {
            let file = category.dataset_file();
            let mut check = DatasetCheck::new(&catalog, &file, category, Some(&texts));
            let existing = data.iter().filter(|d| d.category == category);
            for (i, o) in existing.flat_map(|d| d.observations.iter()).enumerate() {
                check.check(i, o.clone(), &mut Vec::new());
            }
            for (i, record) in self.records.iter().enumerate() {
                if record.review == Review::Rejected
                    || self.category_of(&catalog, record) != Some(category)
                {
                    continue;
                }
                let Ok(observation) = record.observation() else {
                    continue;
                };
                let mut diagnostics = Vec::new();
                check.check(i, observation, &mut diagnostics);
                let messages: Vec<String> = diagnostics
                    .iter()
                    .filter(|d| d.is_error())
                    .map(|d| match &d.field {
                        Some(field) => format!("{field}: {}", d.message),
                        None => d.message.clone(),
                    })
                    .collect();
                if !messages.is_empty() {
                    found.push((i, messages));
                }
            }
        }
        for (i, record) in self.records.iter().enumerate() {
            if record.review == Review::Rejected {
                continue;
            }
            if let Err(field) = record.observation() {
                found.push((i, vec![format!("{field}: not filled in yet")]));
            } else if self.category_of(&catalog, record).is_none() {
                found.push((i, vec!["indicator: not in the catalogue".to_string()]));
            }
        }
        found.sort_by_key(|(i, _)| *i);
        found
    }

    fn category_of(&self, catalog: &Catalog, record: &Proposal) -> Option<Category> {
        let id = record.indicator.as_deref()?;
        catalog.indicator(id).map(|i| i.category)
    }
}

/// The unit written right after a number (万元, 名, 平方米 …), or "" when none is.
fn unit_after(rest: &str) -> String {
    let rest = rest.trim_start();
    let (scale, rest) = match rest.chars().next() {
        Some(c @ ('万' | '亿')) => (c.to_string(), &rest[c.len_utf8()..]),
        _ => (String::new(), rest),
    };
    match UNITS.iter().find(|u| rest.starts_with(**u)) {
        Some(unit) => format!("{scale}{unit}"),
        None => scale,
    }
}

/// A short verbatim quote around `at`: its clause, at most about 30 characters either side.
fn quote_around(text: &str, at: (usize, usize)) -> String {
    const SIDE: usize = 30;
    let ends = |c: char| matches!(c, '。' | '；' | '！' | '？' | '\n');
    let before: Vec<(usize, char)> = text[..at.0].char_indices().rev().take(SIDE).collect();
    let start = before.iter().find(|&&(_, c)| ends(c)).map_or_else(
        || before.last().map_or(at.0, |&(i, _)| i),
        |&(i, c)| i + c.len_utf8(),
    );
    let after = &text[at.1..];
    let end = after
        .char_indices()
        .take(SIDE)
        .find(|&(_, c)| ends(c))
        .map_or_else(
            || {
                at.1 + after
                    .char_indices()
                    .nth(SIDE)
                    .map_or(after.len(), |(i, _)| i)
            },
            |(i, _)| at.1 + i,
        );
    text[start..end].trim().to_string()
}

/// The indicators whose Chinese or English name or id holds `typed` (case aside), standard
/// ones first, then in catalogue order; all of them, standard first, when nothing is typed.
pub fn find_indicators(catalog: &Catalog, typed: &str, limit: usize) -> Vec<String> {
    let typed = typed.trim().to_lowercase();
    let matches = |i: &&sportdash_core::model::Indicator| {
        typed.is_empty()
            || i.id.contains(&typed)
            || i.name.zh.contains(&typed)
            || i.name
                .en
                .as_ref()
                .is_some_and(|en| en.to_lowercase().contains(&typed))
    };
    let (standard, other): (Vec<_>, Vec<_>) = catalog
        .indicators
        .iter()
        .filter(matches)
        .partition(|i| i.standard);
    standard
        .into_iter()
        .chain(other)
        .take(limit)
        .map(|i| i.id.clone())
        .collect()
}
