//! Fuzzes every public entry point of naqi with arbitrary bytes: none may panic, overflow the
//! stack or hang. Byte input goes through charset detection (`extract_bytes`); input that is
//! valid UTF-8 also goes through `extract` and `is_probably_readable` directly.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = naqi::Options::default();
    let _ = naqi::extract_bytes(data, &options);
    if let Ok(html) = std::str::from_utf8(data) {
        let _ = naqi::is_probably_readable(html);
        if let Ok(article) = naqi::extract(html, &options) {
            // The sanitized output is inserted into live pages: never a script element.
            assert!(!article
                .content_html
                .to_ascii_lowercase()
                .contains("<script"));
        }
    }
});
