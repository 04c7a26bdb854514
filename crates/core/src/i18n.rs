//! User-interface strings. One typed table per language: a key missing in either language
//! does not compile. Names of entities and indicators come from the data instead.

use crate::lang::Lang;
use crate::model::{Catalog, Category, MEDAL_TABLE};

/// Each language's strings.
impl Lang {
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

pub struct Strings {
    pub app_title: &'static str,
    pub app_subtitle: &'static str,
    pub entities: &'static str,
    pub years: &'static str,
    pub year_from: &'static str,
    pub year_to: &'static str,
    pub indicator: &'static str,
    pub medal_table: &'static str,
    pub medal_table_about: &'static str,
    pub chart: &'static str,
    pub table: &'static str,
    pub no_data: &'static str,
    pub loading: &'static str,
    pub gold: &'static str,
    pub silver: &'static str,
    pub bronze: &'static str,
    pub target: &'static str,
    pub reported: &'static str,
    pub rank_note: &'static str,
    pub gap_note: &'static str,
    pub col_entity: &'static str,
    pub col_context: &'static str,
    pub col_year: &'static str,
    pub col_indicator: &'static str,
    pub col_value: &'static str,
    pub col_status: &'static str,
    pub col_source: &'static str,
    pub source: &'static str,
    pub year_read: &'static str,
    pub data_problems: &'static str,
    pub file_failed: &'static str,
    pub retry: &'static str,
    pub hint_tap: &'static str,
    pub nothing_selected: &'static str,
    pub footer: &'static str,
    pub search_places: &'static str,
    pub ranking: &'static str,
    pub remove: &'static str,
    pub source_panel: &'static str,
    pub quote: &'static str,
    pub report: &'static str,
    pub published: &'static str,
    pub period: &'static str,
    pub file: &'static str,
    pub entity_read: &'static str,
    pub entity_subject: &'static str,
    pub entity_named: &'static str,
    pub as_written: &'static str,
    pub unit: &'static str,
    pub note_label: &'static str,
    pub sources_tab: &'static str,
    pub coverage_tab: &'static str,
    pub sources_title: &'static str,
    pub sources_intro: &'static str,
    pub coverage_title: &'static str,
    pub coverage_intro: &'static str,
    pub total: &'static str,
    pub export: &'static str,
    pub download_png: &'static str,
    pub download_svg: &'static str,
    pub download_csv: &'static str,
    pub open_source: &'static str,
    pub several_reports: &'static str,
    pub also_reported: &'static str,
    pub values_differ: &'static str,
    pub sections: &'static str,
    pub other_lang: &'static str,
    pub other_lang_hint: &'static str,
    pub theme_dark: &'static str,
    pub theme_light: &'static str,
    pub theme_hint: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_by_hand: &'static str,
    pub embed: &'static str,
    pub embed_help: &'static str,
    pub copy_code: &'static str,
    pub code_copied: &'static str,
    pub present: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub play_years: &'static str,
    pub pause: &'static str,
    pub leave: &'static str,
    pub fullscreen: &'static str,
    pub present_keys: &'static str,
    pub no_slides: &'static str,
    pub open_dashboard: &'static str,
    pub ignored_params: &'static str,
    pub ignored_ids: &'static str,
    pub names_in_full: &'static str,
    pub slide_unusable: &'static str,
    pub sources_unavailable: &'static str,
    pub years_without_data: &'static str,
    pub close: &'static str,
    pub basis_stated: &'static str,
    pub basis_report_period: &'static str,
    pub basis_publication: &'static str,
    pub chart_keys: &'static str,
    pub filters: &'static str,
    pub sources: &'static str,
    pub national: &'static str,
    pub national_target: &'static str,
    pub reference_note: &'static str,
    pub reference_kind_national: &'static str,
    pub reference_kind_target: &'static str,
    pub citation: &'static str,
    pub publisher: &'static str,
    pub open_publication: &'static str,
    pub comparisons: &'static str,
    pub vs_previous_year: &'static str,
    pub vs_national: &'static str,
    pub not_shown_because: &'static str,
    pub download_data: &'static str,
    pub download_data_hint: &'static str,
    pub other_numbers: &'static str,
    pub standard_indicators: &'static str,
}

static ZH: Strings = Strings {
    app_title: "体育发展指标",
    app_subtitle: "来自体育部门年度报告的数字，每个数字都附有原文出处",
    entities: "地区",
    years: "年份",
    year_from: "从",
    year_to: "到",
    indicator: "指标",
    medal_table: "奖牌（金/银/铜）",
    medal_table_about: "各地区每年在各项赛事中获得的金、银、铜牌数；不同赛事分列，不相加。",
    chart: "图表",
    table: "表格",
    no_data: "无数据",
    loading: "正在加载…",
    gold: "金",
    silver: "银",
    bronze: "铜",
    target: "目标",
    reported: "实际",
    rank_note: "名次：越靠上越好",
    gap_note: "虚线：中间年份无数据",
    col_entity: "地区",
    col_context: "赛事/活动",
    col_year: "年份",
    col_indicator: "指标",
    col_value: "数值",
    col_status: "性质",
    col_source: "原文出处",
    source: "出处",
    year_read: "年份依据",
    data_problems: "数据问题",
    file_failed: "数据文件无法读取",
    retry: "重试",
    hint_tap: "点击或悬停柱形、数据点查看数值与原文出处",
    nothing_selected: "请至少选择一个地区",
    several_reports: "* 多份报告给出此数",
    also_reported: "其他报告中的同一数字",
    values_differ: "数值不一致",
    footer: "数据取自各地体育部门公开报告；“无数据”表示报告未提及，不是零。",
    search_places: "搜索地区（名称或编号）",
    ranking: "前20名排行",
    remove: "移除",
    source_panel: "数值出处",
    quote: "原文",
    report: "报告",
    published: "发布",
    period: "所述年度",
    file: "文件",
    entity_read: "地区依据",
    entity_subject: "报告所属地区",
    entity_named: "句中所指地区",
    as_written: "写法",
    unit: "单位",
    note_label: "说明",
    sources_tab: "来源",
    coverage_tab: "覆盖",
    sources_title: "报告与数字",
    sources_intro: "每份报告在各栏目中提供的数字个数。",
    coverage_title: "哪些地区、年份、栏目有数据",
    coverage_intro:
        "每格为报告给出的数字个数；“—”表示未报告，“目标”为计划数。点击有数据的格子查看。",
    total: "合计",
    export: "导出",
    download_png: "PNG 图片",
    download_svg: "SVG 矢量图",
    download_csv: "CSV 数据",
    open_source: "查看出处",
    sections: "栏目",
    other_lang: "English",
    other_lang_hint: "Switch to English",
    theme_dark: "深色",
    theme_light: "浅色",
    theme_hint: "切换深浅配色",
    copy_link: "复制链接",
    link_copied: "链接已复制",
    copy_by_hand: "无法自动复制，请手动复制：",
    embed: "嵌入",
    embed_help: "把下面的代码粘贴到网页中，图表会随容器宽度调整并自动设置高度：",
    copy_code: "复制代码",
    code_copied: "代码已复制",
    present: "演示",
    previous: "上一页",
    next: "下一页",
    play_years: "播放年份",
    pause: "暂停",
    leave: "退出",
    fullscreen: "全屏",
    present_keys: "← → 翻页　空格 播放年份　F 全屏　Esc 退出",
    no_slides: "演示文稿中没有可显示的页面",
    open_dashboard: "在完整仪表板中查看 ›",
    ignored_params: "链接中有无法识别的参数，已忽略：",
    ignored_ids: "链接中的这些编号在数据中找不到，已忽略：",
    names_in_full: "图中省略的名称全文：",
    slide_unusable: "这一页无法显示：它的视图有问题（见上）。",
    sources_unavailable: "报告目录（reports.json）无法读取：图表照常显示，但数字的出处暂不可用。",
    years_without_data: "这些年份没有该指标的数据，显示的是有数据的年份：",
    close: "关闭",
    basis_stated: "原文写明年份",
    basis_report_period: "报告所述年度",
    basis_publication: "报告发布时的现状",
    chart_keys: "选中图表后，可用 ← → 键逐个查看数值与出处",
    filters: "筛选",
    sources: "来源",
    national: "全国",
    national_target: "全国目标",
    reference_note: "全国参考值，不是本地报告中的数字。",
    reference_kind_national: "全国数值",
    reference_kind_target: "国家规划目标",
    citation: "出处",
    publisher: "发布机构",
    open_publication: "打开出处",
    comparisons: "比较",
    vs_previous_year: "比上年",
    vs_national: "与全国同年相比",
    not_shown_because: "不作比较：",
    download_data: "下载数据",
    download_data_hint: "全部数据（Frictionless 数据包：datapackage.json 与各部分 CSV）",
    other_numbers: "其他数字",
    standard_indicators: "标准指标",
};

static EN: Strings = Strings {
    app_title: "Sports development indicators",
    app_subtitle:
        "Numbers from sports bureaus' yearly reports, each with the sentence it came from",
    entities: "Places",
    years: "Years",
    year_from: "From",
    year_to: "to",
    indicator: "Indicator",
    medal_table: "Medals (gold/silver/bronze)",
    medal_table_about: "Gold, silver and bronze medals each place won at each competition in a year; competitions are shown apart, never added up.",
    chart: "Chart",
    table: "Table",
    no_data: "no data",
    loading: "Loading…",
    gold: "Gold",
    silver: "Silver",
    bronze: "Bronze",
    target: "Target",
    reported: "Reported",
    rank_note: "Rank: higher up is better",
    gap_note: "Dashed: years in between not reported",
    col_entity: "Place",
    col_context: "Competition / event",
    col_year: "Year",
    col_indicator: "Indicator",
    col_value: "Value",
    col_status: "Status",
    col_source: "Source",
    source: "Source",
    year_read: "Year read as",
    data_problems: "Data problems",
    file_failed: "A data file could not be read",
    retry: "Retry",
    hint_tap: "Hover or tap a bar or point for its value and source sentence",
    nothing_selected: "Choose at least one place",
    several_reports: "* given by more than one report",
    also_reported: "The same number in other reports",
    values_differ: "the values differ",
    footer: "From sports bureaus' public reports. \"No data\" means not reported, not zero.",
    search_places: "Search places (name or id)",
    ranking: "Top 20 ranking",
    remove: "Remove",
    source_panel: "Where this number comes from",
    quote: "Quote",
    report: "Report",
    published: "Published",
    period: "Period",
    file: "File",
    entity_read: "Place read as",
    entity_subject: "the report's own place",
    entity_named: "the place the sentence names",
    as_written: "As written",
    unit: "unit",
    note_label: "Note",
    sources_tab: "Sources",
    coverage_tab: "Coverage",
    sources_title: "Reports and their numbers",
    sources_intro: "How many numbers each report gives in each section.",
    coverage_title: "What is reported, where and when",
    coverage_intro: "Each cell counts the numbers reported; \"—\" means not reported, \"target\" counts plans. Click a cell with data to see it.",
    total: "Total",
    export: "Export",
    download_png: "PNG image",
    download_svg: "SVG vector",
    download_csv: "CSV data",
    open_source: "Show the source",
    sections: "Sections",
    other_lang: "中文",
    other_lang_hint: "切换到中文",
    theme_dark: "Dark",
    theme_light: "Light",
    theme_hint: "Switch between light and dark",
    copy_link: "Copy link",
    link_copied: "Link copied",
    copy_by_hand: "Could not copy; copy it by hand:",
    embed: "Embed",
    embed_help: "Paste this into a web page; the chart fits the width and sets its own height:",
    copy_code: "Copy code",
    code_copied: "Code copied",
    present: "Present",
    previous: "Previous",
    next: "Next",
    play_years: "Play the years",
    pause: "Pause",
    leave: "Leave",
    fullscreen: "Full screen",
    present_keys: "← → slides · Space plays the years · F full screen · Esc leaves",
    no_slides: "The deck has no slides to show",
    open_dashboard: "Open in the full dashboard ›",
    ignored_params: "Some link parameters were not understood and were ignored: ",
    ignored_ids: "These ids in the link are not in the data and were ignored: ",
    names_in_full: "Names shortened in the chart, in full: ",
    slide_unusable: "This slide cannot be shown: its view has a problem (above).",
    sources_unavailable: "The list of reports (reports.json) could not be read: the charts are shown, but where each number comes from is not available.",
    years_without_data: "The indicator has no values in these years, so the years with values are shown: ",
    close: "Close",
    basis_stated: "the sentence names the year",
    basis_report_period: "the year the report reviews",
    basis_publication: "as current when the report was published",
    chart_keys: "Focus the chart and use ← → to step through values and sources",
    filters: "Filters",
    sources: "Sources",
    national: "National",
    national_target: "National target",
    reference_note: "A national reference, not a number from the local report.",
    reference_kind_national: "National value",
    reference_kind_target: "National plan target",
    citation: "Published in",
    publisher: "Publisher",
    open_publication: "Open the publication",
    comparisons: "Comparisons",
    vs_previous_year: "On the year before",
    vs_national: "Against the national value that year",
    not_shown_because: "Not shown: ",
    download_data: "Download data",
    download_data_hint: "The whole dataset as a Frictionless Data Package (datapackage.json and a CSV per section)",
    other_numbers: "Other numbers from the reports",
    standard_indicators: "Standard indicators",
};

/// The name of a dashboard section.
pub fn category_name(category: Category, lang: Lang) -> &'static str {
    match (category, lang) {
        (Category::Medals, Lang::Zh) => "竞技奖牌",
        (Category::Medals, Lang::En) => "Medals",
        (Category::Events, Lang::Zh) => "全民健身",
        (Category::Events, Lang::En) => "Fitness events",
        (Category::Facilities, Lang::Zh) => "场地设施",
        (Category::Facilities, Lang::En) => "Facilities",
        (Category::Industry, Lang::Zh) => "体育产业",
        (Category::Industry, Lang::En) => "Industry",
        (Category::Talent, Lang::Zh) => "后备人才",
        (Category::Talent, Lang::En) => "Talent",
        (Category::Governance, Lang::Zh) => "党建治理",
        (Category::Governance, Lang::En) => "Governance",
    }
}

