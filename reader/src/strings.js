// UI strings of the reading view (Arabic, English, Persian, Urdu) and the preferences it
// accepts.
// Defines: THEMES, WIDTHS, FONTS, MIN_FONT_SIZE, MAX_FONT_SIZE, FONT_STEP, DEFAULT_PREFS,
// STRINGS, RTL_UI, normalizePrefs(), pickUiLang().

const THEMES = ['light', 'sepia', 'dark'];
const WIDTHS = ['narrow', 'medium', 'wide'];
const FONTS = ['serif', 'sans'];
const MIN_FONT_SIZE = 14;
const MAX_FONT_SIZE = 32;
const FONT_STEP = 2;

const DEFAULT_PREFS = Object.freeze({ theme: 'light', fontSize: 20, width: 'medium', font: 'serif' });

const STRINGS = {
  en: {
    toolbar: 'Reading view controls',
    letter: 'A',
    skip: 'Skip to the article',
    theme: 'Theme',
    light: 'Light',
    sepia: 'Sepia',
    dark: 'Dark',
    smaller: 'Smaller text',
    larger: 'Larger text',
    width: 'Line width',
    narrow: 'Narrow',
    medium: 'Medium',
    wide: 'Wide',
    font: 'Font',
    serif: 'Serif',
    sans: 'Sans',
    listen: 'Listen',
    stop: 'Stop',
    copyText: 'Copy text',
    copyMarkdown: 'Copy Markdown',
    print: 'Print',
    close: 'Close',
    copied: 'Copied',
    copyFailed: 'Could not copy',
    noSpeech: 'Read aloud is not available in this browser',
    removed: 'Removed blocks',
    nothingRemoved: 'Nothing was removed.',
    minutes: (min, max) => `${min === max ? min : `${min}–${max}`} min read`,
    kinds: {
      'read-also': 'Read also',
      related: 'Related',
      'most-read': 'Most read',
      recommended: 'Recommended',
      'latest-news': 'Latest news',
      share: 'Share bar',
      'follow-us': 'Follow us',
      tags: 'Tags',
      comments: 'Comments',
      newsletter: 'Newsletter',
      ad: 'Advertisement',
      'link-list': 'Link list',
    },
  },
  ar: {
    toolbar: 'أدوات عرض القراءة',
    letter: 'أ',
    skip: 'انتقل إلى المقال',
    theme: 'السمة',
    light: 'فاتح',
    sepia: 'بني',
    dark: 'داكن',
    smaller: 'تصغير الخط',
    larger: 'تكبير الخط',
    width: 'عرض السطر',
    narrow: 'ضيق',
    medium: 'متوسط',
    wide: 'عريض',
    font: 'الخط',
    serif: 'نسخ',
    sans: 'بسيط',
    listen: 'استماع',
    stop: 'إيقاف',
    copyText: 'نسخ النص',
    copyMarkdown: 'نسخ Markdown',
    print: 'طباعة',
    close: 'إغلاق',
    copied: 'تم النسخ',
    copyFailed: 'تعذّر النسخ',
    noSpeech: 'القراءة بصوت عالٍ غير متاحة في هذا المتصفح',
    removed: 'الكتل المحذوفة',
    nothingRemoved: 'لم يُحذف شيء.',
    minutes: (min, max) => {
      const n = new Intl.NumberFormat('ar');
      const range = min === max ? n.format(min) : `${n.format(min)}–${n.format(max)}`;
      if (max <= 1) return 'دقيقة قراءة';
      if (max === 2 && min === 2) return 'دقيقتا قراءة';
      return `${range} ${max <= 10 ? 'دقائق' : 'دقيقة'} قراءة`;
    },
    kinds: {
      'read-also': 'اقرأ أيضاً',
      related: 'محتوى ذو صلة',
      'most-read': 'الأكثر قراءة',
      recommended: 'مقترحات',
      'latest-news': 'آخر الأخبار',
      share: 'أزرار المشاركة',
      'follow-us': 'تابعنا',
      tags: 'الوسوم',
      comments: 'التعليقات',
      newsletter: 'النشرة البريدية',
      ad: 'إعلان',
      'link-list': 'قائمة روابط',
    },
  },
  fa: {
    toolbar: 'ابزارهای نمای مطالعه',
    letter: 'آ',
    skip: 'رفتن به متن مقاله',
    theme: 'پوسته',
    light: 'روشن',
    sepia: 'کرم',
    dark: 'تیره',
    smaller: 'کوچک‌کردن متن',
    larger: 'بزرگ‌کردن متن',
    width: 'پهنای سطر',
    narrow: 'باریک',
    medium: 'متوسط',
    wide: 'پهن',
    font: 'قلم',
    serif: 'نسخ',
    sans: 'ساده',
    listen: 'شنیدن',
    stop: 'توقف',
    copyText: 'رونوشت متن',
    copyMarkdown: 'رونوشت Markdown',
    print: 'چاپ',
    close: 'بستن',
    copied: 'رونوشت شد',
    copyFailed: 'رونوشت ممکن نشد',
    noSpeech: 'خواندن با صدای بلند در این مرورگر در دسترس نیست',
    removed: 'بخش‌های حذف‌شده',
    nothingRemoved: 'چیزی حذف نشد.',
    minutes: (min, max) => {
      const n = new Intl.NumberFormat('fa');
      return `${min === max ? n.format(min) : `${n.format(min)}–${n.format(max)}`} دقیقه مطالعه`;
    },
    kinds: {
      'read-also': 'بیشتر بخوانید',
      related: 'مطالب مرتبط',
      'most-read': 'پربازدیدترین‌ها',
      recommended: 'پیشنهادها',
      'latest-news': 'آخرین خبرها',
      share: 'دکمه‌های هم‌رسانی',
      'follow-us': 'ما را دنبال کنید',
      tags: 'برچسب‌ها',
      comments: 'نظرها',
      newsletter: 'خبرنامه',
      ad: 'آگهی',
      'link-list': 'فهرست پیوندها',
    },
  },
  ur: {
    toolbar: 'مطالعہ منظر کے اوزار',
    letter: 'آ',
    skip: 'مضمون پر جائیں',
    theme: 'تھیم',
    light: 'روشن',
    sepia: 'بادامی',
    dark: 'گہرا',
    smaller: 'متن چھوٹا کریں',
    larger: 'متن بڑا کریں',
    width: 'سطر کی چوڑائی',
    narrow: 'تنگ',
    medium: 'درمیانی',
    wide: 'چوڑا',
    font: 'خط',
    serif: 'نسخ',
    sans: 'سادہ',
    listen: 'سنیں',
    stop: 'روکیں',
    copyText: 'متن نقل کریں',
    copyMarkdown: 'Markdown نقل کریں',
    print: 'پرنٹ',
    close: 'بند کریں',
    copied: 'نقل ہو گیا',
    copyFailed: 'نقل نہیں ہو سکا',
    noSpeech: 'اس براؤزر میں بلند آواز سے پڑھنے کی سہولت دستیاب نہیں',
    removed: 'ہٹائے گئے حصے',
    nothingRemoved: 'کچھ نہیں ہٹایا گیا۔',
    minutes: (min, max) => `${min === max ? min : `${min}–${max}`} منٹ کا مطالعہ`,
    kinds: {
      'read-also': 'یہ بھی پڑھیں',
      related: 'متعلقہ مواد',
      'most-read': 'سب سے زیادہ پڑھی گئی',
      recommended: 'تجاویز',
      'latest-news': 'تازہ ترین خبریں',
      share: 'شیئر کے بٹن',
      'follow-us': 'ہمیں فالو کریں',
      tags: 'ٹیگز',
      comments: 'تبصرے',
      newsletter: 'نیوز لیٹر',
      ad: 'اشتہار',
      'link-list': 'روابط کی فہرست',
    },
  },
};

/** Interface languages written right to left. */
const RTL_UI = ['ar', 'fa', 'ur'];

function normalizePrefs(prefs, base) {
  const p = Object.assign({}, base || DEFAULT_PREFS, prefs || {});
  return {
    theme: THEMES.includes(p.theme) ? p.theme : DEFAULT_PREFS.theme,
    fontSize: Number.isFinite(Number(p.fontSize))
      ? Math.min(MAX_FONT_SIZE, Math.max(MIN_FONT_SIZE, Math.round(Number(p.fontSize))))
      : DEFAULT_PREFS.fontSize,
    width: WIDTHS.includes(p.width) ? p.width : DEFAULT_PREFS.width,
    font: FONTS.includes(p.font) ? p.font : DEFAULT_PREFS.font,
  };
}

function pickUiLang(requested) {
  if (Object.hasOwn(STRINGS, requested)) return requested;
  const nav = String((globalThis.navigator && navigator.language) || 'en').toLowerCase().split('-')[0];
  return Object.hasOwn(STRINGS, nav) ? nav : 'en';
}
