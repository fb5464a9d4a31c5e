// The page side of the extension, injected (with shared.js and reader/reader.js) into the
// extension's isolated world by the background worker, only when the user asks for the
// reading view. It never runs naqi itself: the worker reads the page through `encodeDocument`
// (the live DOM in naqi's tree format, never HTML), and this side mounts the article the
// worker sends back.
//
//   NaqiGlue.snapshotUnlessOpen() -> { open: true } | { url }
//   NaqiGlue.open(article, { prefs, uiLang }) -> boolean
//   NaqiGlue.close() -> boolean
//   NaqiGlue.notify(messageName, retry)
//
// The view opens in the reader's full-page mode (reader/src/isolate.js): hiding the page
// touches only the `style` and `inert` attributes of the root element and its children, and
// `close()` puts each back exactly as it was (or removes it), then scrolls back to where the
// reader was.

(() => {
  "use strict";

  if (globalThis.NaqiGlue) return;

  const { HOST_ID } = globalThis.NaqiShared;
  const TOAST_ID = "naqi-toast";
  const NOTICE_MS = 20000;

  /** The open view: { host, view, focused, onKeydown }. */
  let session = null;

  /** The page's URL, or `{ open: true }` while the view is shown. */
  function snapshotUnlessOpen() {
    if (session && !session.host.isConnected) session = null; // the page removed it
    if (session) return { open: true };
    return { url: location.href };
  }

  function open(article, { prefs, uiLang } = {}) {
    if (session) return false;
    document.getElementById(TOAST_ID)?.remove();
    const focused = document.activeElement;

    // A custom element name keeps the page's `div { ... }` rules off the host. The reader's
    // full-page mode does the rest: a closed shadow root, a modal dialog in the top layer,
    // the page's children hidden and inert, its style sheets off, and an exact restore.
    const host = document.createElement("naqi-reader");
    host.id = HOST_ID;
    document.documentElement.append(host);

    let view;
    try {
      view = globalThis.NaqiReader.mount(host, article, {
        prefs: { ...globalThis.NaqiReader.DEFAULT_PREFS, ...prefs },
        uiLang,
        fullPage: true,
        // The bundled fonts (web-accessible), and the page itself so that a removed block can
        // be shown where it stood.
        fonts: chrome.runtime.getURL("fonts/"),
        source: document,
        onClose: close,
        // Called only after a user's own click in the view (the reader ignores events a
        // page script makes), so the page cannot write the user's preferences.
        onPrefsChange: (next) => {
          chrome.storage.sync.set({ prefs: next }).catch(() => {});
        },
      });
    } catch (error) {
      host.remove();
      console.error("naqi: could not show the reading view", error);
      return false;
    }

    // The view handles Escape while focus is inside it; this catches a real Escape anywhere
    // else. Events a page script dispatches are not trusted and close nothing.
    const onKeydown = (event) => {
      if (!event.isTrusted || event.key !== "Escape" || event.isComposing) return;
      if (event.composedPath().includes(host)) return;
      close();
    };
    window.addEventListener("keydown", onKeydown, true);
    session = { host, view, focused, onKeydown };
    return true;
  }

  function close() {
    if (!session) return false;
    const { host, view, focused, onKeydown } = session;
    session = null;
    window.removeEventListener("keydown", onKeydown, true);
    try {
      view.unmount(); // puts the page back as it was, scroll position included
    } catch (error) {
      console.error("naqi: could not unmount the reading view", error);
    }
    host.remove();
    if (focused && focused !== document.body && focused.isConnected)
      focused.focus?.({ preventScroll: true });
    return true;
  }

  /**
   * Shows a localized message (a _locales message name) at the top of the page, saying why the
   * view did not open, with a way to try again when there is one (`retry`: 'keep-related' or
   * 'no-limit', passed back to the worker) and a dismiss button. It stays until dismissed, a
   * real Escape, or NOTICE_MS.
   */
  function notify(messageName, retry) {
    document.getElementById(TOAST_ID)?.remove();
    const text = chrome.i18n.getMessage(messageName) || messageName;
    const toast = document.createElement("naqi-toast");
    toast.id = TOAST_ID;
    const shadow = toast.attachShadow({ mode: "open" });
    const box = document.createElement("div");
    box.dir = chrome.i18n.getMessage("dir") || "auto";
    box.lang = chrome.i18n.getMessage("lang");
    const message = document.createElement("p");
    message.setAttribute("role", "alert");
    message.textContent = text;
    box.append(message);
    const dismiss = () => {
      toast.remove();
      window.removeEventListener("keydown", onKey, true);
    };
    const onKey = (event) => {
      if (event.isTrusted && event.key === "Escape") dismiss();
    };
    const button = (label, onClick) => {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.addEventListener("click", (event) => {
        if (event.isTrusted) onClick();
      });
      box.append(b);
      return b;
    };
    const anywayLabel = {
      "keep-related": "errorNoArticleAnyway",
      "no-limit": "errorTooLargeAnyway",
    }[retry];
    if (anywayLabel) {
      button(chrome.i18n.getMessage(anywayLabel), () => {
        dismiss();
        chrome.runtime
          .sendMessage({ kind: globalThis.NaqiShared.MSG.RETRY, retry })
          .catch(() => {});
      });
    }
    button(chrome.i18n.getMessage("errorDismiss"), dismiss);
    const css =
      ":host { all: initial; position: fixed; inset-block-start: 16px; inset-inline: 0; " +
      "z-index: 2147483647; display: flex; justify-content: center; pointer-events: none; } " +
      "div { pointer-events: auto; display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; " +
      'font: 15px/1.5 system-ui, "Noto Sans Arabic", sans-serif; background: #1f2937; ' +
      "color: #fff; padding: 10px 16px; border-radius: 8px; max-inline-size: min(90vw, 40em); " +
      "box-shadow: 0 4px 16px rgb(0 0 0 / 0.3); } p { margin: 0; flex: 1 1 16em; } " +
      "button { font: inherit; font-size: 14px; color: #1f2937; background: #fff; border: 0; " +
      "border-radius: 6px; padding: 4px 10px; cursor: pointer; } " +
      "button:last-child { background: transparent; color: #fff; border: 1px solid #9ca3af; }";
    try {
      // A constructed sheet: a page CSP without 'unsafe-inline' styles cannot block it.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement("style");
      style.textContent = css;
      shadow.append(style);
    }
    shadow.append(box);
    document.documentElement.append(toast);
    window.addEventListener("keydown", onKey, true);
    setTimeout(dismiss, NOTICE_MS);
  }

  globalThis.NaqiGlue = Object.freeze({ snapshotUnlessOpen, open, close, notify });
})();
