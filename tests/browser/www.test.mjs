// The demo page (dist/www, built by `make www`) in real headless Chromium:
// pick the Arabic and Persian samples, paste the English one, and check the
// reading view, the removed list, the metadata and the screenshots.
//
//   node --test tests/browser/www.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  repoRoot,
  startServer,
  launchChromium,
  ensureOutDir,
  assertScreenshotNotBlank,
  loadSample,
  inView,
  waitInView,
  clickInView,
  clickInPanel,
} from "./lib.mjs";

const siteDir = path.join(repoRoot, "dist", "www");
const READ_ALSO = ["اقرأ أيضاً", "إقرأ أيضاً", "اقرأ أيضا", "إقرأ أيضا"];

let server;
let browser;
let page;
let outDir;
const pageErrors = [];

// Whitespace and bidi marks do not matter when comparing text.
const fold = (s) =>
  String(s ?? "")
    .normalize("NFC")
    .replace(/[\u200e\u200f\u061c]/g, "")
    .replace(/\s+/g, " ")
    .trim();

before(async () => {
  assert.ok(existsSync(path.join(siteDir, "index.html")), "dist/www is missing: run make www");
  server = await startServer({ root: siteDir });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ar" });
  page.on("pageerror", (err) => pageErrors.push(err.message));
  page.on("console", (msg) => {
    if (msg.type() === "error" && !/Failed to load resource/.test(msg.text()))
      pageErrors.push(msg.text());
  });
  outDir = await ensureOutDir();
  await page.goto(server.url("/"));
  await page.waitForSelector("body[data-ready]", { timeout: 60000 });
  const ready = await page.getAttribute("body", "data-ready");
  assert.equal(ready, "true", `the Wasm module did not load: ${await page.textContent("#status")}`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Everything the reading view shows, read from its closed shadow root (through the DevTools
// protocol: see inView in lib.mjs), and what the demo page shows around it.
async function readView() {
  const view = await inView(page, "#reader-host", (root) => {
    const article = root.querySelector("article");
    return {
      title: root.querySelector(".naqi-title")?.textContent,
      dir: article?.getAttribute("dir"),
      lang: article?.getAttribute("lang"),
      text: article?.innerText,
      paragraphs: Array.from(article?.querySelectorAll("p") ?? [], (p) => p.innerText),
      autoDir: Array.from(article?.querySelectorAll("p") ?? []).every((p) => p.getAttribute("dir")),
      byline: root.querySelector(".naqi-byline")?.textContent ?? null,
      readerRemoved: root.querySelectorAll(".naqi-removed li[data-kind]").length,
      toolbarButtons: root.querySelectorAll(".naqi-toolbar button[data-action]").length,
    };
  });
  const around = await page.evaluate(() => {
    return {
      resultDir: document.getElementById("result").dir,
      sideRemoved: Array.from(document.querySelectorAll("#removed-list li[data-kind]"), (li) => ({
        kind: li.dataset.kind,
        text: li.textContent,
      })),
      timing: document.getElementById("timing").textContent,
      meta: Object.fromEntries(
        Array.from(document.querySelectorAll("#meta dd"), (dd) => [
          dd.dataset.field,
          dd.textContent,
        ]),
      ),
    };
  });
  return { ...view, ...around };
}

async function waitForExtraction(count) {
  await page.waitForFunction((n) => window.naqiDemo.extractions >= n, count, { timeout: 30000 });
}

function assertMatchesExpected(view, expected) {
  assert.equal(fold(view.title), fold(expected.title), "title");
  assert.equal(view.dir, expected.dir, "article dir");
  assert.equal(view.lang, expected.lang, "article lang");
  assert.equal(view.resultDir, expected.dir, "layout direction follows the article");
  const text = fold(view.text);
  for (const paragraph of expected.paragraphs) {
    assert.ok(text.includes(fold(paragraph)), `missing from the view: ${paragraph.slice(0, 50)}…`);
  }
  for (const bad of expected.must_not_contain) {
    assert.ok(!text.includes(fold(bad)), `removed text shown in the view: ${bad}`);
  }
  assert.ok(view.paragraphs.length >= 3, `only ${view.paragraphs.length} paragraphs in the view`);
  assert.ok(view.autoDir, "every paragraph carries a dir attribute");
  assert.ok(view.readerRemoved > 0, "the reading view lists removed blocks");
  assert.ok(view.sideRemoved.length > 0, "the side panel lists removed blocks");
  for (const label of expected.removed_block_labels ?? []) {
    assert.ok(
      view.sideRemoved.some((r) => fold(r.text).includes(fold(label))),
      `the removed list names "${label}"`,
    );
  }
  assert.ok(view.toolbarButtons >= 6, "toolbar rendered");
  assert.match(view.timing, /\d/, "extraction time shown");
}

async function screenshot(name) {
  const file = path.join(outDir, name);
  await page.screenshot({ path: file, fullPage: true });
  return assertScreenshotNotBlank(file);
}

test("Arabic sample: clean RTL reading view without read-also blocks", async () => {
  const { expected } = loadSample("ar-news");
  await page.click("#sample-ar-news");
  await waitForExtraction(1);
  const stats = await screenshot("www-ar.png");
  assert.ok(stats.colours > 16);
  const view = await readView();
  assertMatchesExpected(view, expected);
  for (const label of READ_ALSO)
    assert.ok(!fold(view.text).includes(label), `"${label}" in the view`);
  assert.ok(
    view.sideRemoved.some((r) => r.kind === "read-also"),
    `a read-also removal is listed: ${JSON.stringify(view.sideRemoved.map((r) => r.kind))}`,
  );
  assert.equal(fold(view.meta.siteName), fold(expected.site_name), "site name in the metadata");
});

test("Arabic sample in the dark theme", async () => {
  await clickInPanel(page, "#reader-host", 'button[data-action="theme"][data-value="dark"]');
  const theme = await inView(
    page,
    "#reader-host",
    (root) => root.querySelector(".naqi").dataset.theme,
  );
  assert.equal(theme, "dark");
  const background = await inView(
    page,
    "#reader-host",
    (root) => getComputedStyle(root.querySelector(".naqi")).backgroundColor,
  );
  assert.equal(background, "rgb(26, 27, 30)");
  await screenshot("www-ar-dark.png");
  await clickInPanel(page, "#reader-host", 'button[data-action="theme"][data-value="light"]');
});

test("toolbar: font size, line width, font and copy act on the view", async () => {
  const measure = () =>
    inView(page, "#reader-host", (root) => {
      const article = root.querySelector("article");
      const style = getComputedStyle(article);
      return {
        size: parseFloat(style.fontSize),
        width: article.getBoundingClientRect().width,
        family: style.fontFamily,
        lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
      };
    });
  const click = (selector) => clickInPanel(page, "#reader-host", selector);
  const start = await measure();
  assert.match(
    start.family,
    /^"?naqi Noto Naskh Arabic/,
    "the bundled Naskh face first for an RTL article",
  );
  assert.ok(start.lineHeight > 1.8, `generous line height for Arabic (${start.lineHeight})`);
  await click('button[data-action="font-larger"]');
  const larger = await measure();
  assert.ok(larger.size > start.size, `font size grows (${start.size} -> ${larger.size})`);
  await click('button[data-action="font-smaller"]');
  assert.equal((await measure()).size, start.size);
  await click('button[data-action="width"][data-value="narrow"]');
  const narrow = await measure();
  assert.ok(narrow.width < start.width, `narrower measure (${start.width} -> ${narrow.width})`);
  await click('button[data-action="width"][data-value="medium"]');
  await click('button[data-action="font"][data-value="sans"]');
  assert.doesNotMatch((await measure()).family, /Naskh/);
  await click('button[data-action="font"][data-value="serif"]');

  // Read aloud in headless Chromium, which has no voice at all: a message says so.
  await clickInView(page, "#reader-host", 'button[data-action="listen"]');
  const noVoice = await waitInView(
    page,
    "#reader-host",
    (root) => root.querySelector(".naqi-speech-message")?.textContent,
    null,
    { timeout: 10000 },
  );
  assert.match(noVoice, /لا يوجد على هذا الجهاز صوت للغة/, `no-voice message: ${noVoice}`);
  assert.match(noVoice, /العربية/, "the message names the language");
  await clickInView(page, "#reader-host", 'button[data-action="listen"]');
  assert.equal(
    await inView(page, "#reader-host", (root) =>
      root.querySelector('button[data-action="listen"]').getAttribute("aria-pressed"),
    ),
    "false",
  );

  await page
    .context()
    .grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
  await click('button[data-action="copy-text"]');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const article = await page.evaluate(() => window.naqiDemo.lastArticle);
  assert.ok(copied.startsWith(article.title), "copied text starts with the title");
  assert.ok(copied.includes(article.text), "copied text holds the article text");
  await click('button[data-action="copy-markdown"]');
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(markdown.startsWith("# "), "Markdown starts with a heading");
  assert.ok(markdown.includes(article.markdown), "copied Markdown holds the article Markdown");
});

test('English sample pasted as HTML: LTR view without "Read more" teasers', async () => {
  const { html, expected } = loadSample("en-news");
  const before = await page.evaluate(() => window.naqiDemo.extractions);
  await page.fill("#html-input", html);
  await page.click("#extract");
  await waitForExtraction(before + 1);
  await screenshot("www-en.png");
  const view = await readView();
  assertMatchesExpected(view, expected);
});

test("Persian sample: RTL, lang fa", async () => {
  const { expected } = loadSample("fa-news");
  const before = await page.evaluate(() => window.naqiDemo.extractions);
  await page.click("#sample-fa-news");
  await waitForExtraction(before + 1);
  await screenshot("www-fa.png");
  const view = await readView();
  assertMatchesExpected(view, expected);
});

test("an .html file dropped on the page is extracted", async () => {
  const { html, expected } = loadSample("fa-news");
  const before = await page.evaluate(() => window.naqiDemo.extractions);
  await page.fill("#html-input", "");
  const dataTransfer = await page.evaluateHandle((source) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([source], "fa-news.html", { type: "text/html" }));
    return transfer;
  }, html);
  await page.dispatchEvent("#drop-zone", "dragover", { dataTransfer });
  await page.dispatchEvent("#drop-zone", "drop", { dataTransfer });
  await waitForExtraction(before + 1);
  assertMatchesExpected(await readView(), expected);
  assert.equal(
    await page.inputValue("#html-input"),
    html,
    "the dropped page is shown in the input",
  );
  // Anywhere on the page, not only on the drop zone; the browser does not navigate away.
  const url = page.url();
  await page.fill("#html-input", "");
  await page.dispatchEvent("footer.site-footer", "dragover", { dataTransfer });
  const prevented = await page.evaluate((transfer) => {
    const drop = new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true });
    document.querySelector("footer.site-footer").dispatchEvent(drop);
    return drop.defaultPrevented;
  }, dataTransfer);
  assert.equal(prevented, true, "the drop is handled by the page, not the browser");
  await waitForExtraction(before + 2);
  assert.equal(page.url(), url);
  assert.equal(
    await page.inputValue("#html-input"),
    html,
    "a page dropped on the footer is taken too",
  );
});

