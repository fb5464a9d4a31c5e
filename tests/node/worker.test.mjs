// The web entry in real Chromium with and without a DOMParser: on a page, extract(html) parses
// with the browser's DOMParser and the full build is never fetched; in a module Web Worker
// (no DOMParser) init() loads the full build with a dynamic import and extract(html) uses it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { consumer, importFromRepo, SIMPLE_PAGE, SIMPLE_PARAGRAPH } from "./support.mjs";

const { launchChromium, startServer } = await importFromRepo("tests/browser/lib.mjs");

const URL_OPTION = "https://موقع.مصر/أخبار/خبر";
const PAGE_WITH_LINK = SIMPLE_PAGE.replace(
  "</article>",
  "<p>وقالت مديرة المكتبة إن التفاصيل الكاملة عن مواعيد القاعة وبرنامجها الأسبوعي منشورة في " +
    '<a href="تفاصيل?id=1">صفحة الخبر</a> على موقع البلدية، إلى جانب صور من حفل الافتتاح الذي ' +
    "حضره عدد كبير من الأهالي والأطفال من أحياء المدينة القديمة والجديدة.</p></article>",
);

const RUN = `
  const naqi = await import("/node_modules/naqi/web.js");
  await naqi.default();
  const html = await (await fetch("/simple.html")).text();
  const article = naqi.extract(html, { url: ${JSON.stringify(URL_OPTION)} });
  return {
    hasDomParser: typeof DOMParser === "function",
    title: article.title,
    text: article.text,
    contentHtml: article.contentHtml,
    readable: naqi.isProbablyReadable(html),
  };`;

const WORKER = `
const run = async () => { ${RUN} };
run().then((r) => postMessage(r), (e) => postMessage({ failed: String(e && e.stack || e) }));
`;

const pageOf = (script) => `<!doctype html><html><head><meta charset="utf-8"></head><body>
<script type="module">
window.result = (async () => {
  try { ${script} } catch (error) { return { failed: String(error && error.stack || error) }; }
})();
</script></body></html>`;

let server;
let browser;

before(async () => {
  server = await startServer({
    root: consumer,
    routes: {
      "/simple.html": { body: PAGE_WITH_LINK },
      "/main.html": { body: pageOf(RUN) },
      "/worker.js": { body: WORKER, type: "text/javascript; charset=utf-8" },
      "/worker.html": {
        body: pageOf(`const worker = new Worker("/worker.js", { type: "module" });
  return await new Promise((resolve) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.onerror = (event) => resolve({ failed: event.message || "worker error" });
  });`),
      },
    },
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function resultOf(pathname) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  try {
    await page.goto(server.url(pathname));
    await page.waitForFunction(() => window.result !== undefined);
    const result = await page.evaluate(() => window.result);
    assert.equal(result.failed, undefined, result.failed);
    assert.deepEqual(errors, []);
    return result;
  } finally {
    await page.close();
  }
}

const FULL_WASM = "/node_modules/naqi/wasm/full/naqi_bg.wasm";
const FULL_GLUE = "/node_modules/naqi/wasm/full/naqi.js";
const HOST = "https://xn--4gbrim.xn--wgbh1c";

let onPage;
test("on a page, extract(html) uses DOMParser and never fetches the full build", async () => {
  onPage = await resultOf("/main.html");
  assert.equal(onPage.hasDomParser, true);
  assert.equal(onPage.title, "خبر قصير للتجربة");
  assert.ok(onPage.text.includes(SIMPLE_PARAGRAPH));
  assert.equal(onPage.readable, true);
  assert.ok(server.requests.includes("/node_modules/naqi/wasm/naqi_bg.wasm"));
  assert.ok(!server.requests.includes(FULL_WASM), server.requests.join("\n"));
  assert.ok(!server.requests.includes(FULL_GLUE));
  assert.ok(
    onPage.contentHtml.includes(`href="${HOST}${encodeURI("/أخبار/تفاصيل")}?id=1"`),
    onPage.contentHtml,
  );
});

test("in a Web Worker, init() loads the full build and extract(html) uses it", async () => {
  const inWorker = await resultOf("/worker.html");
  assert.equal(inWorker.hasDomParser, false);
  assert.ok(server.requests.includes(FULL_GLUE), server.requests.join("\n"));
  assert.ok(server.requests.includes(FULL_WASM));
  assert.equal(inWorker.title, "خبر قصير للتجربة");
  assert.ok(inWorker.text.includes(SIMPLE_PARAGRAPH));
  assert.equal(inWorker.readable, true);
  // Same article either way, Unicode host and all.
  assert.deepEqual(inWorker, { ...onPage, hasDomParser: false });
});
