//! The place a report is about: a catalogue entity named in its title or publisher lines (in
//! full, without its suffix 市/区/县, or after its province: 天津市河东区), else a new place the
//! title names, else the catalogue place the body names most often.

use std::collections::HashMap;

use sportdash_core::model::{Catalog, Entity, EntityKind, Text};

use super::head::Head;
use super::provinces;

/// A place named this many times in the body is taken when the title names none.
const BODY_MENTIONS: usize = 3;
/// A province or municipality named this many times in the text is the parent of a new place
/// whose title names none.
const IMPLIED_PARENT_MENTIONS: usize = 2;

/// Words ending in 区/县/市 that are not places.
const NOT_PLACES: &[&str] = &[
    "开发区",
    "示范区",
    "保护区",
    "风景区",
    "试验区",
    "功能区",
    "服务区",
];

/// The place read, as an id (a catalogue entity's or a new one's), with how it was read.
pub(super) struct Place {
    pub(super) id: Option<String>,
    pub(super) name: Option<String>,
    pub(super) new_entities: Vec<Entity>,
    pub(super) read: Text,
}

fn both(zh: String, en: String) -> Text {
    Text { zh, en: Some(en) }
}

/// How deep a kind of place is: a district is more specific than its city.
fn depth(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Country => 0,
        EntityKind::Province | EntityKind::Municipality => 1,
        EntityKind::City => 2,
        EntityKind::District | EntityKind::County => 3,
    }
}

/// A place name without its suffix (焦作市 → 焦作), when two characters or more remain.
pub(super) fn short_name(name: &str) -> Option<&str> {
    let short = ["特别行政区", "自治区", "自治州", "省", "市", "区", "县"]
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))?;
    (short.chars().count() >= 2).then_some(short)
}

/// Where `short`, the name of `full` without its suffix, is written in `text` and not followed
/// by another suffix (XX for XX县 is not in XX市).
fn find_short(text: &str, short: &str, full: &str) -> Option<usize> {
    text.match_indices(short)
        .map(|(at, _)| at)
        .find(|&at| !other_suffix(&text[at + short.len()..], full))
}

/// Whether `rest` starts with a place suffix that is not `full`'s own.
fn other_suffix(rest: &str, full: &str) -> bool {
    rest.chars()
        .next()
        .is_some_and(|c| "省市区县".contains(c) && !full.ends_with(c))
}

/// The catalogue entity `line` names: the most specific, then the first written; one whose
/// parent the line also names is preferred, one after another province's name is not it
/// (山东省临沂市河东区 is not Tianjin's 河东区).
fn known_in<'c>(line: &str, catalog: &'c Catalog) -> Option<&'c Entity> {
    let found = catalog
        .entities
        .iter()
        .filter(|e| e.kind != EntityKind::Country)
        .filter_map(|e| {
            let at = line
                .find(&e.name.zh)
                .or_else(|| short_name(&e.name.zh).and_then(|s| find_short(line, s, &e.name.zh)))?;
            let parent_named = e
                .parent
                .as_deref()
                .and_then(|p| catalog.entity(p))
                .is_some_and(|p| {
                    line.contains(&p.name.zh)
                        || short_name(&p.name.zh).is_some_and(|s| line.contains(s))
                });
            let elsewhere = provinces::PROVINCES.iter().any(|p| {
                line[..at].contains(p.short)
                    && e.name.zh != p.name
                    && !catalog.parents(&e.id).any(|a| a.name.zh == p.name)
            });
            (!elsewhere).then_some((e, at, parent_named))
        });
    found
        .max_by_key(|&(e, at, parent_named)| (depth(e.kind), parent_named, std::cmp::Reverse(at)))
        .map(|(e, _, _)| e)
}

/// Place names written before a bureau or the word 体育 (新乡市体育局, X县体育局, 天津市河东区
/// 体育系统): each the whole name as written, provinces included.
pub(super) fn names_in(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut names = Vec::new();
    for (k, &c) in chars.iter().enumerate() {
        if !"省市区县".contains(c) {
            continue;
        }
        let next = chars.get(k + 1).copied();
        let ends_name = next
            .is_none_or(|n| n.is_whitespace() || n.is_ascii_digit() || "体文教人政党".contains(n));
        if !ends_name {
            continue;
        }
        let mut start = k;
        while start > 0 && k - start < 10 {
            let b = chars[start - 1];
            let name_char = (b.is_alphabetic() && !b.is_ascii_digit())
                && !"年度的了和与及在于对为是全我本该各由向从将把被等".contains(b);
            if !name_char {
                break;
            }
            start -= 1;
        }
        let name: String = chars[start..=k].iter().collect();
        let own: String = chars[start..k].iter().collect();
        let ascii_letter = own.chars().count() == 1 && own.chars().all(|c| c.is_ascii_alphabetic());
        if (own.chars().count() >= 2 || ascii_letter)
            && !NOT_PLACES.iter().any(|w| name.ends_with(w))
        {
            names.push(name);
        }
    }
    names
}

