//! Finding the numbers a piece of Chinese text writes, in Arabic digits (61.56, 4 086.5,
//! full-width ３１) or Chinese numerals (第二, 近百, 十四).

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

fn chinese_digit(c: char) -> Option<u32> {
    CHINESE_DIGITS
        .iter()
        .find(|(d, _)| *d == c)
        .map(|&(_, v)| v)
}

fn chinese_unit(c: char) -> Option<f64> {
    match c {
        '十' => Some(10.0),
        '百' => Some(100.0),
        '千' => Some(1_000.0),
        '万' => Some(1e4),
        '亿' => Some(1e8),
        _ => None,
    }
}

fn is_chinese_numeral(c: char) -> bool {
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

/// Every number written in `text`, in order of appearance.
pub fn numbers_in(text: &str) -> Vec<f64> {
    let chars: Vec<char> = text.chars().map(ascii_digit).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (chars[i] == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
            {
                i += 1;
            }
            let token: String = chars[start..i].iter().collect();
            if let Ok(value) = token.parse() {
                found.push(value);
            }
        } else if is_chinese_numeral(chars[i]) {
            let start = i;
            while i < chars.len() && is_chinese_numeral(chars[i]) {
                i += 1;
            }
            let run: String = chars[start..i].iter().collect();
            // A lone 万 or 亿 is a unit after a number (3.5万), not a number of its own.
            if run != "万" && run != "亿" {
                found.push(parse_chinese(&run));
            }
        } else {
            i += 1;
        }
    }
    found
}

/// The value of a run of Chinese numerals: 十四 → 14, 二十三 → 23, 近百's 百 → 100, 一万二千 → 12000.
pub fn parse_chinese(run: &str) -> f64 {
    let (mut total, mut section, mut number) = (0.0, 0.0, 0.0);
    let mut after_zero = false;
    for c in run.chars() {
        if let Some(digit) = chinese_digit(c) {
            number = f64::from(digit);
            after_zero = digit == 0;
        } else if let Some(unit) = chinese_unit(c) {
            if number == 0.0 && !after_zero {
                number = 1.0;
            }
            if unit >= 1e4 {
                total = (total + section + number) * unit;
                section = 0.0;
            } else {
                section += number * unit;
            }
            number = 0.0;
            after_zero = false;
        }
    }
    total + section + number
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
        ] {
            assert_eq!(numbers_in(run), vec![value], "{run}");
        }
    }

    #[test]
    fn a_unit_after_digits_is_not_a_number_of_its_own() {
        assert_eq!(numbers_in("3.5万人"), vec![3.5]);
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
