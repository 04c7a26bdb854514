//! Charts drawn into SVG by the same code that draws the canvas, checked on what they contain:
//! the bars for the chosen entities, their labels, "no data" marks, and where they were hit.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use plotters::prelude::*;
use sportdash_chart::{self as chart, Style};
use sportdash_core::files::{check_dir, Checked};
use sportdash_core::lang::Lang;
use sportdash_core::lang::Theme;
use sportdash_core::model::{Catalog, Category};
use sportdash_core::query::{self, Cell, ChartData, Selection, Shape};

fn data() -> Checked {
    let checked = check_dir(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data"),
        None,
    );
    assert_eq!(checked.errors().count(), 0);
    checked
}

fn chart_of(data: &Checked, category: Category, indicator: &str, entities: &[&str]) -> ChartData {
    let dataset = data
        .datasets
        .iter()
        .find(|d| d.category == category)
        .unwrap();
    let selection = Selection {
        indicator: Some(indicator.to_string()),
        entities: entities.iter().map(|e| e.to_string()).collect(),
        years: None,
        top: None,
        ranked: None,
        ignored: Vec::new(),
    };
    query::chart(data.catalog.as_ref().unwrap(), dataset, &selection)
}

/// Draws into SVG and returns the document and the hits.
fn render(data: &Checked, chart: &ChartData) -> (String, Vec<chart::Hit>) {
    let mut svg = String::new();
    let hits = {
        let root = SVGBackend::with_string(&mut svg, (1000, 600)).into_drawing_area();
        let hits = chart::draw(
            &root,
            chart,
            data.catalog.as_ref().unwrap(),
            Lang::Zh,
            &Style::default(),
        )
        .expect("drawing into SVG");
        root.present().unwrap();
        hits.hits
    };
    (svg, hits)
}

/// How the dashboard draws on a phone, a laptop and a 1920 × 1080 screen: canvas pixels, type
/// size and pixel ratio (app/chart_view.rs, `style_for`).
const PHONE: ((u32, u32), f64, f64) = ((1050, 1000), 11.0, 3.0);
const LAPTOP: ((u32, u32), f64, f64) = ((1300, 460), 18.6, 1.0);
const SCREEN: ((u32, u32), f64, f64) = ((1860, 640), 20.0, 1.0);

/// Draws into SVG as on `device` (one of the above).
fn svg_on(chart: &ChartData, catalog: &Catalog, device: ((u32, u32), f64, f64)) -> String {
    let (size, font_size, scale) = device;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let style = Style {
            font_size,
            scale,
            ..Style::default()
        };
        chart::draw(&root, chart, catalog, Lang::Zh, &style).expect("drawing into SVG");
        root.present().unwrap();
    }
    svg
}

/// A chart of every shape: medals, bars, lines, ranks, a ranked top 3, and no place at all.
fn every_shape(data: &Checked) -> Vec<ChartData> {
    let catalog = data.catalog.as_ref().unwrap();
    let facilities = data
        .datasets
        .iter()
        .find(|d| d.category == Category::Facilities);
    let top = Selection {
        indicator: Some("sports_area_per_capita".to_string()),
        entities: Vec::new(),
        years: None,
        top: Some(3),
        ranked: None,
        ignored: Vec::new(),
    };
    let ranked = query::chart(catalog, facilities.unwrap(), &top);
    assert_eq!(ranked.shape, query::Shape::Ranked);
    vec![
        chart_of(
            data,
            Category::Medals,
            sportdash_core::model::MEDAL_TABLE,
            &["jiaozuo", "hedong"],
        ),
        chart_of(
            data,
            Category::Facilities,
            "sports_area_per_capita",
            &["jiaozuo", "hedong"],
        ),
        chart_of(
            data,
            Category::Events,
            "fitness_events",
            &["jiaozuo", "chongqing"],
        ),
        chart_of(
            data,
            Category::Facilities,
            "sports_area_provincial_rank",
            &["jiaozuo"],
        ),
        ranked,
        chart_of(
            data,
            Category::Medals,
            sportdash_core::model::MEDAL_TABLE,
            &[],
        ),
    ]
}

/// A text element of an SVG: what it says and the attributes the tests read (its size as
/// written: plotters' SVG backend divides the size it is given by 1.24).
#[derive(Debug)]
struct SvgText {
    content: String,
    x: f64,
    y: f64,
    font_size: f64,
    anchor: Option<String>,
    dy: Option<String>,
    transform: Option<String>,
}

fn svg_texts(svg: &str) -> Vec<SvgText> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let attribute = |name: &str| {
                let value = t.split(&format!(" {name}=\"")).nth(1)?;
                Some(value[..value.find('"')?].to_string())
            };
            let number = |name: &str| attribute(name)?.parse::<f64>().ok();
            Some(SvgText {
                content: t[t.find('>')? + 1..t.find("</text>")?].trim().to_string(),
                x: number("x")?,
                y: number("y")?,
                font_size: number("font-size")?,
                anchor: attribute("text-anchor"),
                dy: attribute("dy"),
                transform: attribute("transform"),
            })
        })
        .collect()
}

/// How many filled rectangles of `colour` the SVG has.
fn bars(svg: &str, colour: RGBColor) -> usize {
    let fill = format!("fill=\"#{:02X}{:02X}{:02X}\"", colour.0, colour.1, colour.2);
    svg.lines()
        .filter(|l| {
            l.trim_start().starts_with("<rect") && l.contains(&fill) && l.contains("opacity=\"1\"")
        })
        .count()
}

/// Every text element: its content and its y position.
fn placed_texts(svg: &str) -> Vec<(String, f64)> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let start = t.find('>')? + 1;
            let end = t.find("</text>")?;
            let y = t.split("y=\"").nth(1)?;
            let y = y[..y.find('"')?].parse().ok()?;
            Some((t[start..end].trim().to_string(), y))
        })
        .collect()
}

fn texts(svg: &str) -> Vec<String> {
    placed_texts(svg).into_iter().map(|(t, _)| t).collect()
}

