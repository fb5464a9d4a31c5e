// reader.js on a bare page (dist/www/reader.js, no CSP, no demo page around it), in real
// headless Chromium: what it shows and what it keeps out. The view's root is closed, so the
// tests read it with inView (lib.mjs). Run: node --test tests/browser/www-reader.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { repoRoot, startServer, launchChromium, inView } from "./lib.mjs";

const siteDir = path.join(repoRoot, "dist", "www");
let browser;

before(async () => {
  assert.ok(existsSync(path.join(siteDir, "reader.js")), "dist/www is missing: run make www");
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

// A bare page with reader.js and no CSP, so only reader.js stands between
// payloads and execution.
async function withHarness(fn) {
  const harness = await startServer({
    root: siteDir,
    routes: {
      "/harness.html": {
        body: '<!doctype html><meta charset="utf-8"><body><div id="host"></div><script src="/reader.js"></script>',
      },
    },
  });
  const p = await browser.newPage();
  try {
    await p.goto(harness.url("/harness.html"));
    await fn(p);
  } finally {
    await p.close();
    await harness.close();
  }
}

test("reader.js: a leading heading that repeats the title is shown once", async () => {
  await withHarness(async (p) => {
    const base = { dir: "ltr", lang: "en", text: "", markdown: "", wordCount: 0, removed: [] };
    const seen = [];
    for (const contentHtml of [
      "<h1>Same  title</h1><p>Body.</p>",
      "<p>Intro.</p><h2>Same title</h2><p>Body.</p>",
    ]) {
      await p.evaluate((article) => NaqiReader.mount(document.getElementById("host"), article), {
        ...base,
        title: "Same title",
        contentHtml,
      });
      seen.push(
        await inView(p, "#host", (root) => root.querySelectorAll("article h1, article h2").length),
      );
    }
    assert.deepEqual(seen, [0, 1], "dropped when it opens the body, kept further down");
  });
});

test("reader.js: the view speaks Arabic, English, Persian and Urdu", async () => {
  await withHarness(async (p) => {
    const article = {
      title: "Title",
      dir: "rtl",
      lang: "fa",
      contentHtml: "<p>متن.</p>",
      text: "متن.",
      markdown: "متن.",
      wordCount: 1,
      readingTime: { minMinutes: 2, maxMinutes: 3 },
      removed: [{ kind: "read-also", rule: "label-box", label: "x", preview: "y" }],
    };
    const seen = {};
    for (const uiLang of ["ar", "en", "fa", "ur"]) {
      await p.evaluate(
        ([a, lang]) => NaqiReader.mount(document.getElementById("host"), a, { uiLang: lang }),
        [article, uiLang],
      );
      seen[uiLang] = await inView(p, "#host", (root) => ({
        dir: root.querySelector(".naqi").dir,
        lang: root.querySelector(".naqi").lang,
        close: root.querySelector("button[data-action=close]").getAttribute("aria-label"),
        kind: root.querySelector(".naqi-kind").textContent,
        time: root.querySelector(".naqi-reading-time").textContent,
      }));
      // ICU may write Arabic-Indic, Persian or Latin digits: compare the digits' values.
      seen[uiLang].time = seen[uiLang].time.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) =>
        String(d.charCodeAt(0) & 0xf),
      );
    }
    assert.deepEqual(seen, {
      ar: {
        dir: "rtl",
        lang: "ar",
        close: "إغلاق عرض القراءة",
        kind: "اقرأ أيضاً",
        time: "2–3 دقائق قراءة",
      },
      en: {
        dir: "ltr",
        lang: "en",
        close: "Close the reading view",
        kind: "Read also",
        time: "2–3 min read",
      },
      fa: {
        dir: "rtl",
        lang: "fa",
        close: "بستن نمای مطالعه",
        kind: "بیشتر بخوانید",
        time: "2–3 دقیقه مطالعه",
      },
      ur: {
        dir: "rtl",
        lang: "ur",
        close: "مطالعہ منظر بند کریں",
        kind: "یہ بھی پڑھیں",
        time: "2–3 منٹ کا مطالعہ",
      },
    });
    // Automatic: the browser's language (English here), even on a Persian article; 'article'
    // follows the article.
    const uiOf = async (uiLang) => {
      await p.evaluate(
        ([a, lang]) => NaqiReader.mount(document.getElementById("host"), a, { uiLang: lang }),
        [article, uiLang],
      );
      return inView(p, "#host", (root) => root.querySelector(".naqi").lang);
    };
    assert.equal(await p.evaluate(() => navigator.language), "en-US");
    assert.equal(await uiOf(undefined), "en");
    assert.equal(await uiOf("auto"), "en");
    assert.equal(await uiOf("article"), "fa");
  });
});

