// The reading view's second round (issue 15) on a bare page with reader.js and the bundled
// fonts (dist/www), in headless Chromium: the fonts really drawn, the toolbar at 360 px,
// keyboard order, the removed-blocks panel, the header, tashkeel, digits, list numbers,
// reading progress and read aloud. Run: node --test tests/browser/www-view.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import {
  repoRoot,
  launchChromium,
  inView,
  waitInView,
  clickInView,
  clickInPanel,
  renderedFonts,
} from "./lib.mjs";
import { ARTICLES, AR_SOURCE, startViewServer } from "./view-fixtures.mjs";

const siteDir = path.join(repoRoot, "dist", "www");
let server;
let browser;

before(async () => {
  assert.ok(existsSync(path.join(siteDir, "fonts")), "dist/www/fonts is missing: run make www");
  server = await startViewServer(siteDir);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(article, options = {}, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport, locale: options.locale || "en-US" });
  await page.goto(server.url("/view.html"));
  const { locale, ...rest } = options;
  await page.evaluate(([a, o]) => window.show(a, o), [article, rest]);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

test("fonts: the bundled faces draw every glyph of an RTL line, digits and Latin included", async () => {
  let arabicFonts = "";
  try {
    arabicFonts = execFileSync("fc-list", [":lang=ar", "family"], { encoding: "utf8" }).trim();
  } catch {
    arabicFonts = "(fc-list unavailable)";
  }
  console.log(`# system fonts for Arabic: ${arabicFonts.replace(/\n/g, "; ") || "none"}`);
  const cases = [
    ["ar", {}, "Noto Naskh Arabic"],
    ["fa", {}, "Noto Naskh Arabic"],
    ["fa", { prefs: { font: "sans" } }, "Vazirmatn"],
    ["ar", { prefs: { font: "sans" } }, "Noto Sans Arabic"],
    ["ur", {}, "Noto Nastaliq Urdu"],
  ];
  for (const [lang, options, family] of cases) {
    const page = await open(ARTICLES[lang], options);
    try {
      await waitInView(page, "#host", async () => {
        await document.fonts.ready;
        return true;
      });
      for (const selector of ["article p", ".naqi-title"]) {
        const fonts = await renderedFonts(page, "#host", selector);
        assert.ok(fonts?.length, `no font for ${selector}`);
        // One family for the whole line (Arabic letters, alef wasla, digits, Latin words),
        // and it is the web font the view registered, not a system face.
        assert.deepEqual(
          fonts.map((f) => [f.familyName, f.isCustomFont]),
          [[family, true]],
          `${lang} ${JSON.stringify(options)} ${selector}: ${JSON.stringify(fonts)}`,
        );
      }
    } finally {
      await page.close();
    }
  }
  // Without the bundled fonts the same line is drawn by system faces (the check can fail).
  const page = await open(ARTICLES.ar, { fonts: null });
  try {
    const fonts = await renderedFonts(page, "#host", "article p");
    assert.ok(
      !fonts.some((f) => f.isCustomFont),
      `no web font without options.fonts: ${JSON.stringify(fonts)}`,
    );
  } finally {
    await page.close();
  }
});

test("toolbar at 360 px: one row, every control reachable and visible, panel included", async () => {
  for (const uiLang of ["ar", "en", "fa", "ur"]) {
    const page = await open(ARTICLES.ar, { uiLang }, { width: 360, height: 740 });
    try {
      const visible = (root, selector) =>
        Array.from(root.querySelectorAll(selector)).map((node) => {
          node.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "instant" });
          const box = node.getBoundingClientRect();
          const hit = root.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          return {
            name: node.getAttribute("aria-label") || node.textContent.trim(),
            inside: box.left >= 0 && box.right <= innerWidth && box.width > 0,
            onTop: Boolean(hit && (hit === node || node.contains(hit))),
            titled:
              !node.closest(".naqi-toolbar") ||
              Boolean(node.title && node.getAttribute("aria-label")),
          };
        });
      const bar = await inView(
        page,
        "#host",
        (root, fn) => {
          const toolbar = root.querySelector(".naqi-toolbar");
          return {
            height: toolbar.getBoundingClientRect().height,
            // biome-ignore lint/security/noGlobalEval: the helper's source crosses into the page as text
            controls: eval(`(${fn})`)(root, ".naqi-toolbar button"),
          };
        },
        visible.toString(),
      );
      assert.ok(bar.height <= 50, `the toolbar is one row (${bar.height}px)`);
      assert.ok(bar.controls.length >= 6);
      for (const c of bar.controls)
        assert.deepEqual(c, { name: c.name, inside: true, onTop: true, titled: true }, uiLang);
      await clickInView(page, "#host", 'button[data-action="panel"]');
      await clickInPanel(page, "#host", 'button[data-action="theme"][data-value="custom"]');
      const panel = await inView(
        page,
        "#host",
        // biome-ignore lint/security/noGlobalEval: the helper's source crosses into the page as text
        (root, fn) => eval(`(${fn})`)(root, ".naqi-panel button, .naqi-panel input"),
        visible.toString(),
      );
      assert.ok(panel.length >= 20, `panel controls: ${panel.length}`);
      for (const c of panel)
        assert.deepEqual(
          c,
          { name: c.name, inside: true, onTop: true, titled: true },
          `${uiLang} panel`,
        );
      // No two controls share a name (the old "نسخ" font beside "نسخ النص").
      const names = [...bar.controls, ...panel].map((c) => c.name);
      assert.equal(new Set(names).size, names.length, `duplicate names: ${names}`);
    } finally {
      await page.close();
    }
  }
});

