//! The reader: walks the text number by number and records each as a candidate or, with the
//! reason, as a note.

mod mention;
mod proposal;

use std::collections::HashSet;

use crate::layout::Layout;
use crate::numbers::starts_number;
use crate::text::Ch;
use crate::{Extracted, Note, Options};
pub(crate) use mention::Kind;
use mention::Skip;

/// How far (in characters, each side) the rules look around a number within its clause or
/// sentence, so that text without punctuation costs linear time.
const CONTEXT_CHARS: usize = 60;

/// What the reader knows of a candidate beyond the data's schema, for `propose`: places are
/// indices into the prepared characters.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    /// Where the number starts, and where it ends (the lower end of a range).
    pub(crate) start: usize,
    pub(crate) number_end: usize,
    /// Where the mention ends: after its unit and a qualifier written after it.
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    /// The keyword rule that proposed the candidate's indicator.
    pub(crate) rule: Option<RuleMatch>,
}

/// A keyword rule that matched: the indicator, its words, and how far its first word stands
/// from the number (in characters).
#[derive(Clone, Debug)]
pub(crate) struct RuleMatch {
    pub(crate) id: &'static str,
    pub(crate) words: &'static [&'static str],
    pub(crate) distance: usize,
}

pub(crate) struct Reader<'a> {
    text: &'a str,
    chars: &'a [Ch],
    layout: &'a Layout,
    options: &'a Options,
    /// The latest year the report names, read for 今年 and plans.
    latest_year: Option<i32>,
    out: Extracted,
    /// For each candidate, what `propose` needs to know of it.
    found: Vec<Found>,
    /// The candidates proposed so far, by value, range, unit, quote and the number's place in
    /// the quote: a sentence repeated word for word gives one.
    seen: HashSet<(u64, Option<u64>, String, String, usize)>,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(
        text: &'a str,
        chars: &'a [Ch],
        layout: &'a Layout,
        options: &'a Options,
    ) -> Reader<'a> {
        Reader {
            text,
            chars,
            layout,
            options,
            latest_year: layout
                .sentences
                .iter()
                .flat_map(|s| s.years.iter().copied())
                .max(),
            out: Extracted::default(),
            found: Vec::new(),
            seen: HashSet::new(),
        }
    }

    /// Reads every number in the text.
    pub(crate) fn read_all(self) -> Extracted {
        self.read_found().0
    }

    /// Reads every number in the text; with each candidate, what `propose` needs of it.
    pub(crate) fn read_found(mut self) -> (Extracted, Vec<Found>) {
        let mut i = 0;
        while i < self.chars.len() {
            if starts_number(self.chars, i) {
                i = self.read(i);
            } else {
                i += 1;
            }
        }
        (self.out, self.found)
    }

    /// Reads the number at `i`, records a candidate or a note, and returns where to go on.
    fn read(&mut self, i: usize) -> usize {
        match self.mention(i) {
            Ok(mention) => {
                let end = mention.end.max(i + 1);
                self.propose(mention);
                end
            }
            Err(Skip { end, why }) => {
                let end = end.max(i + 1).min(self.chars.len());
                self.note(i, end, why);
                end
            }
        }
    }

    fn note(&mut self, from: usize, to: usize, message: String) {
        let chars = self.chars;
        let to = to.clamp(from + 1, chars.len());
        self.out.notes.push(Note {
            offset: chars[from].start as usize,
            number: self.text[chars[from].start as usize..chars[to - 1].end as usize].to_string(),
            message,
        });
    }

    fn c(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|ch| ch.c)
    }

    /// The part of `span` within [`CONTEXT_CHARS`] of `i`.
    fn near(&self, i: usize, (a, b): (usize, usize)) -> (usize, usize) {
        let a = a.max(i.saturating_sub(CONTEXT_CHARS));
        (a, b.min(i + CONTEXT_CHARS).max(a))
    }

    fn text_of(&self, (a, b): (usize, usize)) -> String {
        self.chars[a..b].iter().map(|ch| ch.c).collect()
    }

    /// Whether `word` ends right before `i` (in the same clause).
    fn preceded_by(&self, i: usize, word: &str) -> bool {
        let n = word.chars().count();
        if i < n || i - n < self.layout.clauses.at(i.min(self.chars.len() - 1)).0 {
            return false;
        }
        self.chars[i - n..i].iter().map(|ch| ch.c).eq(word.chars())
    }
}