#[test]
fn medal_chart_has_a_bar_per_medal_count_and_labels_for_each_competition() {
    let data = data();
    let chart = chart_of(
        &data,
        Category::Medals,
        sportdash_core::model::MEDAL_TABLE,
        &["jiaozuo", "hedong"],
    );
    let (svg, hits) = render(&data, &chart);
    let labels = texts(&svg);
    for label in [
        "焦作市",
        "河东区",
        "金81",
        "银91",
        "铜92",
        "金10",
        "金1",
        "银9",
        "铜5",
        "无数据",
    ] {
        assert!(
            labels.iter().any(|t| t == label),
            "no label {label} in {labels:?}"
        );
    }
    assert!(labels
        .iter()
        .any(|t| t.starts_with("2023 · 杭州第十九届亚运会")));
    // Gold values: 1, 3, 10 for 焦作, 81 for 河东区; 河东区's volleyball gold is "no data".
    assert_eq!(
        bars(&svg, chart::series_colour(&chart, 0)),
        4 + 1,
        "gold bars + legend swatch"
    );
    assert_eq!(bars(&svg, chart::series_colour(&chart, 1)), 5 + 1);
    assert_eq!(bars(&svg, chart::series_colour(&chart, 2)), 5 + 1);
    assert_eq!(
        hits.len(),
        chart.rows.len(),
        "every bar and no-data mark can be hovered"
    );
}

#[test]
fn choosing_another_entity_changes_the_bars() {
    let data = data();
    let one = chart_of(
        &data,
        Category::Medals,
        sportdash_core::model::MEDAL_TABLE,
        &["jiaozuo"],
    );
    let two = chart_of(
        &data,
        Category::Medals,
        sportdash_core::model::MEDAL_TABLE,
        &["jiaozuo", "hedong"],
    );
    let (svg_one, _) = render(&data, &one);
    let (svg_two, _) = render(&data, &two);
    assert!(!texts(&svg_one).contains(&"河东区".to_string()));
    assert!(texts(&svg_two).contains(&"河东区".to_string()));
    assert_eq!(bars(&svg_one, chart::series_colour(&one, 0)), 3 + 1);
}

#[test]
fn qualifiers_and_targets_are_written_on_the_chart() {
    let data = data();
    let chart = chart_of(
        &data,
        Category::Events,
        "fitness_events",
        &["jiaozuo", "chongqing"],
    );
    let (svg, _) = render(&data, &chart);
    let labels = texts(&svg);
    for label in [
        "110",
        "200+",
        "3",
        "8–10 目标",
        "目标",
        "虚线：中间年份无数据",
    ] {
        assert!(
            labels.iter().any(|t| t == label),
            "no label {label} in {labels:?}"
        );
    }
}

#[test]
fn an_entity_without_data_gets_no_data_marks_not_zero_bars() {
    let data = data();
    let chart = chart_of(
        &data,
        Category::Industry,
        "sports_industry_scale",
        &["jiaozuo", "hedong"],
    );
    assert!(matches!(chart.rows[1].cell, Cell::NoData));
    let (svg, hits) = render(&data, &chart);
    let labels = texts(&svg);
    assert!(labels.iter().any(|t| t == "61.56"));
    assert!(labels.iter().any(|t| t == "无数据"));
    assert!(labels.iter().any(|t| t == "体育产业总规模（亿元）"));
    assert_eq!(bars(&svg, chart::series_colour(&chart, 0)), 1 + 1);
    let no_data = hits.iter().find(|h| h.row == 1).unwrap();
    let centre = (
        (no_data.left + no_data.right) / 2,
        (no_data.top + no_data.bottom) / 2,
    );
    assert_eq!(chart::hit_at(&hits, centre.0, centre.1), Some(1));
}

#[test]
fn ranks_are_drawn_with_the_best_at_the_top() {
    let data = data();
    let chart = chart_of(
        &data,
        Category::Facilities,
        "sports_area_provincial_rank",
        &["jiaozuo"],
    );
    let (svg, hits) = render(&data, &chart);
    let labels = texts(&svg);
    assert!(labels.iter().any(|t| t == "第2"));
    assert!(labels.iter().any(|t| t == "名次：越靠上越好"));
    // Rank 1 is above rank 2 on the axis: its tick label has the smaller y.
    let placed = placed_texts(&svg);
    let y_of = |label: &str| placed.iter().find(|(t, _)| t == label).unwrap().1;
    assert!(y_of("1") < y_of("2"));
    assert_eq!(hits.len(), 2);
}

#[test]
fn the_svg_export_draws_the_same_chart() {
    let data = data();
    let chart = chart_of(
        &data,
        Category::Facilities,
        "sports_area_per_capita",
        &["jiaozuo"],
    );
    let svg = chart::svg(&chart, data.catalog.as_ref().unwrap(), Lang::Zh, (800, 500));
    assert!(svg.starts_with("<svg"));
    let labels = texts(&svg);
    assert!(labels.iter().any(|t| t == "2.26"));
    assert!(labels.iter().any(|t| t == "2.62"));
}

/// The SVG export (and the first view's chart) is laid out as the canvas is: every text where
/// drawing on a backend directly puts it, its size written 1.24 times larger only because
/// plotters' SVG backend divides it by 1.24 (`chart::svg_into`). Before, the export was laid out
/// for type 1.24 times larger: other labels cut, other spacing.
#[test]
fn the_svg_export_is_laid_out_as_on_the_canvas() {
    let data = data();
    let catalog = data.catalog.as_ref().unwrap();
    let charts = every_shape(&data);
    for chart in &charts {
        for (size, ratio) in [((1300, 460), 1.0), ((1068, 1470), 3.0)] {
            let style = Style::for_width(f64::from(size.0) / ratio, ratio, Theme::Light, false);
            let mut exported = String::new();
            chart::svg_into(&mut exported, chart, catalog, Lang::Zh, size, &style).unwrap();
            let mut direct = String::new();
            {
                let root = SVGBackend::with_string(&mut direct, size).into_drawing_area();
                chart::draw(&root, chart, catalog, Lang::Zh, &style).unwrap();
                root.present().unwrap();
            }
            let (exported, direct) = (svg_texts(&exported), svg_texts(&direct));
            assert!(!direct.is_empty());
            assert_eq!(exported.len(), direct.len());
            for (e, d) in exported.iter().zip(&direct) {
                let place = |t: &SvgText| (t.content.clone(), t.x, t.y);
                assert_eq!(place(e), place(d), "{}", chart.indicator);
                assert!(
                    (e.font_size - d.font_size * 1.24).abs() < 1e-9,
                    "{e:?} against {d:?}"
                );
            }
        }
    }
}

