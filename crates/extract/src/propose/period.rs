//! The year a report reviews, and how it was read: a summary's title (2023年工作总结), a
//! sentence that reviews a year (回顾总结2023年全市体育工作), a yearly work conference (2024年
//! 全市体育工作会议 reviews 2023), a year in the title, the date it was written, or the latest
//! year it names.

use sportdash_core::model::Text;
use sportdash_core::numerals::half_width;

use super::head::{date_in, Head};

/// Words of a title that reviews its year.
const SUMMARY_WORDS: &[&str] = &["总结", "报告", "年报", "述职", "回顾", "工作情况"];
/// Words of a title or clause that looks ahead.
const AHEAD_WORDS: &[&str] = &["计划", "要点", "打算", "部署", "安排", "展望", "会议"];

pub(super) struct Period {
    pub(super) year: Option<i32>,
    pub(super) read: Text,
}

fn read_as(year: i32, zh: String, en: String) -> Period {
    Period {
        year: Some(year),
        read: Text { zh, en: Some(en) },
    }
}

/// The years written as "YYYY年" (white space allowed: 2022 年) in `text`, in order.
pub(super) fn years_in(text: &str) -> Vec<i32> {
    let chars: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(half_width)
        .collect();
    let mut years = Vec::new();
    for i in 0..chars.len().saturating_sub(4) {
        let digits = &chars[i..i + 4];
        let before_digit = i > 0 && chars[i - 1].is_ascii_digit();
        if before_digit || !digits.iter().all(char::is_ascii_digit) || chars[i + 4] != '年' {
            continue;
        }
        let year: i32 = digits.iter().collect::<String>().parse().unwrap_or(0);
        if (1990..=2100).contains(&year) {
            years.push(year);
        }
    }
    years
}

fn has_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// The year `head` and `text` say the report reviews.
pub(super) fn read(head: &Head, text: &str) -> Period {
    let titles: Vec<&str> = head
        .title_lines()
        .into_iter()
        .filter(|line| date_in(line).is_none())
        .collect();
    for line in &titles {
        if let [year, ..] = years_in(line)[..] {
            if has_any(line, SUMMARY_WORDS) && !has_any(line, AHEAD_WORDS) {
                return read_as(
                    year,
                    format!("标题：{line}"),
                    format!("the title reviews {year}"),
                );
            }
        }
    }
    if let Some((year, clause)) = reviewing_clause(text) {
        return read_as(
            year,
            format!("正文：{clause}"),
            format!("the text reviews {year}"),
        );
    }
    for line in &titles {
        if let [year, ..] = years_in(line)[..] {
            if line.contains("会议") {
                return read_as(
                    year - 1,
                    format!("标题：{line}（年度工作会议回顾上一年）"),
                    format!(
                        "the title names the {year} work conference, which reviews {}",
                        year - 1
                    ),
                );
            }
            return read_as(
                year,
                format!("标题：{line}"),
                format!("the title names {year}"),
            );
        }
    }
    if let Some((date, line)) = head.published() {
        let year: i32 = date[..4].parse().unwrap_or(0);
        let month: u32 = date[5..7].parse().unwrap_or(0);
        if month <= 2 && text.contains("去年") {
            return read_as(
                year - 1,
                format!("发布日期：{line}（年初，回顾去年）"),
                format!("written early in {year} about the year before"),
            );
        }
        return read_as(
            year,
            format!("发布日期：{line}"),
            format!("the date it was written, {date}"),
        );
    }
    match years_in(text).into_iter().max() {
        Some(year) => read_as(
            year,
            format!("标题和日期未写明年份；读作正文提到的最晚年份{year}年"),
            format!(
                "neither title nor date gives the year; read as {year}, the latest the text names"
            ),
        ),
        None => Period {
            year: None,
            read: Text {
                zh: "标题、日期和正文均未写明年份".to_string(),
                en: Some("no year is written in the title, date or text".to_string()),
            },
        },
    }
}

/// The first clause that reviews one year: 回顾总结2023年全市体育工作, 对2021年…工作进行了总结.
fn reviewing_clause(text: &str) -> Option<(i32, &str)> {
    text.split(['，', ',', '。', '；', ';', '！', '？', '\n'])
        .filter(|clause| clause.chars().count() <= 80)
        .find_map(|clause| {
            let years = years_in(clause);
            let reviews = (clause.contains("回顾") || clause.contains("总结"))
                && !has_any(clause, &AHEAD_WORDS[..6]);
            match years[..] {
                [year] if reviews => Some((year, clause.trim())),
                _ => None,
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(text: &str) -> Option<i32> {
        read(&Head::read(text), text).year
    }

    #[test]
    fn the_year_is_read_from_the_title_a_review_a_conference_or_the_date() {
        assert_eq!(year("河东区体育系统 2022 年工作总结\n正文"), Some(2022));
        assert_eq!(
            year("标题\n——2024年全市体育工作会议精神解读\n会议回顾总结2023年全市体育工作,安排部署2024年工作任务。"),
            Some(2023)
        );
        assert_eq!(year("标题\n——2024年全市体育工作会议精神解读\n"), Some(2023));
        assert_eq!(year("市体育局开展活动\n日期: 2021-05-28\n正文"), Some(2021));
        assert_eq!(
            year("市体育局工作回顾\n2024年1月15日\n去年,我市举办比赛。"),
            Some(2023)
        );
        assert_eq!(year("市体育局开展活动\n正文"), None);
    }
}
