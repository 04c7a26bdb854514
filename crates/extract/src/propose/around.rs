//! The words around a number, from nearest to farthest: its list item (between 、), its clause,
//! its sentence, and the headings over it.

use crate::layout::Layout;
use crate::reader::Found;
use crate::text::Ch;

use super::sections::Sections;

/// How far (in characters) the words around a number are read, each side.
const WINDOW: usize = 60;
/// Characters that end the thing a number counts, written after it (2个足球场和3条步道).
const ENDS_OBJECT: &str = "和及与的、并等或，,；;。";

/// The scopes words are looked for in, narrowest last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Scope {
    Heading,
    Sentence,
    Clause,
    Item,
}

/// The words around one number: before it (ending at the number) and after it (from the end
/// of its unit), for each scope; the headings over it, outermost first. After the number, its
/// list item is cut to the thing it counts (2个笼式足球场 of 2个笼式足球场和5个社区体育园).
pub(super) struct Around {
    pub(super) item: (String, String),
    pub(super) clause: (String, String),
    pub(super) sentence: (String, String),
    pub(super) headings: Vec<String>,
    /// The headings, then the sentence up to the number: the heading scope's words before it.
    over: String,
    /// Where the number's list item names its own thing (多功能运动场12个 in 健身路径86套、多功能
    /// 运动场12个): its clause and sentence without the other items, and the heading scope's
    /// words before it, for the indicator's words.
    listed: Option<[(String, String); 3]>,
}

/// Characters at the start of a list item that do not name a thing (a verb or a qualifier).
const ITEM_LEAD: &str = "新建改扩成增完共计有为和及与另各其中全市区县省级国家";
/// A list item names its own thing when this many characters remain before the number.
const OWN_THING_CHARS: usize = 3;

fn text(chars: &[Ch], (a, b): (usize, usize)) -> String {
    chars[a..b.max(a)].iter().map(|ch| ch.c).collect()
}

impl Around {
    pub(super) fn new(chars: &[Ch], layout: &Layout, sections: &Sections, found: &Found) -> Around {
        let (i, j) = (found.start, found.end.min(chars.len()));
        let window =
            |(a, b): (usize, usize)| (a.max(i.saturating_sub(WINDOW)), b.min(j + WINDOW).max(j));
        let clause = window(layout.clauses.at(i));
        let sentence = window(layout.sentences[layout.sentence_of[i] as usize].span);
        let item_start = (clause.0..i)
            .rev()
            .find(|&k| chars[k].c == '、')
            .map_or(clause.0, |k| k + 1);
        let item_end = (j..clause.1)
            .find(|&k| chars[k].c == '、')
            .unwrap_or(clause.1);
        let byte = chars[i].start as usize;
        let object: String = text(chars, (j, item_end))
            .chars()
            .take_while(|&c| !ENDS_OBJECT.contains(c) && !c.is_ascii_digit())
            .collect();
        let headings: Vec<String> = sections.around(byte).map(|h| h.text.clone()).collect();
        let item = (text(chars, (item_start, i)), object);
        let own_thing = item.0.trim_start_matches(|c| ITEM_LEAD.contains(c));
        let in_list = item_start > clause.0 || item_end < clause.1;
        let listed = (in_list && own_thing.chars().count() >= OWN_THING_CHARS).then(|| {
            let own = (item.0.clone(), text(chars, (j, item_end)));
            let wider = (
                text(chars, (sentence.0, clause.0)) + &own.0,
                own.1.clone() + &text(chars, (clause.1, sentence.1)),
            );
            let over = (headings.join(" ") + " " + &wider.0, wider.1.clone());
            [own, wider, over]
        });
        let sentence = (text(chars, (sentence.0, i)), text(chars, (j, sentence.1)));
        Around {
            item,
            clause: (text(chars, (clause.0, i)), text(chars, (j, clause.1))),
            over: headings.join(" ") + " " + &sentence.0,
            sentence,
            headings,
            listed,
        }
    }

    /// The words before and after the number in `scope`, for its indicator: where its list
    /// item names its own thing, without the other items.
    pub(super) fn words(&self, scope: Scope) -> (&str, &str) {
        let Some([clause, sentence, over]) = &self.listed else {
            return self.scope(scope);
        };
        let (before, after) = match scope {
            Scope::Item => &self.item,
            Scope::Clause => clause,
            Scope::Sentence => sentence,
            Scope::Heading => over,
        };
        (before, after)
    }

    /// The words before and after the number in `scope` (for headings: the headings, and the
    /// sentence).
    pub(super) fn scope(&self, scope: Scope) -> (&str, &str) {
        let (before, after) = match scope {
            Scope::Item => &self.item,
            Scope::Clause => &self.clause,
            Scope::Sentence => &self.sentence,
            Scope::Heading => return (&self.over, &self.sentence.1),
        };
        (before, after)
    }

    /// Whether the thing counted is named right after the number (2个笼式足球场, 20多个跑团),
    /// rather than before it (开展活动110次).
    pub(super) fn object_named(&self) -> bool {
        let after = &self.item.1;
        let mut chars = after.chars();
        let first = chars.next();
        let second = chars.next();
        let particle = |c: char| "了被在于对向从把将以为是均共已：:（(".contains(c);
        let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        first.is_some_and(|c| cjk(c) && !particle(c)) && second.is_some_and(cjk)
    }
}

/// Where `word` stands nearest the number in (before, after): characters between them.
pub(super) fn distance((before, after): (&str, &str), word: &str) -> Option<usize> {
    let after_at = after.find(word).map(|b| after[..b].chars().count());
    let before_at = before
        .rfind(word)
        .map(|b| before[b + word.len()..].chars().count());
    match (after_at, before_at) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}