/// The kind of place a name's suffix gives.
fn kind_of(name: &str) -> EntityKind {
    if let Some(p) = provinces::named(name) {
        return p.kind;
    }
    match name.chars().last() {
        Some('省') => EntityKind::Province,
        Some('区') if name.ends_with("自治区") => EntityKind::Province,
        Some('区') => EntityKind::District,
        Some('县') => EntityKind::County,
        _ => EntityKind::City,
    }
}

/// The places `written` names, outermost first: 山东省临沂市河东区 → 山东省, 临沂市, 河东区.
fn segments(written: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = written;
    while !rest.is_empty() {
        if let Some((_, len)) = provinces::at_start(rest) {
            parts.push(&rest[..len]);
            rest = &rest[len..];
            continue;
        }
        let inner = rest
            .char_indices()
            .find(|&(i, c)| c == '市' && i > 0 && i + c.len_utf8() < rest.len())
            .map(|(i, c)| i + c.len_utf8());
        match inner {
            Some(end) => {
                parts.push(&rest[..end]);
                rest = &rest[end..];
            }
            None => {
                parts.push(rest);
                rest = "";
            }
        }
    }
    parts
}

/// The catalogue's province (for a city) or municipality (for a district or county) the text
/// names most often, at least [`IMPLIED_PARENT_MENTIONS`] times: the parent of a place whose
/// title names none (南开区 in a report that speaks of 天津).
fn implied_parent<'c>(kind: EntityKind, text: &str, catalog: &'c Catalog) -> Option<&'c Entity> {
    let wanted = match kind {
        EntityKind::City => EntityKind::Province,
        EntityKind::District | EntityKind::County => EntityKind::Municipality,
        _ => return None,
    };
    catalog
        .entities
        .iter()
        .filter(|e| e.kind == wanted)
        .map(|e| {
            let form = short_name(&e.name.zh).unwrap_or(&e.name.zh);
            (e, text.matches(form).count())
        })
        .filter(|&(_, count)| count >= IMPLIED_PARENT_MENTIONS)
        .max_by_key(|&(_, count)| count)
        .map(|(e, _)| e)
}

/// A place not in the catalogue, named `written` (its province or city possibly before it):
/// the new entities, outermost first (a city named before it that the catalogue lacks is new
/// too; a province it lacks is not), and its name. Without a parent written, one the text
/// implies is taken.
fn new_place(written: &str, text: &str, catalog: &Catalog) -> (Vec<Entity>, String) {
    let mut entities: Vec<Entity> = Vec::new();
    let mut parent: Option<String> = None;
    let parts = segments(written);
    for (k, part) in parts.iter().enumerate() {
        let last = k + 1 == parts.len();
        let known = catalog
            .entities
            .iter()
            .find(|e| e.name.zh == *part && (parent.is_none() || e.parent == parent));
        if let (Some(entity), false) = (known, last) {
            parent = Some(entity.id.clone());
            continue;
        }
        let province = provinces::named(part).filter(|_| !last || parts.len() == 1);
        if province.is_some() && !last {
            // A province the catalogue lacks is not proposed: the place below it has no parent.
            continue;
        }
        let id = match province {
            Some(p) if catalog.entity(p.id).is_none() => p.id.to_string(),
            _ => (1..)
                .map(|n| format!("new-place-{n}"))
                .find(|id| catalog.entity(id).is_none() && entities.iter().all(|e| &e.id != id))
                .unwrap_or_default(),
        };
        let full = provinces::named(part).map_or(*part, |p| p.name);
        entities.push(Entity {
            id: id.clone(),
            name: Text {
                zh: full.to_string(),
                en: None,
            },
            kind: kind_of(full),
            parent: parent.take(),
        });
        parent = Some(id);
    }
    if let Some(first) = entities.first_mut().filter(|e| e.parent.is_none()) {
        first.parent = implied_parent(first.kind, text, catalog).map(|p| p.id.clone());
    }
    let name = entities
        .last()
        .map(|e| e.name.zh.clone())
        .unwrap_or_default();
    (entities, name)
}

/// The place of the report.
pub(super) fn read(head: &Head, text: &str, catalog: &Catalog) -> Place {
    for (label, line) in head.place_lines() {
        let known_here = known_in(line, catalog);
        let written = names_in(line).into_iter().next();
        match (known_here, written) {
            (Some(entity), Some(written)) if below(&written, entity, catalog) => {
                return unknown(&written, label, line, text, catalog)
            }
            (Some(entity), _) => return known(entity, &format!("{label}：{line}"), ""),
            (None, Some(written)) => return unknown(&written, label, line, text, catalog),
            (None, None) => {}
        }
    }
    if let Some(place) = from_body(text, catalog) {
        return place;
    }
    if let Some(written) = new_in_body(text) {
        return unknown(&written, "正文", &written, text, catalog);
    }
    Place {
        id: None,
        name: None,
        new_entities: Vec::new(),
        read: both(
            "标题和发布单位未写明地方；请选择".to_string(),
            "neither the title nor the publisher names the place".to_string(),
        ),
    }
}

