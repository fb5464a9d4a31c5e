// Activation-to-view time of the built extension (dist/extension, from `make extension`) in
// headless Chromium, for `make eval`: per page, from calling the worker's
// `self.naqi.activate(tabId)` (what the toolbar button calls) until the reading view's article
// is in the page. Prints JSON. Exits 3 when dist/extension is missing.
//
// Usage: node eval/extension_speed.mjs CORPORA_DIR   (EXTENSION_PAGES=N, default 15: the
// arabic-real pages, then ScrapingHub pages in id order)
import { createServer } from "node:http";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromiumWithExtension, waitInView } from "../tests/browser/lib.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BUILT = join(ROOT, "dist/extension");
const LIMIT = Number(process.env.EXTENSION_PAGES || 15);
const corpora = process.argv[2] || join(ROOT, "../shared/corpora");

if (!existsSync(join(BUILT, "manifest.json"))) {
  console.error(`extension_speed: ${BUILT} not built; run \`make extension\` first`);
  process.exit(3);
}

function pagesOf(corpus, folder) {
  const dir = join(corpora, corpus, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.html(\.gz)?$/.test(f))
    .sort()
    .map((f) => ({ corpus, id: f.replace(/\.html(\.gz)?$/, ""), path: join(dir, f) }));
}
const pages = [...pagesOf("arabic-real", "pages"), ...pagesOf("scrapinghub", "html")].slice(
  0,
  LIMIT,
);

const server = createServer((req, res) => {
  const page = pages[Number(new URL(req.url, "http://x").pathname.slice(1))];
  if (!page) {
    res.writeHead(404).end();
    return;
  }
  let body = readFileSync(page.path);
  if (body[0] === 0x1f && body[1] === 0x8b) body = gunzipSync(body);
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;

// A copy that may run on the local server: activeTab is only granted by a real user gesture.
const extDir = await mkdtemp(join(tmpdir(), "naqi-eval-extension-"));
await cp(BUILT, extDir, { recursive: true });
const manifestPath = join(extDir, "manifest.json");
const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
manifest.host_permissions = ["http://127.0.0.1/*"];
await writeFile(manifestPath, JSON.stringify(manifest, null, 2));

const ext = await launchChromiumWithExtension(extDir);
await ext.context.route("**/*", (route) =>
  route.request().url().startsWith(origin) ? route.continue() : route.abort(),
);
const worker = async () =>
  ext.context.serviceWorkers()[0] ?? ext.context.waitForEvent("serviceworker");

const results = [];
for (const [index, page] of pages.entries()) {
  const tab = await ext.context.newPage();
  const url = `${origin}/${index}`;
  try {
    await tab.goto(url, { waitUntil: "load", timeout: 60000 });
    const tabId = await (await worker()).evaluate(
      async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id,
      url,
    );
    const start = performance.now();
    const result = await (await worker()).evaluate((id) => self.naqi.activate(id), tabId);
    if (result.action !== "opened") throw new Error(`activation: ${JSON.stringify(result)}`);
    // The view's shadow root is closed: reach it the way the tests do (DevTools protocol).
    await waitInView(tab, "#naqi-reader", (root) => !!root.querySelector("article"), null, {
      timeout: 30000,
    });
    results.push({
      corpus: page.corpus,
      id: page.id,
      ms: performance.now() - start,
      timings: result.timings,
    });
  } catch (err) {
    results.push({
      corpus: page.corpus,
      id: page.id,
      error: String(err.message || err).split("\n")[0],
    });
  } finally {
    await tab.close();
  }
}
await ext.close();
server.close();
await rm(extDir, { recursive: true, force: true });

const ok = results.filter((r) => !r.error);
const sorted = ok.map((r) => r.ms).sort((a, b) => a - b);
const out = {
  description:
    "The built extension in headless Chromium: from `self.naqi.activate(tabId)` in the " +
    "service worker (what the toolbar button calls) until the view's article is in the page; " +
    "one activation per page, the first one includes the worker's Wasm start.",
  pages: ok.length,
  failed: results.length - ok.length,
  first_ms: ok[0]?.ms ?? null,
  median_ms: sorted.length ? sorted[(sorted.length - 1) >> 1] : null,
  per_page: results,
};
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
if (!ok.length) process.exit(1);
