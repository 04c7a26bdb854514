//! China's provincial-level divisions: a place named before another (天津市河东区, 河南省焦作市)
//! is its parent. Ids are those a catalogue would give them (lowercase pinyin).

use sportdash_core::model::EntityKind;

/// A provincial-level division: its name, short name, id and kind.
pub(super) struct Province {
    pub(super) name: &'static str,
    pub(super) short: &'static str,
    pub(super) id: &'static str,
    pub(super) kind: EntityKind,
}

const fn p(
    name: &'static str,
    short: &'static str,
    id: &'static str,
    kind: EntityKind,
) -> Province {
    Province {
        name,
        short,
        id,
        kind,
    }
}

pub(super) const PROVINCES: &[Province] = &[
    p("北京市", "北京", "beijing", EntityKind::Municipality),
    p("天津市", "天津", "tianjin", EntityKind::Municipality),
    p("上海市", "上海", "shanghai", EntityKind::Municipality),
    p("重庆市", "重庆", "chongqing", EntityKind::Municipality),
    p("河北省", "河北", "hebei", EntityKind::Province),
    p("山西省", "山西", "shanxi", EntityKind::Province),
    p("辽宁省", "辽宁", "liaoning", EntityKind::Province),
    p("吉林省", "吉林", "jilin", EntityKind::Province),
    p("黑龙江省", "黑龙江", "heilongjiang", EntityKind::Province),
    p("江苏省", "江苏", "jiangsu", EntityKind::Province),
    p("浙江省", "浙江", "zhejiang", EntityKind::Province),
    p("安徽省", "安徽", "anhui", EntityKind::Province),
    p("福建省", "福建", "fujian", EntityKind::Province),
    p("江西省", "江西", "jiangxi", EntityKind::Province),
    p("山东省", "山东", "shandong", EntityKind::Province),
    p("河南省", "河南", "henan", EntityKind::Province),
    p("湖北省", "湖北", "hubei", EntityKind::Province),
    p("湖南省", "湖南", "hunan", EntityKind::Province),
    p("广东省", "广东", "guangdong", EntityKind::Province),
    p("海南省", "海南", "hainan", EntityKind::Province),
    p("四川省", "四川", "sichuan", EntityKind::Province),
    p("贵州省", "贵州", "guizhou", EntityKind::Province),
    p("云南省", "云南", "yunnan", EntityKind::Province),
    p("陕西省", "陕西", "shaanxi", EntityKind::Province),
    p("甘肃省", "甘肃", "gansu", EntityKind::Province),
    p("青海省", "青海", "qinghai", EntityKind::Province),
    p("台湾省", "台湾", "taiwan", EntityKind::Province),
    p(
        "内蒙古自治区",
        "内蒙古",
        "inner-mongolia",
        EntityKind::Province,
    ),
    p("广西壮族自治区", "广西", "guangxi", EntityKind::Province),
    p("西藏自治区", "西藏", "tibet", EntityKind::Province),
    p("宁夏回族自治区", "宁夏", "ningxia", EntityKind::Province),
    p("新疆维吾尔自治区", "新疆", "xinjiang", EntityKind::Province),
    p("香港特别行政区", "香港", "hong-kong", EntityKind::Province),
    p("澳门特别行政区", "澳门", "macau", EntityKind::Province),
];

/// The provincial-level division whose name or short name `name` starts with (and more
/// follows), and how many bytes it takes.
pub(super) fn at_start(name: &str) -> Option<(&'static Province, usize)> {
    PROVINCES.iter().find_map(|p| {
        if name.starts_with(p.name) && name.len() > p.name.len() {
            Some((p, p.name.len()))
        } else if name.starts_with(p.short) && name.len() > p.short.len() {
            Some((p, p.short.len()))
        } else {
            None
        }
    })
}

/// The provincial-level division named `name` (in full or short).
pub(super) fn named(name: &str) -> Option<&'static Province> {
    PROVINCES.iter().find(|p| p.name == name || p.short == name)
}
