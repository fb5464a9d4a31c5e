// HTML text in the browser build, which has no HTML parser of its own: the browser's DOMParser
// parses it and encodeDocument walks the result, exactly as extractDocument walks a live page.
// The checks the Rust pipeline makes on HTML text before parsing (src/pipeline.rs: empty, too
// large, binary data, NULs) are made here first, with the same codes and messages, and so is the
// one input change of src/parse/prepare that alters what a parser builds rather than how fast:
// an XHTML-style `<script .../>` (lxml writes it) would otherwise turn the rest of the page into
// script. (The other changes there only bound html5ever's time on hostile nesting; the
// browser's parser bounds its own.)
//
// A DOMParser parses with scripts off, so it reads a <noscript>'s content as markup, where
// html5ever (scripts on, like a browser showing the page) keeps it as raw text. Each noscript's
// raw text is therefore lifted out before parsing (the element stays, empty, marked with its
// index) and encodeDocument writes it back: the same text, and the same tree around it (an
// empty noscript in <head> does not end the head as its markup would).
import { naqiError } from "./error.js";
import { encodeDocument } from "./tree.js";

const DEFAULT_MAX_INPUT_BYTES = 32 * 1024 * 1024;

/** Whether this context has a DOMParser (pages do; workers do not). */
export const hasDomParser = () => typeof globalThis.DOMParser === "function";

/** UTF-8 length of a string, without encoding it. */
function utf8Length(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * The checks of `check_input` (src/pipeline.rs), then the text a parser should read.
 * @param {unknown} html
 * @param {{ maxInputBytes?: number } | undefined | null} options
 */
export function checkedHtml(html, options) {
  if (typeof html !== "string") {
    const given = html === null ? "null" : typeof html;
    throw naqiError("INVALID_INPUT", `invalid input: html must be a string, not ${given}`);
  }
  const limit =
    typeof options?.maxInputBytes === "number" ? options.maxInputBytes : DEFAULT_MAX_INPUT_BYTES;
  const size = html.length > limit ? utf8Length(html) : html.length;
  if (size > limit) {
    const bytes = utf8Length(html);
    if (bytes > limit) {
      throw naqiError(
        "INPUT_TOO_LARGE",
        `the input is ${bytes} bytes, over the limit of ${limit} bytes`,
      );
    }
  }
  if (html.trim() === "") throw naqiError("EMPTY_INPUT", "the input is empty");
  let sampled = 0;
  let control = 0;
  for (const c of html) {
    if (sampled === 4096) break;
    sampled++;
    const code = c.codePointAt(0);
    const isControl = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    if (isControl && c !== "\t" && c !== "\n" && c !== "\r" && c !== "\f") control++;
  }
  if (control * 20 > sampled) {
    throw naqiError("NOT_HTML", "the input is not an HTML document: the input holds binary data");
  }
  const text = html.includes("\0") ? html.replaceAll("\0", "\uFFFD") : html;
  // `<script ...></script>` for `<script .../>`, as src/parse/prepare does.
  return text.replace(/<script(\s[^<>]*?)?\/>/gi, (_, attrs) => `<script${attrs ?? ""}></script>`);
}

/** Elements whose content the tokenizer reads as text up to their end tag (scripts on). */
const RAW_TEXT = new Set([
  "script",
  "style",
  "title",
  "textarea",
  "iframe",
  "xmp",
  "noembed",
  "noframes",
  "noscript",
]);
const TAG_NAME = /[A-Za-z][^\t\n\f\r />]*/y;

/**
 * `html` with the raw text of every `<noscript>` taken out (the element marked
 * `data-naqi-raw="i"`), and those texts; `style` attributes renamed `data-naqi-style` and
 * `<style>` elements made empty scripts of type `naqi-style`, since a parse in a page whose CSP
 * forbids inline styles reports each one (encodeDocument writes them back as they were). Tags are found as the tokenizer finds them: comments, quoted attribute
 * values and raw-text bodies are skipped.
 * @param {string} html
 * @param {boolean} [lift] whether noscripts are lifted (else only styles are changed)
 */
export function liftNoscripts(html, lift = true) {
  const raws = [];
  const edits = []; // [from, to, replacement], in order
  let i = 0;
  const n = html.length;
  const isSpace = (c) => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f";
  while (true) {
    const lt = html.indexOf("<", i);
    if (lt === -1 || lt + 1 >= n) break;
    const next = html[lt + 1];
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      if (end === -1) break;
      i = end + 3;
      continue;
    }
    if (next === "!" || next === "?" || next === "/") {
      const end = html.indexOf(">", lt);
      if (end === -1) break;
      i = end + 1;
      continue;
    }
    TAG_NAME.lastIndex = lt + 1;
    const m = TAG_NAME.exec(html);
    if (m === null) {
      i = lt + 1;
      continue;
    }
    const name = m[0].toLowerCase();
    const nameEnd = lt + 1 + m[0].length;
    const tagEdits = [];
    // To the start tag's '>', past quoted attribute values; attribute names on the way.
    let j = nameEnd;
    let afterEquals = false;
    while (j < n) {
      const c = html[j];
      if (c === ">") break;
      if (afterEquals && (c === '"' || c === "'")) {
        const close = html.indexOf(c, j + 1);
        j = close === -1 ? n : close + 1;
        afterEquals = false;
        continue;
      }
      if (c === "=") {
        afterEquals = true;
      } else if (isSpace(c) || c === "/") {
        // Between attributes (or before a value).
      } else if (afterEquals) {
        // An unquoted value.
        while (j < n && !isSpace(html[j]) && html[j] !== ">") j++;
        afterEquals = false;
        continue;
      } else {
        // An attribute name.
        let k = j + 1;
        while (k < n && !isSpace(html[k]) && html[k] !== "/" && html[k] !== ">" && html[k] !== "=")
          k++;
        if (k - j === 5 && html.slice(j, k).toLowerCase() === "style") {
          tagEdits.push([j, k, "data-naqi-style"]);
        }
        j = k;
        continue;
      }
      j++;
    }
    if (j >= n) break;
    if (!RAW_TEXT.has(name)) {
      edits.push(...tagEdits);
      i = j + 1;
      continue;
    }
    const endTag = new RegExp(`</${name}[\\t\\n\\f\\r />]`, "gi");
    endTag.lastIndex = j + 1;
    const found = endTag.exec(html);
    const end = found === null ? n : found.index;
    if (name === "style") {
      // A <style> in a DOMParser document is reported under a CSP without 'unsafe-inline',
      // even empty; a script of an unknown type parses alike (raw text, allowed in <head>)
      // and is not. encodeDocument writes it back as an empty <style>, as the HTML path has it.
      edits.push([lt + 1, nameEnd, 'script type="naqi-style"'], ...tagEdits, [j + 1, end, ""]);
      if (found !== null) edits.push([end + 2, end + 7, "script"]);
    } else if (name === "noscript" && lift) {
      edits.push([nameEnd, nameEnd, ` data-naqi-raw="${raws.length}"`], ...tagEdits, [
        j + 1,
        end,
        "",
      ]);
      raws.push(html.slice(j + 1, end));
    } else {
      edits.push(...tagEdits);
    }
    i = end;
  }
  if (edits.length === 0) return { html, raws };
  let out = "";
  let at = 0;
  for (const [from, to, text] of edits) {
    out += html.slice(at, from) + text;
    at = to;
  }
  return { html: out + html.slice(at), raws };
}

