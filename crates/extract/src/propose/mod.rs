//! Whole records from a report: every number the reader keeps, with the report's place and
//! year, an indicator from the standard catalogue and its runners-up, the status (a plan's
//! section makes targets), and the competition or event it belongs to; every number left out,
//! with the reason; and the report's entry for `reports.json`.
//!
//! One concern a file: `head` (title, publisher, date), `place`, `period` (the year),
//! `sections` (headings and plans), `around` (the words around a number), `indicator` with its
//! word table `synonyms`, and `context` (the event).

mod around;
mod context;
mod head;
mod indicator;
mod period;
mod place;
mod provinces;
mod sections;
mod synonyms;

use sportdash_core::load::MAX_REPORT_BYTES;
use sportdash_core::model::{Catalog, Report, Status, Text, YearBasis};
use sportdash_core::units::{self, Dimension};
use sportdash_core::validate::publication_year;

use crate::layout::Layout;
use crate::reader::{Found, Reader};
use crate::review::{LeftOut, Proposal, Proposals, Review, PROPOSALS_FORMAT};
use crate::text::{prepare, Ch};
use crate::{too_long, Candidate, Options};

use around::Around;
use head::Head;
use indicator::Standard;
use period::Period;
use place::Place;
use sections::{Heading, Sections};

/// Words before a count of people that make it per thousand residents.
const PER_THOUSAND: &[&str] = &["每千人", "每千名", "千人拥有"];
/// Words of a sentence in a plan's section that tell of what was done.
const LOOKING_BACK: &[&str] = &["去年", "上年", "过去", "已经"];

/// Reads `text`, the report `doc`, into whole records against `catalog`.
pub fn propose(text: &str, doc: &str, catalog: &Catalog) -> Proposals {
    if text.len() > MAX_REPORT_BYTES {
        return unread(doc, too_long(text.len()));
    }
    let head = Head::read(text);
    let place = place::read(&head, text, catalog);
    let period = period::read(&head, text);
    let chars = prepare(text);
    let layout = Layout::new(&chars);
    let options = Options {
        doc: doc.to_string(),
        entity: place.id.clone(),
        year: period.year,
    };
    let (extracted, found) = Reader::new(text, &chars, &layout, &options).read_found();
    let reading = Reading {
        chars: &chars,
        layout: &layout,
        sections: Sections::read(text, period.year),
        standard: Standard::new(catalog),
        period: period.year,
    };
    let report = report(&head, doc, &place, &period);
    let published = publication_year(&report.published);
    let records = extracted
        .candidates
        .into_iter()
        .zip(&found)
        .map(|(candidate, found)| reading.record(candidate, found, published))
        .collect();
    let left_out = extracted
        .notes
        .into_iter()
        .map(|note| LeftOut {
            at: (note.offset, note.offset + note.number.len()),
            number: note.number,
            reason: note.message,
        })
        .collect();
    Proposals {
        format: PROPOSALS_FORMAT.to_string(),
        report,
        entity_read: place.read,
        year_read: period.read,
        new_entities: place.new_entities,
        records,
        left_out,
    }
}

/// A text that is not read: no records, and the reason.
fn unread(doc: &str, why: String) -> Proposals {
    let unknown = || Text {
        zh: "未读取".to_string(),
        en: Some("not read".to_string()),
    };
    Proposals {
        format: PROPOSALS_FORMAT.to_string(),
        report: Report {
            doc: doc.to_string(),
            entity: String::new(),
            title: Text::default(),
            publisher: Text::default(),
            published: String::new(),
            period: String::new(),
            note: None,
        },
        entity_read: unknown(),
        year_read: unknown(),
        new_entities: Vec::new(),
        records: Vec::new(),
        left_out: vec![LeftOut {
            at: (0, 0),
            number: String::new(),
            reason: why,
        }],
    }
}

/// What every record of one report is read against.
struct Reading<'a> {
    chars: &'a [Ch],
    layout: &'a Layout,
    sections: Sections,
    standard: Standard<'a>,
    period: Option<i32>,
}

