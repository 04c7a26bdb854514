//! `sportdash render`: the dashboard's chart as an SVG or PNG file, with real Chinese glyphs in
//! the PNG, and clear refusals of bad arguments. The PNG tests need a Chinese font on the
//! machine (Debian: fonts-noto-cjk, which scripts/install-tools.sh installs).
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

fn sportdash(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_sportdash"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr),
    )
}

/// An empty directory of this test's own.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sportdash-render-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Renders and returns the file's bytes; the command must succeed.
fn render(dir: &Path, file: &str, args: &[&str]) -> Vec<u8> {
    let out = dir.join(file);
    let mut all = vec!["render", "-o", out.to_str().unwrap()];
    all.extend_from_slice(args);
    let (status, output) = sportdash(&all);
    assert_eq!(status, 0, "{all:?}: {output}");
    assert!(output.contains("wrote "), "{output}");
    std::fs::read(&out).unwrap()
}

/// The text of each `<text>` element of an SVG document, trimmed.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text ")
        .skip(1)
        .map(|element| {
            let (_, rest) = element.split_once('>').expect("a closed start tag");
            let (text, _) = rest.split_once("</text>").expect("an end tag");
            text.trim().to_string()
        })
        .collect()
}

struct Image {
    width: u32,
    height: u32,
    /// RGB, row by row.
    pixels: Vec<u8>,
}

impl Image {
    fn decode(bytes: &[u8]) -> Image {
        let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
            .read_info()
            .unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut pixels).unwrap();
        assert_eq!(info.color_type, png::ColorType::Rgb);
        assert_eq!(info.bit_depth, png::BitDepth::Eight);
        pixels.truncate(info.buffer_size());
        Image {
            width: info.width,
            height: info.height,
            pixels,
        }
    }

    fn pixel(&self, x: u32, y: u32) -> [u8; 3] {
        let at = (y * self.width + x) as usize * 3;
        [self.pixels[at], self.pixels[at + 1], self.pixels[at + 2]]
    }

    /// The pixels of a strip of rows that are not the ground's colour.
    fn ink(&self, rows: std::ops::Range<u32>, ground: [u8; 3]) -> Vec<[u8; 3]> {
        rows.flat_map(|y| (0..self.width).map(move |x| (x, y)))
            .map(|(x, y)| self.pixel(x, y))
            .filter(|p| *p != ground)
            .collect()
    }
}

/// Width and height from the PNG's IHDR chunk, read from the bytes themselves.
fn ihdr_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

const AREA: [&str; 4] = [
    "--view",
    "facilities",
    "--indicator",
    "sports_area_per_capita",
];

