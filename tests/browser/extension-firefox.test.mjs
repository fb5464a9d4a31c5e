// The same extension build in headless Firefox ESR, driven over Marionette (Firefox's own
// remote protocol, so no geckodriver build is needed). Skipped when Firefox is not installed
// (`apt-get install firefox-esr`, or NAQI_FIREFOX=/path/to/firefox).
//
// Firefox has no equivalent of Chromium's serviceWorker.evaluate, so the copy of the extension
// loaded here also declares content/auto.js as a static content script for 127.0.0.1: every
// page load then goes through the real path of an automatic-open site (message to the
// background, isProbablyReadable and extract in the background's Wasm, scripting injections,
// the view mounted in the page).

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  assertScreenshotNotBlank,
  countPixels,
  ensureOutDir,
  loadSample,
  repoRoot,
  startServer,
} from "./lib.mjs";

const FIREFOX = process.env.NAQI_FIREFOX || "/usr/bin/firefox-esr";
const BUILT = path.join(repoRoot, "dist", "extension");
const PAGES = path.join(repoRoot, "tests", "browser", "pages");
/** WebDriver's code point for the Escape key. */
const ESCAPE_KEY = "\uE00C";
const skip = existsSync(FIREFOX) ? false : `Firefox not found at ${FIREFOX}`;

