//! Hostile page shapes, shared by `tests/hostile.rs`, `tests/sanitize_oracle.rs` and the
//! `hostile` benchmark group. Each takes a scale `n` (1, 4, 16, ...): the hostile part grows
//! linearly with it, so the time of a linear extractor does too.

#![allow(dead_code)]

/// An article paragraph long enough to count as body text.
pub const PARAGRAPH: &str = "أعلنت الهيئة العامة للأرصاد، صباح اليوم، أن موجة من الأمطار \
الغزيرة ستضرب المناطق الشمالية خلال الأيام الثلاثة المقبلة، ودعت المواطنين إلى توخي الحذر، \
وتجنب السفر غير الضروري، والابتعاد عن مجاري السيول والأودية.";

/// A page with `body` inside an `<article>`, after a heading.
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">\
         <title>{title}</title></head><body><article><h1>عنوان الخبر الرئيسي اليوم</h1>\
         <p>{PARAGRAPH}</p>{body}<p>{PARAGRAPH}</p></article></body></html>"
    )
}

/// One long text run dense in `&nbsp;`, `&amp;` and U+0080–U+00BF characters (« » © °),
/// which the old sanitizer serialized in quadratic time.
pub fn entity_dense(n: usize) -> String {
    entity_run(10_000 * n)
}

/// [`entity_dense`] with `repeats` repetitions of its seven-word pattern.
pub fn entity_run(repeats: usize) -> String {
    let run = "كلمة&nbsp;«نص»&amp;©&nbsp;°".repeat(repeats);
    page("خبر", &format!("<p>{PARAGRAPH} {run}</p>"))
}

/// Unclosed formatting tags before the paragraphs (html5ever scans its open elements at each
/// paragraph: the square of the depth).
pub fn deep_formatting(n: usize) -> String {
    let opens = "<b>".repeat(25_000 * n);
    let paragraphs = format!("<p>{PARAGRAPH}</p>").repeat(200);
    page("خبر", &format!("{opens}{paragraphs}"))
}

/// Unclosed `<span>`s before the paragraphs: the same scan as formatting tags.
pub fn deep_inline(n: usize) -> String {
    let opens = "<span>".repeat(25_000 * n);
    let paragraphs = format!("<p>{PARAGRAPH}</p>").repeat(200);
    page("خبر", &format!("{opens}{paragraphs}"))
}

/// Container nesting far deeper than any page, with text at every level.
pub fn deep_containers(n: usize) -> String {
    let opens = "<div>نص ".repeat(10_000 * n);
    page("خبر", &opens)
}

/// Very many sibling paragraphs and inline elements.
pub fn wide_siblings(n: usize) -> String {
    let items = "<span>كلمة</span> ".repeat(20_000 * n);
    let paragraphs = format!("<p>{PARAGRAPH}</p>").repeat(500 * n);
    page("خبر", &format!("<p>{items}</p>{paragraphs}"))
}

/// Huge attribute values: a link address, a class and an image address.
pub fn huge_attributes(n: usize) -> String {
    let long = "a".repeat(200_000 * n);
    page(
        "خبر",
        &format!(
            "<p class=\"{long}\"><a href=\"https://example.com/{long}\">رابط</a> {PARAGRAPH}\
             <img src=\"https://example.com/{long}.jpg\" alt=\"{long}\"></p>"
        ),
    )
}

/// A title of millions of characters, with `&` characters no reference follows.
pub fn long_title(n: usize) -> String {
    let title = "عنوان & طويل جدا ".repeat(12_500 * n);
    let meta = format!(
        "<meta property=\"og:site_name\" content=\"{title}\">\
         <meta name=\"author\" content=\"{title}\">\
         <meta name=\"description\" content=\"{title}\">"
    );
    page(&format!("{title}</title>{meta}<title>"), "")
}

/// A normal page with one NUL byte in its title.
pub fn nul_byte(n: usize) -> String {
    let body = format!("<p>{PARAGRAPH}</p>").repeat(n);
    page("عنوان\0الخبر", &body)
}

/// XSS payloads in every field that carries an address.
pub fn url_payloads(n: usize) -> String {
    let links = "<a href=\"javascript:alert(1)\">j</a> <a href=\"livescript:x\">l</a> \
        <a href=\"file:///etc/passwd\">f</a> <img src=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\" alt=\"d\"> \
        <a href=\" jav&#x09;ascript:alert(1)\">t</a> <a href=\"vbscript:x\">v</a> "
        .repeat(n);
    format!(
        "<!doctype html><html><head><title>Payloads</title>\
         <link rel=\"canonical\" href=\"javascript:alert(1)\">\
         <meta property=\"og:image\" content=\"data:text/html,<script>alert(1)</script>\">\
         </head><body><article><h1>Payloads</h1><p>{PARAGRAPH} {links}</p>\
         <p>{PARAGRAPH}</p></article></body></html>"
    )
}

/// Builds a shape at a scale.
pub type Shape = fn(usize) -> String;

/// Every shape, by name.
pub const SHAPES: &[(&str, Shape)] = &[
    ("entity-dense", entity_dense),
    ("deep-formatting", deep_formatting),
    ("deep-inline", deep_inline),
    ("deep-containers", deep_containers),
    ("wide-siblings", wide_siblings),
    ("huge-attributes", huge_attributes),
    ("long-title", long_title),
    ("nul-byte", nul_byte),
    ("url-payloads", url_payloads),
];
