//! Urdu labels of related and boilerplate blocks.

use super::Label;
use crate::RemovalKind::*;

pub(crate) const LABELS: &[Label] = &[
    Label::inline("مزید پڑھیں", ReadAlso),
    Label::inline("یہ بھی پڑھیں", ReadAlso),
    Label::inline("یہ بھی دیکھیں", ReadAlso),
    Label::inline("متعلقہ خبریں", Related),
    Label::block("متعلقہ مضامین", Related),
    Label::block("مقبول ترین", MostRead),
    Label::block("زیادہ پڑھی جانے والی", MostRead),
    Label::block("تازہ ترین", LatestNews),
    Label::block("شیئر کریں", Share),
    Label::block("تبصرے", Comments),
    Label::block("اپنی رائے دیں", Comments),
    Label::block("ہمیں فالو کریں", FollowUs),
    Label::block("اشتہار", Ad),
];
