// Runs Readability.js (on a jsdom document, its documented Node setup) or Defuddle (on a linkedom
// document, the setup its README leads with; on jsdom it takes seconds per page) over the pages of
// a JSON Lines manifest ({"id", "path", "url"?} per line) and prints one {"id", "text", "ms"} line per page
// ("error" instead of "text" on failure).
//
// Usage: node js_peers.mjs readability|defuddle MANIFEST.jsonl
//
// The time covers building the DOM document from the decoded page and running the extractor;
// turning the extractor's HTML into text for scoring is not timed. The first page is run once
// untimed before the timed runs (warm-up).
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";
import { Defuddle } from "defuddle/node";
import { parseHTML } from "linkedom";

const [system, manifest] = process.argv.slice(2);
if (!["readability", "defuddle"].includes(system) || !manifest) {
  console.error("usage: node js_peers.mjs readability|defuddle MANIFEST.jsonl");
  process.exit(2);
}

// Pages' own console noise and CSS parse errors are not ours to report.
const quiet = new VirtualConsole();

function readPage(path) {
  let bytes = readFileSync(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  return bytes.toString("utf8");
}

const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "br",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "td",
  "th",
  "tr",
  "ul",
]);

// Text of an HTML fragment with a line break around every block element, so words of adjacent
// blocks never glue together (textContent would turn "end</p><p>Next" into "endNext").
function blockText(html) {
  const { document } = new JSDOM("", { virtualConsole: quiet }).window;
  const root = document.createElement("div");
  root.innerHTML = html;
  const parts = [];
  const walk = [root];
  while (walk.length) {
    const node = walk.pop();
    if (typeof node === "string") {
      parts.push(node);
      continue;
    }
    if (node.nodeType === 3) {
      parts.push(node.data.replace(/\s+/g, " "));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = node.localName;
    if (tag === "script" || tag === "style" || tag === "template") continue;
    const block = BLOCK.has(tag);
    if (block) walk.push("\n");
    for (let i = node.childNodes.length - 1; i >= 0; i--) walk.push(node.childNodes[i]);
    if (block) walk.push("\n");
  }
  return parts
    .join("")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");
}

// The pages' addresses only resolve links; Defuddle needs one to read its metadata.
const FALLBACK_URL = "https://example.invalid/";

async function extract(html, url) {
  if (system === "readability") {
    const dom = new JSDOM(html, { url, virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    dom.window.close();
    return article ? article.content : null;
  }
  const { document } = parseHTML(html);
  const result = await Defuddle(document, url, {});
  return result ? result.content : null;
}

const lines = readFileSync(manifest, "utf8")
  .split("\n")
  .filter((l) => l.trim());
// Warm-up: the first page once, untimed, so the JIT's first compile is not charged to a page.
if (lines.length) {
  const first = JSON.parse(lines[0]);
  await extract(readPage(first.path), first.url || FALLBACK_URL).catch(() => null);
}
for (const line of lines) {
  const page = JSON.parse(line);
  const html = readPage(page.path);
  const start = performance.now();
  let out;
  try {
    const content = await extract(html, page.url || FALLBACK_URL);
    const ms = performance.now() - start;
    out =
      content == null
        ? { id: page.id, ms, error: "no article" }
        : { id: page.id, ms, text: blockText(content) };
  } catch (err) {
    out = {
      id: page.id,
      ms: performance.now() - start,
      error: String(err?.message || err),
    };
  }
  out.ms = Math.round(out.ms * 1000) / 1000;
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
