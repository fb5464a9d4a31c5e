//! What kind of page this is, from what the page declares about itself: a discussion (a forum
//! thread, a question with its answers) keeps its replies, which elsewhere are furniture.
//!
//! The evidence is general, never one site's: schema.org types written as JSON-LD or microdata
//! (`DiscussionForumPosting`, `QAPage`), and the path shapes forum engines give a thread's
//! address (`/threads/…`, `/t/…`, `/topic/…`, `viewtopic.php`, `showthread.php`). A news
//! article with a comments section declares neither, so its comments still go.

/// What a page is, as far as the stages after parsing care.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PageKind {
    /// An article, a listing, a product: anything but a discussion. Comments are furniture.
    #[default]
    Other,
    /// A forum thread: the first post and its replies (however the platform names them:
    /// comments, replies, messages) are the content.
    Thread,
    /// A question whose answers are marked up as `Answer` items: the answers are the content,
    /// and comments are the readers' remarks on a post, furniture as elsewhere.
    Answers,
}

impl PageKind {
    /// The kind of a page that declares itself a discussion (or not) and marks up its answers
    /// (or not).
    pub(crate) fn of(discussion: bool, answers: bool) -> PageKind {
        match (discussion, answers) {
            (false, _) => PageKind::Other,
            (true, false) => PageKind::Thread,
            (true, true) => PageKind::Answers,
        }
    }

    /// Whether the page's comments and replies are its content.
    pub(crate) fn keeps_comments(self) -> bool {
        self == PageKind::Thread
    }
}

/// schema.org types of a shop's item: a page that declares one is a product page.
const PRODUCT_TYPES: &[&str] = &["product", "productgroup"];

/// Whether a schema.org type (`Product`, `https://schema.org/ProductGroup`) names a product.
pub(crate) fn is_product_type(t: &str) -> bool {
    let name = schema_name(t);
    PRODUCT_TYPES.iter().any(|d| name.eq_ignore_ascii_case(d))
}

/// Whether a schema.org type names an answer.
pub(crate) fn is_answer_type(t: &str) -> bool {
    schema_name(t).eq_ignore_ascii_case("answer")
}

/// The type's name without its vocabulary (`https://schema.org/QAPage` → `QAPage`).
fn schema_name(t: &str) -> &str {
    t.trim().rsplit(['/', ':', '#']).next().unwrap_or("")
}

/// schema.org types whose page is a discussion: a forum thread, a question with its answers.
/// (`Comment`, `Question` and `Answer` alone are not enough: blogs mark their comments, and FAQ
/// sections their questions, with them.)
const DISCUSSION_TYPES: &[&str] = &["discussionforumposting", "qapage"];

/// Whether a schema.org type (`QAPage`, `https://schema.org/QAPage`, `schema:QAPage`) names a
/// discussion page.
pub(crate) fn is_discussion_type(t: &str) -> bool {
    let name = schema_name(t);
    DISCUSSION_TYPES
        .iter()
        .any(|d| name.eq_ignore_ascii_case(d))
}

/// Path segments after which forum engines put one thread's slug: XenForo `/threads/slug.123/`,
/// `/thread/slug/`. Any slug follows them.
const THREAD_SEGMENTS: &[&str] = &["threads", "thread"];

/// Path segments after which forum engines put one thread's number: Invision and NodeBB
/// `/topic/123-slug`, Vanilla `/discussion/123/slug`, Flarum `/d/123-slug`, Discourse
/// `/t/slug/123`. Sites also use these words for a subject's page (`/topic/history-of-coffee`):
/// the thread's number must follow (or open the next segment), or a forum segment precede
/// (bbPress `/forums/topic/slug/`).
const NUMBERED_SEGMENTS: &[&str] = &["topic", "showtopic", "discussion", "d", "t"];

/// Script names of a thread page in phpBB, vBulletin, punBB/FluxBB and similar engines.
const THREAD_SCRIPTS: &[&str] = &[
    "viewtopic.php",
    "showthread.php",
    "showtopic.php",
    "topic_show.pl",
];

/// Whether an address has the shape of one forum thread's page. A relative address (a page
/// saved with `href="viewtopic.php?id=…"`) counts as well.
pub(crate) fn is_thread_address(address: &str) -> bool {
    let address = address.trim();
    // The path: after the scheme and host when there are some, up to the query or fragment.
    let path = match address.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |i| rest.get(i..).unwrap_or("")),
        None => address,
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let is = |s: &str, list: &[&str]| list.iter().any(|w| s.eq_ignore_ascii_case(w));
    if segments.last().is_some_and(|last| is(last, THREAD_SCRIPTS)) {
        return true;
    }
    let numbered = |s: &str| s.bytes().next().is_some_and(|b| b.is_ascii_digit());
    segments.iter().enumerate().any(|(i, segment)| {
        let Some(slug) = segments.get(i + 1) else {
            return false;
        };
        if is(segment, THREAD_SEGMENTS) {
            return slug.chars().any(|c| c.is_alphanumeric());
        }
        is(segment, NUMBERED_SEGMENTS)
            && (numbered(slug)
                || segments
                    .get(i + 2)
                    .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
                || i > 0
                    && segments
                        .get(i - 1)
                        .is_some_and(|f| is(f, &["forum", "forums"])))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discussion_types_in_any_spelling() {
        assert!(is_discussion_type("DiscussionForumPosting"));
        assert!(is_discussion_type("https://schema.org/QAPage"));
        assert!(is_discussion_type("schema:QAPage"));
        assert!(!is_discussion_type("Comment"));
        assert!(!is_discussion_type("NewsArticle"));
    }

    #[test]
    fn thread_addresses() {
        for a in [
            "https://forum.example.org/threads/a-question.1234/",
            "https://community.example.com/t/some-topic/5678",
            "https://example.com/forums/topic/42/",
            "https://forum.example.net/viewtopic.php?t=77",
            "showthread.php?t=12",
            "https://discuss.example.org/d/99-a-thread",
            "https://example.com/discussion/123/title",
        ] {
            assert!(is_thread_address(a), "{a}");
        }
        for a in [
            "https://example.com/forums/",
            "https://example.com/threads/",
            "https://example.com/topics/climate",
            "https://example.com/topic/history-of-coffee",
            "https://example.com/2024/05/a-story.html",
            "https://example.com/t/",
        ] {
            assert!(!is_thread_address(a), "{a}");
        }
    }
}
