fn main() -> std::process::ExitCode {
    sportdash::run(std::env::args().skip(1).collect())
}
