//! The targets: for each, how its inputs are made, which entry points run on them and which
//! properties they keep.

pub mod body;
pub mod data_files;
pub mod deck;
pub mod embed;
pub mod extract;
pub mod loader;
pub mod numerals;
pub mod state;

use fastrand::Rng;
use sportdash_core::load;

use crate::corpus::corpus;
use crate::mutate::cut;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Target {
    Loader,
    Deck,
    State,
    Numerals,
    Extract,
    Embed,
    Body,
}

pub const TARGETS: [Target; 7] = [
    Target::Loader,
    Target::Deck,
    Target::State,
    Target::Numerals,
    Target::Extract,
    Target::Embed,
    Target::Body,
];

/// One input: its text, and which variant of the target it runs with.
pub struct Input {
    pub text: String,
    pub variant: u8,
}

impl Target {
    pub fn name(self) -> &'static str {
        match self {
            Target::Loader => "loader",
            Target::Deck => "deck",
            Target::State => "state",
            Target::Numerals => "numerals",
            Target::Extract => "extract",
            Target::Embed => "embed",
            Target::Body => "body",
        }
    }

    /// What the outcome bits of `execute` mean: how deep the inputs got.
    pub fn outcomes(self) -> &'static [&'static str] {
        match self {
            Target::Loader => &["loaded", "records kept by validate"],
            Target::Deck => &["loaded", "slides kept"],
            Target::State => &["state not default", "notes"],
            Target::Numerals => &["numbers found", "Chinese quantity"],
            Target::Extract => &["candidates", "notes"],
            Target::Embed => &["accepted", "height_message round trip"],
            Target::Body => &["accepted", "text"],
        }
    }

    /// How many variants an input has (which file it stands for, which options it runs with).
    pub fn variants(self) -> u8 {
        match self {
            Target::Loader => loader::VARIANTS,
            Target::Extract => extract::VARIANTS,
            Target::Embed => embed::VARIANTS,
            Target::Body => body::VARIANTS,
            _ => 1,
        }
    }

    pub fn generate(self, rng: &mut Rng, max_len: usize) -> Input {
        let corpus = corpus();
        let variant = rng.u8(0..self.variants());
        let text = match self {
            Target::Loader => loader::loader_text(rng, corpus, variant, max_len),
            Target::Deck => deck::deck_text(rng, corpus, max_len),
            Target::State => state::query(rng, corpus, max_len),
            Target::Numerals => numerals::numeral_text(rng, corpus, max_len),
            Target::Extract => extract::report_text(rng, corpus, max_len),
            Target::Embed if variant == embed::HEIGHT_VARIANT => embed::height_text(rng),
            Target::Embed => embed::message(rng, max_len),
            Target::Body => body::body_text(rng, corpus, max_len),
        };
        Input {
            text: cut(text, max_len),
            variant,
        }
    }

    /// Runs the entry points on one input and checks their properties (a broken one panics).
    /// Returns outcome bits (see `outcomes`).
    pub fn execute(self, input: &Input) -> u8 {
        match self {
            Target::Loader => loader::run_loader(&input.text, input.variant),
            Target::Deck => deck::run_deck(&input.text),
            Target::State => state::run_state(&input.text),
            Target::Numerals => numerals::run_numerals(&input.text),
            Target::Extract => extract::run_extract(&input.text, input.variant),
            Target::Embed => embed::run_embed(&input.text, input.variant),
            Target::Body => body::run_body(&input.text, input.variant),
        }
    }
}

/// Formats every diagnostic, as the CLI and the app do.
fn show_all(diagnostics: &[load::Diagnostic]) {
    for diagnostic in diagnostics {
        let shown = diagnostic.to_string();
        assert!(!shown.is_empty());
    }
}
