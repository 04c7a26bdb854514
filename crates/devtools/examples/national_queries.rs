//! What the pure core spends on one year change of the national ranking, natively: the
//! selection resolved (its opening places are the leaders) and the ranked chart built, for
//! `?view=facilities&indicator=sports_area_per_capita&top=20` on the synthetic national data
//! set at its default scale (README, "Performance").
//!
//!     cargo run --release --example national_queries
//!
//! Prints the best of 5 rounds of 200 year changes. The browser's figure is the benchmark's
//! national repaint; this one isolates the queries, for changes to them.

use std::time::Instant;

use sportdash_core::model::{Catalog, Dataset};
use sportdash_core::query;
use sportdash_core::state::ViewState;
use sportdash_devtools::synthetic::{national, Scale};

const INDICATOR: &str = "sports_area_per_capita";
const CHANGES: usize = 200;

fn main() {
    let data = national(&Scale::default());
    let catalog = Catalog::new(data.entities, data.indicators.clone(), data.reports);
    let at = data
        .indicators
        .iter()
        .position(|i| i.id == INDICATOR)
        .expect("the synthetic data set has the indicator");
    let dataset = Dataset {
        category: data.indicators[at].category,
        observations: data.observations.into_iter().nth(at).expect("its file"),
    };
    let (first, last) = query::year_span(&dataset).expect("years with data");
    let mut best = f64::MAX;
    for _ in 0..5 {
        let started = Instant::now();
        let mut rows = 0;
        for year in (first..=last).cycle().take(CHANGES) {
            let state = ViewState {
                indicator: Some(INDICATOR.to_string()),
                years: Some((first, year)),
                top: Some(20),
                ..ViewState::default()
            };
            let selection = query::resolve(&catalog, &dataset, &state);
            rows += query::chart(&catalog, &dataset, &selection).rows.len();
        }
        assert!(rows > 0, "the ranked charts had no rows");
        best = best.min(started.elapsed().as_secs_f64() / CHANGES as f64);
    }
    println!(
        "{} places, {} observations: resolve and chart, ranked top 20, {:.0} µs a year change (best of 5 rounds of {CHANGES})",
        catalog.entities.len(),
        dataset.observations.len(),
        best * 1e6
    );
}
