//! The indicator a number is proposed for: the standard indicator whose words stand nearest and
//! are most specific, among those its unit converts to, with the next two as alternatives; a
//! keyword rule's other indicator where it is more specific; or none.

use sportdash_core::model::{Catalog, Indicator};
use sportdash_core::units;

use super::around::{distance, Around, Scope};
use super::synonyms::{
    CHANGE_WORDS, COMPETITION_WORDS, KINDS_OF_STANDARD, MEASURE_WORDS, OBJECT_RULED_OUT_BY,
    RULED_OUT_BY, SYNONYMS,
};
use crate::reader::{Found, Kind, RuleMatch};

/// A first choice needs at least this score: words in the clause, or specific words in the
/// sentence or the headings.
const PROPOSE_FROM: i32 = 2100;
/// An alternative needs at least this: any word anywhere around.
const SUGGEST_FROM: i32 = 1000;
/// Taken off when the thing counted is named after the number and it is not the indicator's.
const OTHER_OBJECT: i32 = 1000;
/// Taken off words beyond the number's clause when the clause names a subject of its own: they
/// can suggest an indicator, not propose it.
const OTHER_TOPIC: i32 = 300;
/// Characters before a thing's name (和, 新建, 全市 …) and between it and its number (达到,
/// 共 …), and words of an action: a clause of an action takes its subject from the sentence.
const THING_LEAD: &str = "和及与另并新建改扩成增完共计有为各其中全市区县年内省级国家";
const THING_TAIL: &str = "达到为共计有约近超过突破逾累";
const ACTIONS: &[&str] = &[
    "举办", "开展", "组织", "参与", "参加", "吸引", "带动", "输送", "接待", "培训", "销售", "筹集",
    "投入", "完成", "实现", "获得", "新建", "建成", "累计", "总数", "其中", "人数", "人次", "争取",
    "落实", "拨付", "下达", "安排", "资金", "经费",
];
/// Taken off when the unit is not one the indicator is usually counted in.
const OTHER_MEASURE: i32 = 300;

/// The standard indicators of the catalogue.
pub(super) struct Standard<'c> {
    indicators: Vec<&'c Indicator>,
}

/// What was found for one indicator: its score, and the word that gave it.
#[derive(Clone, Copy, Debug)]
struct Evidence {
    id: &'static str,
    score: i32,
    scope: Scope,
    word: &'static str,
    distance: usize,
}

/// The proposal: an indicator (standard or a rule's), and up to two standard alternatives.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Choice {
    pub(super) indicator: Option<String>,
    pub(super) alternatives: Vec<String>,
}

fn points(scope: Scope) -> i32 {
    match scope {
        Scope::Item => 4000,
        Scope::Clause => 3000,
        Scope::Sentence => 2000,
        Scope::Heading => 1800,
    }
}

