//! Proposing observations from a report's text: every number that counts, measures or ranks
//! something, with its unit, qualifier, year, status, a proposed indicator where a keyword rule
//! knows one, and a short verbatim quote. Pure: text in, candidates and notes out; never panics.
//!
//! How a number is read, in order:
//! 1. The text is looked at without white space (numbers and words run across line breaks and
//!    spaces, "全年共接待 31 次"), full-width forms read as ASCII; white space still ends a
//!    number, and a line break after a heading (a short line, or one without punctuation) ends
//!    a clause.
//! 2. A number is Arabic (61.56, ３１) or a run of Chinese numerals that writes a quantity
//!    (十余, 两, 近百's 百), possibly a range (8至10, 4-7) and a multiplier (3.5万, 1.2亿).
//! 3. It is kept when a unit follows (名, 万元, %, … see [`UNITS`]), or a medal colour
//!    (1金2银3铜), or when it is a rank (第三名, 居全省第二位, 排名第三). Everything else is
//!    left out with a note: years and dates, ordinals (第十四届), codes and phone numbers (no
//!    unit), numbers in quotation marks and titles (“两个维护”, 《…第三卷》), 一 as an article,
//!    frequencies (每四年), anaphora (这两场), idioms (两人三足), spans of years (五年来).
//! 4. Qualifiers: 约, 近, 左右 → approximate; 余, 多, 以上, 超过, 至少 → at least; 不足, 以下 →
//!    at most; 8至10 → range.
//! 5. The year is the one the sentence names (stated), else 今年 → the latest year the report
//!    names, else the report year given in [`Options`]; plans (计划, 力争, 拟, 今年…将, a year
//!    after the report's) are targets.

use std::collections::HashSet;

use serde::Serialize;

use sportdash_core::load::MAX_REPORT_BYTES;
use sportdash_core::model::{Qualifier, Source, Status, Text, YearBasis};
use sportdash_core::numerals::{chinese_quantity, half_width, is_chinese_numeral};
use sportdash_core::units;

/// What the caller knows about the report.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The report's file name, written into every candidate's `source.doc`.
    pub doc: String,
    /// The place the report is about, when known.
    pub entity: Option<String>,
    /// The year the report reviews, when known.
    pub year: Option<i32>,
}

/// A proposed observation, in the data's schema except that entity, year and indicator may be
/// open (`null`) for a person to fill in.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Candidate {
    pub entity: Option<String>,
    pub year: Option<i32>,
    pub year_basis: Option<YearBasis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year_note: Option<Text>,
    pub indicator: Option<String>,
    #[serde(serialize_with = "as_written")]
    pub value: f64,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "as_written_if_any"
    )]
    pub value_max: Option<f64>,
    pub qualifier: Qualifier,
    pub unit: String,
    pub status: Status,
    pub source: Source,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Byte offset of the number in the report text (not part of the data schema).
    #[serde(skip)]
    pub offset: usize,
}

/// Whole numbers as integers (120, not 120.0), as the data files write them.
fn as_written<S: serde::Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 9e15 {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

fn as_written_if_any<S: serde::Serializer>(
    value: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => as_written(value, serializer),
        None => serializer.serialize_none(),
    }
}

/// A number that was not proposed, or something a curator should check, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    /// Byte offset in the report text.
    pub offset: usize,
    /// The number as written.
    pub number: String,
    pub message: String,
}

