//! Building blocks of inputs: tables of numerals, words, odd strings and units of long runs;
//! random characters and strings; text mutations.

use fastrand::Rng;

/// Numbers as the reports write them.
pub const NUMERALS: &[&str] = &[
    "十万零五",
    "3.5万",
    "１,８００",
    "1,800",
    "8至10",
    "4-7",
    "2—3",
    "第三名",
    "第2名",
    "第十四届",
    "居全省第二位",
    "排名第三",
    "近百",
    "十余",
    "两",
    "一百零五",
    "三亿五千万",
    "万亿",
    "百万",
    "二〇二一年",
    "2021年",
    "2021-2023",
    "2022年3月5日",
    "61.56亿元",
    "4 086.5",
    "４０８６．５",
    "２．２６",
    "0.5",
    "00012",
    "1金2银3铜",
    "9银5铜",
    "200余",
    "400多名",
    "1万人以上",
    "不足50人",
    "500人左右",
    "逾千名",
    "三十零",
    "十十",
    "亿万",
    "一二三",
    "零",
    "〇",
    "百",
];

/// Words around numbers in the reports: units, qualifiers, rank and plan words, punctuation.
pub const WORDS: &[&str] = &[
    "人",
    "名",
    "位",
    "个",
    "枚",
    "项",
    "次",
    "场",
    "站",
    "家",
    "所",
    "条",
    "件",
    "万元",
    "亿元",
    "平方米",
    "人次",
    "场次",
    "%",
    "％",
    "分",
    "分钟",
    "年",
    "月",
    "日",
    "余",
    "多",
    "约",
    "近",
    "左右",
    "以上",
    "以下",
    "以内",
    "超过",
    "不足",
    "至少",
    "不少于",
    "逾",
    "第",
    "居",
    "排名",
    "位居",
    "连续",
    "计划",
    "力争",
    "拟",
    "将",
    "今年",
    "去年",
    "明年",
    "目前",
    "截至目前",
    "已",
    "了",
    "每",
    "这",
    "金",
    "银",
    "铜",
    "牌",
    "金牌",
    "奖牌总数",
    "全民健身活动",
    "人均体育场地面积",
    "运动员",
    "参加",
    "参赛",
    "“",
    "”",
    "《",
    "》",
    "「",
    "」",
    "\"",
    "。",
    "，",
    ",",
    "、",
    "；",
    ";",
    "：",
    "！",
    "？",
    "|",
    "<",
    ">",
    "【",
    "】",
    "…",
    "（",
    "）",
    "\n",
    "\n\n",
    "  ",
    " ",
    "\u{3000}",
    "\t",
    "a",
    "No.",
    "ABC",
];

/// Odd characters and strings that break parsers.
pub const WEIRD: &[&str] = &[
    "\0",
    "\u{301}",
    "e\u{301}\u{302}\u{303}",
    "\u{200F}",
    "\u{202E}",
    "\u{202D}",
    "\u{2067}",
    "\u{FEFF}",
    "\u{FFFD}",
    "\u{10FFFF}",
    "\u{E000}",
    "𝟙𝟚",
    "٣٤",
    "१२",
    "①②",
    "Ⅻ",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\u{A0}",
    "\r\n",
    "\r",
    "\u{B}",
    "\u{C}",
    "\u{1B}[31m",
    "1e309",
    "-1e309",
    "1e-400",
    "-0",
    "-0.0",
    "NaN",
    "nan",
    "Infinity",
    "-Infinity",
    "inf",
    "18446744073709551616",
    "9007199254740993",
    "-9223372036854775809",
    "2147483648",
    "0x10",
    "1_000",
    "1.",
    ".5",
    "+1",
    "%",
    "%00",
    "%E4%B8",
    "%e4%b8%ad",
    "%ZZ",
    "%FF%FE",
    "\\u0000",
    "\\ud800",
    "\\udc00\\ud800",
    "\\",
    "\"",
    "null",
    "true",
    "[]",
    "{}",
    "[",
    "{",
    "]",
    "}",
    ",",
    ":",
    "🏅",
    "👨\u{200D}👩\u{200D}👧",
    "\u{1F1E8}\u{1F1F3}",
    "<script>alert(1)</script>",
];