#[test]
fn type_grows_with_the_width_within_bounds() {
    let size = |width: f64, stage| Style::for_width(width, 1.0, Theme::Light, stage).font_size;
    assert_eq!(size(700.0, false), 14.0, "never below the page's text");
    assert_eq!(size(1200.0, false), 1200.0 / 62.0);
    assert_eq!(size(8000.0, false), 20.0);
    assert_eq!(size(300.0, true), 16.0);
    assert_eq!(size(1320.0, true), 30.0);
    assert_eq!(size(1920.0, true), 40.0);
    let stage = Style::for_width(1920.0, 2.0, Theme::Dark, true);
    assert_eq!(
        (stage.scale, stage.weight, stage.theme),
        (2.0, 2.0, Theme::Dark)
    );
}

/// The canvas and the SVG export draw through `AnyBackend`: every call must reach the backend
/// unchanged, so the document and the hits are those of drawing on the backend directly.
#[test]
fn drawing_through_any_backend_changes_nothing() {
    let data = data();
    let catalog = data.catalog.as_ref().unwrap();
    let charts = every_shape(&data);
    let dark = Style {
        theme: sportdash_core::lang::Theme::Dark,
        scale: 2.0,
        ..Style::default()
    };
    for chart in &charts {
        for style in [Style::default(), dark] {
            let mut direct = String::new();
            let direct_hits = {
                let root = SVGBackend::with_string(&mut direct, (900, 500)).into_drawing_area();
                let hits = chart::draw(&root, chart, catalog, Lang::En, &style).unwrap();
                root.present().unwrap();
                hits
            };
            let mut forwarded = String::new();
            let forwarded_hits = {
                let mut backend = SVGBackend::with_string(&mut forwarded, (900, 500));
                chart::draw_on(&mut backend, chart, catalog, Lang::En, &style).unwrap()
            };
            assert!(
                direct.contains("<rect") && direct.contains("<text"),
                "{direct}"
            );
            assert_eq!(forwarded, direct, "{:?} {:?}", chart.shape, chart.indicator);
            assert_eq!(forwarded_hits, direct_hits);
        }
    }
}

#[test]
fn a_place_with_nothing_reported_gets_one_no_data_label_over_its_stubs() {
    let data = data();
    let chart = chart_of(
        &data,
        Category::Facilities,
        "facility_investment",
        &["jiaozuo", "hedong", "xx-county"],
    );
    let missing = chart
        .rows
        .iter()
        .filter(|r| r.entity == "hedong" && matches!(r.cell, Cell::NoData))
        .count();
    assert_eq!(missing, 2, "one stub per year shown");
    let (svg, hits) = render(&data, &chart);
    let labels = texts(&svg);
    assert_eq!(labels.iter().filter(|t| *t == "无数据").count(), 1);
    assert_eq!(hits.len(), chart.rows.len());
}

#[test]
fn the_chart_in_words_names_its_best_value_and_what_is_missing() {
    let data = data();
    let catalog = data.catalog.as_ref().unwrap();
    let area = chart_of(
        &data,
        Category::Facilities,
        "sports_area_per_capita",
        &["jiaozuo", "hedong"],
    );
    assert_eq!(
        sportdash_core::describe::describe(&area, catalog, Lang::Zh),
        "人均体育场地面积（平方米）。2个地区，2021–2023年。最高：焦作市，2023年，2.62平方米。4项未报告。\
         焦作市2023年低于全国（−0.27平方米）。全国2025年目标 2.6平方米。"
    );
    assert!(
        sportdash_core::describe::describe(&area, catalog, Lang::En).ends_with(
            " Jiaozuo is below the national value in 2023 (−0.27 m²). National 2025 target 2.6 m²."
        ),
        "in English too"
    );
    let rank = chart_of(
        &data,
        Category::Facilities,
        "sports_area_provincial_rank",
        &["jiaozuo"],
    );
    let english = sportdash_core::describe::describe(&rank, catalog, Lang::En);
    assert!(
        english.contains(" Best: Jiaozuo, 2021, rank 2."),
        "{english}"
    );
}

#[test]
fn the_dark_theme_draws_light_ink_on_a_dark_ground_with_thicker_lines() {
    let data = data();
    let chart = chart_of(
        &data,
        Category::Facilities,
        "sports_area_per_capita",
        &["jiaozuo"],
    );
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (1000, 600)).into_drawing_area();
        let style = Style {
            theme: sportdash_core::lang::Theme::Dark,
            weight: 2.0,
            ..Style::default()
        };
        chart::draw(
            &root,
            &chart,
            data.catalog.as_ref().unwrap(),
            Lang::En,
            &style,
        )
        .unwrap();
        root.present().unwrap();
    }
    assert!(svg.contains("fill=\"#0C1016\""), "dark ground");
    assert!(svg.contains("fill=\"#F8F9FA\""), "light ink");
    assert!(
        svg.contains("stroke-width=\"4\""),
        "the dashed line is twice as thick"
    );
    assert!(
        svg.contains("Sports ground area per capita (m²)"),
        "English title"
    );
}

/// The heights of the dashed levels in `svg`: many short horizontal dashes at one height.
fn dashed_levels(svg: &str) -> Vec<i32> {
    let mut dashes: std::collections::BTreeMap<i32, usize> = Default::default();
    for element in svg.split("<polyline").skip(1) {
        let Some(points) = element.split(" points=\"").nth(1) else {
            continue;
        };
        let ys: Vec<i32> = points
            .split('"')
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .filter_map(|p| p.split_once(',')?.1.parse().ok())
            .collect();
        if let [a, b] = ys[..] {
            if a == b {
                *dashes.entry(a).or_default() += 1;
            }
        }
    }
    dashes
        .into_iter()
        .filter(|&(_, count)| count >= 8)
        .map(|(y, _)| y)
        .collect()
}

