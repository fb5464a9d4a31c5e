//! The Python result types: `Article`, `Removal`, `ReadingTime`. Immutable (`frozen`), with
//! the field names of the Rust structs in snake_case.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

/// One block that was removed from the page, for the removal report.
#[pyclass(module = "naqi", frozen, get_all, eq)]
#[derive(Clone, PartialEq)]
pub struct Removal {
    /// The stage that removed it: `"clean"`, `"related"`, `"unlikely"`, `"postprocess"`.
    stage: String,
    /// What the block was: `"read-also"`, `"related"`, `"share"`, `"hidden"`, ...
    kind: String,
    /// The rule that removed it, e.g. `"label-box"`; one of `naqi.REMOVAL_RULES`.
    rule: String,
    /// The label as the page wrote it, when a label matched.
    label: Option<String>,
    /// The first words of the removed text.
    preview: String,
}

#[pymethods]
impl Removal {
    /// The removal as a plain `dict`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("stage", &self.stage)?;
        d.set_item("kind", &self.kind)?;
        d.set_item("rule", &self.rule)?;
        d.set_item("label", &self.label)?;
        d.set_item("preview", &self.preview)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "Removal(stage={:?}, kind={:?}, rule={:?}, label={:?})",
            self.stage, self.kind, self.rule, self.label
        )
    }
}

/// Estimated reading time, a range of whole minutes.
#[pyclass(module = "naqi", frozen, get_all, eq)]
#[derive(Clone, PartialEq)]
pub struct ReadingTime {
    /// Minutes for a fast reader.
    min_minutes: u32,
    /// Minutes for a slow reader.
    max_minutes: u32,
}

#[pymethods]
impl ReadingTime {
    fn __repr__(&self) -> String {
        format!(
            "ReadingTime(min_minutes={}, max_minutes={})",
            self.min_minutes, self.max_minutes
        )
    }
}

/// A page's own article, cleaned, with its metadata and what was removed.
#[pyclass(module = "naqi", frozen, get_all)]
pub struct Article {
    title: String,
    byline: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    site_name: Option<String>,
    lang: Option<String>,
    /// `"rtl"` or `"ltr"`.
    dir: String,
    excerpt: Option<String>,
    lead_image: Option<String>,
    canonical_url: Option<String>,
    content_html: String,
    text: String,
    markdown: String,
    word_count: usize,
    reading_time: ReadingTime,
    removed: Vec<Removal>,
}

impl From<naqi::Article> for Article {
    fn from(a: naqi::Article) -> Self {
        Article {
            title: a.title,
            byline: a.byline,
            published: a.published,
            modified: a.modified,
            site_name: a.site_name,
            lang: a.lang,
            dir: a.dir.as_str().to_string(),
            excerpt: a.excerpt,
            lead_image: a.lead_image,
            canonical_url: a.canonical_url,
            content_html: a.content_html,
            text: a.text,
            markdown: a.markdown,
            word_count: a.word_count,
            reading_time: ReadingTime {
                min_minutes: a.reading_time.min_minutes,
                max_minutes: a.reading_time.max_minutes,
            },
            removed: a
                .removed
                .into_iter()
                .map(|r| Removal {
                    stage: r.stage.as_str().to_string(),
                    kind: r.kind.as_str().to_string(),
                    rule: r.rule.as_str().to_string(),
                    label: r.label,
                    preview: r.preview,
                })
                .collect(),
        }
    }
}

#[pymethods]
impl Article {
    /// The kinds of the removed blocks, each once, in the order first seen.
    #[getter]
    fn removed_kinds(&self) -> Vec<String> {
        let mut kinds: Vec<String> = Vec::new();
        for r in &self.removed {
            if !kinds.contains(&r.kind) {
                kinds.push(r.kind.clone());
            }
        }
        kinds
    }

    /// The article as a plain `dict` of built-in types (JSON-ready), keys as the attributes.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("title", &self.title)?;
        d.set_item("byline", &self.byline)?;
        d.set_item("published", &self.published)?;
        d.set_item("modified", &self.modified)?;
        d.set_item("site_name", &self.site_name)?;
        d.set_item("lang", &self.lang)?;
        d.set_item("dir", &self.dir)?;
        d.set_item("excerpt", &self.excerpt)?;
        d.set_item("lead_image", &self.lead_image)?;
        d.set_item("canonical_url", &self.canonical_url)?;
        d.set_item("content_html", &self.content_html)?;
        d.set_item("text", &self.text)?;
        d.set_item("markdown", &self.markdown)?;
        d.set_item("word_count", self.word_count)?;
        let reading = PyDict::new(py);
        reading.set_item("min_minutes", self.reading_time.min_minutes)?;
        reading.set_item("max_minutes", self.reading_time.max_minutes)?;
        d.set_item("reading_time", reading)?;
        let removed = PyList::empty(py);
        for r in &self.removed {
            removed.append(r.to_dict(py)?)?;
        }
        d.set_item("removed", removed)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "Article(title={:?}, lang={:?}, dir={:?}, word_count={}, removed={})",
            self.title,
            self.lang,
            self.dir,
            self.word_count,
            self.removed.len()
        )
    }
}