/// The two places nearest that `id` belongs to (`焦作市 · 河南省`: enough to tell two counties
/// of one name apart), or `None` when the data names none.
pub fn entity_within(catalog: &Catalog, id: &str, lang: Lang) -> Option<String> {
    let names: Vec<&str> = catalog
        .parents(id)
        .take(2)
        .map(|p| lang.pick(&p.name))
        .collect();
    (!names.is_empty()).then(|| names.join(" · "))
}

/// Under a search's suggestions, when more places match than are shown.
pub fn more_matches(lang: Lang, more: usize) -> String {
    match lang {
        Lang::Zh => format!("另有{more}个地区匹配，请输入更多字缩小范围"),
        Lang::En => format!("{more} more places match; type more to narrow them"),
    }
}

/// The longest name shown whole; the validator refuses longer ones, and a page shows at most
/// this much of one it was given anyway.
pub const NAME_CHARS: usize = 80;

/// A name from the data as the page shows it: without the characters that hide text or
/// reorder it on screen, and at most `NAME_CHARS` long. The validator refuses names that need
/// this; a page given them anyway stays readable.
pub fn shown_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|&c| !crate::state::is_hidden(c))
        .collect();
    if clean.chars().count() <= NAME_CHARS {
        clean
    } else {
        let cut: String = clean.chars().take(NAME_CHARS - 1).collect();
        format!("{cut}…")
    }
}