test("keyboard: focus on the skip link, then the toolbar in order; the panel opens and Escape closes it first", async () => {
  const page = await open(ARTICLES.ar, { fullPage: true, uiLang: "en" });
  try {
    const active = () =>
      inView(page, "naqi-reader", (root) => {
        const a = root.activeElement;
        return a ? a.dataset.action || a.className || a.localName : null;
      });
    assert.equal(await active(), "skip");
    const order = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      order.push(await active());
    }
    assert.deepEqual(order, ["panel", "listen", "copy-text", "copy-markdown", "print", "close"]);
    for (let i = 0; i < 5; i++) await page.keyboard.press("Shift+Tab");
    assert.equal(await active(), "panel");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    assert.equal(await active(), "listen", "the panel follows the toolbar in the Tab order");
    await page.keyboard.press("Shift+Tab");
    const panelOpen = await inView(
      page,
      "naqi-reader",
      (root) => !root.querySelector(".naqi-panel").hidden,
    );
    assert.equal(panelOpen, true);
    await page.keyboard.press("Escape");
    assert.equal(
      await inView(page, "naqi-reader", (root) => root.querySelector(".naqi-panel").hidden),
      true,
    );
    assert.equal(await active(), "panel", "focus goes back to the Aa button");
    // The skip link still reaches the article.
    await inView(page, "naqi-reader", (root) => root.querySelector(".naqi-skip").focus());
    await page.keyboard.press("Enter");
    assert.equal(await active(), "naqi-article");
    await page.keyboard.press("Escape");
    assert.equal(await page.evaluate(() => window.closedByUser), true);
  } finally {
    await page.close();
  }
});

test("removed blocks: kinds in words, no noise, shown where they stood and put back", async () => {
  const page = await open(ARTICLES.ar, { uiLang: "ar", source: AR_SOURCE });
  try {
    const entries = await inView(page, "#host", (root) =>
      Array.from(root.querySelectorAll(".naqi-removed li")).map((li) => [
        li.dataset.kind,
        li.querySelector(".naqi-kind").textContent,
      ]),
    );
    assert.deepEqual(
      entries,
      [
        ["read-also", "اقرأ أيضاً"],
        ["other-article", "مقال آخر"],
      ],
      'the "pdf" entry is noise',
    );
    await clickInView(page, "#host", ".naqi-removed summary");
    await clickInView(page, "#host", 'button[data-action="removed-restore"][data-index="0"]');
    const placed = await inView(page, "#host", (root) => {
      const spot = root.querySelector("article .naqi-spot");
      return (
        spot && {
          state: spot.dataset.state,
          text: spot.querySelector(".naqi-spot-body").textContent,
          before: spot.previousElementSibling?.textContent.slice(0, 20),
          focused: root.activeElement === spot,
        }
      );
    });
    assert.equal(placed.state, "restored");
    assert.match(placed.text, /افتتاح حديقة عامة جديدة/);
    assert.match(
      placed.before,
      /^كَتَبَ ٱلمراسلُ/,
      "put back after the paragraph it followed on the page",
    );
    assert.equal(placed.focused, true);
    const { ensureOutDir } = await import("./lib.mjs");
    await page.screenshot({ path: path.join(await ensureOutDir(), "view-ar-restored.png") });
    await clickInView(page, "#host", 'button[data-action="removed-restore"][data-index="0"]');
    assert.equal(
      await inView(page, "#host", (root) => root.querySelector("article .naqi-spot").hidden),
      true,
      "removed again",
    );
    // Without a source page the block is still shown, at the end, saying so.
    await clickInView(page, "#host", 'button[data-action="removed-show"][data-index="1"]');
    const unknown = await inView(page, "#host", (root) => {
      const spots = root.querySelectorAll("article .naqi-spot");
      const last = spots[spots.length - 1];
      return {
        tag: last.querySelector(".naqi-spot-tag").textContent,
        isLast: last === root.querySelector("article").lastElementChild,
      };
    });
    assert.match(unknown.tag, /غير معروف/);
    assert.equal(unknown.isLast, true);
  } finally {
    await page.close();
  }
});