/// Every line drawn thicker than the axes (the series' lines, their dashes and the targets'
/// levels), as segments between the points of its polylines.
fn drawn_lines(svg: &str) -> Vec<chart::Segment> {
    let mut lines = Vec::new();
    for element in svg.split("<polyline").skip(1) {
        let element = element.split('>').next().unwrap_or_default();
        if element.contains("stroke-width=\"1\"") {
            continue;
        }
        let points: Vec<(i32, i32)> = element
            .split(" points=\"")
            .nth(1)
            .and_then(|p| p.split('"').next())
            .unwrap_or_default()
            .split_whitespace()
            .filter_map(|p| {
                let (x, y) = p.split_once(',')?;
                Some((x.parse().ok()?, y.parse().ok()?))
            })
            .collect();
        lines.extend(points.windows(2).map(|pair| chart::Segment {
            from: pair[0],
            to: pair[1],
        }));
    }
    lines
}

/// Every non-empty text element's box, from its position, anchor and size, with the width the
/// chart estimates for it (`chart::estimate_width`: the same measure it places labels by).
fn text_boxes(svg: &str) -> Vec<(String, chart::LabelBox)> {
    svg_texts(svg)
        .into_iter()
        .filter(|t| !t.content.is_empty())
        .map(|t| {
            // plotters' SVG backend writes a text's size divided by 1.24 (see `chart::SvgSurface`).
            let size = t.font_size * 1.24;
            let width = chart::estimate_width(&t.content, size) as f64;
            let left = match t.anchor.as_deref() {
                Some("middle") => t.x - width / 2.0,
                Some("end") => t.x - width,
                _ => t.x,
            };
            let top = match t.dy.as_deref() {
                Some("0.76em") => t.y,
                Some("0.5ex") => t.y - size / 2.0,
                _ => t.y - size,
            };
            let place = chart::LabelBox {
                left: left.round() as i32,
                top: top.round() as i32,
                right: (left + width).round() as i32,
                bottom: (top + size).round() as i32,
            };
            (t.content, place)
        })
        .collect()
}

#[test]
fn a_dense_line_chart_writes_no_value_over_other_text_and_thins_its_years() {
    use sportdash_devtools::synthetic::{national, Scale};
    // Five places over twenty years, as the national view compares them by default.
    let scale = Scale {
        provinces: 3,
        cities_per_province: 3,
        counties_per_city: 4,
        years: 20,
        ..Scale::default()
    };
    let data = national(&scale);
    let catalog = Catalog::new(data.entities, data.indicators.clone(), data.reports);
    let at = data
        .indicators
        .iter()
        .position(|i| i.id == "sports_area_per_capita")
        .unwrap();
    let dataset = sportdash_core::model::Dataset {
        category: data.indicators[at].category,
        observations: data.observations[at].clone(),
    };
    let last_year = 2005 + 19;
    let entities: Vec<String> =
        query::leaders(&catalog, &dataset, "sports_area_per_capita", last_year, 5)
            .into_iter()
            .map(|(entity, _)| entity)
            .collect();
    let selection = Selection {
        indicator: Some("sports_area_per_capita".into()),
        entities: entities.clone(),
        years: None,
        top: None,
        ranked: None,
        ignored: Vec::new(),
    };
    let data = query::chart(&catalog, &dataset, &selection);
    assert_eq!(data.shape, query::Shape::Lines);
    assert!(data.rows.len() >= 80, "{} points", data.rows.len());
    for device in [PHONE, LAPTOP, SCREEN] {
        let size = device.0;
        let svg = svg_on(&data, &catalog, device);
        let boxes = text_boxes(&svg);
        // Value labels clear of every other text, and year labels clear of each other (the
        // axes' own corner, where plotters puts "0" beside the first year, is not checked).
        let values: Vec<String> = data
            .rows
            .iter()
            .map(|r| sportdash_core::describe::value_label(r, Lang::Zh))
            .collect();
        let is_value = |t: &String| values.contains(t);
        let is_year = |t: &String| t.parse::<i32>().is_ok_and(|y| y > 1900);
        for (i, (a, at)) in boxes.iter().enumerate() {
            for (b, bt) in &boxes[i + 1..] {
                if is_value(a) || is_value(b) || (is_year(a) && is_year(b)) {
                    assert!(
                        !at.overlaps(bt),
                        "{size:?}: {a:?} {at:?} overlaps {b:?} {bt:?}"
                    );
                }
            }
        }
        let written: Vec<&str> = boxes.iter().map(|(t, _)| t.as_str()).collect();
        let latest_written = (0..data.series.len())
            .filter(|&series| {
                let latest = data
                    .rows
                    .iter()
                    .filter(|r| r.series == series && matches!(r.cell, Cell::Value { .. }))
                    .max_by_key(|r| r.year)
                    .unwrap();
                written.contains(&sportdash_core::describe::value_label(latest, Lang::Zh).as_str())
            })
            .count();
        // Five values a few pixels apart cannot all be written beside their points: the latest
        // come first, and the first place's always has room.
        assert!(
            latest_written >= 1,
            "{size:?}: no latest value in {written:?}"
        );
        let value_labels = data
            .rows
            .iter()
            .filter(|r| {
                written.contains(&sportdash_core::describe::value_label(r, Lang::Zh).as_str())
            })
            .count();
        // Room is left out where there is none, not everywhere.
        assert!(
            value_labels >= 10,
            "{size:?}: only {value_labels} values written"
        );
    }
}

