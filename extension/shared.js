// Names and defaults shared by every part of the extension: the background worker (which
// imports this file as a module), the options page and the content scripts (which load it as a
// classic script). It only assigns one global, so it works both ways.
//
// Message kinds live here and nowhere else.

globalThis.NaqiShared = Object.freeze({
  /** Message kinds sent with chrome.runtime.sendMessage ({ kind, ...payload }). */
  MSG: Object.freeze({
    /** content/auto.js -> worker: this page is on an automatic-open site; open it if readable. */
    AUTO_OPEN: "naqi:auto-open",
    /** The failure notice -> worker: try again ({ retry: 'keep-related' | 'no-limit' }). */
    RETRY: "naqi:retry",
  }),

  /** The id under which the automatic-open content script is registered. */
  AUTO_SCRIPT_ID: "naqi-auto-open",

  /** The host element the reading view mounts into. */
  HOST_ID: "naqi-reader",

  /**
   * What chrome.storage.sync holds, with the value used when a key is missing.
   * - prefs: the reading view's theme, fontSize, width and font (partial; the reader fills
   *   in its own defaults for anything missing or invalid).
   * - uiLang: 'auto' | 'article' | 'ar' | 'en' | 'fa' | 'ur'; 'auto' follows the browser's
   *   interface language (English when the view does not speak it), 'article' the article's
   *   language when the view speaks it.
   * - autoSites: host names (e.g. "example.com") where the view opens by itself on pages that
   *   look like articles. Each one has its own optional host permission.
   * - readableBadge: whether the toolbar icon shows, on every page, that it looks like an
   *   article (opt-in; needs the optional permission for all sites). Without it the icon
   *   says so only on automatic-open sites.
   * - extraLabels: more headings that mark related-content blocks (passed as `extraLabels`).
   */
  DEFAULT_OPTIONS: Object.freeze({
    prefs: Object.freeze({}),
    uiLang: "auto",
    autoSites: Object.freeze([]),
    readableBadge: false,
    extraLabels: Object.freeze([]),
  }),

  /** Reads the options from chrome.storage.sync, with defaults for missing keys. */
  async loadOptions() {
    const defaults = globalThis.NaqiShared.DEFAULT_OPTIONS;
    const stored = await chrome.storage.sync.get(Object.keys(defaults));
    return { ...defaults, ...stored };
  },

  /**
   * Turns what a user typed ("https://www.example.com/news/1", "Example.com") into a host
   * name ("example.com"), or null when it is not a web address. A leading "www." is dropped
   * because the permission asked for covers subdomains anyway.
   */
  siteFromInput(input) {
    const text = String(input || "").trim();
    if (!text) return null;
    let url;
    try {
      url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    } catch {
      return null;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    const host = url.hostname.replace(/^www\./, "").replace(/\.$/, "");
    return host && !host.includes("*") ? host : null;
  },

  /**
   * The host-permission match pattern for a site: the site and its subdomains, over http and
   * https. IP addresses and single-label hosts (localhost) get an exact-host pattern.
   */
  originPatternFor(site) {
    const exact = /^[\d.]+$/.test(site) || site.startsWith("[") || !site.includes(".");
    return exact ? `*://${site}/*` : `*://*.${site}/*`;
  },
});
