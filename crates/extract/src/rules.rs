//! The word tables the reader consults: units, words that make a number a rank, keyword rules
//! proposing an indicator, and words that place a sentence in time or make it a plan.

/// Units a number may carry, as written (a 万 or 亿 before them is read separately).
/// Longer names first: 人次 before 人, 场次 before 场.
pub const UNITS: &[&str] = &[
    "平方米",
    "人次",
    "场次",
    "元",
    "人",
    "名",
    "位",
    "个",
    "枚",
    "项",
    "次",
    "场",
    "站",
    "家",
    "所",
    "条",
    "件",
    "篇",
    "期",
    "张",
    "份",
    "户",
    "支",
    "块",
    "座",
    "处",
    "批",
    "年",
    "分",
    "%",
];

/// Characters that, right after a unit, show it is part of another word (分钟, 人才, 支部 …).
pub(crate) const NOT_A_UNIT_BEFORE: &[(&str, &str)] = &[
    (
        "分",
        "钟之别类配布析解工支会局校队组享散批期段成为管头层步担秒",
    ),
    ("人", "制民口才均士生工大"),
    ("名", "单称义誉校牌额"),
    ("位", "于居置列"),
    ("次", "日要序"),
    ("场", "地馆所景"),
    ("家", "庭长属乡"),
    ("所", "有属在以谓需"),
    ("条", "例件款理"),
    ("期", "间待望限刊"),
    ("户", "外口籍"),
    ("支", "部持出付撑援"),
    ("座", "谈位"),
    ("处", "理置室长于"),
    ("批", "示准复评"),
    ("站", "长"),
    ("项", "目"),
    ("元", "素旦宵气"),
    ("年", "级代度龄轻会"),
];

/// Words before 第N that make it a rank (居全省第二, 排名第三).
/// Also a place or a table before it, where the rank ends its clause (取得全省第三的好成绩,
/// 团体总分第一).
pub(crate) const RANK_WORDS: &[&str] = &[
    "排名", "名列", "位列", "位居", "居", "列", "排", "全省", "全市", "全国", "全区", "全县", "榜",
    "团体", "总分",
];

