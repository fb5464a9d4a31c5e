// The set-up and helpers shared by extension.test.mjs and extension-options.test.mjs: a copy of
// dist/extension whose manifest also grants 127.0.0.1 (activeTab needs a real user gesture;
// extension-keyboard.test.mjs covers that path with a real key press), loaded in headless
// Chromium, and a server on 127.0.0.1 with the pages the tests open. Each test file runs in
// its own process: `before(setUp); afterEach(closePages); after(tearDown);`.

import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  ensureOutDir,
  inView,
  launchChromiumWithExtension,
  loadSample,
  repoRoot,
  startServer,
  waitInView,
} from "./lib.mjs";

export const BUILT = path.join(repoRoot, "dist", "extension");
export const SHARED = process.env.NAQI_SHARED || path.resolve(repoRoot, "..", "shared");
export const ACCEPTANCE = path.join(SHARED, "acceptance");
export const PAGES = path.join(repoRoot, "tests", "browser", "pages");
export const STRICT_CSP = "script-src 'self'";
export const VIEWPORT = { width: 1000, height: 800 };

export const acceptance = {
  html: readFileSync(path.join(ACCEPTANCE, "seed-page.html"), "utf8"),
  expected: JSON.parse(readFileSync(path.join(ACCEPTANCE, "seed-page.expected.json"), "utf8")),
};
export const arNews = loadSample("ar-news");
export const enNews = loadSample("en-news");

/** Whitespace folded, for comparing paragraphs. */
export const fold = (s) =>
  String(s ?? "")
    .replace(/\s+/g, " ")
    .trim();
/** Labels compare without trailing punctuation such as ":". */
export const bareLabel = (s) => fold(s).replace(/[\s:：،.\-–—|»«]+$/u, "");

// Set by setUp(); live bindings for the test files.
export let server;
export let ext;
export let extDir;
export let outDir;

/** The extension's worker (Chromium may have restarted it since the last call). */
export async function worker() {
  return ext.context.serviceWorkers()[0] ?? ext.context.waitForEvent("serviceworker");
}

export async function inWorker(fn, arg) {
  return (await worker()).evaluate(fn, arg);
}

/** Pages opened by the running test; closed after it, whatever happened. */
export const openPages = [];

/** Opens a page in a new tab and finds its tab id from the worker. */
export async function openTab(pathname) {
  const page = await ext.context.newPage();
  openPages.push(page);
  await page.setViewportSize(VIEWPORT);
  const url = server.url(pathname);
  await page.goto(url, { waitUntil: "load" });
  const tabId = await inWorker(async (u) => {
    const tabs = (await chrome.tabs.query({})).filter((tab) => tab.url === u);
    return tabs.length === 1 ? tabs[0].id : undefined;
  }, url);
  assert.equal(typeof tabId, "number", `no single tab for ${url}`);
  return { page, tabId, url };
}

export async function activate(tabId) {
  return inWorker((id) => self.naqi.activate(id), tabId);
}

export async function setOptions(values) {
  await inWorker(async (v) => {
    await chrome.storage.sync.clear();
    await chrome.storage.sync.set(v);
  }, values);
}

/** Waits until the view shows its article. */
export function waitForArticle(page) {
  return waitInView(page, "#naqi-reader", (root) => !!root.querySelector("article"));
}

/**
 * What the reading view shows, read from its closed shadow root through the DevTools
 * protocol (inView in lib.mjs), and whether the page under it is hidden.
 */
export async function readView(page) {
  const view = await inView(page, "#naqi-reader", (root) => {
    const host = root.host;
    const article = root.querySelector("article");
    const text = (el) => el?.textContent ?? null;
    return {
      hostTag: host.localName,
      title: text(root.querySelector(".naqi-title")),
      site: text(root.querySelector(".naqi-site")),
      leadImage: root.querySelector(".naqi img")?.getAttribute("src") ?? null,
      dir: article?.getAttribute("dir"),
      lang: article?.getAttribute("lang"),
      paragraphs: [...(article?.querySelectorAll("p, h2, h3, h4") ?? [])].map((p) => p.textContent),
      articleText: text(article),
      // Everything the reader reads: the view without its toolbar and the removed panel
      // (which lists, by design, the labels and previews of what was stripped).
      shownText: (() => {
        const copy = root.querySelector(".naqi")?.cloneNode(true);
        for (const n of copy?.querySelectorAll(".naqi-removed, .naqi-top") ?? []) n.remove();
        return copy?.textContent ?? "";
      })(),
      removed: [...root.querySelectorAll(".naqi-removed li")].map((li) => ({
        kind: li.dataset.kind,
        label: text(li.querySelector(".naqi-label")),
        preview: text(li.querySelector(".naqi-preview")),
      })),
      theme: root.querySelector(".naqi")?.dataset.theme,
      uiDir: root.querySelector(".naqi")?.getAttribute("dir"),
      uiLang: root.querySelector(".naqi")?.getAttribute("lang"),
    };
  });
  if (!view) return null;
  view.pageHidden = await page.evaluate(() => getComputedStyle(document.body).display === "none");
  return view;
}