test("header: its own direction per item, on the article side; site and byline cleaned", async () => {
  const page = await open(ARTICLES.ar, { uiLang: "en" });
  try {
    const head = await inView(page, "#host", (root) => {
      const side = (sel) => {
        const node = root.querySelector(sel);
        const range = document.createRange();
        range.selectNodeContents(node);
        return {
          right: Math.round(range.getBoundingClientRect().right),
          dir: node.getAttribute("dir"),
          text: node.textContent,
        };
      };
      return { site: side(".naqi-site"), title: side(".naqi-title"), byline: side(".naqi-byline") };
    });
    assert.equal(head.site.text, "CNN Arabic");
    assert.equal(head.byline.text, "سلمى يوسف");
    for (const item of Object.values(head)) assert.equal(item.dir, "auto");
    assert.ok(
      Math.abs(head.site.right - head.title.right) < 4,
      `site and title on the same side: ${JSON.stringify(head)}`,
    );
  } finally {
    await page.close();
  }
});

test("tashkeel, digits, list numbers in the article script, and reading progress", async () => {
  const page = await open(ARTICLES.ar, { uiLang: "ar" }, { width: 800, height: 600 });
  try {
    const read = () =>
      inView(page, "#host", (root) => ({
        first: root.querySelector("article p").textContent,
        list: getComputedStyle(root.querySelector("article ol")).listStyleType,
        progress: Number(root.querySelector(".naqi-progress").getAttribute("aria-valuenow")),
      }));
    const start = await read();
    assert.equal(start.list, "arabic-indic");
    assert.match(start.first, /كَتَبَ/);
    await clickInPanel(page, "#host", 'button[data-action="tashkeel"]');
    await clickInPanel(page, "#host", 'button[data-action="digits"][data-value="arabic"]');
    const changed = await read();
    assert.match(
      changed.first,
      /^كتب ٱلمراسل أن/,
      "tashkeel hidden (alef wasla is a letter: kept)",
    );
    assert.match(changed.first, /٨ مساءً|٨ مساء/, "digits in Arabic-Indic");
    assert.match(changed.first, /١٢٠٠٠/);
    await clickInPanel(page, "#host", 'button[data-action="digits"][data-value="western"]');
    assert.equal((await read()).list, "decimal");
    await clickInPanel(page, "#host", 'button[data-action="tashkeel"]');
    await clickInPanel(page, "#host", 'button[data-action="digits"][data-value="auto"]');
    assert.equal((await read()).first, start.first, "back to the text as written");
    await page.mouse.wheel(0, 800);
    await page.waitForTimeout(200);
    const scrolled = await read();
    assert.ok(
      scrolled.progress > start.progress,
      `progress grows: ${start.progress} -> ${scrolled.progress}`,
    );
  } finally {
    await page.close();
  }
  for (const [lang, style] of [
    ["fa", "persian"],
    ["ur", "urdu"],
  ]) {
    const p = await open(ARTICLES[lang]);
    try {
      assert.equal(
        await inView(
          p,
          "#host",
          (root) => getComputedStyle(root.querySelector("article ol")).listStyleType,
        ),
        style,
      );
    } finally {
      await p.close();
    }
  }
});

test("typography panel: line height, word spacing, justify and custom colours reach the text", async () => {
  const page = await open(ARTICLES.ar, { uiLang: "fa" });
  try {
    const style = () =>
      inView(page, "#host", (root) => {
        const s = getComputedStyle(root.querySelector("article p"));
        return {
          line: parseFloat(s.lineHeight) / parseFloat(s.fontSize),
          words: s.wordSpacing,
          align: s.textAlign,
          letter: s.letterSpacing,
          bg: getComputedStyle(root.querySelector(".naqi")).backgroundColor,
        };
      });
    const start = await style();
    await clickInPanel(page, "#host", 'button[data-action="line-looser"]');
    await clickInPanel(page, "#host", 'button[data-action="words-apart"]');
    await clickInPanel(page, "#host", 'button[data-action="align"][data-value="justify"]');
    await clickInPanel(page, "#host", 'button[data-action="theme"][data-value="custom"]');
    const after = await style();
    assert.ok(after.line > start.line, `line height ${start.line} -> ${after.line}`);
    assert.notEqual(after.words, start.words);
    assert.equal(after.align, "justify");
    assert.equal(after.letter, "normal", "no letter spacing for Arabic");
    assert.equal(after.bg, "rgb(253, 246, 227)");
  } finally {
    await page.close();
  }
});

