//! The data directory's JSON files in the form they are committed in: two-space indentation,
//! whole numbers without ".0", a final newline. Records are added to a file's list without
//! touching a byte of the rest of it.

use std::io;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};
use serde_json::value::RawValue;

/// `value` as the data files write it (without the final newline).
pub fn to_json<T: Serialize>(value: &T) -> Result<String, String> {
    let mut bytes = Vec::new();
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut bytes, DataFormatter(PrettyFormatter::new()));
    value
        .serialize(&mut serializer)
        .map_err(|e| format!("cannot write JSON: {e}"))?;
    String::from_utf8(bytes).map_err(|e| format!("cannot write JSON: {e}"))
}

/// A data file with an empty `key` list: `$schema` (relative to the file), then `dataset` for a
/// section's file, then the list. `file`, `key` and `dataset` are plain ids and paths.
pub fn new_file(file: &str, key: &str, dataset: Option<&str>) -> String {
    let up = "../".repeat(file.matches('/').count());
    let dataset = dataset.map_or(String::new(), |d| format!("  \"dataset\": \"{d}\",\n"));
    format!("{{\n  \"$schema\": \"{up}schemas/{key}.schema.json\",\n{dataset}  \"{key}\": []\n}}\n")
}

/// `text`, a data file, with `records` (each written by [`to_json`]) added at the end of its
/// top-level list `key`.
pub fn append(file: &str, text: &str, key: &str, records: &[String]) -> Result<String, String> {
    if records.is_empty() {
        return Ok(text.to_string());
    }
    let (start, end) = list_span(file, text, key)?;
    let inner = &text[start + 1..end - 1];
    let items = records
        .iter()
        .map(|r| indent(r, "    "))
        .collect::<Vec<_>>()
        .join(",\n");
    let kept = inner.trim_end();
    let merged = if kept.trim_start().is_empty() {
        format!("{}[\n{items}\n  ]{}", &text[..start], &text[end..])
    } else {
        let after = start + 1 + kept.len();
        format!("{},\n{items}{}", &text[..after], &text[after..])
    };
    Ok(merged)
}

/// Where the top-level list `key` stands in `text`: the byte range from its `[` to after its `]`.
fn list_span(file: &str, text: &str, key: &str) -> Result<(usize, usize), String> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let top: std::collections::BTreeMap<&str, &RawValue> =
        serde_json::from_str(body).map_err(|e| format!("{file}: not a data file ({e})"))?;
    let list = top
        .get(key)
        .map(|raw| raw.get())
        .filter(|raw| raw.starts_with('[') && raw.ends_with(']'))
        .ok_or_else(|| format!("{file}: expected an object with a \"{key}\" array"))?;
    // The raw value borrows from `text`: its place is where it points.
    let start = list.as_ptr() as usize - text.as_ptr() as usize;
    Ok((start, start + list.len()))
}

/// Every line of `text` after `prefix`; a record's strings hold no line breaks (JSON escapes
/// them), so every line is the record's own.
fn indent(text: &str, prefix: &str) -> String {
    text.lines()
        .map(|line| format!("{prefix}{line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// serde_json's pretty form, except that whole numbers are written as integers (8, not 8.0), as
/// the data files and the people who edit them write them.
struct DataFormatter(PrettyFormatter<'static>);

impl Formatter for DataFormatter {
    fn write_f64<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: f64) -> io::Result<()> {
        if value.fract() == 0.0 && value.abs() < 9e15 {
            write!(writer, "{}", value as i64)
        } else {
            CompactFormatter.write_f64(writer, value)
        }
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}
