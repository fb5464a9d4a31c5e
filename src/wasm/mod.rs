//! wasm-bindgen exports (in progress).
