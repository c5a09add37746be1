//! The browser entry point.

fn main() {
    // Panic messages in debug builds; release builds abort without the formatting code.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    pishkhan::app::start::start();
}
