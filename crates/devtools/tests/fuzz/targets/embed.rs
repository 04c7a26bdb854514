//! The embed message check: `embed::decode`, and `decode(height_message(h))`. Heights are in
//! `HEIGHT_RANGE` and `height_message` reads back; and, as an oracle, the host page's script
//! itself (`embed.js`, as `embed::host_script` writes it), run by node through
//! `fuzz/embed-oracle.mjs`, accepts the same messages with the same heights.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::Instant;

use fastrand::Rng;
use sportdash_core::embed;

use crate::corpus::root;
use crate::driver::{crash_dir, env_number, rng_for, Config};
use crate::mutate::{cut, mutate, pick, size, weird, word, JSON_WORDS};

/// 0 to 2: a message; 3: a height for `height_message`.
pub const VARIANTS: u8 = 4;
pub const HEIGHT_VARIANT: u8 = 3;

/// Heights a message carries: at the bounds, the usual one, and out of range.
const HEIGHTS: &[u32] = &[49, 50, 51, 412, 412, 412, 9999, 10_000, 10_001, 0, 1];

/// Names of the members besides the three a message has.
const EXTRA_NAMES: &[&str] = &[
    "x",
    "x",
    "x",
    "a",
    "type",
    "version",
    "height",
    "\\ud800",
    "__proto__",
    "",
];

fn interesting_f64(rng: &mut Rng) -> f64 {
    match rng.u8(0..4) {
        0 => *pick(
            rng,
            &[
                0.0,
                -0.0,
                49.0,
                49.000001,
                50.0,
                411.2,
                9999.5,
                10_000.0,
                10_000.000001,
                1e300,
                -1e300,
                f64::NAN,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::MIN_POSITIVE,
                4_294_967_296.0,
            ],
        ),
        1 => rng.f64() * 20_000.0 - 5_000.0,
        2 => f64::from(rng.u32(0..12_000)),
        _ => f64::from_bits(rng.u64(..)),
    }
}

/// The input of `HEIGHT_VARIANT`: a height's bits, in hexadecimal.
pub fn height_text(rng: &mut Rng) -> String {
    format!("{:016x}", interesting_f64(rng).to_bits())
}

/// JSON text of a number that is, or is near, `value`, spelled one of the ways JSON allows.
fn spelled(rng: &mut Rng, value: u32) -> String {
    match rng.u8(0..10) {
        0 => format!("{value}.0"),
        1 => format!("{}e1", f64::from(value) / 10.0),
        2 => format!("{value}e0"),
        3 => format!("{value}.{}", "0".repeat(size(rng, 400))),
        4 => format!("{value}.{}1", "0".repeat(size(rng, 40))),
        5 => format!(
            "{}.{}",
            value.saturating_sub(1),
            "9".repeat(size(rng, 40).max(1))
        ),
        6 => format!("{value}E+0"),
        _ => value.to_string(),
    }
}

/// A message: members that are right, nearly right or wrong, in any order, repeated, with odd
/// white space and extra members; sometimes mutated as text.
pub fn message(rng: &mut Rng, max_len: usize) -> String {
    let height = *pick(rng, HEIGHTS);
    let mut members = known_members(rng, height);
    for _ in 0..size(rng, 4) {
        members.push(extra_member(rng, height, max_len));
    }
    rng.shuffle(&mut members);
    let text = object_text(rng, &members);
    match rng.u8(0..16) {
        0 => format!("[{text}]"),
        1 => serde_json::to_string(&text).unwrap_or_default(),
        2 => format!("{text},"),
        3..=6 => {
            let mut text = text;
            mutate(rng, &mut text, JSON_WORDS, &[], max_len);
            text
        }
        7 => weird(rng, max_len),
        _ => text,
    }
}

/// `type`, `version` and `height`, each now and then left out.
fn known_members(rng: &mut Rng, height: u32) -> Vec<String> {
    let mut members = Vec::new();
    let type_value = type_value(rng);
    let version_value = version_value(rng);
    let height_value = height_value(rng, height);
    for (name, value) in [
        ("type", type_value),
        ("version", version_value),
        ("height", height_value),
    ] {
        if rng.u8(0..12) != 0 {
            members.push(format!("\"{}\":{value}", escaped_key(rng, name)));
        }
    }
    members
}