/// Units of long runs: digits, numerals, nesting, separators.
pub const RUNS: &[&str] = &[
    "9",
    "0",
    "１",
    "亿",
    "万",
    "十",
    "一",
    "零",
    "百万",
    "[",
    "{\"a\":",
    "[[",
    "1,",
    "，1",
    ".",
    "%",
    "&",
    "a=1&",
    "=",
    " ",
    "\n",
    "“",
    "第",
    "\u{301}",
    "-",
    "3.5万人，",
];

/// Tokens of JSON text, for text-level mutation of data files.
pub const JSON_WORDS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "null",
    "true",
    "false",
    "0",
    "-0",
    "1e309",
    "\\u0000",
    "\\ud800",
    "\"value\":",
    "\"year\":",
    "\"unit\":",
    "\"quote\":",
    "\"observations\":",
    "\"dataset\":",
    "\"entities\":",
    "\"slides\":",
    "\"view\":",
    "{\"zh\":\"\"}",
    "\"\":",
    "[[[[[[[[",
    "]]]]]]]]",
    "\n",
    " ",
];

/// Sizes spread over orders of magnitude, up to `max`.
pub fn size(rng: &mut Rng, max: usize) -> usize {
    let max = max.max(1);
    let bits = rng.u32(0..=usize::BITS - max.leading_zeros());
    rng.usize(0..=(1usize << bits.min(40)).min(max))
}

pub fn word<'a>(rng: &mut Rng, words: &[&'a str]) -> &'a str {
    words[rng.usize(0..words.len())]
}

pub fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(0..items.len())]
}

/// A character from a class that parsers trip on.
pub fn random_char(rng: &mut Rng) -> char {
    loop {
        let code = match rng.u8(0..12) {
            0 => rng.u32(0x20..0x7F),
            1 => rng.u32(0..0x20),
            2 | 3 => rng.u32(0x4E00..0xA000),
            4 => {
                let numerals = "零〇一二两三四五六七八九十百千万亿";
                return numerals.chars().nth(rng.usize(0..17)).unwrap_or('十');
            }
            5 => rng.u32(0xFF01..0xFF5F),
            6 => rng.u32(0x300..0x370),
            7 => rng.u32(0x590..0x700),
            8 => *pick(
                rng,
                &[
                    0x3000, 0x2028, 0xA0, 0x85, 0x200B, 0x200F, 0x202E, 0xFEFF, 0xFFFD, 0x3002,
                ],
            ),
            9 => rng.u32(0x1F300..0x1F700),
            10 => rng.u32(0x10000..0x110000),
            _ => {
                *pick(
                    rng,
                    &[0x660, 0x966, 0x1D7CE, 0x2460, 0x2160, 0xFF10, 0x4E07],
                ) + rng.u32(0..10)
            }
        };
        if let Some(c) = char::from_u32(code) {
            return c;
        }
    }
}

pub fn random_string(rng: &mut Rng, max_len: usize) -> String {
    let n = size(rng, 64.min(max_len));
    (0..n).map(|_| random_char(rng)).collect()
}

/// Something odd to put in: a weird token, a long run, a number string or random characters.
pub fn weird(rng: &mut Rng, max_len: usize) -> String {
    match rng.u8(0..5) {
        0 | 1 => pick(rng, WEIRD).to_string(),
        2 => {
            let unit = pick(rng, RUNS);
            unit.repeat(size(rng, max_len / unit.len()).max(1))
        }
        3 => long_number(rng),
        _ => random_string(rng, max_len),
    }
}

