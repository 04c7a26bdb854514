//! Units as reported in the sources, and how they convert for comparison.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dimension {
    Money,
    Area,
    People,
    PersonTimes,
    /// Counted things: medals, events, facilities, organisations …
    Count,
    Rank,
    Points,
    Percent,
    /// People per thousand residents (每千人拥有社会体育指导员).
    PerThousand,
}

impl Dimension {
    /// The dimension in a message's words.
    pub fn name(self) -> &'static str {
        match self {
            Dimension::Money => "money",
            Dimension::Area => "area",
            Dimension::People => "people",
            Dimension::PersonTimes => "person-times",
            Dimension::Count => "count",
            Dimension::Rank => "rank",
            Dimension::Points => "points",
            Dimension::Percent => "percent",
            Dimension::PerThousand => "per-thousand",
        }
    }
}

/// (unit, dimension, how many base units one of it is). The base unit comes first.
const UNITS: &[(&str, Dimension, f64)] = &[
    ("元", Dimension::Money, 1.0),
    ("万元", Dimension::Money, 1e4),
    ("亿元", Dimension::Money, 1e8),
    ("万亿元", Dimension::Money, 1e12),
    ("平方米", Dimension::Area, 1.0),
    ("万平方米", Dimension::Area, 1e4),
    ("亿平方米", Dimension::Area, 1e8),
    ("人", Dimension::People, 1.0),
    ("名", Dimension::People, 1.0),
    ("位", Dimension::People, 1.0),
    ("万人", Dimension::People, 1e4),
    ("万名", Dimension::People, 1e4),
    ("人次", Dimension::PersonTimes, 1.0),
    ("万人次", Dimension::PersonTimes, 1e4),
    ("名次", Dimension::Rank, 1.0),
    ("分", Dimension::Points, 1.0),
    ("%", Dimension::Percent, 1.0),
    ("人/千人", Dimension::PerThousand, 1.0),
    ("个", Dimension::Count, 1.0),
    ("万个", Dimension::Count, 1e4),
    ("枚", Dimension::Count, 1.0),
    ("项", Dimension::Count, 1.0),
    ("次", Dimension::Count, 1.0),
    ("万次", Dimension::Count, 1e4),
    ("场", Dimension::Count, 1.0),
    ("场次", Dimension::Count, 1.0),
    ("万场", Dimension::Count, 1e4),
    ("万场次", Dimension::Count, 1e4),
    ("站", Dimension::Count, 1.0),
    ("家", Dimension::Count, 1.0),
    ("所", Dimension::Count, 1.0),
    ("条", Dimension::Count, 1.0),
    ("件", Dimension::Count, 1.0),
    ("篇", Dimension::Count, 1.0),
    ("期", Dimension::Count, 1.0),
    ("张", Dimension::Count, 1.0),
    ("份", Dimension::Count, 1.0),
    ("户", Dimension::Count, 1.0),
    ("届", Dimension::Count, 1.0),
    ("支", Dimension::Count, 1.0),
    ("块", Dimension::Count, 1.0),
    ("座", Dimension::Count, 1.0),
    ("处", Dimension::Count, 1.0),
    ("批", Dimension::Count, 1.0),
    ("年", Dimension::Count, 1.0),
    ("周期", Dimension::Count, 1.0),
];

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit {
    pub name: &'static str,
    pub dimension: Dimension,
    pub factor: f64,
}

pub fn lookup(name: &str) -> Option<Unit> {
    UNITS
        .iter()
        .find(|(unit, _, _)| *unit == name)
        .map(|&(name, dimension, factor)| Unit {
            name,
            dimension,
            factor,
        })
}

/// The largest value of a dimension that a sports report could state, in its base unit.
/// Larger is a typo or a forgery, and would make an axis no chart can draw honestly.
pub fn largest(dimension: Dimension) -> f64 {
    match dimension {
        // A thousand trillion yuan: ten times China's yearly output.
        Dimension::Money => 1e15,
        // China's land is 9.6 million km², 9.6e12 m².
        Dimension::Area => 1e13,
        Dimension::People => 2e9,
        Dimension::PersonTimes => 1e11,
        Dimension::Count => 1e8,
        Dimension::Rank => 1e4,
        Dimension::Points => 1e7,
        // Growth rates may pass 100%; nothing reported passes a hundredfold.
        Dimension::Percent => 1e4,
        Dimension::PerThousand => 1e3,
    }
}