fn type_value(rng: &mut Rng) -> String {
    match rng.u8(0..20) {
        0 => "\"sportdash:\\u0068eight\"".to_string(),
        1 => "\"sportdash:height \"".to_string(),
        2 => "\"Sportdash:height\"".to_string(),
        3 => "[\"sportdash:height\"]".to_string(),
        4 => "null".to_string(),
        _ => "\"sportdash:height\"".to_string(),
    }
}

fn version_value(rng: &mut Rng) -> String {
    match rng.u8(0..20) {
        0 => "1.0".to_string(),
        1 => "10e-1".to_string(),
        2 => "\"1\"".to_string(),
        3 => "true".to_string(),
        4 => "2".to_string(),
        5 => "1.0000000000000002".to_string(),
        6 => format!("0.{}", "9".repeat(size(rng, 40).max(1))),
        7 => spelled(rng, 1),
        _ => "1".to_string(),
    }
}

fn height_value(rng: &mut Rng, height: u32) -> String {
    match rng.u8(0..20) {
        0 => format!("\"{height}\""),
        1 => "-0".to_string(),
        2 => "1e400".to_string(),
        3 => "null".to_string(),
        4 => format!("{height}.5"),
        5 => format!("-{height}"),
        6 => format!("[{height}]"),
        _ => spelled(rng, height),
    }
}

/// The name, now and then written with `\u` escapes.
fn escaped_key(rng: &mut Rng, name: &str) -> String {
    if rng.u8(0..6) == 0 {
        name.chars()
            .map(|c| format!("\\u{:04x}", u32::from(c)))
            .collect()
    } else {
        name.to_string()
    }
}

/// A member besides the three: unknown, or repeating one of them, with an odd value.
fn extra_member(rng: &mut Rng, height: u32, max_len: usize) -> String {
    let name = *pick(rng, EXTRA_NAMES);
    let value = match rng.u8(0..8) {
        0 => "1e400".to_string(),
        1 => "\"\\udc00\"".to_string(),
        2 => {
            let depth = size(rng, max_len / 4).max(1);
            format!("{}{}", "[".repeat(depth), "]".repeat(depth))
        }
        3 => "{\"height\":412,\"a\":\"}\"}".to_string(),
        4 => format!("\"{}\"", weird(rng, 64).replace(['"', '\\'], "")),
        5 => spelled(rng, height),
        6 => "-0".to_string(),
        _ => "\"sportdash:height\"".to_string(),
    };
    format!("\"{name}\":{value}")
}

/// JSON's white space, and now and then a character that is not.
fn space(rng: &mut Rng) -> &'static str {
    if rng.u8(0..64) == 0 {
        word(rng, &["\u{A0}", "\u{C}", "\u{FEFF}", "\u{3000}", "\u{B}"])
    } else {
        word(rng, &["", "", "", " ", "\n", "\t", "\r\n"])
    }
}

/// The members as an object, with white space around every token.
fn object_text(rng: &mut Rng, members: &[String]) -> String {
    let mut text = String::from(space(rng));
    text.push('{');
    for (k, member) in members.iter().enumerate() {
        if k > 0 {
            text.push_str(space(rng));
            text.push(',');
        }
        text.push_str(space(rng));
        text.push_str(&member.replacen(':', &format!("{}:{}", space(rng), space(rng)), 1));
    }
    text.push_str(space(rng));
    text.push('}');
    text.push_str(space(rng));
    text
}

pub fn run_embed(text: &str, variant: u8) -> u8 {
    if variant == HEIGHT_VARIANT {
        height_message_reads_back(text);
        return 2;
    }
    match embed::decode(text) {
        Some(height) => {
            assert!(
                embed::HEIGHT_RANGE.contains(&height),
                "{height} out of range"
            );
            1
        }
        None => 0,
    }
}

/// `decode(height_message(h))` is `h` rounded up into the range (50 when not finite).
fn height_message_reads_back(text: &str) {
    let bits = u64::from_str_radix(text.trim(), 16).unwrap_or(0);
    let height = f64::from_bits(bits);
    let expected = if height.is_finite() {
        (height.ceil().clamp(50.0, 10_000.0)) as u32
    } else {
        50
    };
    let message = embed::height_message(height);
    assert_eq!(
        embed::decode(&message),
        Some(expected),
        "{height}: {message}"
    );
}