/// Why a text is not read.
pub fn too_long(bytes: usize) -> String {
    format!(
        "the text is {:.1} MB; a report is read up to {} MB",
        bytes as f64 / 1_048_576.0,
        MAX_REPORT_BYTES / 1_048_576
    )
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extracted {
    pub candidates: Vec<Candidate>,
    pub notes: Vec<Note>,
}

/// Units a number may carry, as written (a 万 or 亿 before them is read separately).
/// Longer names first: 人次 before 人, 场次 before 场.
pub const UNITS: &[&str] = &[
    "平方米",
    "人次",
    "场次",
    "元",
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
    "篇",
    "期",
    "张",
    "份",
    "户",
    "支",
    "块",
    "座",
    "处",
    "批",
    "年",
    "分",
    "%",
];

/// Characters that, right after a unit, show it is part of another word (分钟, 人才, 支部 …).
const NOT_A_UNIT_BEFORE: &[(&str, &str)] = &[
    (
        "分",
        "钟之别类配布析解工支会局校队组享散批期段成为管头层步担秒",
    ),
    ("人", "制民口才均士生工大"),
    ("名", "单称义誉校牌额"),
    ("位", "于居置列"),
    ("次", "日要序"),
    ("场", "地馆所景"),
    ("家", "庭长属乡"),
    ("所", "有属在以谓需"),
    ("条", "例件款理"),
    ("期", "间待望限刊"),
    ("户", "外口籍"),
    ("支", "部持出付撑援"),
    ("座", "谈位"),
    ("处", "理置室长于"),
    ("批", "示准复评"),
    ("站", "长"),
    ("项", "目"),
    ("元", "素旦宵气"),
    ("年", "级代度龄轻会"),
];

/// Words before 第N that make it a rank (居全省第二, 排名第三).
const RANK_WORDS: &[&str] = &["排名", "名列", "位列", "位居", "居", "列", "排"];

/// Keyword rules proposing an indicator: all the words must occur in the number's part of the
/// clause (between 、), and the unit must be one of the listed ones; the rule whose word is
/// nearest the number wins. The ids are those of `data/indicators.json`.
const INDICATOR_RULES: &[(&[&str], &[&str], &str)] = &[
    (&["人均体育场地面积"], &["平方米"], "sports_area_per_capita"),
    (&["全民健身活动"], &["次", "场", "项"], "fitness_events"),
    (&["群众体育活动"], &["次", "场", "项"], "fitness_events"),
    (
        &["体育产业总规模"],
        &["元", "万元", "亿元"],
        "sports_industry_scale",
    ),
    (&["金牌"], &["枚"], "medals_gold"),
    (&["银牌"], &["枚"], "medals_silver"),
    (&["铜牌"], &["枚"], "medals_bronze"),
    (&["奖牌总数"], &["枚"], "medals_total"),
    (&["团体总分"], &["分"], "team_score"),
    (&["运动员", "参加"], &["名", "人"], "athletes_entered"),
    (&["运动员", "参赛"], &["名", "人"], "athletes_entered"),
    (&["参加测试"], &["名", "人"], "staff_tested"),
    (&["参加"], &["名", "人"], "event_participants"),
    (&["参与"], &["名", "人"], "event_participants"),
    (
        &["单位", "参加"],
        &["家", "个"],
        "participating_organisations",
    ),
    (&["活动"], &["场", "站"], "fitness_events"),
    (
        &["群众体育先进单位"],
        &["个"],
        "mass_sports_advanced_unit_cycles",
    ),
    (&["区县"], &["个"], "districts_covered"),
    (&["派出"], &["名", "人"], "instructors_dispatched"),
    (&["教练员", "授课"], &["名", "人"], "coaches_trained"),
    (&["职教练员"], &["名", "人"], "coaches_per_school"),
    (&["传校"], &["所"], "traditional_sports_schools"),
    (&["改造"], &["元", "万元", "亿元"], "facility_investment"),
    (&["帮扶"], &["元", "万元"], "poverty_relief_funds"),
    (&["农户"], &["元", "万元"], "poverty_relief_funds"),
    (&["公务"], &["元", "万元"], "official_expenses"),
    (&["因公"], &["元", "万元"], "official_expenses"),
    (&["支出"], &["元", "万元"], "official_expenses"),
    (&["第一名"], &["个"], "first_place_finishes"),
    (&["第三名"], &["个"], "third_place_finishes"),
    (&["示范站点"], &["个"], "taiji_demo_sites"),
    (&["健身园"], &["个"], "fitness_parks_built"),
    (&["笼式足球场"], &["个"], "cage_football_pitches_built"),
    (&["社区体育园"], &["个"], "community_sports_parks_built"),
    (&["健身步道"], &["条"], "fitness_trails_built"),
    (&["全民健身中心"], &["个"], "fitness_centres_built"),
    (
        &["健身器材", "巡检"],
        &["件"],
        "fitness_equipment_inspected",
    ),
    (&["健身器材", "维修"], &["件"], "fitness_equipment_repaired"),
    (
        &["体育旅游示范基地"],
        &["家", "个"],
        "national_sports_tourism_bases",
    ),
    (&["体育特色小镇"], &["家", "个"], "national_sports_towns"),
    (
        &["体育产业示范基地"],
        &["家", "个"],
        "provincial_industry_demo_bases",
    ),
    (&["后备人才"], &["人", "名"], "youth_reserve_talent"),
    (
        &["二级运动员"],
        &["人次", "人", "名"],
        "second_grade_athletes",
    ),
    (
        &["单招运动员"],
        &["人次", "人", "名"],
        "single_admission_athletes_reviewed",
    ),
    (&["基层训练单位"], &["家", "个"], "feeder_units_awarded"),
    (&["预备党员"], &["名", "人"], "party_members_admitted"),
    (
        &["单项体育协会", "成立"],
        &["个", "家"],
        "sports_associations_founded",
    ),
    (
        &["单项体育协会", "共有"],
        &["个", "家"],
        "sports_associations",
    ),
    (&["信访", "接待"], &["次"], "petitions_received"),
    (&["投诉件"], &["件"], "hotline_complaints_handled"),
    (&["意见建议"], &["条"], "suggestions_collected"),
    (&["小分队"], &["支", "个"], "party_service_teams"),
    (&["街道"], &["个"], "sub_districts_mobilised"),
    (
        &["社区", "健身会"],
        &["个"],
        "communities_with_fitness_association",
    ),
    (&["接待"], &["次"], "petitions_received"),
    (&["辅导"], &["人次"], "party_training_attendance"),
    (&["解决", "问题"], &["个"], "public_issues_resolved"),
    (&["支部书记", "培训"], &["个"], "branch_secretaries_trained"),
    (&["补选"], &["个"], "branch_secretary_by_elections"),
    (&["党组织"], &["个"], "party_organisations"),
    (&["党支部"], &["个"], "party_organisations"),
    (&["上报文件"], &["份", "件"], "creation_documents_submitted"),
    (&["暗访"], &["次"], "inspections_received"),
    (&["验收"], &["次"], "inspections_received"),
    (&["党组会"], &["次"], "party_group_meetings"),
    (&["集体学习"], &["次"], "study_sessions"),
    (&["读书班"], &["个", "期"], "reading_classes"),
    (&["党课"], &["次"], "party_lectures"),
    (&["下基层调研"], &["次"], "field_research_visits"),
    (&["调研报告"], &["篇"], "research_reports"),
    (&["整改事项"], &["项"], "rectification_items"),
    (&["整改措施"], &["项"], "rectification_measures"),
    (&["培训班"], &["期"], "party_training_classes"),
    (&["民主生活"], &["次"], "democratic_life_meetings"),
    (&["先进党支部"], &["个"], "advanced_party_branches"),
    (
        &["优秀共产党员"],
        &["名", "人"],
        "outstanding_party_members",
    ),
    (
        &["优秀党务工作者"],
        &["名", "人"],
        "outstanding_party_workers",
    ),
    (&["建档立卡户"], &["户"], "poverty_households_paired"),
    (&["媒体报道"], &["篇"], "media_reports"),
    (&["简报"], &["期"], "briefings_submitted"),
    (&["图片"], &["张"], "photos_submitted"),
];

/// Keyword rules for ranks: a word earlier in the rank's sentence, and the indicator.
const RANK_RULES: &[(&str, &str)] = &[("人均体育场地面积", "sports_area_provincial_rank")];

/// The indicator ids the keyword rules can propose (for checking them against the data).
pub fn rule_indicators() -> impl Iterator<Item = &'static str> {
    INDICATOR_RULES
        .iter()
        .map(|&(_, _, id)| id)
        .chain(RANK_RULES.iter().map(|&(_, id)| id))
        .chain(["medals_gold", "medals_silver", "medals_bronze"])
}

