//! Article facts from JSON-LD (`<script type="application/ld+json">`).
//!
//! The JSON is parsed by serde_json, or, in the browser build (no `html` feature, in
//! WebAssembly), by the host's `JSON.parse`: the same grammar, without ≈ 8 KB of gzipped parser
//! and tables in the module. Either way it becomes the small [`Value`] below, which keeps only
//! what is read here; scripts nested deeper than serde_json's limit (128) are refused by both.

/// A JSON value, reduced to what the article search reads.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    String(String),
    Array(Vec<Value>),
    /// Members in order; with a repeated key, the last one counts (as in JSON.parse).
    Object(Vec<(String, Value)>),
    /// Numbers, booleans and null.
    Other,
}

impl Value {
    fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Deepest nesting accepted, as serde_json's recursion limit.
#[cfg(all(not(feature = "html"), feature = "wasm", target_arch = "wasm32"))]
const MAX_DEPTH: usize = 128;

#[cfg(not(all(not(feature = "html"), feature = "wasm", target_arch = "wasm32")))]
fn parse_json(text: &str) -> Option<Value> {
    fn convert(v: serde_json::Value) -> Value {
        match v {
            serde_json::Value::String(s) => Value::String(s),
            serde_json::Value::Array(a) => Value::Array(a.into_iter().map(convert).collect()),
            serde_json::Value::Object(m) => {
                Value::Object(m.into_iter().map(|(k, v)| (k, convert(v))).collect())
            }
            _ => Value::Other,
        }
    }
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .map(convert)
}

#[cfg(all(not(feature = "html"), feature = "wasm", target_arch = "wasm32"))]
fn parse_json(text: &str) -> Option<Value> {
    use wasm_bindgen::JsCast;
    fn convert(v: &wasm_bindgen::JsValue, depth: usize) -> Option<Value> {
        if let Some(s) = v.as_string() {
            return Some(Value::String(s));
        }
        if let Some(array) = v.dyn_ref::<js_sys::Array>() {
            if depth >= MAX_DEPTH {
                return None;
            }
            return array
                .iter()
                .map(|x| convert(&x, depth + 1))
                .collect::<Option<_>>()
                .map(Value::Array);
        }
        if v.is_object() {
            if depth >= MAX_DEPTH {
                return None;
            }
            let object = js_sys::Object::unchecked_from_js_ref(v);
            let mut members = Vec::new();
            for entry in js_sys::Object::entries(object).iter() {
                let pair: js_sys::Array = entry.unchecked_into();
                let key = pair.get(0).as_string().unwrap_or_default();
                members.push((key, convert(&pair.get(1), depth + 1)?));
            }
            return Some(Value::Object(members));
        }
        Some(Value::Other)
    }
    let parsed = js_sys::JSON::parse(text).ok()?;
    convert(&parsed, 0)
}

/// What the page's JSON-LD says about its article.
#[derive(Debug, Default, Clone)]
pub(crate) struct JsonLd {
    pub headline: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub image: Option<String>,
    pub publisher: Option<String>,
    pub description: Option<String>,
    /// Some object's type names a discussion page (see [`super::kind::is_discussion_type`]).
    pub discussion: bool,
    /// Some object's type names a product (see [`super::kind::is_product_type`]).
    pub product: bool,
}

/// Types that describe an article (schema.org `Article` and its common subtypes).
const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "socialmediaposting",
    "liveblogposting",
    "techarticle",
    "scholarlyarticle",
    "report",
];

/// Most objects looked at across all JSON-LD blocks (bounds hostile input).
const MAX_OBJECTS: usize = 2_000;

/// Reads the first article object found in the given JSON-LD script texts.
pub(crate) fn parse<'a>(scripts: impl Iterator<Item = &'a str>) -> JsonLd {
    let mut out = JsonLd::default();
    let mut found = false;
    for script in scripts {
        let Some(value) = parse_json(script.trim()) else {
            continue;
        };
        out.discussion = out.discussion || declares(&value, super::kind::is_discussion_type);
        out.product = out.product || declares(&value, super::kind::is_product_type);
        if found {
            continue;
        }
        if let Some(article) = find_article(&value) {
            found = true;
            out.headline = string(article.get("headline")).or_else(|| string(article.get("name")));
            out.authors = names(article.get("author"));
            out.published = string(article.get("datePublished"));
            out.modified = string(article.get("dateModified"));
            out.image = image(article.get("image"));
            out.publisher = article.get("publisher").and_then(|p| match p {
                Value::Object(_) => string(p.get("name")),
                _ => string(Some(p)),
            });
            out.description = string(article.get("description"));
        }
    }
    out
}

