//! How numbers read on screen: qualifiers shown honestly (200+, ≈1,800, 8–10), units kept.

use crate::i18n::Lang;
use crate::model::{Observation, Qualifier};
use crate::units::{self, Dimension};

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

/// A unit's name in the language. Chinese keeps the reported unit; English names measures
/// and leaves plain counts (个, 项, 次 …) unnamed, since the indicator says what is counted.
pub fn unit_name(unit: &str, lang: Lang) -> String {
    if lang == Lang::Zh {
        return unit.to_string();
    }
    let english = match unit {
        "元" => "yuan",
        "万元" => "10,000 yuan",
        "亿元" => "100 million yuan",
        "平方米" => "m²",
        "万平方米" => "10,000 m²",
        "人" | "名" | "位" => "people",
        "万人" => "10,000 people",
        "人次" => "person-times",
        "万人次" => "10,000 person-times",
        "名次" => "rank",
        "分" => "points",
        "%" => "%",
        "枚" => "medals",
        "届" => "editions",
        "年" => "years",
        "周期" => "cycles",
        _ => "",
    };
    english.to_string()
}

/// An observation as the report states it: "≈1,800人", "61.56亿元", "第2名" for ranks.
/// In English, money is scaled to yuan, million or billion: "6.156 billion yuan".
pub fn as_reported(observation: &Observation, lang: Lang) -> String {
    let (value, value_max, qualifier) = (
        observation.value,
        observation.value_max,
        observation.qualifier,
    );
    if observation.unit == "名次" {
        let value = qualified(value, value_max, qualifier);
        return match lang {
            Lang::Zh => format!("第{value}名"),
            Lang::En => format!("rank {value}"),
        };
    }
    let money = units::lookup(&observation.unit).filter(|u| u.dimension == Dimension::Money);
    match (lang, money) {
        (Lang::En, Some(unit)) => {
            let yuan = value.max(value_max.unwrap_or(value)) * unit.factor;
            let (scale, name) = if yuan >= 1e9 {
                (1e9, "billion yuan")
            } else if yuan >= 1e6 {
                (1e6, "million yuan")
            } else {
                (1.0, "yuan")
            };
            let scaled = |v: f64| v * unit.factor / scale;
            let number = qualified(scaled(value), value_max.map(scaled), qualifier);
            format!("{number} {name}")
        }
        _ => {
            let number = qualified(value, value_max, qualifier);
            with_unit(&number, &unit_name(&observation.unit, lang), lang)
        }
    }
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

    fn observation(
        value: f64,
        value_max: Option<f64>,
        qualifier: Qualifier,
        unit: &str,
    ) -> Observation {
        serde_json::from_value(serde_json::json!({
            "entity": "jiaozuo", "year": 2023, "year_basis": "stated", "indicator": "x",
            "value": value, "value_max": value_max, "qualifier": qualifier, "unit": unit,
            "status": "reported", "source": {"doc": "d", "quote": "q"}
        }))
        .unwrap()
    }

    #[test]
    fn numbers_follow_the_language() {
        let cases = [
            (
                61.56,
                None,
                Qualifier::Exact,
                "亿元",
                "61.56亿元",
                "6.156 billion yuan",
            ),
            (
                180.0,
                None,
                Qualifier::Exact,
                "万元",
                "180万元",
                "1.8 million yuan",
            ),
            (
                2.0,
                None,
                Qualifier::AtLeast,
                "亿元",
                "2+亿元",
                "200+ million yuan",
            ),
            (
                30.0,
                None,
                Qualifier::Exact,
                "万元",
                "30万元",
                "300,000 yuan",
            ),
            (
                1800.0,
                None,
                Qualifier::Approximate,
                "人",
                "≈1,800人",
                "≈1,800 people",
            ),
            (8.0, Some(10.0), Qualifier::Range, "站", "8–10站", "8–10"),
            (
                2.62,
                None,
                Qualifier::Exact,
                "平方米",
                "2.62平方米",
                "2.62 m²",
            ),
            (2.0, None, Qualifier::Exact, "名次", "第2名", "rank 2"),
            (4.9, None, Qualifier::Exact, "%", "4.9%", "4.9%"),
        ];
        for (value, max, qualifier, unit, zh, en) in cases {
            let o = observation(value, max, qualifier, unit);
            assert_eq!(as_reported(&o, Lang::Zh), zh);
            assert_eq!(as_reported(&o, Lang::En), en);
        }
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
