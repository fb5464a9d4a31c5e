// Shared helpers for naqi's browser tests (www and extension).
//
//   import { startServer, launchChromium, launchChromiumWithExtension,
//            pngStats, assertScreenshotNotBlank, outDir } from './lib.mjs';
//
// - startServer(): a tiny static HTTP server on 127.0.0.1 with an ephemeral
//   port. It can add headers per path (for example a strict CSP) and serve
//   in-memory routes.
// - launchChromium() / launchChromiumWithExtension(): Debian's chromium
//   through playwright-core, headless, with the flags from
//   ../shared/TOOLCHAIN.md (never a downloaded browser).
// - pngStats() / assertScreenshotNotBlank(): decode a PNG with node's zlib
//   and count its distinct colours, so a test can tell a real screenshot
//   from a blank one.

import { createServer } from "node:http";
import { readFile, stat, mkdtemp, rm, mkdir } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inflateSync } from "node:zlib";
import { chromium } from "playwright-core";

/** The repository root (two levels above this file). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Where tests write screenshots and other artefacts (gitignored). */
export const outDir = path.join(repoRoot, "tests", "out");

/** The Chromium binary: `NAQI_CHROMIUM` or Debian's /usr/bin/chromium. */
export const chromiumPath = process.env.NAQI_CHROMIUM || "/usr/bin/chromium";

/**
 * Flags every launch uses. Without the background-networking ones Chromium
 * keeps trying to reach the (closed) network.
 */
export const CHROMIUM_FLAGS = Object.freeze([
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]);

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
};

/** The Content-Type for a file name, by extension. */
export function contentTypeFor(name) {
  return CONTENT_TYPES[path.extname(name).toLowerCase()] || "application/octet-stream";
}

/**
 * Starts a static file server on 127.0.0.1 with an ephemeral port.
 *
 * @param {object} [options]
 * @param {string} [options.root] Directory to serve files from (optional when
 *   only `routes` are used). `/dir/` serves `/dir/index.html`.
 * @param {Record<string, string> | ((pathname: string) => Record<string, string> | undefined)} [options.headers]
 *   Extra response headers, for every response or chosen per path, e.g.
 *   `p => p.startsWith('/csp/') ? {'Content-Security-Policy': "script-src 'self'"} : {}`.
 * @param {Record<string, {body: string | Buffer, type?: string, status?: number, headers?: Record<string, string>}>} [options.routes]
 *   In-memory responses by exact pathname; they win over files.
 * @returns {Promise<{origin: string, port: number, url: (p?: string) => string, requests: string[], close: () => Promise<void>}>}
 *   `url('/a.html')` gives the absolute address; `requests` logs every
 *   pathname served (tests can assert, e.g., that no remote fetch happened).
 */
