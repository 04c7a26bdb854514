//! What the data covers: per report, how many numbers each section holds; and per place,
//! section and year, whether anything was reported at all.

use std::collections::BTreeSet;

use crate::model::{Catalog, Category, Dataset, Status};

/// A report and how many of its numbers each section holds, in `Category::ALL` order.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportCount {
    pub doc: String,
    pub by_category: [usize; 6],
}

impl ReportCount {
    pub fn total(&self) -> usize {
        self.by_category.iter().sum()
    }
}

fn index_of(category: Category) -> usize {
    Category::ALL
        .iter()
        .position(|c| *c == category)
        .unwrap_or(0)
}

/// Every report in the catalog, in catalog order, with its counts (zero where it gave none).
pub fn report_counts(catalog: &Catalog, datasets: &[Dataset]) -> Vec<ReportCount> {
    catalog
        .reports
        .iter()
        .map(|report| {
            let mut by_category = [0; 6];
            for dataset in datasets {
                by_category[index_of(dataset.category)] += dataset
                    .observations
                    .iter()
                    .filter(|o| o.source.doc == report.doc)
                    .count();
            }
            ReportCount {
                doc: report.doc.clone(),
                by_category,
            }
        })
        .collect()
}

/// One line of the coverage grid: a place and a section, a cell per year.
#[derive(Clone, Debug, PartialEq)]
pub struct CoverageRow {
    pub entity: String,
    pub category: Category,
    /// Per year of `Coverage::years`: numbers reported, and targets set.
    pub cells: Vec<(usize, usize)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    pub years: Vec<i32>,
    pub rows: Vec<CoverageRow>,
}

/// Place × section × year. Places are those with any data, in catalog order; years run
/// without gaps from the first to the last with data, so an empty year shows as empty.
pub fn coverage(catalog: &Catalog, datasets: &[Dataset]) -> Coverage {
    let all = datasets.iter().flat_map(|d| d.observations.iter());
    let years: BTreeSet<i32> = all.clone().map(|o| o.year).collect();
    let years: Vec<i32> = match (years.first(), years.last()) {
        (Some(&first), Some(&last)) => (first..=last).collect(),
        _ => Vec::new(),
    };
    let places: BTreeSet<&str> = all.map(|o| o.entity.as_str()).collect();
    let mut rows = Vec::new();
    for entity in catalog
        .entities
        .iter()
        .filter(|e| places.contains(e.id.as_str()))
    {
        for category in Category::ALL {
            let observations: Vec<_> = datasets
                .iter()
                .filter(|d| d.category == category)
                .flat_map(|d| d.observations.iter())
                .filter(|o| o.entity == entity.id)
                .collect();
            let cells = years
                .iter()
                .map(|&year| {
                    let in_year = observations.iter().filter(|o| o.year == year);
                    let targets = in_year
                        .clone()
                        .filter(|o| o.status == Status::Target)
                        .count();
                    (in_year.count() - targets, targets)
                })
                .collect();
            rows.push(CoverageRow {
                entity: entity.id.clone(),
                category,
                cells,
            });
        }
    }
    Coverage { years, rows }
}
