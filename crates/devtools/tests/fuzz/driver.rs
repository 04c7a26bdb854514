//! The run loop: configuration from the environment, one seeded generator per execution,
//! timing and re-timing, peak memory, failing inputs saved to `fuzz/crashes/`, the report.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Once;
use std::time::{Duration, Instant};

use fastrand::Rng;

use crate::corpus::{corpus, root};
use crate::targets::{Input, Target, TARGETS};

/// Peak resident memory (VmHWM) a run may reach.
const MEMORY_LIMIT_KB: u64 = 512 * 1024;
/// The slowest single execution the long run (release) may have: anything slower is taken for a
/// hang. Times are wall-clock, so they include the machine's other work.
pub const SLOWEST_ALLOWED: Duration = Duration::from_secs(1);
/// An execution slower than this is timed again (three times, the fastest counting), so that
/// time the machine gave to other work is not taken for a slow input; a real hang repeats.
const RETIME_OVER: Duration = Duration::from_millis(20);
/// The same for the short run in `cargo test`: a debug build, beside the other tests.
pub const SLOWEST_ALLOWED_DEBUG: Duration = Duration::from_secs(5);
const DEFAULT_MAX_LEN: usize = 64 * 1024;
/// A run stops after this many failing inputs.
const MOST_FAILURES: usize = 20;

pub struct Config {
    /// The first execution: `FUZZ_FROM=n FUZZ_EXECS=1` makes execution `n` again.
    pub first: u64,
    pub execs: u64,
    pub seed: u64,
    pub max_len: usize,
}

impl Config {
    /// The long run's: `FUZZ_FROM`, `FUZZ_EXECS`, `FUZZ_SEED` and `FUZZ_MAX_LEN`.
    pub fn from_env() -> Config {
        Config {
            first: env_number("FUZZ_FROM", 0),
            execs: env_number("FUZZ_EXECS", 1_000_000),
            seed: env_number("FUZZ_SEED", 1),
            max_len: env_number("FUZZ_MAX_LEN", DEFAULT_MAX_LEN as u64) as usize,
        }
    }

    pub fn print(&self) {
        eprintln!(
            "fuzz: seed {}, max input {} bytes, {} execs per target, limits: {SLOWEST_ALLOWED:?} per execution, {} MB peak",
            self.seed,
            self.max_len,
            self.execs,
            MEMORY_LIMIT_KB / 1024
        );
    }
}

pub fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .map(|v| {
            v.replace('_', "")
                .parse()
                .unwrap_or_else(|_| panic!("{name}={v} is not a number"))
        })
        .unwrap_or(default)
}

/// `FUZZ_TARGET`: a target's name, several separated by commas, or `all` (the default).
pub fn targets_from_env() -> Vec<Target> {
    let wanted = std::env::var("FUZZ_TARGET").unwrap_or_else(|_| "all".to_string());
    if wanted == "all" {
        return TARGETS.to_vec();
    }
    wanted
        .split(',')
        .map(|name| {
            *TARGETS
                .iter()
                .find(|t| t.name() == name)
                .unwrap_or_else(|| {
                    let names: Vec<&str> = TARGETS.iter().map(|t| t.name()).collect();
                    panic!(
                        "FUZZ_TARGET: no target {name}; one of {}, all",
                        names.join(", ")
                    )
                })
        })
        .collect()
}

/// What a run did.
pub struct Figures {
    target: Target,
    pub execs: u64,
    wall: Duration,
    /// Time spent in the entry points (and their property checks), not making inputs.
    busy: Duration,
    largest_input: usize,
    /// The slowest execution, timed again when over `RETIME_OVER`.
    slowest: Duration,
    slowest_len: usize,
    slowest_n: u64,
    /// The slowest first timing, before timing again.
    slowest_first: Duration,
    peak_kb: Option<u64>,
    pub outcomes: Vec<u64>,
    failures: Vec<String>,
}

impl Figures {
    fn new(target: Target) -> Figures {
        Figures {
            target,
            execs: 0,
            wall: Duration::ZERO,
            busy: Duration::ZERO,
            largest_input: 0,
            slowest: Duration::ZERO,
            slowest_len: 0,
            slowest_n: 0,
            slowest_first: Duration::ZERO,
            peak_kb: None,
            outcomes: vec![0; target.outcomes().len()],
            failures: Vec::new(),
        }
    }

    /// `first` is the execution's first timing, `took` the one that counts (timed again when
    /// slow).
    fn time(&mut self, n: u64, input: &Input, first: Duration, took: Duration) {
        self.busy += first;
        self.slowest_first = self.slowest_first.max(first);
        if took > self.slowest {
            self.slowest = took;
            self.slowest_len = input.text.len();
            self.slowest_n = n;
        }
    }

    fn count_outcomes(&mut self, bits: u8) {
        for (k, count) in self.outcomes.iter_mut().enumerate() {
            *count += u64::from(bits >> k & 1);
        }
    }

    fn execs_per_second(&self) -> f64 {
        self.execs as f64 / self.wall.as_secs_f64().max(1e-9)
    }

