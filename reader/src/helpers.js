// Small helpers of the view: element creation, dates, speech chunks, clipboard, printing.
// Defines: el(), formatDate(), siteHost(), speechChunks(), articleLang(), copyToClipboard(),
// printOnly().

function el(doc, tag, attrs, text) {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
  }
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
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
