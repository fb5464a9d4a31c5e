//! French labels of related and boilerplate blocks. Accents are folded before matching.

use super::{Boilerplate, Label};
use crate::RemovalKind::*;

pub(crate) const LABELS: &[Label] = &[
    Label::new("lire aussi", ReadAlso),
    Label::new("à lire aussi", ReadAlso),
    Label::new("à lire également", ReadAlso),
    Label::new("voir aussi", ReadAlso),
    Label::new("lire la suite", ReadAlso),
    Label::new("sur le même sujet", Related),
    Label::new("articles similaires", Related),
    Label::new("articles liés", Related),
    Label::new("dans la même rubrique", Related),
    Label::new("à découvrir", Recommended),
    Label::new("les plus lus", MostRead),
    Label::new("les plus consultés", MostRead),
    Label::new("nos derniers articles", LatestNews),
    Label::new("partager", Share),
    Label::new("partagez", Share),
    Label::new("suivez nous", FollowUs),
    Label::new("mots clés", Tags),
    Label::new("commentaires", Comments),
    Label::new("laisser un commentaire", Comments),
    Label::new("publicité", Ad),
    // Next and previous article blocks, with the other article's headline and excerpt.
    Label::new("article suivant", OtherArticle),
    Label::new("article précédent", OtherArticle),
    Label::new("à suivre", OtherArticle),
];

/// French function words: left out when comparing what two texts are about
/// (see [`Topic`](super::topic::Topic)).
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "un", "une", "et", "en", "à", "au", "aux", "pour", "par",
    "sur", "dans", "que", "qui", "est", "sont", "a", "ont", "avec", "ce", "cette", "ces", "il",
    "elle", "ils", "elles", "ne", "pas", "plus", "se", "son", "sa", "ses", "leur", "leurs", "été",
    "être", "l", "d", "qu", "n", "s",
];

/// How French articles sign off: a source line ("...:" prefix) or an agency credit, the last
/// line of an article and so a sign that a teaser, not the article, follows.
pub(crate) const SIGN_OFFS: &[&str] = &["source", "avec afp", "afp", "reuters"];

/// French lines sites print inside the article that are not part of it: news-ID lines,
/// photo credits, "continued" and "end of message" markers, editorial disclaimers.
pub(crate) const BOILERPLATE: &[Boilerplate] = &[
    Boilerplate::Opens("crédit photo"),
    Boilerplate::Opens("photo"),
    Boilerplate::Whole("à suivre"),
    Boilerplate::Contains("n'engagent que leur auteur"),
    Boilerplate::Contains("n'engagent que son auteur"),
];
