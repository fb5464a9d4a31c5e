//! Prints the facts the package's JavaScript shares with the core (`naqi::facts`), as JSON;
//! `scripts/package.sh` writes them into `encodeDocument` (`npm/tree.js`).
//!
//!   cargo run --quiet --example js_facts

fn main() {
    println!("{}", naqi::facts::tree_encoder_json());
}