#[test]
fn labels_take_the_first_free_side_in_priority_order_or_none() {
    use chart::{LabelBox, Segment, Side::*};
    let boxed = |left, top, right, bottom| LabelBox {
        left,
        top,
        right,
        bottom,
    };
    let bounds = boxed(0, 0, 100, 100);
    let line = |from, to| Segment { from, to };
    // Labels 20 × 10 pixels, 5 pixels from their points:
    // (what, points, priority, marks, lines, sides).
    let cases = [
        (
            "apart, both above",
            vec![(20, 50), (80, 50)],
            vec![0, 1],
            vec![],
            vec![],
            vec![Some(Above), Some(Above)],
        ),
        (
            "one point, five labels: above, below, right, left, then no room",
            vec![(50, 50); 5],
            vec![0, 1, 2, 3, 4],
            vec![],
            vec![],
            vec![Some(Above), Some(Below), Some(Right), Some(Left), None],
        ),
        (
            "priority, not order, decides who is above",
            vec![(50, 50), (50, 50)],
            vec![1, 0],
            vec![],
            vec![],
            vec![Some(Below), Some(Above)],
        ),
        (
            "at the top edge, below",
            vec![(50, 8)],
            vec![0],
            vec![],
            vec![],
            vec![Some(Below)],
        ),
        (
            "at the right edge and the bottom: above, then left",
            vec![(90, 95), (90, 95)],
            vec![0, 1],
            vec![],
            vec![],
            vec![Some(Above), Some(Left)],
        ),
        (
            "a mark over and under the point: right of it",
            vec![(50, 50)],
            vec![0],
            vec![boxed(38, 30, 54, 70)],
            vec![],
            vec![Some(Right)],
        ),
        (
            "a label left out of the priority is not written",
            vec![(20, 50), (80, 50)],
            vec![1],
            vec![],
            vec![],
            vec![None, Some(Above)],
        ),
        (
            "a line from the point up and to the right: below",
            vec![(50, 50)],
            vec![0],
            vec![],
            vec![line((50, 50), (90, 10))],
            vec![Some(Below)],
        ),
        (
            "lines through above, below and right of the point: left",
            vec![(50, 50)],
            vec![0],
            vec![],
            vec![
                line((50, 50), (100, 48)),
                line((20, 40), (80, 40)),
                line((0, 60), (100, 60)),
            ],
            vec![Some(Left)],
        ),
        (
            "a line passing beside a side's box leaves it free",
            vec![(50, 50)],
            vec![0],
            vec![],
            vec![line((30, 0), (70, 30))],
            vec![Some(Above)],
        ),
    ];
    for (what, points, priority, marks, lines, sides) in cases {
        let boxes: Vec<[LabelBox; 4]> = points
            .iter()
            .map(|&p| chart::Side::ALL.map(|side| side.label_box(p, 20, 10, 5)))
            .collect();
        assert_eq!(
            chart::place_labels(&boxes, &priority, &bounds, &marks, &lines),
            sides,
            "{what}"
        );
    }
}

#[test]
fn year_labels_thin_out_to_every_2nd_5th_10th_or_20th_year() {
    // (pixels a year, pixels a label needs, every how many years)
    for (year_width, needed, step) in [
        (60.0, 40.0, 1),
        (40.0, 40.0, 1),
        (30.0, 40.0, 2),
        (16.0, 40.0, 5),
        (5.0, 40.0, 10),
        (3.0, 40.0, 20),
        (0.5, 40.0, 20),
    ] {
        assert_eq!(
            chart::year_label_step(year_width, needed),
            step,
            "{year_width} px a year, {needed} px a label"
        );
    }
}

#[test]
fn medal_letters_are_on_every_bar_or_on_none() {
    let data = data();
    let chart = chart_of(
        &data,
        Category::Medals,
        sportdash_core::model::MEDAL_TABLE,
        &["jiaozuo", "hedong"],
    );
    for (device, letters) in [(PHONE, false), (LAPTOP, true)] {
        let size = device.0;
        let svg = svg_on(&chart, data.catalog.as_ref().unwrap(), device);
        let labels = texts(&svg);
        // The bars' labels, not the axis': those that are a count, with or without a letter.
        let counts: Vec<String> = chart
            .rows
            .iter()
            .filter(|r| matches!(r.cell, Cell::Value { .. }))
            .map(|r| sportdash_core::describe::value_label(r, Lang::Zh))
            .collect();
        let values: Vec<&String> = labels
            .iter()
            .filter(|t| {
                counts
                    .iter()
                    .any(|c| c == t.trim_start_matches(['金', '银', '铜']))
            })
            .collect();
        assert_eq!(values.len(), 14, "{size:?}: {labels:?}");
        let lettered = values
            .iter()
            .filter(|t| t.starts_with(['金', '银', '铜']))
            .count();
        assert_eq!(
            lettered,
            if letters { values.len() } else { 0 },
            "{size:?}: {values:?}"
        );
    }
}

/// "No data" over a bar among others is as readable as the values beside it: across where it
/// fits, upright in the bar's width where it does not (a phone): Chinese a glyph under another,
/// English turned to read upwards. It used to shrink to its bar's width, to 6 px on a phone.
#[test]
fn no_data_over_a_bar_is_readable_on_a_phone_too() {
    let data = data();
    let catalog = data.catalog.as_ref().unwrap();
    let chart = chart_of(
        &data,
        Category::Medals,
        sportdash_core::model::MEDAL_TABLE,
        &["jiaozuo", "hedong"],
    );
    assert!(chart.rows.iter().any(|r| matches!(r.cell, Cell::NoData)));
    for (device, upright) in [(PHONE, true), (LAPTOP, false)] {
        let ((width, height), font_size, scale) = device;
        let readable = font_size * 0.8 * scale;
        let style = Style {
            font_size,
            scale,
            ..Style::default()
        };
        for lang in [Lang::Zh, Lang::En] {
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
                chart::draw(&root, &chart, catalog, lang, &style).unwrap();
                root.present().unwrap();
            }
            let texts = svg_texts(&svg);
            let label = lang.strings().no_data;
            let whole: Vec<_> = texts.iter().filter(|t| t.content == label).collect();
            let glyphs: Vec<_> = texts
                .iter()
                .filter(|t| t.content.chars().count() == 1 && label.contains(t.content.as_str()))
                .collect();
            // As the chart asked for it: plotters' SVG backend writes sizes divided by 1.24.
            let size = |t: &SvgText| t.font_size * 1.24;
            let upwards = |t: &SvgText| {
                t.transform
                    .as_deref()
                    .is_some_and(|r| r.starts_with("rotate(270"))
            };
            match (lang, upright) {
                (_, false) => {
                    assert_eq!(whole.len(), 1, "{lang:?} {width}: {texts:?}");
                    assert!(
                        !upwards(whole[0]) && size(whole[0]) >= readable,
                        "{:?}",
                        whole[0]
                    );
                }
                (Lang::En, true) => {
                    // Upright over a narrow bar, or across beside its stub where the English
                    // names lay the bars across (`names_under_bars_wrap_rather_than_being_cut`).
                    assert_eq!(whole.len(), 1, "{texts:?}");
                    assert!(size(whole[0]) >= readable, "{:?}", whole[0]);
                    let _ = upwards(whole[0]);
                }
                (Lang::Zh, true) => {
                    assert!(whole.is_empty(), "{whole:?}");
                    let read: String = glyphs.iter().map(|g| g.content.as_str()).collect();
                    assert_eq!(read, label, "top to bottom: {glyphs:?}");
                    for pair in glyphs.windows(2) {
                        assert_eq!(pair[0].x, pair[1].x, "one above another");
                        assert!(pair[0].y < pair[1].y, "in reading order, downwards");
                    }
                    assert!(glyphs.iter().all(|g| size(g) >= readable), "{glyphs:?}");
                }
            }
        }
    }
}

