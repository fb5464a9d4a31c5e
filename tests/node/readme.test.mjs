// The package README's examples, run exactly as written (each code block follows a
// `<!-- example: NAME -->` marker in node_modules/naqi/README.md): the Node one under Node, the
// browser one in a page of headless Chromium, the bundler ones bundled by esbuild. The unbundled
// reader-mode example runs in reader.test.mjs.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";

import {
  consumer,
  fold,
  importFromRepo,
  readmeExample,
  repo,
  SIMPLE_PAGE,
  SIMPLE_PARAGRAPH,
} from "./support.mjs";

const { launchChromium, startServer, waitInView } = await importFromRepo("tests/browser/lib.mjs");

const TITLE = "خبر قصير للتجربة";
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; font-src 'self'";
let server;
let browser;

before(async () => {
  // The bundler examples, bundled by esbuild into readme-bundled/ with the .wasm in a wasm/
  // folder beside the bundles, as the README says, and the fonts where the reader's example
  // expects them.
  const out = path.join(consumer, "readme-bundled");
  mkdirSync(path.join(out, "wasm"), { recursive: true });
  writeFileSync(path.join(consumer, "readme-bundler.mjs"), readmeExample("bundler"));
  writeFileSync(
    path.join(consumer, "readme-reader-bundler.mjs"),
    readmeExample("reader-mode-bundler"),
  );
  execFileSync(
    path.join(repo, "node_modules", ".bin", "esbuild"),
    [
      "readme-bundler.mjs",
      "readme-reader-bundler.mjs",
      "--bundle",
      "--format=esm",
      "--platform=browser",
      `--outdir=${out}`,
    ],
    { cwd: consumer, stdio: "pipe" },
  );
  const installed = path.join(consumer, "node_modules", "naqi");
  cpSync(path.join(installed, "wasm", "naqi_bg.wasm"), path.join(out, "wasm", "naqi_bg.wasm"));
  cpSync(path.join(installed, "fonts"), path.join(consumer, "fonts", "naqi"), { recursive: true });

  server = await startServer({
    root: consumer,
    routes: {
      // The browser example runs in the article page itself, from the project's root.
      "/readme-browser.html": {
        body: SIMPLE_PAGE.replace("</body>", `${readmeExample("browser")}</body>`),
      },
      "/readme-bundled/index.html": {
        body: '<!doctype html><meta charset="utf-8"><h1 id="headline"></h1><script type="module" src="./readme-bundler.js"></script>',
      },
      "/news/1.html": { body: SIMPLE_PAGE },
      "/readme-bundled/reader.html": {
        body: SIMPLE_PAGE.replace(
          "<body>",
          '<body><button type="button" id="reader-mode">Reader mode</button><script type="module" src="./readme-reader-bundler.js"></script>',
        ),
        headers: { "Content-Security-Policy": CSP },
      },
    },
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page and waits until `ready` (a function run in the page) returns a value. */
async function run(pathname, ready) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  try {
    await page.goto(server.url(pathname));
    const handle = await page.waitForFunction(ready, undefined, { timeout: 20000 });
    const value = await handle.jsonValue();
    assert.deepEqual(errors, []);
    return value;
  } finally {
    await page.close();
  }
}

test("README, Node: the example prints the title, direction and word count", () => {
  writeFileSync(path.join(consumer, "page.html"), SIMPLE_PAGE);
  writeFileSync(path.join(consumer, "readme-node.mjs"), readmeExample("node"));
  const output = execFileSync(process.execPath, ["readme-node.mjs"], {
    cwd: consumer,
    encoding: "utf8",
  });
  // console.log(article.title, article.dir, article.wordCount)
  const [, title, dir, words] = output.trim().match(/^(.*) (\S+) (\S+)$/) ?? [];
  assert.equal(title, TITLE);
  assert.equal(dir, "rtl");
  assert.ok(Number(words) > 50, output);
});

test("README, browser: the page replaces itself with its extracted article", async () => {
  const view = await run("/readme-browser.html", () => {
    // Done when the body holds only the new view (the page's own article and the script
    // are gone).
    const article = document.querySelector("body > article");
    if (!article || document.body.children.length !== 1) return null;
    return {
      dir: article.dir,
      lang: article.lang,
      title: article.querySelector("h1")?.textContent,
      text: article.textContent,
      scripts: document.scripts.length,
    };
  });
  assert.equal(view.title, TITLE);
  assert.equal(view.dir, "rtl");
  assert.equal(view.lang, "ar");
  assert.ok(fold(view.text).includes(SIMPLE_PARAGRAPH));
  assert.equal(view.scripts, 0);
});

test("README, bundler: an esbuild bundle of the example fetches and reads another page", async () => {
  const headline = await run(
    "/readme-bundled/index.html",
    () => document.querySelector("#headline").textContent || null,
  );
  assert.equal(headline, TITLE);
  assert.ok(server.requests.includes("/readme-bundled/wasm/naqi_bg.wasm"));
});

test("README, reader mode with a bundler: the button opens the view, with the copied fonts", async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  try {
    await page.goto(server.url("/readme-bundled/reader.html"));
    // The bundle's top-level await loads the .wasm before the button listens: click until open.
    for (let i = 0; i < 100 && !(await page.$("naqi-reader")); i++) {
      if (await page.evaluate(() => !document.body.inert)) await page.click("#reader-mode");
      await page.waitForTimeout(100);
    }
    const view = await waitInView(page, "naqi-reader", (root) => {
      const title = root.querySelector(".naqi-title");
      return (
        title && {
          title: title.textContent,
          dir: root.querySelector(".naqi-page").getAttribute("dir"),
        }
      );
    });
    assert.deepEqual(view, { title: TITLE, dir: "rtl" });
    await page.evaluate(() => document.fonts.ready);
    assert.ok(server.requests.includes("/fonts/naqi/noto-naskh-arabic-arabic-400-normal.woff2"));
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});
