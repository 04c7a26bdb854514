//! The synthetic national data set is valid data in the real schema, at the size it claims.
#![cfg(not(target_arch = "wasm32"))]

use sportdash_core::load;
use sportdash_core::model::{Catalog, Dataset};
use sportdash_core::query::{self, Selection};
use sportdash_core::validate;
use sportdash_devtools::synthetic::{national, Scale};

#[test]
fn a_small_national_data_set_passes_the_validator() {
    let scale = Scale {
        provinces: 3,
        cities_per_province: 3,
        counties_per_city: 4,
        years: 6,
        ..Scale::default()
    };
    let data = national(&scale);
    let catalog = Catalog::new(data.entities, data.indicators.clone(), data.reports);
    assert!(validate::catalog(&catalog).is_empty());
    let mut total = 0;
    for (indicator, observations) in data.indicators.iter().zip(data.observations) {
        assert!(catalog.is_split(indicator.category));
        // Through the real loader, as the dashboard reads it.
        let text =
            serde_json::json!({"dataset": indicator.category.id(), "observations": observations})
                .to_string();
        let file = indicator.file.clone().unwrap();
        let loaded = load::dataset(&file, &text, indicator.category);
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        let count = observations.len();
        let (kept, problems) = validate::dataset(&catalog, &file, loaded.value.unwrap(), None);
        assert!(
            problems.is_empty(),
            "{file}: {:?}",
            &problems[..problems.len().min(3)]
        );
        assert_eq!(kept.observations.len(), count);
        total += count;
    }
    // 1 + 3 + 9 + 36 places × 6 years × 12 indicators, less the gaps.
    let cells = 49 * 6 * 12;
    assert!(total > cells / 2 && total < cells, "{total} of {cells}");
}

#[test]
fn the_default_scale_is_about_3200_places_and_a_view_ranks_them() {
    let scale = Scale {
        years: 2,
        ..Scale::default()
    };
    let data = national(&scale);
    assert!(
        (3100..=3300).contains(&data.entities.len()),
        "{}",
        data.entities.len()
    );
    let catalog = Catalog::new(data.entities, data.indicators.clone(), data.reports);
    let at = data
        .indicators
        .iter()
        .position(|i| i.id == "sports_area_per_capita")
        .unwrap();
    let dataset = Dataset {
        category: data.indicators[at].category,
        observations: data.observations[at].clone(),
    };
    let year = scale.first_year + 1;
    let top = query::chart(
        &catalog,
        &dataset,
        &Selection {
            indicator: Some("sports_area_per_capita".to_string()),
            entities: Vec::new(),
            years: Some((scale.first_year, year)),
            top: Some(20),
            ranked: None,
            ignored: Vec::new(),
        },
    );
    assert_eq!(top.shape, query::Shape::Ranked);
    assert_eq!(top.rows.len(), 20);
    let values: Vec<f64> = top
        .rows
        .iter()
        .map(|r| match &r.cell {
            query::Cell::Value { value, .. } => *value,
            query::Cell::NoData | query::Cell::Reference { .. } => f64::NAN,
        })
        .collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
    let best = query::leaders(&catalog, &dataset, "sports_area_per_capita", year, 1);
    assert_eq!(best[0].1, values[0]);
    // A large view opens on its leaders, not on thousands of places.
    let state = sportdash_core::state::ViewState::default();
    let chosen = query::resolve(&catalog, &dataset, &state);
    assert_eq!(chosen.entities.len(), query::LEADERS);
}

