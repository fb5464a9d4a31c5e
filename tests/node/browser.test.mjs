// The installed package in real headless Chromium (Debian's, through playwright-core): a page
// served from 127.0.0.1 imports the web build, and another imports the default entry through an
// import map, as a bundler would resolve it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import {
  acceptance,
  acceptanceHtml,
  checkAcceptance,
  consumer,
  importFromRepo,
  SIMPLE_PAGE,
  SIMPLE_PARAGRAPH,
} from "./support.mjs";

const { launchChromium, startServer } = await importFromRepo("tests/browser/lib.mjs");

/** A page whose module script imports `entry` and leaves `run()`'s result in window.result. */
function modulePage(head, script) {
  return `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>
<script type="module">
window.result = (async () => {
  try { ${script} } catch (error) { return { failed: String(error && error.stack || error) }; }
})();
</script></body></html>`;
}

const WEB_PAGE = modulePage(
  "",
  `const naqi = await import("/node_modules/naqi/web.js");
  const out = {};
  try { naqi.extract("<p>x</p>"); } catch (e) { out.beforeInit = e.code; }
  await naqi.default();
  const html = await (await fetch("/seed-page.html")).text();
  const simple = await (await fetch("/simple.html")).text();
  out.acceptance = naqi.extract(html);
  out.simple = naqi.extract(simple);
  out.readable = naqi.isProbablyReadable(simple);
  try { naqi.extract(""); } catch (e) {
    out.error = { isError: e instanceof Error, name: e.name, code: e.code, message: e.message };
  }
  // The deliberate panic is reached through the package's files, not its entries.
  const { callGuarded } = await import("/node_modules/naqi/recover.js");
  const glue = await import("/node_modules/naqi/wasm/naqi.js");
  try { callGuarded(glue, () => true, "__naqiTrapForTests", []); } catch (e) {
    out.trap = { isError: e instanceof naqi.NaqiError, code: e.code, cause: e.cause?.constructor?.name };
  }
  try { naqi.extract(42); } catch (e) {
    out.invalid = { isNaqiError: e instanceof naqi.NaqiError, code: e.code };
  }
  out.bytes = naqi.extract(new TextEncoder().encode(simple)).text;
  out.afterTrap = naqi.extract(simple).text;
  return out;`,
);

const DEFAULT_ENTRY_PAGE = modulePage(
  '<script type="importmap">{"imports": {"naqi": "/node_modules/naqi/index.js"}}</script>',
  `const { extract } = await import("naqi");
  const simple = await (await fetch("/simple.html")).text();
  return { simple: extract(simple) };`,
);

// The article page itself, reading its own live DOM.
const SELF_PAGE = SIMPLE_PAGE.replace(
  "</body>",
  `<script type="module">
import init, { extractDocument } from "/node_modules/naqi/web.js";
window.result = init().then(() => ({ simple: extractDocument(document) }));
</script></body>`,
);

// The acceptance page itself, read through its live DOM (extractDocument walks it into naqi's
// tree format) and, for comparison, through its serialized HTML.
const LIVE_ACCEPTANCE = acceptanceHtml.replace(
  /<\/body>/i,
  `<script type="module">
import init, { extract, extractDocument, encodeDocument } from "/node_modules/naqi/web.js";
window.result = init().then(() => {
  const tree = encodeDocument(document);
  return {
    live: extractDocument(document),
    html: extract(document.documentElement.outerHTML, { url: location.href }),
    treeHeader: tree.slice(0, tree.indexOf("\\u0000")),
    treeChars: tree.length,
    htmlChars: document.documentElement.outerHTML.length,
  };
});
</script></body>`,
);

