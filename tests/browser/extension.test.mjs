// The extension in real headless Chromium (Debian's, through playwright-core), loaded unpacked
// (set-up and helpers in extension-harness.mjs; the options page in
// extension-options.test.mjs). It serves pages on 127.0.0.1 and triggers the toolbar action
// through the worker's `self.naqi.activate(tabId)`, the function the button, the shortcut and
// the context menu call. Run: make test-extension.

import { after, afterEach, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import {
  assertScreenshotNotBlank,
  inView,
  waitInView,
  clickInPanel,
  renderedFonts,
} from "./lib.mjs";
import {
  BUILT,
  acceptance,
  activate,
  arNews,
  assertArticle,
  assertRemovedLabels,
  bareLabel,
  closePages,
  enNews,
  fold,
  inWorker,
  openTab,
  outDir,
  pageState,
  readView,
  server,
  setOptions,
  setUp,
  tearDown,
  waitForArticle,
} from "./extension-harness.mjs";

before(setUp);
afterEach(closePages);
after(tearDown);

describe("reading view", { timeout: 120_000 }, () => {
  test("acceptance page: the article, the removed panel, RTL, and an exact restore", async (t) => {
    await setOptions({});
    const { page, tabId } = await openTab("/acceptance.html");
    await page.evaluate(() => window.scrollTo({ top: 400, behavior: "instant" }));
    const before = await pageState(page);
    assert.ok(before.y > 0, "the page is too short to test scroll restoration");

    const startedAt = performance.now();
    const result = await activate(tabId);
    const roundTrip = performance.now() - startedAt;
    assert.equal(result.action, "opened", JSON.stringify(result));
    await waitForArticle(page);
    const visibleAt = performance.now() - startedAt;
    t.diagnostic(
      `activation on the acceptance page: ${visibleAt.toFixed(0)} ms until the view is there ` +
        `(${roundTrip.toFixed(0)} ms round trip; in the worker: snapshot ` +
        `${result.timings.snapshot.toFixed(0)} ms, extract ${result.timings.extract.toFixed(0)} ms, ` +
        `mount ${result.timings.mount.toFixed(0)} ms)`,
    );

    const view = await readView(page);
    assertArticle(view, acceptance.expected);
    assert.ok(!view.shownText.includes("إقرأ أيضاً"), "read-also text inside the view");
    assertRemovedLabels(view, acceptance.expected.removed_block_labels);
    // Automatic: the buttons follow the browser's language (English here), not the article's.
    assert.deepEqual(
      [view.uiLang, view.uiDir],
      ["en", "ltr"],
      "an English browser gets English buttons",
    );
    assert.equal(
      await page.evaluate(() => window.scrollY),
      0,
      "the view does not start at the top",
    );

    const second = await activate(tabId);
    assert.equal(second.action, "closed");
    assert.deepEqual(await pageState(page), before, "the page is not restored exactly");

    // Once more, to see the time of a repeated activation (scripts already injected).
    const again = await activate(tabId);
    assert.equal(again.action, "opened");
    t.diagnostic(`repeated activation: ${again.timings.total.toFixed(0)} ms in the worker`);
    assert.equal((await activate(tabId)).action, "closed");
    assert.deepEqual(await pageState(page), before, "the page is not restored exactly");
  });

  test("Arabic sample: light and dark screenshots", async () => {
    const { page, tabId } = await openTab("/ar-news.html");
    // The default theme comes from the options (chrome.storage.sync).
    await setOptions({ prefs: { theme: "dark" } });
    assert.equal((await activate(tabId)).action, "opened");
    assert.equal((await readView(page)).theme, "dark");
    const dark = path.join(outDir, "ar-dark.png");
    await page.screenshot({ path: dark });
    assertScreenshotNotBlank(dark);
    assert.equal((await activate(tabId)).action, "closed");

    await setOptions({});
    assert.equal((await activate(tabId)).action, "opened");
    const light = path.join(outDir, "ar-light.png");
    await page.screenshot({ path: light });
    assertScreenshotNotBlank(light);
    const view = await readView(page);
    assert.equal(view.theme, "light");
    assertArticle(view, arNews.expected);
    assertRemovedLabels(view, arNews.expected.removed_block_labels);
  });

  test("English sample: left-to-right view and screenshot", async () => {
    await setOptions({});
    const { page, tabId } = await openTab("/en-news.html");
    assert.equal((await activate(tabId)).action, "opened");
    const shot = path.join(outDir, "en-light.png");
    await page.screenshot({ path: shot });
    assertScreenshotNotBlank(shot);
    const view = await readView(page);
    assert.equal(view.uiDir, "ltr");
    assertArticle(view, enNews.expected);
    assertRemovedLabels(view, enNews.expected.removed_block_labels);

    // A theme picked in the view becomes the default for the next one.
    await clickInPanel(page, "#naqi-reader", "button[data-action=theme][data-value=sepia]");
    await inWorker(async () => {
      while ((await chrome.storage.sync.get("prefs")).prefs?.theme !== "sepia") {
        await new Promise((r) => setTimeout(r, 50));
      }
    });
  });

  test("a page whose CSP forbids Wasm still opens (naqi runs in the worker)", async () => {
    await setOptions({});
    const { page, tabId } = await openTab("/csp/ar-news.html");
    // The policy is really in force: the page itself cannot compile even an empty module.
    const pageWasm = await page.evaluate(() =>
      WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
        () => "compiled",
        (error) => error.name,
      ),
    );
    assert.equal(pageWasm, "CompileError");
    const before = await pageState(page);
    assert.equal((await activate(tabId)).action, "opened");
    assertArticle(await readView(page), arNews.expected);
    assert.equal((await activate(tabId)).action, "closed");
    assert.deepEqual(await pageState(page), before);
  });

  test("the bundled Naskh face draws the article, even where the page allows only its own fonts", async () => {
    await setOptions({});
    for (const pathname of ["/ar-news.html?fonts", "/strict/ar-news.html"]) {
      const { page, tabId } = await openTab(pathname);
      assert.equal((await activate(tabId)).action, "opened");
      await page.evaluate(() => document.fonts.ready);
      // The first paragraph with text (some hold only an image).
      await inView(page, "#naqi-reader", (root) =>
        [...root.querySelectorAll("article p")]
          .find((p) => p.textContent.trim().length > 40)
          .setAttribute("data-probe", ""),
      );
      for (const selector of [".naqi-title", "article p[data-probe]"]) {
        const fonts = await renderedFonts(page, "#naqi-reader", selector);
        assert.deepEqual(
          fonts.map((f) => [f.familyName, f.isCustomFont]),
          [["Noto Naskh Arabic", true]],
          `${pathname} ${selector}: ${JSON.stringify(fonts)}`,
        );
      }
      assert.equal((await activate(tabId)).action, "closed");
      await page.close();
    }
  });

  test("Escape closes the view and restores the page", async () => {
    await setOptions({});
    const { page, tabId } = await openTab("/ar-news.html");
    await page.evaluate(() => window.scrollTo({ top: 250, behavior: "instant" }));
    const before = await pageState(page);
    assert.equal((await activate(tabId)).action, "opened");
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !document.getElementById("naqi-reader"));
    assert.deepEqual(await pageState(page), before);
    // And it opens again afterwards.
    assert.equal((await activate(tabId)).action, "opened");
  });

  test("XSS payloads in the article body show the article and run nothing", async () => {
    await setOptions({});
    const { page, tabId } = await openTab("/xss.html");
    // The payloads ran once while the page loaded, as they would on any such page: they are
    // live in this browser. Forget that, then open the view.
    assert.ok(await page.evaluate(() => window.__naqiXss), "the payloads are not live");
    await page.evaluate(() => delete window.__naqiXss);
    assert.equal((await activate(tabId)).action, "opened");
    await waitForArticle(page);
    // Let event handlers fire if any survived: images finish (here: fail), then one more
    // round of tasks for media errors, toggles and frames.
    await waitInView(page, "#naqi-reader", (root) =>
      [...root.querySelectorAll("img")].every((i) => i.complete),
    );
    await page.waitForTimeout(500);
    const view = await readView(page);
    assert.match(fold(view.title), /Lighthouse keepers' cottage reopens/);
    assert.ok(view.articleText.includes("hand-drawn chart of the bay from 1902"));
    const found = await inView(page, "#naqi-reader", (root) => {
      const all = [...root.querySelectorAll("*")];
      return {
        // The view's own toolbar icons are inline SVG it draws itself (icons.js); nothing else.
        active: all
          .filter(
            (el) =>
              !(
                el.localName === "svg" &&
                el.closest(".naqi-top") &&
                el.classList.contains("naqi-icon")
              ),
          )
          .filter((el) =>
            /^(script|iframe|frame|object|embed|form|svg|math|noscript)$/i.test(el.localName),
          )
          .map((el) => el.localName),
        handlers: all.flatMap((el) =>
          [...el.attributes]
            .filter((a) => /^on/i.test(a.name) || a.name === "srcdoc")
            .map((a) => `${el.localName}[${a.name}]`),
        ),
        scriptUrls: all.flatMap((el) =>
          [...el.attributes]
            .filter((a) => /javascript:/i.test(a.value))
            .map((a) => `${el.localName}[${a.name}]`),
        ),
      };
    });
    found.flag = await page.evaluate(() => window.__naqiXss ?? null);
    assert.equal(found.flag, null, `a payload ran: ${found.flag}`);
    assert.deepEqual(found.active, [], "active elements reached the view");
    assert.deepEqual(found.handlers, [], "event handlers reached the view");
    assert.deepEqual(found.scriptUrls, [], "javascript: URLs reached the view");
  });

  test("a page with no article gets a short localized message and is left as it was", async () => {
    await setOptions({});
    const { page, tabId } = await openTab("/empty.html");
    const before = await pageState(page);
    const result = await activate(tabId);
    assert.equal(result.action, "failed");
    assert.equal(result.code, "NO_ARTICLE");
    const [message, anyway] = await inWorker(() => [
      chrome.i18n.getMessage("errorNoArticle"),
      chrome.i18n.getMessage("errorNoArticleAnyway"),
    ]);
    const notice = await page.evaluate(() => {
      const root = document.getElementById("naqi-toast")?.shadowRoot;
      return (
        root && {
          text: root.querySelector("[role=alert]")?.textContent,
          buttons: [...root.querySelectorAll("button")].map((b) => b.textContent),
        }
      );
    });
    assert.ok(notice?.text?.includes(message), `no message shown (got ${JSON.stringify(notice)})`);
    assert.equal(notice.buttons[0], anyway, "a way to try again is offered");
    // "Try again keeping related blocks": a real click asks the worker again (still no article here).
    const box = await page.evaluate(() => {
      const r = document
        .getElementById("naqi-toast")
        .shadowRoot.querySelector("button")
        .getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.click(box.x, box.y);
    // The retry failed the same way: the new notice has only its dismiss button.
    await page.waitForFunction(
      () =>
        document.getElementById("naqi-toast")?.shadowRoot?.querySelectorAll("button").length === 1,
    );
    await page.evaluate(() => document.getElementById("naqi-toast").remove());
    assert.deepEqual(await pageState(page), before);
  });

  test("the language of the buttons follows the options (Arabic, English, Persian, Urdu)", async () => {
    await setOptions({ uiLang: "en" });
    const { page, tabId } = await openTab("/ar-news.html");
    assert.equal((await activate(tabId)).action, "opened");
    const view = await readView(page);
    assert.equal(view.uiDir, "ltr");
    assert.equal(view.uiLang, "en");
    assert.equal(view.dir, "rtl");
    assert.equal((await activate(tabId)).action, "closed");

    // 'article': the article's language (Arabic buttons, mirrored toolbar).
    await setOptions({ uiLang: "article" });
    assert.equal((await activate(tabId)).action, "opened");
    const followed = await readView(page);
    assert.deepEqual([followed.uiLang, followed.uiDir], ["ar", "rtl"]);
    assert.equal((await activate(tabId)).action, "closed");

    // Persian and Urdu buttons, right to left.
    for (const uiLang of ["fa", "ur"]) {
      await setOptions({ uiLang });
      assert.equal((await activate(tabId)).action, "opened");
      const shown = await readView(page);
      assert.deepEqual([shown.uiLang, shown.uiDir], [uiLang, "rtl"]);
      assert.equal((await activate(tabId)).action, "closed");
    }
  });

  test("an extra label from the options removes the block it heads", async () => {
    const label = "ركن الشركاء";
    const promo = "عروض حصرية من شركائنا";
    await setOptions({});
    const { page, tabId } = await openTab("/extra-label.html");
    assert.equal((await activate(tabId)).action, "opened");
    let view = await readView(page);
    assert.ok(
      !view.removed.some((r) => bareLabel(r.label) === label),
      "removed before being configured",
    );
    assert.equal((await activate(tabId)).action, "closed");

    await setOptions({ extraLabels: [label] });
    assert.equal((await activate(tabId)).action, "opened");
    view = await readView(page);
    assert.ok(!view.shownText.includes(promo), "the labelled block is still shown");
    assert.ok(
      view.removed.some((r) => bareLabel(r.label) === label),
      "the removed panel does not list it",
    );
    assert.ok(view.articleText.includes("مكتبة متنقلة"), "the article itself is missing");
  });
});

describe("the extension itself", { timeout: 60_000 }, () => {
  test("one manifest for Chrome and Firefox, minimal permissions, no remote code", async () => {
    const manifest = JSON.parse(await readFile(path.join(BUILT, "manifest.json"), "utf8"));
    assert.equal(manifest.manifest_version, 3);
    assert.deepEqual([...manifest.permissions].sort(), [
      "activeTab",
      "contextMenus",
      "scripting",
      "storage",
    ]);
    assert.equal(manifest.host_permissions, undefined);
    assert.equal(manifest.content_scripts, undefined);
    assert.equal(manifest.background.service_worker, "background.js");
    assert.deepEqual(manifest.background.scripts, ["background.js"]);
    assert.ok(
      Number.parseFloat(manifest.browser_specific_settings.gecko.strict_min_version) >= 140,
    );
    assert.equal(
      manifest.content_security_policy.extension_pages,
      "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    );
    const files = [
      "background.js",
      "pkg/web.js",
      "pkg/wasm/naqi_bg.wasm",
      "reader/reader.js",
      "icons/readable-32.png",
    ];
    for (const file of files) {
      assert.ok(existsSync(path.join(BUILT, file)), `${file} is not in the build`);
    }
  });

  test("the keyboard shortcut is really assigned", async () => {
    const commands = await inWorker(() => chrome.commands.getAll());
    const action = commands.find((c) => c.name === "_execute_action");
    assert.equal(action?.shortcut, "Alt+R");
  });

  test("the toolbar icon tells articles from other pages on granted sites", async () => {
    const titleOf = (tabId) =>
      inWorker(async (id) => {
        // The indicator is set when the tab finishes loading; wait until it has been.
        const initial = chrome.i18n.getMessage("actionTitle");
        for (;;) {
          const title = await chrome.action.getTitle({ tabId: id });
          if (title !== initial) return title;
          await new Promise((r) => setTimeout(r, 50));
        }
      }, tabId);
    const messages = await inWorker(() => ({
      readable: chrome.i18n.getMessage("actionTitleReadable"),
      notReadable: chrome.i18n.getMessage("actionTitleNotReadable"),
    }));
    // Opt-in: without the option (and off the automatic sites) the icon says nothing.
    await setOptions({});
    const quiet = await openTab("/ar-news.html?quiet");
    await quiet.page.waitForTimeout(1500);
    assert.equal(
      await inWorker((id) => chrome.action.getTitle({ tabId: id }), quiet.tabId),
      await inWorker(() => chrome.i18n.getMessage("actionTitle")),
    );
    await quiet.page.close();
    await setOptions({ readableBadge: true });
    const article = await openTab("/ar-news.html");
    assert.equal(await titleOf(article.tabId), messages.readable);
    const section = await openTab("/not-article.html");
    assert.equal(await titleOf(section.tabId), messages.notReadable);
    // The same tab, navigated from an article to a page that is not one.
    // (Waits until the indicator says so; the suite's timeout fails the test otherwise.)
    await article.page.goto(server.url("/not-article.html"), { waitUntil: "load" });
    await inWorker(
      async ({ id, expected }) => {
        while ((await chrome.action.getTitle({ tabId: id })) !== expected) {
          await new Promise((r) => setTimeout(r, 50));
        }
      },
      { id: article.tabId, expected: messages.notReadable },
    );
    // Then to an article on a host the extension may not read: the icon goes back to neutral.
    await article.page.goto(server.url("/ar-news.html").replace("127.0.0.1", "localhost"));
    await inWorker(async (id) => {
      while (
        (await chrome.action.getTitle({ tabId: id })) !== chrome.i18n.getMessage("actionTitle")
      ) {
        await new Promise((r) => setTimeout(r, 50));
      }
    }, article.tabId);
  });
});
