//! The report's head and foot: the first and last short lines, where its title, publisher and
//! date are written, and what they say.

/// How many non-empty lines at the top and at the bottom are looked at.
const HEAD_LINES: usize = 8;
const FOOT_LINES: usize = 6;
/// A line longer than this (in characters) is a paragraph: the head ends before it.
const MAX_HEAD_LINE_CHARS: usize = 80;
/// A publisher's name on a line of its own is at most this long (in characters).
const MAX_ORGANISATION_CHARS: usize = 30;

/// Words of a web page's frame, a watermark or a byline: such a line is not the title.
const NOT_A_TITLE: &[&str] = &[
    "位置",
    "首页",
    "仅供",
    "禁止",
    "会员",
    "QQ",
    "版权",
    "字体",
    "日期",
    "来源",
    "发布时间",
    "浏览",
    "打印",
    "关闭",
    "分享",
    "【",
    "】",
    "记者",
    "编辑",
    "作者",
    "责任",
    "整理",
];

/// Words a report's title usually has: of its kind first, then of its subject.
const TITLE_WORDS: &[&[&str]] = &[
    &["总结", "报告", "计划", "会议", "工作", "综述", "回顾"],
    &["体育", "发展", "健身", "活动"],
];

/// A line of the text: its byte range and its text, trimmed.
#[derive(Clone, Debug)]
pub(super) struct Line<'a> {
    pub(super) start: usize,
    pub(super) text: &'a str,
}

/// The head and foot lines of a report.
pub(super) struct Head<'a> {
    pub(super) top: Vec<Line<'a>>,
    pub(super) bottom: Vec<Line<'a>>,
}

/// The non-empty lines of `text`, trimmed, with where each starts.
pub(super) fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let mut start = 0;
    text.split_inclusive('\n').filter_map(move |raw| {
        let at = start;
        start += raw.len();
        let trimmed = raw.trim();
        let lead = raw.len() - raw.trim_start().len();
        (!trimmed.is_empty()).then_some(Line {
            start: at + lead,
            text: trimmed,
        })
    })
}

fn short(line: &Line) -> bool {
    line.text.chars().count() <= MAX_HEAD_LINE_CHARS
}

impl<'a> Head<'a> {
    pub(super) fn read(text: &'a str) -> Head<'a> {
        let top: Vec<Line> = lines(text).take_while(short).take(HEAD_LINES).collect();
        let all: Vec<Line> = lines(text).collect();
        let mut bottom: Vec<Line> = all
            .iter()
            .rev()
            .take_while(|l| short(l))
            .take(FOOT_LINES)
            .filter(|l| top.iter().all(|t| t.start != l.start))
            .cloned()
            .collect();
        bottom.reverse();
        Head { top, bottom }
    }

    /// The title: the first head line that reads like one (not a page frame, a watermark or
    /// a byline), else the first line.
    pub(super) fn title(&self) -> &'a str {
        let plausible = |l: &&Line| {
            !NOT_A_TITLE.iter().any(|w| l.text.contains(w))
                && l.text.chars().count() >= 6
                && date_in(l.text).is_none()
        };
        TITLE_WORDS
            .iter()
            .find_map(|words| {
                self.top
                    .iter()
                    .filter(plausible)
                    .find(|l| words.iter().any(|w| l.text.contains(w)))
            })
            .or_else(|| self.top.iter().find(plausible))
            .or(self.top.first())
            .map_or("", |l| l.text.trim_start_matches(['—', '-']))
    }

    /// The head lines from the title on, and the foot lines: where a place, a year or a
    /// publisher is written.
    pub(super) fn title_lines(&self) -> Vec<&'a str> {
        let title = self.title();
        let from = self
            .top
            .iter()
            .position(|l| l.text.ends_with(title))
            .unwrap_or(0);
        self.top[from..].iter().map(|l| l.text).collect()
    }

    /// Where a place may be written: the title first, then the other head lines, then the foot.
    pub(super) fn place_lines(&self) -> Vec<(&'static str, &'a str)> {
        let title = self.title();
        let others = self
            .top
            .iter()
            .map(|l| l.text)
            .filter(|t| !t.ends_with(title) && !is_sentence(t));
        std::iter::once(("标题", title))
            .chain(others.map(|t| ("文首", t)))
            .chain(
                self.bottom
                    .iter()
                    .filter(|l| !is_sentence(l.text))
                    .map(|l| ("文末", l.text)),
            )
            .collect()
    }

    /// The date written in the head or the foot, as "YYYY-MM-DD".
    pub(super) fn published(&self) -> Option<(String, &'a str)> {
        self.top
            .iter()
            .chain(self.bottom.iter().rev())
            .find_map(|l| date_in(l.text).map(|d| (d, l.text)))
    }

    /// The publisher named in the head or foot ("重庆市体育局主办", "来源：…"), else the body
    /// (体育局) the title names.
    pub(super) fn publisher(&self) -> Option<String> {
        let title = self.title();
        let labelled = self
            .top
            .iter()
            .chain(&self.bottom)
            .find_map(|l| labelled(l.text));
        let own_line = || {
            self.top
                .iter()
                .chain(&self.bottom)
                .map(|l| l.text)
                .find(|&t| t != title && is_organisation(t))
                .map(str::to_string)
        };
        labelled.or_else(own_line).or_else(|| {
            self.title_lines()
                .iter()
                .find_map(|line| bureau_in(line).map(str::to_string))
        })
    }
}

/// Whether `line` is a sentence of the body (it has a comma or a full stop), not a title, byline or signature.
fn is_sentence(line: &str) -> bool {
    line.contains(['，', '。', '；'])
}

