//! A mention made a candidate: its verbatim quote, year, status and proposed indicator.

use sportdash_core::model::{Source, Status, Text, YearBasis};
use sportdash_core::units;

use super::mention::{Kind, Mention};
use super::{Found, Reader, RuleMatch};
use crate::layout::{is_plan, Sentence};
use crate::rules::{INDICATOR_RULES, RANK_RULES};
use crate::text::{is_clause_end, is_sentence_end};
use crate::Candidate;

/// A quote longer than this (in characters, white space aside) is cut down around the number.
const MAX_QUOTE_CHARS: usize = 60;

/// A note in Chinese and English.
fn both(zh: String, en: String) -> Text {
    Text { zh, en: Some(en) }
}

impl Reader<'_> {
    /// Records `mention` as a candidate, or notes that it repeats one word for word.
    pub(super) fn propose(&mut self, mention: Mention) {
        let chars = self.chars;
        let i = mention.number.start;
        let (quote_start, quote_end) = self.quote_span(i, mention.end);
        let quote = self.text[chars[quote_start].start as usize..chars[quote_end - 1].end as usize]
            .to_string();
        let key = (
            mention.number.value.to_bits(),
            mention.value_max.map(f64::to_bits),
            mention.unit.clone(),
            quote.clone(),
            chars[i].start as usize - chars[quote_start].start as usize,
        );
        if !self.seen.insert(key) {
            self.note(
                i,
                mention.end,
                "repeats a candidate word for word".to_string(),
            );
            return;
        }
        let sentence = &self.layout.sentences[self.layout.sentence_of[i] as usize];
        let (year, year_basis, year_note) = self.year(sentence, i);
        let plan = sentence.plan && !self.clause_reports_a_fact(i);
        let target =
            plan || matches!((year, self.options.year), (Some(y), Some(report)) if y > report);
        let rule = self.rule(&mention);
        let note = (!units::is_known(&mention.unit)).then(|| {
            both(
                format!("单位“{}”不在 units.rs 的单位表中", mention.unit),
                format!("unit {} is not one units.rs knows", mention.unit),
            )
        });
        self.out.candidates.push(Candidate {
            entity: self.options.entity.clone(),
            year,
            year_basis,
            year_note,
            indicator: rule.as_ref().map(|r| r.id.to_string()),
            value: mention.number.value,
            value_max: mention.value_max,
            qualifier: mention.qualifier,
            unit: mention.unit,
            status: if target {
                Status::Target
            } else {
                Status::Reported
            },
            source: Source {
                doc: self.options.doc.clone(),
                quote,
            },
            note,
            offset: chars[i].start as usize,
        });
        self.found.push(Found {
            start: i,
            number_end: mention.number.end,
            end: mention.end,
            kind: mention.kind,
            rule,
        });
    }

    /// The clause around the number, cut down to its part between 、 or to a window around the
    /// number when it is long.
    fn quote_span(&self, from: usize, to: usize) -> (usize, usize) {
        let (mut start, mut end) = self.near(from, self.layout.clauses.at(from));
        end = end.max(to);
        if end - start > MAX_QUOTE_CHARS {
            let list_start = (start..from).rev().find(|&k| self.chars[k].c == '、');
            let list_end = (to..end).find(|&k| self.chars[k].c == '、');
            start = list_start.map_or(start, |k| k + 1);
            end = list_end.unwrap_or(end);
        }
        if end - start > MAX_QUOTE_CHARS {
            let half = MAX_QUOTE_CHARS / 2;
            start = start.max(from.saturating_sub(half));
            end = end.min(to + half);
        }
        let punctuation = |k: usize| {
            let c = self.chars[k].c;
            is_clause_end(c) || is_sentence_end(c) || c == '、'
        };
        while start < from && punctuation(start) {
            start += 1;
        }
        while end > to && punctuation(end - 1) {
            end -= 1;
        }
        (start, end.max(start + 1))
    }

    /// Whether the clause around `i` tells of something done (已, 了) without a plan word of its
    /// own: 吸引了200余人 in a sentence that also says 计划 is a fact.
    fn clause_reports_a_fact(&self, i: usize) -> bool {
        let (a, b) = self.near(i, self.layout.clauses.at(i));
        let clause = self.text_of((a, b));
        let done = clause.contains('已')
            || clause
                .replace("为了", "")
                .replace("了解", "")
                .contains('了');
        done && !is_plan(self.chars, &self.layout.quoted, a, b)
    }

    /// The year of the number at `i` in `sentence`, how it was read, and a note saying so.
    fn year(
        &self,
        sentence: &Sentence,
        i: usize,
    ) -> (Option<i32>, Option<YearBasis>, Option<Text>) {
        let named = &sentence.years;
        // 目前 / 截至目前 speaks for the rest of the sentence from where it stands.
        let current = sentence
            .current_from
            .is_some_and(|at| at < self.layout.clauses.at(i).1);
        let given = self.options.year;
        if let [year] = named.as_slice() {
            return (Some(*year), Some(YearBasis::Stated), None);
        }
        let (prefix_zh, prefix_en) = if named.len() > 1 {
            let list: Vec<String> = named.iter().map(i32::to_string).collect();
            (
                format!("句中有多个年份（{}）；", list.join("、")),
                format!("the sentence names several years ({}); ", list.join(", ")),
            )
        } else {
            Default::default()
        };
        let this_year = matches!(sentence.relative, Some("今年" | "明年"));
        if this_year || (sentence.plan && sentence.relative != Some("去年")) {
            if let Some(latest) = self.latest_year.filter(|y| given.is_none_or(|g| y >= &g)) {
                return (
                    Some(latest),
                    Some(YearBasis::PublicationDate),
                    Some(both(
                        format!("{prefix_zh}“今年”或计划：读作报告提到的最晚年份{latest}年"),
                        format!(
                            "{prefix_en}今年 (this year) or a plan: read as {latest}, the latest year the report names"
                        ),
                    )),
                );
            }
        }
        let Some(year) = given else {
            return (
                None,
                None,
                Some(both(
                    format!("{prefix_zh}未给出报告的年份"),
                    format!("{prefix_en}no year given for the report"),
                )),
            );
        };
        if current {
            return (
                Some(year),
                Some(YearBasis::PublicationDate),
                Some(both(
                    format!("{prefix_zh}写作报告发布时的现状（目前）；读作报告年份{year}年"),
                    format!(
                        "{prefix_en}given as current (目前) at the report's date; read as {year}, the report's year"
                    ),
                )),
            );
        }
        let (relative_zh, relative_en) = match sentence.relative {
            Some(word) => (
                format!("（句中写作“{word}”）"),
                format!(" (the sentence says {word})"),
            ),
            None => Default::default(),
        };
        (
            Some(year),
            Some(YearBasis::ReportPeriod),
            Some(both(
                format!("{prefix_zh}报告所述年度{relative_zh}"),
                format!("{prefix_en}the year the report reviews{relative_en}"),
            )),
        )
    }

    /// The keyword rule that proposes an indicator for `mention`, if one does.
    fn rule(&self, mention: &Mention) -> Option<RuleMatch> {
        match mention.kind {
            Kind::Medal(colour) => {
                return Some(RuleMatch {
                    id: colour,
                    words: &[],
                    distance: 0,
                })
            }
            Kind::Rank => {
                let i = mention.number.start;
                let sentence = &self.layout.sentences[self.layout.sentence_of[i] as usize];
                let (a, _) = self.near(i, sentence.span);
                let before = self.text_of((a, i));
                return RANK_RULES
                    .iter()
                    .find(|(word, _)| before.contains(word))
                    .map(|(word, id)| RuleMatch {
                        id,
                        words: std::slice::from_ref(word),
                        distance: before
                            .rfind(word)
                            .map_or(0, |b| before[b..].chars().count()),
                    });
            }
            Kind::Count => {}
        }
        let (before, after) = self.list_item(mention);
        let distance = |word: &str| -> Option<usize> {
            let after_at = after.find(word).map(|b| after[..b].chars().count());
            let before_at = before
                .rfind(word)
                .map(|b| before[b..].chars().count() - word.chars().count());
            match (after_at, before_at) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            }
        };
        INDICATOR_RULES
            .iter()
            .filter(|(_, units, _)| units.contains(&mention.unit.as_str()))
            .filter_map(|(words, _, id)| {
                let distances: Option<Vec<usize>> = words.iter().map(|w| distance(w)).collect();
                distances.map(|d| RuleMatch {
                    id,
                    words,
                    distance: d[0],
                })
            })
            .min_by_key(|rule| rule.distance)
    }

    /// The number's part of its clause, between 、 (or the clause's ends): the text before the
    /// number and after the mention.
    fn list_item(&self, mention: &Mention) -> (String, String) {
        let i = mention.number.start;
        let (clause_start, clause_end) = self.near(i, self.layout.clauses.at(i));
        let start = (clause_start..i)
            .rev()
            .find(|&k| self.chars[k].c == '、')
            .map_or(clause_start, |k| k + 1);
        let end = (mention.end..clause_end)
            .find(|&k| self.chars[k].c == '、')
            .unwrap_or(clause_end.max(mention.end));
        let before = self.text_of((start, i));
        let after = self.text_of((mention.end.min(end), end));
        (before, after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract;
    use crate::test_support::{only, options};

    #[test]
    fn a_year_the_sentence_names_is_stated() {
        let c = only("2020年局系统评选出5个先进党支部。", Some(2021));
        assert_eq!(
            (c.year, c.year_basis),
            (Some(2020), Some(YearBasis::Stated))
        );
        assert_eq!(c.year_note, None);
    }

    #[test]
    fn otherwise_the_report_year_is_used_and_explained() {
        let c = only("去年,市体育局开展了200多项群众体育活动。", Some(2023));
        assert_eq!(
            (c.year, c.year_basis),
            (Some(2023), Some(YearBasis::ReportPeriod))
        );
        assert!(c.year_note.unwrap().zh.contains("去年"));
        let c = only("截至目前我区共有单项体育协会17家。", Some(2022));
        assert_eq!(c.year_basis, Some(YearBasis::PublicationDate));
        let c = only("开展全民健身活动110次。", None);
        assert_eq!((c.year, c.year_basis), (None, None));
    }

    #[test]
    fn plans_are_targets_in_the_year_the_report_is_written() {
        let text = "2024年工作会议召开。\n\n今年,市体育局将优化布局。同时,保持青少年体育后备人才阵营4000人的规模。\n\n去年获得3金。";
        let found = extract(text, &options(Some(2023))).candidates;
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].status, Status::Target);
        assert_eq!(found[0].year, Some(2024));
        assert_eq!(found[0].indicator.as_deref(), Some("youth_reserve_talent"));
        assert_eq!(found[1].status, Status::Reported);
        assert_eq!(found[1].year, Some(2023));
        let c = only("全年计划开展8至10站活动。", Some(2021));
        assert_eq!(c.status, Status::Target);
        let c = only("将职鉴工作和运动员保障工作结合,培训20人。", Some(2021));
        assert_eq!(c.status, Status::Reported);
    }

    #[test]
    fn quotes_are_verbatim_short_and_hold_the_number() {
        // A line broken mid-sentence (as in text taken from a PDF) runs on.
        let text = "去年,我市聚焦体育惠民利民,群众体育蓬勃发展。全市人均体育场地面积达到\n\n2.62平方米,位居全省第二。";
        let found = extract(text, &options(Some(2023))).candidates;
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0].source.quote,
            "全市人均体育场地面积达到\n\n2.62平方米"
        );
        assert_eq!(found[1].source.quote, "位居全省第二");
        assert_eq!(&text[found[0].offset..found[0].offset + 4], "2.62");
        let long = format!(
            "{}完成了40个健身园、2个笼式足球场、5个社区体育园{}",
            "甲".repeat(40),
            "乙".repeat(40)
        );
        for c in extract(&long, &options(None)).candidates {
            assert!(
                c.source.quote.chars().count() <= MAX_QUOTE_CHARS,
                "{}",
                c.source.quote
            );
            assert!(long.contains(&c.source.quote));
        }
    }

    #[test]
    fn a_sentence_repeated_word_for_word_gives_one_candidate() {
        let text = "开展了200多项群众体育活动。\n\n开展了200多项群众体育活动。";
        let found = extract(text, &options(None));
        assert_eq!(found.candidates.len(), 1);
        assert!(found.notes.iter().any(|n| n.message.contains("repeats")));
    }
}
