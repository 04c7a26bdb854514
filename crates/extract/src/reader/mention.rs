//! Whether a number is an observation: what follows it (a unit, a medal colour), what comes
//! before it (第, 每, 这 …), and what it is instead when it is not (a date, a code, an ordinal).

use sportdash_core::model::Qualifier;
use sportdash_core::numerals::is_chinese_numeral;

use super::Reader;
use crate::numbers::{
    qualifier_after, qualifier_before, range_end, read_number, unit_at, year_like, Number,
};
use crate::rules::{medal_colour, RANK_WORDS};
use crate::text::{is_clause_end, is_digit};

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Kind {
    Count,
    Medal(&'static str),
    Rank,
}

/// A number that was read as an observation.
pub(super) struct Mention {
    pub(super) number: Number,
    pub(super) end: usize,
    pub(super) value_max: Option<f64>,
    pub(super) qualifier: Qualifier,
    pub(super) unit: String,
    pub(super) kind: Kind,
}

/// Why a number is not an observation; `end` is where reading resumes.
pub(super) struct Skip {
    pub(super) end: usize,
    pub(super) why: String,
}

fn skip(end: usize, why: impl Into<String>) -> Skip {
    Skip {
        end,
        why: why.into(),
    }
}

/// What a number counts, read after it, and where that ends.
struct Measure {
    unit: String,
    kind: Kind,
    /// 余 or 多 was written (200多, 3万余).
    at_least: bool,
    end: usize,
}

impl Reader<'_> {
    /// The number at `i` as an observation, or why it is not one.
    pub(super) fn mention(&self, i: usize) -> Result<Mention, Skip> {
        let (run_end, number) = read_number(self.chars, i);
        let Some(number) = number else {
            return Err(skip(
                run_end,
                "not a quantity (a string of digits or numerals)",
            ));
        };
        self.reject_embedded(&number)?;
        let high = range_end(self.chars, &number);
        let j = high.map_or(number.end, |high| high.end);
        self.reject_date_or_time(&number, high, j)?;
        let before = i.checked_sub(1).and_then(|k| self.c(k));
        if before == Some('第') {
            return self.ordinal(number, high, j);
        }
        if let Some(c) = before.filter(|c| "每这那此该前".contains(*c)) {
            return Err(skip(
                j,
                format!("after {c} (a frequency, a reference back or a top-N)"),
            ));
        }
        let pre = qualifier_before(self.chars, i);
        self.reject_chinese_word(&number, high.is_some(), pre.is_some(), j)?;
        let measure = self.measure(&number, j)?;
        let (post, end) = qualifier_after(self.chars, measure.end);
        let qualifier = if high.is_some() {
            Qualifier::Range
        } else if measure.at_least {
            Qualifier::AtLeast
        } else {
            post.or(pre)
                .or_else(|| self.at_least_in_clause(i))
                .unwrap_or(Qualifier::Exact)
        };
        Ok(Mention {
            number,
            end,
            value_max: high.map(|high| high.value),
            qualifier,
            unit: measure.unit,
            kind: measure.kind,
        })
    }

    /// A number that is part of something else: a code (letters next to it), a name or slogan in
    /// quotation marks.
    fn reject_embedded(&self, number: &Number) -> Result<(), Skip> {
        let (i, j) = (number.start, number.end);
        let before = i.checked_sub(1).and_then(|k| self.c(k));
        if before.is_some_and(|c| c.is_ascii_alphabetic())
            || self.c(j).is_some_and(|c| c.is_ascii_alphabetic())
        {
            return Err(skip(j, "part of a code"));
        }
        if self.layout.quoted[i] {
            return Err(skip(
                j,
                "inside quotation marks or a title (a name or slogan)",
            ));
        }
        Ok(())
    }

    /// A year, a range of years, a date, a time or an age; `j` is where the number (or its
    /// range, `high`) ends.
    fn reject_date_or_time(
        &self,
        number: &Number,
        high: Option<Number>,
        j: usize,
    ) -> Result<(), Skip> {
        let chars = self.chars;
        if let Some(year) = year_like(chars, number) {
            if high.is_some_and(|high| year_like(chars, &high).is_some()) {
                return Err(skip(j, "a range of years"));
            }
            if high.is_some() || matches!(self.c(number.end), Some('/' | '.')) {
                let mut end = j;
                while is_digit(chars, end) || matches!(self.c(end), Some('-' | '/' | '.')) {
                    end += 1;
                }
                return Err(skip(end, "a date"));
            }
            if self.c(j) == Some('年') {
                return Err(skip(j + 1, format!("the year {year}")));
            }
        }
        if matches!(self.c(j), Some('月' | '日' | '号' | '时' | '点' | '岁')) {
            return Err(skip(j + 1, "a date, time, number or age"));
        }
        Ok(())
    }

    /// Chinese numerals that are a word rather than a count: 一 as an article, a bare 百/千/万
    /// with no qualifier before it.
    fn reject_chinese_word(
        &self,
        number: &Number,
        is_range: bool,
        qualified: bool,
        j: usize,
    ) -> Result<(), Skip> {
        if !number.chinese {
            return Ok(());
        }
        let run: String = self.chars[number.start..number.end]
            .iter()
            .map(|ch| ch.c)
            .collect();
        if run == "一" && !is_range {
            return Err(skip(j, "一 as an article"));
        }
        if run.chars().all(|c| "百千万亿".contains(c)) && !qualified {
            return Err(skip(j, "a bare 百/千/万 (a word, not a count)"));
        }
        Ok(())
    }

    /// What the number counts, read from `j`: 余/多, a multiplier 万/亿, then a unit or a medal
    /// colour.
    fn measure(&self, number: &Number, mut j: usize) -> Result<Measure, Skip> {
        let mut at_least = false;
        if matches!(self.c(j), Some('余' | '多')) {
            at_least = true;
            j += 1;
        }
        let mut multiplier = "";
        if (!number.chinese || at_least) && matches!(self.c(j), Some('万' | '亿')) {
            multiplier = if self.c(j) == Some('万') {
                "万"
            } else {
                "亿"
            };
            j += 1;
            if !at_least && matches!(self.c(j), Some('余' | '多')) {
                at_least = true;
                j += 1;
            }
        }
        let (unit, kind) = match unit_at(self.chars, j) {
            Some(unit) => {
                j += unit.chars().count();
                (unit.to_string(), Kind::Count)
            }
            None => match self.c(j).and_then(medal_colour) {
                Some(colour) if multiplier.is_empty() => {
                    j += 1;
                    if self.c(j) == Some('牌') {
                        j += 1;
                    }
                    ("枚".to_string(), Kind::Medal(colour))
                }
                _ => return Err(skip(j, "no unit after the number")),
            },
        };
        let unit = format!("{multiplier}{unit}");
        self.reject_word_with_unit(number, &unit, j)?;
        Ok(Measure {
            unit,
            kind,
            at_least,
            end: j,
        })
    }

    /// A number and unit that are part of a word: 十分 (very), N年 (a span of years), 两人三足
    /// (an idiom); `j` is where the unit ends.
    fn reject_word_with_unit(&self, number: &Number, unit: &str, j: usize) -> Result<(), Skip> {
        if number.chinese && unit == "分" {
            return Err(skip(j, "十分/万分 (very), not points"));
        }
        if unit.ends_with('年') && !self.preceded_by(number.start, "连续") {
            return Err(skip(j, "a span of years (only 连续N年 counts)"));
        }
        if number.chinese && self.c(j).is_some_and(is_chinese_numeral) {
            return Err(skip(j, "part of an idiom or name (两人三足)"));
        }
        Ok(())
    }

    /// 第N: a rank (第三名, 居全省第二位, 排名第三), a count (连续第8个周期) or an ordinal.
    fn ordinal(&self, number: Number, high: Option<Number>, j: usize) -> Result<Mention, Skip> {
        let chars = self.chars;
        let rank = |end: usize| Mention {
            number,
            end,
            value_max: high.map(|h| h.value),
            qualifier: if high.is_some() {
                Qualifier::Range
            } else {
                Qualifier::Exact
            },
            unit: "名次".to_string(),
            kind: Kind::Rank,
        };
        let start = number.start - 1;
        if matches!(self.c(j), Some('名' | '位'))
            && !self.c(j + 1).is_some_and(|c| "于居置列单额".contains(c))
        {
            if is_digit(chars, j + 1) || self.c(j + 1).is_some_and(is_chinese_numeral) {
                return Err(skip(j + 1, "a rank labelling a count (第一名1个)"));
            }
            return Ok(rank(j + 1));
        }
        let clause_start = self.layout.clauses.at(start).0;
        let window = start.saturating_sub(12).max(clause_start);
        let before: String = chars[window..start].iter().map(|ch| ch.c).collect();
        let ends_here = self
            .c(j)
            .is_none_or(|c| is_clause_end(c) || c == '、' || c == '的')
            || chars[j].layout_break;
        if ends_here && RANK_WORDS.iter().any(|w| before.contains(w)) {
            return Ok(rank(j));
        }
        if self.preceded_by(start, "连续") {
            if let Some(unit) = unit_at(chars, j) {
                return Ok(Mention {
                    number,
                    end: j + unit.chars().count(),
                    value_max: None,
                    qualifier: Qualifier::Exact,
                    unit: unit.to_string(),
                    kind: Kind::Count,
                });
            }
        }
        Err(skip(j, "an ordinal (第…)"))
    }

    /// 至少 / 不少于 earlier in the clause (至少为…上了1次党课).
    fn at_least_in_clause(&self, i: usize) -> Option<Qualifier> {
        let (start, _) = self.near(i, self.layout.clauses.at(i));
        let before = self.text_of((start, i));
        (before.contains("至少") || before.contains("不少于")).then_some(Qualifier::AtLeast)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract;
    use crate::test_support::options;

    #[test]
    fn skipped_numbers_are_noted_with_a_reason() {
        let found = extract("2021年7月,办理回复12345服务热线", &options(None));
        assert!(found.candidates.is_empty());
        let reasons: Vec<&str> = found.notes.iter().map(|n| n.message.as_str()).collect();
        assert!(reasons.iter().any(|r| r.contains("2021")), "{reasons:?}");
        assert!(reasons.iter().any(|r| r.contains("no unit")), "{reasons:?}");
    }
}
