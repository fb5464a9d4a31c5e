// The live DOM as naqi's tree format, so that a page the browser has already parsed is not
// serialized and parsed again. Rust reads it in src/dom/tree.rs, which documents the format:
// tokens joined by U+0000, after the header "naqi-tree/1":
//   "<name"  an element starts; "=attr" then the attribute's value follow, any number of times
//   ">"      the element that started last ends
//   "#text"  a text node
// Comments are left out, and so is what naqi never reads: the bodies of scripts (JSON-LD ones
// are kept), styles, templates and inline SVG, event handler attributes (`on*`), and `data-*`
// attributes other than the lazy-image ones (naming a src, url, original or lazy value).
//
// The function is self-contained (no imports, no outer names): the extension passes it to
// `chrome.scripting.executeScript`, which runs its source in the page.

/**
 * Encodes a document (or any element) in naqi's tree format; by default the page's own
 * document, which is what `executeScript({ func: encodeDocument })` needs.
 * @param {Document | Element} [root]
 * @returns {string}
 */
export function encodeDocument(root = globalThis.document) {
  const start = root.documentElement || root;
  const out = ["naqi-tree/1"];
  const clean = (s) => (s.indexOf("\u0000") === -1 ? s : s.replaceAll("\u0000", "\uFFFD"));
  let node = start;
  while (node) {
    let descend = false;
    if (node.nodeType === 1) {
      const name = node.localName;
      out.push("<" + name);
      const attrs = node.attributes;
      for (let i = 0; i < attrs.length; i++) {
        const a = attrs[i];
        const n = a.name;
        if (n.charCodeAt(0) === 111 && n.charCodeAt(1) === 110) continue; // on*
        if (n.startsWith("data-") && !/src|url|original|lazy/.test(n)) continue;
        out.push("=" + clean(n), clean(a.value));
      }
      if (name === "script") {
        const type = node.getAttribute("type") || "";
        if (type.toLowerCase().includes("ld+json")) out.push("#" + clean(node.textContent || ""));
      } else if (name !== "style" && name !== "template" && name !== "svg") {
        descend = node.firstChild !== null;
      }
      if (!descend) out.push(">");
    } else if (node.nodeType === 3) {
      out.push("#" + clean(node.data));
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Up until a next sibling, closing the elements left on the way.
    while (node && node !== start && !node.nextSibling) {
      node = node.parentNode;
      if (node && node.nodeType === 1) out.push(">");
    }
    node = node && node !== start ? node.nextSibling : null;
  }
  return out.join("\u0000");
}