/// An entity's name from the data, or its id when the catalog does not know it.
pub fn entity_name(catalog: &Catalog, id: &str, lang: Lang) -> String {
    catalog
        .entity(id)
        .map_or_else(|| id.to_string(), |e| shown_name(lang.pick(&e.name)))
}

/// What the indicator counts, as the data describes it; `None` where it does not.
pub fn indicator_about<'a>(catalog: &'a Catalog, id: &str, lang: Lang) -> Option<&'a str> {
    if id == MEDAL_TABLE {
        return Some(lang.strings().medal_table_about);
    }
    catalog
        .indicator(id)
        .map(|i| lang.pick(&i.description))
        .filter(|about| !about.trim().is_empty())
}

/// An indicator's name from the data; the medal table has its own.
pub fn indicator_name(catalog: &Catalog, id: &str, lang: Lang) -> String {
    if id == MEDAL_TABLE {
        return lang.strings().medal_table.to_string();
    }
    catalog
        .indicator(id)
        .map_or_else(|| id.to_string(), |i| shown_name(lang.pick(&i.name)))
}

/// The line a folded set of controls shows (phones): `筛选 · 焦作市, 河东区 · 2021–2023`.
pub fn filters_summary(
    catalog: &Catalog,
    entities: &[String],
    years: Option<(i32, i32)>,
    lang: Lang,
) -> String {
    let names: Vec<String> = entities
        .iter()
        .map(|id| entity_name(catalog, id, lang))
        .collect();
    let years = match years {
        Some((from, to)) if from == to => from.to_string(),
        Some((from, to)) => format!("{from}–{to}"),
        None => String::new(),
    };
    format!(
        "{} · {} · {years}",
        lang.strings().filters,
        names.join(", ")
    )
}
