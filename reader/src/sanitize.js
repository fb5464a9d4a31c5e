// The one place HTML enters the view: the article body, parsed in an inert <template> and
// cleaned again (defence in depth; the Rust core already sanitizes).
// Defines: isSafeUrl(), buildBody(), hideBrokenImages().

// Elements and attributes that must never reach the view, even if the
// input was not what the core produces.
const FORBIDDEN_TAGS =
  "script,style,link,meta,base,iframe,frame,frameset,object,embed,applet,form,input,button,textarea,select,template,noscript,svg,math";
const URL_ATTRS = ["href", "src", "srcset", "poster", "action", "formaction", "xlink:href", "cite"];
const BIDI_AUTO = "p,h1,h2,h3,h4,h5,h6,li,blockquote,figcaption,td,th,dt,dd,caption,summary";
// Under a page CSP without 'unsafe-inline' the browser reports every `style` attribute its
// parser meets, even in an inert template, so those of each start tag are renamed before
// parsing (and dropped below with the rest). One the patterns miss (after a `>` inside an
// attribute value, or a bare `style` before another attribute) is only reported: it is
// removed all the same.
const START_TAG = /<[a-z][^<>]*/gi;
const STYLE_ATTR = /(\s)style(?=\s*=|\s*\/?$)/gi;
const RENAMED_STYLE = "data-naqi-style";

// biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop these from URLs too
const URL_CONTROLS = /[\u0000-\u0020\u007f-\u009f]+/g;

function isSafeUrl(value) {
  const v = String(value).replace(URL_CONTROLS, "").toLowerCase();
  return (
    !/^(javascript|vbscript|data):/.test(v) || /^data:image\/(png|gif|jpe?g|webp|avif);/.test(v)
  );
}

// Parses the body HTML in an inert template and removes anything active.
function buildBody(doc, html) {
  const template = doc.createElement("template");
  const renamed = String(html || "").replace(START_TAG, (tag) =>
    tag.replace(STYLE_ATTR, `$1${RENAMED_STYLE}`),
  );
  template.innerHTML = renamed;
  const frag = template.content;
  for (const node of frag.querySelectorAll(FORBIDDEN_TAGS)) node.remove();
  for (const node of frag.querySelectorAll("*")) {
    for (const attr of Array.from(node.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on") || name === "style" || name === RENAMED_STYLE || name === "srcdoc")
        node.removeAttribute(attr.name);
      else if (URL_ATTRS.includes(name) && !isSafeUrl(attr.value)) node.removeAttribute(attr.name);
    }
  }
  for (const node of frag.querySelectorAll(BIDI_AUTO)) {
    if (!node.hasAttribute("dir")) node.setAttribute("dir", "auto");
  }
  for (const a of frag.querySelectorAll("a[href]")) a.setAttribute("rel", "noopener noreferrer");
  for (const img of frag.querySelectorAll("img")) {
    img.setAttribute("loading", "lazy");
    img.setAttribute("decoding", "async");
  }
  return frag;
}

// Hides images that fail to load (offline, hot-link protection) instead of
// showing a broken-image icon.
function hideBrokenImages(root) {
  for (const img of root.querySelectorAll("img")) {
    img.addEventListener("error", () => {
      const figure = img.closest("figure");
      if (figure && figure.querySelectorAll("img").length === 1) figure.hidden = true;
      else img.hidden = true;
    });
  }
}
