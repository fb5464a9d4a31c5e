// The extension's background: a module service worker in Chrome, a module event page in
// Firefox. naqi's Wasm runs here and only here: a page's Content-Security-Policy governs Wasm
// in content scripts, never in the worker (see ../shared/TOOLCHAIN.md, item 5).
//
// Activation (toolbar button, keyboard shortcut, context menu, automatic sites):
//   1. inject shared.js + content/glue.js + reader/reader.js once per page;
//   2. NaqiGlue.snapshotUnlessOpen(): the page's URL (or, if the view is open, the worker
//      closes it instead: activation toggles); then encodeDocument() runs in the page and
//      returns its live DOM in naqi's tree format (no HTML is serialized or parsed again);
//   3. extractTree() here, with the user's extra labels;
//   4. NaqiGlue.open(article, ...) mounts the view in #naqi-reader and hides the page.
// Tests call the same function through `self.naqi.activate(tabId)`.

import init, { encodeDocument, extractTree, isProbablyReadableTree } from "./pkg/web.js";
import "./shared.js";

const { MSG, AUTO_SCRIPT_ID, loadOptions, originPatternFor } = globalThis.NaqiShared;

const CONTEXT_MENU_ID = "naqi-open";
/** How long to wait before retrying an injection refused right after a user's gesture. */
const GRANT_RETRY_MS = 150;
const ICON_SIZES = [16, 32, 48, 128];
const iconPaths = (name) =>
  Object.fromEntries(ICON_SIZES.map((size) => [size, `icons/${name}-${size}.png`]));

// Static import, lazy instantiation: import() is not allowed in service workers.
let ready = null;
function loadCore() {
  ready ??= init({ module_or_path: chrome.runtime.getURL("pkg/wasm/naqi_bg.wasm") }).catch(
    (error) => {
      ready = null;
      throw error;
    },
  );
  return ready;
}

/** Runs one injection in the tab's main frame and returns its result. */
async function inject(tabId, details) {
  const [first] = await chrome.scripting.executeScript({ target: { tabId }, ...details });
  return first?.result;
}

/** Shows a message (a _locales message name) in the page, with a retry when there is one. */
function notify(tabId, messageName, retry = null) {
  return inject(tabId, {
    func: (name, again) => globalThis.NaqiGlue.notify(name, again),
    args: [messageName, retry],
  });
}

/** What "open anyway" can change for a failure: keep related blocks, or lift the size limit. */
function retryFor(error) {
  if (error?.code === "NO_ARTICLE") return "keep-related";
  if (error?.code === "INPUT_TOO_LARGE") return "no-limit";
  return null;
}
const NO_LIMIT_BYTES = 256 * 1024 * 1024;

/** Which locale message explains a failed extraction. */
function messageForError(error) {
  switch (error?.code) {
    case "NO_ARTICLE":
    case "EMPTY_INPUT":
    case "NOT_HTML":
      return "errorNoArticle";
    case "INPUT_TOO_LARGE":
      return "errorTooLarge";
    default:
      return "errorGeneric";
  }
}

/** The languages the reading view's buttons speak (reader/src/strings.js). */
const VIEW_LANGS = ["ar", "en", "fa", "ur"];

function pickUiLang(setting, articleLang) {
  if (VIEW_LANGS.includes(setting)) return setting;
  const prefix = (lang) =>
    String(lang || "")
      .toLowerCase()
      .split(/[-_]/)[0];
  // 'article': the article's language when the view speaks it. 'auto' (and the fallback):
  // the browser's own interface language when the view speaks it, else English.
  if (setting === "article" && VIEW_LANGS.includes(prefix(articleLang))) return prefix(articleLang);
  const browser = prefix(chrome.i18n.getUILanguage?.());
  return VIEW_LANGS.includes(browser) ? browser : "en";
}

const busyTabs = new Set();

/**
 * Toggles the reading view in a tab. Resolves to what happened, with timings in
 * milliseconds: { action: 'opened' | 'closed' | 'skipped' | 'failed', ... }.
 * With `{ onlyIfReadable: true }` (automatic sites) it leaves pages that do not look like
 * articles alone.
 */