/// A quote longer than this (in characters, white space aside) is cut down around the number.
const MAX_QUOTE_CHARS: usize = 60;
/// A line this short or shorter is a heading (or ends a paragraph): the line break ends a
/// clause. So does a break after a line without punctuation (a title). Longer lines broken
/// mid-sentence, as text taken from PDFs often is, run on.
const HEADING_MAX_CHARS: usize = 24;
/// A quotation (“…”, 《…》) longer than this is taken to be unbalanced and ignored.
const MAX_QUOTATION_CHARS: usize = 40;
/// More digits than this cannot be a count in a report (and would lose precision).
const MAX_DIGITS: usize = 15;
/// How far (in characters, each side) the rules look around a number within its clause or
/// sentence, so that text without punctuation costs linear time.
const CONTEXT_CHARS: usize = 60;

/// Proposes observations from `text`.
pub fn extract(text: &str, options: &Options) -> Extracted {
    if text.len() > MAX_REPORT_BYTES {
        return Extracted {
            candidates: Vec::new(),
            notes: vec![Note {
                offset: 0,
                number: String::new(),
                message: too_long(text.len()),
            }],
        };
    }
    let chars = prepare(text);
    let layout = Layout::new(&chars);
    let mut reader = Reader {
        text,
        chars: &chars,
        layout: &layout,
        options,
        latest_year: layout
            .sentences
            .iter()
            .flat_map(|s| s.years.iter().copied())
            .max(),
        out: Extracted::default(),
        seen: HashSet::new(),
    };
    let mut i = 0;
    while i < chars.len() {
        if starts_number(&chars, i) {
            i = reader.read(i);
        } else {
            i += 1;
        }
    }
    reader.out
}

