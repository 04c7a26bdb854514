//! Finding the numbers a piece of Chinese text writes, in Arabic digits (61.56, 4 086.5,
//! full-width ３１) or Chinese numerals (第二, 近百, 十四), and the character classes and
//! Chinese-numeral reading that `extract` builds on.

const CHINESE_DIGITS: &[(char, u32)] = &[
    ('零', 0),
    ('〇', 0),
    ('一', 1),
    ('二', 2),
    ('两', 2),
    ('三', 3),
    ('四', 4),
    ('五', 5),
    ('六', 6),
    ('七', 7),
    ('八', 8),
    ('九', 9),
];

/// The value of a Chinese digit (一 → 1, 两 → 2, 〇 → 0).
pub fn chinese_digit(c: char) -> Option<u32> {
    CHINESE_DIGITS
        .iter()
        .find(|(d, _)| *d == c)
        .map(|&(_, v)| v)
}

/// The value of a Chinese numeral unit (十 → 10 … 亿 → 10⁸).
pub fn chinese_unit(c: char) -> Option<f64> {
    match c {
        '十' => Some(10.0),
        '百' => Some(100.0),
        '千' => Some(1_000.0),
        '万' => Some(1e4),
        '亿' => Some(1e8),
        _ => None,
    }
}

pub fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || chinese_unit(c).is_some()
}

/// Maps full-width digits and the full-width full stop to ASCII.
fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        _ => c,
    }
}

/// Maps full-width ASCII forms (digits, ％, ．, ，, （ …) and the ideographic space to ASCII.
pub fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Every number written in `text`, in order of appearance (1,800 read whole, as `spans` reads it).
pub fn numbers_in(text: &str) -> Vec<f64> {
    spans(text).into_iter().map(|(_, value)| value).collect()
}

/// The value of a run of Chinese numerals: 十四 → 14, 二十三 → 23, 近百's 百 → 100, 一万二千 → 12000,
/// 三十万 → 300000, 三亿五千万 → 350000000.
pub fn parse_chinese(run: &str) -> f64 {
    // Parts above 亿, between 万 and 亿, and below 万; then the digit being read.
    let (mut yi, mut wan, mut section, mut number) = (0.0, 0.0, 0.0, 0.0);
    let mut after_zero = false;
    for c in run.chars() {
        if let Some(digit) = chinese_digit(c) {
            number = f64::from(digit);
            after_zero = digit == 0;
        } else if let Some(unit) = chinese_unit(c) {
            let below = section + number;
            if unit >= 1e8 {
                let part = yi + wan + below;
                yi = if part == 0.0 { 1.0 } else { part } * unit;
                wan = 0.0;
            } else if unit >= 1e4 {
                wan = if below == 0.0 { 1.0 } else { below } * unit;
            } else {
                let digit = if number == 0.0 && !after_zero {
                    1.0
                } else {
                    number
                };
                section += digit * unit;
            }
            if unit >= 1e4 {
                section = 0.0;
            }
            number = 0.0;
            after_zero = false;
        }
    }
    yi + wan + section + number
}

/// The value of a run of Chinese numerals when it writes a quantity (十四, 两, 一百零五, 三万,
/// 近百's 百), or `None` when it does not: strings of digits (二〇二一, 一二三), a run that ends
/// in 零, units out of order (十十, 亿万), or a value too large to be finite.
pub fn chinese_quantity(run: &str) -> Option<f64> {
    let chars: Vec<char> = run.chars().collect();
    if chars.is_empty() || !chars.iter().all(|&c| is_chinese_numeral(c)) {
        return None;
    }
    let is_zero = |c: char| chinese_digit(c) == Some(0);
    if chars.len() > 1 && chars.last().copied().is_some_and(is_zero) {
        return None;
    }
    for (k, pair) in chars.windows(2).enumerate() {
        let (a, b) = (pair[0], pair[1]);
        match (chinese_unit(a), chinese_unit(b)) {
            // Two digits in a row: only 零 after a unit and before a digit (一百零五).
            (None, None) => {
                let after_unit = k > 0 && chinese_unit(chars[k - 1]).is_some();
                if !(is_zero(a) && !is_zero(b) && after_unit) {
                    return None;
                }
            }
            // Two units in a row: a small one before 万 or 亿 (百万, 十万), or 万亿.
            (Some(first), Some(second)) => {
                let small_then_big = first < 1e4 && second >= 1e4;
                if !(small_then_big || (first == 1e4 && second == 1e8)) {
                    return None;
                }
            }
            _ => {}
        }
    }
    let value = parse_chinese(run);
    value.is_finite().then_some(value)
}

