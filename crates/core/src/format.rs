//! How numbers read on screen: qualifiers shown honestly (200+, ≈1,800, 8–10), units kept.

use crate::lang::Lang;
use crate::model::{Observation, Qualifier};
use crate::numerals;
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

/// A quote cut into pieces, with the pieces that write one of `values` marked, so the number
/// can be highlighted where the sentence gives it.
pub fn highlight(quote: &str, values: &[f64]) -> Vec<(String, bool)> {
    let same = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(1.0);
    let mut pieces = Vec::new();
    let mut at = 0;
    for (range, value) in numerals::spans(quote) {
        if values.iter().any(|&v| same(v, value)) {
            if range.start > at {
                pieces.push((quote[at..range.start].to_string(), false));
            }
            pieces.push((quote[range.clone()].to_string(), true));
            at = range.end;
        }
    }
    if at < quote.len() {
        pieces.push((quote[at..].to_string(), false));
    }
    pieces
}

/// A qualifier in words, the way the report's wording is read.
pub fn qualifier_name(qualifier: Qualifier, lang: Lang) -> &'static str {
    match (qualifier, lang) {
        (Qualifier::Exact, Lang::Zh) => "确数",
        (Qualifier::Exact, Lang::En) => "exact",
        (Qualifier::Approximate, Lang::Zh) => "约数（约、近、左右）",
        (Qualifier::Approximate, Lang::En) => "approximate (约, 近, 左右)",
        (Qualifier::AtLeast, Lang::Zh) => "下限（余、多、以上）",
        (Qualifier::AtLeast, Lang::En) => "at least (余, 多, 以上)",
        (Qualifier::AtMost, Lang::Zh) => "上限（不超过、以内）",
        (Qualifier::AtMost, Lang::En) => "at most",
        (Qualifier::Range, Lang::Zh) => "范围（至）",
        (Qualifier::Range, Lang::En) => "range (至)",
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
        "万亿元" => "trillion yuan",
        "亿平方米" => "100 million m²",
        "万个" => "10,000",
        "人/千人" => "per 1,000 people",
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
    amount(value, value_max, qualifier, &observation.unit, lang)
}

/// A number in its unit as published: "36,741亿元"; in English money is scaled to yuan,
/// million, billion or trillion: "3.6741 trillion yuan".
pub fn amount(
    value: f64,
    value_max: Option<f64>,
    qualifier: Qualifier,
    unit_name_as_published: &str,
    lang: Lang,
) -> String {
    let money = units::lookup(unit_name_as_published).filter(|u| u.dimension == Dimension::Money);
    match (lang, money) {
        (Lang::En, Some(unit)) => {
            let yuan = value.max(value_max.unwrap_or(value)) * unit.factor;
            let (scale, name) = if yuan >= 1e12 {
                (1e12, "trillion yuan")
            } else if yuan >= 1e9 {
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
            with_unit(&number, &unit_name(unit_name_as_published, lang), lang)
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
    fn the_number_is_marked_where_the_quote_writes_it() {
        let marked = |quote: &str, values: &[f64]| -> String {
            highlight(quote, values)
                .into_iter()
                .map(|(text, hit)| if hit { format!("[{text}]") } else { text })
                .collect()
        };
        assert_eq!(
            marked("全市体育产业总规模达61.56亿元", &[61.56]),
            "全市体育产业总规模达[61.56]亿元"
        );
        assert_eq!(
            marked("全年计划开展8至10站活动", &[8.0, 10.0]),
            "全年计划开展[8]至[10]站活动"
        );
        assert_eq!(marked("位居全省第二", &[2.0]), "位居全省第[二]");
        assert_eq!(
            marked("吸引了20多个跑团、3000余名爱好者", &[3000.0]),
            "吸引了20多个跑团、[3000]余名爱好者"
        );
        assert_eq!(marked("没有这个数", &[5.0]), "没有这个数");
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