/// A ranking of every place: each once, with its first value, best first (lowest first for a
/// rank), and places with equal values in catalog order.
#[test]
fn leaders_rank_each_place_once_best_first_and_ties_in_catalog_order() {
    let scale = Scale {
        years: 2,
        ..Scale::default()
    };
    let data = national(&scale);
    let catalog = Catalog::new(data.entities, data.indicators.clone(), data.reports);
    let year = scale.first_year + 1;
    let mut ties = 0;
    for (indicator, observations) in data.indicators.iter().zip(data.observations) {
        let dataset = Dataset {
            category: indicator.category,
            observations,
        };
        let ranked = query::leaders(&catalog, &dataset, &indicator.id, year, usize::MAX);
        assert!(!ranked.is_empty(), "{}", indicator.id);
        let mut seen = std::collections::HashSet::new();
        for (entity, value) in &ranked {
            assert!(seen.insert(entity.as_str()), "{entity} twice");
            let first = dataset
                .observations
                .iter()
                .find(|o| {
                    &o.entity == entity
                        && o.year == year
                        && o.indicator == indicator.id
                        && o.context.is_none()
                })
                .unwrap();
            let expected =
                sportdash_core::units::convert(first.value, &first.unit, &indicator.unit).unwrap();
            assert_eq!(*value, expected, "{entity}");
        }
        for pair in ranked.windows(2) {
            let ((a, x), (b, y)) = (&pair[0], &pair[1]);
            if indicator.higher_is_better {
                assert!(x >= y, "{} {a} {x} before {b} {y}", indicator.id);
            } else {
                assert!(x <= y, "{} {a} {x} before {b} {y}", indicator.id);
            }
            if x == y {
                ties += 1;
                assert!(catalog.entity_position(a) < catalog.entity_position(b));
            }
        }
        let top = query::leaders(&catalog, &dataset, &indicator.id, year, 20);
        assert_eq!(top[..], ranked[..20.min(ranked.len())]);
    }
    assert!(ties > 0, "the data set has equal values to order");
}

/// A large view asked for its top places ranks once, in `resolve`: what `chart` draws from that
/// ranking is what it draws when it ranks itself, and the view opens on the ranking's first five.
#[test]
fn a_ranked_view_draws_the_same_from_the_ranking_resolve_made() {
    let scale = Scale {
        provinces: 3,
        cities_per_province: 3,
        counties_per_city: 6,
        years: 4,
        ..Scale::default()
    };
    let data = national(&scale);
    let catalog = Catalog::new(data.entities, data.indicators.clone(), data.reports);
    let mut checked = 0;
    for (indicator, observations) in data.indicators.iter().zip(data.observations) {
        let dataset = Dataset {
            category: indicator.category,
            observations,
        };
        for year in scale.first_year..scale.first_year + scale.years as i32 {
            for top in [1, 3, 5, 20, 1000] {
                let state = sportdash_core::state::ViewState {
                    indicator: Some(indicator.id.clone()),
                    years: Some((scale.first_year, year)),
                    top: Some(top),
                    ..Default::default()
                };
                let chosen = query::resolve(&catalog, &dataset, &state);
                let ranked = chosen.ranked.clone().expect("resolve ranked them").places;
                let again: Vec<String> =
                    query::leaders(&catalog, &dataset, &indicator.id, year, top)
                        .into_iter()
                        .map(|(entity, _)| entity)
                        .collect();
                assert_eq!(ranked, again, "{} {year} top {top}", indicator.id);
                let five: Vec<String> =
                    query::leaders(&catalog, &dataset, &indicator.id, year, query::LEADERS)
                        .into_iter()
                        .map(|(entity, _)| entity)
                        .collect();
                assert_eq!(chosen.entities, five);
                let unranked = Selection {
                    ranked: None,
                    ignored: Vec::new(),
                    ..chosen.clone()
                };
                assert_eq!(
                    query::chart(&catalog, &dataset, &chosen),
                    query::chart(&catalog, &dataset, &unranked),
                    "{} {year} top {top}",
                    indicator.id
                );
                // A ranking of another year (a presentation playing the years) is not drawn.
                let earlier = Selection {
                    years: Some((scale.first_year, scale.first_year)),
                    ..chosen.clone()
                };
                assert_eq!(
                    query::chart(&catalog, &dataset, &earlier),
                    query::chart(
                        &catalog,
                        &dataset,
                        &Selection {
                            ranked: None,
                            ignored: Vec::new(),
                            ..earlier.clone()
                        }
                    ),
                    "{} {year} top {top}, drawn for {}",
                    indicator.id,
                    scale.first_year
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 12 * 4 * 5);
}
