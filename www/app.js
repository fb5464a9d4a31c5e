// The naqi demo page: paste HTML, drop a file or pick a sample; the web build
// of the npm package extracts the article and reader.js shows it.
//
// `make www` copies the package's web entry (`naqi/web`) next to this file as
// `naqi/web.js` (see scripts/www.sh); it exports `init`, `extract` and
// `isProbablyReadable`.

import { init, extract, isProbablyReadable } from "./naqi/web.js";

const STRINGS = {
  ar: {
    tagline:
      "عرض قراءة نظيف لصفحات الأخبار، عربي أولاً: يزيل «اقرأ أيضاً» والمقالات المشابهة والأكثر قراءة وأزرار المشاركة.",
    otherLang: "English",
    inputTitle: "الصفحة",
    samples: "جرّب مثالاً بنقرة:",
    pasteLabel: "ألصق HTML صفحة خبر هنا",
    dropHint: "أو اسحب ملف ‎.html‎ وأفلته هنا، أو",
    chooseFile: "اختر ملفاً",
    urlLabel: "عنوان الصفحة (اختياري، لتصحيح الروابط والصور فقط؛ لا يُجلب شيء من الشبكة):",
    removeRelated: "إزالة المحتوى المرتبط",
    extract: "استخراج المقال",
    loading: "جارٍ تحميل وحدة WebAssembly…",
    ready: "جاهز. اختر مثالاً أو ألصق صفحة.",
    loadFailed: "تعذّر تحميل وحدة WebAssembly:",
    empty: "ألصق HTML أولاً.",
    done: (ms, words, readable) =>
      `استُخرج المقال في ${ms} م.ث (${words} كلمة).` +
      (readable ? "" : " تنبيه: لا تبدو هذه الصفحة مقالاً، والنتيجة قد تكون ناقصة."),
    failed: "فشل الاستخراج",
    errors: {
      NO_ARTICLE:
        "لم يُعثر على مقال في هذه الصفحة: قد تكون صفحة رئيسية أو قائمة روابط. جرّب إلغاء «إزالة المحتوى المرتبط» أو صفحة خبر واحد.",
      EMPTY_INPUT: "الصفحة فارغة: ألصق HTML صفحة خبر أولاً.",
      NOT_HTML: "هذا الملف ليس صفحة HTML. اختر ملف ‎.html‎ محفوظاً من المتصفح.",
      INPUT_TOO_LARGE: "الصفحة أكبر من الحد الذي يقبله نقي.",
      INVALID_URL: "عنوان الصفحة غير صالح: اكتب عنواناً يبدأ بـ https:// أو اترك الحقل فارغاً.",
      other: "تعذّر استخراج المقال بسبب خطأ داخلي. أعد المحاولة أو جرّب صفحة أخرى.",
      sample: "تعذّر تحميل المثال. أعد تحميل الصفحة.",
    },
    timing: "زمن الاستخراج",
    ms: "م.ث",
    removedTitle: "الكتل المحذوفة",
    nothingRemoved: "لم يُحذف شيء.",
    metadata: "البيانات الوصفية",
    details: "تفاصيل الاستخراج",
    fields: {
      title: "العنوان",
      byline: "الكاتب",
      siteName: "الموقع",
      published: "تاريخ النشر",
      modified: "آخر تعديل",
      lang: "اللغة",
      dir: "الاتجاه",
      canonicalUrl: "الرابط الأصلي",
      leadImage: "الصورة الرئيسية",
      wordCount: "عدد الكلمات",
      readingTime: "زمن القراءة",
      excerpt: "المقتطف",
    },
    minutes: (a, b) => (a === b ? `${a} د` : `${a}–${b} د`),
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
    footer: "كل المعالجة تجري في متصفحك عبر WebAssembly؛ لا يُرسل شيء إلى أي خادم.",
  },
  en: {
    tagline:
      'A clean, Arabic-first reading view for news pages: strips "read also" teasers, related lists, most-read rails and share bars.',
    otherLang: "عربي",
    inputTitle: "Page",
    samples: "Try a sample in one click:",
    pasteLabel: "Paste a news page’s HTML here",
    dropHint: "or drop an .html file here, or",
    chooseFile: "choose a file",
    urlLabel: "Page address (optional; only used to resolve links and images, nothing is fetched):",
    removeRelated: "Remove related content",
    extract: "Extract article",
    loading: "Loading the WebAssembly module…",
    ready: "Ready. Pick a sample or paste a page.",
    loadFailed: "Could not load the WebAssembly module:",
    empty: "Paste some HTML first.",
    done: (ms, words, readable) =>
      `Extracted in ${ms} ms (${words} words).` +
      (readable
        ? ""
        : " Note: this page does not look like an article; the result may be incomplete."),
    failed: "Extraction failed",
    errors: {
      NO_ARTICLE:
        'No article was found on this page: it may be a home page or a list of links. Try unticking "Remove related content", or a page with a single story.',
      EMPTY_INPUT: "The page is empty: paste the HTML of a news page first.",
      NOT_HTML: "This file is not an HTML page. Choose an .html file saved from the browser.",
      INPUT_TOO_LARGE: "The page is larger than naqi accepts.",
      INVALID_URL:
        "The page address is not valid: type one starting with https:// or leave the field empty.",
      other:
        "The article could not be extracted because of an internal error. Try again or try another page.",
      sample: "The sample could not be loaded. Reload the page.",
    },
    timing: "Extraction time",
    ms: "ms",
    removedTitle: "Removed blocks",
    nothingRemoved: "Nothing was removed.",
    metadata: "Metadata",
    details: "Extraction details",
    fields: {
      title: "Title",
      byline: "Byline",
      siteName: "Site",
      published: "Published",
      modified: "Modified",
      lang: "Language",
      dir: "Direction",
      canonicalUrl: "Canonical URL",
      leadImage: "Lead image",
      wordCount: "Words",
      readingTime: "Reading time",
      excerpt: "Excerpt",
    },
    minutes: (a, b) => (a === b ? `${a} min` : `${a}–${b} min`),
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
    footer: "Everything runs in your browser through WebAssembly; nothing is sent to any server.",
  },
};