async function activate(tabId, { onlyIfReadable = false, retry = null } = {}) {
  if (busyTabs.has(tabId)) return { action: "skipped", reason: "busy" };
  busyTabs.add(tabId);
  try {
    const started = performance.now();
    const loaded = await inject(tabId, {
      func: () => Boolean(globalThis.NaqiGlue && globalThis.NaqiReader),
    });
    if (!loaded) {
      await chrome.scripting.executeScript({
        target: { tabId },
        files: ["shared.js", "content/glue.js", "reader/reader.js"],
      });
    }
    const page = await inject(tabId, { func: () => globalThis.NaqiGlue.snapshotUnlessOpen() });
    if (page.open) {
      if (onlyIfReadable) return { action: "skipped", reason: "already open" };
      await inject(tabId, { func: () => globalThis.NaqiGlue.close() });
      return { action: "closed" };
    }
    // A self-contained function: executeScript runs its source in the page.
    page.tree = await inject(tabId, { func: encodeDocument });
    const snapshotted = performance.now();

    const [options] = await Promise.all([loadOptions(), loadCore()]);
    if (onlyIfReadable) {
      const readable = isProbablyReadableTree(page.tree);
      showReadable(tabId, readable);
      if (!readable) return { action: "skipped", reason: "not an article" };
    }
    let article;
    try {
      const extractOptions = { url: page.url, extraLabels: options.extraLabels };
      if (retry === "keep-related") extractOptions.removeRelated = false;
      if (retry === "no-limit") extractOptions.maxInputBytes = NO_LIMIT_BYTES;
      article = extractTree(page.tree, extractOptions);
    } catch (error) {
      console.warn("naqi: extraction failed", error);
      // A retry that failed the same way offers nothing more.
      await notify(tabId, messageForError(error), retry ? null : retryFor(error));
      return { action: "failed", code: error?.code ?? "UNKNOWN" };
    }
    const extracted = performance.now();

    // Only plain JSON crosses into the page.
    const plain = JSON.parse(JSON.stringify(article));
    const opened = await inject(tabId, {
      func: (a, view) => globalThis.NaqiGlue.open(a, view),
      args: [plain, { prefs: options.prefs, uiLang: pickUiLang(options.uiLang, article.lang) }],
    });
    const done = performance.now();
    if (!opened) {
      await notify(tabId, "errorGeneric");
    } else if (!onlyIfReadable) {
      // Now that the view is up, the page's tree can also update the toolbar icon.
      setTimeout(() => {
        try {
          showReadable(tabId, isProbablyReadableTree(page.tree));
        } catch (error) {
          console.warn("naqi: readability check failed", error);
        }
      });
    }
    return {
      action: opened ? "opened" : "failed",
      timings: {
        snapshot: snapshotted - started,
        extract: extracted - snapshotted,
        mount: done - extracted,
        total: done - started,
      },
    };
  } finally {
    busyTabs.delete(tabId);
  }
}

/**
 * Activation from a user action. Right after the gesture, Chromium now and then rejects the
 * first injection ("Cannot access contents of the page") although the activeTab grant exists:
 * the grant has not reached the page's process yet (seen in about 1 of 10 real key presses
 * under test). One retry a moment later covers it; every step of `activate` can be repeated.
 * Other failures (pages no extension may touch) are logged.
 */
async function activateFromUser(tabId) {
  if (tabId === undefined || tabId < 0) return;
  try {
    try {
      await activate(tabId);
    } catch (error) {
      if (!/cannot access/i.test(error?.message ?? "")) throw error;
      console.info("naqi: injection refused right after the gesture; retrying once");
      await new Promise((resolve) => setTimeout(resolve, GRANT_RETRY_MS));
      await activate(tabId);
    }
  } catch (error) {
    console.warn("naqi: cannot open this page", error);
  }
}

// Toolbar icon: coloured when the page looks like an article, neutral otherwise; when the
// extension may not read the page, the default icon and title stay. -------------------------