// ---------------------------------------------------------------------------------------------
// The oracle: embed.js itself, run by node

/// `embed.js` as the site serves it, in a file for node to load. Written under another name and
/// renamed, so that a test process running at the same time never reads it half written.
fn host_script_file() -> &'static Path {
    static FILE: OnceLock<PathBuf> = OnceLock::new();
    FILE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
        let path = dir.join("embed.js");
        let written = dir.join(format!("embed.js.{}", std::process::id()));
        std::fs::write(&written, embed::host_script())
            .and_then(|()| std::fs::rename(&written, &path))
            .expect("embed.js is written");
        path
    })
}

/// Runs `messages` through `embed.js` in node; `None` when node cannot be started.
fn embed_js(messages: &[String]) -> Option<Vec<Option<u32>>> {
    let mut child = Command::new("node")
        .arg(root().join("fuzz/embed-oracle.mjs"))
        .arg(host_script_file())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take().expect("stdin");
    let lines: String = messages
        .iter()
        .map(|m| serde_json::to_string(m).expect("a string serialises") + "\n")
        .collect();
    let writer = std::thread::spawn(move || stdin.write_all(lines.as_bytes()));
    let output = child.wait_with_output().expect("node runs");
    writer
        .join()
        .expect("writer")
        .expect("node reads its input");
    assert!(output.status.success(), "embed-oracle.mjs failed");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let heights: Vec<Option<u32>> = text
        .lines()
        .map(|line| (line != "-").then(|| line.parse().expect("a height")))
        .collect();
    assert_eq!(heights.len(), messages.len(), "one answer per message");
    Some(heights)
}

/// With `FUZZ_ORACLE_EXECS`, that many messages of the run's seed are also given to
/// `embed.js`.
pub fn compare_as_asked(config: &Config) {
    let oracle = env_number("FUZZ_ORACLE_EXECS", 0);
    if oracle > 0 {
        let started = Instant::now();
        let compared = compare_with_embed_js(config.seed, oracle, config.max_len);
        eprintln!(
            "fuzz embed: decode and embed.js agree on {compared} messages ({:.1} s)",
            started.elapsed().as_secs_f64()
        );
    }
}

/// `embed::decode` and `embed.js` accept the same messages with the same heights.
/// Returns how many messages were compared: 0 only without node and with `FUZZ_WITHOUT_NODE`.
pub fn compare_with_embed_js(seed: u64, count: u64, max_len: usize) -> u64 {
    let batch = 20_000;
    let mut compared = 0;
    let mut disagreements = Vec::new();
    let mut n = 0;
    while n < count {
        let messages: Vec<String> = (n..count.min(n + batch))
            .map(|k| cut(message(&mut rng_for(seed, k), max_len), max_len))
            .collect();
        let Some(heights) = embed_js(&messages) else {
            assert!(
                std::env::var_os("FUZZ_WITHOUT_NODE").is_some(),
                "node is not installed, so decode cannot be compared with embed.js \
                 (scripts/install-tools.sh installs it; FUZZ_WITHOUT_NODE=1 skips the comparison)"
            );
            eprintln!("FUZZ_WITHOUT_NODE: decode not compared with embed.js");
            return 0;
        };
        disagreements.extend(disagreements_in(n, &messages, heights));
        compared += messages.len() as u64;
        n += batch;
    }
    assert!(
        disagreements.is_empty(),
        "decode and embed.js disagree on {} messages:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
    compared
}

/// The messages (the first is message `first`) where `decode` and embed.js's `heights`
/// differ, each saved to `fuzz/crashes/embed-js-<n>.txt`.
fn disagreements_in(first: u64, messages: &[String], heights: Vec<Option<u32>>) -> Vec<String> {
    let mut disagreements = Vec::new();
    for (k, (message, js)) in messages.iter().zip(heights).enumerate() {
        let rust = embed::decode(message);
        if rust != js {
            let path = crash_dir().join(format!("embed-js-{}.txt", first + k as u64));
            let _ = std::fs::create_dir_all(crash_dir());
            let _ = std::fs::write(&path, message);
            disagreements.push(format!(
                "decode {rust:?}, embed.js {js:?}: {}",
                path.display()
            ));
        }
    }
    disagreements
}
