//! The report's headings and the sections under them: a numbered heading (一、 （一） 1. （1）
//! 第一部分) holds the text until the next heading of its level or above; a short line of its
//! own without punctuation is a heading too, a major one when it names a year, a plan or a
//! review ("2024年工作计划"): it holds the numbered headings that follow it, until a numbered
//! heading above them or the next unnumbered heading (the next major one, for a major one). Plans ("2024年工作计划", "下一步工作打算") make their
//! sections' numbers targets; headings give numbers their competition or subject.

use sportdash_core::numerals::{half_width, is_chinese_numeral};

use super::head::{date_in, lines};
use super::period::years_in;

/// A line at most this long (in visible characters), without punctuation, is a heading.
const SHORT_HEADING_CHARS: usize = 24;
/// A numbered heading's own words end at punctuation, or are cut to this many characters.
const HEADING_TEXT_CHARS: usize = 40;

/// Words of a heading over plans.
const PLAN_WORDS: &[&str] = &[
    "计划",
    "打算",
    "下一步",
    "思路",
    "展望",
    "安排",
    "要点",
    "设想",
    "今后",
    "明年",
    "来年",
    "下一年",
];
/// Words of a heading over what was done, even with a plan word (计划完成情况).
const DONE_WORDS: &[&str] = &[
    "情况",
    "总结",
    "回顾",
    "成效",
    "完成",
    "成绩",
    "实施计划",
    "做法",
];
/// Words of a line that is a byline, a caption or a date, not a heading.
const NOT_HEADINGS: &[&str] = &[
    "记者",
    "摄",
    "编辑",
    "来源",
    "日期",
    "责任",
    "作者",
    "通讯员",
];

#[derive(Clone, Debug)]
pub(super) struct Heading {
    /// Byte offsets: where the heading's line starts, and where its section ends.
    pub(super) start: usize,
    pub(super) until: usize,
    /// 0 第一部分, 1 一、 (and unnumbered lines), 2 （一）, 3 1. , 4 （1）.
    pub(super) level: u8,
    pub(super) numbered: bool,
    /// An unnumbered heading that names a year, a plan or a review.
    pub(super) major: bool,
    /// For an unnumbered heading: the level of the numbered headings under it.
    pub(super) children: Option<u8>,
    /// The heading's own words.
    pub(super) text: String,
    /// It heads a plan.
    pub(super) plan: bool,
    /// The year it names, and whether it speaks of the year after the report's (明年).
    pub(super) year: Option<i32>,
    pub(super) next_year: bool,
}

pub(super) struct Sections {
    headings: Vec<Heading>,
    /// The heading each heading's line stands under, when any.
    parent: Vec<Option<usize>>,
}

/// The level of the numbering at the start of `line` and the rest of the line.
fn numbering(line: &str) -> Option<(u8, &str)> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let c = |k: usize| chars.get(k).map(|&(_, c)| half_width(c));
    let rest = |k: usize| chars.get(k).map_or("", |&(at, _)| &line[at..]);
    let run = |from: usize, chinese: bool| {
        (from..chars.len())
            .take_while(|&k| {
                c(k).is_some_and(|c| {
                    if chinese {
                        is_chinese_numeral(c)
                    } else {
                        c.is_ascii_digit()
                    }
                })
            })
            .count()
    };
    if c(0) == Some('第') {
        let n = run(1, true);
        let after: String = chars.iter().skip(1 + n).take(2).map(|&(_, c)| c).collect();
        if n > 0 && (after == "部分" || after.starts_with('章') || after.starts_with('节')) {
            return Some((0, rest(1 + n + after.chars().count())));
        }
        return None;
    }
    let bracketed = matches!(c(0), Some('('));
    let from = usize::from(bracketed);
    for (chinese, level) in [(true, 1u8), (false, 3u8)] {
        let n = run(from, chinese);
        if n == 0 || n > 3 {
            continue;
        }
        let close = c(from + n);
        let level = level + u8::from(bracketed);
        let closed = if bracketed {
            close == Some(')')
        } else {
            close == Some('、')
                || (close == Some('.') && !c(from + n + 1).is_some_and(|c| c.is_ascii_digit()))
        };
        if closed {
            return Some((level, rest(from + n + 1)));
        }
    }
    None
}

/// The heading words of a numbered line: up to its first punctuation.
fn own_words(rest: &str) -> String {
    let words: String = rest
        .chars()
        .filter(|c| !matches!(c, '*' | '#') && !c.is_whitespace())
        .take_while(|c| !"。：:！？；;，,!?".contains(*c))
        .take(HEADING_TEXT_CHARS)
        .collect();
    words
}

/// A short line of its own, without punctuation (a trailing colon aside).
fn unnumbered(line: &str) -> Option<String> {
    let visible: String = line
        .chars()
        .filter(|c| !matches!(c, '*' | '#') && !c.is_whitespace())
        .collect();
    let visible = visible.trim_end_matches([':', '：']);
    let cjk = visible
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count();
    let heading = visible.chars().count() <= SHORT_HEADING_CHARS
        && cjk >= 2
        && !visible.chars().any(|c| "。，,；;！？!?|<>".contains(c))
        && !NOT_HEADINGS.iter().any(|w| visible.contains(w))
        && date_in(visible).is_none();
    heading.then(|| visible.to_string())
}