/// Keyword rules proposing an indicator: all the words must occur in the number's part of the
/// clause (between 、), and the unit must be one of the listed ones; the rule whose word is
/// nearest the number wins. The ids are those of `data/indicators.json`.
pub(crate) const INDICATOR_RULES: &[(&[&str], &[&str], &str)] = &[
    (&["人均体育场地面积"], &["平方米"], "sports_area_per_capita"),
    (&["全民健身活动"], &["次", "场", "项"], "fitness_events"),
    (&["群众体育活动"], &["次", "场", "项"], "fitness_events"),
    (
        &["体育产业总规模"],
        &["元", "万元", "亿元"],
        "sports_industry_scale",
    ),
    (&["金牌"], &["枚"], "medals_gold"),
    (&["银牌"], &["枚"], "medals_silver"),
    (&["铜牌"], &["枚"], "medals_bronze"),
    (&["奖牌总数"], &["枚"], "medals_total"),
    (&["团体总分"], &["分"], "team_score"),
    (&["运动员", "参加"], &["名", "人"], "athletes_entered"),
    (&["运动员", "参赛"], &["名", "人"], "athletes_entered"),
    (&["参加测试"], &["名", "人"], "staff_tested"),
    (&["参加"], &["名", "人"], "event_participants"),
    (&["参与"], &["名", "人"], "event_participants"),
    (
        &["单位", "参加"],
        &["家", "个"],
        "participating_organisations",
    ),
    (&["活动"], &["场", "站"], "fitness_events"),
    (
        &["群众体育先进单位"],
        &["个"],
        "mass_sports_advanced_unit_cycles",
    ),
    (&["区县"], &["个"], "districts_covered"),
    (&["派出"], &["名", "人"], "instructors_dispatched"),
    (&["教练员", "授课"], &["名", "人"], "coaches_trained"),
    (&["职教练员"], &["名", "人"], "coaches_per_school"),
    (&["传校"], &["所"], "traditional_sports_schools"),
    (&["改造"], &["元", "万元", "亿元"], "facility_investment"),
    (&["帮扶"], &["元", "万元"], "poverty_relief_funds"),
    (&["农户"], &["元", "万元"], "poverty_relief_funds"),
    (&["公务"], &["元", "万元"], "official_expenses"),
    (&["因公"], &["元", "万元"], "official_expenses"),
    (&["支出"], &["元", "万元"], "official_expenses"),
    (&["第一名"], &["个"], "first_place_finishes"),
    (&["第三名"], &["个"], "third_place_finishes"),
    (&["示范站点"], &["个"], "taiji_demo_sites"),
    (&["健身园"], &["个"], "fitness_parks_built"),
    (&["笼式足球场"], &["个"], "cage_football_pitches_built"),
    (&["社区体育园"], &["个"], "community_sports_parks_built"),
    (&["健身步道"], &["条"], "fitness_trails_built"),
    (&["全民健身中心"], &["个"], "fitness_centres_built"),
    (
        &["健身器材", "巡检"],
        &["件"],
        "fitness_equipment_inspected",
    ),
    (&["健身器材", "维修"], &["件"], "fitness_equipment_repaired"),
    (
        &["体育旅游示范基地"],
        &["家", "个"],
        "national_sports_tourism_bases",
    ),
    (&["体育特色小镇"], &["家", "个"], "national_sports_towns"),
    (
        &["体育产业示范基地"],
        &["家", "个"],
        "provincial_industry_demo_bases",
    ),
    (&["后备人才"], &["人", "名"], "youth_reserve_talent"),
    (
        &["二级运动员"],
        &["人次", "人", "名"],
        "second_grade_athletes",
    ),
    (
        &["单招运动员"],
        &["人次", "人", "名"],
        "single_admission_athletes_reviewed",
    ),
    (&["基层训练单位"], &["家", "个"], "feeder_units_awarded"),
    (&["预备党员"], &["名", "人"], "party_members_admitted"),
    (
        &["单项体育协会", "成立"],
        &["个", "家"],
        "sports_associations_founded",
    ),
    (
        &["单项体育协会", "共有"],
        &["个", "家"],
        "sports_associations",
    ),
    (&["信访", "接待"], &["次"], "petitions_received"),
    (&["投诉件"], &["件"], "hotline_complaints_handled"),
    (&["意见建议"], &["条"], "suggestions_collected"),
    (&["小分队"], &["支", "个"], "party_service_teams"),
    (&["街道"], &["个"], "sub_districts_mobilised"),
    (
        &["社区", "健身会"],
        &["个"],
        "communities_with_fitness_association",
    ),
    (&["接待"], &["次"], "petitions_received"),
    (&["辅导"], &["人次"], "party_training_attendance"),
    (&["解决", "问题"], &["个"], "public_issues_resolved"),
    (&["支部书记", "培训"], &["个"], "branch_secretaries_trained"),
    (&["补选"], &["个"], "branch_secretary_by_elections"),
    (&["党组织"], &["个"], "party_organisations"),
    (&["党支部"], &["个"], "party_organisations"),
    (&["上报文件"], &["份", "件"], "creation_documents_submitted"),
    (&["暗访"], &["次"], "inspections_received"),
    (&["验收"], &["次"], "inspections_received"),
    (&["党组会"], &["次"], "party_group_meetings"),
    (&["集体学习"], &["次"], "study_sessions"),
    (&["读书班"], &["个", "期"], "reading_classes"),
    (&["党课"], &["次"], "party_lectures"),
    (&["下基层调研"], &["次"], "field_research_visits"),
    (&["调研报告"], &["篇"], "research_reports"),
    (&["整改事项"], &["项"], "rectification_items"),
    (&["整改措施"], &["项"], "rectification_measures"),
    (&["培训班"], &["期"], "party_training_classes"),
    (&["民主生活"], &["次"], "democratic_life_meetings"),
    (&["先进党支部"], &["个"], "advanced_party_branches"),
    (
        &["优秀共产党员"],
        &["名", "人"],
        "outstanding_party_members",
    ),
    (
        &["优秀党务工作者"],
        &["名", "人"],
        "outstanding_party_workers",
    ),
    (&["建档立卡户"], &["户"], "poverty_households_paired"),
    (&["媒体报道"], &["篇"], "media_reports"),
    (&["简报"], &["期"], "briefings_submitted"),
    (&["图片"], &["张"], "photos_submitted"),
];

/// Keyword rules for ranks: a word earlier in the rank's sentence, and the indicator.
pub(crate) const RANK_RULES: &[(&str, &str)] =
    &[("人均体育场地面积", "sports_area_provincial_rank")];

/// The indicator ids the keyword rules can propose (for checking them against the data).
pub fn rule_indicators() -> impl Iterator<Item = &'static str> {
    INDICATOR_RULES
        .iter()
        .map(|&(_, _, id)| id)
        .chain(RANK_RULES.iter().map(|&(_, id)| id))
        .chain(["medals_gold", "medals_silver", "medals_bronze"])
}

/// A medal colour written after a number (1金2银3铜), and the indicator it counts.
pub(crate) fn medal_colour(c: char) -> Option<&'static str> {
    match c {
        '金' => Some("medals_gold"),
        '银' => Some("medals_silver"),
        '铜' => Some("medals_bronze"),
        _ => None,
    }
}

/// Words that place a sentence in time relative to the report.
pub(crate) const RELATIVE_TIME: &[&str] = &["去年", "今年", "明年", "全年", "年内"];

/// Words that make a sentence a plan wherever they stand.
pub(crate) const PLAN_WORDS: &[&str] = &["力争", "争取", "今年要", "明年要"];

/// Plan words that tell of something done when these follow them: 争取到, 争取上级资金 (secured).
pub(crate) const DONE_AFTER_PLAN_WORD: &[(&str, &[&str])] = &[(
    "争取",
    &[
        "到", "了", "资金", "中央", "上级", "省级", "国家", "项目", "政策",
    ],
)];

/// Characters after which 将 makes a plan: a subject or a time (我市将, 今年…局将, 后续将).
pub(crate) const PLAN_WILL_AFTER: &str = "年局市区县续步还也即们心会府";
