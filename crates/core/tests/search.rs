//! Finding places by what is typed: each case is what a person types, what they have already
//! picked, and the places offered, best first, with how many matched in all.
#![cfg(not(target_arch = "wasm32"))]

use sportdash_core::i18n;
use sportdash_core::lang::Lang;
use sportdash_core::model::{Catalog, Entity};
use sportdash_core::search::{Found, PlaceIndex};

/// A province, a city in it and a district of that city listed first; a city named like the
/// start of other names, and a county in it.
fn catalog() -> Catalog {
    let entities: Vec<Entity> = serde_json::from_str(
        r#"[
        {"id": "x1", "name": {"zh": "长安区", "en": "Chang'an District"}, "kind": "district", "parent": "c1"},
        {"id": "c2", "name": {"zh": "长市", "en": "Chang City"}, "kind": "city", "parent": "p1"},
        {"id": "x2", "name": {"zh": "长长宁县", "en": "Changchangning County"}, "kind": "county", "parent": "c2"},
        {"id": "c1", "name": {"zh": "西安市", "en": "Xi'an"}, "kind": "city", "parent": "p1"},
        {"id": "p1", "name": {"zh": "陕西省", "en": "Shaanxi"}, "kind": "province", "parent": null}
    ]"#,
    )
    .unwrap();
    Catalog::new(entities, Vec::new(), Vec::new())
}

/// What is typed, what is already picked, how many may be shown; what is offered, how many
/// matched in all.
type Case = (
    &'static str,
    &'static [&'static str],
    usize,
    &'static [&'static str],
    usize,
);

#[test]
fn best_matches_come_first_and_the_count_is_of_all() {
    let catalog = catalog();
    let ids: Vec<String> = catalog.entities.iter().map(|e| e.id.clone()).collect();
    let index = PlaceIndex::new(&catalog, &ids);
    let cases: [Case; 11] = [
        ("", &[], 8, &[], 0),
        ("   ", &[], 8, &[], 0),
        ("长", &[], 8, &["x1", "c2", "x2"], 3),
        ("长市", &[], 8, &["c2", "x2"], 2),
        ("西安", &[], 8, &["c1", "x1"], 2),
        ("陕西", &[], 8, &["p1", "x1", "c2", "x2", "c1"], 5),
        ("陕西", &[], 2, &["p1", "x1"], 5),
        ("陕西", &["p1", "c2"], 8, &["x1", "x2", "c1"], 3),
        ("XI'AN", &[], 8, &["c1", "x1"], 2),
        ("c1", &[], 8, &["c1"], 1),
        ("county", &[], 8, &["x2"], 1),
    ];
    for (typed, picked, limit, offered, total) in cases {
        let picked: Vec<String> = picked.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            index.search(typed, &picked, limit),
            Found {
                shown: offered.iter().map(|s| s.to_string()).collect(),
                total
            },
            "{typed:?}, picked {picked:?}, at most {limit}"
        );
    }
}

#[test]
fn a_place_is_told_apart_by_the_two_places_it_belongs_to() {
    let mut entities = catalog().entities;
    entities.extend(cycle().entities);
    let catalog = Catalog::new(entities, Vec::new(), Vec::new());
    for (id, lang, within) in [
        ("x1", Lang::Zh, Some("西安市 · 陕西省")),
        ("x2", Lang::En, Some("Chang City · Shaanxi")),
        ("a", Lang::Zh, Some("乙 · 甲")),
        ("p1", Lang::Zh, None),
        ("nowhere", Lang::Zh, None),
    ] {
        assert_eq!(
            i18n::entity_within(&catalog, id, lang).as_deref(),
            within,
            "{id}"
        );
    }
}

/// Two cities each said to be in the other: bad data (the validator reports it).
fn cycle() -> Catalog {
    let entities: Vec<Entity> = serde_json::from_str(
        r#"[
        {"id": "a", "name": {"zh": "甲"}, "kind": "city", "parent": "b"},
        {"id": "b", "name": {"zh": "乙"}, "kind": "city", "parent": "a"}
    ]"#,
    )
    .unwrap();
    Catalog::new(entities, Vec::new(), Vec::new())
}

#[test]
fn a_cycle_of_parents_in_bad_data_ends() {
    let catalog = cycle();
    assert_eq!(catalog.parents("a").count(), 4);
    let index = PlaceIndex::new(&catalog, &["a".to_string()]);
    assert_eq!(index.search("乙", &[], 8).total, 1);
}
