//! Where clauses and sentences begin and end, which characters are quoted, and what each
//! sentence says about time and plans: the years it names, a relative time word, a plan.

use crate::numbers::{is_group_comma, read_arabic, year_like};
use crate::rules::{DONE_AFTER_PLAN_WORD, PLAN_WILL_AFTER, PLAN_WORDS, RELATIVE_TIME};
use crate::text::{is_clause_end, is_decimal_point, is_digit, is_sentence_end, Ch};

/// A quotation (“…”, 《…》) longer than this is taken to be unbalanced and ignored.
const MAX_QUOTATION_CHARS: usize = 40;

/// Where clauses and sentences begin and end, which characters are inside quotation marks or
/// titles, and what each sentence says about time and plans. Built once, in linear time.
pub(crate) struct Layout {
    pub(crate) clauses: Spans,
    /// Each character's sentence, an index into `sentences`.
    pub(crate) sentence_of: Vec<u32>,
    pub(crate) sentences: Vec<Sentence>,
    pub(crate) quoted: Vec<bool>,
}

/// What a sentence says that bears on the year and status of its numbers.
pub(crate) struct Sentence {
    pub(crate) span: (usize, usize),
    /// The years it names as "YYYY年".
    pub(crate) years: Vec<i32>,
    /// It states a plan, itself or as part of a paragraph that opens with one.
    pub(crate) plan: bool,
    /// The first word it has that places it in time relative to the report (去年, 今年 …).
    pub(crate) relative: Option<&'static str>,
    /// Where 目前 (截至目前) stands in it: numbers from there on are given as current.
    pub(crate) current_from: Option<usize>,
}

impl Layout {
    pub(crate) fn new(chars: &[Ch]) -> Layout {
        let n = chars.len();
        let clause_break = |i: usize| {
            chars[i].layout_break
                || (i > 0
                    && is_clause_end(chars[i - 1].c)
                    && !is_decimal_point(chars, i - 1)
                    && !is_group_comma(chars, i - 1))
        };
        let sentence_break =
            |i: usize| chars[i].layout_break || (i > 0 && is_sentence_end(chars[i - 1].c));
        let clauses = spans(n, clause_break);
        let Spans {
            of: sentence_of,
            bounds,
        } = spans(n, sentence_break);
        let quoted = quoted(chars);
        let sentences = sentences(chars, &quoted, &bounds);
        Layout {
            clauses,
            sentence_of,
            sentences,
            quoted,
        }
    }
}

/// What each sentence, `bounds`, says about time and plans.
fn sentences(chars: &[Ch], quoted: &[bool], bounds: &[(u32, u32)]) -> Vec<Sentence> {
    // A paragraph that opens with 今年/明年…将 is a plan throughout.
    let mut in_plan_paragraph = false;
    bounds
        .iter()
        .map(|&(a, b)| {
            let (a, b) = (a as usize, b as usize);
            let text: String = chars[a..b].iter().map(|ch| ch.c).collect();
            let relative = RELATIVE_TIME.iter().copied().find(|w| text.contains(w));
            let mut plan = is_plan(chars, quoted, a, b);
            let starts_paragraph = a == 0
                || (chars[a].newline && (chars[a].layout_break || is_sentence_end(chars[a - 1].c)));
            if starts_paragraph {
                in_plan_paragraph = plan && (text.contains("今年") || text.contains("明年"));
            }
            plan |= in_plan_paragraph;
            Sentence {
                span: (a, b),
                years: years_named(chars, quoted, a, b),
                plan,
                relative,
                current_from: text.find("目前").map(|at| a + text[..at].chars().count()),
            }
        })
        .collect()
}

/// Spans covering `0..n`, cut before each `i` where `breaks_before(i)`: their bounds, and for
/// each character the span it is in (four bytes a character, not sixteen).
pub(crate) struct Spans {
    of: Vec<u32>,
    bounds: Vec<(u32, u32)>,
}

impl Spans {
    /// The span character `i` is in.
    pub(crate) fn at(&self, i: usize) -> (usize, usize) {
        let (a, b) = self.bounds[self.of[i] as usize];
        (a as usize, b as usize)
    }
}

