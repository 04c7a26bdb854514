//! Report files to text: Word documents (.docx), UTF-8 and GB18030 (GBK) texts, and for every
//! other file one sentence, starting with its name, saying why it is not read and what to do.
//! The kind of file is told by its content; the name only sharpens the message.

mod docx;

use sportdash_core::load::{decode_report, MAX_REPORT_BYTES};

/// A report file read into text, and how it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub text: String,
    /// What was read: "UTF-8", "GB18030 (GBK)", "Word (.docx)" (or "UTF-16LE" for a text with
    /// that byte-order mark).
    pub read_as: &'static str,
}

pub const READ_AS_DOCX: &str = "Word (.docx)";
pub const READ_AS_GBK: &str = "GB18030 (GBK)";

/// How far into a file NUL bytes are looked for: they mark a binary file, never a text.
const SNIFF_BYTES: usize = 8 * 1024;

/// Reads the file `name` with contents `bytes`, or says in one sentence why it cannot.
pub fn read(name: &str, bytes: &[u8]) -> Result<Document, String> {
    if bytes.len() > MAX_REPORT_BYTES {
        return Err(too_large(name, bytes.len() as u64));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(empty(name));
    }
    if let Some(why) = not_a_report(name, bytes) {
        return Err(why);
    }
    let document = if bytes.starts_with(ZIP) {
        docx::read(name, bytes)?
    } else {
        read_text(name, bytes)?
    };
    if document.text.trim().is_empty() {
        return Err(empty(name));
    }
    Ok(document)
}

/// Why a file of `size` bytes is not read: for a caller that knows the size before reading.
pub fn too_large(name: &str, size: u64) -> String {
    format!(
        "{name} is {:.1} MB; a report is read up to {} MB",
        size as f64 / 1_048_576.0,
        MAX_REPORT_BYTES / 1_048_576
    )
}

fn empty(name: &str) -> String {
    format!("{name} is empty")
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Binary files known by their first bytes, as the person would name them.
const IMAGES: [(&[u8], &str); 4] = [
    (b"\x89PNG\r\n\x1a\n", "an image (PNG)"),
    (b"\xFF\xD8\xFF", "an image (JPEG)"),
    (b"GIF87a", "an image (GIF)"),
    (b"GIF89a", "an image (GIF)"),
];

/// Why a file is not a report text or a Word document, by its content (and its name).
fn not_a_report(name: &str, bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(OLE) {
        return Some(format!(
            "{name} is an old Word .doc file: open it in Word and save it as .docx (Word Document), or as plain text"
        ));
    }
    if bytes.starts_with(b"%PDF") {
        return Some(format!(
            "{name} is a PDF: copy its text into a .txt file, or open it in Word and save it as .docx"
        ));
    }
    if let Some((_, what)) = IMAGES.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(format!("{name} is {what}, not a report text"));
    }
    let is_zip = bytes.starts_with(ZIP);
    if !is_zip && name.to_lowercase().ends_with(".docx") {
        return Some(format!(
            "{name} is not a Word .docx file (it is not a zip archive); save it again from Word as .docx"
        ));
    }
    // UTF-16 texts (Notepad's "Unicode") are mostly NUL bytes; their byte-order mark says so.
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    if !is_zip && !utf16 && has_nul(bytes) {
        return Some(format!(
            "{name} is not a text file (it holds binary data): save the report as .docx or as plain text"
        ));
    }
    None
}

fn has_nul(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(SNIFF_BYTES)].contains(&0)
}

fn read_text(name: &str, bytes: &[u8]) -> Result<Document, String> {
    let (text, encoding) = decode_report(bytes).map_err(|e| {
        format!("{name} cannot be read as text ({e}): save it as UTF-8 text or as .docx")
    })?;
    let read_as = if encoding == "GB18030" {
        READ_AS_GBK
    } else {
        encoding
    };
    Ok(Document { text, read_as })
}
