//! The URL type every stage resolves and checks addresses with: parse an absolute address,
//! join a relative one to a base, read the scheme, and write the result.
//!
//! - With the `url` feature (the default: the library, the CLI, Python) it is the `url` crate's
//!   [`Url`], which implements the WHATWG URL standard, Unicode host names included.
//! - Without it, in WebAssembly with the `wasm` feature (both .wasm builds of the npm package),
//!   it is the host's own WHATWG `URL` (browsers, workers and Node all have it), called through
//!   wasm-bindgen. Same standard, so the same results, and Unicode host names come from the
//!   host's IDNA instead of ≈ 50–130 KB of gzipped tables in the module. The number of calls is
//!   small (the base, the canonical URL, the lead image, and the links and images of the article).
//! - Without either (a native build with neither feature, which nothing ships), addresses are
//!   taken as written: an address with a scheme parses, a relative one cannot be joined and
//!   stays relative. The URL policy still only lets `http:`, `https:` and `mailto:` through.

#[cfg(feature = "url")]
pub(crate) use url::Url;

#[cfg(not(feature = "url"))]
pub(crate) use own::Url;

#[cfg(not(feature = "url"))]
mod own {
    /// An absolute address, in its serialized form (the `href`).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub(crate) struct Url {
        href: String,
    }

    /// An address that could not be parsed or joined.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(crate) struct ParseError;

    impl Url {
        /// Parses an absolute address.
        pub(crate) fn parse(input: &str) -> Result<Url, ParseError> {
            host::parse(input, None).map(|href| Url { href })
        }

        /// Resolves `input` against this address.
        pub(crate) fn join(&self, input: &str) -> Result<Url, ParseError> {
            host::parse(input, Some(&self.href)).map(|href| Url { href })
        }

        /// The scheme, without its `:` (lowercase, as both parsers write it).
        pub(crate) fn scheme(&self) -> &str {
            self.href.split(':').next().unwrap_or("")
        }
    }

    impl From<Url> for String {
        fn from(url: Url) -> String {
            url.href
        }
    }

    impl std::fmt::Display for Url {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.href)
        }
    }

    /// The host's WHATWG `URL`.
    #[cfg(all(feature = "wasm", target_arch = "wasm32"))]
    mod host {
        use super::ParseError;
        use wasm_bindgen::prelude::*;

        #[wasm_bindgen]
        extern "C" {
            #[wasm_bindgen(js_name = URL)]
            type JsUrl;

            #[wasm_bindgen(constructor, catch, js_class = "URL")]
            fn new(input: &str) -> Result<JsUrl, JsValue>;

            #[wasm_bindgen(constructor, catch, js_class = "URL")]
            fn new_with_base(input: &str, base: &str) -> Result<JsUrl, JsValue>;

            #[wasm_bindgen(method, getter)]
            fn href(this: &JsUrl) -> String;
        }

        /// `new URL(input, base).href`, or an error where the constructor throws.
        pub(super) fn parse(input: &str, base: Option<&str>) -> Result<String, ParseError> {
            let url = match base {
                Some(b) => JsUrl::new_with_base(input, b),
                None => JsUrl::new(input),
            };
            url.map(|u| u.href()).map_err(|_| ParseError)
        }
    }

    /// No URL parser: absolute addresses as written, relative ones unresolved.
    #[cfg(not(all(feature = "wasm", target_arch = "wasm32")))]
    mod host {
        use super::ParseError;

        pub(super) fn parse(input: &str, _base: Option<&str>) -> Result<String, ParseError> {
            let input = input.trim_matches(|c: char| c <= ' ');
            let (scheme, _) = input.split_once(':').ok_or(ParseError)?;
            let mut chars = scheme.chars();
            let first = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
            let rest = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
            if !(first && rest) {
                return Err(ParseError);
            }
            Ok(format!(
                "{}{}",
                scheme.to_ascii_lowercase(),
                input.get(scheme.len()..).unwrap_or("")
            ))
        }
    }

    #[cfg(test)]
    mod tests {
        use super::Url;

        #[test]
        fn absolute_addresses_parse_and_relative_ones_do_not_join() {
            let page = Url::parse("HTTPS://news.example/a");
            assert_eq!(page.as_ref().map(Url::scheme), Ok("https"));
            assert!(Url::parse("/relative").is_err());
            assert!(page.is_ok_and(|p| p.join("b").is_err()));
            assert_eq!(
                Url::parse("mailto:a@b").map(String::from).as_deref(),
                Ok("mailto:a@b")
            );
        }
    }
}