impl Reading<'_> {
    fn record(&self, candidate: Candidate, found: &Found, published: Option<i32>) -> Proposal {
        let around = Around::new(self.chars, self.layout, &self.sections, found);
        let (unit, unit_note) = per_thousand(&around, candidate.unit);
        let choice = self.standard.choose(&around, &unit, found);
        let at = (
            candidate.offset,
            self.chars[found.number_end.max(found.start + 1) - 1].end as usize,
        );
        let mut record = Proposal {
            review: Review::Proposed,
            entity: candidate.entity,
            year: candidate.year,
            year_basis: candidate.year_basis,
            year_note: candidate.year_note,
            indicator: choice.indicator,
            alternatives: choice.alternatives,
            value: candidate.value,
            value_max: candidate.value_max,
            qualifier: candidate.qualifier,
            unit,
            status: candidate.status,
            context: context::find(&around),
            source: candidate.source,
            note: candidate.note.or(unit_note),
            at,
        };
        if let Some(plan) = self.sections.plan_at(candidate.offset) {
            in_plan(&mut record, plan, &around, self.period);
        }
        if record.year_note.is_none() {
            record.year_note = record
                .year
                .filter(|&year| published != Some(year))
                .map(|year| Text {
                    zh: format!("句中写明{year}年"),
                    en: Some(format!("the sentence names {year}")),
                });
        }
        record
    }
}

/// A count of people per thousand residents (每千人拥有社会体育指导员3.2名) is in 人/千人.
fn per_thousand(around: &Around, unit: String) -> (String, Option<Text>) {
    let people =
        units::lookup_dimension(&unit) == Some(Dimension::People) && unit.chars().count() == 1;
    if people && PER_THOUSAND.iter().any(|w| around.clause.0.contains(w)) {
        let note = Text {
            zh: format!("每千人：单位记作“人/千人”（原文“{unit}”）"),
            en: Some(format!(
                "per thousand residents: unit 人/千人 (written {unit})"
            )),
        };
        return ("人/千人".to_string(), Some(note));
    }
    (unit, None)
}

/// A number in a plan's section is a target, for the year the heading names (or the next
/// year, 明年), unless its sentence looks back.
fn in_plan(record: &mut Proposal, plan: &Heading, around: &Around, period: Option<i32>) {
    let sentence = format!("{}{}", around.sentence.0, around.sentence.1);
    if LOOKING_BACK.iter().any(|w| sentence.contains(w)) {
        return;
    }
    record.status = Status::Target;
    if record.year_basis == Some(YearBasis::Stated) {
        return;
    }
    let year = plan
        .year
        .or_else(|| period.filter(|_| plan.next_year).map(|y| y + 1));
    if let Some(year) = year {
        record.year = Some(year);
        record.year_basis = Some(if plan.year.is_some() {
            YearBasis::Stated
        } else {
            YearBasis::ReportPeriod
        });
        record.year_note = Some(Text {
            zh: format!("计划部分“{}”：{year}年的目标", plan.text),
            en: Some(format!(
                "in the plan section {}: a target for {year}",
                plan.text
            )),
        });
    }
}

/// The report's entry for `reports.json`.
fn report(head: &Head, doc: &str, place: &Place, period: &Period) -> Report {
    let period_text = period.year.map(|y| y.to_string()).unwrap_or_default();
    let date = head.published().map(|(date, _)| date);
    let (publisher, inferred) = publisher(head, place);
    let mut notes = Vec::new();
    if inferred {
        notes.push("发布单位据标题和地方推断");
    }
    if date.is_none() {
        notes.push("未写明发布日期，记作报告年份的下一年");
    }
    Report {
        doc: doc.to_string(),
        entity: place.id.clone().unwrap_or_default(),
        title: Text {
            zh: head.title().to_string(),
            en: None,
        },
        publisher: Text {
            zh: publisher,
            en: None,
        },
        published: date
            .unwrap_or_else(|| period.year.map(|y| (y + 1).to_string()).unwrap_or_default()),
        period: period_text,
        note: (!notes.is_empty()).then(|| Text {
            zh: notes.join("；"),
            en: None,
        }),
    }
}

/// The publisher the text names, its place filled in where it writes only 市体育局; else the
/// place's 体育局. True when inferred.
fn publisher(head: &Head, place: &Place) -> (String, bool) {
    let name = place.name.as_deref();
    match head.publisher() {
        Some(written) => {
            let level = written.chars().next().filter(|c| "省市区县".contains(*c));
            match (level, name) {
                (Some(level), Some(name)) if name.ends_with(level) => {
                    (format!("{name}{}", &written[level.len_utf8()..]), true)
                }
                _ => (written, false),
            }
        }
        None => match name {
            Some(name) => (format!("{name}体育局"), true),
            None => (String::new(), false),
        },
    }
}
