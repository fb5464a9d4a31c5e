// The built extension, unmodified (no host permissions at all), driven by a real key press:
// headed Chromium on a virtual X display, and xdotool typing the shortcut. This is the path a
// user takes: the shortcut fires the action, the browser grants activeTab for that gesture,
// and only then may the extension read the page. Playwright's own key events never reach
// extension shortcuts (../shared/TOOLCHAIN.md, item 8).
//
// Needs an X display and xdotool: scripts/test-extension.sh runs the tests under `xvfb-run`.
// Skipped otherwise.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { inView, launchChromiumWithExtension, repoRoot, startServer, waitInView } from "./lib.mjs";

const SHARED = process.env.NAQI_SHARED || path.resolve(repoRoot, "..", "shared");
const BUILT = path.join(repoRoot, "dist", "extension");

function hasXdotool() {
  try {
    execFileSync("xdotool", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
const skip = !process.env.DISPLAY
  ? "no X display (run under xvfb-run)"
  : hasXdotool()
    ? false
    : "xdotool is not installed";

/** Types a key combination into the focused window, as a keyboard would (XTEST). */
function pressKeys(keys) {
  execFileSync("xdotool", ["key", "--clearmodifiers", keys]);
}

describe("real keyboard shortcut (headed Chromium, Xvfb, xdotool)", {
  skip,
  timeout: 120_000,
}, () => {
  let server;
  let ext;
  let page;
  let tabId;
  /** Console messages of the page and the worker, shown when a step fails. */
  const logs = [];
  const acceptance = {
    html: readFileSync(path.join(SHARED, "acceptance", "seed-page.html"), "utf8"),
    expected: JSON.parse(
      readFileSync(path.join(SHARED, "acceptance", "seed-page.expected.json"), "utf8"),
    ),
  };

  before(async () => {
    server = await startServer({ routes: { "/acceptance.html": { body: acceptance.html } } });
    ext = await launchChromiumWithExtension(BUILT, { headless: false });
    ext.context.on("console", (message) => logs.push(message.text()));
    page = await ext.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(server.url("/acceptance.html"), { waitUntil: "load" });
    // Only this page's window may take the key: close the start page's window.
    for (const other of ext.context.pages()) if (other !== page) await other.close();
    await page.bringToFront();
    // No window manager on Xvfb: give the browser window the keyboard focus directly.
    for (const id of execFileSync("xdotool", ["search", "--onlyvisible", "--class", "chromium"])
      .toString()
      .trim()
      .split("\n")) {
      execFileSync("xdotool", ["windowfocus", "--sync", id]);
    }
    tabId = await ext.serviceWorker.evaluate(
      async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
    );
  });

  after(async () => {
    await ext?.close();
    await server?.close();
  });

  test("before any gesture the extension cannot read the page", async () => {
    const seen = await ext.serviceWorker.evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      const read = await chrome.scripting
        .executeScript({ target: { tabId: id }, func: () => document.title })
        .then(
          () => "read",
          (error) => error.message,
        );
      return { url: tab.url ?? null, read };
    }, tabId);
    assert.equal(seen.url, null, "the extension sees the URL without a grant");
    assert.notEqual(seen.read, "read", "the extension could inject without a grant");
  });

  test("Alt+R opens the reading view; Alt+R again restores the page", async (t) => {
    await page.evaluate(() => window.scrollTo({ top: 300, behavior: "instant" }));
    const before = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      y: window.scrollY,
    }));

    const pressedAt = performance.now();
    pressKeys("alt+r");
    await waitInView(page, "#naqi-reader", (root) => !!root.querySelector("article")).catch(
      (error) => {
        throw new Error(`the view did not open; console: ${logs.join(" | ")}`, { cause: error });
      },
    );
    const retried = logs.some((line) => line.includes("retrying once")) ? " (after a retry)" : "";
    t.diagnostic(
      `real Alt+R to reading view on the acceptance page: ${(performance.now() - pressedAt).toFixed(0)} ms${retried}`,
    );
    const title = await inView(
      page,
      "#naqi-reader",
      (root) => root.querySelector(".naqi-title")?.textContent,
    );
    assert.equal(title?.trim(), acceptance.expected.title);

    // Focus is in the view's toolbar, and real Tab presses never leave the view.
    const focused = await inView(
      page,
      "#naqi-reader",
      (root) => root.activeElement?.className ?? null,
    );
    assert.equal(focused, "naqi-skip", "focus does not start on the skip link in the toolbar");
    for (let i = 0; i < 30; i++) {
      pressKeys(i % 7 === 6 ? "shift+Tab" : "Tab");
      const where = await page.evaluate(() => document.activeElement?.localName ?? null);
      assert.equal(where, "naqi-reader", `real Tab ${i + 1} left the view for <${where}>`);
    }

    pressKeys("alt+r");
    await page.waitForFunction(() => !document.getElementById("naqi-reader"));
    const restored = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      y: window.scrollY,
    }));
    assert.deepEqual(restored, before);
  });
});
