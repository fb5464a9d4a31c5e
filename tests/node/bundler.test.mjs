// The package through a real bundler: esbuild bundles `import { extract } from "naqi"` for the
// browser from the consumer project, the .wasm is placed beside the bundle as the package
// README says, and headless Chromium runs the bundle on the acceptance page.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { after, before, test } from "node:test";

import { acceptance, acceptanceHtml, consumer, fold, importFromRepo, repo } from "./support.mjs";

const { launchChromium, startServer } = await importFromRepo("tests/browser/lib.mjs");

const out = path.join(consumer, "bundled");
let server;
let browser;

before(async () => {
  mkdirSync(path.join(out, "wasm"), { recursive: true });
  writeFileSync(
    path.join(consumer, "bundle-entry.mjs"),
    `import { extract } from "naqi";
const html = await (await fetch("./seed-page.html")).text();
window.result = extract(html);
`,
  );
  execFileSync(
    path.join(repo, "node_modules", ".bin", "esbuild"),
    ["bundle-entry.mjs", "--bundle", "--format=esm", "--platform=browser", `--outdir=${out}`],
    { cwd: consumer, stdio: "pipe" },
  );
  cpSync(
    path.join(consumer, "node_modules", "naqi", "wasm", "naqi_bg.wasm"),
    path.join(out, "wasm", "naqi_bg.wasm"),
  );
  server = await startServer({
    root: out,
    routes: {
      "/index.html": {
        body: '<!doctype html><meta charset="utf-8"><script type="module" src="./bundle-entry.js"></script>',
      },
      "/seed-page.html": { body: acceptanceHtml },
    },
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("an esbuild bundle of the default entry extracts the acceptance page in Chromium", async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url("/index.html"));
  await page.waitForFunction(() => window.result !== undefined);
  const article = await page.evaluate(() => window.result);
  assert.deepEqual(errors, []);
  assert.equal(article.title, acceptance.title);
  assert.equal(article.dir, "rtl");
  for (const p of acceptance.paragraphs) assert.ok(fold(article.text).includes(fold(p)), p);
  assert.ok(!article.text.includes("إقرأ أيضاً"));
});