const PREFS_KEY = "naqi-demo-prefs";
const LANG_KEY = "naqi-demo-lang";

const $ = (id) => document.getElementById(id);
const state = {
  uiLang: pickUiLang(),
  article: null,
  lastMs: null,
  view: null,
  statusKey: "loading",
  statusArgs: [],
  statusIsError: false,
  source: null,
};

function pickUiLang() {
  const saved = safeStorage("get", LANG_KEY);
  if (saved === "ar" || saved === "en") return saved;
  return /^ar\b/i.test(navigator.language || "") ? "ar" : "en";
}

function safeStorage(op, key, value) {
  try {
    if (op === "get") return localStorage.getItem(key);
    localStorage.setItem(key, value);
  } catch {
    // storage disabled (private mode, file://): preferences just do not persist
  }
  return null;
}

// Saved reading-view preferences; on a first visit, the dark theme when the
// system asks for it.
function loadPrefs() {
  try {
    const saved = JSON.parse(safeStorage("get", PREFS_KEY) || "null");
    if (saved) return saved;
  } catch {
    // unreadable: start from the defaults
  }
  return matchMedia("(prefers-color-scheme: dark)").matches ? { theme: "dark" } : undefined;
}

function t() {
  return STRINGS[state.uiLang];
}

function setStatus(key, args = [], isError = false) {
  state.statusKey = key;
  state.statusArgs = args;
  state.statusIsError = isError;
  renderStatus();
}

function renderStatus() {
  const s =
    state.statusKey === "error"
      ? t().errors[state.statusArgs[0]] || t().errors.other
      : t()[state.statusKey];
  if (state.statusKey === "error") {
    $("status").textContent = s;
    $("status").classList.add("error");
    return;
  }
  const text =
    typeof s === "function"
      ? s(...state.statusArgs)
      : [s, ...state.statusArgs].filter(Boolean).join(" ");
  $("status").textContent = text;
  $("status").classList.toggle("error", state.statusIsError);
}

