// The extension's options page in real headless Chromium (set-up and helpers in
// extension-harness.mjs): localization, saved defaults, extra labels, automatic sites.
// Run: make test-extension.

import { after, afterEach, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { assertScreenshotNotBlank, launchChromiumWithExtension, waitInView } from "./lib.mjs";
import {
  VIEWPORT,
  arNews,
  assertArticle,
  closePages,
  ext,
  extDir,
  inWorker,
  openPages,
  openTab,
  outDir,
  readView,
  setOptions,
  setUp,
  tearDown,
} from "./extension-harness.mjs";

before(setUp);
afterEach(closePages);
after(tearDown);

describe("options page", { timeout: 120_000 }, () => {
  test("localized, saves defaults, labels and automatic sites", async () => {
    await setOptions({});
    const page = await ext.context.newPage();
    openPages.push(page);
    await page.goto(`chrome-extension://${ext.extensionId}/options/options.html`);
    await page.locator('body[data-ready="true"]').waitFor();
    assert.match(await page.locator("#shortcut").textContent(), /Alt\+R/);
    const heading = await page.locator("h1").textContent();
    assert.ok(heading && heading.length > 3, "the options page is not localized");
    assert.match(await page.evaluate(() => document.documentElement.dir), /^(ltr|rtl)$/);

    // The readable badge is opt-in (its permission prompt cannot be answered headless; the
    // worker's gating is tested in extension.test.mjs).
    assert.equal(await page.isChecked("#readableBadge"), false);
    assert.ok((await page.locator("label:has(#readableBadge)").textContent()).trim().length > 10);

    await page.selectOption("#theme", "sepia");
    await page.fill("#fontSize", "24");
    await page.locator("#fontSize").dispatchEvent("change");
    await page.fill("#labels", "ركن الشركاء\n  Partner picks  \n\nركن الشركاء");
    await page.locator("#labels").dispatchEvent("change");
    await page.fill("#site-input", "https://127.0.0.1/some/page");
    await page.click("#add-site button[type=submit]");
    await page.locator("#sites li").first().waitFor();

    const stored = await inWorker(() => chrome.storage.sync.get(null));
    assert.equal(stored.prefs.theme, "sepia");
    assert.equal(stored.prefs.fontSize, 24);
    assert.deepEqual(stored.extraLabels, ["ركن الشركاء", "Partner picks"]);
    assert.deepEqual(stored.autoSites, ["127.0.0.1"]);
    const registered = await inWorker(async () => {
      await self.naqi.syncAutoOpen();
      return (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.matches);
    });
    assert.deepEqual(registered, [["*://127.0.0.1/*"]]);

    await page.click('#sites button[data-site="127.0.0.1"]');
    await page.locator("#sites-empty").waitFor();
    const after = await inWorker(async () => {
      await self.naqi.syncAutoOpen();
      return {
        sites: (await chrome.storage.sync.get("autoSites")).autoSites,
        scripts: (await chrome.scripting.getRegisteredContentScripts()).length,
      };
    });
    assert.deepEqual(after, { sites: [], scripts: 0 });
  });

  test("in an Arabic browser the options page is Arabic and right-to-left", async () => {
    // Chromium on Linux takes its locale from the environment of the process.
    const saved = { LANGUAGE: process.env.LANGUAGE, LANG: process.env.LANG };
    Object.assign(process.env, { LANGUAGE: "ar", LANG: "ar_EG.UTF-8" });
    let arabic;
    try {
      arabic = await launchChromiumWithExtension(extDir, { args: ["--lang=ar"] });
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    try {
      const page = await arabic.context.newPage();
      await page.setViewportSize(VIEWPORT);
      await page.goto(`chrome-extension://${arabic.extensionId}/options/options.html`);
      await page.locator('body[data-ready="true"]').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
      assert.equal(await page.locator("h1").textContent(), "إعدادات نقي");
      const shot = path.join(outDir, "options-ar.png");
      await page.screenshot({ path: shot });
      assertScreenshotNotBlank(shot);
    } finally {
      await arabic.close();
    }
  });

  test("automatic sites open articles by themselves, and only articles", async () => {
    await setOptions({ autoSites: ["127.0.0.1"] });
    await inWorker(() => self.naqi.syncAutoOpen());
    const { page } = await openTab("/ar-news.html");
    await waitInView(page, "#naqi-reader", (root) => !!root.querySelector("article"), null, {
      timeout: 20_000,
    });
    assertArticle(await readView(page), arNews.expected);

    const other = await openTab("/not-article.html");
    // The content script has run and asked by the time the page is idle; give the worker a
    // moment to decide, then check that the page was left alone.
    await other.page.waitForTimeout(1500);
    assert.equal(await other.page.evaluate(() => !!document.getElementById("naqi-reader")), false);

    await setOptions({});
    await inWorker(() => self.naqi.syncAutoOpen());
    const none = await inWorker(
      async () => (await chrome.scripting.getRegisteredContentScripts()).length,
    );
    assert.equal(none, 0);
  });
});