    pub fn print(&self) {
        let peak = self.peak_kb.map_or("unknown".to_string(), |kb| {
            format!("{:.1} MB", kb as f64 / 1024.0)
        });
        let outcomes: Vec<String> = self
            .target
            .outcomes()
            .iter()
            .zip(&self.outcomes)
            .map(|(name, count)| {
                format!(
                    "{name} {:.1}%",
                    100.0 * *count as f64 / self.execs.max(1) as f64
                )
            })
            .collect();
        eprintln!(
            "fuzz {}: {} execs in {:.1} s ({:.0} execs/s, {:.0}% of it in the target); largest input {} bytes; slowest execution {:.2} ms (execution {}, input of {} bytes; {:.2} ms before timing again); peak memory (VmHWM) {peak}; {}; failures {}",
            self.target.name(),
            self.execs,
            self.wall.as_secs_f64(),
            self.execs_per_second(),
            100.0 * self.busy.as_secs_f64() / self.wall.as_secs_f64().max(1e-9),
            self.largest_input,
            self.slowest.as_secs_f64() * 1e3,
            self.slowest_n,
            self.slowest_len,
            self.slowest_first.as_secs_f64() * 1e3,
            outcomes.join(", "),
            self.failures.len(),
        );
    }

    /// Fails when an execution panicked or broke a property, took too long, or memory grew too
    /// much.
    pub fn check(&self, slowest_allowed: Duration) {
        assert!(
            self.failures.is_empty(),
            "{} failing inputs:\n{}",
            self.failures.len(),
            self.failures.join("\n")
        );
        assert!(
            self.slowest < slowest_allowed,
            "{}: slowest execution {:?} (input of {} bytes) is over {slowest_allowed:?}",
            self.target.name(),
            self.slowest,
            self.slowest_len
        );
        if let Some(kb) = self.peak_kb {
            assert!(
                kb < MEMORY_LIMIT_KB,
                "{}: peak memory {kb} kB is over {MEMORY_LIMIT_KB} kB",
                self.target.name()
            );
        }
    }
}

/// Peak resident set size of this process, from /proc (Linux).
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

thread_local! {
    static FUZZING: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

/// While fuzzing, a panic's message is kept for the report instead of printed; otherwise
/// panics show as usual.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if FUZZING.with(Cell::get) {
                LAST_PANIC.with(|last| *last.borrow_mut() = info.to_string());
            } else {
                previous(info);
            }
        }));
    });
}

/// The generator of execution `n`: each execution can be made again on its own.
pub fn rng_for(seed: u64, n: u64) -> Rng {
    let mut z = seed ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    Rng::with_seed(z ^ (z >> 31))
}

pub fn crash_dir() -> PathBuf {
    root().join("fuzz/crashes")
}

pub fn fuzz(target: Target, config: &Config) -> Figures {
    install_panic_hook();
    corpus();
    let mut figures = Figures::new(target);
    let started = Instant::now();
    for n in config.first..config.first + config.execs {
        let input = target.generate(&mut rng_for(config.seed, n), config.max_len);
        figures.largest_input = figures.largest_input.max(input.text.len());
        let (result, first) = execute_caught(target, &input);
        let took = if result.is_ok() {
            retime(target, &input, first)
        } else {
            first
        };
        figures.time(n, &input, first, took);
        figures.execs = n + 1 - config.first;
        match result {
            Ok(bits) => figures.count_outcomes(bits),
            Err(_) => {
                figures
                    .failures
                    .push(save_failure(target, config, n, &input));
                if figures.failures.len() >= MOST_FAILURES {
                    break;
                }
            }
        }
        show_progress(target, config, n, started);
    }
    figures.wall = started.elapsed();
    figures.peak_kb = peak_memory_kb();
    figures
}

/// Executes once under `catch_unwind`, a panic's message kept in `LAST_PANIC`; and the time
/// it took.
fn execute_caught(target: Target, input: &Input) -> (Result<u8, Box<dyn Any + Send>>, Duration) {
    FUZZING.with(|f| f.set(true));
    let began = Instant::now();
    let result = panic::catch_unwind(AssertUnwindSafe(|| target.execute(input)));
    let took = began.elapsed();
    FUZZING.with(|f| f.set(false));
    (result, took)
}

/// The fastest of `first` and three more timings, when `first` is over `RETIME_OVER`.
fn retime(target: Target, input: &Input, first: Duration) -> Duration {
    let mut took = first;
    if first > RETIME_OVER {
        for _ in 0..3 {
            let began = Instant::now();
            target.execute(input);
            took = took.min(began.elapsed());
        }
    }
    took
}

/// Writes a failing input to `fuzz/crashes/<target>-<n>.txt`, shows what failed and returns it.
fn save_failure(target: Target, config: &Config, n: u64, input: &Input) -> String {
    let message = LAST_PANIC.with(|last| last.borrow().clone());
    let path = crash_dir().join(format!("{}-{n}.txt", target.name()));
    let saved =
        std::fs::create_dir_all(crash_dir()).and_then(|()| std::fs::write(&path, &input.text));
    let report = format!(
        "{} seed {} execution {n} variant {}: {message}\n  input ({} bytes) in {}{}",
        target.name(),
        config.seed,
        input.variant,
        input.text.len(),
        path.display(),
        saved
            .err()
            .map_or(String::new(), |e| format!(" (not saved: {e})")),
    );
    eprintln!("{report}");
    report
}

/// Every tenth of a long run (from 100,000 executions), how far it got.
fn show_progress(target: Target, config: &Config, n: u64, started: Instant) {
    let progress_every = (config.execs / 10).max(1);
    if config.execs >= 100_000 && (n + 1 - config.first).is_multiple_of(progress_every) {
        eprintln!(
            "  {} {}/{} after {:.0} s",
            target.name(),
            n + 1,
            config.execs,
            started.elapsed().as_secs_f64()
        );
    }
}
