//! English labels of related and boilerplate blocks.

use super::{Boilerplate, Label};
use crate::RemovalKind::*;

pub(crate) const LABELS: &[Label] = &[
    Label::new("read also", ReadAlso),
    Label::new("also read", ReadAlso),
    Label::new("read more", ReadAlso),
    Label::new("see also", ReadAlso),
    Label::new("read next", ReadAlso),
    Label::new("more on this", ReadAlso),
    Label::new("more on this story", ReadAlso),
    Label::new("related", Related),
    Label::new("related articles", Related),
    Label::new("related stories", Related),
    Label::new("related posts", Related),
    Label::new("related content", Related),
    Label::new("related news", Related),
    Label::new("related coverage", Related),
    Label::new("related topics", Related),
    Label::new("more stories", Related),
    Label::new("more from", Related),
    Label::new("more in", Related),
    Label::new("what to read next", Related),
    Label::new("you may also like", Recommended),
    Label::new("you might also like", Recommended),
    // A shop's other products under the product's page.
    Label::new("related products", Related),
    Label::new("related items", Related),
    Label::new("similar items", Related),
    Label::new("similar products", Related),
    Label::new("explore related items", Related),
    Label::new("seller s other items", Recommended),
    Label::new("people who viewed this item also viewed", Recommended),
    Label::new("customers who viewed this item also viewed", Recommended),
    Label::new("customers who bought this item also bought", Recommended),
    Label::new("customers also viewed", Recommended),
    Label::new("customers also bought", Recommended),
    Label::new("frequently bought together", Recommended),
    Label::new("recommended", Recommended),
    Label::new("recommended for you", Recommended),
    Label::new("editors picks", Recommended),
    Label::new("editor s picks", Recommended),
    Label::new("don t miss", Recommended),
    Label::new("most read", MostRead),
    Label::new("most popular", MostRead),
    Label::new("most viewed", MostRead),
    Label::new("trending", MostRead),
    Label::new("trending now", MostRead),
    Label::new("latest news", LatestNews),
    Label::new("latest stories", LatestNews),
    Label::new("top stories", LatestNews),
    Label::new("share", Share),
    Label::new("share this", Share),
    Label::new("share this article", Share),
    Label::new("share this story", Share),
    Label::new("follow us", FollowUs),
    Label::new("tags", Tags),
    Label::new("topics", Tags),
    Label::new("comments", Comments),
    Label::new("leave a comment", Comments),
    Label::new("leave a reply", Comments),
    Label::new("join the conversation", Comments),
    Label::new("newsletter", Newsletter),
    Label::new("sign up for our newsletter", Newsletter),
    Label::new("subscribe to our newsletter", Newsletter),
    Label::new("advertisement", Ad),
    Label::new("sponsored", Ad),
    Label::new("sponsored content", Ad),
    // Next and previous article blocks, with the other article's headline and excerpt.
    Label::new("next article", OtherArticle),
    Label::new("previous article", OtherArticle),
    Label::new("next story", OtherArticle),
    Label::new("previous story", OtherArticle),
    Label::new("next post", OtherArticle),
    Label::new("previous post", OtherArticle),
    Label::new("up next", OtherArticle),
];

/// English function words: left out when comparing what two texts are about
/// (see [`Topic`](super::topic::Topic)).
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "but", "is", "are", "was",
    "were", "be", "been", "being", "with", "by", "at", "from", "as", "that", "this", "these",
    "those", "it", "its", "he", "she", "they", "we", "you", "i", "his", "her", "their", "our",
    "not", "no", "will", "would", "can", "could", "has", "have", "had", "said", "says", "than",
    "then", "there", "which", "who", "whom", "what", "when", "where", "how", "after", "before",
    "over", "under", "about", "into", "also", "more", "most", "new", "s",
];

/// How English articles sign off: a source line ("...:" prefix) or an agency credit, the last
/// line of an article and so a sign that a teaser, not the article, follows.
pub(crate) const SIGN_OFFS: &[&str] = &[
    "source",
    "sources",
    "reuters",
    "ap",
    "afp",
    "associated press",
    "agence france presse",
];

/// English lines sites print inside the article that are not part of it: news-ID lines,
/// photo credits, "continued" and "end of message" markers, editorial disclaimers.
pub(crate) const BOILERPLATE: &[Boilerplate] = &[
    Boilerplate::Opens("news id"),
    Boilerplate::Opens("story id"),
    Boilerplate::Opens("photo"),
    Boilerplate::Opens("photo credit"),
    Boilerplate::Opens("image credit"),
    Boilerplate::Whole("continued"),
    Boilerplate::Whole("to be continued"),
    Boilerplate::Whole("end of story"),
    Boilerplate::Contains("views expressed"),
    Boilerplate::Contains("do not necessarily reflect"),
    Boilerplate::Contains("does not necessarily reflect"),
];
