// UI strings of the reading view (English and Arabic here; Persian and Urdu in
// strings-fa-ur.js) and the preferences it accepts.
// Defines: THEMES, WIDTHS, FONTS, ALIGNS, DIGITS, MIN_FONT_SIZE, MAX_FONT_SIZE, FONT_STEP,
// LINE_HEIGHTS, WORD_SPACINGS, DEFAULT_PREFS, STRINGS, RTL_UI, UI_LANGS, normalizePrefs(),
// pickUiLang().

const THEMES = ["light", "sepia", "dark", "custom"];
const WIDTHS = ["narrow", "medium", "wide"];
/** 'auto': Naskh for Arabic and Persian, Nastaliq for Urdu, a serif face for other scripts. */
const FONTS = ["auto", "serif", "sans", "nastaliq"];
const ALIGNS = ["start", "justify"];
/** 'auto': digits as the article writes them. */
const DIGITS = ["auto", "arabic", "persian", "western"];
const MIN_FONT_SIZE = 14;
const MAX_FONT_SIZE = 32;
const FONT_STEP = 2;
/** Line heights (0 = the script's own: 1.9 for Arabic script, 1.65 otherwise). */
const LINE_HEIGHTS = [0, 1.4, 1.6, 1.8, 2, 2.2, 2.4, 2.6];
/** Word spacing in em. Letter spacing is not offered: it breaks Arabic joining. */
const WORD_SPACINGS = [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4];
const COLOR = /^#[0-9a-f]{6}$/i;

const DEFAULT_PREFS = Object.freeze({
  theme: "light",
  fontSize: 20,
  width: "medium",
  font: "auto",
  lineHeight: 0,
  wordSpacing: 0,
  align: "start",
  digits: "auto",
  tashkeel: true,
  background: "#fdf6e3",
  foreground: "#1f2a30",
  rate: 1,
});

const STRINGS = {
  en: {
    toolbar: "Reading view controls",
    skip: "Skip to the article",
    typography: "Text and colours",
    theme: "Colours",
    light: "Light",
    sepia: "Sepia",
    dark: "Dark",
    custom: "Custom",
    background: "Background",
    textColor: "Text colour",
    size: "Text size",
    smaller: "Smaller text",
    larger: "Larger text",
    lineHeight: "Line spacing",
    tighter: "Less line spacing",
    looser: "More line spacing",
    wordSpacing: "Word spacing",
    wordsCloser: "Words closer",
    wordsApart: "Words further apart",
    width: "Line width",
    narrow: "Narrow",
    medium: "Medium",
    wide: "Wide",
    align: "Alignment",
    alignStart: "Ragged edge",
    justify: "Justified",
    font: "Typeface",
    auto: "Automatic",
    serif: "Naskh (serif)",
    sans: "Sans",
    nastaliq: "Nastaliq",
    digits: "Digits",
    digitsAuto: "As written",
    arabic: "٠١٢ Arabic",
    persian: "۰۱۲ Persian",
    western: "012 Western",
    tashkeel: "Show diacritics (tashkeel)",
    progress: "Reading progress",
    listen: "Read aloud",
    pause: "Pause",
    resume: "Resume",
    stop: "Stop reading",
    previous: "Previous paragraph",
    next: "Next paragraph",
    speed: "Speed",
    slower: "Slower",
    faster: "Faster",
    voice: "Voice",
    noVoice: (language) =>
      `No voice for ${language} is installed on this device, so the article cannot be read aloud. Add one in the system's speech settings.`,
    noSpeech: "Read aloud is not available in this browser",
    copyText: "Copy the article as text",
    copyMarkdown: "Copy the article as Markdown",
    print: "Print",
    close: "Close the reading view",
    copied: "Copied",
    copyFailed: "Could not copy",
    removed: "Removed blocks",
    nothingRemoved: "Nothing was removed.",
    showPlace: "Show where it was",
    putBack: "Put back",
    takeOut: "Remove again",
    placeUnknown: "Its place in the article is unknown; shown at the end.",
    restored: "Put back",
    minutes: (min, max) => `${min === max ? min : `${min}–${max}`} min read`,
    kinds: {
      "read-also": "Read also",
      related: "Related articles",
      "most-read": "Most read",
      recommended: "Recommended",
      "latest-news": "Latest news",
      share: "Share buttons",
      "follow-us": "Follow us",
      tags: "Tags",
      comments: "Comments",
      newsletter: "Newsletter",
      ad: "Advertisement",
      "link-list": "List of links",
      "other-article": "Another article",
      boilerplate: "Site notice",
    },
  },
  ar: {
    toolbar: "أدوات عرض القراءة",
    skip: "انتقل إلى المقال",
    typography: "الخط والألوان",
    theme: "الألوان",
    light: "فاتح",
    sepia: "ورقي",
    dark: "داكن",
    custom: "مخصص",
    background: "لون الخلفية",
    textColor: "لون النص",
    size: "حجم النص",
    smaller: "تصغير النص",
    larger: "تكبير النص",
    lineHeight: "تباعد الأسطر",
    tighter: "تقليل تباعد الأسطر",
    looser: "زيادة تباعد الأسطر",
    wordSpacing: "تباعد الكلمات",
    wordsCloser: "تقريب الكلمات",
    wordsApart: "تبعيد الكلمات",
    width: "عرض السطر",
    narrow: "ضيق",
    medium: "متوسط",
    wide: "عريض",
    align: "المحاذاة",
    alignStart: "محاذاة لبداية السطر",
    justify: "ضبط الطرفين",
    font: "نوع الخط",
    auto: "تلقائي",
    serif: "خط النسخ",
    sans: "خط حديث",
    nastaliq: "خط النستعليق",
    digits: "الأرقام",
    digitsAuto: "كما في المقال",
    arabic: "٠١٢ هندية",
    persian: "۰۱۲ فارسية",
    western: "012 عربية غربية",
    tashkeel: "إظهار التشكيل",
    progress: "تقدّم القراءة",
    listen: "قراءة بصوت عالٍ",
    pause: "إيقاف مؤقت",
    resume: "متابعة",
    stop: "إيقاف القراءة",
    previous: "الفقرة السابقة",
    next: "الفقرة التالية",
    speed: "السرعة",
    slower: "أبطأ",
    faster: "أسرع",
    voice: "الصوت",
    noVoice: (language) =>
      `لا يوجد على هذا الجهاز صوت للغة ${language}، فلا يمكن قراءة المقال بصوت عالٍ. أضف صوتاً من إعدادات النطق في النظام.`,
    noSpeech: "القراءة بصوت عالٍ غير متاحة في هذا المتصفح",
    copyText: "نسخ المقال نصاً",
    copyMarkdown: "نسخ المقال بصيغة Markdown",
    print: "طباعة",
    close: "إغلاق عرض القراءة",
    copied: "تم النسخ",
    copyFailed: "تعذّر النسخ",
    removed: "الكتل المحذوفة",
    nothingRemoved: "لم يُحذف شيء.",
    showPlace: "أرني مكانها",
    putBack: "أعِدها إلى المقال",
    takeOut: "احذفها ثانية",
    placeUnknown: "مكانها في المقال غير معروف؛ تظهر في آخره.",
    restored: "أُعيدت",
    minutes: (min, max) => {
      const n = new Intl.NumberFormat("ar");
      const range = min === max ? n.format(min) : `${n.format(min)}–${n.format(max)}`;
      if (max <= 1) return "دقيقة قراءة";
      if (max === 2 && min === 2) return "دقيقتا قراءة";
      return `${range} ${max <= 10 ? "دقائق" : "دقيقة"} قراءة`;
    },
    kinds: {
      "read-also": "اقرأ أيضاً",
      related: "مقالات ذات صلة",
      "most-read": "الأكثر قراءة",
      recommended: "مقترحات",
      "latest-news": "آخر الأخبار",
      share: "أزرار المشاركة",
      "follow-us": "تابعنا",
      tags: "الوسوم",
      comments: "التعليقات",
      newsletter: "النشرة البريدية",
      ad: "إعلان",
      "link-list": "قائمة روابط",
      "other-article": "مقال آخر",
      boilerplate: "عبارة من الموقع",
    },
  },
};