test("the demo on a phone: result scrolled into view, file picker on one line, toolbar in one row", async () => {
  const p = await browser.newPage({ viewport: { width: 390, height: 800 }, locale: "ar" });
  try {
    await p.goto(server.url("/"));
    await p.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
    const picker = await p.evaluate(() => {
      const label = document.querySelector(".file-label");
      return (
        label.getBoundingClientRect().height /
        parseFloat(getComputedStyle(label).lineHeight || "20")
      );
    });
    assert.ok(picker < 2, `the file picker wraps (${picker} lines)`);
    await p.click("#sample-ar-news");
    await p.waitForFunction(() => window.naqiDemo.extractions >= 1);
    await p.waitForTimeout(100);
    const top = await p.evaluate(
      () => document.getElementById("result").getBoundingClientRect().top,
    );
    assert.ok(top >= -1 && top < 100, `the result is scrolled into view (top ${top})`);
    const bar = await inView(
      p,
      "#reader-host",
      (root) => root.querySelector(".naqi-toolbar").getBoundingClientRect().height,
    );
    assert.ok(bar <= 50, `toolbar in one row (${bar}px)`);
    await p.screenshot({ path: path.join(outDir, "www-phone.png") });
  } finally {
    await p.close();
  }
  const wide = await inView(
    page,
    "#reader-host",
    (root) => root.querySelector(".naqi-toolbar").getBoundingClientRect().height,
  );
  assert.ok(wide <= 50, `toolbar in one row in the result column (${wide}px)`);
});

