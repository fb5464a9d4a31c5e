//! Prints the extraction of one file (development aid).
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    match naqi::extract_bytes(
        &bytes,
        &naqi::Options::default().with_min_text_chars(
            std::env::var("MINC")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(140),
        ),
    ) {
        Ok(a) => {
            println!(
                "TITLE: {}\nLANG: {:?} DIR: {:?} PUB: {:?} SITE: {:?} IMG: {:?} BY: {:?}",
                a.title, a.lang, a.dir, a.published, a.site_name, a.lead_image, a.byline
            );
            for r in &a.removed {
                println!(
                    "REMOVED {:?} {} {:?} :: {}",
                    r.kind, r.rule, r.label, r.preview
                );
            }
            println!("---\n{}", a.text);
        }
        Err(e) => println!("ERROR {e}"),
    }
}
