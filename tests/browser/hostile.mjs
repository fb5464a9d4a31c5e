// Checks shared by the hostile-page tests (www-hostile.test.mjs, extension-hostile.test.mjs):
// the page tests/browser/pages/hostile.html tries to read, drive and leak into the reading
// view; each check below asserts one attack fails. `page` shows hostile.html with the view
// open in full-page mode in <naqi-reader>.

import assert from "node:assert/strict";
import path from "node:path";
import {
  assertScreenshotNotBlank,
  clickInPanel,
  countPixels,
  inView,
  renderedFonts,
  repoRoot,
  waitInView,
} from "./lib.mjs";

export const HOST = "naqi-reader";
export const PAGES = path.join(repoRoot, "tests", "browser", "pages");

/** The page's own attempt to read the view, after its overlay went up. */
export async function assertUnreadableAndUncovered(page) {
  await page.waitForFunction(() => window.hostile.state.overlayAdded, null, { timeout: 10000 });
  await page.waitForTimeout(100);
  const probe = await page.evaluate(() => window.hostile.probe());
  assert.equal(probe.host, true);
  assert.equal(probe.shadowRoot, null, "the page can read host.shadowRoot");
  assert.equal(probe.attach, "refused");
  assert.equal(probe.queried, 0, "the page can query into the view");
  assert.equal(probe.hostText, "");
  assert.equal(probe.children, 0);
  assert.equal(probe.rootFilter, "none", "the page filter applies to the root");
  assert.equal(probe.rootTransform, "none", "the page transform applies to the root");
  assert.equal(probe.rootScrollBehavior, "auto", "the page's scroll-behavior carries over");
  assert.equal(probe.rootAfter, "none", "html::after still renders");
  assert.equal(
    probe.rootBefore,
    "none",
    "html::before from the page's adopted sheet still renders",
  );
  assert.equal(probe.bodyBefore, "none", "body::before still renders");
  assert.equal(probe.pageFonts, 0, "the page's fonts stay in effect");
  // What Chromium really drew with: the page maps two families of the view's Arabic stack
  // to a monospace face (hostile.css, hostile.js).
  for (const selector of [".naqi-title", "article.naqi-article p"]) {
    const fonts = await renderedFonts(page, HOST, selector);
    assert.ok(fonts?.length, `no rendered font for ${selector}`);
    assert.ok(
      !fonts.some((f) => /mono/i.test(f.familyName)),
      `${selector} is drawn with the page's font: ${JSON.stringify(fonts)}`,
    );
  }
  assert.deepEqual(probe.onTop, [HOST, HOST, HOST], "something of the page is over the view");
  assert.equal(probe.hostInnerText, false, "host.innerText shows the view's text");
  assert.equal(probe.selectionText, false, "selecting the document shows the view's text");
  assert.equal(probe.caretInView, false, "caretRangeFromPoint reaches into the view");
  const frame = await inView(page, HOST, (root) => {
    const dialog = root.querySelector("dialog.naqi-frame");
    return {
      modal: dialog?.matches(":modal"),
      scrollBehavior: getComputedStyle(dialog).scrollBehavior,
    };
  });
  assert.deepEqual(frame, { modal: true, scrollBehavior: "auto" });
}

/** A screenshot with colour (no grayscale filter) and none of the page's red. */
export async function assertScreenshotClean(page, file) {
  await page.screenshot({ path: file });
  assertScreenshotNotBlank(file);
  const red = countPixels(file, (r, g, b) => r > 200 && g < 60 && b < 60);
  assert.equal(red, 0, `${red} pixels of the page's red overlay are on screen (${file})`);
  const coloured = countPixels(file, (r, g, b) => Math.max(r, g, b) - Math.min(r, g, b) > 60);
  assert.ok(coloured > 20, `the screenshot is grey: the page's filter applies (${file})`);
}

/** Focus starts in the toolbar, the skip link reaches the article, Tab never leaves the view. */
export async function assertKeyboardStaysInside(page) {
  const activeInView = () =>
    inView(
      page,
      HOST,
      (root) => root.activeElement?.className || root.activeElement?.localName || null,
    );
  assert.equal(
    await activeInView(),
    "naqi-skip",
    "focus does not land on the skip link in the toolbar",
  );
  await page.keyboard.press("Enter");
  assert.equal(await activeInView(), "naqi-article", "the skip link does not reach the article");
  // The keyboard scrolls the view (its dialog is the scroller), then back to the top.
  await page.keyboard.press("PageDown");
  await waitInView(
    page,
    HOST,
    (root) => root.querySelector("dialog.naqi-frame").scrollTop > 0,
    null,
    { timeout: 5000 },
  );
  await page.keyboard.press("Home");
  await waitInView(
    page,
    HOST,
    (root) => root.querySelector("dialog.naqi-frame").scrollTop === 0,
    null,
    { timeout: 5000 },
  );
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const outside = await page.evaluate(
      (host) => document.activeElement?.localName !== host && document.activeElement?.localName,
      HOST,
    );
    assert.equal(outside, false, `Tab ${i + 1} left the view for the page's <${outside}>`);
  }
  await page.keyboard.press("Shift+Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.localName), HOST);
}

