//! A synthetic national data set in the real schema, for measuring the dashboard at scale:
//! a country, its provinces, prefecture-level cities and county-level divisions (about 3,200
//! places by default) × years × 12 indicators, split one file per indicator, with gaps that
//! thin out over the years, 约/余/至 wordings, and a quote per number. Deterministic.
//! Not real statistics: every report is titled as synthetic.

use sportdash_core::model::{
    Category, Entity, EntityKind, Indicator, Observation, Qualifier, Report, Source, Status, Text,
    YearBasis,
};

/// How big a data set to make.
#[derive(Clone, Copy, Debug)]
pub struct Scale {
    pub provinces: usize,
    pub cities_per_province: usize,
    pub counties_per_city: usize,
    pub first_year: i32,
    pub years: usize,
    pub seed: u64,
}

impl Default for Scale {
    /// 1 + 31 + 310 + 2,790 = 3,132 places, 2005–2024.
    fn default() -> Self {
        Scale {
            provinces: 31,
            cities_per_province: 10,
            counties_per_city: 9,
            first_year: 2005,
            years: 20,
            seed: 2024,
        }
    }
}

pub struct National {
    pub entities: Vec<Entity>,
    pub indicators: Vec<Indicator>,
    pub reports: Vec<Report>,
    /// Per indicator (in `indicators` order): its observations.
    pub observations: Vec<Vec<Observation>>,
}

/// id, zh, en, unit, category, typical value for a county, yearly growth, decimals, and the
/// phrase a report would write before the number.
type Spec = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Category,
    f64,
    f64,
    i32,
    &'static str,
);

const INDICATORS: [Spec; 12] = [
    (
        "sports_area_per_capita",
        "人均体育场地面积",
        "Sports ground area per capita",
        "平方米",
        Category::Facilities,
        1.2,
        0.045,
        2,
        "人均体育场地面积",
    ),
    (
        "facility_investment",
        "场地设施投资",
        "Investment in facilities",
        "万元",
        Category::Facilities,
        800.0,
        0.08,
        0,
        "投入场地设施建设资金",
    ),
    (
        "fitness_events",
        "全民健身活动",
        "Fitness events",
        "次",
        Category::Events,
        40.0,
        0.05,
        0,
        "举办全民健身活动",
    ),
    (
        "event_participants",
        "健身活动参与人次",
        "Fitness event attendance",
        "人次",
        Category::Events,
        20000.0,
        0.07,
        0,
        "健身活动参与",
    ),
    (
        "social_sports_instructors",
        "社会体育指导员",
        "Social sports instructors",
        "名",
        Category::Events,
        300.0,
        0.06,
        0,
        "共有社会体育指导员",
    ),
    (
        "sports_industry_scale",
        "体育产业总规模",
        "Size of the sports industry",
        "亿元",
        Category::Industry,
        6.0,
        0.1,
        2,
        "体育产业总规模达",
    ),
    (
        "sports_industry_employees",
        "体育产业从业人员",
        "People employed in the sports industry",
        "人",
        Category::Industry,
        3000.0,
        0.05,
        0,
        "体育产业从业人员",
    ),
    (
        "medals_gold",
        "金牌",
        "Gold medals",
        "枚",
        Category::Medals,
        3.0,
        0.02,
        0,
        "在省级以上赛事中获得金牌",
    ),
    (
        "athletes_entered",
        "参赛运动员",
        "Athletes entered",
        "名",
        Category::Medals,
        60.0,
        0.03,
        0,
        "派出运动员",
    ),
    (
        "traditional_sports_schools",
        "传统体育项目学校",
        "Traditional sports schools",
        "所",
        Category::Talent,
        5.0,
        0.04,
        0,
        "建有传统体育项目学校",
    ),
    (
        "second_grade_athletes",
        "二级运动员",
        "Second-grade athletes",
        "名",
        Category::Talent,
        30.0,
        0.04,
        0,
        "培养二级运动员",
    ),
    (
        "sports_associations",
        "体育社会组织",
        "Sports associations",
        "家",
        Category::Governance,
        12.0,
        0.05,
        0,
        "登记体育社会组织",
    ),
];

const SYLLABLES: [char; 40] = [
    '安', '宁', '平', '昌', '华', '兴', '河', '山', '江', '阳', '城', '泉', '德', '丰', '永', '新',
    '东', '西', '南', '北', '长', '清', '金', '青', '云', '龙', '凤', '海', '林', '石', '桥', '原',
    '湖', '岭', '川', '溪', '松', '柳', '梅', '台',
];

/// A small deterministic generator (xorshift64*): the same scale and seed give the same data.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn name(index: usize, suffix: &str) -> String {
    let n = SYLLABLES.len();
    let (a, b) = (index % n, (index / n + index * 7) % n);
    let mut name: String = [SYLLABLES[a], SYLLABLES[b]].iter().collect();
    if index >= n * n {
        name.push(SYLLABLES[(index / (n * n)) % n]);
    }
    name.push_str(suffix);
    name
}