/** A free TCP port on 127.0.0.1. */
async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A minimal Marionette client: `len:json` frames, commands [0, id, name, params]. */
async function marionette(port) {
  let socket;
  for (let attempt = 0; ; attempt++) {
    try {
      socket = await new Promise((resolve, reject) => {
        const s = connect(port, "127.0.0.1", () => resolve(s));
        s.once("error", reject);
      });
      break;
    } catch (error) {
      if (attempt > 300) throw error; // Firefox did not open Marionette within ~60 s.
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  let buffer = Buffer.alloc(0);
  const waiting = [];
  const frames = [];
  socket.on("data", (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const colon = buffer.indexOf(":");
      if (colon < 0) break;
      const length = Number(buffer.subarray(0, colon).toString());
      if (buffer.length < colon + 1 + length) break;
      const frame = JSON.parse(buffer.subarray(colon + 1, colon + 1 + length).toString());
      buffer = buffer.subarray(colon + 1 + length);
      const next = waiting.shift();
      if (next) next(frame);
      else frames.push(frame);
    }
  });
  const nextFrame = () =>
    frames.length ? Promise.resolve(frames.shift()) : new Promise((r) => waiting.push(r));
  await nextFrame(); // the handshake
  let id = 0;
  return {
    async send(name, params = {}) {
      const message = JSON.stringify([0, ++id, name, params]);
      socket.write(`${Buffer.byteLength(message)}:${message}`);
      const [, , error, result] = await nextFrame();
      if (error) throw new Error(`${name}: ${error.error}: ${error.message}`);
      return result;
    },
    close: () => socket.destroy(),
  };
}

describe("extension in Firefox", { skip, timeout: 180_000 }, () => {
  let server;
  let firefox;
  let client;
  let profile;
  let extDir;

  before(async () => {
    assert.ok(existsSync(path.join(BUILT, "manifest.json")), "run make extension first");
    extDir = await mkdtemp(path.join(tmpdir(), "naqi-extension-ff-"));
    await cp(BUILT, extDir, { recursive: true });
    const manifestPath = path.join(extDir, "manifest.json");
    const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
    manifest.host_permissions = ["http://127.0.0.1/*"];
    manifest.content_scripts = [
      {
        matches: ["http://127.0.0.1/*"],
        js: ["shared.js", "content/auto.js"],
        run_at: "document_idle",
      },
    ];
    await writeFile(manifestPath, JSON.stringify(manifest, null, 2));

    const notArticle = readFileSync(
      path.join(repoRoot, "tests", "browser", "pages", "not-article.html"),
      "utf8",
    );
    server = await startServer({
      headers: (p) =>
        p.startsWith("/csp/") ? { "Content-Security-Policy": "script-src 'self'" } : {},
      routes: {
        "/csp/ar-news.html": { body: loadSample("ar-news").html },
        "/en-news.html": { body: loadSample("en-news").html },
        "/not-article.html": { body: notArticle },
        "/hostile/index.html": { body: readFileSync(path.join(PAGES, "hostile.html")) },
        "/hostile/hostile.js": { body: readFileSync(path.join(PAGES, "hostile.js")) },
        "/hostile/hostile.css": { body: readFileSync(path.join(PAGES, "hostile.css")) },
      },
    });

    const port = await freePort();
    profile = await mkdtemp(path.join(tmpdir(), "naqi-firefox-"));
    const prefs = {
      "marionette.port": port,
      "browser.shell.checkDefaultBrowser": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "toolkit.telemetry.reportingpolicy.firstRun": false,
      "app.update.disabledForTesting": true,
      "browser.aboutwelcome.enabled": false,
      "extensions.update.enabled": false,
      "network.captive-portal-service.enabled": false,
      "network.connectivity-service.enabled": false,
      "browser.safebrowsing.update.enabled": false,
      "extensions.getAddons.cache.enabled": false,
      "services.settings.server": "http://127.0.0.1:9/",
    };
    await writeFile(
      path.join(profile, "user.js"),
      Object.entries(prefs)
        .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
        .join("\n"),
    );
    firefox = spawn(FIREFOX, ["--headless", "--marionette", "--no-remote", "--profile", profile], {
      stdio: "ignore",
      env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: "1" },
    });
    client = await marionette(port);
    await client.send("WebDriver:NewSession", {
      capabilities: { alwaysMatch: { acceptInsecureCerts: true } },
    });
    await client.send("Addon:Install", { path: extDir, temporary: true });
  });

  after(async () => {
    if (client) {
      await client.send("Marionette:Quit").catch(() => {});
      client.close();
    }
    if (firefox && firefox.exitCode === null) {
      await new Promise((resolve) => {
        const timer = setTimeout(() => {
          firefox.kill("SIGKILL");
          resolve();
        }, 10_000);
        firefox.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    await server?.close();
    for (const dir of [profile, extDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Polls the page until the view is there (or `tries` run out); returns what it shows. */
  async function waitForView(tries = 150) {
    for (let i = 0; i < tries; i++) {
      // The view's shadow root is closed; a script in Marionette's system sandbox (system
      // principal, which no page script has) can read it with openOrClosedShadowRoot.
      const view = await client.send("WebDriver:ExecuteScript", {
        sandbox: "system",
        script: `
          const document = window.document;
          const getComputedStyle = (node) => window.getComputedStyle(node);
          const root = document.getElementById('naqi-reader')?.openOrClosedShadowRoot;
          const article = root?.querySelector('article');
          if (!article) return null;
          return {
            title: root.querySelector('.naqi-title')?.textContent ?? null,
            dir: article.getAttribute('dir'),
            text: article.textContent,
            removed: root.querySelectorAll('.naqi-removed li').length,
            pageHidden: getComputedStyle(document.body).display === 'none',
          };`,
        args: [],
      });
      if (view.value) return view.value;
      await new Promise((r) => setTimeout(r, 200));
    }
    return null;
  }

  const pageHtml = async () =>
    (
      await client.send("WebDriver:ExecuteScript", {
        script: "return document.documentElement.outerHTML",
        args: [],
      })
    ).value;

  test("an Arabic article under a strict CSP opens, and Escape restores the page", async () => {
    const sample = loadSample("ar-news");
    await client.send("WebDriver:Navigate", { url: server.url("/csp/ar-news.html") });
    const view = await waitForView();
    assert.ok(view, "the reading view did not open in Firefox");
    // Without system rights (the sandbox a page's own scripts match), the root stays closed.
    const { value: exposed } = await client.send("WebDriver:ExecuteScript", {
      script: "return document.getElementById('naqi-reader').shadowRoot !== null",
      args: [],
    });
    assert.equal(exposed, false, "the shadow root is open to the page");
    assert.equal(view.title.trim(), sample.expected.title);
    assert.equal(view.dir, "rtl");
    assert.ok(view.pageHidden);
    assert.ok(view.removed > 0, "the removed panel is empty");
    for (const paragraph of sample.expected.paragraphs) {
      assert.ok(
        view.text.replace(/\s+/g, " ").includes(paragraph.replace(/\s+/g, " ")),
        paragraph.slice(0, 50),
      );
    }
    for (const banned of sample.expected.must_not_contain) {
      assert.ok(!view.text.includes(banned), `removed text in the view: ${banned}`);
    }
    // The bundled Naskh face loads from the extension in Firefox too, under the page's CSP.
    let statuses = [];
    for (let i = 0; i < 50 && !statuses.includes("loaded"); i++) {
      if (i) await new Promise((r) => setTimeout(r, 100));
      ({ value: statuses } = await client.send("WebDriver:ExecuteScript", {
        sandbox: "system",
        script: `return Array.from(window.document.fonts)
          .filter((f) => /naqi Noto Naskh Arabic/.test(f.family))
          .map((f) => f.status);`,
        args: [],
      }));
    }
    assert.ok(statuses.includes("loaded"), `the bundled font did not load in Firefox: ${statuses}`);
    const { value: png } = await client.send("WebDriver:TakeScreenshot", {});
    const shot = path.join(await ensureOutDir("extension"), "firefox-ar.png");
    await writeFile(shot, Buffer.from(png, "base64"));
    assertScreenshotNotBlank(shot);

    await client.send("WebDriver:PerformActions", {
      actions: [
        {
          type: "key",
          id: "keyboard",
          actions: [
            { type: "keyDown", value: ESCAPE_KEY },
            { type: "keyUp", value: ESCAPE_KEY },
          ],
        },
      ],
    });
    await client.send("WebDriver:ReleaseActions");
    const html = await pageHtml();
    assert.ok(!html.includes("naqi-reader"), "Escape did not close the view");
    assert.ok(!/<body[^>]*style=/.test(html), "the page is not restored exactly");
  });

  test("an English article opens; a page that is not an article is left alone", async () => {
    await client.send("WebDriver:Navigate", { url: server.url("/en-news.html") });
    const view = await waitForView();
    assert.ok(view, "the reading view did not open in Firefox");
    assert.equal(view.title.trim(), loadSample("en-news").expected.title);
    assert.equal(view.dir, "ltr");

    await client.send("WebDriver:Navigate", { url: server.url("/not-article.html") });
    assert.equal(await waitForView(10), null);
  });
  test("a hostile page can neither read nor cover the view", async () => {
    await client.send("WebDriver:Navigate", { url: server.url("/hostile/index.html") });
    assert.ok(await waitForView(), "the reading view did not open in Firefox");
    // The page's own script (hostile.js) probes the view once its overlay is up; the page's
    // globals are read through wrappedJSObject, as the page itself sees them.
    let probe = null;
    for (let i = 0; i < 50 && !probe?.overlayAdded; i++) {
      await new Promise((r) => setTimeout(r, 100));
      probe = (
        await client.send("WebDriver:ExecuteScript", {
          script:
            "const w = window.wrappedJSObject || window; return JSON.parse(JSON.stringify(w.hostile.probe()));",
          args: [],
        })
      ).value;
    }
    assert.ok(probe?.overlayAdded, "the page did not add its overlay");
    assert.equal(probe.shadowRoot, null);
    assert.equal(probe.queried, 0);
    assert.equal(probe.rootFilter, "none");
    assert.equal(probe.rootAfter, "none");
    assert.equal(probe.rootBefore, "none");
    assert.deepEqual(probe.onTop, ["naqi-reader", "naqi-reader", "naqi-reader"]);
    const { value: png } = await client.send("WebDriver:TakeScreenshot", {});
    const shot = path.join(await ensureOutDir("extension"), "firefox-hostile.png");
    await writeFile(shot, Buffer.from(png, "base64"));
    assertScreenshotNotBlank(shot);
    assert.equal(
      countPixels(shot, (r, g, b) => r > 200 && g < 60 && b < 60),
      0,
      "the page's red is on screen",
    );
  });
});