/// For each character, the span `[start, end)` of the piece it lies in, pieces being separated
/// before every `i` where `breaks_before(i)`.
fn spans(n: usize, breaks_before: impl Fn(usize) -> bool) -> Spans {
    let mut of = Vec::with_capacity(n);
    let mut bounds = Vec::new();
    let mut start = 0;
    for i in 0..n {
        if i > 0 && breaks_before(i) {
            bounds.push((start as u32, i as u32));
            start = i;
        }
        of.push(bounds.len() as u32);
    }
    if n > 0 {
        bounds.push((start as u32, n as u32));
    }
    Spans { of, bounds }
}

/// Which characters lie inside quotation marks or title marks: names, slogans, programmes.
fn quoted(chars: &[Ch]) -> Vec<bool> {
    let mut inside = vec![false; chars.len()];
    let closing = |open: char| match open {
        '“' => Some('”'),
        '《' => Some('》'),
        '「' => Some('」'),
        '『' => Some('』'),
        '‘' => Some('’'),
        '"' => Some('"'),
        _ => None,
    };
    let mut i = 0;
    while i < chars.len() {
        let Some(close) = closing(chars[i].c) else {
            i += 1;
            continue;
        };
        let end = (i + 1..chars.len().min(i + 2 + MAX_QUOTATION_CHARS))
            .take_while(|&j| chars[j].c != '。')
            .find(|&j| chars[j].c == close);
        match end {
            Some(end) => {
                inside[i + 1..end].iter_mut().for_each(|x| *x = true);
                i = end + 1;
            }
            None => i += 1,
        }
    }
    inside
}

/// The distinct years written as "YYYY年" in `chars[a..b]`, outside titles and quotations
/// (《2022年…方案》 names a document, not the year of the sentence's numbers).
fn years_named(chars: &[Ch], quoted: &[bool], a: usize, b: usize) -> Vec<i32> {
    let mut years = Vec::new();
    let mut i = a;
    while i < b {
        if is_digit(chars, i) && (i == 0 || !is_digit(chars, i - 1)) {
            if let Some(number) = read_arabic(chars, i) {
                if let Some(year) = year_like(chars, &number).filter(|_| !quoted[i]) {
                    if chars.get(number.end).is_some_and(|ch| ch.c == '年')
                        && !years.contains(&year)
                    {
                        years.push(year);
                    }
                }
                i = number.end.max(i + 1);
                continue;
            }
        }
        i += 1;
    }
    years
}

/// Whether the sentence `chars[a..b]` states a plan: 计划, 力争, 拟, 争取, or 将 after a subject
/// or time (我市将, 今年…局将, 后续将), words in quotation marks and titles aside.
pub(crate) fn is_plan(chars: &[Ch], quoted: &[bool], a: usize, b: usize) -> bool {
    let visible: Vec<(usize, char)> = (a..b)
        .filter(|&i| !quoted[i] && !matches!(chars[i].c, '“' | '”' | '《' | '》'))
        .map(|i| (i, chars[i].c))
        .collect();
    let text: String = visible.iter().map(|&(_, c)| c).collect();
    let done = |word: &str, at: usize| {
        DONE_AFTER_PLAN_WORD.iter().any(|(w, after)| {
            *w == word
                && after.iter().any(|a| {
                    text[at + word.len()..]
                        .chars()
                        .take(4)
                        .collect::<String>()
                        .contains(a)
                })
        })
    };
    let planned = PLAN_WORDS
        .iter()
        .any(|w| text.match_indices(w).any(|(at, _)| !done(w, at)));
    if planned {
        return true;
    }
    for (k, &(i, c)) in visible.iter().enumerate() {
        let before = (i > 0).then(|| chars[i - 1].c);
        let next = visible.get(k + 1).map(|&(_, c)| c);
        match c {
            '计' if next == Some('划') && !matches!(before, Some('”' | '》' | '施')) => {
                return true
            }
            '拟' if !matches!(before, Some('模' | '虚' | '草')) => return true,
            '将' if before.is_some_and(|c| PLAN_WILL_AFTER.contains(c)) && next != Some('其') => {
                return true
            }
            _ => {}
        }
    }
    false
}