/// One visible character of the text: normalised, with where it is in the original.
#[derive(Clone, Copy, Debug)]
struct Ch {
    /// The character with full-width forms mapped to ASCII.
    c: char,
    /// As written.
    raw: char,
    /// Byte range in the original text (a text is at most `MAX_REPORT_BYTES`, so 32 bits hold
    /// it: the extractor's memory is a small multiple of its input's).
    start: u32,
    end: u32,
    /// White space comes before it.
    spaced: bool,
    /// A line break comes before it.
    newline: bool,
    /// The layout ends a clause before it: a heading line, or a wide gap of spaces.
    layout_break: bool,
}

fn prepare(text: &str) -> Vec<Ch> {
    let mut chars = Vec::new();
    let (mut spaced, mut newline, mut spaces) = (false, false, 0usize);
    let (mut line_len, mut line_punctuated) = (0usize, false);
    let mut previous_line_is_heading = true;
    for (start, raw) in text.char_indices() {
        let c = half_width(raw);
        if c.is_whitespace() {
            spaced = true;
            if c == '\n' {
                newline = true;
                if line_len > 0 {
                    previous_line_is_heading = line_len <= HEADING_MAX_CHARS || !line_punctuated;
                }
                (line_len, line_punctuated) = (0, false);
            } else {
                spaces += 1;
            }
            continue;
        }
        let layout_break = (newline && previous_line_is_heading) || (!newline && spaces >= 2);
        line_punctuated |= is_clause_end(c);
        chars.push(Ch {
            c,
            raw,
            start: start as u32,
            end: (start + raw.len_utf8()) as u32,
            spaced,
            newline,
            layout_break,
        });
        line_len += 1;
        (spaced, newline, spaces) = (false, false, 0);
    }
    chars
}

fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | '!' | '?' | ':' | '。' | '|' | '<' | '>' | '【' | '】' | '…'
    )
}

/// Ends of sentences, and the cell marks of tables pasted as text.
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | ';' | '!' | '?' | '|' | '<' | '>')
}

fn is_digit(chars: &[Ch], i: usize) -> bool {
    chars.get(i).is_some_and(|ch| ch.c.is_ascii_digit())
}

fn starts_number(chars: &[Ch], i: usize) -> bool {
    chars
        .get(i)
        .is_some_and(|ch| ch.c.is_ascii_digit() || is_chinese_numeral(ch.c))
}

/// Where clauses and sentences begin and end, which characters are inside quotation marks or
/// titles, and what each sentence says about time and plans. Built once, in linear time.
struct Layout {
    clauses: Spans,
    /// Each character's sentence, an index into `sentences`.
    sentence_of: Vec<u32>,
    sentences: Vec<Sentence>,
    quoted: Vec<bool>,
}

/// What a sentence says that bears on the year and status of its numbers.
struct Sentence {
    span: (usize, usize),
    /// The years it names as "YYYY年".
    years: Vec<i32>,
    /// It states a plan, itself or as part of a paragraph that opens with one.
    plan: bool,
    /// The first word it has that places it in time relative to the report (去年, 今年 …).
    relative: Option<&'static str>,
    /// Where 目前 (截至目前) stands in it: numbers from there on are given as current.
    current_from: Option<usize>,
}

/// Words that place a sentence in time relative to the report.
const RELATIVE_TIME: &[&str] = &["去年", "今年", "明年", "全年", "年内"];

impl Layout {
    fn new(chars: &[Ch]) -> Layout {
        let n = chars.len();
        let clause_break = |i: usize| {
            chars[i].layout_break
                || (i > 0 && is_clause_end(chars[i - 1].c) && !is_decimal_point(chars, i - 1))
        };
        let sentence_break =
            |i: usize| chars[i].layout_break || (i > 0 && is_sentence_end(chars[i - 1].c));
        let clauses = spans(n, clause_break);
        let Spans {
            of: sentence_of,
            bounds,
        } = spans(n, sentence_break);
        let sentences: Vec<(usize, usize)> = bounds
            .into_iter()
            .map(|(a, b)| (a as usize, b as usize))
            .collect();
        let quoted = quoted(chars);
        // A paragraph that opens with 今年/明年…将 is a plan throughout.
        let mut in_plan_paragraph = false;
        let sentences = sentences
            .into_iter()
            .map(|(a, b)| {
                let text: String = chars[a..b].iter().map(|ch| ch.c).collect();
                let relative = RELATIVE_TIME.iter().copied().find(|w| text.contains(w));
                let mut plan = is_plan(chars, &quoted, a, b);
                let starts_paragraph = a == 0
                    || (chars[a].newline
                        && (chars[a].layout_break || is_sentence_end(chars[a - 1].c)));
                if starts_paragraph {
                    in_plan_paragraph = plan && (text.contains("今年") || text.contains("明年"));
                }
                plan |= in_plan_paragraph;
                Sentence {
                    span: (a, b),
                    years: years_named(chars, &quoted, a, b),
                    plan,
                    relative,
                    current_from: text.find("目前").map(|at| a + text[..at].chars().count()),
                }
            })
            .collect();
        Layout {
            clauses,
            sentence_of,
            sentences,
            quoted,
        }
    }
}