/// The dimension of a unit, if it is known.
pub fn lookup_dimension(name: &str) -> Option<Dimension> {
    lookup(name).map(|u| u.dimension)
}

pub fn is_known(name: &str) -> bool {
    lookup(name).is_some()
}

/// Converts `value` from one unit to another of the same dimension.
pub fn convert(value: f64, from: &str, to: &str) -> Option<f64> {
    between(value, lookup(from)?, lookup(to)?)
}

fn between(value: f64, from: Unit, to: Unit) -> Option<f64> {
    (from.dimension == to.dimension).then(|| value * from.factor / to.factor)
}

/// Converts many values to one unit, each exactly as `convert` would, looking a unit up only
/// when it differs from the one before: a national ranking converts thousands of values that
/// almost all share their unit.
pub struct Converter<'a> {
    to: Option<Unit>,
    last: Option<(&'a str, Option<Unit>)>,
}

impl<'a> Converter<'a> {
    pub fn to(unit: &str) -> Self {
        Converter {
            to: lookup(unit),
            last: None,
        }
    }

    pub fn convert(&mut self, value: f64, from: &'a str) -> Option<f64> {
        let from = match self.last {
            Some((unit, known)) if unit == from => known,
            _ => {
                let known = lookup(from);
                self.last = Some((from, known));
                known
            }
        };
        between(value, from?, self.to?)
    }
}

/// The unit a chart axis uses for values of `unit` whose largest magnitude is `max`:
/// money is shown in 亿元 or 万元 when that reads better, everything else as it is.
pub fn display_unit(unit: &str, max: f64) -> Unit {
    let base = lookup(unit).unwrap_or(Unit {
        name: "",
        dimension: Dimension::Count,
        factor: 1.0,
    });
    if base.dimension != Dimension::Money {
        return base;
    }
    let in_yuan = max * base.factor;
    let name = if in_yuan >= 1e8 {
        "亿元"
    } else if in_yuan >= 1e4 {
        "万元"
    } else {
        "元"
    };
    lookup(name).unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_converts_to_yuan_and_back() {
        assert_eq!(convert(61.56, "亿元", "元"), Some(6_156_000_000.0));
        assert_eq!(convert(180.0, "万元", "元"), Some(1_800_000.0));
        assert_eq!(convert(1.0, "亿元", "万元"), Some(10_000.0));
    }

    #[test]
    fn a_converter_gives_what_convert_gives() {
        let units: Vec<&str> = UNITS
            .iter()
            .map(|(name, _, _)| *name)
            .chain(["furlong"])
            .collect();
        let values = [0.0, 1.0, 3.3, 61.56, 1e-7, 123_456.789, -2.5];
        for to in &units {
            let mut converter = Converter::to(to);
            // Each unit twice in a row and then another, so both the remembered and the
            // looked-up paths are taken.
            for from in units.iter().flat_map(|u| [u, u]) {
                for value in values {
                    let expected = convert(value, from, to);
                    let got = converter.convert(value, from);
                    assert_eq!(
                        got.map(f64::to_bits),
                        expected.map(f64::to_bits),
                        "{value} {from} → {to}"
                    );
                }
            }
        }
    }

    #[test]
    fn different_dimensions_do_not_convert() {
        assert_eq!(convert(1.0, "人", "人次"), None);
        assert_eq!(convert(1.0, "元", "平方米"), None);
        assert_eq!(convert(1.0, "元", "furlong"), None);
    }

    #[test]
    fn money_axis_picks_a_readable_unit() {
        assert_eq!(display_unit("元", 6.156e9).name, "亿元");
        assert_eq!(display_unit("元", 1.8e6).name, "万元");
        assert_eq!(display_unit("元", 300.0).name, "元");
        assert_eq!(display_unit("平方米", 2.62).name, "平方米");
    }
}