export async function startServer({ root, headers, routes = {} } = {}) {
  const rootDir = root ? path.resolve(root) : null;
  const requests = [];
  const headersFor = (pathname) =>
    (typeof headers === "function" ? headers(pathname) : headers) || {};

  const server = createServer(async (req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    requests.push(pathname);
    const send = (status, body, type, extra = {}) => {
      res.writeHead(status, {
        "Content-Type": type,
        "Cache-Control": "no-store",
        ...headersFor(pathname),
        ...extra,
      });
      res.end(req.method === "HEAD" ? undefined : body);
    };

    const route = routes[pathname];
    if (route) {
      const type =
        route.type ||
        (path.extname(pathname) ? contentTypeFor(pathname) : "text/html; charset=utf-8");
      send(route.status || 200, route.body, type, route.headers);
      return;
    }
    if (!rootDir) {
      send(404, "not found", "text/plain; charset=utf-8");
      return;
    }
    let file = path.join(rootDir, pathname);
    if (file !== rootDir && !file.startsWith(rootDir + path.sep)) {
      send(403, "forbidden", "text/plain; charset=utf-8");
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      const body = await readFile(file);
      send(200, body, contentTypeFor(file));
    } catch {
      send(404, "not found", "text/plain; charset=utf-8");
    }
  });

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    requests,
    url: (p = "/") => origin + (p.startsWith("/") ? p : `/${p}`),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function assertChromiumPresent() {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}; run scripts/setup.sh ` +
        "(apt-get install chromium) or set NAQI_CHROMIUM",
    );
  }
}

/**
 * Launches headless Debian Chromium (no extension).
 *
 * @param {object} [options]
 * @param {string[]} [options.args] Extra command-line flags.
 * @param {boolean} [options.headless] Default true.
 * @returns {Promise<import('playwright-core').Browser>} Close it with `browser.close()`.
 */
export async function launchChromium({ args = [], headless = true } = {}) {
  assertChromiumPresent();
  return chromium.launch({
    executablePath: chromiumPath,
    headless,
    args: [...CHROMIUM_FLAGS, ...args],
  });
}

/**
 * Launches headless Debian Chromium with an unpacked extension loaded, in a
 * fresh temporary profile.
 *
 * @param {string} extensionDir Directory holding the extension's manifest.json.
 * @param {object} [options]
 * @param {string[]} [options.args] Extra command-line flags.
 * @param {boolean} [options.headless] Default true.
 * @param {number} [options.serviceWorkerTimeoutMs] How long to wait for the
 *   extension's service worker to start. Default 30000.
 * @returns {Promise<{context: import('playwright-core').BrowserContext,
 *   serviceWorker: import('playwright-core').Worker, extensionId: string,
 *   close: () => Promise<void>}>} `close()` also deletes the profile.
 */
export async function launchChromiumWithExtension(
  extensionDir,
  { args = [], headless = true, serviceWorkerTimeoutMs = 30000 } = {},
) {
  assertChromiumPresent();
  const ext = path.resolve(extensionDir);
  if (!existsSync(path.join(ext, "manifest.json"))) {
    throw new Error(`no manifest.json in ${ext}; run make extension first`);
  }
  const profile = await mkdtemp(path.join(tmpdir(), "naqi-chromium-"));
  const close = async () => {
    await context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
  };
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless,
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      ...CHROMIUM_FLAGS,
      ...args,
    ],
  });
  try {
    let [serviceWorker] = context.serviceWorkers();
    if (!serviceWorker) {
      serviceWorker = await context.waitForEvent("serviceworker", {
        timeout: serviceWorkerTimeoutMs,
      });
    }
    const extensionId = new URL(serviceWorker.url()).host;
    return { context, serviceWorker, extensionId, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Decodes a PNG (8-bit, non-interlaced RGB/RGBA/grey, as Chromium writes
 * them) and reports its size and number of distinct colours.
 *
 * @param {Buffer | string} png The image bytes or a file path.
 * @returns {{width: number, height: number, colours: number}}
 */
export function pngStats(png) {
  const colours = new Set();
  const { width, height } = scanPng(png, (line, channels) => {
    for (let x = 0; x < line.length; x += channels) {
      let key = 0;
      for (let k = 0; k < channels; k++) key = key * 256 + line[x + k];
      colours.add(key);
    }
  });
  return { width, height, colours: colours.size };
}

/**
 * Counts the pixels of a PNG (as pngStats reads them) for which `test(r, g, b)` is true;
 * grey images give r = g = b.
 *
 * @param {Buffer | string} png The image bytes or a file path.
 * @param {(r: number, g: number, b: number) => boolean} test
 * @returns {number}
 */
export function countPixels(png, test) {
  let count = 0;
  scanPng(png, (line, channels) => {
    for (let x = 0; x < line.length; x += channels) {
      const [r, g, b] =
        channels >= 3 ? [line[x], line[x + 1], line[x + 2]] : [line[x], line[x], line[x]];
      if (test(r, g, b)) count++;
    }
  });
  return count;
}

/** Decodes a PNG row by row, calling `visit(row, channels)` with each unfiltered row. */
function scanPng(png, visit) {
  const buf = typeof png === "string" ? readFileSync(png) : png;
  const SIGNATURE = "89504e470d0a1a0a";
  if (buf.subarray(0, 8).toString("hex") !== SIGNATURE) throw new Error("not a PNG");
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colourType = 0;
  let interlace = 0;
  const idat = [];
  for (let at = 8; at + 8 <= buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString("latin1", at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bitDepth = data[8];
      colourType = data[9];
      interlace = data[12];
    } else if (type === "IDAT") {
      idat.push(data);
    } else if (type === "IEND") {
      break;
    }
    at += 12 + length;
  }
  const channelsByType = { 0: 1, 2: 3, 4: 2, 6: 4 };
  const channels = channelsByType[colourType];
  if (bitDepth !== 8 || !channels || interlace !== 0) {
    throw new Error(
      `unsupported PNG (depth ${bitDepth}, colour type ${colourType}, interlace ${interlace})`,
    );
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let add = 0;
      if (filter === 1) add = a;
      else if (filter === 2) add = b;
      else if (filter === 3) add = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = (line[i] + add) & 0xff;
    }
    visit(line, channels);
    prev = line;
  }
  return { width, height };
}

/**
 * Throws unless the PNG file exists and has at least `minColours` distinct
 * colours (text anti-aliasing alone gives dozens; a blank page gives 1).
 *
 * @returns {{width: number, height: number, colours: number}}
 */
export function assertScreenshotNotBlank(file, minColours = 16) {
  if (!existsSync(file)) throw new Error(`screenshot missing: ${file}`);
  const stats = pngStats(file);
  if (stats.colours < minColours) {
    throw new Error(`screenshot ${file} looks blank: ${stats.colours} distinct colours`);
  }
  return stats;
}

/** Creates `tests/out/` (or a subfolder of it) and returns its path. */
export async function ensureOutDir(sub = "") {
  const dir = path.join(outDir, sub);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** The project's sample pages: `{ name, file, html, expected }` for each. */
export function loadSample(name) {
  const file = path.join(repoRoot, "samples", `${name}.html`);
  return {
    name,
    file,
    html: readFileSync(file, "utf8"),
    expected: JSON.parse(
      readFileSync(path.join(repoRoot, "samples", `${name}.expected.json`), "utf8"),
    ),
  };
}

// The reading view's shadow root is closed: `host.shadowRoot` is null for every script in the
// page, and Playwright's CSS locators pierce only open roots. Tests reach it through the
// DevTools protocol instead (DOM.describeNode with `pierce` lists closed roots too), a way no
// page script has.

const cdpSessions = new WeakMap();
async function cdpFor(page) {
  let session = cdpSessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    cdpSessions.set(page, session);
  }
  return session;
}

/**
 * Runs `fn(root, arg)` in the page against the (closed) shadow root of the first element
 * matching `hostSelector`, and returns its result (JSON values; promises are awaited).
 * Returns null when there is no such element or it has no shadow root.
 *
 * @template T
 * @param {import('playwright-core').Page} page
 * @param {string} hostSelector
 * @param {(root: ShadowRoot, arg: any) => T} fn Serialized: it must not close over anything.
 * @param {any} [arg]
 * @returns {Promise<T | null>}
 */
export async function inView(page, hostSelector, fn, arg) {
  const cdp = await cdpFor(page);
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  const { nodeId } = await cdp.send("DOM.querySelector", {
    nodeId: root.nodeId,
    selector: hostSelector,
  });
  if (!nodeId) return null;
  const { node } = await cdp.send("DOM.describeNode", { nodeId, depth: 1, pierce: true });
  const shadow = node.shadowRoots?.[0];
  if (!shadow) return null;
  const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: shadow.backendNodeId });
  try {
    const { result, exceptionDetails } = await cdp.send("Runtime.callFunctionOn", {
      objectId: object.objectId,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) {
      throw new Error(
        `inView: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`,
      );
    }
    return result.value ?? null;
  } finally {
    await cdp.send("Runtime.releaseObject", { objectId: object.objectId }).catch(() => {});
  }
}

/** Polls `inView` until `fn` returns a truthy value, and returns it. */
export async function waitInView(page, hostSelector, fn, arg, { timeout = 30000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await inView(page, hostSelector, fn, arg);
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`waitInView: nothing after ${timeout} ms on ${hostSelector}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Clicks the element matching `selector` inside the view as a user would: a real (trusted)
 * mouse click at its centre, after scrolling it into view.
 */
export async function clickInView(page, hostSelector, selector) {
  const point = await inView(
    page,
    hostSelector,
    (root, sel) => {
      const target = root.querySelector(sel);
      if (!target) return null;
      target.scrollIntoView({ block: "center", inline: "center", behavior: "instant" });
      const box = target.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    selector,
  );
  if (!point) throw new Error(`clickInView: no ${selector} in ${hostSelector}`);
  await page.mouse.click(point.x, point.y);
}

/**
 * Clicks a control of the view's "Aa" panel (font, size, width, alignment, theme, ...),
 * opening the panel first with a real click when it is closed.
 */
export async function clickInPanel(page, hostSelector, selector) {
  const closed = await inView(
    page,
    hostSelector,
    (root) => root.querySelector(".naqi-panel")?.hidden ?? false,
  );
  if (closed) await clickInView(page, hostSelector, 'button[data-action="panel"]');
  await clickInView(page, hostSelector, selector);
}

/**
 * The fonts Chromium really used to draw the text of the first element matching `selector`
 * inside the (closed) view: `[{ familyName, glyphCount, isCustomFont }]`
 * (CSS.getPlatformFontsForNode; `isCustomFont` is true for a web font, false for a system one).
 */
export async function renderedFonts(page, hostSelector, selector) {
  const cdp = await cdpFor(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  const { nodeId: hostId } = await cdp.send("DOM.querySelector", {
    nodeId: root.nodeId,
    selector: hostSelector,
  });
  const { node } = await cdp.send("DOM.describeNode", { nodeId: hostId, depth: 1, pierce: true });
  const backendNodeId = node.shadowRoots?.[0]?.backendNodeId;
  if (!backendNodeId) return null;
  const {
    nodeIds: [shadowId],
  } = await cdp.send("DOM.pushNodesByBackendIdsToFrontend", { backendNodeIds: [backendNodeId] });
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: shadowId, selector });
  if (!nodeId) return null;
  const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
  return fonts.map(({ familyName, glyphCount, isCustomFont }) => ({
    familyName,
    glyphCount,
    isCustomFont,
  }));
}
