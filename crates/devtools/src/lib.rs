//! Tools for developers, never shipped: a deterministic synthetic national data set in the real
//! schema, for measuring the dashboard at scale (`examples/national.rs` writes it). The fuzz
//! driver is `tests/fuzz`, its results in `fuzz/RESULTS.md`.

pub mod synthetic;