fn places(scale: &Scale) -> Vec<Entity> {
    let text = |zh: String, en: String| Text { zh, en: Some(en) };
    let mut entities = vec![Entity {
        id: "cn".to_string(),
        name: text(
            "全国（合成）".to_string(),
            "Country (synthetic)".to_string(),
        ),
        kind: EntityKind::Country,
        parent: None,
    }];
    let (mut city_index, mut county_index) = (0, 0);
    for p in 0..scale.provinces {
        let province = format!("p{:02}", p + 1);
        entities.push(Entity {
            id: province.clone(),
            name: text(name(p * 13 + 5, "省"), format!("Province {:02}", p + 1)),
            kind: EntityKind::Province,
            parent: Some("cn".to_string()),
        });
        for _ in 0..scale.cities_per_province {
            city_index += 1;
            let city = format!("c{city_index:04}");
            entities.push(Entity {
                id: city.clone(),
                name: text(name(city_index, "市"), format!("City {city_index:04}")),
                kind: EntityKind::City,
                parent: Some(province.clone()),
            });
            for _ in 0..scale.counties_per_city {
                county_index += 1;
                entities.push(Entity {
                    id: format!("x{county_index:05}"),
                    name: text(
                        name(county_index + 1600, "县"),
                        format!("County {county_index:05}"),
                    ),
                    kind: EntityKind::County,
                    parent: Some(city.clone()),
                });
            }
        }
    }
    entities
}

fn round(value: f64, decimals: i32) -> f64 {
    let factor = 10f64.powi(decimals);
    (value * factor).round() / factor
}

fn written(value: f64, decimals: i32) -> String {
    format!("{value:.*}", decimals.max(0) as usize)
}

pub fn national(scale: &Scale) -> National {
    let mut random = Random(scale.seed.max(1));
    let entities = places(scale);
    let years: Vec<i32> = (0..scale.years as i32)
        .map(|k| scale.first_year + k)
        .collect();
    let reports = years.iter().map(|&year| national_report(year)).collect();
    let mut indicators = Vec::new();
    let mut observations = Vec::new();
    for spec in INDICATORS {
        indicators.push(indicator_of(&spec));
        let mut found = Vec::new();
        for entity in &entities {
            found.extend(series_of(&mut random, &spec, entity, &years));
        }
        observations.push(found);
    }
    National {
        entities,
        indicators,
        reports,
        observations,
    }
}

fn national_report(year: i32) -> Report {
    Report {
        doc: format!("national-{year}.txt"),
        entity: "cn".to_string(),
        title: Text {
            zh: format!("全国体育事业统计（合成数据，{year}年）"),
            en: Some(format!("National sports statistics (synthetic, {year})")),
        },
        publisher: Text {
            zh: "合成数据".to_string(),
            en: Some("Synthetic data".to_string()),
        },
        published: format!("{year}-12"),
        period: year.to_string(),
        note: Some(Text {
            zh: "由 sportdash_devtools::synthetic 生成，用于测量规模；不是真实统计。".to_string(),
            en: Some(
                "Generated by sportdash_devtools::synthetic for measuring scale; not real statistics."
                    .to_string(),
            ),
        }),
    }
}

fn indicator_of(&(id, zh, en, unit, category, ..): &Spec) -> Indicator {
    Indicator {
        id: id.to_string(),
        name: Text {
            zh: zh.to_string(),
            en: Some(en.to_string()),
        },
        unit: unit.to_string(),
        category,
        higher_is_better: true,
        description: Text {
            zh: format!("{zh}（合成数据）"),
            en: Some(format!("{en} (synthetic)")),
        },
        file: Some(format!("observations/{}/{id}.json", category.id())),
        standard: false,
        relative: false,
    }
}

/// One place's values of one indicator over the years, with gaps where it did not report.
fn series_of(
    random: &mut Random,
    &(id, _, _, unit, _, typical, growth, decimals, phrase): &Spec,
    entity: &Entity,
    years: &[i32],
) -> Vec<Observation> {
    let size = match entity.kind {
        EntityKind::Country => 2500.0,
        EntityKind::Province => 90.0,
        EntityKind::City => 9.0,
        _ => 1.0,
    };
    // Per-capita figures do not grow with the size of the place.
    let size = if unit == "平方米" { 1.0 } else { size };
    let level = typical * size * (0.4 + 1.2 * random.unit());
    // Some places never report an indicator.
    if random.unit() < 0.06 {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (k, &year) in years.iter().enumerate() {
        // Early years are thinly reported; later ones nearly always.
        let missing = 0.45 * (1.0 - k as f64 / years.len() as f64) + 0.04;
        if random.unit() < missing {
            continue;
        }
        let trend = (1.0 + growth).powi(k as i32) * (0.93 + 0.14 * random.unit());
        let value = round(level * trend, decimals).max(10f64.powi(-decimals));
        let (qualifier, value_max, wording) = worded(random.unit(), value, unit, decimals);
        found.push(Observation {
            entity: entity.id.clone(),
            year,
            year_basis: YearBasis::Stated,
            year_note: None,
            indicator: id.to_string(),
            value,
            value_max,
            qualifier,
            unit: unit.to_string(),
            status: Status::Reported,
            context: None,
            source: Source {
                doc: format!("national-{year}.txt"),
                quote: format!("{year}年{phrase}{wording}"),
            },
            note: None,
        });
    }
    found
}

/// How a report words a value, chosen by `roll` in 0..1: mostly exact, sometimes 约, 余 or
/// a range.
fn worded(roll: f64, value: f64, unit: &str, decimals: i32) -> (Qualifier, Option<f64>, String) {
    if roll < 0.08 {
        let wording = format!("约{}{unit}", written(value, decimals));
        (Qualifier::Approximate, None, wording)
    } else if roll < 0.18 {
        let wording = format!("{}余{unit}", written(value, decimals));
        (Qualifier::AtLeast, None, wording)
    } else if roll < 0.20 && decimals == 0 && value >= 10.0 {
        let high = round(value * 1.25, 0);
        let wording = format!("{}至{}{unit}", written(value, 0), written(high, 0));
        (Qualifier::Range, Some(high), wording)
    } else {
        let wording = format!("{}{unit}", written(value, decimals));
        (Qualifier::Exact, None, wording)
    }
}
