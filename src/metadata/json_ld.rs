//! Article facts from JSON-LD (`<script type="application/ld+json">`).

use serde_json::Value;

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
    for script in scripts {
        let Ok(value) = serde_json::from_str::<Value>(script.trim()) else {
            continue;
        };
        if let Some(article) = find_article(&value) {
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
            return out;
        }
    }
    out
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
            Value::Object(map) => {
                if is_article_type(map.get("@type")) {
                    return Some(v);
                }
                for key in [
                    "@graph",
                    "mainEntity",
                    "mainEntityOfPage",
                    "itemListElement",
                ] {
                    if let Some(child) = map.get(key) {
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
    fn broken_json_is_ignored() {
        let j = parse(["{not json", "[]"].into_iter());
        assert!(j.headline.is_none());
    }
}
