//! The review page's binary: mounts the app in the browser.

fn main() {
    #[cfg(target_arch = "wasm32")]
    review::mount();
}
