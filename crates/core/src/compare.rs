//! Honest derived comparisons: the change on the previous year and the difference from the
//! national value, given only where the two numbers allow one, with the reason where they do
//! not. Exact with exact is exact; an approximate number makes the difference approximate; a
//! lower (or upper) bound gives a bound; a range, two bounds, a target or numbers of different
//! competitions or definitions give none.

use crate::lang::Lang;
use crate::model::{Observation, Qualifier, Status};
use crate::query::{Cell, ChartData, Row};
use crate::{format, units};

/// One number as a comparison sees it: its value in the chart's unit and how it was worded.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    pub value: f64,
    pub qualifier: Qualifier,
}

/// `a − b`, worded as precisely as the two numbers allow.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Difference {
    pub value: f64,
    pub qualifier: Qualifier,
}

/// Why no difference is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotComparable {
    Range,
    TwoBounds,
    BoundAndApproximate,
    Target,
    OtherCompetition,
    OtherUnit,
    NoEarlierYear,
    NoNationalValue,
    /// A total (venues, output) grows with a place's size: a city's is not set against the
    /// nation's.
    Total,
}

/// `a − b` where the wording of both allows it.
pub fn difference(a: Number, b: Number) -> Result<Difference, NotComparable> {
    use Qualifier::*;
    let value = a.value - b.value;
    let qualifier = match (a.qualifier, b.qualifier) {
        (Range, _) | (_, Range) => return Err(NotComparable::Range),
        (Exact, Exact) => Exact,
        (Approximate, Exact) | (Exact, Approximate) | (Approximate, Approximate) => Approximate,
        // a ≥ a₀ and b exact: a − b ≥ a₀ − b. b ≥ b₀: a − b ≤ a − b₀.
        (AtLeast, Exact) | (Exact, AtMost) => AtLeast,
        (AtMost, Exact) | (Exact, AtLeast) => AtMost,
        (AtLeast | AtMost, Approximate) | (Approximate, AtLeast | AtMost) => {
            return Err(NotComparable::BoundAndApproximate)
        }
        (AtLeast | AtMost, AtLeast | AtMost) => return Err(NotComparable::TwoBounds),
    };
    Ok(Difference { value, qualifier })
}

/// What a row's value is compared with, and the outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparisons {
    /// The unit both differences are in: the chart's.
    pub unit: &'static str,
    pub previous_year: Result<(i32, Difference), NotComparable>,
    pub national: Result<Difference, NotComparable>,
}

/// The comparisons for the row `index` of `chart`: with the same place's value of the year
/// before (same competition, reported, not a target) and with the national value that year.
pub fn of_row(chart: &ChartData, index: usize) -> Option<Comparisons> {
    let row = chart.rows.get(index)?;
    let Cell::Value {
        observation, value, ..
    } = &row.cell
    else {
        return None;
    };
    let number = Number {
        value: *value,
        qualifier: observation.qualifier,
    };
    let is_target = observation.status == Status::Target;
    let previous_year = previous(chart, row, observation).and_then(|(year, earlier)| {
        if is_target || earlier.1 {
            return Err(NotComparable::Target);
        }
        difference(number, earlier.0).map(|d| (year, d))
    });
    let national = match national_of(chart, row.year) {
        _ if !chart.relative => Err(NotComparable::Total),
        _ if is_target => Err(NotComparable::Target),
        _ if row.context.is_some() => Err(NotComparable::OtherCompetition),
        Some(national) => difference(number, national),
        None => Err(NotComparable::NoNationalValue),
    };
    Some(Comparisons {
        unit: chart.unit.name,
        previous_year,
        national,
    })
}

/// The place's value of the year before `row`'s, with whether it is a target: the same
/// indicator, the same competition or event, a unit of the same kind.
fn previous(
    chart: &ChartData,
    row: &Row,
    observation: &Observation,
) -> Result<(i32, (Number, bool)), NotComparable> {
    let earlier = chart.rows.iter().find(|r| {
        r.entity == row.entity
            && r.year == row.year - 1
            && r.indicator == row.indicator
            && r.context == row.context
    });
    let Some(Cell::Value {
        observation: earlier,
        value,
        ..
    }) = earlier.map(|r| &r.cell)
    else {
        let other_competition = row.context.is_some()
            && chart
                .rows
                .iter()
                .any(|r| r.entity == row.entity && r.year == row.year - 1 && r.context.is_some());
        return Err(if other_competition {
            NotComparable::OtherCompetition
        } else {
            NotComparable::NoEarlierYear
        });
    };
    if units::lookup_dimension(&earlier.unit) != units::lookup_dimension(&observation.unit) {
        return Err(NotComparable::OtherUnit);
    }
    Ok((
        row.year - 1,
        (
            Number {
                value: *value,
                qualifier: earlier.qualifier,
            },
            earlier.status == Status::Target,
        ),
    ))
}

/// The national value of `year` drawn in the chart, if any.
fn national_of(chart: &ChartData, year: i32) -> Option<Number> {
    chart.rows.iter().find_map(|r| match &r.cell {
        Cell::Reference { reference, value }
            if reference.kind == crate::model::ReferenceKind::National && r.year == year =>
        {
            Some(Number {
                value: *value,
                qualifier: reference.qualifier,
            })
        }
        _ => None,
    })
}

