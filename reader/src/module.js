// The ES module's own part (naqi/reader), added after view.js by `reader/build.mjs --module`;
// the classic script leaves it out. A page that imports the module shares its world, so the
// limits in reader/README.md apply ("a page that loads reader.js itself").
// Defines: openReader(), closeReader(), renderArticle(); exports them with mount(),
// DEFAULT_PREFS and UI_LANGS.

// A custom element name keeps a site's `div { ... }` rules off the host (`:host` resets the rest).
const HOST_TAG = "naqi-reader";

/** The full-page view openReader() opened: { host, view, focused, onKeydown, onClose }. */
let opened = null;
/** container -> the handle of the view renderArticle() put in it. */
const rendered = new WeakMap();

function checkArticle(article, caller) {
  if (!article || typeof article !== "object") {
    throw new TypeError(`${caller}: article must be an Article (what extract() returns)`);
  }
}

/** Calls a user's onClose after the view is gone; its error is reported, not thrown at us. */
function notify(callback) {
  if (typeof callback !== "function") return;
  try {
    callback();
  } catch (error) {
    if (typeof globalThis.reportError === "function") globalThis.reportError(error);
    else
      setTimeout(() => {
        throw error;
      });
  }
}

/**
 * Shows `article` over the whole page, as the extension does: a host element at the end of
 * <html> with a closed shadow root, a modal dialog in the top layer, the page's own content
 * hidden and inert until the view closes. One view at a time: opening another closes the first.
 */
function openReader(article, options) {
  checkArticle(article, "openReader");
  const opts = options || {};
  closeReader();
  const doc = globalThis.document;
  const win = doc.defaultView || globalThis;
  const focused = doc.activeElement;
  const host = doc.createElement(HOST_TAG);
  doc.documentElement.append(host);

  let view;
  try {
    view = mount(host, article, {
      prefs: opts.prefs,
      uiLang: opts.uiLang,
      fonts: opts.fonts,
      // The page the article came from, so a removed block can be shown where it stood.
      source: opts.source === undefined ? doc : opts.source,
      onPrefsChange: opts.onPrefsChange,
      onClose: () => closeReader(),
      fullPage: true,
    });
  } catch (error) {
    host.remove();
    throw error;
  }

  // The view handles Escape while focus is in it; this catches a real Escape anywhere else.
  const onKeydown = (event) => {
    if (!event.isTrusted || event.key !== "Escape" || event.isComposing) return;
    if (event.composedPath().includes(host)) return;
    closeReader();
  };
  win.addEventListener("keydown", onKeydown, true);
  opened = { host, view, focused, onKeydown, onClose: opts.onClose };

  const session = opened;
  return {
    host,
    setPrefs: (prefs) => view.setPrefs(prefs),
    unmount: () => {
      if (opened === session) closeReader();
    },
  };
}

/**
 * Closes the view openReader() opened: the page comes back as it was (scroll position and
 * focus included) and the host is removed. Returns false when no view was open.
 */
function closeReader() {
  if (!opened) return false;
  const { host, view, focused, onKeydown, onClose } = opened;
  opened = null;
  const doc = host.ownerDocument;
  (doc.defaultView || globalThis).removeEventListener("keydown", onKeydown, true);
  try {
    view.unmount();
  } finally {
    host.remove();
  }
  if (
    focused &&
    focused !== doc.body &&
    focused.isConnected &&
    typeof focused.focus === "function"
  ) {
    focused.focus({ preventScroll: true });
  }
  notify(onClose);
  return true;
}

/**
 * Shows `article` inside `container`, an element of the site's own layout: a host element
 * appended to it (the container's other children stay), sized by the site's CSS. Rendering
 * into the same container again replaces the previous view. The close button (and Escape
 * inside the view) removes it.
 */
function renderArticle(article, container, options) {
  checkArticle(article, "renderArticle");
  if (container?.nodeType !== 1) {
    throw new TypeError("renderArticle: container must be an element");
  }
  const opts = options || {};
  const previous = rendered.get(container);
  if (previous) previous.unmount();

  const host = container.ownerDocument.createElement(HOST_TAG);
  container.append(host);
  let view = null;
  const handle = {
    host,
    setPrefs: (prefs) => {
      if (view) view.setPrefs(prefs);
    },
    unmount: () => {
      if (!view) return;
      const current = view;
      view = null;
      if (rendered.get(container) === handle) rendered.delete(container);
      try {
        current.unmount();
      } finally {
        host.remove();
      }
      notify(opts.onClose);
    },
  };
  try {
    view = mount(host, article, {
      prefs: opts.prefs,
      uiLang: opts.uiLang,
      fonts: opts.fonts,
      source: opts.source || null,
      onPrefsChange: opts.onPrefsChange,
      onClose: () => handle.unmount(),
    });
  } catch (error) {
    host.remove();
    throw error;
  }
  rendered.set(container, handle);
  return handle;
}

const READER_UI_LANGS = Object.freeze(UI_LANGS.slice());

export {
  openReader,
  closeReader,
  renderArticle,
  mount,
  DEFAULT_PREFS,
  READER_UI_LANGS as UI_LANGS,
};
