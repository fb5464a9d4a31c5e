//! French labels of related and boilerplate blocks. Accents are folded before matching.

use super::Label;
use crate::RemovalKind::*;

pub(crate) const LABELS: &[Label] = &[
    Label::inline("lire aussi", ReadAlso),
    Label::inline("à lire aussi", ReadAlso),
    Label::inline("à lire également", ReadAlso),
    Label::inline("voir aussi", ReadAlso),
    Label::inline("lire la suite", ReadAlso),
    Label::inline("sur le même sujet", Related),
    Label::block("articles similaires", Related),
    Label::block("articles liés", Related),
    Label::block("dans la même rubrique", Related),
    Label::block("à découvrir", Recommended),
    Label::block("les plus lus", MostRead),
    Label::block("les plus consultés", MostRead),
    Label::block("nos derniers articles", LatestNews),
    Label::block("partager", Share),
    Label::block("partagez", Share),
    Label::block("suivez nous", FollowUs),
    Label::block("mots clés", Tags),
    Label::block("commentaires", Comments),
    Label::block("laisser un commentaire", Comments),
    Label::block("publicité", Ad),
];
