// The reading view in a hostile page, with naqi embedded by the page itself (the demo page's
// build: dist/www/reader.js and the naqi/web package), served with a strict CSP that forbids
// inline styles. tests/browser/pages/hostile.js attacks it as an ordinary page script; each
// attack must fail (see hostile.mjs). Run: node --test tests/browser/www-hostile.test.mjs

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ensureOutDir, inView, launchChromium, repoRoot, startServer } from "./lib.mjs";
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

const siteDir = path.join(repoRoot, "dist", "www");
const CSP = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

let server;
let browser;
let page;
const cspViolations = [];

before(async () => {
  assert.ok(existsSync(path.join(siteDir, "reader.js")), "dist/www is missing: run make www");
  const html = readFileSync(path.join(PAGES, "hostile.html"), "utf8").replace(
    "</body>",
    '<script src="/reader.js"></script>\n<script type="module" src="mount.mjs"></script>\n</body>',
  );
  const file = (name) => readFileSync(path.join(PAGES, name));
  server = await startServer({
    root: siteDir,
    headers: (p) => (p.startsWith("/hostile/") ? { "Content-Security-Policy": CSP } : {}),
    routes: {
      "/hostile/index.html": { body: html },
      "/hostile/hostile.js": { body: file("hostile.js") },
      "/hostile/hostile.css": { body: file("hostile.css") },
      "/hostile/mount.mjs": { body: file("hostile-mount.mjs") },
    },
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1000, height: 800 }, locale: "ar" });
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("a hostile page under a no-inline-style CSP can neither read, drive nor cover the view", async () => {
  await page.goto(server.url("/hostile/index.html"));
  await page.waitForSelector("html[data-naqi-loaded]", { state: "attached", timeout: 60000 });
  await page.evaluate(() => window.scrollTo({ top: 200, behavior: "instant" }));
  assert.equal(await page.evaluate(() => window.scrollY), 200, "the page does not scroll");
  await page.evaluate(() => dispatchEvent(new Event("naqi-test-open")));
  await page.waitForSelector("html[data-naqi-ready]", { state: "attached", timeout: 60000 });
  const rootStyleBefore = "filter: grayscale(1); scroll-behavior: smooth;";

  // The view is styled although the policy forbids inline styles: constructed sheets only.
  const styled = await inView(page, HOST, (root) => ({
    background: getComputedStyle(root.querySelector(".naqi")).backgroundColor,
    toolbar: getComputedStyle(root.querySelector(".naqi-toolbar")).display,
    styleElements: root.querySelectorAll("style").length,
    adopted: root.adoptedStyleSheets.length,
    title: root.querySelector(".naqi-title")?.textContent,
  }));
  assert.deepEqual(styled, {
    background: "rgb(251, 250, 248)",
    toolbar: "flex",
    styleElements: 0,
    adopted: 1,
    title: "مكتبة الحي تفتح أبوابها ليلاً في موسم الامتحانات",
  });

  await assertUnreadableAndUncovered(page);
  const outDir = await ensureOutDir();
  await assertScreenshotClean(page, path.join(outDir, "www-hostile.png"));
  await assertKeyboardStaysInside(page);
  await assertNotDrivable(page, () => page.evaluate(() => window.naqiPrefsWritten));
  await assertHostKept(page);
  await assertScreenshotClean(page, path.join(outDir, "www-hostile-dark.png"));

  // Printing the full-page view prints the whole article, not one screen of its scroller.
  await page.emulateMedia({ media: "print" });
  const printed = await inView(page, HOST, (root) => {
    const frame = getComputedStyle(root.querySelector("dialog.naqi-frame"));
    return {
      position: frame.position,
      overflow: frame.overflowY,
      toolbar: getComputedStyle(root.querySelector(".naqi-toolbar")).display,
    };
  });
  assert.deepEqual(printed, { position: "absolute", overflow: "visible", toolbar: "none" });
  await page.emulateMedia({ media: "screen" });

  await assertRestoredAfterEscape(page, rootStyleBefore);
  assert.equal(
    await page.evaluate(() => window.scrollY),
    200,
    "the scroll position is not restored",
  );
  assert.deepEqual(cspViolations, [], "the view broke the page CSP");
});