function applyUiLang() {
  const strings = t();
  document.documentElement.lang = state.uiLang;
  document.documentElement.dir = state.uiLang === "ar" ? "rtl" : "ltr";
  // The side panel is interface, so it follows the interface language even
  // when the result around it follows the article's direction.
  const side = document.querySelector("aside.side");
  side.dir = document.documentElement.dir;
  side.setAttribute("aria-label", strings.details);
  for (const node of document.querySelectorAll("[data-i18n]")) {
    node.textContent = strings[node.dataset.i18n];
  }
  $("ui-lang").textContent = strings.otherLang;
  $("ui-lang").lang = state.uiLang === "ar" ? "en" : "ar";
  document.title = state.uiLang === "ar" ? "نقي · naqi — عرض القراءة" : "naqi · نقي — reading view";
  renderStatus();
  if (state.article) renderArticle(state.article, state.lastMs);
}

function formatMs(ms) {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

function runExtract() {
  const html = $("html-input").value;
  if (!html.trim()) {
    setStatus("empty", [], true);
    return;
  }
  const options = { removeRelated: $("remove-related").checked };
  const url = $("url-input").value.trim();
  if (url) options.url = url;
  let article;
  const started = performance.now();
  try {
    article = extract(html, options);
  } catch (err) {
    state.article = null;
    $("result").hidden = true;
    if (state.view) state.view.unmount();
    state.view = null;
    // A sentence in the interface language; the code and message stay in the console.
    console.info("naqi:", err?.code, err?.message);
    setStatus("error", [err?.code], true);
    return;
  }
  const ms = performance.now() - started;
  // Only its text is read (to place removed blocks). Style attributes and elements go first:
  // the parsed document shares this page's CSP, which would report each one.
  const textOnly = html
    .replace(/<style[\s\S]*?<\/style>/gi, "")
    .replace(/\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, "");
  state.source = new DOMParser().parseFromString(textOnly, "text/html");
  state.article = article;
  state.lastMs = ms;
  renderArticle(article, ms);
  // On a phone the result is below the input: bring it up.
  if (matchMedia("(max-width: 900px)").matches) $("result").scrollIntoView({ block: "start" });
  setStatus("done", [formatMs(ms), article.wordCount, isProbablyReadable(html)]);
  window.naqiDemo.lastArticle = article;
  window.naqiDemo.lastMs = ms;
  window.naqiDemo.extractions += 1;
}

function renderArticle(article, ms) {
  const strings = t();
  const result = $("result");
  // The whole result follows the article's direction: RTL for Arabic and
  // Persian (reading view on the right), LTR otherwise.
  result.dir = article.dir === "rtl" ? "rtl" : "ltr";
  result.hidden = false;

  state.view = NaqiReader.mount($("reader-host"), article, {
    uiLang: state.uiLang,
    // The bundled fonts, and the page itself so the view can show where a removed block stood.
    fonts: "fonts/",
    source: state.source,
    prefs: loadPrefs(),
    onPrefsChange: (prefs) => safeStorage("set", PREFS_KEY, JSON.stringify(prefs)),
    onClose: () => {
      state.view.unmount();
      state.view = null;
      result.hidden = true;
    },
  });

  $("timing").textContent = `${formatMs(ms)} ${strings.ms}`;

  // Blocks of a few words with no label (a lone "pdf") are noise: not listed.
  const removed = (Array.isArray(article.removed) ? article.removed : []).filter(
    (r) =>
      r.label ||
      String(r.preview || "")
        .trim()
        .split(/\s+/).length >= 4,
  );
  $("removed-count").textContent = `(${removed.length})`;
  const list = $("removed-list");
  list.replaceChildren();
  if (!removed.length) {
    const li = document.createElement("li");
    li.className = "none";
    li.textContent = strings.nothingRemoved;
    list.append(li);
  }
  for (const r of removed) {
    const li = document.createElement("li");
    li.dataset.kind = r.kind;
    const kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = strings.kinds[r.kind] || strings.kinds["link-list"];
    li.append(kind);
    if (r.label) {
      const label = document.createElement("span");
      label.className = "label";
      label.dir = "auto";
      label.textContent = r.label;
      li.append(" ", label);
    }
    const preview = document.createElement("p");
    preview.className = "preview";
    preview.dir = "auto";
    preview.textContent = r.preview;
    li.append(preview);
    list.append(li);
  }

  const meta = $("meta");
  meta.replaceChildren();
  const values = {
    ...article,
    readingTime: article.readingTime
      ? strings.minutes(article.readingTime.minMinutes, article.readingTime.maxMinutes)
      : null,
  };
  for (const [field, label] of Object.entries(strings.fields)) {
    const value = values[field];
    if (value === undefined || value === null || value === "") continue;
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    dd.dataset.field = field;
    dd.dir = "auto";
    dd.textContent = String(value);
    meta.append(dt, dd);
  }
}

async function loadSample(name) {
  const response = await fetch(`samples/${encodeURIComponent(name)}.html`);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  $("html-input").value = await decodeHtml(await response.arrayBuffer());
  $("url-input").value = "";
  runExtract();
}

// Decodes page bytes: the charset a <meta> declares (windows-1256 and
// ISO-8859-6 are still common on Arabic sites), UTF-8 otherwise.
async function decodeHtml(buffer) {
  const head = new TextDecoder("latin1").decode(buffer.slice(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  let label = match ? match[1].toLowerCase() : "utf-8";
  try {
    return new TextDecoder(label).decode(buffer);
  } catch {
    label = "utf-8";
    return new TextDecoder(label).decode(buffer);
  }
}

async function loadFile(file) {
  if (!file) return;
  $("html-input").value = await decodeHtml(await file.arrayBuffer());
  runExtract();
}

function wire() {
  $("ui-lang").addEventListener("click", () => {
    state.uiLang = state.uiLang === "ar" ? "en" : "ar";
    safeStorage("set", LANG_KEY, state.uiLang);
    applyUiLang();
  });
  for (const button of document.querySelectorAll("button.sample")) {
    button.addEventListener("click", () => {
      loadSample(button.dataset.sample).catch(() => setStatus("error", ["sample"], true));
    });
  }
  $("extract").addEventListener("click", runExtract);
  $("file-input").addEventListener("change", (event) => loadFile(event.target.files[0]));
  // A file dropped anywhere on the page is taken; the browser never navigates to it.
  const zone = $("drop-zone");
  const carriesData = (event) =>
    event.dataTransfer &&
    Array.from(event.dataTransfer.types || []).some(
      (type) => type === "Files" || type.startsWith("text/"),
    );
  document.addEventListener("dragover", (event) => {
    if (!carriesData(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    zone.classList.add("over");
  });
  document.addEventListener("dragleave", (event) => {
    if (!event.relatedTarget) zone.classList.remove("over");
  });
  document.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    const file = event.dataTransfer.files[0];
    if (file) loadFile(file);
    else {
      const text =
        event.dataTransfer.getData("text/html") || event.dataTransfer.getData("text/plain");
      if (text) {
        $("html-input").value = text;
        runExtract();
      }
    }
  });
}

// For tests and the console: the package's functions and the last result.
window.naqiDemo = {
  ready: null,
  lastArticle: null,
  lastMs: null,
  extractions: 0,
  extract,
  isProbablyReadable,
};
applyUiLang();
wire();
window.naqiDemo.ready = init()
  .then(() => {
    $("extract").disabled = false;
    for (const button of document.querySelectorAll("button.sample")) button.disabled = false;
    setStatus("ready");
    document.body.dataset.ready = "true";
  })
  .catch((err) => {
    setStatus("loadFailed", [String(err?.message ? err.message : err)], true);
    document.body.dataset.ready = "error";
    throw err;
  });
