// The live DOM as naqi's tree format (docs/architecture.md), so that a page the browser has
// already parsed is not serialized and parsed again; src/parse reads it. Comments are left out,
// and so is what naqi never reads: the bodies of scripts (JSON-LD ones are kept), styles,
// templates and inline SVG, the content of opaque elements (menus, buttons, form controls, ...;
// only the JSON-LD scripts inside them are written), and attributes no stage reads.
//
// A <noscript> is written as its markup (`innerHTML`: the raw text a page with scripts on
// holds, or the serialization of what a DOMParser document parsed into it) as one text token;
// when that markup holds enough text to be the page's content, the browser's parse of it
// follows as elements, for a build without an HTML parser of its own.
//
// Which attributes are read, which elements are opaque or block-level, the lazy-image words and
// the noscript threshold are the Rust core's own lists (naqi::facts): `scripts/package.sh`
// writes them in place of the `naqi:facts` placeholder below, so this file only works as
// packaged (unpackaged, FACTS is null and the first call throws).
//
// The function is self-contained (no imports, no outer names): the extension passes it to
// `chrome.scripting.executeScript`, which runs its source in the page.

/**
 * Encodes a document (or any element) in naqi's tree format; by default the page's own
 * document, which is what `executeScript({ func: encodeDocument })` needs.
 * @param {Document | Element} [root]
 * @param {string[]} [rawNoscripts] the raw text of each `<noscript data-naqi-raw="i">`
 * @param {(markup: string) => string} [parseable] noscript markup as it is to be parsed
 *   (html.js renames its `style` attributes `data-naqi-style`, read back here as `style`)
 * @returns {string}
 */
