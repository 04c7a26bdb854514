//! Reading what is written at a place in the text: a number (Arabic or Chinese), the upper end
//! of a range, a unit, and the qualifiers written before and after.

use sportdash_core::model::Qualifier;
use sportdash_core::numerals::{chinese_quantity, is_chinese_numeral};

use crate::rules::{NOT_A_UNIT_BEFORE, UNITS};
use crate::text::{followed_by, is_digit, Ch};

/// More digits than this cannot be a count in a report (and would lose precision).
const MAX_DIGITS: usize = 15;

/// A number as written: Arabic or Chinese, its value, and where it ends.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Number {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) value: f64,
    pub(crate) chinese: bool,
}

pub(crate) fn starts_number(chars: &[Ch], i: usize) -> bool {
    chars
        .get(i)
        .is_some_and(|ch| ch.c.is_ascii_digit() || is_chinese_numeral(ch.c))
}

/// Whether the comma at `i` groups digits in threes (1,500; 12,345,678; ２,０００): one to three
/// digits before the first comma, exactly three after each, no white space between. A comma
/// anywhere else is a clause break. A full-width comma groups only full-width digits.
pub(crate) fn is_group_comma(chars: &[Ch], i: usize) -> bool {
    let Some(comma) = chars.get(i) else {
        return false;
    };
    let full_width = |k: usize| chars[k].raw != chars[k].c;
    let raw_ok = comma.raw == ',' || (comma.raw == '，' && i > 0 && full_width(i - 1));
    if !raw_ok || comma.spaced || i == 0 || !is_digit(chars, i - 1) {
        return false;
    }
    let three_after =
        (1..=3).all(|k| is_digit(chars, i + k) && !chars[i + k].spaced) && !is_digit(chars, i + 4);
    if !three_after {
        return false;
    }
    // The digits before: a group of three after another grouping comma, or one to three.
    let mut k = i;
    while k > 0 && is_digit(chars, k - 1) && (k == i || !chars[k].spaced) {
        k -= 1;
    }
    let before = i - k;
    if k > 0 && chars[k - 1].c == ',' && !chars[k].spaced {
        before == 3 && is_group_comma(chars, k - 1)
    } else {
        (1..=3).contains(&before)
    }
}

pub(crate) fn read_arabic(chars: &[Ch], i: usize) -> Option<Number> {
    let joined = |k: usize| is_digit(chars, k) && !chars[k].spaced;
    let mut end = i + 1;
    while joined(end) || (is_group_comma(chars, end) && joined(end + 1)) {
        end += 1;
    }
    let mut digits: String = chars[i..end]
        .iter()
        .map(|ch| ch.c)
        .filter(|c| *c != ',')
        .collect();
    if chars.get(end).is_some_and(|ch| ch.c == '.' && !ch.spaced) && joined(end + 1) {
        digits.push('.');
        end += 1;
        while joined(end) {
            digits.push(chars[end].c);
            end += 1;
        }
    }
    let value: f64 = digits.parse().ok()?;
    let significant = digits.chars().filter(char::is_ascii_digit).count();
    (significant <= MAX_DIGITS && value.is_finite()).then_some(Number {
        start: i,
        end,
        value,
        chinese: false,
    })
}

/// A run of Chinese numerals starting at `i`, and its end whether or not it is a quantity.
fn read_chinese(chars: &[Ch], i: usize) -> (usize, Option<Number>) {
    let mut end = i + 1;
    while chars
        .get(end)
        .is_some_and(|ch| is_chinese_numeral(ch.c) && !ch.spaced)
    {
        end += 1;
    }
    let run: String = chars[i..end].iter().map(|ch| ch.c).collect();
    let number = chinese_quantity(&run).map(|value| Number {
        start: i,
        end,
        value,
        chinese: true,
    });
    (end, number)
}

pub(crate) fn read_number(chars: &[Ch], i: usize) -> (usize, Option<Number>) {
    if is_digit(chars, i) {
        match read_arabic(chars, i) {
            Some(number) => (number.end, Some(number)),
            None => {
                let mut end = i + 1;
                while is_digit(chars, end) || chars.get(end).is_some_and(|ch| ch.c == '.') {
                    end += 1;
                }
                (end, None)
            }
        }
    } else {
        read_chinese(chars, i)
    }
}

/// A 4-digit Arabic number that could be a year.
pub(crate) fn year_like(chars: &[Ch], number: &Number) -> Option<i32> {
    let digits = number.end - number.start;
    let plain = (number.start..number.end).all(|k| chars[k].c.is_ascii_digit());
    let value = number.value as i32;
    (plain && digits == 4 && (1900..=2100).contains(&value)).then_some(value)
}

/// The upper end of a range written right after `low` (8至10, 4-7), both Arabic or both Chinese.
pub(crate) fn range_end(chars: &[Ch], low: &Number) -> Option<Number> {
    let dash = chars
        .get(low.end)
        .is_some_and(|ch| matches!(ch.c, '至' | '到' | '-' | '—' | '–' | '~'));
    if !dash || !starts_number(chars, low.end + 1) {
        return None;
    }
    read_number(chars, low.end + 1)
        .1
        .filter(|high| high.chinese == low.chinese)
}

/// The unit written at `i`, unless the characters after it make it part of another word.
pub(crate) fn unit_at(chars: &[Ch], i: usize) -> Option<&'static str> {
    let unit = UNITS.iter().find(|u| followed_by(chars, i, u))?;
    let after = chars.get(i + unit.chars().count()).map(|ch| ch.c);
    let blocked = NOT_A_UNIT_BEFORE
        .iter()
        .any(|(u, next)| u == unit && after.is_some_and(|c| next.contains(c)));
    (!blocked).then_some(*unit)
}

/// 约, 近, 超过, 不足 … right before the number at `i`.
pub(crate) fn qualifier_before(chars: &[Ch], i: usize) -> Option<Qualifier> {
    let c = |k: usize| chars.get(k).map(|ch| ch.c);
    let ahead = |k: usize| i.checked_sub(k).and_then(c);
    match (ahead(2), ahead(1)?) {
        (Some('预' | '邀' | '签' | '节' | '制'), '约') | (Some('最' | '附'), '近') => None,
        (_, '约' | '近') => Some(Qualifier::Approximate),
        (_, '逾') => Some(Qualifier::AtLeast),
        (Some('超'), '过') | (Some('多'), '达') => Some(Qualifier::AtLeast),
        (Some('不'), '足' | '到') | (Some('至' | '最'), '多') => Some(Qualifier::AtMost),
        (Some('至'), '少') | (Some('少'), '于') => Some(Qualifier::AtLeast),
        (_, '上') if c(i).is_some_and(|c| "百千万".contains(c)) => Some(Qualifier::Approximate),
        _ => None,
    }
}

/// 左右, 以上, 以下 or 以内 at `j`, after the unit, and where reading goes on.
pub(crate) fn qualifier_after(chars: &[Ch], j: usize) -> (Option<Qualifier>, usize) {
    let qualifier = if followed_by(chars, j, "左右") {
        Some(Qualifier::Approximate)
    } else if followed_by(chars, j, "以上") {
        Some(Qualifier::AtLeast)
    } else if followed_by(chars, j, "以下") || followed_by(chars, j, "以内") {
        Some(Qualifier::AtMost)
    } else {
        None
    };
    (qualifier, if qualifier.is_some() { j + 2 } else { j })
}