fn is_decimal_point(chars: &[Ch], i: usize) -> bool {
    chars[i].c == '.' && is_digit(chars, i + 1) && i > 0 && is_digit(chars, i - 1)
}

/// For each character, the span `[start, end)` of the piece it lies in, pieces being separated
/// before every `i` where `breaks_before(i)`.
/// Spans covering `0..n`, cut before each `i` where `breaks_before(i)`: their bounds, and for
/// each character the span it is in (four bytes a character, not sixteen).
struct Spans {
    of: Vec<u32>,
    bounds: Vec<(u32, u32)>,
}

impl Spans {
    /// The span character `i` is in.
    fn at(&self, i: usize) -> (usize, usize) {
        let (a, b) = self.bounds[self.of[i] as usize];
        (a as usize, b as usize)
    }
}

fn spans(n: usize, breaks_before: impl Fn(usize) -> bool) -> Spans {
    let mut of = Vec::with_capacity(n);
    let mut bounds = Vec::new();
    let mut start = 0;
    for i in 0..n {
        if i > 0 && breaks_before(i) {
            bounds.push((start as u32, i as u32));
            start = i;
        }
        of.push(bounds.len() as u32);
    }
    if n > 0 {
        bounds.push((start as u32, n as u32));
    }
    Spans { of, bounds }
}

/// Which characters lie inside quotation marks or title marks: names, slogans, programmes.
fn quoted(chars: &[Ch]) -> Vec<bool> {
    let mut inside = vec![false; chars.len()];
    let closing = |open: char| match open {
        '“' => Some('”'),
        '《' => Some('》'),
        '「' => Some('」'),
        '『' => Some('』'),
        '‘' => Some('’'),
        '"' => Some('"'),
        _ => None,
    };
    let mut i = 0;
    while i < chars.len() {
        let Some(close) = closing(chars[i].c) else {
            i += 1;
            continue;
        };
        let end = (i + 1..chars.len().min(i + 2 + MAX_QUOTATION_CHARS))
            .take_while(|&j| chars[j].c != '。')
            .find(|&j| chars[j].c == close);
        match end {
            Some(end) => {
                inside[i + 1..end].iter_mut().for_each(|x| *x = true);
                i = end + 1;
            }
            None => i += 1,
        }
    }
    inside
}

/// A 4-digit Arabic number that could be a year.
fn year_like(chars: &[Ch], number: &Number) -> Option<i32> {
    let digits = number.end - number.start;
    let plain = (number.start..number.end).all(|k| chars[k].c.is_ascii_digit());
    let value = number.value as i32;
    (plain && digits == 4 && (1900..=2100).contains(&value)).then_some(value)
}

/// The distinct years written as "YYYY年" in `chars[a..b]`, outside titles and quotations
/// (《2022年…方案》 names a document, not the year of the sentence's numbers).
fn years_named(chars: &[Ch], quoted: &[bool], a: usize, b: usize) -> Vec<i32> {
    let mut years = Vec::new();
    let mut i = a;
    while i < b {
        if is_digit(chars, i) && (i == 0 || !is_digit(chars, i - 1)) {
            if let Some(number) = read_arabic(chars, i) {
                if let Some(year) = year_like(chars, &number).filter(|_| !quoted[i]) {
                    if chars.get(number.end).is_some_and(|ch| ch.c == '年')
                        && !years.contains(&year)
                    {
                        years.push(year);
                    }
                }
                i = number.end.max(i + 1);
                continue;
            }
        }
        i += 1;
    }
    years
}

