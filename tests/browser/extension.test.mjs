// The extension in real headless Chromium (Debian's, through playwright-core), loaded unpacked.
//
// It loads a copy of dist/extension whose manifest also grants 127.0.0.1 (activeTab needs a
// real user gesture; extension-keyboard.test.mjs covers that path with a real key press),
// serves pages on 127.0.0.1, and triggers the toolbar action through the worker's
// `self.naqi.activate(tabId)`, the function the button, the shortcut and the context menu
// call. Run: make test-extension.

import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  assertScreenshotNotBlank,
  ensureOutDir,
  launchChromiumWithExtension,
  loadSample,
  repoRoot,
  startServer,
  inView,
  waitInView,
  clickInView,
} from './lib.mjs';

const BUILT = path.join(repoRoot, 'dist', 'extension');
const SHARED = process.env.NAQI_SHARED || path.resolve(repoRoot, '..', 'shared');
const ACCEPTANCE = path.join(SHARED, 'acceptance');
const PAGES = path.join(repoRoot, 'tests', 'browser', 'pages');
const STRICT_CSP = "script-src 'self'";
const VIEWPORT = { width: 1000, height: 800 };

const acceptance = {
  html: readFileSync(path.join(ACCEPTANCE, 'seed-page.html'), 'utf8'),
  expected: JSON.parse(readFileSync(path.join(ACCEPTANCE, 'seed-page.expected.json'), 'utf8')),
};
const arNews = loadSample('ar-news');
const enNews = loadSample('en-news');

/** Whitespace folded, for comparing paragraphs. */
const fold = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
/** Labels compare without trailing punctuation such as ":". */
const bareLabel = (s) => fold(s).replace(/[\s:：،.\-–—|»«]+$/u, '');

let server;
let ext;
let extDir;
let outDir;

/** The extension's worker (Chromium may have restarted it since the last call). */
async function worker() {
  return ext.context.serviceWorkers()[0] ?? ext.context.waitForEvent('serviceworker');
}

async function inWorker(fn, arg) {
  return (await worker()).evaluate(fn, arg);
}

/** Pages opened by the running test; closed after it, whatever happened. */
const openPages = [];

/** Opens a page in a new tab and finds its tab id from the worker. */
async function openTab(pathname) {
  const page = await ext.context.newPage();
  openPages.push(page);
  await page.setViewportSize(VIEWPORT);
  const url = server.url(pathname);
  await page.goto(url, { waitUntil: 'load' });
  const tabId = await inWorker(async (u) => {
    const tabs = (await chrome.tabs.query({})).filter((tab) => tab.url === u);
    return tabs.length === 1 ? tabs[0].id : undefined;
  }, url);
  assert.equal(typeof tabId, 'number', `no single tab for ${url}`);
  return { page, tabId, url };
}

async function activate(tabId) {
  return inWorker((id) => self.naqi.activate(id), tabId);
}

async function setOptions(values) {
  await inWorker(async (v) => {
    await chrome.storage.sync.clear();
    await chrome.storage.sync.set(v);
  }, values);
}

/** Waits until the view shows its article. */
function waitForArticle(page) {
  return waitInView(page, '#naqi-reader', (root) => !!root.querySelector('article'));
}

/**
 * What the reading view shows, read from its closed shadow root through the DevTools
 * protocol (inView in lib.mjs), and whether the page under it is hidden.
 */
