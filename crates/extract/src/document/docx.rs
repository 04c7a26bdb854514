//! Word documents (.docx): the archive checked part by part, then read by docx-rs into one
//! line a paragraph (a table's cells' paragraphs included).

use std::io::{self, Cursor, Read};

use docx_rs::{
    DocumentChild, InsertChild, Paragraph, ParagraphChild, Run, RunChild, StructuredDataTagChild,
    Table, TableCellContent, TableChild, TableRowChild,
};

use super::{Document, READ_AS_DOCX};

/// The largest part of a .docx unpacked: a long report's document.xml is a few megabytes.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// Every part of the archive unpacks, within [`MAX_PART_BYTES`], and matches its checksum.
/// docx-rs unwraps a part's read and reserves its declared size: checked here first, a damaged
/// or oversized file is a message, not a panic or an allocation failure.
fn check_parts(name: &str, bytes: &[u8]) -> Result<(), String> {
    let damaged = || not_word(name, bytes);
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| damaged())?;
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).map_err(|_| damaged())?;
        if part.size() > MAX_PART_BYTES {
            return Err(too_large(name, part.name()));
        }
        let unpacked = io::copy(&mut (&mut part).take(MAX_PART_BYTES + 1), &mut io::sink())
            .map_err(|_| damaged())?;
        if unpacked > MAX_PART_BYTES {
            return Err(too_large(name, part.name()));
        }
    }
    Ok(())
}

fn too_large(name: &str, part: &str) -> String {
    format!(
        "{name} is too large to read: its part {part} unpacks to more than {} MB",
        MAX_PART_BYTES / 1_048_576
    )
}

pub(super) fn read(name: &str, bytes: &[u8]) -> Result<Document, String> {
    check_parts(name, bytes)?;
    let docx = docx_rs::read_docx(bytes).map_err(|_| not_word(name, bytes))?;
    let mut lines = Vec::new();
    for child in &docx.document.children {
        document_child(child, &mut lines);
    }
    Ok(Document {
        text: lines.join("\n"),
        read_as: READ_AS_DOCX,
    })
}

/// Why a zip archive is not read, by the names of its parts (stored as they are, uncompressed).
fn not_word(name: &str, bytes: &[u8]) -> String {
    if contains(bytes, b"word/") {
        format!("{name} is a damaged Word document: open it in Word and save it again as .docx")
    } else if contains(bytes, b"xl/") {
        format!("{name} is an Excel workbook, not a report text: a report is read from a Word .docx or a text file")
    } else if contains(bytes, b"ppt/") {
        format!("{name} is a PowerPoint presentation, not a report text: a report is read from a Word .docx or a text file")
    } else {
        format!("{name} is a zip archive, not a Word document: save the report from Word as .docx")
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn document_child(child: &DocumentChild, lines: &mut Vec<String>) {
    match child {
        DocumentChild::Paragraph(p) => lines.push(paragraph_text(p)),
        DocumentChild::Table(t) => table(t, lines),
        DocumentChild::StructuredDataTag(tag) => {
            let mut line = String::new();
            for child in &tag.children {
                tag_child(child, &mut line, lines);
            }
            if !line.is_empty() {
                lines.push(line);
            }
        }
        _ => {}
    }
}

/// A content control's runs join into `line`; its paragraphs and tables are lines of their own.
fn tag_child(child: &StructuredDataTagChild, line: &mut String, lines: &mut Vec<String>) {
    match child {
        StructuredDataTagChild::Run(run) => run_text(run, line),
        StructuredDataTagChild::Paragraph(p) => lines.push(paragraph_text(p)),
        StructuredDataTagChild::Table(t) => table(t, lines),
        StructuredDataTagChild::StructuredDataTag(tag) => {
            for child in &tag.children {
                tag_child(child, line, lines);
            }
        }
        _ => {}
    }
}

/// Each cell's paragraphs, row by row, one line each.
fn table(table: &Table, lines: &mut Vec<String>) {
    for TableChild::TableRow(row) in &table.rows {
        for TableRowChild::TableCell(cell) in &row.cells {
            for content in &cell.children {
                match content {
                    TableCellContent::Paragraph(p) => lines.push(paragraph_text(p)),
                    TableCellContent::Table(t) => self::table(t, lines),
                    _ => {}
                }
            }
        }
    }
}

fn paragraph_text(paragraph: &Paragraph) -> String {
    let mut line = String::new();
    paragraph_children(&paragraph.children, &mut line);
    line
}

/// The text of runs, inserted runs (tracked changes as accepted) and links; deleted text is not
/// the report's.
fn paragraph_children(children: &[ParagraphChild], line: &mut String) {
    for child in children {
        match child {
            ParagraphChild::Run(run) => run_text(run, line),
            ParagraphChild::Insert(insert) => {
                for child in &insert.children {
                    if let InsertChild::Run(run) = child {
                        run_text(run, line);
                    }
                }
            }
            ParagraphChild::Hyperlink(link) => paragraph_children(&link.children, line),
            ParagraphChild::StructuredDataTag(tag) => {
                let mut lines = Vec::new();
                for child in &tag.children {
                    tag_child(child, line, &mut lines);
                }
                line.push_str(&lines.join(" "));
            }
            _ => {}
        }
    }
}

fn run_text(run: &Run, line: &mut String) {
    for child in &run.children {
        match child {
            RunChild::Text(text) => line.push_str(&text.text),
            RunChild::Tab(_) | RunChild::PTab(_) => line.push('\t'),
            RunChild::Break(_) | RunChild::CarriageReturn(_) => line.push('\n'),
            _ => {}
        }
    }
}
