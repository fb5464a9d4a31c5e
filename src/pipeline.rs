//! The one place that knows the stage order. (Provisional version: body text only.)

use crate::{Article, Error, Options};
use scraper::{Html, Selector};

pub(crate) fn run(html: &str, options: &Options) -> Result<Article, Error> {
    options.validate()?;
    if html.trim().is_empty() {
        return Err(Error::EmptyInput);
    }
    if html.len() > options.max_input_bytes {
        return Err(Error::InputTooLarge { size: html.len(), limit: options.max_input_bytes });
    }
    let doc = Html::parse_document(html);
    let p = Selector::parse("p").map_err(|_| Error::NoArticle)?;
    let t = Selector::parse("title").map_err(|_| Error::NoArticle)?;
    let title = doc.select(&t).next().map(|e| e.text().collect::<String>()).unwrap_or_default();
    let paras: Vec<String> = doc.select(&p).map(|e| e.text().collect::<String>()).collect();
    let text = paras.join("\n\n");
    Ok(Article {
        title,
        content_html: paras.iter().map(|p| format!("<p>{}</p>", ammonia::clean_text(p))).collect(),
        markdown: text.clone(),
        text,
        ..Article::default()
    })
}

pub(crate) fn is_probably_readable(html: &str) -> bool {
    html.contains("<p")
}