/// Whether any object in `root` (at any depth) has a type that `is_type` accepts.
fn declares(root: &Value, is_type: fn(&str) -> bool) -> bool {
    let mut stack = vec![root];
    let mut seen = 0usize;
    while let Some(v) = stack.pop() {
        seen += 1;
        if seen > MAX_OBJECTS {
            return false;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter()),
            Value::Object(members) => {
                if types(v.get("@type")).any(is_type) {
                    return true;
                }
                stack.extend(members.iter().map(|(_, m)| m));
            }
            _ => {}
        }
    }
    false
}

/// The type names of a `@type` value (one string or an array of them).
fn types(t: Option<&Value>) -> impl Iterator<Item = &str> {
    let list: &[Value] = match t {
        Some(Value::Array(a)) => a,
        Some(one) => std::slice::from_ref(one),
        None => &[],
    };
    list.iter().filter_map(|x| match x {
        Value::String(s) => Some(s.as_str()),
        _ => None,
    })
}

/// Breadth-first search for an object whose `@type` is an article type.
fn find_article(root: &Value) -> Option<&Value> {
    let mut queue = std::collections::VecDeque::from([root]);
    let mut seen = 0usize;
    while let Some(v) = queue.pop_front() {
        seen += 1;
        if seen > MAX_OBJECTS {
            return None;
        }
        match v {
            Value::Array(items) => queue.extend(items.iter()),
            Value::Object(_) => {
                if is_article_type(v.get("@type")) {
                    return Some(v);
                }
                for key in [
                    "@graph",
                    "mainEntity",
                    "mainEntityOfPage",
                    "itemListElement",
                ] {
                    if let Some(child) = v.get(key) {
                        queue.push_back(child);
                    }
                }
            }
            _ => {}
        }
    }
    None
}

fn is_article_type(t: Option<&Value>) -> bool {
    match t {
        Some(Value::String(s)) => ARTICLE_TYPES.contains(&s.to_ascii_lowercase().as_str()),
        Some(Value::Array(a)) => a.iter().any(|x| is_article_type(Some(x))),
        _ => false,
    }
}

fn string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => {
            let t = s.trim();
            (!t.is_empty()).then(|| t.to_string())
        }
        Value::Array(a) => a.iter().find_map(|x| string(Some(x))),
        _ => None,
    }
}

fn names(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a.iter().flat_map(|x| names(Some(x))).collect(),
        Some(Value::Object(_)) => v.and_then(|o| string(o.get("name"))).into_iter().collect(),
        Some(Value::String(s)) if !s.trim().is_empty() && !s.starts_with("http") => {
            vec![s.trim().to_string()]
        }
        _ => Vec::new(),
    }
}

fn image(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| image(Some(x))),
        o @ Value::Object(_) => string(o.get("url")).or_else(|| string(o.get("contentUrl"))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_article_in_a_graph() {
        let s = r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
          {"@type":["NewsArticle"],"headline":" Headline ","author":[{"@type":"Person","name":"A"},{"name":"B"}],
           "datePublished":"2024-07-11","image":{"url":"https://x/i.jpg"},"publisher":{"name":"Pub"}}]}"#;
        let j = parse([s].into_iter());
        assert_eq!(j.headline.as_deref(), Some("Headline"));
        assert_eq!(j.authors, vec!["A", "B"]);
        assert_eq!(j.image.as_deref(), Some("https://x/i.jpg"));
        assert_eq!(j.publisher.as_deref(), Some("Pub"));
    }

    #[test]
    fn a_discussion_type_anywhere_is_seen() {
        let s = r#"{"@context":"https://schema.org","@type":"WebPage",
          "mainEntity":{"@type":"QAPage","name":"Q"}}"#;
        assert!(parse([s].into_iter()).discussion);
        let s = r#"[{"@type":"NewsArticle","headline":"H","comment":[{"@type":"Comment"}]}]"#;
        assert!(!parse([s].into_iter()).discussion);
        let s = r#"{"@type":["DiscussionForumPosting"],"headline":"T"}"#;
        assert!(parse([s].into_iter()).discussion);
    }

    #[test]
    fn a_product_type_anywhere_is_seen() {
        let s = r#"{"@graph":[{"@type":"WebPage"},{"@type":"Product","name":"Cup"}]}"#;
        assert!(parse([s].into_iter()).product);
        let s = r#"{"@type":"https://schema.org/ProductGroup","name":"Cup"}"#;
        assert!(parse([s].into_iter()).product);
        let s = r#"{"@type":"NewsArticle","headline":"Cups of the year"}"#;
        assert!(!parse([s].into_iter()).product);
    }

    #[test]
    fn broken_json_is_ignored() {
        let j = parse(["{not json", "[]"].into_iter());
        assert!(j.headline.is_none());
    }
}