/**
 * HTML text in naqi's tree format, through the browser's parser.
 * @param {string} html text that passed `checkedHtml`
 */
export function htmlToTree(html) {
  const lifted = liftNoscripts(html);
  const doc = new DOMParser().parseFromString(lifted.html, "text/html");
  placeStreamedParts(doc);
  return encodeDocument(doc, lifted.raws, (markup) => liftNoscripts(markup, false).html);
}

// React's streamed server rendering sends each late part of a page as a hidden
// `<div id="S:n">` that `$RC("B:n","S:n")` moves before its `<template id="B:n">` (`n` in
// hexadecimal). A DOMParser runs no scripts, so the move is made here, as the native HTML path
// makes it (src/parse/streamed.rs); a live page has made it already.
const BOUNDARY = /^[0-9a-f]+$/i;
function placeStreamedParts(doc) {
  const templates = new Map();
  for (const t of doc.querySelectorAll('template[id^="B:"]')) {
    const n = t.id.slice(2).toLowerCase();
    if (BOUNDARY.test(n) && !templates.has(n)) templates.set(n, t);
  }
  if (templates.size === 0) return;
  for (const part of doc.querySelectorAll('div[hidden][id^="S:"]')) {
    const n = part.id.slice(2).toLowerCase();
    const template = BOUNDARY.test(n) ? templates.get(n) : undefined;
    // A template inside its own part (never written by React) would make a loop.
    if (template === undefined || part.contains(template)) continue;
    template.before(part);
  }
}