/// Up to 400 digits, sometimes with a point, an exponent or a sign.
fn long_number(rng: &mut Rng) -> String {
    let digits = size(rng, 400).max(1);
    let mut number: String = (0..digits)
        .map(|_| char::from(b'0' + rng.u8(0..10)))
        .collect();
    if rng.bool() {
        number.insert(rng.usize(0..=number.len()), '.');
    }
    if rng.u8(0..4) == 0 {
        number.push_str(&format!("e{}", rng.i32(-400..400)));
    }
    if rng.u8(0..4) == 0 {
        number.insert(0, '-');
    }
    number
}

fn boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A random range of `text` on character boundaries, mostly short.
fn range(rng: &mut Rng, text: &str) -> (usize, usize) {
    let start = boundary(text, rng.usize(0..=text.len()));
    let end = boundary(text, start + size(rng, (text.len() - start).min(256)));
    (start, end)
}

/// `text` cut to at most `max_len` bytes, on a character boundary.
pub fn cut(mut text: String, max_len: usize) -> String {
    let at = boundary(&text, max_len);
    text.truncate(at);
    text
}

/// Text-level mutations: insert, delete, duplicate, flip, splice, truncate, repeat.
pub fn mutate(rng: &mut Rng, text: &mut String, words: &[&str], others: &[String], max_len: usize) {
    for _ in 0..rng.usize(1..=6) {
        let at = boundary(text, rng.usize(0..=text.len()));
        match rng.u8(0..11) {
            0 | 1 => text.insert_str(at, word(rng, words)),
            2 => text.insert_str(at, &weird(rng, max_len)),
            3 => {
                let (a, b) = range(rng, text);
                text.replace_range(a..b, "");
            }
            4 => duplicate_piece(rng, text),
            5 => replace_char(rng, text),
            6 => mutate_bytes(rng, text),
            7 if !others.is_empty() => splice(rng, text, others),
            8 => {
                let at = boundary(text, size(rng, text.len()));
                text.truncate(at);
            }
            9 => repeat_piece(rng, text, max_len),
            _ => {
                let insert = random_string(rng, max_len);
                text.insert_str(at, &insert);
            }
        }
        if text.len() > max_len {
            let at = boundary(text, max_len);
            text.truncate(at);
        }
    }
}

/// A piece of the text put in again somewhere else.
fn duplicate_piece(rng: &mut Rng, text: &mut String) {
    let (a, b) = range(rng, text);
    let piece = text[a..b].to_string();
    let at = boundary(text, rng.usize(0..=text.len()));
    text.insert_str(at, &piece);
}

fn replace_char(rng: &mut Rng, text: &mut String) {
    let (a, _) = range(rng, text);
    if let Some(c) = text[a..].chars().next() {
        let replacement = random_char(rng).to_string();
        text.replace_range(a..a + c.len_utf8(), &replacement);
    }
}

/// Byte level: flip a bit, or put in a raw byte; what is not UTF-8 any more comes out as
/// U+FFFD, as `String::from_utf8_lossy` reads it.
fn mutate_bytes(rng: &mut Rng, text: &mut String) {
    let mut bytes = std::mem::take(text).into_bytes();
    if !bytes.is_empty() && rng.bool() {
        let i = rng.usize(0..bytes.len());
        bytes[i] ^= 1 << rng.u8(0..8);
    } else {
        bytes.insert(rng.usize(0..=bytes.len()), rng.u8(..));
    }
    *text = String::from_utf8_lossy(&bytes).into_owned();
}

/// A piece of the text replaced by a piece of another input.
fn splice(rng: &mut Rng, text: &mut String, others: &[String]) {
    let other = pick(rng, others);
    let (a, b) = range(rng, other);
    let (c, d) = range(rng, text);
    text.replace_range(c..d, &other[a..b]);
}

/// A piece of the text repeated after itself, up to the size limit.
fn repeat_piece(rng: &mut Rng, text: &mut String, max_len: usize) {
    let (a, b) = range(rng, text);
    let piece = text[a..b].to_string();
    if !piece.is_empty() {
        let times = size(rng, max_len / piece.len()).max(1);
        text.insert_str(b, &piece.repeat(times));
    }
}
