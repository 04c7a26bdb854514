//! The message an embedded chart posts to its host page, so the host can size the iframe:
//! `{"type": "sportdash:height", "version": 1, "height": 412}` (CSS pixels, a whole number).
//! `host_script` is the host side (`embed.js`); it checks the sender's origin and this shape.
//! `decode` is the same shape check in Rust, and it and `embed.js` must accept exactly the same
//! messages (`tests/fuzz.rs` runs both on the same inputs when node is installed).

pub const MESSAGE_TYPE: &str = "sportdash:height";
pub const MESSAGE_VERSION: u32 = 1;
/// Heights outside this range are not ones a chart would post; hosts ignore them.
pub const HEIGHT_RANGE: std::ops::RangeInclusive<u32> = 50..=10_000;

/// `embed.js`, the host page's script that sizes the iframe, with this module's message type,
/// version and height limits: the chart's side and the host's from one source.
pub fn host_script() -> String {
    include_str!("embed-host.js")
        .replace("@TYPE@", MESSAGE_TYPE)
        .replace("@VERSION@", &MESSAGE_VERSION.to_string())
        .replace("@MIN@", &HEIGHT_RANGE.start().to_string())
        .replace("@MAX@", &HEIGHT_RANGE.end().to_string())
}

/// The parameters pym.js's parent adds to the child's address; `childId` names the child in
/// every message. The state parser takes them as understood and ignores them.
pub const PYM_PARAMS: [&str; 4] = ["initialWidth", PYM_CHILD_ID, "parentTitle", "parentUrl"];
pub const PYM_CHILD_ID: &str = "childId";

const PYM_SEPARATOR: &str = "xPYMx";

/// A message in pym.js's protocol (version 1.x): `pymxPYMx{child}xPYMx{kind}xPYMx{text}`, as a
/// host page using pym.js reads it; `height` with the content height sizes its iframe.
pub fn pym_message(child: &str, kind: &str, text: &str) -> String {
    format!("pym{PYM_SEPARATOR}{child}{PYM_SEPARATOR}{kind}{PYM_SEPARATOR}{text}")
}

/// The height message for pym.js, rounded up and held to `HEIGHT_RANGE` as ours is.
pub fn pym_height_message(child: &str, height: f64) -> String {
    let (low, high) = (*HEIGHT_RANGE.start(), *HEIGHT_RANGE.end());
    let height = if height.is_finite() {
        (height.ceil() as u32).clamp(low, high)
    } else {
        low
    };
    pym_message(child, "height", &height.to_string())
}

/// A pym.js message to `child` (from its parent: `width` when the host page resizes): its kind
/// and text, or `None` for anything else.
pub fn pym_received<'a>(child: &str, message: &'a str) -> Option<(&'a str, &'a str)> {
    let rest = message
        .strip_prefix("pym")?
        .strip_prefix(PYM_SEPARATOR)?
        .strip_prefix(child)?
        .strip_prefix(PYM_SEPARATOR)?;
    let (kind, text) = rest.split_once(PYM_SEPARATOR)?;
    (!kind.is_empty() && !kind.contains(char::is_whitespace)).then_some((kind, text))
}

/// The message for a content height, rounded up and held to `HEIGHT_RANGE`.
pub fn height_message(height: f64) -> String {
    let (low, high) = (*HEIGHT_RANGE.start(), *HEIGHT_RANGE.end());
    let height = if height.is_finite() {
        (height.ceil() as u32).clamp(low, high)
    } else {
        low
    };
    serde_json::json!({"type": MESSAGE_TYPE, "version": MESSAGE_VERSION, "height": height})
        .to_string()
}

/// The height a host accepts from a message, given as JSON text, or `None` for anything else.
/// As `embed.js` does after `JSON.parse`: the text is one JSON object (any depth, any numbers,
/// lone surrogates in strings allowed, the last of repeated keys counts) whose `type` is the
/// string `MESSAGE_TYPE`, whose `version` is the number 1 (`1.0` too) and whose `height` is a
/// whole number in `HEIGHT_RANGE` (`412.0` and `4.12e2` too), and no other member.
pub fn decode(message: &str) -> Option<u32> {
    // Whether `JSON.parse` would take it: serde_json skips a value without a depth limit, with
    // numbers of any size and lone surrogates in strings, as JavaScript reads them.
    serde_json::from_str::<serde::de::IgnoredAny>(message).ok()?;
    let mut scan = Scan {
        text: message,
        at: 0,
    };
    let (mut kind, mut version, mut height) = (None, None, None);
    scan.space();
    if !scan.eat(b'{') {
        return None;
    }
    scan.space();
    if !scan.eat(b'}') {
        loop {
            let key = scan.string();
            scan.space();
            scan.eat(b':');
            scan.space();
            let value = scan.value();
            if key == utf16("type") {
                kind = Some(value);
            } else if key == utf16("version") {
                version = Some(value);
            } else if key == utf16("height") {
                height = Some(value);
            } else {
                // Exactly the documented shape: a member of any other name is refused.
                return None;
            }
            scan.space();
            if !scan.eat(b',') {
                break;
            }
            scan.space();
        }
    }
    if kind != Some(Member::Text(utf16(MESSAGE_TYPE))) {
        return None;
    }
    if version != Some(Member::Number(f64::from(MESSAGE_VERSION))) {
        return None;
    }
    let Some(Member::Number(height)) = height else {
        return None;
    };
    let (low, high) = (*HEIGHT_RANGE.start(), *HEIGHT_RANGE.end());
    let whole = height.is_finite() && height.floor() == height;
    (whole && height >= f64::from(low) && height <= f64::from(high)).then_some(height as u32)
}