/// Bars laid across in a chart too short for them say how much taller it must be, and drawn that
/// much taller keep every value apart: events with long names, in an embed on a phone; and
/// medals, which given the room stand upright.
#[test]
fn bars_laid_across_say_how_much_room_they_need() {
    let data = data();
    let catalog = data.catalog.as_ref().unwrap();
    let events = chart_of(
        &data,
        Category::Events,
        "event_participants",
        &["jiaozuo", "chongqing"],
    );
    let medals = chart_of(
        &data,
        Category::Medals,
        sportdash_core::model::MEDAL_TABLE,
        &["jiaozuo", "hedong"],
    );
    let (width, ratio) = (366.0, 2.0);
    let style = Style::for_width(width, ratio, Theme::Light, false);
    let draw = |chart: &ChartData, height: f64| {
        let mut svg = String::new();
        let size = ((width * ratio) as u32, (height * ratio) as u32);
        let drawn = chart::svg_into(&mut svg, chart, catalog, Lang::Zh, size, &style).unwrap();
        (drawn, svg)
    };
    // The values (with or without a medal's letter) that run into another value.
    let values_together = |chart: &ChartData, svg: &str| {
        let values: Vec<String> = chart
            .rows
            .iter()
            .map(|r| sportdash_core::describe::value_label(r, Lang::Zh))
            .collect();
        let is_value = |t: &str| {
            values
                .iter()
                .any(|v| v == t.trim_start_matches(['金', '银', '铜']))
        };
        let boxes: Vec<_> = text_boxes(svg)
            .into_iter()
            .filter(|(t, _)| is_value(t))
            .collect();
        let mut pairs = Vec::new();
        for (i, (a, at)) in boxes.iter().enumerate() {
            for (b, bt) in &boxes[i + 1..] {
                if at.overlaps(bt) {
                    pairs.push(format!("{a} {at:?} over {b} {bt:?}"));
                }
            }
        }
        pairs
    };
    for chart in [&events, &medals] {
        let (short, svg) = draw(chart, 330.0);
        assert!(short.short_by > 0, "too short for its rows: {short:?}");
        let together = values_together(chart, &svg);
        assert!(
            !together.is_empty() || !short.cut.is_empty(),
            "values run together or names are cut"
        );
        // One step: the room asked for is the most the names could take.
        let height = 330.0 + f64::from(short.short_by) / ratio;
        let (grown, svg) = draw(chart, height);
        assert_eq!(
            (grown.short_by, &grown.cut),
            (0, &Vec::new()),
            "{height} px tall"
        );
        if chart.shape == Shape::Bars {
            assert_eq!(
                values_together(chart, &svg),
                Vec::<String>::new(),
                "{height} px tall"
            );
        } else {
            let upright = grown
                .hits
                .iter()
                .all(|h| h.bottom - h.top > h.right - h.left);
            assert!(
                upright,
                "medals given the room stand upright: {:?}",
                grown.hits
            );
        }
    }
    for (chart, roomy) in [(&events, LAPTOP), (&events, SCREEN), (&medals, LAPTOP)] {
        let ((w, h), font_size, scale) = roomy;
        let style = Style {
            font_size,
            scale,
            ..Style::default()
        };
        let mut svg = String::new();
        let drawn = chart::svg_into(&mut svg, chart, catalog, Lang::Zh, (w, h), &style).unwrap();
        assert_eq!(drawn.short_by, 0, "{w}×{h} has the room");
    }
}

#[test]
fn the_room_asked_for_is_kept_at_its_width_and_given_up_at_another() {
    let short = |short_by| chart::Picture {
        short_by,
        ..chart::Picture::default()
    };
    // (what, short by (backend pixels), drawn at (CSS pixels), ratio, given before, given now)
    let cases = [
        (
            "room enough, none given",
            0,
            (360.0, 400.0),
            2.0,
            None,
            None,
        ),
        (
            "short: its height and what it asks",
            200,
            (360.0, 400.0),
            2.0,
            None,
            Some((360.0, 500.0)),
        ),
        (
            "drawn that tall: kept",
            0,
            (360.0, 500.0),
            2.0,
            Some((360.0, 500.0)),
            Some((360.0, 500.0)),
        ),
        (
            "short again: more",
            10,
            (360.0, 500.0),
            1.0,
            Some((360.0, 500.0)),
            Some((360.0, 510.0)),
        ),
        (
            "never less than given",
            10,
            (360.0, 300.0),
            1.0,
            Some((360.0, 500.0)),
            Some((360.0, 500.0)),
        ),
        (
            "another width: given up",
            0,
            (700.0, 400.0),
            2.0,
            Some((360.0, 500.0)),
            None,
        ),
        (
            "another width, short: its own",
            100,
            (700.0, 400.0),
            2.0,
            Some((360.0, 900.0)),
            Some((700.0, 450.0)),
        ),
        (
            "rounded up",
            3,
            (360.0, 400.0),
            2.0,
            None,
            Some((360.0, 402.0)),
        ),
    ];
    for (what, short_by, size, ratio, given, now) in cases {
        assert_eq!(short(short_by).room(size, ratio, given), now, "{what}");
    }
}