// Encodes text as windows-1256 (still common on Arabic sites); characters the
// code page lacks become numeric character references, as a browser would.
function encodeWindows1256(text) {
  const decoder = new TextDecoder("windows-1256");
  const byteOf = new Map();
  for (let b = 0; b < 256; b++) byteOf.set(decoder.decode(Uint8Array.of(b)), b);
  const bytes = [];
  for (const ch of text) {
    if (byteOf.has(ch)) bytes.push(byteOf.get(ch));
    else for (const c of `&#${ch.codePointAt(0)};`) bytes.push(c.charCodeAt(0));
  }
  return Buffer.from(bytes);
}

test("a windows-1256 Arabic file chosen from disk is decoded by its declared charset", async () => {
  const { html, expected } = loadSample("ar-news");
  const legacy = html.replace('<meta charset="utf-8">', '<meta charset="windows-1256">');
  assert.notEqual(legacy, html);
  const before = await page.evaluate(() => window.naqiDemo.extractions);
  await page.setInputFiles("#file-input", {
    name: "ar-news-1256.html",
    mimeType: "text/html",
    buffer: encodeWindows1256(legacy),
  });
  await waitForExtraction(before + 1);
  assertMatchesExpected(await readView(), expected);
});

test("the acceptance page through the demo page, and its extraction time", async (t) => {
  const dir = path.join(
    process.env.NAQI_SHARED || path.join(repoRoot, "..", "shared"),
    "acceptance",
  );
  const html = readFileSync(path.join(dir, "seed-page.html"), "utf8");
  const expected = JSON.parse(readFileSync(path.join(dir, "seed-page.expected.json"), "utf8"));
  const before = await page.evaluate(() => window.naqiDemo.extractions);
  await page.fill("#html-input", html);
  await page.fill("#url-input", "");
  await page.click("#extract");
  await waitForExtraction(before + 1);
  const view = await readView();
  assertMatchesExpected(view, expected);
  for (const label of READ_ALSO)
    assert.ok(!fold(view.text).includes(label), `"${label}" in the view`);
  await screenshot("www-acceptance.png");
  // Timing for the record (no threshold): median of 20 calls after a warm-up.
  const ms = await page.evaluate((source) => {
    const { extract } = window.naqiDemo;
    extract(source);
    const runs = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      extract(source);
      runs.push(performance.now() - start);
    }
    runs.sort((a, b) => a - b);
    return runs[10];
  }, html);
  assert.ok(ms > 0);
  t.diagnostic(`acceptance page: median extraction ${ms.toFixed(2)} ms in Chromium (web build)`);
});

