// Full-page mode: while the view is open nothing of the page shows, applies or takes focus,
// and closing puts every touched thing back exactly as it was.
// Defines: isolatePage(host, onReattach) -> restore().
//
// What it does, each undone by restore():
// - every child of <html> but <head> and the host gets `display: none !important` and
//   `inert` (only their `style` and `inert` attributes are touched, and restored verbatim);
// - the page's style sheets are disabled (`CSSStyleSheet.disabled`, not an attribute), its
//   adopted sheets replaced by one that turns off the root's pseudo-elements (in case the
//   page enables its sheets again) and its script-made FontFaces taken out of
//   `document.fonts`, so no root filter, transform, `html::after`, font or `scroll-behavior`
//   of the page applies;
// - inline styles on <html> that could still reach the view (filter, transform, zoom, ...)
//   are overridden with `!important` declarations;
// - a MutationObserver hides and makes inert whatever the page adds to <html> later,
//   disables style sheets it adds anywhere, and puts the host back if the page hides,
//   disables or removes it;
// - the scroll position is saved and restored.

const ROOT_OVERRIDES = {
  display: "block",
  filter: "none",
  transform: "none",
  translate: "none",
  rotate: "none",
  scale: "none",
  zoom: "1",
  opacity: "1",
  visibility: "visible",
  "clip-path": "none",
  mask: "none",
  "mix-blend-mode": "normal",
  "backdrop-filter": "none",
  "scroll-behavior": "auto",
  overflow: "hidden",
  "content-visibility": "visible",
};
const HOST_OVERRIDES = {
  display: "block",
  position: "static",
  float: "none",
  margin: "0",
  padding: "0",
  border: "0",
  width: "auto",
  height: "auto",
  visibility: "visible",
  opacity: "1",
  transform: "none",
  filter: "none",
  "content-visibility": "visible",
};
const HIDDEN = { display: "none" };
const MAX_REATTACH = 10;
const GUARD_CSS =
  "html::before, html::after, body::before, body::after " +
  "{ content: none !important; display: none !important; }";

function enforce(element, styles) {
  for (const [name, value] of Object.entries(styles)) {
    const style = element.style;
    if (style.getPropertyValue(name) !== value || style.getPropertyPriority(name) !== "important") {
      style.setProperty(name, value, "important");
    }
  }
}

function isolatePage(host, onReattach) {
  const doc = host.ownerDocument;
  const win = doc.defaultView || globalThis;
  const root = doc.documentElement;
  const x = win.scrollX;
  const y = win.scrollY;

  /** [element, style attribute or null, inert attribute or null], restored in reverse. */
  const touched = [];
  const seen = new Set();
  const remember = (element) => {
    if (seen.has(element)) return;
    seen.add(element);
    touched.push([element, element.getAttribute("style"), element.getAttribute("inert")]);
  };
  const hide = (element) => {
    if (element === host || element === doc.head || element.nodeType !== 1) return;
    remember(element);
    enforce(element, HIDDEN);
    if (!element.hasAttribute("inert")) element.setAttribute("inert", "");
  };

  // Style sheets: document ones disabled, adopted ones set aside.
  const sheets = new Map();
  const disable = (sheet) => {
    if (!sheet || sheets.has(sheet)) return;
    sheets.set(sheet, sheet.disabled);
    sheet.disabled = true;
  };
  const disableSheetsOf = (node) => {
    if (node.nodeType !== 1) return;
    const owners = node.matches("style, link") ? [node] : [...node.querySelectorAll("style, link")];
    for (const owner of owners) {
      if (owner.sheet) disable(owner.sheet);
      else if (owner.localName === "link")
        owner.addEventListener("load", () => live && disable(owner.sheet), { once: true });
    }
  };
  for (const sheet of Array.from(doc.styleSheets)) disable(sheet);
  let adopted = null;
  try {
    adopted = Array.from(doc.adoptedStyleSheets); // a copy: the property is a live array
    const guard = new win.CSSStyleSheet();
    guard.replaceSync(GUARD_CSS);
    doc.adoptedStyleSheets = [guard];
  } catch {
    adopted = null; // not reachable from this world (Firefox content scripts)
  }
  const fonts = [];
  try {
    for (const face of Array.from(doc.fonts)) {
      if (doc.fonts.delete(face)) fonts.push(face); // false for faces from @font-face rules
    }
  } catch {
    // FontFaceSet not iterable here: nothing to set aside
  }

  remember(root);
  enforce(root, ROOT_OVERRIDES);
  remember(host);
  enforce(host, HOST_OVERRIDES);
  host.removeAttribute("inert");
  for (const child of Array.from(root.children)) hide(child);

  let live = true;
  let reattached = 0;
  const observer = new MutationObserver((records) => {
    if (!live) return;
    for (const record of records) {
      const target = record.target;
      if (record.type === "childList") {
        for (const node of record.addedNodes) {
          disableSheetsOf(node);
          if (node.parentNode === root) hide(node);
        }
      } else if (target === host) {
        if (host.hasAttribute("inert")) host.removeAttribute("inert");
      } else if (target !== root && seen.has(target) && target.parentNode === root) {
        hide(target); // the page tried to show a hidden part again
      }
    }
    // A page that keeps removing the host would keep this observer busy: give up after a few.
    if (!host.isConnected && reattached++ < MAX_REATTACH) {
      root.append(host);
      if (typeof onReattach === "function") onReattach();
    }
    enforce(root, ROOT_OVERRIDES);
    enforce(host, HOST_OVERRIDES);
  });
  observer.observe(root, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["style", "inert"],
  });
  win.scrollTo({ left: 0, top: 0, behavior: "instant" });

  return function restore() {
    if (!live) return;
    live = false;
    observer.disconnect();
    for (const [sheet, disabled] of sheets) sheet.disabled = disabled;
    if (adopted) {
      try {
        doc.adoptedStyleSheets = adopted;
      } catch {
        // the page replaced them meanwhile; keep its own
      }
    }
    for (const face of fonts) doc.fonts.add(face);
    for (const [element, style, inert] of touched.reverse()) {
      if (element === host) continue; // the caller removes it
      // Chromium writes CSSOM changes into the attribute lazily; reading it first makes the
      // removal final (otherwise a later read can bring back an empty `style=""`).
      element.getAttribute("style");
      if (style === null) {
        element.removeAttribute("style");
      } else {
        // Through the CSSOM first: a page CSP without 'unsafe-inline' blocks the attribute
        // from applying, but not the CSSOM; then the attribute's exact text.
        element.style.cssText = style;
        element.setAttribute("style", style);
      }
      if (inert === null) element.removeAttribute("inert");
      else element.setAttribute("inert", inert);
    }
    win.scrollTo({ left: x, top: y, behavior: "instant" });
  };
}
