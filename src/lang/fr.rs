//! French labels of related and boilerplate blocks. Accents are folded before matching.

use super::Label;
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
];