/// Whether `written` names a place below `entity` that the catalogue lacks (焦作市温县).
fn below(written: &str, entity: &Entity, catalog: &Catalog) -> bool {
    let parts = segments(written);
    let Some((last, outer)) = parts.split_last() else {
        return false;
    };
    let short = short_name(&entity.name.zh).unwrap_or(&entity.name.zh);
    outer.iter().any(|p| p.starts_with(short))
        && !catalog.entities.iter().any(|e| e.name.zh == *last)
}

fn known(entity: &Entity, where_zh: &str, more_zh: &str) -> Place {
    Place {
        id: Some(entity.id.clone()),
        name: Some(entity.name.zh.clone()),
        new_entities: Vec::new(),
        read: both(
            format!("{where_zh}{more_zh}（{}，{}）", entity.name.zh, entity.id),
            format!("read from the text: {} ({})", entity.name.zh, entity.id),
        ),
    }
}

/// A place name the title writes that the catalogue does not have: a catalogue place whose
/// name holds it and that the body names (X县 for XX县), else a new place.
fn unknown(written: &str, label: &str, line: &str, text: &str, catalog: &Catalog) -> Place {
    let holding = catalog
        .entities
        .iter()
        .filter(|e| e.name.zh.contains(written) && text.matches(e.name.zh.as_str()).count() >= 2)
        .max_by_key(|e| text.matches(e.name.zh.as_str()).count());
    if let Some(entity) = holding {
        let more = format!("；正文写作“{}”", entity.name.zh);
        return known(entity, &format!("{label}：{line}"), &more);
    }
    let (new_entities, name) = new_place(written, text, catalog);
    let id = new_entities.last().map(|e| e.id.clone());
    let parent = new_entities
        .first()
        .and_then(|e| e.parent.as_deref())
        .and_then(|p| catalog.entity(p));
    let (parent_zh, parent_en) = parent.map_or_else(Default::default, |p| {
        (
            format!("，上级为{}", p.name.zh),
            format!(", within {} ({})", p.name.zh, p.id),
        )
    });
    Place {
        read: both(
            format!(
                "{label}：{line}（{name}不在目录中，建议新增{parent_zh}；编号{}为占位，请改为拼音）",
                id.as_deref().unwrap_or("")
            ),
            format!(
                "{name} is not in the catalogue: proposed as a new place{parent_en}; its id {} is a placeholder to replace with its pinyin",
                id.as_deref().unwrap_or("")
            ),
        ),
        id,
        name: Some(name),
        new_entities,
    }
}

/// The catalogue place the body names most often, at least [`BODY_MENTIONS`] times (its name
/// without suffix counted: 焦作 for 焦作市).
fn from_body(text: &str, catalog: &Catalog) -> Option<Place> {
    let places: Vec<&Entity> = catalog
        .entities
        .iter()
        .filter(|e| e.kind != EntityKind::Country)
        .collect();
    let form = |e: &Entity| short_name(&e.name.zh).unwrap_or(&e.name.zh).to_string();
    // One pass over the text, looking up the names that start with each character.
    let mut starting: HashMap<char, Vec<(String, usize)>> = HashMap::new();
    for (k, e) in places.iter().enumerate() {
        let name = form(e);
        if let Some(first) = name.chars().next() {
            starting.entry(first).or_default().push((name, k));
        }
    }
    let mut counts = vec![0usize; places.len()];
    for (i, c) in text.char_indices() {
        for (name, k) in starting.get(&c).into_iter().flatten() {
            let here = text[i..].starts_with(name.as_str())
                && !other_suffix(&text[i + name.len()..], &places[*k].name.zh);
            counts[*k] += usize::from(here);
        }
    }
    let (entity, count) = places
        .iter()
        .zip(counts)
        .max_by_key(|&(e, count)| (count, depth(e.kind)))
        .map(|(e, count)| (*e, count))?;
    if count < BODY_MENTIONS {
        return None;
    }
    let form = short_name(&entity.name.zh).unwrap_or(&entity.name.zh);
    let mut place = known(
        entity,
        &format!("标题和发布单位未写明地方；正文提到“{form}”{count}次"),
        "",
    );
    place.read.en = Some(format!(
        "neither the title nor the publisher names the place; the body names {form} {count} times: {} ({})",
        entity.name.zh, entity.id
    ));
    Some(place)
}

/// A place the body names before a bureau or 体育 most often, at least [`BODY_MENTIONS`] times.
fn new_in_body(text: &str) -> Option<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for line in text.lines() {
        for name in names_in(line) {
            *counts.entry(name).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(_, count)| count >= BODY_MENTIONS)
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(name, _)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_names_are_read_before_a_bureau() {
        assert_eq!(names_in("X县体育局党组2020年党建工作总结"), vec!["X县"]);
        assert_eq!(names_in("2023年新乡市体育工作总结"), vec!["新乡市"]);
        assert_eq!(names_in("天津市河东区体育局"), vec!["天津市河东区"]);
        assert!(names_in("——市体育局以党建促高质量发展综述").is_empty());
        assert!(names_in("全市体育工作暨党风廉政建设工作会议").is_empty());
        assert!(names_in("社区体育园建设").is_empty());
    }
}