/** Interface languages, and those written right to left. */
const UI_LANGS = ["ar", "en", "fa", "ur"];
const RTL_UI = ["ar", "fa", "ur"];

function pick(list, value, fallback) {
  return list.includes(value) ? value : fallback;
}

function nearest(list, value, fallback) {
  const n = Number(value);
  if (!Number.isFinite(n)) return fallback;
  return list.reduce((best, x) => (Math.abs(x - n) < Math.abs(best - n) ? x : best), list[0]);
}

function normalizePrefs(prefs, base) {
  const p = Object.assign({}, base || DEFAULT_PREFS, prefs || {});
  const d = DEFAULT_PREFS;
  return {
    theme: pick(THEMES, p.theme, d.theme),
    fontSize: Number.isFinite(Number(p.fontSize))
      ? Math.min(MAX_FONT_SIZE, Math.max(MIN_FONT_SIZE, Math.round(Number(p.fontSize))))
      : d.fontSize,
    width: pick(WIDTHS, p.width, d.width),
    font: pick(FONTS, p.font, d.font),
    lineHeight: nearest(LINE_HEIGHTS, p.lineHeight, d.lineHeight),
    wordSpacing: nearest(WORD_SPACINGS, p.wordSpacing, d.wordSpacing),
    align: pick(ALIGNS, p.align, d.align),
    digits: pick(DIGITS, p.digits, d.digits),
    tashkeel: p.tashkeel !== false,
    background: COLOR.test(p.background) ? p.background.toLowerCase() : d.background,
    foreground: COLOR.test(p.foreground) ? p.foreground.toLowerCase() : d.foreground,
    rate: Math.min(
      2,
      Math.max(0.5, Number.isFinite(Number(p.rate)) ? Math.round(Number(p.rate) * 4) / 4 : 1),
    ),
  };
}

const langPrefix = (tag) =>
  String(tag || "")
    .toLowerCase()
    .split(/[-_]/)[0];

/**
 * The interface language: a supported code as given; 'article' the article's language when
 * the view speaks it; otherwise ('auto', missing) the browser's language when the view
 * speaks it, else English.
 */
function pickUiLang(requested, articleLanguage) {
  if (UI_LANGS.includes(requested)) return requested;
  if (requested === "article" && UI_LANGS.includes(langPrefix(articleLanguage)))
    return langPrefix(articleLanguage);
  const nav = langPrefix((globalThis.navigator && navigator.language) || "en");
  return UI_LANGS.includes(nav) ? nav : "en";
}
