// Small helpers of the view: element creation, dates, speech chunks, clipboard, printing.
// Defines: el(), formatDate(), siteHost(), speechChunks(), articleLang(), copyToClipboard(),
// printOnly().

function el(doc, tag, attrs, text) {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== undefined && value !== null && value !== false)
      node.setAttribute(name, String(value));
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
      dateStyle: "long",
      ...(hasTime ? { timeStyle: "short" } : { timeZone: "UTC" }),
    }).format(date);
  } catch {
    return String(iso);
  }
}

function siteHost(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
}

// Splits text into utterance-sized pieces: Chrome stops long utterances.
function speechChunks(text) {
  const chunks = [];
  for (const para of String(text || "").split(/\n\s*\n/)) {
    const sentences = para.match(/[^.!?؟۔\n]+[.!?؟۔]*\s*/gu) || [];
    let current = "";
    for (const sentence of sentences) {
      if (current && current.length + sentence.length > 220) {
        chunks.push(current.trim());
        current = "";
      }
      current += sentence;
    }
    if (current.trim()) chunks.push(current.trim());
  }
  return chunks;
}

function articleLang(article) {
  if (article.lang) return String(article.lang);
  if (/[\u0600-\u06ff]/.test(article.text || article.title || "")) return "ar";
  return "";
}

async function copyToClipboard(doc, text, container) {
  try {
    if (globalThis.navigator && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection-based copy
  }
  const area = el(doc, "textarea", { "aria-hidden": "true", readonly: "" });
  area.value = text;
  area.style.position = "fixed";
  area.style.opacity = "0";
  container.append(area);
  area.select();
  let ok = false;
  try {
    ok = doc.execCommand("copy");
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
    "@media print { body * { visibility: hidden !important; } " +
    "[data-naqi-printing], [data-naqi-printing] * { visibility: visible !important; } " +
    "[data-naqi-printing] { position: absolute !important; inset-block-start: 0 !important; inset-inline-start: 0 !important; inline-size: 100% !important; } }";
  let cleanup;
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    cleanup = () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  } catch {
    const style = el(doc, "style", {}, css);
    (doc.head || doc.documentElement).append(style);
    cleanup = () => style.remove();
  }
  host.setAttribute("data-naqi-printing", "");
  const done = () => {
    host.removeAttribute("data-naqi-printing");
    cleanup();
    win.removeEventListener("afterprint", done);
  };
  win.addEventListener("afterprint", done);
  win.print();
  // Some browsers never fire afterprint for a blocked print dialog.
  win.setTimeout(() => {
    if (host.hasAttribute("data-naqi-printing")) done();
  }, 60000);
}

const SEPARATORS = /^[\s|:،,;\-–—•·»«]+|[\s|:،,;\-–—•·»«]+$/g;

/** A site name as a reader expects it: one name, no separators, words of "CNNArabic" apart. */
function cleanSite(name, url) {
  let s = String(name || "")
    .replace(/\s+/g, " ")
    .replace(SEPARATORS, "");
  if (!s) return siteHost(url);
  if (/^(https?:\/\/|www\.)/i.test(s))
    return siteHost(/^https?:/i.test(s) ? s : `https://${s}`) || s;
  s = s.split(/\s+[|–—]\s+|\s+-\s+/)[0].replace(SEPARATORS, "");
  if (!/\s/.test(s) && /^[A-Za-z]{6,}$/.test(s))
    s = s.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2");
  return s || null;
}

const BYLINE_PREFIX =
  /^(by|written by|بقلم|كتب|كتبت|كتبه|تحرير|إعداد|اعداد|نوشته|به قلم|تحریر|رپورٹ)\s*[:：\-–—]?\s+/i;

/** A byline without "By"/"بقلم" prefixes, separators, repeated names or the site's own name. */
function cleanByline(byline, site) {
  let s = String(byline || "")
    .replace(/\s+/g, " ")
    .replace(SEPARATORS, "");
  for (let i = 0; i < 2; i++) s = s.replace(BYLINE_PREFIX, "").replace(SEPARATORS, "");
  const names = [];
  for (const part of s.split(/\s*[،,;]\s*|\s+(?:and|و|و‌)\s+(?=\S)/)) {
    const name = part.replace(SEPARATORS, "");
    if (name && !names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  const out = names.join("، ").trim();
  if (!out || out.length > 120) return null;
  if (site && out.toLowerCase() === String(site).trim().toLowerCase()) return null;
  return /[\u0600-\u06ff]/.test(out) ? out : names.join(", ");
}
