//! A data file's body as the browser's stream gives it: `load::Body` against a size limit.

use fastrand::Rng;
use sportdash_core::load;

use super::loader::{self, loader_text};
use crate::corpus::Corpus;
use crate::mutate::{pick, random_string};

/// How it arrives (bits 1 and 2: the pieces' size), how large the limit is (bits 3 and 4),
/// whether a byte is bad (bit 0).
pub const VARIANTS: u8 = 32;
const PIECE_SIZES: [usize; 4] = [1, 7, 64, 4096];

/// A data file, a file with a byte order mark, or random characters.
pub fn body_text(rng: &mut Rng, corpus: &Corpus, max_len: usize) -> String {
    match rng.u8(0..3) {
        0 => {
            let file = rng.u8(0..loader::VARIANTS);
            loader_text(rng, corpus, file, max_len)
        }
        1 => format!("\u{feff}{}", pick(rng, &corpus.json)),
        _ => random_string(rng, max_len),
    }
}

/// A data file's bytes arriving in pieces (the browser's stream) against a size limit: refused
/// exactly when they pass the limit, at the piece that passes it, read as the text they are.
pub fn run_body(text: &str, variant: u8) -> u8 {
    let bytes = bytes_of(text, variant);
    let piece = PIECE_SIZES[usize::from((variant >> 1) & 3)];
    let limit = match variant >> 3 {
        0 => bytes.len(),
        1 => bytes.len().saturating_sub(1),
        2 => bytes.len() / 2,
        _ => bytes.len() * 2,
    };
    let mut body = load::Body::new(limit);
    if !taken_up_to_the_limit(&mut body, &bytes, piece, limit) {
        return 0;
    }
    assert!(
        bytes.len() <= limit,
        "{} bytes taken over a limit of {limit}",
        bytes.len()
    );
    read_as_text(body, bytes)
}

/// The text's bytes; with an odd variant, the middle one made 0xFF (never UTF-8).
fn bytes_of(text: &str, variant: u8) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    if variant & 1 == 1 && !bytes.is_empty() {
        let at = bytes.len() / 2;
        bytes[at] = 0xFF;
    }
    bytes
}

/// Pushes the bytes in pieces: each taken while under the limit, refused at the piece that
/// passes it. Whether all were taken.
fn taken_up_to_the_limit(body: &mut load::Body, bytes: &[u8], piece: usize, limit: usize) -> bool {
    let mut arrived = 0;
    for chunk in bytes.chunks(piece) {
        arrived += chunk.len();
        match body.push(chunk.to_vec()) {
            Ok(()) => assert!(
                arrived <= limit,
                "{arrived} bytes taken over a limit of {limit}"
            ),
            Err(refused) => {
                assert_eq!(refused, load::BodyError::TooLarge);
                assert!(
                    arrived > limit,
                    "refused at {arrived} bytes under a limit of {limit}"
                );
                assert!(bytes.len() > limit);
                return false;
            }
        }
    }
    true
}

/// The body reads as the bytes' text, without a byte order mark, or as not text.
fn read_as_text(body: load::Body, bytes: Vec<u8>) -> u8 {
    let expected = String::from_utf8(bytes)
        .map(|t| t.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(t));
    match (body.text(), expected) {
        (Ok(read), Ok(expected)) => {
            assert_eq!(read, expected);
            3
        }
        (Err(load::BodyError::NotText), Err(_)) => 1,
        (read, expected) => panic!("read {read:?}, expected {expected:?}"),
    }
}