impl Sections {
    pub(super) fn read(text: &str, period: Option<i32>) -> Sections {
        let mut headings: Vec<Heading> = lines(text)
            .filter_map(|line| {
                let (level, numbered, words) = match numbering(line.text) {
                    Some((level, rest)) => (level, true, own_words(rest)),
                    None => (1, false, unnumbered(line.text)?),
                };
                Some(heading(line.start, level, numbered, words, period))
            })
            .collect();
        let mut next_numbered = None;
        for h in headings.iter_mut().rev() {
            if h.numbered {
                next_numbered = Some(h.level);
            } else {
                h.children = next_numbered;
                next_numbered = None;
            }
        }
        for a in 0..headings.len() {
            let h = &headings[a];
            let until = headings[a + 1..]
                .iter()
                .find(|b| ends(h, b))
                .map_or(text.len(), |b| b.start);
            headings[a].until = until;
        }
        let mut parent = Vec::with_capacity(headings.len());
        let mut open: Vec<usize> = Vec::new();
        for h in &headings {
            while open
                .last()
                .is_some_and(|&top| headings[top].until <= h.start)
            {
                open.pop();
            }
            parent.push(open.last().copied());
            open.push(parent.len() - 1);
        }
        Sections { headings, parent }
    }

    /// The headings whose sections hold byte `at`, outermost first.
    pub(super) fn around(&self, at: usize) -> impl Iterator<Item = &Heading> {
        let last = self
            .headings
            .partition_point(|h| h.start <= at)
            .checked_sub(1);
        let chain = std::iter::successors(last, |&k| self.parent[k]);
        let mut holding: Vec<&Heading> = chain
            .map(|k| &self.headings[k])
            .filter(|h| at < h.until)
            .collect();
        holding.reverse();
        holding.into_iter()
    }

    /// The plan heading over byte `at`, if it is in a plan's section.
    pub(super) fn plan_at(&self, at: usize) -> Option<&Heading> {
        self.around(at).filter(|h| h.plan).last()
    }
}

/// Whether heading `b`, after `h`, ends `h`'s section.
fn ends(h: &Heading, b: &Heading) -> bool {
    let above_children = h
        .children
        .is_some_and(|level| b.numbered && b.level < level);
    match (h.numbered, h.major) {
        (true, _) => (b.numbered && b.level <= h.level) || (!b.numbered && b.major),
        (false, true) => (!b.numbered && b.major) || above_children,
        (false, false) => !b.numbered || above_children,
    }
}

fn heading(start: usize, level: u8, numbered: bool, text: String, period: Option<i32>) -> Heading {
    let year = years_in(&text).first().copied();
    let next_year = ["明年", "来年", "下一年"].iter().any(|w| text.contains(w));
    let done = DONE_WORDS.iter().any(|w| text.contains(w));
    let ahead = PLAN_WORDS.iter().any(|w| text.contains(w))
        || (year.zip(period).is_some_and(|(y, p)| y > p)
            && ["工作", "任务", "目标", "重点"]
                .iter()
                .any(|w| text.contains(w)));
    let major = !numbered && (year.is_some() || ahead || done);
    Heading {
        start,
        until: start,
        level,
        numbered,
        major,
        children: None,
        plan: ahead && !done,
        year,
        next_year,
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_numbered_or_short_lines() {
        assert_eq!(numbering("一、坚持党建引领").map(|(l, _)| l), Some(1));
        assert_eq!(numbering("（二）群众体育").map(|(l, _)| l), Some(2));
        assert_eq!(
            numbering("1. **全民健身热潮涌动。**科学制定").map(|(l, r)| (l, own_words(r))),
            Some((3, "全民健身热潮涌动".to_string()))
        );
        assert_eq!(numbering("(3)赛事").map(|(l, _)| l), Some(4));
        assert_eq!(numbering("1.5万人参加"), None);
        assert_eq!(numbering("第二部分 工作计划").map(|(l, _)| l), Some(0));
        assert_eq!(
            unnumbered("争金夺银 剑指奥运").as_deref(),
            Some("争金夺银剑指奥运")
        );
        assert_eq!(unnumbered("本报记者 孙军"), None);
        assert_eq!(unnumbered("2022 年 12 月 30 日"), None);
    }

    #[test]
    fn a_plan_section_runs_to_the_next_heading_of_its_level() {
        let text = "一、2023年工作\n（一）赛事\n办赛10场。\n二、2024年工作计划\n（一）赛事\n办赛12场。\n三、其他\n办赛1场。";
        let sections = Sections::read(text, Some(2023));
        let at = |s: &str| text.find(s).unwrap();
        assert!(sections.plan_at(at("办赛10场")).is_none());
        let plan = sections.plan_at(at("办赛12场")).unwrap();
        assert_eq!(
            (plan.text.as_str(), plan.year),
            ("2024年工作计划", Some(2024))
        );
        assert!(sections.plan_at(at("办赛1场")).is_none());

        let text = "2023年工作总结\n一、赛事\n办赛10场。\n2024年工作计划\n一、赛事\n办赛12场。\n二、设施\n新建步道2条。";
        let sections = Sections::read(text, Some(2023));
        let at = |s: &str| text.find(s).unwrap();
        assert!(sections.plan_at(at("办赛10场")).is_none());
        assert!(sections.plan_at(at("办赛12场")).is_some());
        assert!(sections.plan_at(at("新建步道2条")).is_some());
        assert_eq!(sections.around(at("办赛12场")).last().unwrap().text, "赛事");
    }
}