/// On a presentation screen, in its big type.
const STAGE: ((u32, u32), f64, f64) = ((1860, 720), 40.0, 1.0);

#[test]
fn no_text_is_cut_off_at_the_left_edge_on_any_screen() {
    let data = data();
    let catalog = data.catalog.as_ref().unwrap();
    let charts = [
        chart_of(
            &data,
            Category::Medals,
            "athletes_entered",
            &["jiaozuo", "hedong"],
        ),
        chart_of(
            &data,
            Category::Facilities,
            "sports_area_per_capita",
            &["jiaozuo", "hedong"],
        ),
        chart_of(
            &data,
            Category::Events,
            "fitness_events",
            &["jiaozuo", "chongqing"],
        ),
    ];
    for chart in &charts {
        for device in [PHONE, LAPTOP, SCREEN, STAGE] {
            let svg = svg_on(chart, catalog, device);
            for (text, place) in text_boxes(&svg) {
                assert!(
                    place.left >= 0,
                    "{} on {:?}: {text:?} starts at x = {}",
                    chart.indicator,
                    device.0,
                    place.left
                );
            }
        }
    }
}

/// Names under bars wrap (a place on two lines, its competition or event on three) before they
/// are cut: on the presentation's screen every slide's names are whole, and so are the
/// default views' on a phone, in both languages.
#[test]
fn names_under_bars_wrap_rather_than_being_cut() {
    let data = data();
    let catalog = data.catalog.as_ref().unwrap();
    let deck = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/deck.json"),
    )
    .unwrap();
    let slides = sportdash_core::deck::parse("deck.json", &deck)
        .value
        .unwrap();
    let dataset_of = |category| {
        data.datasets
            .iter()
            .find(|d| d.category == category)
            .unwrap()
    };
    let mut views: Vec<(String, ChartData, (u32, u32), Style)> = Vec::new();
    for (n, slide) in slides.iter().enumerate() {
        let dataset = dataset_of(slide.state.view.unwrap());
        let chart = query::chart(
            catalog,
            dataset,
            &query::resolve(catalog, dataset, &slide.state),
        );
        let stage = Style::for_width(1824.0, 1.0, Theme::Dark, true);
        views.push((format!("slide {}", n + 1), chart, (1824, 760), stage));
    }
    for category in Category::ALL {
        let dataset = dataset_of(category);
        let state = sportdash_core::state::ViewState {
            view: Some(category),
            ..Default::default()
        };
        let chart = query::chart(catalog, dataset, &query::resolve(catalog, dataset, &state));
        let phone = Style::for_width(356.0, 3.0, Theme::Light, false);
        views.push((
            format!("{category:?} on a phone"),
            chart,
            (1068, 1470),
            phone,
        ));
    }
    let mut cut_anywhere = Vec::new();
    for (name, chart, size, style) in &views {
        for lang in [Lang::Zh, Lang::En] {
            let mut svg = String::new();
            let picture = chart::svg_into(&mut svg, chart, catalog, lang, *size, style).unwrap();
            // Every name drawn cut is reported, for the page to give in full.
            for text in svg_texts(&svg).iter().filter(|t| t.content.ends_with('…')) {
                let unescaped = text.content.replace("&apos;", "'").replace("&quot;", "\"");
                let start = unescaped.trim_end_matches('…');
                assert!(
                    picture.cut.iter().any(|name| name.contains(start)),
                    "{name}, {lang:?}: {text:?} is cut but not reported in {:?}",
                    picture.cut
                );
            }
            cut_anywhere.extend(
                picture
                    .cut
                    .into_iter()
                    .map(|c| format!("{name}, {lang:?}: {c}")),
            );
        }
    }
    // What no layout could hold: a name of nearly 100 characters among seven on a phone. The
    // page gives it in full under the chart (app/chart_view.rs).
    assert_eq!(
        cut_anywhere,
        ["Events on a phone, En: Chongqing · 2021 Chongqing National Fitness Month and 4th 'Mengniu Cup' Olympic Centre night run"]
    );
}

/// Points of two series in one year that would cover each other (重庆's 3 events beside its
/// plan of 8–10 on a 0–240 axis) stand side by side, each whole and each its own hit.
#[test]
fn points_that_would_cover_each_other_stand_side_by_side() {
    let shifts = chart::side_by_side(
        &[
            (0, 2021, 500),
            (1, 2021, 510),
            (2, 2023, 505),
            (3, 2021, 100),
        ],
        20,
        60.0,
    );
    assert_eq!(shifts.get(&0), Some(&-10.0));
    assert_eq!(shifts.get(&1), Some(&10.0));
    assert_eq!(shifts.get(&2), None, "alone in its year");
    assert_eq!(shifts.get(&3), None, "far from the others");
    let crowded = chart::side_by_side(&[(0, 2021, 1), (1, 2021, 2), (2, 2021, 3)], 40, 40.0);
    assert_eq!(crowded.get(&0), Some(&-20.0), "within the year's room");
    assert_eq!(crowded.get(&2), Some(&20.0));

    let data = data();
    let catalog = data.catalog.as_ref().unwrap();
    let chart = chart_of(
        &data,
        Category::Events,
        "fitness_events",
        &["jiaozuo", "chongqing"],
    );
    let style = Style::for_width(1824.0, 1.0, Theme::Dark, true);
    let mut svg = String::new();
    let picture =
        chart::svg_into(&mut svg, &chart, catalog, Lang::Zh, (1824, 760), &style).unwrap();
    let chongqing: Vec<&chart::Hit> = picture
        .hits
        .iter()
        .filter(|h| chart.rows[h.row].entity == "chongqing")
        .collect();
    assert_eq!(chongqing.len(), 2);
    let centre = |h: &chart::Hit| ((h.left + h.right) / 2, (h.top + h.bottom) / 2);
    let (a, b) = (centre(chongqing[0]), centre(chongqing[1]));
    let radius = (style.font(0.4) * style.weight).round() as i32;
    let apart = (((a.0 - b.0).pow(2) + (a.1 - b.1).pow(2)) as f64).sqrt();
    assert!(
        apart >= f64::from(2 * radius),
        "{a:?} {b:?}: {apart} px apart, radius {radius}"
    );
}