/// Whether the sentence `chars[a..b]` states a plan: 计划, 力争, 拟, 争取, or 将 after a subject
/// or time (我市将, 今年…局将, 后续将), words in quotation marks and titles aside.
fn is_plan(chars: &[Ch], quoted: &[bool], a: usize, b: usize) -> bool {
    let visible: Vec<(usize, char)> = (a..b)
        .filter(|&i| !quoted[i] && !matches!(chars[i].c, '“' | '”' | '《' | '》'))
        .map(|i| (i, chars[i].c))
        .collect();
    let text: String = visible.iter().map(|&(_, c)| c).collect();
    if ["力争", "争取", "今年要", "明年要"]
        .iter()
        .any(|w| text.contains(w))
    {
        return true;
    }
    for (k, &(i, c)) in visible.iter().enumerate() {
        let before = (i > 0).then(|| chars[i - 1].c);
        let next = visible.get(k + 1).map(|&(_, c)| c);
        match c {
            '计' if next == Some('划') && !matches!(before, Some('”' | '》' | '施')) => {
                return true
            }
            '拟' if !matches!(before, Some('模' | '虚' | '草')) => return true,
            '将' if matches!(
                before,
                Some(
                    '年' | '局'
                        | '市'
                        | '区'
                        | '县'
                        | '续'
                        | '步'
                        | '还'
                        | '也'
                        | '即'
                        | '们'
                        | '心'
                        | '会'
                        | '府'
                )
            ) && next != Some('其') =>
            {
                return true
            }
            _ => {}
        }
    }
    false
}

/// A number as written: Arabic or Chinese, its value, and where it ends.
#[derive(Clone, Copy, Debug)]
struct Number {
    start: usize,
    end: usize,
    value: f64,
    chinese: bool,
}

/// An ASCII comma and three digits right after a number: 1,800. The validator reads that as
/// 1 and 800, so it is left to a person rather than proposed either way.
fn thousands_separator_follows(chars: &[Ch], i: usize) -> bool {
    chars.get(i).is_some_and(|ch| ch.raw == ',' && !ch.spaced)
        && (1..=3).all(|k| is_digit(chars, i + k) && !chars[i + k].spaced)
        && !is_digit(chars, i + 4)
}

