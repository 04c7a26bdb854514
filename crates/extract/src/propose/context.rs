//! The competition or event a number belongs to: a name in 《》 or “” that names one, or a
//! 第N届…运动会/锦标赛/比赛/联赛 phrase, nearest the number in its sentence, else in the
//! headings over it.

use sportdash_core::model::Text;

use super::around::Around;

/// Words that end an event's name, longest first where one holds another.
const EVENT_ENDS: &[&str] = &[
    "全运会",
    "亚运会",
    "奥运会",
    "冬奥会",
    "冬运会",
    "残运会",
    "学青会",
    "省运会",
    "市运会",
    "青运会",
    "民运会",
    "运动会",
    "锦标赛",
    "冠军赛",
    "联赛",
    "公开赛",
    "邀请赛",
    "挑战赛",
    "总决赛",
    "大赛",
    "比赛",
    "马拉松",
    "文化节",
    "健身节",
    "运动节",
    "体育节",
    "体育大会",
    "健身大会",
    "夜跑",
    "运会",
];
/// Words that end a document's name, not an event's (《…活动实施方案》).
const DOCUMENT_ENDS: &[&str] = &[
    "方案", "办法", "规定", "意见", "通知", "计划", "规划", "纲要", "条例", "标准", "决定", "细则",
];
/// Words in quotation marks that make the quotation an event's name.
const EVENT_WORDS: &[&str] = &[
    "赛",
    "运动会",
    "运会",
    "杯",
    "节",
    "大会",
    "活动",
    "健身月",
    "马拉松",
    "夜跑",
    "展演",
];
/// Ends that are a name only with words before them (参加比赛 is no name).
const GENERIC_ENDS: &[&str] = &["比赛", "大赛", "联赛", "夜跑"];
/// Words before a name that are not part of it.
const BEFORE_NAMES: &[&str] = &[
    "参加", "参与", "举办", "承办", "主办", "组织", "开展", "组队", "代表", "获得", "荣获", "本届",
    "各类", "各项", "系列", "推动", "持续", "在", "于", "了", "的", "和", "及", "与", "赴", "到",
    "该", "此",
];
const MAX_NAME_CHARS: usize = 24;

/// Event names in `text`: (where the name ends, the name).
fn events_in(text: &str) -> Vec<(usize, String)> {
    let mut found = quoted(text);
    for end in EVENT_ENDS {
        for (at, _) in text.match_indices(end) {
            let stop = at + end.len();
            let longer = EVENT_ENDS
                .iter()
                .any(|e| e.len() > end.len() && e.ends_with(end) && text[..stop].ends_with(e));
            if longer || found.iter().any(|(s, _)| *s == stop) {
                continue;
            }
            let start = name_start(text, at);
            if start == at && GENERIC_ENDS.contains(end) {
                continue;
            }
            found.push((stop, text[start..stop].to_string()));
        }
    }
    found.sort();
    found
}

/// Where a name ending in an event word at `at` starts: back over letters and numerals to
/// punctuation or a word that is not part of it.
fn name_start(text: &str, at: usize) -> usize {
    let mut start = at;
    for (i, c) in text[..at].char_indices().rev() {
        let part = c.is_alphanumeric() || "“”《》·".contains(c);
        if !part || text[..at].chars().count() - text[..i].chars().count() > MAX_NAME_CHARS {
            break;
        }
        if BEFORE_NAMES.iter().any(|w| text[..start].ends_with(w)) {
            break;
        }
        start = i;
    }
    start
}

/// Names in 《》 “” 「」 that name an event.
fn quoted(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (open, close) in [('《', '》'), ('“', '”'), ('「', '」')] {
        let mut rest = 0;
        while let Some(a) = text[rest..].find(open).map(|a| rest + a + open.len_utf8()) {
            let Some(b) = text[a..].find(close).map(|b| a + b) else {
                break;
            };
            let name = &text[a..b];
            let event = EVENT_WORDS.iter().any(|w| name.contains(w))
                && !DOCUMENT_ENDS.iter().any(|w| name.ends_with(w));
            if event && name.chars().count() <= 40 {
                found.push((b + close.len_utf8(), name.to_string()));
            }
            rest = b;
        }
    }
    found
}

/// The event the number in `around` belongs to.
/// In its clause first, then its sentence (before the number, then after), then the headings.
pub(super) fn find(around: &Around) -> Option<Text> {
    let nearest = |(before, after): &(String, String)| {
        events_in(before)
            .into_iter()
            .last()
            .or_else(|| events_in(after).into_iter().next())
    };
    let from_headings = || {
        around
            .headings
            .iter()
            .rev()
            .find_map(|h| events_in(h).into_iter().last())
    };
    nearest(&around.clause)
        .or_else(|| nearest(&around.sentence))
        .or_else(from_headings)
        .map(|(_, zh)| Text { zh, en: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        events_in(text).into_iter().map(|(_, n)| n).collect()
    }

    #[test]
    fn event_names_are_read_to_their_first_word() {
        assert_eq!(
            names("一是积极组队参加天津市第十五届运动会"),
            vec!["天津市第十五届运动会"]
        );
        assert_eq!(
            names("杭州亚运会我市培养输送的4名运动健儿"),
            vec!["杭州亚运会"]
        );
        assert_eq!(
            names("重庆市第十三届高校棋类个人锦标赛,吸引了"),
            vec!["重庆市第十三届高校棋类个人锦标赛"]
        );
        assert_eq!(names("参加比赛"), Vec::<String>::new());
        assert_eq!(names("举办“迎新春”健身大会"), vec!["“迎新春”健身大会"]);
    }
}