async function readView(page) {
  const view = await inView(page, '#naqi-reader', (root) => {
    const host = root.host;
    const article = root.querySelector('article');
    const text = (el) => el?.textContent ?? null;
    return {
      hostTag: host.localName,
      title: text(root.querySelector('.naqi-title')),
      site: text(root.querySelector('.naqi-site')),
      leadImage: root.querySelector('.naqi img')?.getAttribute('src') ?? null,
      dir: article?.getAttribute('dir'),
      lang: article?.getAttribute('lang'),
      paragraphs: [...(article?.querySelectorAll('p, h2, h3, h4') ?? [])].map((p) => p.textContent),
      articleText: text(article),
      // Everything the reader reads: the view without its toolbar and the removed panel
      // (which lists, by design, the labels and previews of what was stripped).
      shownText: (() => {
        const copy = root.querySelector('.naqi')?.cloneNode(true);
        copy?.querySelectorAll('.naqi-removed, .naqi-toolbar').forEach((n) => n.remove());
        return copy?.textContent ?? '';
      })(),
      removed: [...root.querySelectorAll('.naqi-removed li')].map((li) => ({
        kind: li.dataset.kind,
        label: text(li.querySelector('.naqi-label')),
        preview: text(li.querySelector('.naqi-preview')),
      })),
      theme: root.querySelector('.naqi')?.dataset.theme,
      uiDir: root.querySelector('.naqi')?.getAttribute('dir'),
    };
  });
  if (!view) return null;
  view.pageHidden = await page.evaluate(() => getComputedStyle(document.body).display === 'none');
  return view;
}

/** A fingerprint of the page that restoring must give back exactly. */
async function pageState(page) {
  return page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    x: window.scrollX,
    y: window.scrollY,
  }));
}

function assertArticle(view, expected) {
  assert.ok(view, 'the reading view is not mounted');
  assert.equal(view.hostTag, 'naqi-reader');
  assert.equal(fold(view.title), fold(expected.title));
  assert.equal(fold(view.site), fold(expected.site_name));
  // The expectation resolves the page's relative image address against its canonical URL; in
  // the browser the page's real address is the base, so compare the path.
  assert.equal(new URL(view.leadImage).pathname, new URL(expected.lead_image).pathname);
  assert.equal(view.dir, expected.dir);
  assert.equal(view.lang?.split('-')[0], expected.lang);
  assert.ok(view.pageHidden, 'the page under the view is still shown');
  const shown = view.paragraphs.map(fold);
  let last = -1;
  for (const paragraph of expected.paragraphs) {
    const at = shown.indexOf(fold(paragraph), last + 1);
    assert.ok(at > last, `paragraph missing or out of order: ${paragraph.slice(0, 60)}…`);
    last = at;
  }
  for (const banned of expected.must_not_contain) {
    assert.ok(!view.shownText.includes(banned), `the view contains removed text: ${banned}`);
  }
}

function assertRemovedLabels(view, labels) {
  const shown = view.removed.map((r) => bareLabel(r.label));
  for (const label of labels) {
    assert.ok(shown.includes(bareLabel(label)), `removed panel lacks "${label}" (has ${shown.join(' | ')})`);
  }
  for (const entry of view.removed) {
    assert.ok(entry.kind, 'a removed entry without a kind');
  }
}

before(async () => {
  assert.ok(existsSync(path.join(BUILT, 'manifest.json')), 'run make extension first');
  // The copy grants the test server's host: activeTab is only granted by a real gesture.
  // The *:// form is there too so that the options page's permission request for the
  // automatic-open site "127.0.0.1" (pattern *://127.0.0.1/*) is already granted and shows
  // no prompt (a headless browser cannot answer one).
  extDir = await mkdtemp(path.join(tmpdir(), 'naqi-extension-'));
  await cp(BUILT, extDir, { recursive: true });
  const manifestPath = path.join(extDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  manifest.host_permissions = ['http://127.0.0.1/*', '*://127.0.0.1/*'];
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));

  const xss = await readFile(path.join(PAGES, 'xss.html'), 'utf8');
  const notArticle = await readFile(path.join(PAGES, 'not-article.html'), 'utf8');
  const extraLabel = await readFile(path.join(PAGES, 'extra-label.html'), 'utf8');
  server = await startServer({
    headers: (p) => (p.startsWith('/csp/') ? { 'Content-Security-Policy': STRICT_CSP } : {}),
    routes: {
      '/acceptance.html': { body: acceptance.html },
      '/ar-news.html': { body: arNews.html },
      '/en-news.html': { body: enNews.html },
      '/csp/ar-news.html': { body: arNews.html },
      '/xss.html': { body: xss },
      '/not-article.html': { body: notArticle },
      '/extra-label.html': { body: extraLabel },
      '/empty.html': {
        body: '<!DOCTYPE html><html><head><title>x</title></head><body><nav><a href="/">home</a></nav></body></html>',
      },
    },
  });
  ext = await launchChromiumWithExtension(extDir);
  outDir = await ensureOutDir('extension');
});

