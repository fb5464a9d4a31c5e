// naqi reading view: renders an Article (see src/article.rs) into a host
// element's open shadow root. Shared, unchanged, by the demo page (www/) and
// the browser extension's content script.
//
// A classic script (no import/export) so it can be injected with
// chrome.scripting.executeScript({files}) or loaded with a <script> tag. It
// defines:
//
//   globalThis.NaqiReader = {
//     mount(host, article, options) -> { unmount(), setPrefs(prefs) },
//     DEFAULT_PREFS,
//   }
//
// options = { prefs?: {theme, fontSize, width, font}, uiLang?: "ar"|"en",
//             onClose?: () => void, onPrefsChange?: (prefs) => void }
//
// This is the only code that writes HTML into the view: `contentHtml` (already
// sanitized by the Rust core) goes through an inert <template> and a second,
// defensive clean-up; every other field is inserted as text.

(function () {
  'use strict';

  if (globalThis.NaqiReader) return; // injected twice into the same page

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
  };

  const CSS = String.raw`
:host {
  all: initial;
  display: block;
  color-scheme: light;
}
:host([data-naqi-theme="dark"]) { color-scheme: dark; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }

.naqi {
  --naqi-bg: #fbfaf8;
  --naqi-fg: #1f1f1f;
  --naqi-muted: #5c5f66;
  --naqi-accent: #0a58b8;
  --naqi-rule: #e2e0dc;
  --naqi-bar: rgba(251, 250, 248, 0.94);
  --naqi-chip: #ecebe8;
  --naqi-size: 20px;
  --naqi-measure: 36em;
  --naqi-serif-rtl: "Noto Naskh Arabic", "Amiri", "Scheherazade New", "Traditional Arabic", "Noto Serif", "DejaVu Serif", serif;
  --naqi-serif-ltr: Charter, "Iowan Old Style", Georgia, "Noto Serif", "DejaVu Serif", "Noto Naskh Arabic", "Amiri", serif;
  --naqi-sans-rtl: "Noto Sans Arabic", "Vazirmatn", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif;
  --naqi-sans-ltr: system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Noto Sans Arabic", sans-serif;
  --naqi-ui-font: system-ui, "Segoe UI", "Noto Sans Arabic", Tahoma, "DejaVu Sans", sans-serif;
  container-type: inline-size;
  min-block-size: 100%;
  background: var(--naqi-bg);
  color: var(--naqi-fg);
  font-family: var(--naqi-ui-font);
  font-size: 16px;
  line-height: 1.5;
}
.naqi[data-theme="sepia"] {
  --naqi-bg: #f4ecd8;
  --naqi-fg: #3b2f22;
  --naqi-muted: #6e5d47;
  --naqi-accent: #8c4a0e;
  --naqi-rule: #dccfb1;
  --naqi-bar: rgba(244, 236, 216, 0.94);
  --naqi-chip: #e8dcc0;
}
.naqi[data-theme="dark"] {
  --naqi-bg: #1a1b1e;
  --naqi-fg: #e4e1dc;
  --naqi-muted: #a39e96;
  --naqi-accent: #8ab4f8;
  --naqi-rule: #34363b;
  --naqi-bar: rgba(26, 27, 30, 0.94);
  --naqi-chip: #2b2d31;
}
.naqi[data-width="narrow"] { --naqi-measure: 30em; }
.naqi[data-width="wide"] { --naqi-measure: 46em; }

/* Toolbar */
.naqi-toolbar {
  position: sticky;
  inset-block-start: 0;
  z-index: 1;
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 6px 6px;
  padding-block: 6px;
  padding-inline: 16px;
  background: var(--naqi-bar);
  border-block-end: 1px solid var(--naqi-rule);
  backdrop-filter: blur(6px);
}
.naqi-group { display: inline-flex; flex: none; align-items: center; gap: 2px; }
.naqi-group + .naqi-group { padding-inline-start: 6px; border-inline-start: 1px solid var(--naqi-rule); }
.naqi-spacer { flex: 1 1 auto; }
.naqi button {
  font: inherit;
  font-size: 14px;
  color: inherit;
  background: transparent;
  border: 1px solid transparent;
  border-radius: 6px;
  padding-block: 4px;
  padding-inline: 6px;
  cursor: pointer;
  min-block-size: 30px;
  white-space: nowrap;
}
.naqi button:hover { background: var(--naqi-chip); }
.naqi button:focus-visible { outline: 2px solid var(--naqi-accent); outline-offset: 1px; }
.naqi button[aria-pressed="true"] { border-color: var(--naqi-accent); color: var(--naqi-accent); }
.naqi button:disabled { opacity: 0.45; cursor: default; }
.naqi-swatch {
  display: inline-block;
  inline-size: 12px;
  block-size: 12px;
  border-radius: 50%;
  border: 1px solid #888;
  margin-inline-end: 5px;
  vertical-align: -1px;
}
.naqi-swatch[data-value="light"] { background: #fbfaf8; }
.naqi-swatch[data-value="sepia"] { background: #f4ecd8; }
.naqi-swatch[data-value="dark"] { background: #1a1b1e; }
.naqi-status { color: var(--naqi-accent); font-size: 13px; }

/* Narrow views (phones, side panels): one row that scrolls sideways. */
@container (max-width: 640px) {
  .naqi-toolbar { flex-wrap: nowrap; overflow-x: auto; scrollbar-width: thin; }
  .naqi-spacer { display: none; }
}

/* Page */
.naqi-page:focus { outline: none; }
.naqi-page {
  max-inline-size: var(--naqi-measure);
  margin-inline: auto;
  padding-block: 32px 64px;
  padding-inline: 20px;
  font-size: var(--naqi-size);
}
.naqi-head, .naqi-article { font-family: var(--naqi-serif-ltr); line-height: 1.65; }
.naqi-page[dir="rtl"] .naqi-head, .naqi-page[dir="rtl"] .naqi-article { font-family: var(--naqi-serif-rtl); line-height: 1.9; }
/* Naskh faces draw smaller than Latin ones at the same size. */
.naqi-page[dir="rtl"] .naqi-article { font-size: 1.08em; }
.naqi[data-font="sans"] .naqi-head, .naqi[data-font="sans"] .naqi-article { font-family: var(--naqi-sans-ltr); }
.naqi[data-font="sans"] .naqi-page[dir="rtl"] .naqi-head,
.naqi[data-font="sans"] .naqi-page[dir="rtl"] .naqi-article { font-family: var(--naqi-sans-rtl); }

.naqi-site {
  margin: 0 0 0.4em;
  color: var(--naqi-muted);
  font-family: var(--naqi-ui-font);
  font-size: 0.7em;
  letter-spacing: 0.02em;
}
.naqi-title { margin: 0 0 0.5em; font-size: 1.7em; line-height: 1.3; font-weight: 700; text-wrap: balance; }
.naqi-meta {
  display: flex;
  flex-wrap: wrap;
  gap: 0.25em 1.2em;
  margin: 0 0 1.4em;
  padding-block-end: 1em;
  border-block-end: 1px solid var(--naqi-rule);
  color: var(--naqi-muted);
  font-family: var(--naqi-ui-font);
  font-size: 0.72em;
}
.naqi-lead { margin: 0 0 1.5em; }
.naqi-lead img, .naqi-article img, .naqi-article video {
  display: block;
  max-inline-size: 100%;
  block-size: auto;
  margin-inline: auto;
  border-radius: 4px;
}

/* Article body */
.naqi-article { text-align: start; overflow-wrap: break-word; hyphens: auto; }
.naqi-article p, .naqi-article ul, .naqi-article ol, .naqi-article blockquote,
.naqi-article figure, .naqi-article pre, .naqi-article table { margin-block: 0 1.1em; margin-inline: 0; }
.naqi-article h1, .naqi-article h2, .naqi-article h3, .naqi-article h4, .naqi-article h5, .naqi-article h6 {
  line-height: 1.4;
  margin-block: 1.4em 0.6em;
}
.naqi-article h1 { font-size: 1.4em; }
.naqi-article h2 { font-size: 1.25em; }
.naqi-article h3 { font-size: 1.1em; }
.naqi-article h4, .naqi-article h5, .naqi-article h6 { font-size: 1em; }
.naqi-article ul, .naqi-article ol { padding-inline-start: 1.4em; }
.naqi-article li { margin-block-end: 0.35em; }
.naqi-article a { color: var(--naqi-accent); text-decoration-thickness: 1px; text-underline-offset: 0.2em; }
.naqi-article blockquote {
  padding-inline-start: 1em;
  border-inline-start: 3px solid var(--naqi-rule);
  color: var(--naqi-muted);
}
.naqi-article figcaption, .naqi-lead figcaption {
  margin-block-start: 0.4em;
  color: var(--naqi-muted);
  font-family: var(--naqi-ui-font);
  font-size: 0.72em;
  text-align: center;
}
.naqi-article pre, .naqi-article code {
  font-family: ui-monospace, "DejaVu Sans Mono", monospace;
  font-size: 0.85em;
  direction: ltr;
  unicode-bidi: isolate;
}
.naqi-article pre { overflow-x: auto; padding: 0.8em; background: var(--naqi-chip); border-radius: 4px; }
.naqi-article table { border-collapse: collapse; display: block; overflow-x: auto; font-size: 0.85em; }
.naqi-article th, .naqi-article td { border: 1px solid var(--naqi-rule); padding-block: 0.3em; padding-inline: 0.6em; text-align: start; }
.naqi-article hr { border: 0; border-block-start: 1px solid var(--naqi-rule); margin-block: 2em; }

/* Removed blocks */
.naqi-removed {
  margin-block-start: 3em;
  padding: 0.6em 1em;
  border: 1px solid var(--naqi-rule);
  border-radius: 8px;
  font-family: var(--naqi-ui-font);
  font-size: 14px;
  line-height: 1.6;
}
.naqi-removed summary { cursor: pointer; color: var(--naqi-muted); font-weight: 600; }
.naqi-removed ol { list-style: none; margin: 0.6em 0 0; padding: 0; }
.naqi-removed li { padding-block: 0.5em; border-block-start: 1px solid var(--naqi-rule); }
.naqi-kind {
  display: inline-block;
  padding-inline: 0.5em;
  margin-inline-end: 0.5em;
  border-radius: 4px;
  background: var(--naqi-chip);
  font-size: 12px;
}
.naqi-label { font-weight: 600; }
.naqi-preview { display: block; margin-block-start: 0.2em; color: var(--naqi-muted); }

@media print {
  :host { block-size: auto !important; max-block-size: none !important; overflow: visible !important; }
  .naqi { --naqi-bg: #fff; --naqi-fg: #000; --naqi-muted: #444; --naqi-accent: #000; }
  .naqi-toolbar, .naqi-removed { display: none !important; }
  .naqi-page { max-inline-size: none; padding: 0; }
}
`;

  // Elements and attributes that must never reach the view, even if the
  // input was not what the core produces.
  const FORBIDDEN_TAGS = 'script,style,link,meta,base,iframe,frame,frameset,object,embed,applet,form,input,button,textarea,select,template,noscript,svg,math';
  const URL_ATTRS = ['href', 'src', 'srcset', 'poster', 'action', 'formaction', 'xlink:href', 'cite'];
  const BIDI_AUTO = 'p,h1,h2,h3,h4,h5,h6,li,blockquote,figcaption,td,th,dt,dd,caption,summary';

  const mounted = new WeakMap();

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
    if (requested === 'ar' || requested === 'en') return requested;
    const nav = (globalThis.navigator && navigator.language) || 'en';
    return /^ar\b/i.test(nav) ? 'ar' : 'en';
  }

  function el(doc, tag, attrs, text) {
    const node = doc.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function isSafeUrl(value) {
    const v = String(value).replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase();
    return !/^(javascript|vbscript|data):/.test(v) || /^data:image\/(png|gif|jpe?g|webp|avif);/.test(v);
  }

  // Parses the body HTML in an inert template and removes anything active.
  function buildBody(doc, html) {
    const template = doc.createElement('template');
    template.innerHTML = String(html || '');
    const frag = template.content;
    for (const node of frag.querySelectorAll(FORBIDDEN_TAGS)) node.remove();
    for (const node of frag.querySelectorAll('*')) {
      for (const attr of Array.from(node.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on') || name === 'style' || name === 'srcdoc') node.removeAttribute(attr.name);
        else if (URL_ATTRS.includes(name) && !isSafeUrl(attr.value)) node.removeAttribute(attr.name);
      }
    }
    for (const node of frag.querySelectorAll(BIDI_AUTO)) {
      if (!node.hasAttribute('dir')) node.setAttribute('dir', 'auto');
    }
    for (const a of frag.querySelectorAll('a[href]')) a.setAttribute('rel', 'noopener noreferrer');
    for (const img of frag.querySelectorAll('img')) {
      img.setAttribute('loading', 'lazy');
      img.setAttribute('decoding', 'async');
    }
    return frag;
  }

  // Hides images that fail to load (offline, hot-link protection) instead of
  // showing a broken-image icon.
  function hideBrokenImages(root) {
    for (const img of root.querySelectorAll('img')) {
      img.addEventListener('error', () => {
        const figure = img.closest('figure');
        if (figure && figure.querySelectorAll('img').length === 1) figure.hidden = true;
        else img.hidden = true;
      });
    }
  }

  function formatDate(iso, lang) {
    if (!iso) return null;
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return String(iso);
    try {
      const hasTime = /T\d{2}:\d{2}/.test(iso);
      return new Intl.DateTimeFormat(lang || undefined, {
        dateStyle: 'long',
        ...(hasTime ? { timeStyle: 'short' } : { timeZone: 'UTC' }),
      }).format(date);
    } catch {
      return String(iso);
    }
  }

  function siteHost(url) {
    try {
      return new URL(url).hostname.replace(/^www\./, '');
    } catch {
      return null;
    }
  }

  // Splits text into utterance-sized pieces: Chrome stops long utterances.
  function speechChunks(text) {
    const chunks = [];
    for (const para of String(text || '').split(/\n\s*\n/)) {
      const sentences = para.match(/[^.!?؟۔\n]+[.!?؟۔]*\s*/gu) || [];
      let current = '';
      for (const sentence of sentences) {
        if (current && current.length + sentence.length > 220) {
          chunks.push(current.trim());
          current = '';
        }
        current += sentence;
      }
      if (current.trim()) chunks.push(current.trim());
    }
    return chunks;
  }

  function articleLang(article) {
    if (article.lang) return String(article.lang);
    if (/[\u0600-\u06ff]/.test(article.text || article.title || '')) return 'ar';
    return '';
  }

  async function copyToClipboard(doc, text, container) {
    try {
      if (globalThis.navigator && navigator.clipboard && navigator.clipboard.writeText) {
        await navigator.clipboard.writeText(text);
        return true;
      }
    } catch {
      // fall through to the selection-based copy
    }
    const area = el(doc, 'textarea', { 'aria-hidden': 'true', readonly: '' });
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    container.append(area);
    area.select();
    let ok = false;
    try {
      ok = doc.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }

  // Printing: hide everything in the document except the host for the
  // duration of the print, with a constructed sheet so no DOM is touched.
  function printOnly(host) {
    const doc = host.ownerDocument;
    const win = doc.defaultView || globalThis;
    const css =
      '@media print { body * { visibility: hidden !important; } ' +
      '[data-naqi-printing], [data-naqi-printing] * { visibility: visible !important; } ' +
      '[data-naqi-printing] { position: absolute !important; inset-block-start: 0 !important; inset-inline-start: 0 !important; inline-size: 100% !important; } }';
    let cleanup;
    try {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      cleanup = () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    } catch {
      const style = el(doc, 'style', {}, css);
      (doc.head || doc.documentElement).append(style);
      cleanup = () => style.remove();
    }
    host.setAttribute('data-naqi-printing', '');
    const done = () => {
      host.removeAttribute('data-naqi-printing');
      cleanup();
      win.removeEventListener('afterprint', done);
    };
    win.addEventListener('afterprint', done);
    win.print();
    // Some browsers never fire afterprint for a blocked print dialog.
    win.setTimeout(() => {
      if (host.hasAttribute('data-naqi-printing')) done();
    }, 60000);
  }

  function applyStyles(shadow, doc) {
    const win = doc.defaultView || globalThis;
    try {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // constructed sheets unavailable (or blocked across extension worlds)
    }
    shadow.append(el(doc, 'style', {}, CSS));
  }

  function mount(host, article, options) {
    if (!host || typeof host.attachShadow !== 'function') {
      throw new TypeError('NaqiReader.mount: host must be an element');
    }
    if (!article || typeof article !== 'object') {
      throw new TypeError('NaqiReader.mount: article must be an Article object');
    }
    const previous = mounted.get(host);
    if (previous) previous.unmount();

    const opts = options || {};
    const doc = host.ownerDocument;
    const uiLang = pickUiLang(opts.uiLang);
    const t = STRINGS[uiLang];
    const uiDir = uiLang === 'ar' ? 'rtl' : 'ltr';
    const dir = article.dir === 'rtl' ? 'rtl' : 'ltr';
    const lang = articleLang(article);
    let prefs = normalizePrefs(opts.prefs);

    const shadow = host.shadowRoot || host.attachShadow({ mode: 'open' });
    shadow.replaceChildren();
    applyStyles(shadow, doc);

    const root = el(doc, 'div', { class: 'naqi', dir: uiDir, lang: uiLang });
    shadow.append(root);

    // Toolbar ---------------------------------------------------------------
    const toolbar = el(doc, 'div', { class: 'naqi-toolbar', role: 'toolbar', 'aria-label': t.toolbar });
    const button = (action, label, value, extra) =>
      el(doc, 'button', Object.assign({ type: 'button', 'data-action': action, 'data-value': value }, extra), label);
    const group = (label, children) => {
      const g = el(doc, 'div', { class: 'naqi-group', role: 'group', 'aria-label': label, title: label });
      g.append(...children);
      return g;
    };

    const themeButtons = THEMES.map((name) => {
      const b = button('theme', '', name, { 'aria-pressed': 'false' });
      b.append(el(doc, 'span', { class: 'naqi-swatch', 'data-value': name, 'aria-hidden': 'true' }), t[name]);
      return b;
    });
    const smaller = button('font-smaller', uiLang === 'ar' ? 'أ−' : 'A−', null, { 'aria-label': t.smaller, title: t.smaller });
    const larger = button('font-larger', uiLang === 'ar' ? 'أ+' : 'A+', null, { 'aria-label': t.larger, title: t.larger });
    const widthButtons = WIDTHS.map((name) =>
      button('width', t[name], name, { 'aria-pressed': 'false', title: `${t.width}: ${t[name]}` }),
    );
    const fontButtons = FONTS.map((name) => button('font', t[name], name, { 'aria-pressed': 'false' }));
    const speech = globalThis.speechSynthesis;
    const listen = button('listen', t.listen, null, speech ? { 'aria-pressed': 'false' } : { disabled: '', title: t.noSpeech });
    const copyText = button('copy-text', t.copyText);
    const copyMarkdown = button('copy-markdown', t.copyMarkdown);
    const print = button('print', t.print);
    const close = button('close', `✕ ${t.close}`, null, { 'aria-label': t.close });
    const status = el(doc, 'span', { class: 'naqi-status', role: 'status', 'aria-live': 'polite' });

    const actions = el(doc, 'div', { class: 'naqi-group' });
    actions.append(listen, copyText, copyMarkdown, print);
    toolbar.append(
      group(t.theme, themeButtons),
      group(t.font, [smaller, larger, ...fontButtons]),
      group(t.width, widthButtons),
      actions,
      status,
      el(doc, 'span', { class: 'naqi-spacer' }),
      close,
    );
    root.append(toolbar);

    // Header, lead image, body ---------------------------------------------
    const page = el(doc, 'main', { class: 'naqi-page', dir, lang: lang || null, tabindex: '-1' });
    const head = el(doc, 'header', { class: 'naqi-head' });
    const site = article.siteName || siteHost(article.canonicalUrl);
    if (site) head.append(el(doc, 'p', { class: 'naqi-site', dir: 'auto' }, site));
    head.append(el(doc, 'h1', { class: 'naqi-title', dir: 'auto' }, article.title || ''));
    const meta = el(doc, 'p', { class: 'naqi-meta' });
    // Sites that credit themselves as the author would show their name twice.
    if (article.byline && article.byline.trim() !== String(site || '').trim()) {
      meta.append(el(doc, 'span', { class: 'naqi-byline', dir: 'auto' }, article.byline));
    }
    const date = formatDate(article.published, lang || uiLang);
    if (date) meta.append(el(doc, 'time', { class: 'naqi-date', datetime: article.published }, date));
    const rt = article.readingTime;
    if (rt && rt.maxMinutes > 0) {
      const minutes = t.minutes(rt.minMinutes || rt.maxMinutes, rt.maxMinutes);
      meta.append(el(doc, 'span', { class: 'naqi-reading-time', dir: uiDir, lang: uiLang }, minutes));
    }
    if (meta.childNodes.length) head.append(meta);
    page.append(head);

    const body = buildBody(doc, article.contentHtml);
    // The header already shows the title; drop a leading heading that repeats it.
    const firstHeading = body.querySelector('h1, h2');
    const squash = (text) => String(text || '').replace(/\s+/g, ' ').trim();
    if (
      firstHeading &&
      article.title &&
      squash(firstHeading.textContent) === squash(article.title) &&
      squash(body.textContent).startsWith(squash(article.title))
    ) {
      firstHeading.remove();
    }
    const bodyImages = Array.from(body.querySelectorAll('img')).map((img) => img.getAttribute('src'));
    if (article.leadImage && isSafeUrl(article.leadImage) && !bodyImages.includes(article.leadImage)) {
      const figure = el(doc, 'figure', { class: 'naqi-lead' });
      figure.append(el(doc, 'img', { src: article.leadImage, alt: '', loading: 'lazy', decoding: 'async' }));
      page.append(figure);
    }
    const articleEl = el(doc, 'article', { class: 'naqi-article', dir, lang: lang || null });
    articleEl.append(body);
    page.append(articleEl);

    // Removed blocks ---------------------------------------------------------
    const removed = Array.isArray(article.removed) ? article.removed : [];
    const panel = el(doc, 'details', { class: 'naqi-removed', dir: uiDir, lang: uiLang });
    const count = new Intl.NumberFormat(uiLang).format(removed.length);
    panel.append(el(doc, 'summary', {}, `${t.removed} (${count})`));
    if (removed.length) {
      const list = el(doc, 'ol', {});
      for (const r of removed) {
        const item = el(doc, 'li', { 'data-kind': r.kind });
        item.append(el(doc, 'span', { class: 'naqi-kind' }, t.kinds[r.kind] || r.kind));
        if (r.label) item.append(el(doc, 'span', { class: 'naqi-label', dir: 'auto' }, r.label));
        item.append(el(doc, 'span', { class: 'naqi-preview', dir: 'auto' }, r.preview || ''));
        list.append(item);
      }
      panel.append(list);
    } else {
      panel.append(el(doc, 'p', {}, t.nothingRemoved));
    }
    page.append(panel);
    root.append(page);
    hideBrokenImages(page);

    // Behaviour --------------------------------------------------------------
    const applyPrefs = () => {
      root.dataset.theme = prefs.theme;
      root.dataset.width = prefs.width;
      root.dataset.font = prefs.font;
      root.style.setProperty('--naqi-size', `${prefs.fontSize}px`);
      host.setAttribute('data-naqi-theme', prefs.theme);
      for (const b of themeButtons) b.setAttribute('aria-pressed', String(b.dataset.value === prefs.theme));
      for (const b of widthButtons) b.setAttribute('aria-pressed', String(b.dataset.value === prefs.width));
      for (const b of fontButtons) b.setAttribute('aria-pressed', String(b.dataset.value === prefs.font));
      smaller.disabled = prefs.fontSize <= MIN_FONT_SIZE;
      larger.disabled = prefs.fontSize >= MAX_FONT_SIZE;
    };
    const changePrefs = (change) => {
      prefs = normalizePrefs(change, prefs);
      applyPrefs();
      if (typeof opts.onPrefsChange === 'function') opts.onPrefsChange(Object.assign({}, prefs));
    };

    let statusTimer = 0;
    const say = (message) => {
      status.textContent = message;
      clearTimeout(statusTimer);
      statusTimer = setTimeout(() => {
        status.textContent = '';
      }, 2500);
    };

    let speaking = false;
    const stopSpeaking = () => {
      if (!speech) return;
      speaking = false;
      speech.cancel();
      listen.textContent = t.listen;
      listen.setAttribute('aria-pressed', 'false');
    };
    const startSpeaking = () => {
      const chunks = speechChunks([article.title, article.text].filter(Boolean).join('\n\n'));
      if (!chunks.length) return;
      const voiceLang = (lang || (dir === 'rtl' ? 'ar' : 'en')).toLowerCase();
      const prefix = voiceLang.split('-')[0];
      const voices = speech.getVoices();
      const voice =
        voices.find((v) => v.lang.toLowerCase() === voiceLang) ||
        voices.find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === prefix) ||
        null;
      speech.cancel();
      speaking = true;
      listen.textContent = t.stop;
      listen.setAttribute('aria-pressed', 'true');
      chunks.forEach((chunk, i) => {
        const u = new SpeechSynthesisUtterance(chunk);
        u.lang = voice ? voice.lang : voiceLang;
        if (voice) u.voice = voice;
        if (i === chunks.length - 1) {
          const finish = () => speaking && stopSpeaking();
          u.addEventListener('end', finish);
          u.addEventListener('error', finish);
        }
        speech.speak(u);
      });
    };

    const close_ = () => {
      if (typeof opts.onClose === 'function') opts.onClose();
      else handle.unmount();
    };

    const onClick = async (event) => {
      const target = event.target.closest && event.target.closest('button[data-action]');
      if (!target || !root.contains(target)) return;
      const value = target.dataset.value;
      switch (target.dataset.action) {
        case 'theme':
          return changePrefs({ theme: value });
        case 'width':
          return changePrefs({ width: value });
        case 'font':
          return changePrefs({ font: value });
        case 'font-smaller':
          return changePrefs({ fontSize: prefs.fontSize - FONT_STEP });
        case 'font-larger':
          return changePrefs({ fontSize: prefs.fontSize + FONT_STEP });
        case 'listen':
          return speaking ? stopSpeaking() : startSpeaking();
        case 'copy-text': {
          const text = [article.title, article.text].filter(Boolean).join('\n\n');
          return say((await copyToClipboard(doc, text, root)) ? t.copied : t.copyFailed);
        }
        case 'copy-markdown': {
          const md = article.markdown || '';
          const text = article.title && !md.startsWith('# ') ? `# ${article.title}\n\n${md}` : md;
          return say((await copyToClipboard(doc, text, root)) ? t.copied : t.copyFailed);
        }
        case 'print':
          return printOnly(host);
        case 'close':
          return close_();
        default:
          return undefined;
      }
    };
    const onKeydown = (event) => {
      if (event.key === 'Escape' && typeof opts.onClose === 'function') {
        event.stopPropagation();
        opts.onClose();
      }
    };
    root.addEventListener('click', onClick);
    host.addEventListener('keydown', onKeydown);
    applyPrefs();
    // Focus the view so keyboard scrolling and Escape work at once; deferred
    // because callers may attach the host to the document after mount().
    queueMicrotask(() => {
      if (page.isConnected) page.focus({ preventScroll: true });
    });

    let alive = true;
    const handle = {
      unmount() {
        if (!alive) return;
        alive = false;
        stopSpeaking();
        clearTimeout(statusTimer);
        root.removeEventListener('click', onClick);
        host.removeEventListener('keydown', onKeydown);
        host.removeAttribute('data-naqi-theme');
        shadow.replaceChildren();
        try {
          shadow.adoptedStyleSheets = [];
        } catch {
          // nothing to clear
        }
        mounted.delete(host);
      },
      setPrefs(next) {
        if (!alive) return;
        prefs = normalizePrefs(next, prefs);
        applyPrefs();
      },
    };
    mounted.set(host, handle);
    return handle;
  }

  globalThis.NaqiReader = Object.freeze({ mount, DEFAULT_PREFS });
})();
