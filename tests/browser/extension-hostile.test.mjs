// The extension's reading view on a hostile page (tests/browser/pages/hostile.html) in
// headless Chromium: the page's own script (hostile.js) tries to read the view, drive its
// buttons so that preferences reach chrome.storage.sync, and cover or restyle it; each attack
// must fail (see hostile.mjs). Like extension.test.mjs, it loads a copy of dist/extension
// that also grants 127.0.0.1 and opens the view through the worker's self.naqi.activate().

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  ensureOutDir,
  inView,
  launchChromiumWithExtension,
  repoRoot,
  startServer,
  waitInView,
} from "./lib.mjs";
import {
  HOST,
  PAGES,
  assertHostKept,
  assertKeyboardStaysInside,
  assertNotDrivable,
  assertRestoredAfterEscape,
  assertScreenshotClean,
  assertUnreadableAndUncovered,
} from "./hostile.mjs";

const BUILT = path.join(repoRoot, "dist", "extension");
let server;
let ext;
let extDir;

const inWorker = async (fn, arg) =>
  (ext.context.serviceWorkers()[0] ?? (await ext.context.waitForEvent("serviceworker"))).evaluate(
    fn,
    arg,
  );

before(async () => {
  assert.ok(existsSync(path.join(BUILT, "manifest.json")), "run make extension first");
  extDir = await mkdtemp(path.join(tmpdir(), "naqi-extension-hostile-"));
  await cp(BUILT, extDir, { recursive: true });
  const manifestPath = path.join(extDir, "manifest.json");
  const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
  manifest.host_permissions = ["http://127.0.0.1/*"];
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  const file = (name) => readFileSync(path.join(PAGES, name));
  server = await startServer({
    headers: (p) =>
      p.startsWith("/hostile/")
        ? { "Content-Security-Policy": "script-src 'self'; style-src 'self'" }
        : {},
    routes: {
      "/hostile/index.html": { body: file("hostile.html") },
      "/hostile/hostile.js": { body: file("hostile.js") },
      "/hostile/hostile.css": { body: file("hostile.css") },
    },
  });
  ext = await launchChromiumWithExtension(extDir);
});

after(async () => {
  await ext?.close();
  await server?.close();
  if (extDir) await rm(extDir, { recursive: true, force: true });
});

test("a hostile page can neither read, drive, cover nor restyle the extension view", {
  timeout: 120_000,
}, async () => {
  await inWorker(() => chrome.storage.sync.clear());
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1000, height: 800 });
  const url = server.url("/hostile/index.html");
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(() => window.scrollTo({ top: 200, behavior: "instant" }));
  assert.equal(await page.evaluate(() => window.scrollY), 200, "the page does not scroll");
  const rootStyleBefore = await page.evaluate(() => document.documentElement.getAttribute("style"));
  const tabId = await inWorker(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
  const result = await inWorker((id) => self.naqi.activate(id), tabId);
  assert.equal(result.action, "opened", JSON.stringify(result));
  await waitInView(page, HOST, (root) => !!root.querySelector("article"));
  assert.match(
    await inView(page, HOST, (root) => root.querySelector(".naqi-title").textContent),
    /مكتبة الحي تفتح أبوابها ليلاً/,
  );

  await assertUnreadableAndUncovered(page);
  // The extension's globals live in its isolated world, out of the page's reach.
  assert.deepEqual(await page.evaluate(() => [typeof window.NaqiReader, typeof window.NaqiGlue]), [
    "undefined",
    "undefined",
  ]);
  const outDir = await ensureOutDir("extension");
  await assertScreenshotClean(page, path.join(outDir, "hostile.png"));
  await assertKeyboardStaysInside(page);
  const storedPrefs = async () => {
    const { prefs } = await inWorker(() => chrome.storage.sync.get("prefs"));
    return prefs ? [prefs] : [];
  };
  await assertNotDrivable(page, async () => {
    // Storage writes are asynchronous: give a write in flight the time to land.
    await page.waitForTimeout(200);
    return storedPrefs();
  });
  await assertHostKept(page);
  await assertScreenshotClean(page, path.join(outDir, "hostile-dark.png"));
  await assertRestoredAfterEscape(page, rootStyleBefore);
  assert.equal(
    await page.evaluate(() => window.scrollY),
    200,
    "the scroll position is not restored",
  );
  await page.close();
});
