// Articles written for the reading-view tests (Arabic, Persian, Urdu, English), in the shape
// naqi's `extract` returns, and a bare page that mounts them with reader.js and the bundled
// fonts (dist/www). Used by www-view*.test.mjs.

import { startServer } from "./lib.mjs";

const para = (text) => `<p>${text}</p>`;

export const ARTICLES = {
  ar: {
    title: "ٱلمدينة تفتح مكتبة ليلية جديدة في 2025",
    dir: "rtl",
    lang: "ar",
    siteName: "CNNArabic",
    byline: "بقلم: سلمى يوسف",
    published: "2025-03-04",
    contentHtml: [
      para(
        "كَتَبَ ٱلمراسلُ أن المكتبة الجديدة تفتح أبوابها من الساعة 8 مساءً حتى الفجر، وتضم 12000 كتاب وقاعة لـ CNN ومراسليها.",
      ),
      para(
        "وقال مدير المكتبة إن الفكرة بدأت قبل ثلاث سنوات عندما طلب طلاب الجامعة مكاناً هادئاً للدراسة ليلاً.",
      ),
      "<ol><li>قاعة القراءة الكبرى</li><li>ركن الأطفال</li><li>غرفة الأرشيف</li></ol>",
      ...Array.from({ length: 14 }, (_, i) =>
        para(
          `فقرة ${i + 1}: يتابع التقرير وصف المكان وساعات العمل والخدمات التي يقدمها للزوار من سكان المدينة ومن خارجها، مع شرح طريقة الحجز.`,
        ),
      ),
    ].join(""),
    text: "",
    markdown: "",
    wordCount: 400,
    readingTime: { minMinutes: 2, maxMinutes: 3 },
    removed: [
      {
        kind: "read-also",
        rule: "label-box",
        label: "اقرأ أيضاً:",
        preview: "افتتاح حديقة عامة جديدة على شاطئ المدينة الشمالي",
      },
      { kind: "boilerplate", rule: "boilerplate", preview: "pdf" },
      {
        kind: "other-article",
        rule: "label-flat",
        preview: "المقال التالي: أسعار الخضار ترتفع في الأسواق الشعبية هذا الأسبوع",
      },
    ],
  },
  fa: {
    title: "کتابخانهٔ شبانه‌روزی در مرکز شهر باز شد",
    dir: "rtl",
    lang: "fa",
    siteName: "Example News",
    contentHtml: [
      para("این کتابخانه از ساعت ۸ شب تا صبح باز است و ۱۲۰۰۰ جلد کتاب دارد."),
      "<ol><li>سالن اصلی</li><li>بخش کودکان</li></ol>",
      para("مدیر کتابخانه گفت این طرح سه سال پیش با درخواست دانشجویان آغاز شد."),
    ].join(""),
    text: "",
    markdown: "",
    wordCount: 60,
    removed: [],
  },
  ur: {
    title: "شہر میں رات بھر کھلی رہنے والی لائبریری کا افتتاح",
    dir: "rtl",
    lang: "ur",
    contentHtml: [
      para("یہ لائبریری رات آٹھ بجے سے صبح تک کھلی رہتی ہے اور اس میں بارہ ہزار کتابیں موجود ہیں۔"),
      "<ol><li>مرکزی ہال</li><li>بچوں کا گوشہ</li></ol>",
      para("لائبریری کے منتظم نے بتایا کہ یہ منصوبہ طلبہ کی درخواست پر تین سال پہلے شروع ہوا۔"),
    ].join(""),
    text: "",
    markdown: "",
    wordCount: 60,
    removed: [],
  },
  en: {
    title: "A night library opens in the old tram depot",
    dir: "ltr",
    lang: "en",
    siteName: "The Example Post",
    byline: "By Sam Reed",
    contentHtml: [
      para(
        "The library opens at 8 pm and stays open until dawn, with 12,000 books and a quiet hall.",
      ),
      para(
        "Its director said the idea came from students who wanted somewhere calm to study at night.",
      ),
    ].join(""),
    text: "",
    markdown: "",
    wordCount: 40,
    removed: [],
  },
};

/** The source page an Arabic article came from, so removed blocks can be placed. */
export const AR_SOURCE = `<!doctype html><html lang="ar" dir="rtl"><body><article>
<p>كَتَبَ ٱلمراسلُ أن المكتبة الجديدة تفتح أبوابها من الساعة 8 مساءً حتى الفجر، وتضم 12000 كتاب وقاعة لـ CNN ومراسليها.</p>
<div class="box"><strong>اقرأ أيضاً:</strong> <a href="/x">افتتاح حديقة عامة جديدة على شاطئ المدينة الشمالي</a></div>
<p>وقال مدير المكتبة إن الفكرة بدأت قبل ثلاث سنوات عندما طلب طلاب الجامعة مكاناً هادئاً للدراسة ليلاً.</p>
</article></body></html>`;

/**
 * Serves dist/www plus /view.html: a bare page (no CSP) with reader.js; `window.show(article,
 * options)` mounts the view in #host with the bundled fonts.
 */
export function startViewServer(siteDir) {
  const page = `<!doctype html><meta charset="utf-8"><style>body{margin:0}</style><body><div id="host"></div>
<script src="/reader.js"></script>
<script>
window.show = (article, options = {}) => {
  const opts = Object.assign({ fonts: '/fonts/' }, options);
  if (typeof opts.source === 'string') opts.source = new DOMParser().parseFromString(opts.source, 'text/html');
  if (opts.fullPage) {
    const host = document.createElement('naqi-reader');
    document.documentElement.append(host);
    opts.onClose = () => { window.view.unmount(); host.remove(); window.closedByUser = true; };
    window.view = NaqiReader.mount(host, article, opts);
  } else {
    window.view = NaqiReader.mount(document.getElementById('host'), article, opts);
  }
  return true;
};
</script>`;
  return startServer({ root: siteDir, routes: { "/view.html": { body: page } } });
}
