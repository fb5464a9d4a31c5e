// `naqi/reader` from the installed package, in headless Chromium, under a strict Content
// Security Policy (no inline scripts or styles): the README's "Reader mode" button as written,
// then renderArticle into an element of the page. Every page counts its
// `securitypolicyviolation` events; a control page shows that the count does see violations.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

import {
  consumer,
  fold,
  importFromRepo,
  readmeExample,
  SIMPLE_PAGE,
  SIMPLE_PARAGRAPH,
} from "./support.mjs";
import * as reader from "naqi/reader";

const { clickInView, inView, launchChromium, renderedFonts, startServer, waitInView } =
  await importFromRepo("tests/browser/lib.mjs");

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; font-src 'self'; img-src 'self' data:";
const TITLE = "خبر قصير للتجربة";
const LIGHT = "rgb(251, 250, 248)";
const DARK = "rgb(26, 27, 30)";
const SEPIA = "rgb(244, 236, 216)";

// Loaded first by every page: records CSP violations, and gives <body> a style the way a
// site's script often does (through the CSSOM, which the policy allows), so the test sees
// that closing the full-page view puts it back without writing a blocked style attribute.
const PROBE_JS = `window.violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.violations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber);
}, true);
document.addEventListener("DOMContentLoaded", () => { document.body.style.color = "rgb(1, 2, 3)"; });
`;

/** SIMPLE_PAGE with the probe in its head and `html` at the start of its body. */
const articlePage = (html) =>
  SIMPLE_PAGE.replace("</head>", '<script src="/probe.js"></script></head>').replace(
    "<body>",
    `<body>${html}`,
  );

// Not from the README: renders into a container, then the tests drive `window.view`.
const RENDER_JS = `import init, { extractDocument } from "/node_modules/naqi/web.js";
import { renderArticle } from "/node_modules/naqi/reader.js";

await init();
window.closeCount = 0;
const container = document.querySelector("#reader");
const options = {
  prefs: { theme: "dark", fontSize: 24 },
  fonts: "/node_modules/naqi/fonts/",
  onClose: () => window.closeCount++,
};
window.view = renderArticle(extractDocument(document), container, options);
window.renderAgain = (article) => (window.view = renderArticle(article, container, options));
`;

// What the policy must block, so the probe has something to count.
const CONTROL_JS = `const style = document.createElement("style");
style.textContent = "body { color: red; }";
document.head.append(style);
document.body.setAttribute("style", "color: red");
window.controlDone = true;
`;

let server;
let browser;