test("reader.js inserts fields as text and drops active content (page without CSP)", async () => {
  await withHarness(async (p) => {
    const payload = '<img src="x" onerror="window.__pwned=1">';
    const article = {
      title: `Title ${payload}`,
      byline: payload,
      siteName: `Site ${payload}`,
      dir: "ltr",
      lang: "en",
      contentHtml:
        `<p>Body text stays.</p><p>${payload}</p>` +
        "<script>window.__pwned=2</script>" +
        '<svg onload="window.__pwned=3"><circle r="1"/></svg>' +
        '<iframe srcdoc="<script>parent.__pwned=4</script>"></iframe>' +
        '<p><a id="js" href="javascript:window.__pwned=5">link</a></p>' +
        '<p style="background:url(javascript:window.__pwned=6)" onclick="window.__pwned=7">click</p>',
      text: "Body text stays.",
      markdown: "Body text stays.",
      wordCount: 3,
      readingTime: { minMinutes: 1, maxMinutes: 1 },
      removed: [{ kind: "related", rule: "label-box", label: payload, preview: payload }],
    };
    await p.evaluate(
      (a) => NaqiReader.mount(document.getElementById("host"), a, { uiLang: "en" }),
      article,
    );
    // Clicks as a script holding the elements would make them (the tests can; a page cannot).
    await inView(p, "#host", (root) => {
      root.querySelector("#js")?.click();
      root.querySelector("p[onclick], p:last-of-type")?.click();
    });
    await p.waitForTimeout(500);
    const result = await inView(p, "#host", (root) => ({
      title: root.querySelector(".naqi-title").textContent,
      byline: root.querySelector(".naqi-byline").textContent,
      body: root.querySelector("article").innerHTML,
      removedLabel: root.querySelector(".naqi-removed .naqi-label").textContent,
      images: root.querySelectorAll("img[onerror]").length,
    }));
    result.pwned = await p.evaluate(() => window.__pwned ?? null);
    assert.equal(result.pwned, null, "no payload ran");
    assert.equal(result.title, `Title ${payload}`, "the title is shown as text");
    assert.equal(result.byline, payload);
    assert.equal(result.removedLabel, payload);
    assert.equal(result.images, 0);
    assert.match(result.body, /Body text stays\./);
    assert.doesNotMatch(result.body, /<script|<svg|<iframe|javascript:|onerror|onclick|style=/i);
  });
});

test("reader.js: full-page mode needs a host that is a child of <html>", async () => {
  await withHarness(async (p) => {
    const error = await p.evaluate(() => {
      const article = { title: "T", dir: "ltr", contentHtml: "<p>Body.</p>", removed: [] };
      try {
        NaqiReader.mount(document.getElementById("host"), article, { fullPage: true });
        return null;
      } catch (e) {
        return `${e.name}: ${e.message}`;
      }
    });
    assert.match(error ?? "", /^TypeError: .*child of <html>/);
    // Nothing of the page was touched.
    assert.equal(await p.evaluate(() => document.querySelectorAll("[inert], [style]").length), 0);
  });
});