/// A difference as a signed number with its wording: "+0.2", "≈−3", "至少+5", "at least +5".
pub fn signed(difference: &Difference, lang: Lang) -> String {
    let sign = if difference.value > 0.0 {
        "+"
    } else if difference.value < 0.0 {
        "−"
    } else {
        "±"
    };
    let number = format!("{sign}{}", format::number(difference.value.abs()));
    match (difference.qualifier, lang) {
        (Qualifier::Approximate, _) => format!("≈{number}"),
        (Qualifier::AtLeast, Lang::Zh) => format!("至少{number}"),
        (Qualifier::AtLeast, Lang::En) => format!("at least {number}"),
        (Qualifier::AtMost, Lang::Zh) => format!("至多{number}"),
        (Qualifier::AtMost, Lang::En) => format!("at most {number}"),
        _ => number,
    }
}

/// Whether a difference says the first number is above the second, below it, or neither
/// surely (a bound on the wrong side of zero).
pub fn side(difference: &Difference) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering::*;
    let sure = match difference.qualifier {
        Qualifier::AtLeast => difference.value >= 0.0,
        Qualifier::AtMost => difference.value <= 0.0,
        _ => true,
    };
    sure.then(|| difference.value.partial_cmp(&0.0).unwrap_or(Equal))
}

/// Why a comparison is not shown, in a few words.
pub fn why_not(reason: NotComparable, lang: Lang) -> &'static str {
    match (reason, lang) {
        (NotComparable::Range, Lang::Zh) => "其中一个数是区间",
        (NotComparable::Range, Lang::En) => "one of the numbers is a range",
        (NotComparable::TwoBounds, Lang::Zh) => "两个数都只是下限或上限",
        (NotComparable::TwoBounds, Lang::En) => "both numbers are only bounds",
        (NotComparable::BoundAndApproximate, Lang::Zh) => "一个是约数，一个只是下限或上限",
        (NotComparable::BoundAndApproximate, Lang::En) => {
            "one number is approximate and the other only a bound"
        }
        (NotComparable::Target, Lang::Zh) => "目标不与实际数比较",
        (NotComparable::Target, Lang::En) => "a target is not compared with an achievement",
        (NotComparable::OtherCompetition, Lang::Zh) => "属于不同的赛事或活动",
        (NotComparable::OtherCompetition, Lang::En) => {
            "the numbers belong to different competitions or events"
        }
        (NotComparable::OtherUnit, Lang::Zh) => "口径（单位）不同",
        (NotComparable::OtherUnit, Lang::En) => "the numbers are of different definitions",
        (NotComparable::NoEarlierYear, Lang::Zh) => "上一年无数据",
        (NotComparable::NoEarlierYear, Lang::En) => "no number for the year before",
        (NotComparable::NoNationalValue, Lang::Zh) => "该年无全国数据",
        (NotComparable::NoNationalValue, Lang::En) => "no national value for that year",
        (NotComparable::Total, Lang::Zh) => "总量随地区大小而变，不与全国总量比较",
        (NotComparable::Total, Lang::En) => {
            "a total grows with a place's size; it is not set against the nation's"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Qualifier::*;

    fn n(value: f64, qualifier: Qualifier) -> Number {
        Number { value, qualifier }
    }

    /// a, b, and `a − b` as `signed` writes it in English, or why there is none.
    #[test]
    fn differences_keep_the_wording_of_their_numbers() {
        let cases: [(Number, Number, Result<&str, NotComparable>); 10] = [
            (n(2.46, Exact), n(2.89, Exact), Ok("−0.43")),
            (n(5.0, Exact), n(5.0, Exact), Ok("±0")),
            (n(100.0, Approximate), n(80.0, Exact), Ok("≈+20")),
            (n(100.0, Exact), n(80.0, Approximate), Ok("≈+20")),
            (n(100.0, AtLeast), n(80.0, Exact), Ok("at least +20")),
            (n(100.0, Exact), n(80.0, AtLeast), Ok("at most +20")),
            (n(100.0, AtMost), n(80.0, Exact), Ok("at most +20")),
            (
                n(100.0, AtLeast),
                n(80.0, AtLeast),
                Err(NotComparable::TwoBounds),
            ),
            (
                n(100.0, AtLeast),
                n(80.0, Approximate),
                Err(NotComparable::BoundAndApproximate),
            ),
            (n(8.0, Range), n(5.0, Exact), Err(NotComparable::Range)),
        ];
        for (a, b, expected) in cases {
            let got = difference(a, b).map(|d| signed(&d, Lang::En));
            assert_eq!(got.as_deref().map_err(|e| *e), expected, "{a:?} − {b:?}");
        }
    }

    #[test]
    fn a_bound_says_a_side_only_when_it_is_sure() {
        let at_least = |value| Difference {
            value,
            qualifier: AtLeast,
        };
        assert_eq!(side(&at_least(3.0)), Some(std::cmp::Ordering::Greater));
        assert_eq!(side(&at_least(-3.0)), None);
        assert_eq!(
            side(&Difference {
                value: -1.0,
                qualifier: Approximate
            }),
            Some(std::cmp::Ordering::Less)
        );
    }
}