before(async () => {
  server = await startServer({
    root: consumer,
    headers: { "Content-Security-Policy": CSP },
    routes: {
      "/probe.js": { body: PROBE_JS },
      "/reader-mode.js": { body: readmeExample("reader-mode-js") },
      "/render.js": { body: RENDER_JS },
      "/control.js": { body: CONTROL_JS },
      "/reader-mode.html": { body: articlePage(readmeExample("reader-mode-html")) },
      "/render.html": {
        body: articlePage(
          '<div id="reader"></div><script type="module" src="/render.js"></script>',
        ),
      },
      "/control.html": { body: articlePage('<script type="module" src="/control.js"></script>') },
    },
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A new page that collects page errors and console messages about the policy. */
async function openPage(pathname) {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`error: ${error.message}`));
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  await page.goto(server.url(pathname));
  return { page, problems };
}

const violations = (page) => page.evaluate(() => window.violations);

test("naqi/reader imports in Node (no DOM) and exports the reader's functions", () => {
  for (const name of ["openReader", "closeReader", "renderArticle", "mount"]) {
    assert.equal(typeof reader[name], "function", name);
  }
  assert.deepEqual([...reader.UI_LANGS], ["ar", "en", "fa", "ur"]);
  assert.equal(reader.DEFAULT_PREFS.theme, "light");
  assert.ok(Object.isFrozen(reader.DEFAULT_PREFS));
  assert.equal(reader.closeReader(), false);
  assert.throws(
    () => reader.renderArticle({ title: "x", contentHtml: "", dir: "ltr" }, null),
    TypeError,
  );
});

test("the package ships reader.js, its types and every font file the view asks for", () => {
  const pkg = JSON.parse(
    readFileSync(path.join(consumer, "node_modules", "naqi", "package.json"), "utf8"),
  );
  assert.deepEqual(pkg.exports["./reader"], { types: "./reader.d.ts", default: "./reader.js" });
  const naskh = fileURLToPath(
    import.meta.resolve("naqi/fonts/noto-naskh-arabic-arabic-400-normal.woff2"),
  );
  const files = readdirSync(path.dirname(naskh));
  for (const family of [
    "noto-naskh-arabic",
    "noto-sans-arabic",
    "noto-nastaliq-urdu",
    "vazirmatn",
  ]) {
    for (const subset of ["arabic", "latin"]) {
      for (const weight of [400, 700])
        assert.ok(files.includes(`${family}-${subset}-${weight}-normal.woff2`));
    }
    assert.match(
      readFileSync(path.join(path.dirname(naskh), `${family}.LICENSE.txt`), "utf8"),
      /SIL OPEN FONT LICENSE/i,
    );
  }
  assert.equal(files.length, 20);
});

test("the control page: the probe counts what the policy blocks", async () => {
  const { page } = await openPage("/control.html");
  try {
    await page.waitForFunction(() => window.controlDone === true);
    await page.waitForFunction(() => window.violations.length >= 2);
    const seen = await violations(page);
    assert.ok(
      seen.every((v) => v.startsWith("style-src")),
      seen.join("\n"),
    );
  } finally {
    await page.close();
  }
});

test("README reader mode under a strict CSP: open, styles adopted, fonts loaded, close", async () => {
  const { page, problems } = await openPage("/reader-mode.html");
  try {
    const bodyStyle = await page.evaluate(() => document.body.getAttribute("style"));
    assert.equal(bodyStyle, "color: rgb(1, 2, 3);");
    // The module initialises the Wasm before it listens: click until the view is there.
    for (let i = 0; i < 100 && !(await page.$("naqi-reader")); i++) {
      if (
        await page.evaluate(
          () => !document.body.inert && getComputedStyle(document.body).display !== "none",
        )
      ) {
        await page.click("#reader-mode");
      }
      await page.waitForTimeout(100);
    }
    const view = await waitInView(page, "naqi-reader", (root) => {
      const title = root.querySelector(".naqi-title");
      if (!title) return null;
      const css = (selector) => getComputedStyle(root.querySelector(selector));
      return {
        title: title.textContent,
        pageDir: root.querySelector(".naqi-page").getAttribute("dir"),
        articleDir: root.querySelector("article.naqi-article").getAttribute("dir"),
        text: root.querySelector("article.naqi-article").textContent,
        background: css(".naqi").backgroundColor,
        fontSize: css(".naqi-page").fontSize,
        dialogOpen: root.querySelector("dialog.naqi-frame")?.open,
        adopted: root.adoptedStyleSheets.length,
        styleElements: root.querySelectorAll("style").length,
        styleAttributes: root.querySelectorAll("[style]:not(.naqi):not(.naqi-progress)").length,
      };
    });
    assert.equal(view.title, TITLE);
    assert.equal(view.pageDir, "rtl");
    assert.equal(view.articleDir, "rtl");
    assert.ok(fold(view.text).includes(SIMPLE_PARAGRAPH));
    assert.equal(view.background, LIGHT, "the theme's colours: the constructed sheet was adopted");
    assert.equal(view.fontSize, "20px", "the default text size from the sheet and the prefs");
    assert.equal(view.dialogOpen, true);
    assert.deepEqual([view.adopted, view.styleElements, view.styleAttributes], [1, 0, 0]);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), "none");

    // The bundled Naskh face, from the package's fonts/ folder (font-src 'self').
    await page.evaluate(() => document.fonts.ready);
    const fonts = await renderedFonts(page, "naqi-reader", "article.naqi-article p");
    assert.ok(
      fonts.some((f) => f.isCustomFont && /Naskh/.test(f.familyName)),
      JSON.stringify(fonts),
    );
    assert.ok(
      server.requests.some((p) =>
        /^\/node_modules\/naqi\/fonts\/noto-naskh-arabic-arabic-400-normal\.woff2$/.test(p),
      ),
    );

    // closeReader() from the page's own code: the host goes, the page comes back as it was.
    const closed = await page.evaluate(async () => {
      const { closeReader } = await import("/node_modules/naqi/reader.js");
      return [closeReader(), closeReader()];
    });
    assert.deepEqual(closed, [true, false]);
    const after = await page.evaluate(() => ({
      host: document.querySelectorAll("naqi-reader").length,
      bodyStyle: document.body.getAttribute("style"),
      bodyInert: document.body.inert,
      rootStyle: document.documentElement.getAttribute("style"),
    }));
    assert.deepEqual(after, { host: 0, bodyStyle, bodyInert: false, rootStyle: null });

    // Again, closed by the user this time (the view's close button).
    await page.click("#reader-mode");
    await waitInView(page, "naqi-reader", (root) => root.querySelector(".naqi-title")?.textContent);
    await clickInView(page, "naqi-reader", 'button[data-action="close"]');
    await page.waitForFunction(() => !document.querySelector("naqi-reader"));

    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test("renderArticle into the page's own element under the same CSP", async () => {
  const { page, problems } = await openPage("/render.html");
  try {
    await page.waitForFunction(() => window.view !== undefined);
    const state = (hostSelector) =>
      waitInView(page, hostSelector, (root) => {
        const title = root.querySelector(".naqi-title");
        if (!title) return null;
        return {
          title: title.textContent,
          dir: root.querySelector("article.naqi-article").getAttribute("dir"),
          background: getComputedStyle(root.querySelector(".naqi")).backgroundColor,
          fontSize: getComputedStyle(root.querySelector(".naqi-page")).fontSize,
          dialog: root.querySelectorAll("dialog").length,
          body:
            root.querySelector("article.naqi-article > div")?.innerHTML ??
            root.querySelector("article.naqi-article").innerHTML,
        };
      });
    const view = await state("#reader > naqi-reader");
    assert.equal(view.title, TITLE);
    assert.equal(view.dir, "rtl");
    assert.equal(view.background, DARK);
    assert.equal(view.fontSize, "24px");
    assert.equal(view.dialog, 0, "not the full-page mode");
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), "block");

    await page.evaluate(() => window.view.setPrefs({ theme: "sepia", fontSize: 16 }));
    const sepia = await inView(page, "#reader > naqi-reader", (root) => [
      getComputedStyle(root.querySelector(".naqi")).backgroundColor,
      getComputedStyle(root.querySelector(".naqi-page")).fontSize,
    ]);
    assert.deepEqual(sepia, [SEPIA, "16px"]);

    // Rendering again replaces the first view (its onClose runs); style attributes and
    // elements in the article's HTML are dropped, and the policy has nothing to report.
    await page.evaluate(() =>
      window.renderAgain({
        title: "A second article",
        dir: "ltr",
        lang: "en",
        contentHtml:
          '<style>p { color: red; }</style><p style="color: red">Styled by the article itself.</p>' +
          '<p class="x" STYLE = "color: red" title="a style guide">Twice.</p>',
      }),
    );
    const second = await state("#reader > naqi-reader");
    assert.equal(second.title, "A second article");
    assert.equal(second.dir, "ltr");
    assert.equal(
      second.body,
      '<p dir="auto">Styled by the article itself.</p><p class="x" title="a style guide" dir="auto">Twice.</p>',
    );
    assert.equal(
      await page.evaluate(() =>
        [document.querySelectorAll("#reader > naqi-reader").length, window.closeCount].join(),
      ),
      "1,1",
    );

    // The close button removes the view from the container.
    await clickInView(page, "#reader > naqi-reader", 'button[data-action="close"]');
    await page.waitForFunction(() => !document.querySelector("#reader > naqi-reader"));
    assert.equal(
      await page.evaluate(() => {
        window.view.unmount();
        return window.closeCount;
      }),
      2,
    );

    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});
