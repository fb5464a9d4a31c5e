//! Unclosed inline elements: a bound on how many may be open at once.
//!
//! html5ever scans its stack of open elements at each paragraph start (to close an open `<p>`)
//! and at many end tags, so 100,000 unclosed `<b>` before 2,000 paragraphs take seconds, and
//! the nesting is then too deep to keep. Browsers bound such nesting too (Chromium puts
//! elements past depth 512 next to their parent; the Noah's-ark clause keeps at most three
//! alike formatting elements to reopen). Here, once [`MAX_OPEN_INLINE`] inline elements are
//! open inside the current container, further inline start tags are left out: their content
//! stays, in the innermost element kept.
//!
//! Open elements are counted per container level (`<div>`, `<section>`, ... as the depth count
//! of `prepare` sees them), since a container's end tag closes every inline element opened
//! inside it.

/// Most inline elements open at once (per container level) whose tags are kept. Real pages
/// stay below a few dozen.
pub(crate) const MAX_OPEN_INLINE: usize = 256;

/// Inline elements whose nesting is bounded: the formatting elements and `<span>`.
pub(super) const BOUNDED: &[&str] = &[
    "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    "span",
];

/// Open inline elements, counted per container level.
#[derive(Debug, Default)]
pub(super) struct OpenInline {
    /// Open inline elements per open container, outermost first (the document's level is not
    /// stored: it is `top`).
    levels: Vec<usize>,
    /// Open inline elements at the document's level.
    top: usize,
    /// All open inline elements.
    total: usize,
}

impl OpenInline {
    fn current(&mut self) -> &mut usize {
        self.levels.last_mut().unwrap_or(&mut self.top)
    }

    /// A container starts.
    pub(super) fn open_container(&mut self) {
        self.levels.push(0);
    }

    /// A container ends, closing the inline elements opened inside it.
    pub(super) fn close_container(&mut self) {
        if let Some(n) = self.levels.pop() {
            self.total = self.total.saturating_sub(n);
        }
    }

    /// An inline start tag: whether to keep it.
    pub(super) fn start(&mut self) -> bool {
        if self.total >= MAX_OPEN_INLINE {
            return false;
        }
        *self.current() += 1;
        self.total += 1;
        true
    }

    /// An inline end tag.
    pub(super) fn end(&mut self) {
        let current = self.current();
        if *current > 0 {
            *current -= 1;
            self.total = self.total.saturating_sub(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::prepare;
    use super::MAX_OPEN_INLINE;

    #[test]
    fn deep_unclosed_inline_tags_are_bounded() {
        let html = format!("{}<p>text</p>", "<b>".repeat(MAX_OPEN_INLINE + 500));
        let prepared = prepare(&html);
        assert_eq!(prepared.matches("<b>").count(), MAX_OPEN_INLINE);
        assert!(prepared.ends_with("<p>text</p>"));
    }

    #[test]
    fn closed_and_contained_inline_tags_are_kept() {
        let closed = "<b>x</b>".repeat(MAX_OPEN_INLINE * 2);
        assert_eq!(prepare(&closed), closed);
        let contained = "<div><span>x</div>".repeat(MAX_OPEN_INLINE * 2);
        assert_eq!(prepare(&contained), contained);
    }
}
