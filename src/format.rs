//! How numbers read on screen: qualifiers shown honestly (200+, ≈1,800, 8–10), units kept.

use crate::i18n::Lang;
use crate::model::{Observation, Qualifier};

/// 1800 → "1,800", 4086.5 → "4,086.5", 2.26 → "2.26". At most four decimals, no trailing zeros.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let fixed = format!("{:.4}", value.abs());
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let fraction = fraction.trim_end_matches('0');
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let is_zero = fixed.chars().all(|c| c == '0' || c == '.');
    let sign = if value < 0.0 && !is_zero { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// A value with its qualifier: exact "1,800", approximate "≈1,800", at least "200+",
/// at most "≤10", range "8–10".
pub fn qualified(value: f64, value_max: Option<f64>, qualifier: Qualifier) -> String {
    let n = number(value);
    match qualifier {
        Qualifier::Exact => n,
        Qualifier::Approximate => format!("≈{n}"),
        Qualifier::AtLeast => format!("{n}+"),
        Qualifier::AtMost => format!("≤{n}"),
        Qualifier::Range => match value_max {
            Some(max) => format!("{n}–{}", number(max)),
            None => n,
        },
    }
}

/// A value and unit, joined the way the language writes them ("61.56亿元", "61.56 亿元").
pub fn with_unit(number: &str, unit: &str, lang: Lang) -> String {
    if unit.is_empty() {
        number.to_string()
    } else if lang == Lang::Zh || unit == "%" {
        format!("{number}{unit}")
    } else {
        format!("{number} {unit}")
    }
}

/// An observation as the report states it: "≈1,800人", "61.56亿元", "第2名次" for ranks.
pub fn as_reported(observation: &Observation, lang: Lang) -> String {
    let value = qualified(
        observation.value,
        observation.value_max,
        observation.qualifier,
    );
    if observation.unit == "名次" {
        return match lang {
            Lang::Zh => format!("第{value}名"),
            Lang::En => format!("rank {value}"),
        };
    }
    with_unit(&value, &observation.unit, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_thousands_and_trim_zeros() {
        assert_eq!(number(1800.0), "1,800");
        assert_eq!(number(4086.5), "4,086.5");
        assert_eq!(number(2.26), "2.26");
        assert_eq!(number(6_156_000_000.0), "6,156,000,000");
        assert_eq!(number(0.21), "0.21");
        assert_eq!(number(100.0), "100");
    }

    #[test]
    fn qualifiers_read_honestly() {
        assert_eq!(qualified(200.0, None, Qualifier::AtLeast), "200+");
        assert_eq!(qualified(1800.0, None, Qualifier::Approximate), "≈1,800");
        assert_eq!(qualified(8.0, Some(10.0), Qualifier::Range), "8–10");
        assert_eq!(qualified(10.0, None, Qualifier::AtMost), "≤10");
        assert_eq!(qualified(81.0, None, Qualifier::Exact), "81");
    }
}