/// Where `text` writes numbers: (byte range, value) for each run of digits (1,800 and 61.56
/// read whole) or of Chinese numerals. A lone 万 or 亿 is a unit, not a number.
pub fn spans(text: &str) -> Vec<(std::ops::Range<usize>, f64)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |&(at, _)| at);
    let digit = |k: usize| {
        chars
            .get(k)
            .is_some_and(|&(_, c)| ascii_digit(c).is_ascii_digit())
    };
    let mut found = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let c = ascii_digit(chars[k].1);
        let start = k;
        if c.is_ascii_digit() {
            while k < chars.len() {
                let c = ascii_digit(chars[k].1);
                let joins =
                    matches!(c, '.' | ',' | '，') && digit(k + 1) && digit(k.wrapping_sub(1));
                if !(c.is_ascii_digit() || (joins && (c == '.' || digit(k + 3)))) {
                    break;
                }
                k += 1;
            }
            let token: String = chars[start..k]
                .iter()
                .map(|&(_, c)| ascii_digit(c))
                .filter(|c| *c != ',' && *c != '，')
                .collect();
            if let Ok(value) = token.parse() {
                found.push((chars[start].0..end_of(k), value));
            }
        } else if is_chinese_numeral(c) {
            while k < chars.len() && is_chinese_numeral(chars[k].1) {
                k += 1;
            }
            let run: String = chars[start..k].iter().map(|&(_, c)| c).collect();
            if run != "万" && run != "亿" {
                found.push((chars[start].0..end_of(k), parse_chinese(&run)));
            }
        } else {
            k += 1;
        }
    }
    found
}

/// Whether `text` writes `value`, in digits or in Chinese numerals.
pub fn writes_number(text: &str, value: f64) -> bool {
    numbers_in(text)
        .into_iter()
        .any(|found| (found - value).abs() <= 1e-9 * value.abs().max(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_grouped_with_commas_is_one_number() {
        assert_eq!(
            numbers_in("参加1,800人，7,856人次，增长3.5%"),
            vec![1800.0, 7856.0, 3.5]
        );
        assert!(writes_number("累计服务1,800人", 1800.0));
        assert!(!writes_number("累计服务1,800人", 800.0));
    }

    #[test]
    fn spans_locate_numbers_as_written() {
        let text = "参加人数1,800人，增长61.56亿元，位居第二，３１次";
        let found: Vec<(&str, f64)> = spans(text)
            .into_iter()
            .map(|(range, value)| (&text[range], value))
            .collect();
        assert_eq!(
            found,
            vec![
                ("1,800", 1800.0),
                ("61.56", 61.56),
                ("二", 2.0),
                ("３１", 31.0)
            ]
        );
        let values: Vec<f64> = spans("8至10站，3万，共2，3人")
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        assert_eq!(values, vec![8.0, 10.0, 3.0, 2.0, 3.0]);
    }

    #[test]
    fn finds_arabic_numbers_with_decimals_spaces_and_full_width_digits() {
        assert_eq!(numbers_in("总规模达61.56亿元"), vec![61.56]);
        assert_eq!(numbers_in("全年共接待 31 次"), vec![31.0]);
        assert_eq!(numbers_in("接待３１次"), vec![31.0]);
        assert_eq!(numbers_in("获得1金2银3铜"), vec![1.0, 2.0, 3.0]);
        assert_eq!(numbers_in("第4-7名11个"), vec![4.0, 7.0, 11.0]);
    }

    #[test]
    fn reads_chinese_numerals() {
        for (run, value) in [
            ("第二", 2.0),
            ("十四", 14.0),
            ("二十三", 23.0),
            ("百", 100.0),
            ("一百零五", 105.0),
            ("一万二千", 12_000.0),
            ("两", 2.0),
            ("十万", 100_000.0),
            ("三十万", 300_000.0),
            ("百万", 1e6),
            ("三亿五千万", 3.5e8),
            ("万亿", 1e12),
        ] {
            assert_eq!(numbers_in(run), vec![value], "{run}");
        }
    }

    #[test]
    fn a_unit_after_digits_is_not_a_number_of_its_own() {
        assert_eq!(numbers_in("3.5万人"), vec![3.5]);
    }

    #[test]
    fn chinese_quantities_are_told_from_digit_strings() {
        for (run, value) in [
            ("两", Some(2.0)),
            ("十", Some(10.0)),
            ("十四", Some(14.0)),
            ("一百零五", Some(105.0)),
            ("三万", Some(30_000.0)),
            ("一万二千", Some(12_000.0)),
            ("百万", Some(1e6)),
            ("二〇二一", None),
            ("一二三", None),
            ("十十", None),
            ("亿万", None),
            ("三十零", None),
            ("", None),
            ("三a", None),
        ] {
            assert_eq!(chinese_quantity(run), value, "{run}");
        }
        assert_eq!(chinese_quantity(&"亿".repeat(400)), None);
    }

    #[test]
    fn full_width_forms_become_ascii() {
        let text: String = "３１．５％（一）".chars().map(half_width).collect();
        assert_eq!(text, "31.5%(一)");
        assert_eq!(half_width('一'), '一');
    }

    #[test]
    fn writes_number_matches_either_spelling() {
        assert!(writes_number("居河南省第二位", 2.0));
        assert!(writes_number("近百名", 100.0));
        assert!(writes_number("2.26平方米", 2.26));
        assert!(!writes_number("2.26平方米", 2.6));
        assert!(!writes_number("居河南省第二位", 3.0));
    }
}
