//! The work in progress: the report read, its proposals as reviewed so far, and the record in
//! hand. Kept in the browser (`io::save_work`) after every change.

use serde::{Deserialize, Serialize};

use sportdash_extract::review::{Proposals, Review};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Work {
    /// The report's text, as read.
    pub text: String,
    /// How it was read: "UTF-8", "GB18030 (GBK)", "Word (.docx)".
    pub read_as: String,
    pub proposals: Proposals,
    /// The record in hand.
    pub current: usize,
}

impl Work {
    /// Marks the record in hand and moves on to the next open one (or the next one).
    pub fn mark(&mut self, review: Review) {
        let Some(record) = self.proposals.records.get_mut(self.current) else {
            return;
        };
        record.review = review;
        self.current = self.proposals.next_open(self.current).unwrap_or_else(|| {
            self.current
                .min(self.proposals.records.len().saturating_sub(1))
        });
    }

    /// Every record still open is rejected: what is left once the wanted ones are accepted.
    pub fn reject_open(&mut self) {
        for record in &mut self.proposals.records {
            if record.review == Review::Proposed {
                record.review = Review::Rejected;
            }
        }
    }

    pub fn step(&mut self, by: isize) {
        let n = self.proposals.records.len();
        if n > 0 {
            self.current = (self.current as isize + by).clamp(0, n as isize - 1) as usize;
        }
    }

    /// The place the report is about, and every record's that followed it.
    pub fn set_place(&mut self, id: &str) {
        let old = std::mem::replace(&mut self.proposals.report.entity, id.to_string());
        for record in &mut self.proposals.records {
            if record.entity.as_deref().is_none_or(|e| e == old) {
                record.entity = Some(id.to_string()).filter(|id| !id.is_empty());
            }
        }
    }

    /// The report's file name (a pasted text has none of its own), and every record's source.
    pub fn set_doc(&mut self, doc: &str) {
        if doc.is_empty() {
            return;
        }
        self.proposals.report.doc = doc.to_string();
        for record in &mut self.proposals.records {
            record.source.doc = doc.to_string();
        }
    }

    /// The name the reviewed file downloads as: the report's, with `.proposals.json`.
    pub fn file_name(&self) -> String {
        let doc = &self.proposals.report.doc;
        let stem = doc.rsplit_once('.').map_or(doc.as_str(), |(stem, _)| stem);
        format!("{stem}.proposals.json")
    }
}