#[test]
fn national_values_and_targets_are_drawn_named_and_tappable() {
    let data = data();
    let chart = chart_of(
        &data,
        Category::Facilities,
        "sports_area_per_capita",
        &["jiaozuo"],
    );
    let references: Vec<(usize, &query::Row)> = chart
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.is_reference())
        .collect();
    let national = references
        .iter()
        .filter(|(_, r)| query::is_reference(r, sportdash_core::model::ReferenceKind::National))
        .count();
    let targets = references.len() - national;
    assert!(
        national >= 2,
        "national values of the years shown: {references:?}"
    );
    assert!(targets >= 1, "the 2025 target: {references:?}");
    let (svg, hits) = render(&data, &chart);
    let words = texts(&svg);
    for expected in ["全国", "全国目标", "2025年目标 2.6"] {
        assert!(
            words.iter().any(|w| w.contains(expected)),
            "{expected} in {words:?}"
        );
    }
    for (index, row) in &references {
        assert!(
            hits.iter().any(|h| h.row == *index),
            "a tap on {} {} opens its citation",
            row.year,
            row.indicator
        );
    }
    // On every screen the target's name and the values are clear of each other, and no value
    // is struck through by the target's line or by a series' line.
    let catalog = data.catalog.as_ref().unwrap();
    let values: Vec<String> = chart
        .rows
        .iter()
        .map(|r| sportdash_core::describe::value_label(r, Lang::Zh))
        .collect();
    for device in [PHONE, LAPTOP, SCREEN] {
        let drawn = svg_on(&chart, catalog, device);
        let boxes = text_boxes(&drawn);
        let levels = dashed_levels(&drawn);
        assert_eq!(levels.len(), targets, "{:?}: the target's line", device.0);
        let lines = drawn_lines(&drawn);
        for (text, place) in boxes.iter().filter(|(t, _)| values.contains(t)) {
            for &y in &levels {
                assert!(
                    !(place.top..=place.bottom).contains(&y),
                    "{:?}: {text} {place:?} crossed by the level at y {y}",
                    device.0
                );
            }
            // A pixel in from each side: the text's box is rounded as the chart's is not.
            let inner = chart::LabelBox {
                left: place.left + 1,
                top: place.top + 1,
                right: place.right - 1,
                bottom: place.bottom - 1,
            };
            if let Some(line) = lines.iter().find(|line| inner.crossed_by(line)) {
                panic!(
                    "{:?}: {text} {place:?} crossed by the line {line:?}",
                    device.0
                );
            }
        }
        let named = |t: &String| values.contains(t) || t.starts_with("全国：");
        for (i, (a, at)) in boxes.iter().enumerate() {
            for (b, bt) in &boxes[i + 1..] {
                if named(a) && named(b) {
                    assert!(
                        !at.overlaps(bt),
                        "{:?}: {a} {at:?} over {b} {bt:?}",
                        device.0
                    );
                }
            }
        }
    }
    // Each national value's diamond is drawn where its point is (where a tap finds it).
    let diamonds: Vec<(f64, f64)> = svg
        .split("<polygon")
        .skip(1)
        .filter_map(|element| {
            let points: Vec<(f64, f64)> = element
                .split(" points=\"")
                .nth(1)?
                .split('"')
                .next()?
                .split_whitespace()
                .filter_map(|p| {
                    let (x, y) = p.split_once(',')?;
                    Some((x.parse().ok()?, y.parse().ok()?))
                })
                .collect();
            (points.len() == 4).then(|| {
                let n = points.len() as f64;
                (
                    points.iter().map(|p| p.0).sum::<f64>() / n,
                    points.iter().map(|p| p.1).sum::<f64>() / n,
                )
            })
        })
        .collect();
    for (index, _) in references
        .iter()
        .filter(|(_, r)| query::is_reference(r, sportdash_core::model::ReferenceKind::National))
    {
        let hit = hits.iter().find(|h| h.row == *index).unwrap();
        let centre = (
            f64::from(hit.left + hit.right) / 2.0,
            f64::from(hit.top + hit.bottom) / 2.0,
        );
        assert!(
            diamonds
                .iter()
                .any(|d| (d.0 - centre.0).abs() <= 2.0 && (d.1 - centre.1).abs() <= 2.0),
            "a diamond at {centre:?}: {diamonds:?}"
        );
    }
}

/// The keys on a chart, the same on the dashboard's canvas and the embed's.
#[test]
fn keys_step_through_the_values() {
    use sportdash_chart::{step, Step};
    for (key, now, count, expected) in [
        ("ArrowRight", None, 3, Step::To(0)),
        ("ArrowRight", Some(2), 3, Step::To(0)),
        ("ArrowDown", Some(0), 3, Step::To(1)),
        ("ArrowLeft", None, 3, Step::To(2)),
        ("ArrowUp", Some(0), 3, Step::To(2)),
        ("Home", Some(2), 3, Step::To(0)),
        ("End", None, 3, Step::To(2)),
        ("Enter", None, 3, Step::To(0)),
        (" ", Some(1), 3, Step::To(1)),
        ("Enter", Some(7), 3, Step::To(2)),
        ("Escape", Some(1), 3, Step::Close),
        ("a", Some(1), 3, Step::Ignored),
        ("ArrowRight", None, 0, Step::Ignored),
    ] {
        assert_eq!(
            step(key, now, count),
            expected,
            "{key} from {now:?} of {count}"
        );
    }
}