impl<'c> Standard<'c> {
    pub(super) fn new(catalog: &'c Catalog) -> Standard<'c> {
        Standard {
            indicators: catalog.indicators.iter().filter(|i| i.standard).collect(),
        }
    }

    /// The indicator proposed for the number `found`, written with `unit`, in `around`.
    pub(super) fn choose(&self, around: &Around, unit: &str, found: &Found) -> Choice {
        match found.kind {
            Kind::Medal(colour) => Choice {
                indicator: Some(colour.to_string()),
                alternatives: Vec::new(),
            },
            Kind::Rank => self.rank(around, found.rule.as_ref()),
            Kind::Count => {
                let rule = found.rule.as_ref().map(|r| self.as_standard(r));
                self.count(around, unit, rule.as_ref())
            }
        }
    }

    /// A rule for a kind of a standard indicator, as a rule for the standard one.
    fn as_standard(&self, rule: &RuleMatch) -> RuleMatch {
        let standard = KINDS_OF_STANDARD
            .iter()
            .find(|&&(kind, standard)| kind == rule.id && self.has(standard));
        RuleMatch {
            id: standard.map_or(rule.id, |&(_, standard)| standard),
            ..rule.clone()
        }
    }

    fn has(&self, id: &str) -> bool {
        self.indicators.iter().any(|i| i.id == id)
    }

    /// A rank: a keyword rule's (人均体育场地面积 居全省第二), else a competition's when the
    /// sentence or headings speak of one.
    fn rank(&self, around: &Around, rule: Option<&RuleMatch>) -> Choice {
        const RANK: &str = "competition_rank";
        let alternatives = if self.has(RANK) {
            vec![RANK.to_string()]
        } else {
            Vec::new()
        };
        if let Some(rule) = rule {
            return Choice {
                indicator: Some(rule.id.to_string()),
                alternatives,
            };
        }
        let (before, after) = around.scope(Scope::Heading);
        let competition = COMPETITION_WORDS
            .iter()
            .any(|w| before.contains(w) || after.contains(w));
        if competition {
            Choice {
                indicator: alternatives.first().cloned(),
                alternatives: Vec::new(),
            }
        } else {
            Choice {
                indicator: None,
                alternatives,
            }
        }
    }

    /// A count, amount or share: the standard indicators scored, and the keyword rule.
    fn count(&self, around: &Around, unit: &str, rule: Option<&RuleMatch>) -> Choice {
        let mut ranked = self.scores(around, unit, rule);
        ranked.sort_by_key(|e| std::cmp::Reverse(e.score));
        let best = ranked.first().filter(|e| e.score >= PROPOSE_FROM).copied();
        let rule_wins = match (rule, best) {
            (Some(rule), Some(best)) => !self.has(rule.id) && more_specific(rule, &best),
            (Some(rule), None) => !self.has(rule.id),
            (None, _) => false,
        };
        let indicator = if rule_wins {
            rule.map(|r| r.id.to_string())
        } else {
            best.map(|e| e.id.to_string())
        };
        let alternatives = ranked
            .iter()
            .filter(|e| e.score >= SUGGEST_FROM && Some(e.id) != indicator.as_deref())
            .map(|e| e.id.to_string())
            .take(2)
            .collect();
        Choice {
            indicator,
            alternatives,
        }
    }

    /// Each standard indicator the unit converts to, with the best evidence for it.
    fn scores(&self, around: &Around, unit: &str, rule: Option<&RuleMatch>) -> Vec<Evidence> {
        if is_change(&around.item.0) {
            return Vec::new();
        }
        let open: Vec<&str> = self
            .indicators
            .iter()
            .filter(|i| converts(unit, &i.unit) && !ruled_out(&i.id, around))
            .map(|i| i.id.as_str())
            .collect();
        let subset = around.clause.0.contains("其中");
        let from_words = SYNONYMS
            .iter()
            .filter(|(_, _, id)| open.contains(id))
            .filter_map(|&(words, weight, id)| evidence(around, words, weight, id))
            .filter(|e| e.scope >= Scope::Clause || !subset);
        let from_rule = rule.filter(|r| open.contains(&r.id)).map(|r| Evidence {
            id: r.id,
            score: points(Scope::Item) + 300 - r.distance.min(60) as i32,
            scope: Scope::Item,
            word: r.words.first().copied().unwrap_or(""),
            distance: r.distance,
        });
        let topic = clause_topic(around);
        let mut best: Vec<Evidence> = Vec::new();
        for mut e in from_words.chain(from_rule) {
            if around.object_named() && !around.item.1.contains(e.word) {
                e.score -= OTHER_OBJECT;
            }
            if topic && e.scope < Scope::Clause {
                e.score -= OTHER_TOPIC;
            }
            if !usual_measure(e.id, unit) {
                e.score -= OTHER_MEASURE;
            }
            match best.iter_mut().find(|b| b.id == e.id) {
                Some(b) if b.score < e.score => *b = e,
                Some(_) => {}
                None => best.push(e),
            }
        }
        best
    }
}

/// Whether the number's clause names a subject of its own (居民人均体育消费达到1850元): specific
/// words of any standard indicator, open to the number or not.
fn clause_topic(around: &Around) -> bool {
    let (before, after) = around.words(Scope::Clause);
    let specific = SYNONYMS.iter().any(|(words, weight, _)| {
        *weight >= 2
            && words
                .iter()
                .all(|w| before.contains(w) || after.contains(w))
    });
    specific || names_thing(before)
}

/// Whether the words before a number in its clause name a thing and no action (体育公园3个 after
/// 新建全民健身中心2个，): a list written across clauses.
fn names_thing(before: &str) -> bool {
    let thing = before
        .trim_start_matches(|c| THING_LEAD.contains(c))
        .trim_end_matches(|c| THING_TAIL.contains(c));
    let cjk = thing
        .chars()
        .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    cjk && thing.chars().count() >= 3 && !ACTIONS.iter().any(|w| thing.contains(w))
}

/// Whether words in the number's clause, or in the thing it counts, rule `id` out.
fn ruled_out(id: &str, around: &Around) -> bool {
    let (before, after) = &around.clause;
    let in_clause = RULED_OUT_BY.iter().any(|(i, words)| {
        *i == id
            && words
                .iter()
                .any(|w| before.contains(w) || after.contains(w))
    });
    in_clause
        || OBJECT_RULED_OUT_BY
            .iter()
            .any(|(i, words)| *i == id && words.iter().any(|w| around.item.1.contains(w)))
}

/// The evidence `words` (all of them, in the narrowest scope that has them) give for `id`.
fn evidence(
    around: &Around,
    words: &'static [&'static str],
    weight: u8,
    id: &'static str,
) -> Option<Evidence> {
    for scope in [Scope::Item, Scope::Clause, Scope::Sentence, Scope::Heading] {
        let (before, after) = around.words(scope);
        let present = words
            .iter()
            .all(|w| before.contains(w) || after.contains(w));
        if !present {
            continue;
        }
        let word = words[0];
        let distance = if scope == Scope::Heading {
            0
        } else {
            distance((before, after), word).unwrap_or(0)
        };
        return Some(Evidence {
            id,
            score: points(scope) + i32::from(weight) * 100 - distance.min(60) as i32,
            scope,
            word,
            distance,
        });
    }
    None
}

