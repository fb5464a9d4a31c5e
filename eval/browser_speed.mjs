// In-browser speed for `make eval`: naqi's Wasm build (dist/pkg, from `make package`) against
// Readability.js in the same headless Chromium tab on the same loaded page.
//
// For each page, alternated, REPEAT times each: naqi `extractDocument(document)` (walks the live
// DOM into naqi's tree format, no HTML re-parse), naqi `extract(outerHTML)` (reads `outerHTML`
// and parses it again) and `new Readability(document.cloneNode(true)).parse()`; the page's time
// per system is the median. Prints JSON: per-page times and the median naqi/Readability ratios.
//
// Usage: node eval/browser_speed.mjs CORPORA_DIR   (BROWSER_PAGES=N pages at most, default 30:
// every arabic-real page, then ScrapingHub pages in id order). Exits 3 when dist/pkg is missing.
import { createServer } from "node:http";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join, dirname, extname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../tests/browser/lib.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..");
const PKG = process.env.NAQI_PKG || join(ROOT, "dist/pkg");
const READABILITY = join(HERE, "node_modules/@mozilla/readability/Readability.js");
const REPEAT = 7;
// Untimed runs of each system first, so that both are measured once their code is optimized
// (V8 tiers Wasm and JavaScript up while they run); the first, cold run is reported apart.
const WARMUP = Number(process.env.BROWSER_WARMUP ?? 10);
const LIMIT = Number(process.env.BROWSER_PAGES || 30);
const corpora = process.argv[2] || join(ROOT, "../shared/corpora");

if (!existsSync(join(PKG, "web.js"))) {
  console.error(`browser_speed: ${PKG}/web.js not found; run \`make package\` first`);
  process.exit(3);
}

function pagesOf(corpus, folder, suffixes) {
  const dir = join(corpora, corpus, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => suffixes.some((s) => f.endsWith(s)))
    .sort()
    .map((f) => ({
      corpus,
      id: f.replace(/\.gz$/, "").replace(/\.html$/, ""),
      path: join(dir, f),
    }));
}
const pages = [
  ...pagesOf("arabic-real", "pages", [".html", ".html.gz"]),
  ...pagesOf("scrapinghub", "html", [".html.gz"]),
].slice(0, LIMIT);

