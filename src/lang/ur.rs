//! Urdu labels of related and boilerplate blocks.

use super::Label;
use crate::RemovalKind::*;

pub(crate) const LABELS: &[Label] = &[
    Label::new("مزید پڑھیں", ReadAlso),
    Label::new("یہ بھی پڑھیں", ReadAlso),
    Label::new("یہ بھی دیکھیں", ReadAlso),
    Label::new("متعلقہ خبریں", Related),
    Label::new("متعلقہ مضامین", Related),
    Label::new("مقبول ترین", MostRead),
    Label::new("زیادہ پڑھی جانے والی", MostRead),
    Label::new("تازہ ترین", LatestNews),
    Label::new("شیئر کریں", Share),
    Label::new("تبصرے", Comments),
    Label::new("اپنی رائے دیں", Comments),
    Label::new("ہمیں فالو کریں", FollowUs),
    Label::new("اشتہار", Ad),
];