/** A fingerprint of the page that restoring must give back exactly. */
export async function pageState(page) {
  return page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    x: window.scrollX,
    y: window.scrollY,
  }));
}

export function assertArticle(view, expected) {
  assert.ok(view, "the reading view is not mounted");
  assert.equal(view.hostTag, "naqi-reader");
  assert.equal(fold(view.title), fold(expected.title));
  assert.equal(fold(view.site), fold(expected.site_name));
  // The expectation resolves the page's relative image address against its canonical URL; in
  // the browser the page's real address is the base, so compare the path.
  assert.equal(new URL(view.leadImage).pathname, new URL(expected.lead_image).pathname);
  assert.equal(view.dir, expected.dir);
  assert.equal(view.lang?.split("-")[0], expected.lang);
  assert.ok(view.pageHidden, "the page under the view is still shown");
  const shown = view.paragraphs.map(fold);
  let last = -1;
  for (const paragraph of expected.paragraphs) {
    const at = shown.indexOf(fold(paragraph), last + 1);
    assert.ok(at > last, `paragraph missing or out of order: ${paragraph.slice(0, 60)}…`);
    last = at;
  }
  for (const banned of expected.must_not_contain) {
    assert.ok(!view.shownText.includes(banned), `the view contains removed text: ${banned}`);
  }
}

export function assertRemovedLabels(view, labels) {
  const shown = view.removed.map((r) => bareLabel(r.label));
  for (const label of labels) {
    assert.ok(
      shown.includes(bareLabel(label)),
      `removed panel lacks "${label}" (has ${shown.join(" | ")})`,
    );
  }
  for (const entry of view.removed) {
    assert.ok(entry.kind, "a removed entry without a kind");
  }
}

export async function setUp() {
  assert.ok(existsSync(path.join(BUILT, "manifest.json")), "run make extension first");
  // The copy grants the test server's host: activeTab is only granted by a real gesture.
  // The *:// form is there too so that the options page's permission request for the
  // automatic-open site "127.0.0.1" (pattern *://127.0.0.1/*) is already granted and shows
  // no prompt (a headless browser cannot answer one).
  extDir = await mkdtemp(path.join(tmpdir(), "naqi-extension-"));
  await cp(BUILT, extDir, { recursive: true });
  const manifestPath = path.join(extDir, "manifest.json");
  const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
  manifest.host_permissions = ["http://127.0.0.1/*", "*://127.0.0.1/*"];
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));

  const xss = await readFile(path.join(PAGES, "xss.html"), "utf8");
  const notArticle = await readFile(path.join(PAGES, "not-article.html"), "utf8");
  const extraLabel = await readFile(path.join(PAGES, "extra-label.html"), "utf8");
  server = await startServer({
    headers: (p) =>
      p.startsWith("/csp/")
        ? { "Content-Security-Policy": STRICT_CSP }
        : p.startsWith("/strict/")
          ? { "Content-Security-Policy": "default-src 'self'" } // fonts and styles from the site only
          : {},
    routes: {
      "/acceptance.html": { body: acceptance.html },
      "/ar-news.html": { body: arNews.html },
      "/en-news.html": { body: enNews.html },
      "/csp/ar-news.html": { body: arNews.html },
      "/strict/ar-news.html": { body: arNews.html },
      "/xss.html": { body: xss },
      "/not-article.html": { body: notArticle },
      "/extra-label.html": { body: extraLabel },
      "/empty.html": {
        body: '<!DOCTYPE html><html><head><title>x</title></head><body><nav><a href="/">home</a></nav></body></html>',
      },
    },
  });
  ext = await launchChromiumWithExtension(extDir);
  outDir = await ensureOutDir("extension");
}

/** Closes the pages the test opened (run after each test). */
export async function closePages() {
  for (const page of openPages.splice(0)) await page.close().catch(() => {});
}

export async function tearDown() {
  await ext?.close();
  await server?.close();
  if (extDir) await rm(extDir, { recursive: true, force: true });
}
