//! The text as the reader sees it: visible characters, normalised, each with where it is in
//! the original and what white space came before it; and the marks that end clauses and
//! sentences.

use sportdash_core::numerals::half_width;

/// A line this short or shorter is a heading (or ends a paragraph): the line break ends a
/// clause. So does a break after a line without punctuation (a title). Longer lines broken
/// mid-sentence, as text taken from PDFs often is, run on.
const HEADING_MAX_CHARS: usize = 24;

/// One visible character of the text: normalised, with where it is in the original.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ch {
    /// The character with full-width forms mapped to ASCII.
    pub(crate) c: char,
    /// As written.
    pub(crate) raw: char,
    /// Byte range in the original text (a text is at most `MAX_REPORT_BYTES`, so 32 bits hold
    /// it: the extractor's memory is a small multiple of its input's).
    pub(crate) start: u32,
    pub(crate) end: u32,
    /// White space comes before it.
    pub(crate) spaced: bool,
    /// A line break comes before it.
    pub(crate) newline: bool,
    /// The layout ends a clause before it: a heading line, or a wide gap of spaces.
    pub(crate) layout_break: bool,
}

/// The visible characters of `text`, and where the layout ends a clause.
pub(crate) fn prepare(text: &str) -> Vec<Ch> {
    let mut chars = Vec::new();
    let (mut spaced, mut newline, mut spaces) = (false, false, 0usize);
    let (mut line_len, mut line_punctuated) = (0usize, false);
    let mut previous_line_is_heading = true;
    for (start, raw) in text.char_indices() {
        let c = half_width(raw);
        if c.is_whitespace() {
            spaced = true;
            if c == '\n' {
                newline = true;
                if line_len > 0 {
                    previous_line_is_heading = line_len <= HEADING_MAX_CHARS || !line_punctuated;
                }
                (line_len, line_punctuated) = (0, false);
            } else {
                spaces += 1;
            }
            continue;
        }
        let layout_break = (newline && previous_line_is_heading) || (!newline && spaces >= 2);
        line_punctuated |= is_clause_end(c);
        chars.push(Ch {
            c,
            raw,
            start: start as u32,
            end: (start + raw.len_utf8()) as u32,
            spaced,
            newline,
            layout_break,
        });
        line_len += 1;
        (spaced, newline, spaces) = (false, false, 0);
    }
    chars
}

pub(crate) fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | '!' | '?' | ':' | '。' | '|' | '<' | '>' | '【' | '】' | '…'
    )
}

/// Ends of sentences, and the cell marks of tables pasted as text.
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | ';' | '!' | '?' | '|' | '<' | '>')
}

pub(crate) fn is_digit(chars: &[Ch], i: usize) -> bool {
    chars.get(i).is_some_and(|ch| ch.c.is_ascii_digit())
}

pub(crate) fn is_decimal_point(chars: &[Ch], i: usize) -> bool {
    chars[i].c == '.' && is_digit(chars, i + 1) && i > 0 && is_digit(chars, i - 1)
}

/// Whether `word` starts at `i`.
pub(crate) fn followed_by(chars: &[Ch], i: usize, word: &str) -> bool {
    let n = word.chars().count();
    i + n <= chars.len() && chars[i..i + n].iter().map(|ch| ch.c).eq(word.chars())
}

#[cfg(test)]
mod tests {
    use crate::test_support::only;

    #[test]
    fn a_heading_line_ends_the_clause() {
        let text = "体育产业 质效齐增\n\n本报记者 孙军\n\n成功创建国家级体育旅游示范基地1家。";
        let c = only(text, None);
        assert_eq!(c.source.quote, "成功创建国家级体育旅游示范基地1家");
    }
}