#[test]
fn svg_draws_the_chosen_places_and_the_title() {
    let dir = scratch("svg");
    let mut args = AREA.to_vec();
    args.extend(["--entities", "jiaozuo,hedong", "--format", "svg"]);
    let svg = String::from_utf8(render(&dir, "area.svg", &args)).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..80]);
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains(r#"width="1200" height="700""#), "default size");
    let labels = texts(&svg);
    assert_eq!(labels[0], "人均体育场地面积（平方米）", "the title first");
    // Jiaozuo's two values as points with their labels; Hedong reported none.
    for text in ["焦作市", "河东区（无数据）", "2.26", "2.62"] {
        assert!(labels.iter().any(|t| t == text), "{text} not in {labels:?}");
    }
    assert!(svg.matches("<circle").count() >= 2);

    // Only the places asked for, in English when asked.
    let mut args = AREA.to_vec();
    args.extend(["--entities", "jiaozuo", "--format", "svg", "--lang", "en"]);
    args.extend(["--width", "900", "--height", "500"]);
    let svg = String::from_utf8(render(&dir, "area-en.svg", &args)).unwrap();
    assert!(svg.contains(r#"width="900" height="500""#));
    let labels = texts(&svg);
    assert_eq!(
        labels[0], "Sports ground area per capita (m²)",
        "{labels:?}"
    );
    assert!(!svg.contains("人均体育场地面积"));
    assert!(labels.iter().any(|t| t == "Jiaozuo"), "{labels:?}");
    assert!(!svg.contains("Hedong"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn svg_bars_of_a_medal_table_carry_their_counts() {
    let dir = scratch("medals");
    let args = [
        "--view",
        "medals",
        "--entities",
        "hedong",
        "--years",
        "2022",
        "--format",
        "svg",
    ];
    let svg = String::from_utf8(render(&dir, "medals.svg", &args)).unwrap();
    let labels = texts(&svg);
    assert_eq!(
        labels[0], "奖牌（金/银/铜）（枚）",
        "the view's default indicator"
    );
    assert!(labels.iter().any(|t| t == "河东区") && !svg.contains("焦作市"));
    // One bar per medal colour, each labelled with its count.
    for label in ["金81", "银91", "铜92"] {
        assert!(
            labels.iter().any(|t| t == label),
            "{label} not in {labels:?}"
        );
    }
    assert!(
        svg.matches("<rect").count() >= 4,
        "the ground and three bars"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn png_has_the_requested_size_and_drawn_chinese_text() {
    let dir = scratch("png");
    let mut args = AREA.to_vec();
    args.extend(["--entities", "jiaozuo,hedong", "--format", "png"]);
    args.extend(["--width", "900", "--height", "500"]);
    let bytes = render(&dir, "area.png", &args);
    assert_eq!(ihdr_size(&bytes), (900, 500));
    let image = Image::decode(&bytes);
    assert_eq!((image.width, image.height), (900, 500));
    let white = [255, 255, 255];
    assert_eq!(image.pixel(899, 0), white, "light ground");

    // The title is the only thing in the top 30 rows (the English name and the legend come
    // below it): its glyphs must be there, anti-aliased, and about as wide as ten Chinese
    // characters at 1.35 × 900/70 px.
    let title = image.ink(0..30, white);
    assert!(title.len() > 400, "{} ink pixels in the title", title.len());
    assert!(
        title.iter().any(|p| p[0] > 40 && p[0] < 215),
        "no anti-aliased edges"
    );
    let columns: Vec<u32> = (0..image.width)
        .filter(|&x| (0..30).any(|y| image.pixel(x, y) != white))
        .collect();
    let (left, right) = (columns[0], *columns.last().unwrap());
    assert!((8..=16).contains(&left), "title starts at {left}");
    assert!(
        (130..260).contains(&(right - left)),
        "title is {} px wide",
        right - left
    );

    // In English the same place holds other glyphs.
    let mut args = args.clone();
    args.extend(["--lang", "en"]);
    let english = Image::decode(&render(&dir, "area-en.png", &args));
    assert_ne!(english.ink(0..30, white), title);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn png_dark_theme_draws_light_text_on_a_dark_ground() {
    let dir = scratch("dark");
    let args = ["--view", "medals", "--format", "png", "--theme", "dark"];
    let bytes = render(&dir, "medals.png", &args);
    assert_eq!(ihdr_size(&bytes), (1200, 700), "the default size");
    let image = Image::decode(&bytes);
    let ground = [12, 16, 22];
    assert_eq!(image.pixel(1199, 0), ground);
    let title = image.ink(0..30, ground);
    assert!(title.iter().filter(|p| p[0] > 200).count() > 100);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_chinese_face_of_the_system_font_is_used() {
    let font = sportdash::render::find_font(None).expect("a Chinese font (fonts-noto-cjk)");
    assert!("人均体育场地面积金银铜".chars().all(|c| font.covers(c)));
    if font.path.ends_with("NotoSansCJK-Regular.ttc") {
        // The collection's first face is the Japanese one.
        assert_eq!(font.family, "Noto Sans CJK SC");
        assert_eq!(font.face, 2);
    }
}

#[test]
fn a_missing_or_unusable_font_is_named_not_drawn_as_boxes() {
    let dir = scratch("font");
    let out = dir.join("x.png");
    let out = out.to_str().unwrap();
    let base = [
        "render",
        "--view",
        "facilities",
        "--format",
        "png",
        "-o",
        out,
    ];
    let (status, output) = sportdash(&[&base[..], &["--font", "no/such/font.ttc"]].concat());
    assert_eq!(status, 1, "{output}");
    assert!(output.contains("no font with Chinese glyphs"), "{output}");
    assert!(output.contains("no/such/font.ttc"), "{output}");
    let (status, output) = sportdash(&[&base[..], &["--font", "Cargo.toml"]].concat());
    assert_eq!(status, 1, "{output}");
    assert!(output.contains("Cargo.toml: not a font file"), "{output}");
    assert!(!Path::new(out).exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_arguments_exit_2_with_a_message_and_write_nothing() {
    let dir = scratch("bad");
    let out = dir.join("x.svg");
    let out = out.to_str().unwrap();
    let cases: [(&[&str], &str); 8] = [
        (&["--view", "pools"], "unknown view \"pools\""),
        (
            &["--view", "facilities", "--entities", "jiaozuo,atlantis"],
            "unknown entity \"atlantis\"",
        ),
        (
            &["--view", "facilities", "--years", "20x3"],
            "malformed --years \"20x3\"",
        ),
        (
            &["--view", "facilities", "--years", "recent"],
            "malformed --years",
        ),
        (
            &["--view", "facilities", "--indicator", "medals_gold"],
            "indicator \"medals_gold\" is not in the facilities view",
        ),
        (
            &["--view", "facilities", "--width", "99"],
            "--width 99 is out of range: 100 to 8000",
        ),
        (
            &["--view", "facilities", "--height", "9000"],
            "--height 9000 is out of range",
        ),
        (
            &["--view", "facilities", "--data", "no/such/dir"],
            "cannot use the data directory",
        ),
    ];
    for (args, message) in cases {
        let all = [&["render", "--format", "svg", "-o", out][..], args].concat();
        let (status, output) = sportdash(&all);
        assert_eq!(status, 2, "{args:?}: {output}");
        assert!(output.contains(message), "{args:?}: {output}");
        assert!(!output.contains("panicked"), "{output}");
    }
    // Refused by the parser.
    let cases: [(&[&str], &str); 4] = [
        (
            &["--format", "gif", "-o", out],
            "invalid value 'gif' for '--format <FORMAT>'",
        ),
        (
            &["--format", "svg", "-o", out, "--lang", "fr"],
            "invalid value 'fr' for '--lang <LANG>'",
        ),
        (
            &["--format", "svg", "-o", out, "--width", "wide"],
            "invalid value 'wide' for '--width <PX>'",
        ),
        (&["--format", "svg"], "USAGE: sportdash render --view"),
    ];
    for (args, message) in cases {
        let all = [&["render", "--view", "facilities"][..], args].concat();
        let (status, output) = sportdash(&all);
        assert_eq!(status, 2, "{args:?}: {output}");
        assert!(output.contains(message), "{args:?}: {output}");
    }
    assert!(!Path::new(out).exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn render_help_lists_the_options() {
    let (status, out) = sportdash(&["render", "--help"]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("USAGE:\n    sportdash render"), "{out}");
    for option in [
        "--view",
        "--entities",
        "--years",
        "--indicator",
        "--format",
        "--output",
        "--lang",
        "--theme",
        "--width",
        "--height",
        "--data",
        "--font",
    ] {
        assert!(out.contains(option), "{option} missing from\n{out}");
    }
    let (status, out) = sportdash(&["--help"]);
    assert_eq!(status, 0);
    assert!(out.contains("render"), "{out}");
}
