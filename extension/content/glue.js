// The page side of the extension, injected (with shared.js and reader/reader.js) into the
// extension's isolated world by the background worker, only when the user asks for the
// reading view. It never runs naqi itself: it hands the page's HTML to the worker, and later
// mounts the article the worker sends back.
//
//   NaqiGlue.snapshotUnlessOpen() -> { open: true } | { url }
//   NaqiGlue.open(article, { prefs, uiLang }) -> boolean
//   NaqiGlue.close() -> boolean
//   NaqiGlue.notify(messageName)
//
// Hiding the page touches nothing but the inline `style` attribute of the root element and
// of its children, and `close()` puts each attribute back exactly as it was (or removes it),
// then scrolls back to where the reader was.

(function () {
  'use strict';

  if (globalThis.NaqiGlue) return;

  const { HOST_ID } = globalThis.NaqiShared;
  const TOAST_ID = 'naqi-toast';
  const TOAST_MS = 5000;

  /** The open view: { host, view, saved: [[element, style|null]], x, y, focused, onKeydown }. */
  let session = null;

  function setImportant(element, styles) {
    for (const [name, value] of Object.entries(styles)) {
      element.style.setProperty(name, value, 'important');
    }
  }

  /** The page's URL, or `{ open: true }` while the view is shown. */
  function snapshotUnlessOpen() {
    if (session && !session.host.isConnected) session = null; // the page removed it
    if (session) return { open: true };
    return { url: location.href };
  }

  function open(article, { prefs, uiLang } = {}) {
    if (session) return false;
    const root = document.documentElement;
    document.getElementById(TOAST_ID)?.remove();

    const saved = [root, ...root.children]
      .filter((element) => element !== document.head)
      .map((element) => [element, element.getAttribute('style')]);
    const x = window.scrollX;
    const y = window.scrollY;
    const focused = document.activeElement;

    // A custom element name keeps the page's `div { ... }` rules off the host; the inline
    // important styles win over any rule the page has for it.
    const host = document.createElement('naqi-reader');
    host.id = HOST_ID;
    setImportant(host, {
      display: 'block',
      position: 'static',
      float: 'none',
      margin: '0',
      padding: '0',
      border: '0',
      width: 'auto',
      'min-height': '100vh',
      visibility: 'visible',
      opacity: '1',
      transform: 'none',
      filter: 'none',
    });

    let view;
    try {
      view = globalThis.NaqiReader.mount(host, article, {
        prefs: { ...globalThis.NaqiReader.DEFAULT_PREFS, ...prefs },
        uiLang,
        onClose: close,
        onPrefsChange: (next) => {
          chrome.storage.sync.set({ prefs: next }).catch(() => {});
        },
      });
    } catch (error) {
      console.error('naqi: could not show the reading view', error);
      return false;
    }

    for (const [element] of saved) {
      if (element === root) setImportant(root, { overflow: 'visible' });
      else setImportant(element, { display: 'none' });
    }
    root.append(host);
    window.scrollTo({ left: 0, top: 0, behavior: 'instant' });

    // The view handles Escape while focus is inside it; this catches it everywhere else
    // (focus usually stays on the hidden page).
    const onKeydown = (event) => {
      if (event.key !== 'Escape' || event.isComposing) return;
      if (event.composedPath().includes(host)) return;
      close();
    };
    window.addEventListener('keydown', onKeydown, true);
    session = { host, view, saved, x, y, focused, onKeydown };
    return true;
  }

  function close() {
    if (!session) return false;
    const { host, view, saved, x, y, focused, onKeydown } = session;
    session = null;
    window.removeEventListener('keydown', onKeydown, true);
    try {
      view.unmount();
    } catch (error) {
      console.error('naqi: could not unmount the reading view', error);
    }
    host.remove();
    for (const [element, style] of saved) {
      // Chromium writes CSSOM changes into the attribute lazily; reading it first makes the
      // removal final (otherwise a later read can bring back an empty `style=""`).
      element.getAttribute('style');
      if (style === null) element.removeAttribute('style');
      else element.setAttribute('style', style);
    }
    window.scrollTo({ left: x, top: y, behavior: 'instant' });
    if (focused && focused !== document.body && focused.isConnected) focused.focus?.({ preventScroll: true });
    return true;
  }

  /** Shows a short localized message (a _locales message name) at the top of the page. */
  function notify(messageName) {
    document.getElementById(TOAST_ID)?.remove();
    const text = chrome.i18n.getMessage(messageName) || messageName;
    const toast = document.createElement('naqi-toast');
    toast.id = TOAST_ID;
    const shadow = toast.attachShadow({ mode: 'open' });
    const box = document.createElement('div');
    box.setAttribute('role', 'status');
    box.dir = chrome.i18n.getMessage('dir') || 'auto';
    box.lang = chrome.i18n.getMessage('lang');
    box.textContent = text;
    const style = document.createElement('style');
    style.textContent =
      ':host { all: initial; position: fixed; inset-block-start: 16px; inset-inline: 0; ' +
      'z-index: 2147483647; display: flex; justify-content: center; pointer-events: none; } ' +
      'div { font: 15px/1.5 system-ui, "Noto Sans Arabic", sans-serif; background: #1f2937; ' +
      'color: #fff; padding: 10px 16px; border-radius: 8px; max-inline-size: 90vw; ' +
      'box-shadow: 0 4px 16px rgb(0 0 0 / 0.3); }';
    shadow.append(style, box);
    document.documentElement.append(toast);
    setTimeout(() => toast.remove(), TOAST_MS);
  }

  globalThis.NaqiGlue = Object.freeze({ snapshotUnlessOpen, open, close, notify });
})();