/// A member's value as far as `decode` needs it: strings as JavaScript holds them (UTF-16).
#[derive(Debug, PartialEq)]
enum Member {
    Text(Vec<u16>),
    Number(f64),
    Other,
}

fn utf16(text: &str) -> Vec<u16> {
    text.encode_utf16().collect()
}

/// Reads the top level of JSON text already known to be valid.
struct Scan<'a> {
    text: &'a str,
    at: usize,
}

impl Scan<'_> {
    fn peek(&self) -> u8 {
        self.text.as_bytes().get(self.at).copied().unwrap_or(0)
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == byte;
        self.at += usize::from(found);
        found
    }

    fn space(&mut self) {
        while matches!(self.peek(), b' ' | b'\t' | b'\n' | b'\r') {
            self.at += 1;
        }
    }

    /// A string starting at its opening quote, decoded to UTF-16 code units.
    fn string(&mut self) -> Vec<u16> {
        let mut units = Vec::new();
        self.at += 1;
        while let Some(c) = self
            .text
            .get(self.at..)
            .and_then(|rest| rest.chars().next())
        {
            self.at += c.len_utf8();
            match c {
                '"' => break,
                '\\' => {
                    let escape = self.peek();
                    self.at += 1;
                    units.push(match escape {
                        b'b' => 0x08,
                        b'f' => 0x0c,
                        b'n' => 0x0a,
                        b'r' => 0x0d,
                        b't' => 0x09,
                        b'u' => {
                            let hex = self.text.get(self.at..self.at + 4).unwrap_or("");
                            self.at += 4;
                            u16::from_str_radix(hex, 16).unwrap_or(0)
                        }
                        other => u16::from(other),
                    });
                }
                _ => units.extend_from_slice(c.encode_utf16(&mut [0; 2])),
            }
        }
        units
    }

    /// A value: strings and numbers read, arrays, objects and literals skipped.
    fn value(&mut self) -> Member {
        match self.peek() {
            b'"' => Member::Text(self.string()),
            b'-' | b'0'..=b'9' => {
                let start = self.at;
                while matches!(self.peek(), b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') {
                    self.at += 1;
                }
                // Rust rounds to the nearest double as JavaScript does; too large is infinite.
                let number = self.text.get(start..self.at).unwrap_or("");
                number.parse().map_or(Member::Other, Member::Number)
            }
            b'[' | b'{' => {
                let mut depth = 0usize;
                while self.at < self.text.len() {
                    match self.peek() {
                        b'"' => {
                            self.string();
                            continue;
                        }
                        b'[' | b'{' => depth += 1,
                        b']' | b'}' => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                    self.at += 1;
                    if depth == 0 {
                        break;
                    }
                }
                Member::Other
            }
            _ => {
                while self.peek().is_ascii_alphabetic() {
                    self.at += 1;
                }
                Member::Other
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_host_script_carries_the_limits_the_chart_posts_with() {
        let script = host_script();
        assert!(!script.contains('@'), "every placeholder filled in");
        assert!(script.contains("var TYPE = 'sportdash:height';"));
        assert!(script.contains("var MIN = 50;") && script.contains("var MAX = 10000;"));
    }

    #[test]
    fn pym_messages_are_in_pym_js_protocol() {
        // What pym.js 1.3's Parent matches: /^pymxPYMx{id}xPYMx(\S+)xPYMx(.*)$/.
        assert_eq!(
            pym_height_message("chart-1", 411.2),
            "pymxPYMxchart-1xPYMxheightxPYMx412"
        );
        assert_eq!(
            pym_height_message("a", f64::NAN),
            "pymxPYMxaxPYMxheightxPYMx50"
        );
        for (message, read) in [
            ("pymxPYMxchart-1xPYMxwidthxPYMx640", Some(("width", "640"))),
            (
                "pymxPYMxchart-1xPYMxnavigateToxPYMxa xPYMx b",
                Some(("navigateTo", "a xPYMx b")),
            ),
            ("pymxPYMxchart-2xPYMxwidthxPYMx640", None),
            ("pymxPYMxchart-1xPYMxwidth", None),
            ("pymxPYMxchart-1xPYMxxPYMx640", None),
            ("PYMxPYMxchart-1xPYMxwidthxPYMx640", None),
            ("", None),
        ] {
            assert_eq!(pym_received("chart-1", message), read, "{message}");
        }
    }

    #[test]
    fn the_height_is_a_whole_number_in_range() {
        assert_eq!(
            height_message(411.2),
            r#"{"height":412,"type":"sportdash:height","version":1}"#
        );
        assert!(height_message(f64::NAN).contains("\"height\":50"));
        assert!(height_message(1e9).contains("\"height\":10000"));
    }

    #[test]
    fn decode_reads_back_what_height_message_writes() {
        for (height, expected) in [
            (411.2, 412),
            (50.0, 50),
            (49.5, 50),
            (0.0, 50),
            (-0.0, 50),
            (-3.0, 50),
            (10_000.0, 10_000),
            (10_000.5, 10_000),
            (1e300, 10_000),
            (f64::NAN, 50),
            (f64::INFINITY, 50),
            (f64::NEG_INFINITY, 50),
        ] {
            assert_eq!(decode(&height_message(height)), Some(expected), "{height}");
        }
    }

    #[test]
    fn decode_takes_every_spelling_of_the_shape() {
        for message in [
            r#"{"type":"sportdash:height","version":1,"height":412}"#.to_string(),
            " {\"height\" :\t412 ,\n\"version\":1,\"type\":\"sportdash:height\"}\r\n".to_string(),
            r#"{"type":"sportdash:height","version":1.0,"height":4.12e2}"#.to_string(),
            r#"{"type":"sportdash:height","version":10e-1,"height":412.000}"#.to_string(),
            r#"{"\u0074ype":"sportdash\u003aheight","version":1,"height":412}"#.to_string(),
            r#"{"type":"x","type":"sportdash:height","version":1,"height":1,"height":412}"#
                .to_string(),
        ] {
            assert_eq!(decode(&message), Some(412), "{message}");
        }
    }

    #[test]
    fn decode_refuses_any_other_member() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        for message in [
            r#"{"type":"sportdash:height","version":1,"height":412,"a":[{"b":"]}"}],"c":1e400}"#
                .to_string(),
            r#"{"type":"sportdash:height","version":1,"height":412,"\ud800":"\udfff"}"#.to_string(),
            format!(r#"{{"type":"sportdash:height","version":1,"height":412,"deep":{deep}}}"#),
            r#"{"type":"sportdash:height","version":1,"height":412,"__proto__":{}}"#.to_string(),
            r#"{"type":"sportdash:height","version":1,"height":412,"Type":"x"}"#.to_string(),
        ] {
            assert_eq!(decode(&message), None, "{message}");
        }
    }

    #[test]
    fn decode_refuses_anything_else() {
        for message in [
            "",
            "412",
            "null",
            r#""{\"type\":\"sportdash:height\",\"version\":1,\"height\":412}""#,
            r#"[{"type":"sportdash:height","version":1,"height":412}]"#,
            r#"{"type":"sportdash:height","version":1,"height":412} x"#,
            r#"{"type":"sportdash:height","version":1,"height":412,}"#,
            "\u{feff}{\"type\":\"sportdash:height\",\"version\":1,\"height\":412}",
            r#"{"type":"sportdash:height","version":1}"#,
            r#"{"version":1,"height":412}"#,
            r#"{"type":"sportdash:Height","version":1,"height":412}"#,
            r#"{"type":"sportdash:height ","version":1,"height":412}"#,
            r#"{"type":["sportdash:height"],"version":1,"height":412}"#,
            r#"{"type":"sportdash:height","version":"1","height":412}"#,
            r#"{"type":"sportdash:height","version":true,"height":412}"#,
            r#"{"type":"sportdash:height","version":2,"height":412}"#,
            r#"{"type":"sportdash:height","version":1.0000000000000002,"height":412}"#,
            r#"{"type":"sportdash:height","version":1,"height":"412"}"#,
            r#"{"type":"sportdash:height","version":1,"height":412.5}"#,
            r#"{"type":"sportdash:height","version":1,"height":49}"#,
            r#"{"type":"sportdash:height","version":1,"height":10001}"#,
            r#"{"type":"sportdash:height","version":1,"height":-0}"#,
            r#"{"type":"sportdash:height","version":1,"height":1e400}"#,
            r#"{"type":"sportdash:height","version":1,"height":null}"#,
            r#"{"type":"sportdash:height","version":1,"height":0412}"#,
            r#"{"type":"sportdash:height","version":1,"height":412,"height":4000.5}"#,
            r#"{"type":"sportdash:height","version":1,"height":412,"x":"\x"}"#,
            "{\"type\":\"sportdash:height\",\"version\":1,\"height\":412,\"x\":\"\u{1}\"}",
        ] {
            assert_eq!(decode(message), None, "{message}");
        }
    }

    #[test]
    fn decode_rounds_numbers_as_javascript_does() {
        // Just above 412 by less than half the gap to the next double: JavaScript reads 412.
        let near = r#"{"type":"sportdash:height","version":1,"height":412.0000000000000284217094304040074348449}"#;
        assert_eq!(decode(near), Some(412));
        // Exactly halfway between 412 and the next double: ties go to the even one, 412.
        let tie = r#"{"type":"sportdash:height","version":1,"height":412.000000000000028421709430404007434844970703125}"#;
        assert_eq!(decode(tie), Some(412));
        let above = r#"{"type":"sportdash:height","version":1,"height":412.0000000000000284217094304040074348449707031251}"#;
        assert_eq!(decode(above), None);
    }
}