export function encodeDocument(
  root = globalThis.document,
  rawNoscripts = undefined,
  parseable = undefined,
) {
  // One string grown with += (cheaper here than collecting tokens and joining them), and as few
  // DOM property reads per node as the walk allows: this runs on every node of the page.
  const NUL = "\u0000";
  const clean = (s) => (s.indexOf(NUL) === -1 ? s : s.replaceAll(NUL, "\uFFFD"));
  const FACTS = /* naqi:facts */ null;
  const READ = new Set(FACTS.read);
  const OPAQUE = new Set(FACTS.opaque);
  // Spaces right after a block's start or a block sibling are never rendered, and the working
  // tree does not keep them (src/dom/build.rs).
  const BLOCK = new Set(FACTS.block);
  const LAZY_IMAGE = new RegExp(FACTS.lazyImageWords.join("|"));
  const SPACES = /^[\t\n\f\r ]*$/;
  const afterBlock = (text) => {
    let prev = text.previousSibling;
    // Comments and spaces are not in the working tree: the boundary is what comes before them.
    const skipped = (n) => n.nodeType === 8 || (n.nodeType === 3 && SPACES.test(n.data));
    while (prev !== null && skipped(prev)) prev = prev.previousSibling;
    if (prev !== null) return prev.nodeType === 1 && BLOCK.has(prev.localName);
    const parent = text.parentNode;
    return (
      parent !== null &&
      parent.nodeType === 1 &&
      (BLOCK.has(parent.localName) || parent.localName === "body")
    );
  };
  const jsonLd = (script) => {
    const kind = script.getAttribute("type");
    return kind?.toLowerCase().includes("ld+json") ? kind : null;
  };
  // Characters of text outside tags, not counting whitespace (`markup_text_chars` in
  // src/parse/mod.rs): escaped tags count as tags.
  const markupTextChars = (markup) => {
    let inTag = false;
    let chars = 0;
    for (let i = 0; i < markup.length; ) {
      const opens = markup.startsWith("&lt;", i);
      const closes = markup.startsWith("&gt;", i);
      const c = String.fromCodePoint(markup.codePointAt(i));
      if (c === "<" || opens) inTag = true;
      else if (c === ">" || closes) inTag = false;
      else if (!inTag && (c === "\uFEFF" || !/^[\s\u0085]$/u.test(c))) chars++;
      i += opens || closes ? 4 : c.length;
    }
    return chars;
  };
  const NOSCRIPT_CONTENT_CHARS = FACTS.noscriptContentChars;
  let out = "naqi-tree/1";
  let preformatted = 0; // open <pre> and <listing> elements: their spaces are all kept

  const walk = (start) => {
    let node = start;
    while (node !== null) {
      const type = node.nodeType;
      let child = null;
      if (type === 1) {
        // A <style> html.js turned into a script (see there) is a <style> again.
        const restyled = node.localName === "script" && node.getAttribute("type") === "naqi-style";
        const name = restyled ? "style" : node.localName;
        out += NUL + "<" + name;
        if (node.hasAttributes()) {
          // Names, then values by name: no Attr objects are made.
          const names = node.getAttributeNames();
          for (let i = 0, count = names.length; i < count; i++) {
            const n = names[i];
            if (n === "data-naqi-style") {
              // A `style` renamed by html.js (unless the element has its own).
              if (node.hasAttribute("style")) continue;
              out += NUL + "=style" + NUL + clean(node.getAttribute(n) ?? "");
              continue;
            }
            if (restyled && n === "type") continue;
            if (!READ.has(n) && !(n.startsWith("data-") && LAZY_IMAGE.test(n))) continue;
            // Names cannot hold U+0000 (the DOM refuses them); values and texts can.
            out += NUL + "=" + n + NUL + clean(node.getAttribute(n) ?? "");
          }
        }
        if (name === "script") {
          if (jsonLd(node) !== null) out += NUL + "#" + clean(node.textContent || "");
        } else if (name === "noscript") {
          // HTML text parsed by a DOMParser (scripts off) comes with its noscripts' raw text
          // aside (html.js), as a browser with scripts on would hold it.
          const lifted = rawNoscripts && node.getAttribute("data-naqi-raw");
          const markup = lifted ? (rawNoscripts[Number(lifted)] ?? "") : node.innerHTML;
          if (markup !== "") out += NUL + "#" + clean(markup);
          if (markupTextChars(markup) >= NOSCRIPT_CONTENT_CHARS) {
            const inert = (
              node.ownerDocument || globalThis.document
            ).implementation.createHTMLDocument("");
            const body = inert.createElement("body");
            body.innerHTML = parseable ? parseable(markup) : markup;
            for (let c = body.firstChild; c !== null; c = c.nextSibling) walk(c);
          }
        } else if (OPAQUE.has(name)) {
          for (const script of node.querySelectorAll("script")) {
            const kind = jsonLd(script);
            if (kind === null) continue;
            out += NUL + "<script" + NUL + "=type" + NUL + clean(kind);
            out += NUL + "#" + clean(script.textContent || "") + NUL + ">";
          }
        } else if (name !== "style" && name !== "template" && name !== "svg") {
          child = node.firstChild;
        }
        if (child === null) out += NUL + ">";
        else if (name === "pre" || name === "listing") preformatted++;
      } else if (type === 3) {
        // Texts separated only by comments are one text, as in the HTML path (comments are
        // left out before parsing there, and the parser joins what meets).
        const first = node;
        let data = node.data;
        // (Not past the node a walk started on: the caller walks its siblings.)
        for (
          let s = node === start ? null : node.nextSibling;
          s !== null && (s.nodeType === 8 || s.nodeType === 3);
          s = s.nextSibling
        ) {
          if (s.nodeType === 3) data += s.data;
          node = s;
        }
        if (preformatted > 0 || !SPACES.test(data) || !afterBlock(first)) {
          out += NUL + "#" + clean(data);
        }
      }
      if (child !== null) {
        node = child;
        continue;
      }
      // Up until a next sibling, closing the elements left on the way.
      let next = null;
      while (node !== start && (next = node.nextSibling) === null) {
        node = node.parentNode;
        if (node === null) break;
        if (node.nodeType === 1) {
          out += NUL + ">";
          if (node.localName === "pre" || node.localName === "listing") preformatted--;
        }
      }
      node = node !== null && node !== start ? next : null;
    }
  };
  walk(root.documentElement || root);
  return out;
}