afterEach(async () => {
  for (const page of openPages.splice(0)) await page.close().catch(() => {});
});

after(async () => {
  await ext?.close();
  await server?.close();
  if (extDir) await rm(extDir, { recursive: true, force: true });
});

describe('reading view', { timeout: 120_000 }, () => {
  test('acceptance page: the article, the removed panel, RTL, and an exact restore', async (t) => {
    await setOptions({});
    const { page, tabId } = await openTab('/acceptance.html');
    await page.evaluate(() => window.scrollTo({ top: 400, behavior: 'instant' }));
    const before = await pageState(page);
    assert.ok(before.y > 0, 'the page is too short to test scroll restoration');

    const startedAt = performance.now();
    const result = await activate(tabId);
    const roundTrip = performance.now() - startedAt;
    assert.equal(result.action, 'opened', JSON.stringify(result));
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
    assert.ok(!view.shownText.includes('إقرأ أيضاً'), 'read-also text inside the view');
    assertRemovedLabels(view, acceptance.expected.removed_block_labels);
    assert.equal(view.uiDir, 'rtl', 'the toolbar of an Arabic article is not mirrored');
    assert.equal((await page.evaluate(() => window.scrollY)), 0, 'the view does not start at the top');

    const second = await activate(tabId);
    assert.equal(second.action, 'closed');
    assert.deepEqual(await pageState(page), before, 'the page is not restored exactly');

    // Once more, to see the time of a repeated activation (scripts already injected).
    const again = await activate(tabId);
    assert.equal(again.action, 'opened');
    t.diagnostic(`repeated activation: ${again.timings.total.toFixed(0)} ms in the worker`);
    assert.equal((await activate(tabId)).action, 'closed');
    assert.deepEqual(await pageState(page), before, 'the page is not restored exactly');
  });

  test('Arabic sample: light and dark screenshots', async () => {
    const { page, tabId } = await openTab('/ar-news.html');
    // The default theme comes from the options (chrome.storage.sync).
    await setOptions({ prefs: { theme: 'dark' } });
    assert.equal((await activate(tabId)).action, 'opened');
    assert.equal((await readView(page)).theme, 'dark');
    const dark = path.join(outDir, 'ar-dark.png');
    await page.screenshot({ path: dark });
    assertScreenshotNotBlank(dark);
    assert.equal((await activate(tabId)).action, 'closed');

    await setOptions({});
    assert.equal((await activate(tabId)).action, 'opened');
    const light = path.join(outDir, 'ar-light.png');
    await page.screenshot({ path: light });
    assertScreenshotNotBlank(light);
    const view = await readView(page);
    assert.equal(view.theme, 'light');
    assertArticle(view, arNews.expected);
    assertRemovedLabels(view, arNews.expected.removed_block_labels);
  });

  test('English sample: left-to-right view and screenshot', async () => {
    await setOptions({});
    const { page, tabId } = await openTab('/en-news.html');
    assert.equal((await activate(tabId)).action, 'opened');
    const shot = path.join(outDir, 'en-light.png');
    await page.screenshot({ path: shot });
    assertScreenshotNotBlank(shot);
    const view = await readView(page);
    assert.equal(view.uiDir, 'ltr');
    assertArticle(view, enNews.expected);
    assertRemovedLabels(view, enNews.expected.removed_block_labels);

    // A theme picked in the view becomes the default for the next one.
    await clickInView(page, '#naqi-reader', 'button[data-action=theme][data-value=sepia]');
    await inWorker(async () => {
      while ((await chrome.storage.sync.get('prefs')).prefs?.theme !== 'sepia') {
        await new Promise((r) => setTimeout(r, 50));
      }
    });
  });

  test("a page whose CSP forbids Wasm still opens (naqi runs in the worker)", async () => {
    await setOptions({});
    const { page, tabId } = await openTab('/csp/ar-news.html');
    // The policy is really in force: the page itself cannot compile even an empty module.
    const pageWasm = await page.evaluate(() =>
      WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
        () => 'compiled',
        (error) => error.name,
      ),
    );
    assert.equal(pageWasm, 'CompileError');
    const before = await pageState(page);
    assert.equal((await activate(tabId)).action, 'opened');
    assertArticle(await readView(page), arNews.expected);
    assert.equal((await activate(tabId)).action, 'closed');
    assert.deepEqual(await pageState(page), before);
  });

  test('Escape closes the view and restores the page', async () => {
    await setOptions({});
    const { page, tabId } = await openTab('/ar-news.html');
    await page.evaluate(() => window.scrollTo({ top: 250, behavior: 'instant' }));
    const before = await pageState(page);
    assert.equal((await activate(tabId)).action, 'opened');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('naqi-reader'));
    assert.deepEqual(await pageState(page), before);
    // And it opens again afterwards.
    assert.equal((await activate(tabId)).action, 'opened');
  });

  test('XSS payloads in the article body show the article and run nothing', async () => {
    await setOptions({});
    const { page, tabId } = await openTab('/xss.html');
    // The payloads ran once while the page loaded, as they would on any such page: they are
    // live in this browser. Forget that, then open the view.
    assert.ok(await page.evaluate(() => window.__naqiXss), 'the payloads are not live');
    await page.evaluate(() => delete window.__naqiXss);
    assert.equal((await activate(tabId)).action, 'opened');
    await waitForArticle(page);
    // Let event handlers fire if any survived: images finish (here: fail), then one more
    // round of tasks for media errors, toggles and frames.
    await waitInView(page, '#naqi-reader', (root) => [...root.querySelectorAll('img')].every((i) => i.complete));
    await page.waitForTimeout(500);
    const view = await readView(page);
    assert.match(fold(view.title), /Lighthouse keepers' cottage reopens/);
    assert.ok(view.articleText.includes('hand-drawn chart of the bay from 1902'));
    const found = await inView(page, '#naqi-reader', (root) => {
      const all = [...root.querySelectorAll('*')];
      return {
        active: all
          .filter((el) => /^(script|iframe|frame|object|embed|form|svg|math|noscript)$/i.test(el.localName))
          .map((el) => el.localName),
        handlers: all.flatMap((el) =>
          [...el.attributes]
            .filter((a) => /^on/i.test(a.name) || a.name === 'srcdoc')
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
    assert.deepEqual(found.active, [], 'active elements reached the view');
    assert.deepEqual(found.handlers, [], 'event handlers reached the view');
    assert.deepEqual(found.scriptUrls, [], 'javascript: URLs reached the view');
  });

  test('a page with no article gets a short localized message and is left as it was', async () => {
    await setOptions({});
    const { page, tabId } = await openTab('/empty.html');
    const before = await pageState(page);
    const result = await activate(tabId);
    assert.equal(result.action, 'failed');
    assert.equal(result.code, 'NO_ARTICLE');
    const message = await inWorker(() => chrome.i18n.getMessage('errorNoArticle'));
    const toast = await page.evaluate(() => document.getElementById('naqi-toast')?.shadowRoot?.textContent);
    assert.ok(toast?.includes(message), `no message shown (got ${toast})`);
    await page.evaluate(() => document.getElementById('naqi-toast').remove());
    assert.deepEqual(await pageState(page), before);
  });

  test('the language of the buttons follows the options', async () => {
    await setOptions({ uiLang: 'en' });
    const { page, tabId } = await openTab('/ar-news.html');
    assert.equal((await activate(tabId)).action, 'opened');
    const view = await readView(page);
    assert.equal(view.uiDir, 'ltr');
    assert.equal(view.dir, 'rtl');
  });

  test('an extra label from the options removes the block it heads', async () => {
    const label = 'ركن الشركاء';
    const promo = 'عروض حصرية من شركائنا';
    await setOptions({});
    const { page, tabId } = await openTab('/extra-label.html');
    assert.equal((await activate(tabId)).action, 'opened');
    let view = await readView(page);
    assert.ok(!view.removed.some((r) => bareLabel(r.label) === label), 'removed before being configured');
    assert.equal((await activate(tabId)).action, 'closed');

    await setOptions({ extraLabels: [label] });
    assert.equal((await activate(tabId)).action, 'opened');
    view = await readView(page);
    assert.ok(!view.shownText.includes(promo), 'the labelled block is still shown');
    assert.ok(view.removed.some((r) => bareLabel(r.label) === label), 'the removed panel does not list it');
    assert.ok(view.articleText.includes('مكتبة متنقلة'), 'the article itself is missing');
  });
});

describe('the extension itself', { timeout: 60_000 }, () => {
  test('one manifest for Chrome and Firefox, minimal permissions, no remote code', async () => {
    const manifest = JSON.parse(await readFile(path.join(BUILT, 'manifest.json'), 'utf8'));
    assert.equal(manifest.manifest_version, 3);
    assert.deepEqual([...manifest.permissions].sort(), ['activeTab', 'contextMenus', 'scripting', 'storage']);
    assert.equal(manifest.host_permissions, undefined);
    assert.equal(manifest.content_scripts, undefined);
    assert.equal(manifest.background.service_worker, 'background.js');
    assert.deepEqual(manifest.background.scripts, ['background.js']);
    assert.ok(Number.parseFloat(manifest.browser_specific_settings.gecko.strict_min_version) >= 140);
    assert.equal(
      manifest.content_security_policy.extension_pages,
      "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    );
    const files = ['background.js', 'pkg/web.js', 'pkg/wasm/naqi_bg.wasm', 'reader/reader.js', 'icons/readable-32.png'];
    for (const file of files) {
      assert.ok(existsSync(path.join(BUILT, file)), `${file} is not in the build`);
    }
  });

  test('the keyboard shortcut is really assigned', async () => {
    const commands = await inWorker(() => chrome.commands.getAll());
    const action = commands.find((c) => c.name === '_execute_action');
    assert.equal(action?.shortcut, 'Alt+R');
  });

  test('the toolbar icon tells articles from other pages on granted sites', async () => {
    const titleOf = (tabId) =>
      inWorker(async (id) => {
        // The indicator is set when the tab finishes loading; wait until it has been.
        const initial = chrome.i18n.getMessage('actionTitle');
        for (;;) {
          const title = await chrome.action.getTitle({ tabId: id });
          if (title !== initial) return title;
          await new Promise((r) => setTimeout(r, 50));
        }
      }, tabId);
    const messages = await inWorker(() => ({
      readable: chrome.i18n.getMessage('actionTitleReadable'),
      notReadable: chrome.i18n.getMessage('actionTitleNotReadable'),
    }));
    const article = await openTab('/ar-news.html');
    assert.equal(await titleOf(article.tabId), messages.readable);
    const section = await openTab('/not-article.html');
    assert.equal(await titleOf(section.tabId), messages.notReadable);
    // The same tab, navigated from an article to a page that is not one.
    // (Waits until the indicator says so; the suite's timeout fails the test otherwise.)
    await article.page.goto(server.url('/not-article.html'), { waitUntil: 'load' });
    await inWorker(async ({ id, expected }) => {
      while ((await chrome.action.getTitle({ tabId: id })) !== expected) {
        await new Promise((r) => setTimeout(r, 50));
      }
    }, { id: article.tabId, expected: messages.notReadable });
    // Then to an article on a host the extension may not read: the icon goes back to neutral.
    await article.page.goto(server.url('/ar-news.html').replace('127.0.0.1', 'localhost'));
    await inWorker(async (id) => {
      while ((await chrome.action.getTitle({ tabId: id })) !== chrome.i18n.getMessage('actionTitle')) {
        await new Promise((r) => setTimeout(r, 50));
      }
    }, article.tabId);
  });
});

describe('options page', { timeout: 120_000 }, () => {
  test('localized, saves defaults, labels and automatic sites', async () => {
    await setOptions({});
    const page = await ext.context.newPage();
    openPages.push(page);
    await page.goto(`chrome-extension://${ext.extensionId}/options/options.html`);
    await page.locator('body[data-ready="true"]').waitFor();
    assert.match(await page.locator('#shortcut').textContent(), /Alt\+R/);
    const heading = await page.locator('h1').textContent();
    assert.ok(heading && heading.length > 3, 'the options page is not localized');
    assert.match(await page.evaluate(() => document.documentElement.dir), /^(ltr|rtl)$/);

    await page.selectOption('#theme', 'sepia');
    await page.fill('#fontSize', '24');
    await page.locator('#fontSize').dispatchEvent('change');
    await page.fill('#labels', 'ركن الشركاء\n  Partner picks  \n\nركن الشركاء');
    await page.locator('#labels').dispatchEvent('change');
    await page.fill('#site-input', 'https://127.0.0.1/some/page');
    await page.click('#add-site button[type=submit]');
    await page.locator('#sites li').first().waitFor();

    const stored = await inWorker(() => chrome.storage.sync.get(null));
    assert.equal(stored.prefs.theme, 'sepia');
    assert.equal(stored.prefs.fontSize, 24);
    assert.deepEqual(stored.extraLabels, ['ركن الشركاء', 'Partner picks']);
    assert.deepEqual(stored.autoSites, ['127.0.0.1']);
    const registered = await inWorker(async () => {
      await self.naqi.syncAutoOpen();
      return (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.matches);
    });
    assert.deepEqual(registered, [['*://127.0.0.1/*']]);

    await page.click('#sites button[data-site="127.0.0.1"]');
    await page.locator('#sites-empty').waitFor();
    const after = await inWorker(async () => {
      await self.naqi.syncAutoOpen();
      return {
        sites: (await chrome.storage.sync.get('autoSites')).autoSites,
        scripts: (await chrome.scripting.getRegisteredContentScripts()).length,
      };
    });
    assert.deepEqual(after, { sites: [], scripts: 0 });
  });

  test('in an Arabic browser the options page is Arabic and right-to-left', async () => {
    // Chromium on Linux takes its locale from the environment of the process.
    const saved = { LANGUAGE: process.env.LANGUAGE, LANG: process.env.LANG };
    Object.assign(process.env, { LANGUAGE: 'ar', LANG: 'ar_EG.UTF-8' });
    let arabic;
    try {
      arabic = await launchChromiumWithExtension(extDir, { args: ['--lang=ar'] });
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    try {
      const page = await arabic.context.newPage();
      await page.setViewportSize(VIEWPORT);
      await page.goto(`chrome-extension://${arabic.extensionId}/options/options.html`);
      await page.locator('body[data-ready="true"]').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
      assert.equal(await page.locator('h1').textContent(), 'إعدادات نقي');
      const shot = path.join(outDir, 'options-ar.png');
      await page.screenshot({ path: shot });
      assertScreenshotNotBlank(shot);
    } finally {
      await arabic.close();
    }
  });

  test('automatic sites open articles by themselves, and only articles', async () => {
    await setOptions({ autoSites: ['127.0.0.1'] });
    await inWorker(() => self.naqi.syncAutoOpen());
    const { page } = await openTab('/ar-news.html');
    await waitInView(page, '#naqi-reader', (root) => !!root.querySelector('article'), null, { timeout: 20_000 });
    assertArticle(await readView(page), arNews.expected);

    const other = await openTab('/not-article.html');
    // The content script has run and asked by the time the page is idle; give the worker a
    // moment to decide, then check that the page was left alone.
    await other.page.waitForTimeout(1500);
    assert.equal(await other.page.evaluate(() => !!document.getElementById('naqi-reader')), false);

    await setOptions({});
    await inWorker(() => self.naqi.syncAutoOpen());
    const none = await inWorker(async () => (await chrome.scripting.getRegisteredContentScripts()).length);
    assert.equal(none, 0);
  });
});