test("read aloud with a voice: paragraphs in turn, highlighted, pause, next, previous, speed (voice list stubbed)", async () => {
  // Headless Chromium has no voice (the no-voice message is tested in www.test.mjs); a fake
  // voice list and speak() record what the view asks for.
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  try {
    await page.goto(server.url("/view.html"));
    await page.evaluate((a) => {
      window.spoken = [];
      window.calls = [];
      const voice = Object.create(SpeechSynthesisVoice.prototype);
      Object.defineProperties(voice, {
        lang: { value: "ar-SA" },
        name: { value: "Test Arabic" },
        voiceURI: { value: "test-ar" },
        localService: { value: true },
      });
      speechSynthesis.getVoices = () => [voice];
      speechSynthesis.speak = (u) =>
        window.spoken.push({ text: u.text, rate: u.rate, lang: u.lang, u });
      speechSynthesis.cancel = () => window.calls.push("cancel");
      speechSynthesis.pause = () => window.calls.push("pause");
      speechSynthesis.resume = () => window.calls.push("resume");
      window.finish = () => window.spoken.at(-1).u.dispatchEvent(new Event("end"));
      window.show(a, { uiLang: "ar" });
    }, ARTICLES.ar);
    const speaking = () =>
      inView(
        page,
        "#host",
        (root) => root.querySelector(".naqi-speaking")?.textContent.slice(0, 12) || null,
      );
    await clickInView(page, "#host", 'button[data-action="listen"]');
    await page.waitForFunction(() => window.spoken.length > 0);
    assert.equal(await page.evaluate(() => window.spoken[0].text), ARTICLES.ar.title);
    assert.equal(await page.evaluate(() => window.spoken[0].lang), "ar-SA");
    assert.equal(await speaking(), ARTICLES.ar.title.slice(0, 12));
    await page.evaluate(() => window.finish());
    assert.match(
      await page.evaluate(() => window.spoken.at(-1).text),
      /^كَتَبَ/,
      "the next paragraph follows",
    );
    await clickInView(page, "#host", 'button[data-action="speech-next"]');
    assert.match(await speaking(), /^وقال مدير/);
    await clickInView(page, "#host", 'button[data-action="speech-previous"]');
    assert.match(await speaking(), /^كَتَبَ/);
    await clickInView(page, "#host", 'button[data-action="speech-toggle"]');
    await clickInView(page, "#host", 'button[data-action="speech-toggle"]');
    assert.deepEqual(
      (await page.evaluate(() => window.calls)).filter((c) => c !== "cancel"),
      ["pause", "resume"],
    );
    await clickInView(page, "#host", 'button[data-action="speech-faster"]');
    assert.equal(await page.evaluate(() => window.spoken.at(-1).rate), 1.25);
    await clickInView(page, "#host", 'button[data-action="speech-stop"]');
    assert.equal(await speaking(), null);
  } finally {
    await page.close();
  }
});

test("screenshots: Arabic, Persian, Urdu and English; light, sepia and dark; 1280 and 390 px", async () => {
  const { ensureOutDir, assertScreenshotNotBlank } = await import("./lib.mjs");
  const outDir = await ensureOutDir();
  const shots = [
    ["ar", "light", 1280],
    ["ar", "sepia", 390],
    ["ar", "dark", 1280],
    ["ar", "light", 390],
    ["fa", "light", 1280],
    ["fa", "dark", 390],
    ["ur", "sepia", 1280],
    ["ur", "light", 390],
    ["en", "light", 1280],
    ["en", "dark", 390],
  ];
  for (const [lang, theme, width] of shots) {
    const uiLang = lang;
    const page = await open(
      ARTICLES[lang],
      { fullPage: true, uiLang, prefs: { theme }, source: lang === "ar" ? AR_SOURCE : undefined },
      { width, height: width > 400 ? 900 : 800 },
    );
    try {
      if (width === 390 && lang === "ar") {
        await clickInView(page, "naqi-reader", 'button[data-action="panel"]');
      }
      await page.evaluate(() => document.fonts.ready);
      const file = path.join(outDir, `view-${lang}-${theme}-${width}.png`);
      await page.screenshot({ path: file });
      assertScreenshotNotBlank(file);
    } finally {
      await page.close();
    }
  }
});