/// Whether `line` is an organisation's name on its own (新乡市体育局, YY县文化广电和旅游体育局,
/// 中共X县体育局党组), as a publisher signs.
fn is_organisation(line: &str) -> bool {
    const ENDS: &[&str] = &["局", "委员会", "局党组", "体育总会", "人民政府"];
    let n = line.chars().count();
    (4..=MAX_ORGANISATION_CHARS).contains(&n)
        && ENDS.iter().any(|e| line.ends_with(e))
        && line
            .chars()
            .all(|c| c.is_alphabetic() || "（）()".contains(c))
}

/// "来源：X", "发布单位：X", "X主办", "X版权所有".
fn labelled(line: &str) -> Option<String> {
    for label in ["来源", "发布单位", "发文单位", "发布机构", "主办单位"] {
        if let Some(at) = line.find(label) {
            let rest = line[at + label.len()..].trim_start_matches([':', '：', ' ', '\u{3000}']);
            let name: String = rest.chars().take_while(|c| !c.is_whitespace()).collect();
            if name.contains('局') || name.contains("委员会") || name.contains("政府") {
                return Some(name);
            }
        }
    }
    for mark in ["主办", "版权所有"] {
        if let Some(at) = line.find(mark) {
            let before = line[..at].trim_end();
            let name = before.rsplit(char::is_whitespace).next().unwrap_or(before);
            if name.ends_with('局') || name.ends_with("委员会") || name.ends_with("政府") {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// The name of a sports bureau written in `line`: the words before 体育局 back to a year, a
/// number, punctuation or white space ("X县体育局", "市体育局").
pub(super) fn bureau_in(line: &str) -> Option<&str> {
    const BUREAU: &str = "体育局";
    let at = line.find(BUREAU)?;
    let end = at + BUREAU.len();
    let start = line[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| {
            (c.is_alphabetic() || c == '（' || c == '）') && !"年度的了和与及在于对—".contains(c)
        })
        .last()
        .map_or(at, |(i, _)| i);
    Some(&line[start..end])
}

/// A date written in `line`: 2024年1月15日, 2022 年 12 月 30 日, 2021-05-28, 2021/5/28, 2021.5.28.
pub(super) fn date_in(line: &str) -> Option<String> {
    let compact: String = line
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(sportdash_core::numerals::half_width)
        .collect();
    let chars: Vec<char> = compact.chars().collect();
    (0..chars.len()).find_map(|i| date_at(&chars, i))
}

fn date_at(chars: &[char], i: usize) -> Option<String> {
    if i > 0 && chars[i - 1].is_ascii_digit() {
        return None;
    }
    let digits = |from: usize, max: usize| -> (usize, Option<u32>) {
        let n = chars[from.min(chars.len())..]
            .iter()
            .take(max)
            .take_while(|c| c.is_ascii_digit())
            .count();
        let value: String = chars[from..from + n].iter().collect();
        (from + n, value.parse().ok())
    };
    let (j, year) = digits(i, 4);
    let year = year.filter(|y| (1990..=2100).contains(y) && j == i + 4)?;
    let separator = *chars.get(j)?;
    if !matches!(separator, '年' | '-' | '/' | '.') {
        return None;
    }
    let (k, month) = digits(j + 1, 2);
    let month = month.filter(|m| (1..=12).contains(m))?;
    let after_month = match separator {
        '年' => '月',
        other => other,
    };
    if chars.get(k) != Some(&after_month) {
        return None;
    }
    let (l, day) = digits(k + 1, 2);
    let day = day.filter(|d| (1..=31).contains(d))?;
    if chars.get(l).is_some_and(char::is_ascii_digit) {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_in_their_written_forms() {
        assert_eq!(
            date_in("2022 年 12 月 30 日").as_deref(),
            Some("2022-12-30")
        );
        assert_eq!(date_in("日期: 2021-05-28").as_deref(), Some("2021-05-28"));
        assert_eq!(date_in("2024年1月15日").as_deref(), Some("2024-01-15"));
        assert_eq!(date_in("３月８日召开"), None);
        assert_eq!(date_in("渝ICP备2020011968号"), None);
    }

    #[test]
    fn the_title_skips_page_frames_and_watermarks() {
        let text = "仅供学习 禁止外传\n酷乐文行\nX县体育局党组2020年党建工作总结\n\n正文";
        assert_eq!(Head::read(text).title(), "X县体育局党组2020年党建工作总结");
        let text =
            "您当前的位置: 首页 > 部门动态\n\n市体育局扎实开展实践活动\n\n日期: 2021-05-28\n";
        let head = Head::read(text);
        assert_eq!(head.title(), "市体育局扎实开展实践活动");
        assert_eq!(head.published().unwrap().0, "2021-05-28");
    }

    #[test]
    fn the_publisher_is_the_labelled_one_or_the_titles_bureau() {
        let text = "标题\n正文\n重庆市体育局版权所有     重庆市体育局主办\n";
        assert_eq!(
            Head::read(text).publisher().as_deref(),
            Some("重庆市体育局")
        );
        let text = "X县体育局党组2020年党建工作总结\n";
        assert_eq!(Head::read(text).publisher().as_deref(), Some("X县体育局"));
        let text = "YY县文化广电和旅游体育局\n2023年体育工作总结\n正文。\n";
        assert_eq!(
            Head::read(text).publisher().as_deref(),
            Some("YY县文化广电和旅游体育局")
        );
        let text = "2023年工作总结\n正文。\n新乡市体育局\n2024年1月15日\n";
        assert_eq!(
            Head::read(text).publisher().as_deref(),
            Some("新乡市体育局")
        );
    }
}
