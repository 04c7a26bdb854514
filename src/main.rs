#[cfg(target_arch = "wasm32")]
fn main() {
    sportdash::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    sportdash::cli::run(std::env::args().skip(1).collect())
}
