//! Urdu labels of related and boilerplate blocks.

use super::{Boilerplate, Label};
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
    // Next and previous article blocks, with the other article's headline and excerpt.
    Label::new("اگلی خبر", OtherArticle),
    Label::new("پچھلی خبر", OtherArticle),
    Label::new("اگلا مضمون", OtherArticle),
    Label::new("پچھلا مضمون", OtherArticle),
    Label::new("اگلی پوسٹ", OtherArticle),
    Label::new("پچھلی پوسٹ", OtherArticle),
];

/// Urdu function words: left out when comparing what two texts are about
/// (see [`Topic`](super::topic::Topic)).
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "کے", "کی", "کا", "میں", "سے", "کو", "نے", "اور", "پر", "یہ", "وہ", "ہے", "ہیں", "تھا", "تھی",
    "تھے", "بھی", "کہ", "ایک", "لیے", "گیا", "گئی", "گئے", "کیا", "کر", "کرنے", "رہا", "رہی", "ہو",
    "ہوا", "جو", "اس", "ان", "تک", "بعد", "پہلے",
];

/// How Urdu articles sign off: a source line ("...:" prefix) or an agency credit, the last
/// line of an article and so a sign that a teaser, not the article, follows.
pub(crate) const SIGN_OFFS: &[&str] = &["ذریعہ", "ماخذ", "اے پی پی"];

/// Urdu lines sites print inside the article that are not part of it: news-ID lines,
/// photo credits, "continued" and "end of message" markers, editorial disclaimers.
pub(crate) const BOILERPLATE: &[Boilerplate] = &[
    Boilerplate::Opens("خبر نمبر"),
    Boilerplate::Opens("فوٹو"),
    Boilerplate::Opens("تصویر"),
    Boilerplate::Whole("جاری ہے"),
    Boilerplate::Contains("ادارے کا متفق ہونا ضروری نہیں"),
    Boilerplate::Contains("ادارے کی پالیسی کا عکاس نہیں"),
];