// A menu holding the page's JSON-LD: encodeDocument writes only that script from it, and both
// paths read the same metadata.
const MENU_HEADLINE = "Volunteers count a record number of swifts";
const MENU_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${MENU_HEADLINE} | Valley Courier</title></head><body>
<nav><h1>Valley Courier</h1><a href="/">Home page link</a><button>Open the menu</button>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "${MENU_HEADLINE}",
"datePublished": "2025-06-14T08:00:00Z", "author": {"@type": "Person", "name": "Mara Lind"}}</script>
</nav><div><p>${"Volunteers counted more than four thousand swifts over the valley. ".repeat(4)}</p>
<p>${"The birds nest under the roof tiles of old houses in the town. ".repeat(4)}</p></div>
<script type="module">
import init, { extract, extractDocument, encodeDocument } from "/node_modules/naqi/web.js";
window.result = init().then(() => ({
  live: extractDocument(document),
  html: extract(document.documentElement.outerHTML, { url: location.href }),
  tree: encodeDocument(document),
}));
</script></body></html>`;

let server;
let browser;
const pageErrors = [];

before(async () => {
  server = await startServer({
    root: consumer,
    routes: {
      "/web.html": { body: WEB_PAGE },
      "/default.html": { body: DEFAULT_ENTRY_PAGE },
      "/self.html": { body: SELF_PAGE },
      "/simple.html": { body: SIMPLE_PAGE },
      "/seed-page.html": { body: acceptanceHtml },
      "/seed-live.html": { body: LIVE_ACCEPTANCE },
      "/menu-live.html": { body: MENU_PAGE },
    },
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page of the test server and returns what its script left in window.result. */
async function resultOf(pathname) {
  const page = await browser.newPage();
  page.on("pageerror", (error) => pageErrors.push(`${pathname}: ${error.message}`));
  try {
    await page.goto(server.url(pathname));
    await page.waitForFunction(() => window.result !== undefined);
    const result = await page.evaluate(() => window.result);
    assert.equal(result.failed, undefined, result.failed);
    assert.deepEqual(pageErrors, []);
    return result;
  } finally {
    await page.close();
  }
}

let web;
test("the web build loads in Chromium and extracts", async () => {
  web = await resultOf("/web.html");
  assert.equal(web.beforeInit, "NOT_INITIALIZED");
  assert.equal(web.simple.title, "خبر قصير للتجربة");
  assert.ok(web.simple.text.includes(SIMPLE_PARAGRAPH));
  assert.equal(web.readable, true);
  assert.ok(server.requests.includes("/node_modules/naqi/wasm/naqi_bg.wasm"));
});

test("errors in Chromium are Error objects with a code", () => {
  assert.deepEqual(
    { ...web.error, message: undefined },
    { isError: true, name: "NaqiError", code: "EMPTY_INPUT", message: undefined },
  );
  assert.ok(web.error.message.length > 0);
});

test("a trap in Chromium re-instantiates the module", () => {
  assert.deepEqual(web.trap, { isError: true, code: "PANIC", cause: "RuntimeError" });
  assert.ok(web.afterTrap.includes(SIMPLE_PARAGRAPH));
  assert.deepEqual(web.invalid, { isNaqiError: true, code: "INVALID_INPUT" });
  assert.ok(web.bytes.includes(SIMPLE_PARAGRAPH), "bytes are decoded in the browser too");
});

test("the default entry (top-level await) loads through an import map", async () => {
  const { simple } = await resultOf("/default.html");
  assert.ok(simple.text.includes(SIMPLE_PARAGRAPH));
});

test("extractDocument reads the live document and its URL", async () => {
  const { simple } = await resultOf("/self.html");
  assert.equal(simple.title, "خبر قصير للتجربة");
  assert.ok(simple.text.includes(SIMPLE_PARAGRAPH));
});

test("extractDocument on the live acceptance page matches extract on its HTML", async (t) => {
  const r = await resultOf("/seed-live.html");
  assert.equal(r.treeHeader, "naqi-tree/1");
  assert.ok(r.treeChars < r.htmlChars, `tree ${r.treeChars} chars, HTML ${r.htmlChars}`);
  for (const key of [
    "title",
    "byline",
    "published",
    "siteName",
    "lang",
    "dir",
    "leadImage",
    "canonicalUrl",
    "text",
    "markdown",
    "contentHtml",
    "wordCount",
    "excerpt",
  ]) {
    assert.deepEqual(r.live[key], r.html[key], key);
  }
  assert.deepEqual(
    r.live.removed.map((x) => x.label),
    r.html.removed.map((x) => x.label),
  );
  await checkAcceptance(t, () => r.live);
});

test("a menu's content stays out of the tree, its JSON-LD does not", async () => {
  const { live, html, tree } = await resultOf("/menu-live.html");
  assert.ok(!tree.includes("Home page link") && !tree.includes("Open the menu"), tree);
  assert.ok(tree.includes(MENU_HEADLINE));
  for (const key of ["title", "byline", "published", "text", "contentHtml"]) {
    assert.deepEqual(live[key], html[key], key);
  }
  assert.equal(live.title, MENU_HEADLINE);
  assert.equal(live.byline, "Mara Lind");
});

test(`acceptance page (${acceptance.id}) in Chromium`, async (t) => {
  await checkAcceptance(t, () => web.acceptance);
});