const TYPES = {
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".html": "text/html; charset=utf-8",
};
const server = createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  let body = null;
  let type = "text/plain";
  const page = url.pathname.startsWith("/page/") ? pages[Number(url.pathname.slice(6))] : null;
  if (page) {
    body = readFileSync(page.path);
    if (body[0] === 0x1f && body[1] === 0x8b) body = gunzipSync(body);
    type = TYPES[".html"];
  } else if (url.pathname === "/readability.js") {
    body = readFileSync(READABILITY);
    type = TYPES[".js"];
  } else if (url.pathname.startsWith("/pkg/")) {
    const file = resolve(PKG, `.${url.pathname.slice(4)}`);
    if (file.startsWith(PKG) && existsSync(file)) {
      body = readFileSync(file);
      type = TYPES[extname(file)] || type;
    }
  }
  // Scripts and the .wasm are cacheable, as from any static host: Chromium then reuses its
  // compiled code for them from one tab to the next (for both systems alike).
  const cache = page ? "no-store" : "public, max-age=3600";
  res.writeHead(body ? 200 : 404, { "content-type": type, "cache-control": cache });
  res.end(body);
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await launchChromium();
const context = await browser.newContext();
// The machine is offline: only our own server answers; everything else is refused at once.
await context.route("**/*", (route) =>
  route.request().url().startsWith(origin) ? route.continue() : route.abort(),
);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const results = [];
for (const [index, page] of pages.entries()) {
  const tab = await context.newPage();
  try {
    await tab.goto(`${origin}/page/${index}`, { waitUntil: "load", timeout: 60000 });
    await tab.addScriptTag({ url: `${origin}/readability.js` });
    const times = await tab.evaluate(
      async ({ origin, repeat, warmup }) => {
        const naqi = await import(`${origin}/pkg/web.js`);
        await naqi.default({ module_or_path: `${origin}/pkg/wasm/naqi_bg.wasm` });
        let start = performance.now();
        naqi.extractDocument(document);
        const naqiFirst = performance.now() - start;
        start = performance.now();
        // eslint-disable-next-line no-undef
        new Readability(document.cloneNode(true)).parse();
        const readabilityFirst = performance.now() - start;
        for (let i = 1; i < warmup; i++) {
          naqi.extractDocument(document);
          naqi.extract(document.documentElement.outerHTML);
          // eslint-disable-next-line no-undef
          new Readability(document.cloneNode(true)).parse();
        }
        const t = {
          naqi: [],
          naqiHtml: [],
          outerHtml: [],
          readability: [],
          naqiChars: 0,
          naqiHtmlChars: 0,
          readabilityChars: 0,
          naqiFirst,
          readabilityFirst,
        };
        for (let i = 0; i < repeat; i++) {
          start = performance.now();
          const article = naqi.extractDocument(document);
          t.naqi.push(performance.now() - start);
          t.naqiChars = article.text.length;
          // The HTML path: outerHTML read (timed alone too), then parsed again in Wasm.
          start = performance.now();
          const html = document.documentElement.outerHTML;
          t.outerHtml.push(performance.now() - start);
          const fromHtml = naqi.extract(html, { url: location.href });
          t.naqiHtml.push(performance.now() - start);
          t.naqiHtmlChars = fromHtml.text.length;
          start = performance.now();
          // eslint-disable-next-line no-undef
          const parsed = new Readability(document.cloneNode(true)).parse();
          t.readability.push(performance.now() - start);
          t.readabilityChars = parsed ? parsed.textContent.length : 0;
        }
        return t;
      },
      { origin, repeat: REPEAT, warmup: WARMUP },
    );
    const naqiMs = median(times.naqi);
    const naqiHtmlMs = median(times.naqiHtml);
    const readabilityMs = median(times.readability);
    results.push({
      corpus: page.corpus,
      id: page.id,
      naqi_ms: naqiMs,
      naqi_html_ms: naqiHtmlMs,
      readability_ms: readabilityMs,
      outer_html_ms: median(times.outerHtml),
      ratio: naqiMs / readabilityMs,
      html_ratio: naqiHtmlMs / readabilityMs,
      naqi_first_ms: times.naqiFirst,
      readability_first_ms: times.readabilityFirst,
      same_text: times.naqiChars === times.naqiHtmlChars,
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
const version = browser.version();
await browser.close();
server.close();

const ok = results.filter((r) => !r.error);
const out = {
  description:
    `Headless Chromium ${version}, one tab per page; per page, after ${WARMUP} untimed ` +
    `runs of each (the first one timed apart, cold), the median of ${REPEAT} ` +
    "runs of naqi Wasm `extractDocument(document)` (walks the live DOM), of " +
    "`extract(document.documentElement.outerHTML)` (reads and re-parses the HTML) and of " +
    "`new Readability(document.cloneNode(true)).parse()` on the same loaded page.",
  chromium: version,
  pages: ok.length,
  failed: results.length - ok.length,
  median_ratio: ok.length ? median(ok.map((r) => r.ratio)) : null,
  median_html_ratio: ok.length ? median(ok.map((r) => r.html_ratio)) : null,
  naqi_median_ms: ok.length ? median(ok.map((r) => r.naqi_ms)) : null,
  naqi_html_median_ms: ok.length ? median(ok.map((r) => r.naqi_html_ms)) : null,
  same_text_pages: ok.filter((r) => r.same_text).length,
  warmup_runs: WARMUP,
  naqi_first_median_ms: ok.length ? median(ok.map((r) => r.naqi_first_ms)) : null,
  readability_first_median_ms: ok.length ? median(ok.map((r) => r.readability_first_ms)) : null,
  readability_median_ms: ok.length ? median(ok.map((r) => r.readability_ms)) : null,
  outer_html_median_ms: ok.length ? median(ok.map((r) => r.outer_html_ms)) : null,
  per_page: results,
};
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
if (!ok.length) process.exit(1);
