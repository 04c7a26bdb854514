//! Finding places by what a person types, among thousands: best matches first, each with the
//! place it belongs to, so that two counties of one name can be told apart.

use crate::model::Catalog;

/// The places a view offers, indexed once for searching as the person types.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceIndex {
    places: Vec<Indexed>,
}

#[derive(Clone, Debug, PartialEq)]
struct Indexed {
    id: String,
    /// Lower-cased: the Chinese name, the English name, the id.
    names: [String; 3],
    /// Lower-cased names of the province or city it belongs to, and theirs in turn.
    within: String,
}

/// What a search found: the best `shown`, and how many matched in all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub shown: Vec<String>,
    pub total: usize,
}

/// How well a place matches, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Match {
    Whole,
    Start,
    Inside,
    Within,
}

impl PlaceIndex {
    /// Indexes `ids` (in the order ties keep) with their names and their parents' from `catalog`.
    pub fn new(catalog: &Catalog, ids: &[String]) -> Self {
        let places = ids
            .iter()
            .map(|id| {
                let entity = catalog.entity(id);
                let names = [
                    entity.map_or(String::new(), |e| e.name.zh.to_lowercase()),
                    entity
                        .and_then(|e| e.name.en.as_deref())
                        .unwrap_or_default()
                        .to_lowercase(),
                    id.to_lowercase(),
                ];
                let within = catalog
                    .parents(id)
                    .map(|p| {
                        format!("{} {}", p.name.zh, p.name.en.as_deref().unwrap_or_default())
                            .to_lowercase()
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                Indexed {
                    id: id.clone(),
                    names,
                    within,
                }
            })
            .collect();
        PlaceIndex { places }
    }

    /// The places matching `typed`, leaving out `picked`: a whole name or id first, then names
    /// that start with it, then names that contain it, then places within a province or city
    /// it names; in index order within each. At most `limit` are shown.
    pub fn search(&self, typed: &str, picked: &[String], limit: usize) -> Found {
        let typed = typed.trim().to_lowercase();
        if typed.is_empty() {
            return Found {
                shown: Vec::new(),
                total: 0,
            };
        }
        let mut best: [Vec<&str>; 4] = Default::default();
        for place in self.places.iter().filter(|p| !picked.contains(&p.id)) {
            let found = if place.names.contains(&typed) {
                Some(Match::Whole)
            } else if place.names.iter().any(|n| n.starts_with(&typed)) {
                Some(Match::Start)
            } else if place.names.iter().any(|n| n.contains(&typed)) {
                Some(Match::Inside)
            } else if place.within.contains(&typed) {
                Some(Match::Within)
            } else {
                None
            };
            if let Some(found) = found {
                best[found as usize].push(&place.id);
            }
        }
        Found {
            total: best.iter().map(Vec::len).sum(),
            shown: best
                .iter()
                .flatten()
                .take(limit)
                .map(|id| id.to_string())
                .collect(),
        }
    }
}