function showReadable(tabId, readable) {
  const name = readable ? "readable" : "icon";
  const title = chrome.i18n.getMessage(readable ? "actionTitleReadable" : "actionTitleNotReadable");
  chrome.action.setIcon({ tabId, path: iconPaths(name) }).catch(() => {});
  chrome.action.setTitle({ tabId, title }).catch(() => {});
}

async function updateIndicator(tabId, url) {
  // Without access to the page (no granted host permission, no activeTab grant) Chrome does not
  // even tell us its URL: the icon stays neutral.
  if (!url || !/^https?:/.test(url)) return;
  const { readableBadge, autoSites } = await loadOptions();
  let host = "";
  try {
    host = new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return;
  }
  // Opt-in everywhere; otherwise only on the automatic-open sites, where the page is read anyway.
  if (!readableBadge && !autoSites.some((site) => host === site || host.endsWith(`.${site}`)))
    return;
  try {
    // After the load, when the page's main thread is idle: the check never delays the page.
    await inject(tabId, {
      func: () =>
        new Promise((resolve) => {
          if (typeof self.requestIdleCallback === "function")
            self.requestIdleCallback(() => resolve(true), { timeout: 2000 });
          else setTimeout(() => resolve(true), 50);
        }),
    });
    const tree = await inject(tabId, { func: encodeDocument });
    if (typeof tree !== "string") return;
    await loadCore();
    showReadable(tabId, isProbablyReadableTree(tree));
  } catch {
    // Not allowed on this page: leave the icon as it is.
  }
}

chrome.tabs.onUpdated.addListener((tabId, change, tab) => {
  // Browsers reset a tab's own icon and title when it navigates; only set them once loaded.
  if (change.status === "complete") updateIndicator(tabId, tab.url);
});

// Automatic opening on chosen sites ----------------------------------------------------------

let syncing = Promise.resolve();

/** Registers the automatic-open content script for every chosen site that is still granted. */
function syncAutoOpen() {
  syncing = syncing.then(async () => {
    const { autoSites } = await loadOptions();
    const matches = [];
    for (const site of autoSites) {
      const pattern = originPatternFor(site);
      if (await chrome.permissions.contains({ origins: [pattern] })) matches.push(pattern);
    }
    const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [AUTO_SCRIPT_ID] });
    if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: [AUTO_SCRIPT_ID] });
    if (matches.length) {
      await chrome.scripting.registerContentScripts([
        {
          id: AUTO_SCRIPT_ID,
          matches,
          js: ["shared.js", "content/auto.js"],
          runAt: "document_idle",
        },
      ]);
    }
    return matches;
  });
  syncing = syncing.catch((error) => console.warn("naqi: automatic sites not updated", error));
  return syncing;
}

chrome.runtime.onMessage.addListener((message, sender) => {
  if (message?.kind === MSG.RETRY && sender.tab?.id !== undefined && sender.frameId === 0) {
    const retry = ["keep-related", "no-limit"].includes(message.retry) ? message.retry : null;
    activate(sender.tab.id, { retry }).catch((error) => console.warn("naqi: retry failed", error));
  }
  if (message?.kind === MSG.AUTO_OPEN && sender.tab?.id !== undefined && sender.frameId === 0) {
    activate(sender.tab.id, { onlyIfReadable: true }).catch((error) =>
      console.warn("naqi: automatic opening failed", error),
    );
  }
  return false;
});

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === "sync" && "autoSites" in changes) syncAutoOpen();
});
chrome.permissions.onAdded.addListener(() => syncAutoOpen());
chrome.permissions.onRemoved.addListener(() => syncAutoOpen());

// Entry points ---------------------------------------------------------------------------------

chrome.action.onClicked.addListener((tab) => activateFromUser(tab.id));

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === CONTEXT_MENU_ID) activateFromUser(tab?.id);
});

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({
      id: CONTEXT_MENU_ID,
      title: chrome.i18n.getMessage("contextMenuOpen"),
      contexts: ["page"],
    });
  });
  syncAutoOpen();
});
chrome.runtime.onStartup.addListener(() => syncAutoOpen());

// For tests and the console: the same function the button calls.
self.naqi = Object.freeze({ activate, syncAutoOpen });