const viewState = (page) =>
  inView(page, HOST, (root) => {
    const view = root.querySelector(".naqi");
    return (
      view && {
        theme: view.dataset.theme,
        width: view.dataset.width,
        size: view.style.getPropertyValue("--naqi-size"),
      }
    );
  });

/**
 * The page drives the view with events it makes, and a script holding the view's own buttons
 * (the tests can; a page cannot) clicks them: nothing changes and no preference is written.
 * `prefsWritten()` reports what reached the embedder's storage.
 */
export async function assertNotDrivable(page, prefsWritten) {
  const before = await viewState(page);
  assert.ok(before, "the view is not open");
  await page.evaluate(() => window.hostile.drive());
  assert.equal(
    await page.evaluate(() => window.hostile.state.injectedShown),
    false,
    "content added to the host shows",
  );
  await inView(page, HOST, (root) => {
    for (const button of root.querySelectorAll("button[data-action]")) {
      if (!/^(print|copy-text|copy-markdown|listen)$/.test(button.dataset.action)) button.click();
    }
    root.querySelector(".naqi-skip").click();
    for (const target of [root.querySelector("button"), root.querySelector("article")]) {
      target.dispatchEvent(
        new KeyboardEvent("keydown", { key: "Escape", bubbles: true, composed: true }),
      );
    }
  });
  await page.waitForTimeout(300);
  assert.deepEqual(
    await viewState(page),
    before,
    "synthetic events changed the view (or closed it)",
  );
  assert.deepEqual(await prefsWritten(), [], "preferences were written without the user");

  // A real click still works, and writes the preference once.
  await clickInPanel(page, HOST, 'button[data-action="theme"][data-value="dark"]');
  await waitInView(page, HOST, (root) => root.querySelector(".naqi").dataset.theme === "dark");
  assert.deepEqual(
    (await prefsWritten()).map((p) => p.theme),
    ["dark"],
  );
}

/**
 * The page hides, disables and removes the host, shows its body and enables its sheets again:
 * the view stays on top each time.
 */
export async function assertHostKept(page) {
  await page.evaluate((name) => {
    const host = document.querySelector(name);
    host.style.setProperty("display", "none", "important");
    host.inert = true;
  }, HOST);
  await page.waitForTimeout(50);
  const kept = await page.evaluate((name) => {
    const host = document.querySelector(name);
    return { display: getComputedStyle(host).display, inert: host.inert };
  }, HOST);
  assert.deepEqual(kept, { display: "block", inert: false });
  // The page shows its hidden body again and turns its own style sheets back on.
  await page.evaluate(() => {
    document.body.style.setProperty("display", "block", "important");
    document.body.inert = false;
    for (const sheet of document.styleSheets) sheet.disabled = false;
  });
  await page.waitForTimeout(50);
  const page2 = await page.evaluate(() => ({
    body: getComputedStyle(document.body).display,
    inert: document.body.inert,
    after: getComputedStyle(document.documentElement, "::after").content,
    filter: getComputedStyle(document.documentElement).filter,
  }));
  assert.deepEqual(page2, { body: "none", inert: true, after: "none", filter: "none" });
  await page.evaluate((name) => document.querySelector(name).remove(), HOST);
  await page.waitForTimeout(50);
  assert.equal(
    await page.evaluate(
      (_name) => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.localName,
      HOST,
    ),
    HOST,
  );
  assert.equal(
    await inView(page, HOST, (root) => root.querySelector("dialog").matches(":modal")),
    true,
  );
}

/** After a real Escape the page is as it was, its own later overlay included. */
export async function assertRestoredAfterEscape(page, rootStyleBefore) {
  // With the "Aa" panel open (assertNotDrivable opened it), Escape closes the panel first.
  if (await inView(page, HOST, (root) => root.querySelector(".naqi-panel")?.hidden === false)) {
    await inView(page, HOST, (root) => root.querySelector('button[data-action="panel"]').focus());
    await page.keyboard.press("Escape");
    assert.equal(
      await inView(page, HOST, (root) => root.querySelector(".naqi-panel").hidden),
      true,
      "Escape closes the panel",
    );
  }
  await page.keyboard.press("Escape");
  await page.waitForFunction((name) => !document.querySelector(name), HOST);
  const after = await page.evaluate(() => ({
    rootStyle: document.documentElement.getAttribute("style"),
    inert: document.querySelectorAll("[inert]").length,
    overlayStyle: document.getElementById("hostile-overlay").getAttribute("style"),
    filter: getComputedStyle(document.documentElement).filter,
    after: getComputedStyle(document.documentElement, "::after").content,
    bodyDisplay: getComputedStyle(document.body).display,
    pageFonts: Array.from(document.fonts).filter((f) => f.family === "Amiri").length,
    adopted:
      document.adoptedStyleSheets.length === 1 &&
      document.adoptedStyleSheets[0] === window.hostile.state.sheet,
  }));
  assert.deepEqual(after, {
    rootStyle: rootStyleBefore,
    inert: 0,
    overlayStyle: null,
    filter: "grayscale(1)",
    after: '"HOSTILE AFTER"',
    bodyDisplay: "block",
    pageFonts: 1,
    adopted: true,
  });
}
