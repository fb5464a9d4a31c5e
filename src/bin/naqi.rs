//! naqi CLI (in progress).
fn main() {}