fn read_arabic(chars: &[Ch], i: usize) -> Option<Number> {
    let joined = |k: usize| is_digit(chars, k) && !chars[k].spaced;
    let mut end = i + 1;
    while joined(end) {
        end += 1;
    }
    let mut digits: String = chars[i..end].iter().map(|ch| ch.c).collect();
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

fn read_number(chars: &[Ch], i: usize) -> (usize, Option<Number>) {
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

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Count,
    Medal(&'static str),
    Rank,
}

/// A number that was read as an observation.
struct Mention {
    number: Number,
    end: usize,
    value_max: Option<f64>,
    qualifier: Qualifier,
    unit: String,
    kind: Kind,
}

/// Why a number is not an observation; `end` is where reading resumes.
struct Skip {
    end: usize,
    why: String,
}

/// A note in Chinese and English.
fn both(zh: String, en: String) -> Text {
    Text { zh, en: Some(en) }
}

fn skip(end: usize, why: impl Into<String>) -> Skip {
    Skip {
        end,
        why: why.into(),
    }
}

struct Reader<'a> {
    text: &'a str,
    chars: &'a [Ch],
    layout: &'a Layout,
    options: &'a Options,
    latest_year: Option<i32>,
    out: Extracted,
    seen: HashSet<(u64, Option<u64>, String, String, usize)>,
}

impl Reader<'_> {
    /// Reads the number at `i`, records a candidate or a note, and returns where to go on.
    fn read(&mut self, i: usize) -> usize {
        match self.mention(i) {
            Ok(mention) => {
                let end = mention.end.max(i + 1);
                self.propose(mention);
                end
            }
            Err(Skip { end, why }) => {
                let end = end.max(i + 1).min(self.chars.len());
                self.note(i, end, why);
                end
            }
        }
    }

    fn note(&mut self, from: usize, to: usize, message: String) {
        let chars = self.chars;
        let to = to.clamp(from + 1, chars.len());
        self.out.notes.push(Note {
            offset: chars[from].start as usize,
            number: self.text[chars[from].start as usize..chars[to - 1].end as usize].to_string(),
            message,
        });
    }

    fn c(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|ch| ch.c)
    }

    /// The part of `span` within [`CONTEXT_CHARS`] of `i`.
    fn near(&self, i: usize, (a, b): (usize, usize)) -> (usize, usize) {
        let a = a.max(i.saturating_sub(CONTEXT_CHARS));
        (a, b.min(i + CONTEXT_CHARS).max(a))
    }

    fn text_of(&self, (a, b): (usize, usize)) -> String {
        self.chars[a..b].iter().map(|ch| ch.c).collect()
    }

    /// Whether `word` ends right before `i` (in the same clause).
    fn preceded_by(&self, i: usize, word: &str) -> bool {
        let n = word.chars().count();
        if i < n || i - n < self.layout.clauses.at(i.min(self.chars.len() - 1)).0 {
            return false;
        }
        self.chars[i - n..i].iter().map(|ch| ch.c).eq(word.chars())
    }

    /// Whether `word` starts at `i`.
    fn followed_by(&self, i: usize, word: &str) -> bool {
        let n = word.chars().count();
        i + n <= self.chars.len() && self.chars[i..i + n].iter().map(|ch| ch.c).eq(word.chars())
    }

    fn mention(&self, i: usize) -> Result<Mention, Skip> {
        let chars = self.chars;
        let (run_end, number) = read_number(chars, i);
        let Some(number) = number else {
            return Err(skip(
                run_end,
                "not a quantity (a string of digits or numerals)",
            ));
        };
        let before = i.checked_sub(1).and_then(|k| self.c(k));
        let mut j = number.end;
        if before.is_some_and(|c| c.is_ascii_alphabetic())
            || self.c(j).is_some_and(|c| c.is_ascii_alphabetic())
        {
            return Err(skip(j, "part of a code"));
        }
        if thousands_separator_follows(chars, j) {
            let mut end = j;
            while is_digit(chars, end) || self.c(end) == Some(',') {
                end += 1;
            }
            return Err(skip(
                end,
                "digits grouped with commas (1,800): read it by hand",
            ));
        }
        if self.layout.quoted[i] {
            return Err(skip(
                j,
                "inside quotation marks or a title (a name or slogan)",
            ));
        }
        // A range: 8至10, 4-7.
        let mut value_max = None;
        if self
            .c(j)
            .is_some_and(|c| matches!(c, '至' | '到' | '-' | '—' | '–' | '~'))
            && starts_number(chars, j + 1)
        {
            if let (end, Some(high)) = read_number(chars, j + 1) {
                if high.chinese == number.chinese {
                    value_max = Some(high);
                    j = end;
                }
            }
        }
        if let Some(year) = year_like(chars, &number) {
            if value_max.is_some_and(|high| year_like(chars, &high).is_some()) {
                return Err(skip(j, "a range of years"));
            }
            if value_max.is_some() || matches!(self.c(number.end), Some('/' | '.')) {
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
        if before == Some('第') {
            return self.ordinal(number, value_max, j);
        }
        if let Some(c) = before.filter(|c| "每这那此该前".contains(*c)) {
            return Err(skip(
                j,
                format!("after {c} (a frequency, a reference back or a top-N)"),
            ));
        }
        let pre = self.qualifier_before(i);
        if number.chinese {
            let run: String = chars[i..number.end].iter().map(|ch| ch.c).collect();
            if run == "一" && value_max.is_none() {
                return Err(skip(j, "一 as an article"));
            }
            if run.chars().all(|c| "百千万亿".contains(c)) && pre.is_none() {
                return Err(skip(j, "a bare 百/千/万 (a word, not a count)"));
            }
        }
        // 余/多, a multiplier 万/亿, the unit.
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
        let (unit, kind) = match self.unit_at(j) {
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
        if number.chinese && unit == "分" {
            return Err(skip(j, "十分/万分 (very), not points"));
        }
        if unit.ends_with('年') && !self.preceded_by(i, "连续") {
            return Err(skip(j, "a span of years (only 连续N年 counts)"));
        }
        if number.chinese && self.c(j).is_some_and(is_chinese_numeral) {
            return Err(skip(j, "part of an idiom or name (两人三足)"));
        }
        let post = if self.followed_by(j, "左右") {
            j += 2;
            Some(Qualifier::Approximate)
        } else if self.followed_by(j, "以上") {
            j += 2;
            Some(Qualifier::AtLeast)
        } else if self.followed_by(j, "以下") || self.followed_by(j, "以内") {
            j += 2;
            Some(Qualifier::AtMost)
        } else {
            None
        };
        let qualifier = if value_max.is_some() {
            Qualifier::Range
        } else if at_least {
            Qualifier::AtLeast
        } else {
            post.or(pre)
                .or_else(|| self.at_least_in_clause(i))
                .unwrap_or(Qualifier::Exact)
        };
        Ok(Mention {
            number,
            end: j,
            value_max: value_max.map(|high| high.value),
            qualifier,
            unit,
            kind,
        })
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
            if let Some(unit) = self.unit_at(j) {
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

    /// The unit written at `i`, unless the characters after it make it part of another word.
    fn unit_at(&self, i: usize) -> Option<&'static str> {
        let unit = UNITS.iter().find(|u| self.followed_by(i, u))?;
        let after = self.c(i + unit.chars().count());
        let blocked = NOT_A_UNIT_BEFORE
            .iter()
            .any(|(u, next)| u == unit && after.is_some_and(|c| next.contains(c)));
        (!blocked).then_some(*unit)
    }

    /// 约, 近, 超过, 不足 … right before the number.
    fn qualifier_before(&self, i: usize) -> Option<Qualifier> {
        let ahead = |k: usize| i.checked_sub(k).and_then(|k| self.c(k));
        match (ahead(2), ahead(1)?) {
            (Some('预' | '邀' | '签' | '节' | '制'), '约') | (Some('最' | '附'), '近') => {
                None
            }
            (_, '约' | '近') => Some(Qualifier::Approximate),
            (_, '逾') => Some(Qualifier::AtLeast),
            (Some('超'), '过') | (Some('多'), '达') => Some(Qualifier::AtLeast),
            (Some('不'), '足' | '到') | (Some('至' | '最'), '多') => Some(Qualifier::AtMost),
            (Some('至'), '少') | (Some('少'), '于') => Some(Qualifier::AtLeast),
            (_, '上') if self.c(i).is_some_and(|c| "百千万".contains(c)) => {
                Some(Qualifier::Approximate)
            }
            _ => None,
        }
    }

    /// 至少 / 不少于 earlier in the clause (至少为…上了1次党课).
    fn at_least_in_clause(&self, i: usize) -> Option<Qualifier> {
        let (start, _) = self.near(i, self.layout.clauses.at(i));
        let before = self.text_of((start, i));
        (before.contains("至少") || before.contains("不少于")).then_some(Qualifier::AtLeast)
    }

    fn propose(&mut self, mention: Mention) {
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
        let indicator = self.indicator(&mention);
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
            indicator,
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

    fn indicator(&self, mention: &Mention) -> Option<String> {
        match mention.kind {
            Kind::Medal(colour) => return Some(colour.to_string()),
            Kind::Rank => {
                let i = mention.number.start;
                let sentence = &self.layout.sentences[self.layout.sentence_of[i] as usize];
                let (a, _) = self.near(i, sentence.span);
                let before = self.text_of((a, i));
                return RANK_RULES
                    .iter()
                    .find(|(word, _)| before.contains(word))
                    .map(|(_, id)| id.to_string());
            }
            Kind::Count => {}
        }
        // The number's part of the clause, between 、 (or the clause's ends).
        let i = mention.number.start;
        let (clause_start, clause_end) = self.near(i, self.layout.clauses.at(i));
        let start = (clause_start..i)
            .rev()
            .find(|&k| self.chars[k].c == '、')
            .map_or(clause_start, |k| k + 1);
        let end = (mention.end..clause_end)
            .find(|&k| self.chars[k].c == '、')
            .unwrap_or(clause_end.max(mention.end));
        let before: String = self.chars[start..i].iter().map(|ch| ch.c).collect();
        let after: String = self.chars[mention.end.min(end)..end]
            .iter()
            .map(|ch| ch.c)
            .collect();
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
                distances.map(|d| (d[0], *id))
            })
            .min_by_key(|&(d, _)| d)
            .map(|(_, id)| id.to_string())
    }
}

fn medal_colour(c: char) -> Option<&'static str> {
    match c {
        '金' => Some("medals_gold"),
        '银' => Some("medals_silver"),
        '铜' => Some("medals_bronze"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(year: Option<i32>) -> Options {
        Options {
            doc: "report.txt".to_string(),
            entity: Some("city".to_string()),
            year,
        }
    }

    fn only(text: &str, year: Option<i32>) -> Candidate {
        let found = extract(text, &options(year)).candidates;
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

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
    fn a_heading_line_ends_the_clause() {
        let text = "体育产业 质效齐增\n\n本报记者 孙军\n\n成功创建国家级体育旅游示范基地1家。";
        let c = only(text, None);
        assert_eq!(c.source.quote, "成功创建国家级体育旅游示范基地1家");
    }

    #[test]
    fn a_sentence_repeated_word_for_word_gives_one_candidate() {
        let text = "开展了200多项群众体育活动。\n\n开展了200多项群众体育活动。";
        let found = extract(text, &options(None));
        assert_eq!(found.candidates.len(), 1);
        assert!(found.notes.iter().any(|n| n.message.contains("repeats")));
    }

    #[test]
    fn skipped_numbers_are_noted_with_a_reason() {
        let found = extract("2021年7月,办理回复12345服务热线", &options(None));
        assert!(found.candidates.is_empty());
        let reasons: Vec<&str> = found.notes.iter().map(|n| n.message.as_str()).collect();
        assert!(reasons.iter().any(|r| r.contains("2021")), "{reasons:?}");
        assert!(reasons.iter().any(|r| r.contains("no unit")), "{reasons:?}");
    }
}
