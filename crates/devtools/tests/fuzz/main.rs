//! Fuzzing the parsers on stable Rust (issue 6): the data loader and validator, the slide deck,
//! the URL state, the numeral reader, the extractor, the embed message check and the reading of
//! a data file's body.
//!
//! Inputs are made from the real ones (the files in `data/`, the links the app writes, report
//! text from `crates/extract/tests/fixtures/extract/`), mutated as structures (records picked,
//! fields dropped, retyped or given odd values, quotes given other numbers) and as text
//! (characters inserted, deleted, duplicated, flipped, spliced from other inputs: combining
//! marks, right-to-left text, NUL, long runs of digits or numerals, `[[[[…`, 1e309, -0, NaN),
//! plus plain random strings. Each execution runs under `catch_unwind`; a panic, or a broken
//! property (the URL state round-trips through `to_query`; `decode` reads back
//! `height_message`; …), writes the input to `crates/devtools/fuzz/crashes/<target>-<n>.txt`
//! and fails the run.
//!
//! The modules: `driver` (the run loop, the environment, timing, memory, failing inputs, the
//! report), `corpus` (the real inputs), `mutate` (building blocks of inputs and text mutations)
//! and `targets` (one module per target: its inputs, its entry points and its properties).
//!
//! `cargo test -p sportdash-devtools --test fuzz` runs a short bounded run of every target with
//! fixed seeds. The long run, one target at a time, in release (test targets unwind although
//! the release profile aborts on panic, so panics are still caught):
//!
//! ```sh
//! FUZZ_TARGET=loader FUZZ_EXECS=10000000 \
//!   cargo test -p sportdash-devtools --release --test fuzz -- --ignored --nocapture
//! ```
//!
//! Also `FUZZ_SEED` (default 1), `FUZZ_MAX_LEN` (bytes, default 65536), `FUZZ_FROM` (the first
//! execution: `FUZZ_FROM=n FUZZ_EXECS=1` makes execution `n` of a run again) and, for `embed`,
//! `FUZZ_ORACLE_EXECS` (messages also given in node to `embed.js`, the host page's script, as
//! `embed::host_script` writes it; without node the comparison fails, unless
//! `FUZZ_WITHOUT_NODE=1` says to skip it). `FUZZ_TARGET=all` runs every target.
//!
//! ```sh
//! FUZZ_REPLAY=fuzz/crashes/<file> FUZZ_TARGET=<target> \
//!   cargo test -p sportdash-devtools --release --test fuzz replay -- --ignored --nocapture
//! ```
//!
//! runs a saved input again, panics shown (the path is relative to `crates/devtools`, where the
//! test runs).
#![cfg(not(target_arch = "wasm32"))]

mod corpus;
mod driver;
mod mutate;
mod targets;

use driver::{Config, SLOWEST_ALLOWED, SLOWEST_ALLOWED_DEBUG};
use targets::{embed, Input, Target};

/// A short run in `cargo test` (a debug build): about a second per target on 2 cores.
fn short(target: Target, execs: u64) {
    let figures = driver::fuzz(
        target,
        &Config {
            first: 0,
            execs,
            seed: 6,
            max_len: 16 * 1024,
        },
    );
    figures.print();
    figures.check(SLOWEST_ALLOWED_DEBUG);
    assert_eq!(figures.execs, execs);
    // The inputs reach past the first check in a fair share of executions.
    for (name, count) in target.outcomes().iter().zip(&figures.outcomes) {
        assert!(*count > 0, "{}: no input got to \"{name}\"", target.name());
    }
}

#[test]
fn short_loader() {
    short(Target::Loader, 1_500);
}

#[test]
fn short_deck() {
    short(Target::Deck, 3_000);
}

#[test]
fn short_state() {
    short(Target::State, 20_000);
}

#[test]
fn short_numerals() {
    short(Target::Numerals, 10_000);
}

#[test]
fn short_extract() {
    short(Target::Extract, 3_000);
}

#[test]
fn short_embed() {
    short(Target::Embed, 20_000);
}

#[test]
fn short_body() {
    short(Target::Body, 3_000);
}

#[test]
fn decode_agrees_with_embed_js() {
    let compared = embed::compare_with_embed_js(6, 20_000, 16 * 1024);
    eprintln!("decode and embed.js agree on {compared} messages");
}

/// The long run: `FUZZ_TARGET=<target|all> FUZZ_EXECS=<n> cargo test -p sportdash-devtools
/// --release --test fuzz -- --ignored --nocapture`.
#[test]
#[ignore = "long run: set FUZZ_TARGET and FUZZ_EXECS, build with --release"]
fn long_run() {
    let config = Config::from_env();
    config.print();
    let mut all = Vec::new();
    for target in driver::targets_from_env() {
        let figures = driver::fuzz(target, &config);
        figures.print();
        if target == Target::Embed {
            embed::compare_as_asked(&config);
        }
        all.push(figures);
    }
    for figures in &all {
        figures.check(SLOWEST_ALLOWED);
    }
}

/// Runs a saved input again with every variant, panics shown:
/// `FUZZ_REPLAY=fuzz/crashes/<file> FUZZ_TARGET=<target> cargo test -p sportdash-devtools
/// --test fuzz replay -- --ignored --nocapture`.
#[test]
#[ignore = "set FUZZ_REPLAY and FUZZ_TARGET"]
fn replay() {
    let path = std::env::var("FUZZ_REPLAY").expect("FUZZ_REPLAY=<file>");
    let text = std::fs::read_to_string(&path).expect("the input");
    for target in driver::targets_from_env() {
        for variant in 0..target.variants() {
            eprintln!("{} variant {variant}", target.name());
            let outcome = target.execute(&Input {
                text: text.clone(),
                variant,
            });
            eprintln!("  outcome bits {outcome:02b}");
        }
    }
}