test("the interface switches between Arabic and English", async () => {
  const first = await page.evaluate(() => [
    document.documentElement.dir,
    document.querySelector("#extract").textContent,
  ]);
  await page.click("#ui-lang");
  const second = await page.evaluate(() => [
    document.documentElement.dir,
    document.querySelector("#extract").textContent,
  ]);
  assert.notDeepEqual(first, second);
  assert.deepEqual(
    [first[0], second[0]].sort(),
    ["ltr", "rtl"],
    "one language is laid out RTL, the other LTR",
  );
  const toolbarLang = await inView(
    page,
    "#reader-host",
    (root) => root.querySelector(".naqi").lang,
  );
  assert.equal(toolbarLang, second[0] === "rtl" ? "ar" : "en", "the reading view follows");
  await page.click("#ui-lang");
});

test("print shows only the reading view", async () => {
  // A page of its own: headless Chromium never finishes a print job.
  const p = await browser.newPage({ viewport: { width: 900, height: 900 } });
  try {
    await p.goto(server.url("/"));
    await p.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
    await p.click("#sample-ar-news");
    await p.waitForFunction(() => window.naqiDemo.extractions >= 1);
    // Record the state at the moment the real window.print() is called.
    await p.evaluate(() => {
      const print = window.print.bind(window);
      window.print = () => {
        window.__printing = document
          .getElementById("reader-host")
          .hasAttribute("data-naqi-printing");
        print();
      };
    });
    await clickInView(p, "#reader-host", 'button[data-action="print"]');
    assert.equal(
      await p.evaluate(() => window.__printing),
      true,
      "print() called with the view marked",
    );
    await p.emulateMedia({ media: "print" });
    const styles = await p.evaluate(() => {
      const host = document.getElementById("reader-host");
      return {
        input: getComputedStyle(document.querySelector("section.input")).visibility,
        side: getComputedStyle(document.querySelector("aside.side")).visibility,
        hostTop: host.getBoundingClientRect().top + window.scrollY,
        overflow: getComputedStyle(host).overflowY,
      };
    });
    Object.assign(
      styles,
      await inView(p, "#reader-host", (root) => ({
        article: getComputedStyle(root.querySelector("article")).visibility,
        toolbar: getComputedStyle(root.querySelector(".naqi-top")).display,
        removed: getComputedStyle(root.querySelector(".naqi-removed")).display,
      })),
    );
    assert.deepEqual(styles, {
      input: "hidden",
      side: "hidden",
      article: "visible",
      toolbar: "none",
      removed: "none",
      hostTop: 0,
      overflow: "visible",
    });
    await p.screenshot({ path: path.join(outDir, "www-print.png"), fullPage: true });
  } finally {
    await p.close();
  }
});

test("errors reach the page as sentences in the interface language, not codes or crashes", async () => {
  await page.fill("#html-input", "   ");
  await page.click("#extract");
  assert.equal(await page.locator("#status.error").count(), 1, "empty input is reported");
  await page.fill("#html-input", '<html><body><nav><a href="/">Home</a></nav></body></html>');
  await page.click("#extract");
  const status = await page.textContent("#status");
  assert.match(status, /^لم يُعثر على مقال في هذه الصفحة/, `a sentence says why: ${status}`);
  assert.doesNotMatch(status, /NO_ARTICLE|\[/, "no error code is shown");
  assert.equal(await page.locator("#result").isHidden(), true, "no stale article is shown");
  assert.deepEqual(pageErrors, [], "no uncaught errors on the page");
});
