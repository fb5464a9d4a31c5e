// The two ways in: HTML text through the full build (html5ever, in Node) and the browser's own
// parse through the browser build (real Chromium: `extract(html)` parses with DOMParser,
// encodeDocument walks the result, extractTree reads it), compared field by field on every
// fixture page (tests/fixtures/**/source.html) and every page of the shared corpora. Every
// page and field that differs is reported; the test fails if any does. Without the corpora
// (../shared/corpora) the corpus part is skipped, except under CI, where it fails.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { gunzipSync } from "node:zlib";

import { extract } from "naqi";
import { consumer, importFromRepo, repo, shared } from "./support.mjs";

const { launchChromium, startServer } = await importFromRepo("tests/browser/lib.mjs");
const { toText } = await import(path.join(consumer, "node_modules/naqi/bytes.js"));

const CORPORA = ["arabic-real", "scrapinghub", "readability-test-pages", "wcxb-dev"];
const OPTIONS = { url: "https://news.example/section/article.html", timeBudgetMs: 0 };

/** Every file under `dir` whose name passes `keep`, sorted. */
function filesUnder(dir, keep) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full, keep));
    else if (keep(entry.name)) out.push(full);
  }
  return out.sort();
}

const fixturePages = filesUnder(path.join(repo, "tests/fixtures"), (n) => n === "source.html");
const corporaDir = path.join(shared, "corpora");
const corpusPages = existsSync(corporaDir)
  ? CORPORA.flatMap((name) =>
      filesUnder(path.join(corporaDir, name), (n) =>
        name === "readability-test-pages" ? n === "source.html" : /\.html?(\.gz)?$/.test(n),
      ),
    )
  : null;

/** The page's text, decoded as both entries decode bytes. */
function pageText(file) {
  const bytes = readFileSync(file);
  return toText(file.endsWith(".gz") ? gunzipSync(bytes) : bytes);
}

/** The article, or the error's code, as plain JSON. */
function outcome(run) {
  try {
    return JSON.parse(JSON.stringify(run()));
  } catch (error) {
    return { error: error.code ?? String(error) };
  }
}

let server;
let browser;
let page;

before(async () => {
  server = await startServer({
    root: consumer,
    routes: {
      "/parity.html": {
        body: `<!doctype html><meta charset="utf-8"><script type="module">
import init, { extract } from "/node_modules/naqi/web.js";
window.ready = init().then(() => {
  window.run = (html, options) => {
    try { return extract(html, options); } catch (error) { return { error: error.code ?? String(error) }; }
  };
  return true;
});
</script>`,
      },
    },
  });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(server.url("/parity.html"));
  await page.waitForFunction(() => window.ready !== undefined);
  await page.evaluate(() => window.ready);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Compares every page; returns the differing fields, one line each. */
async function compare(files) {
  const differences = [];
  for (const file of files) {
    const html = pageText(file);
    const node = outcome(() => extract(html, OPTIONS));
    const dom = await page.evaluate(([h, o]) => window.run(h, o), [html, OPTIONS]);
    const name = path.relative(path.dirname(repo), file);
    for (const key of new Set([...Object.keys(node), ...Object.keys(dom)])) {
      const a = JSON.stringify(node[key]) ?? "undefined";
      const b = JSON.stringify(dom[key]) ?? "undefined";
      if (a === b) continue;
      // Where they part, with some context.
      let at = 0;
      while (at < a.length && a[at] === b[at]) at++;
      const around = (s) => s.slice(Math.max(0, at - 60), at + 100);
      differences.push(`${name}: ${key} (at ${at}): html …${around(a)} | dom …${around(b)}`);
    }
  }
  return differences;
}

test(`fixture pages read alike from HTML (full build) and the DOM (${fixturePages.length} pages)`, async () => {
  assert.ok(fixturePages.length > 0);
  const differences = await compare(fixturePages);
  assert.deepEqual(differences, [], differences.join("\n"));
});

test("corpus pages read alike from HTML (full build) and the DOM", async (t) => {
  if (corpusPages === null) {
    assert.ok(!process.env.CI, `the corpora are missing (${corporaDir}); CI must have them`);
    t.skip(`no corpora at ${corporaDir}`);
    return;
  }
  t.diagnostic(`${corpusPages.length} pages`);
  const differences = await compare(corpusPages);
  assert.deepEqual(
    differences,
    [],
    `${differences.length} differences:\n${differences.join("\n")}`,
  );
});
