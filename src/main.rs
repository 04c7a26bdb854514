//! The dashboard's entry point: in the browser it mounts the app. Natively there is nothing to
//! run: the command line is `sportdash` (crates/cli), the dashboard is built with Trunk.

#[cfg(target_arch = "wasm32")]
fn main() {
    dashboard::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "The dashboard runs in a browser: build it with `trunk build --release` (README.md). \
         The command line is `cargo sportdash` (crates/cli)."
    );
    std::process::ExitCode::from(2)
}