/// Whether a keyword rule for another indicator is more specific than the best standard
/// evidence: the standard word is farther out, part of the rule's words (体育协会 in 单项体育
/// 协会, 参加 in 运动员…参加), or farther from the number.
fn more_specific(rule: &RuleMatch, best: &Evidence) -> bool {
    if best.scope < Scope::Item {
        return true;
    }
    let covers = rule
        .words
        .iter()
        .any(|w| w.contains(best.word) && (rule.words.len() > 1 || w.len() > best.word.len()));
    covers || best.distance > rule.distance
}

/// Whether `unit` converts to `to`; a scale before a unit units.rs does not list with one
/// (万名) converts as the unit does.
fn converts(unit: &str, to: &str) -> bool {
    units::convert(1.0, unit, to).is_some()
        || (!units::is_known(unit)
            && units::convert(1.0, unit.trim_start_matches(['万', '亿']), to).is_some())
}

/// Whether `id` is usually counted in `unit` (a scale 万/亿 aside); true where any unit that
/// converts is usual.
fn usual_measure(id: &str, unit: &str) -> bool {
    let unit = unit.trim_start_matches(['万', '亿']);
    MEASURE_WORDS
        .iter()
        .find(|(i, _)| *i == id)
        .is_none_or(|(_, measures)| measures.contains(&unit))
}

/// Whether the words right before a number make it a change (同比增长12%, 比去年下降5个).
fn is_change(before: &str) -> bool {
    let tail: String = {
        let trimmed = before.trim_end_matches(['了', '达', '为', '约', '近', '超', '过', '逾']);
        let n = trimmed.chars().count();
        trimmed.chars().skip(n.saturating_sub(4)).collect()
    };
    CHANGE_WORDS.iter().any(|w| tail.contains(w)) && !tail.ends_with(['到', '至'])
}
