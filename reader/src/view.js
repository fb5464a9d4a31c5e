// The view: toolbar, header, body, removed panel, and what the controls do.
// Defines: mount() (reader/build.mjs exposes it as globalThis.NaqiReader.mount in the classic
// script, and module.js exports it in the ES module).
//
// The shadow root is closed: `host.shadowRoot` is null for the page, and only this closure
// keeps it (`shadows`). The built-ins it needs are taken when the script loads, so a page
// that replaces them later gains nothing. Every action requires a trusted event (a real
// click or key press), so a page script that dispatches events or calls `.click()` drives
// nothing, and preferences change only on a user's action.

const mounted = new WeakMap();
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
const shadows = new WeakMap();
// Guarded: the ES module may be imported where there is no DOM (a server render, a test).
const attachShadow = typeof Element === "function" ? Element.prototype.attachShadow : null;
const showModal =
  typeof HTMLDialogElement === "function" ? HTMLDialogElement.prototype.showModal : null;
const step = (list, value, by) =>
  list[Math.min(list.length - 1, Math.max(0, list.indexOf(value) + by))];

function mount(host, article, options) {
  if (!host || typeof host.attachShadow !== "function") {
    throw new TypeError("NaqiReader.mount: host must be an element");
  }
  if (!article || typeof article !== "object") {
    throw new TypeError("NaqiReader.mount: article must be an Article object");
  }
  const previous = mounted.get(host);
  if (previous) previous.unmount();

  const opts = options || {};
  const doc = host.ownerDocument;
  const dir = article.dir === "rtl" ? "rtl" : "ltr";
  const lang = articleLang(article);
  const uiLang = pickUiLang(opts.uiLang, lang);
  const t = STRINGS[uiLang];
  const uiDir = RTL_UI.includes(uiLang) ? "rtl" : "ltr";
  let prefs = normalizePrefs(opts.prefs);
  let face = faceFor(lang, dir, prefs.font);

  const fullPage = opts.fullPage === true;
  // The page's other children are hidden, so the host must be one of <html>'s own.
  if (fullPage && (!showModal || host.parentNode !== host.ownerDocument.documentElement)) {
    throw new TypeError("NaqiReader.mount: with fullPage the host must be a child of <html>");
  }
  let shadow = shadows.get(host);
  if (!shadow) {
    shadow = attachShadow.call(host, { mode: "closed" });
    shadows.set(host, shadow);
  }
  shadow.replaceChildren();
  applyStyles(shadow, doc);

  const root = el(doc, "div", { class: "naqi", dir: uiDir, lang: uiLang });
  // Full page: a modal <dialog> puts the view in the top layer, above anything the page
  // shows, and makes the rest of the document inert (keepTabInside, below, keeps Tab in).
  const frame = fullPage
    ? el(doc, "dialog", { class: "naqi-frame", "aria-label": article.title || t.toolbar })
    : null;
  if (frame) {
    frame.append(root);
    shadow.append(frame);
  } else {
    shadow.append(root);
  }

  const bar = buildToolbar({ doc, t, uiLang, dir, lang, face });
  root.append(bar.top);

  // Header, lead image, body ---------------------------------------------
  // Each item isolates its own direction (dir=auto) but lines up with the article's side.
  const page = el(doc, "main", { class: "naqi-page", dir, lang: lang || null, tabindex: "-1" });
  const head = el(doc, "header", { class: "naqi-head" });
  const site = cleanSite(article.siteName, article.canonicalUrl);
  if (site) head.append(el(doc, "p", { class: "naqi-site", dir: "auto" }, site));
  const titleEl = el(doc, "h1", { class: "naqi-title", dir: "auto" }, article.title || "");
  head.append(titleEl);
  const meta = el(doc, "p", { class: "naqi-meta" });
  const byline = cleanByline(article.byline, site);
  if (byline) meta.append(el(doc, "span", { class: "naqi-byline", dir: "auto" }, byline));
  const date = formatDate(article.published, lang || uiLang);
  if (date)
    meta.append(
      el(doc, "time", { class: "naqi-date", datetime: article.published, dir: "auto" }, date),
    );
  const rt = article.readingTime;
  if (rt && rt.maxMinutes > 0) {
    const minutes = t.minutes(rt.minMinutes || rt.maxMinutes, rt.maxMinutes);
    meta.append(el(doc, "span", { class: "naqi-reading-time", dir: uiDir, lang: uiLang }, minutes));
  }
  if (meta.childNodes.length) head.append(meta);
  page.append(head);

  const body = buildBody(doc, article.contentHtml);
  // The header already shows the title; drop a leading heading that repeats it.
  const firstHeading = body.querySelector("h1, h2");
  const squashText = (text) =>
    String(text || "")
      .replace(/\s+/g, " ")
      .trim();
  if (
    firstHeading &&
    article.title &&
    squashText(firstHeading.textContent) === squashText(article.title) &&
    squashText(body.textContent).startsWith(squashText(article.title))
  ) {
    firstHeading.remove();
  }
  const bodyImages = Array.from(body.querySelectorAll("img")).map((img) => img.getAttribute("src"));
  if (
    article.leadImage &&
    isSafeUrl(article.leadImage) &&
    !bodyImages.includes(article.leadImage)
  ) {
    const figure = el(doc, "figure", { class: "naqi-lead" });
    figure.append(
      el(doc, "img", { src: article.leadImage, alt: "", loading: "lazy", decoding: "async" }),
    );
    page.append(figure);
  }
  const articleEl = el(doc, "article", {
    class: "naqi-article",
    id: "naqi-article",
    dir,
    lang: lang || null,
    tabindex: "-1",
  });
  articleEl.append(body);
  page.append(articleEl);

  // Text as the article wrote it, so tashkeel and digit choices can be undone. Collected the
  // first time the text changes: opening the view with the defaults touches no text node.
  const originals = new Map();
  let collected = false;
  const remember = (node) => {
    for (const text of textNodesOf(node)) if (!originals.has(text)) originals.set(text, text.data);
  };
  const applyText = () => {
    if (!collected) {
      if (prefs.tashkeel && prefs.digits === "auto") return;
      collected = true;
      remember(head);
      remember(articleEl);
    }
    for (const [node, original] of originals) {
      const next = transformText(original, prefs);
      if (node.data !== next) node.data = next;
    }
  };
  /** A block's text as the article wrote it (before tashkeel or digit changes). */
  const originalText = (node) =>
    textNodesOf(node)
      .map((text) => (originals.has(text) ? originals.get(text) : text.data))
      .join("");

  const panel = buildRemovedPanel({
    doc,
    t,
    uiLang,
    uiDir,
    article,
    articleEl,
    source: opts.source || null,
    originalText,
    onTextAdded: (node) => {
      if (collected) remember(node);
      applyText();
    },
  });
  page.append(panel);
  root.append(page);
  hideBrokenImages(page);

  const speech = createSpeech({
    doc,
    t,
    uiLang,
    bar: bar.speechBar,
    page,
    articleEl,
    titleEl,
    lang,
    dir,
    getRate: () => prefs.rate,
    onRate: (rate) => changePrefs({ rate }),
  });

  // Behaviour --------------------------------------------------------------
  let fontFaces = [];
  const autoLine = () => (face === "nastaliq" ? 2.5 : dir === "rtl" ? 1.9 : 1.65);
  const applyPrefs = () => {
    face = faceFor(lang, dir, prefs.font);
    fontFaces = registerFaces(doc, opts.fonts, face);
    root.dataset.theme = prefs.theme;
    root.dataset.width = prefs.width;
    root.dataset.font = prefs.font;
    root.dataset.align = prefs.align;
    root.dataset.face = face || "system";
    root.style.setProperty("--naqi-size", `${prefs.fontSize}px`);
    root.style.setProperty("--naqi-line", String(prefs.lineHeight || autoLine()));
    root.style.setProperty("--naqi-words", `${prefs.wordSpacing}em`);
    root.style.setProperty("--naqi-body-font", fontStack(dir, prefs.font, face));
    root.style.setProperty("--naqi-list", listStyleFor(lang, prefs.digits));
    root.style.setProperty("--naqi-custom-bg", prefs.background);
    root.style.setProperty("--naqi-custom-fg", prefs.foreground);
    host.setAttribute("data-naqi-theme", prefs.theme);
    bar.reflect(prefs);
    applyText();
  };
  const changePrefs = (change) => {
    prefs = normalizePrefs(change, prefs);
    applyPrefs();
    if (typeof opts.onPrefsChange === "function") opts.onPrefsChange(Object.assign({}, prefs));
  };

  let statusTimer = 0;
  const say = (message) => {
    bar.status.textContent = message;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => {
      bar.status.textContent = "";
    }, 2500);
  };
  const togglePanel = (open) => {
    bar.panel.hidden = !open;
    bar.panelButton.setAttribute("aria-expanded", String(open));
  };

  // Reading progress: how far the article's end has come up the window.
  const win = doc.defaultView || globalThis;
  const updateProgress = () => {
    const box = articleEl.getBoundingClientRect();
    const span = box.height - win.innerHeight * 0.6;
    const share = span > 0 ? Math.min(1, Math.max(0, -box.top / span)) : 1;
    bar.progress.style.setProperty("--naqi-progress", String(share));
    bar.progress.setAttribute("aria-valuenow", String(Math.round(share * 100)));
  };
  const scroller = frame || win;
  scroller.addEventListener("scroll", updateProgress, { passive: true });

  const close_ = () => {
    if (typeof opts.onClose === "function") opts.onClose();
    else handle.unmount();
  };

  const onClick = async (event) => {
    // A page script's .click() or dispatched event is not the user's.
    if (!event.isTrusted) {
      if (event.target.closest?.("a[data-action]")) event.preventDefault();
      return;
    }
    const target = event.target.closest?.("button[data-action], a[data-action]");
    if (!target || !root.contains(target)) return;
    const value = target.dataset.value;
    const action = target.dataset.action;
    if (action.startsWith("speech-")) return speech.handle(action);
    switch (action) {
      case "skip":
        event.preventDefault();
        return articleEl.focus();
      case "panel":
        return togglePanel(bar.panel.hidden);
      case "theme":
      case "width":
      case "font":
      case "align":
      case "digits":
        return changePrefs({ [action]: value });
      case "tashkeel":
        return changePrefs({ tashkeel: !prefs.tashkeel });
      case "font-smaller":
      case "font-larger":
        return changePrefs({
          fontSize: prefs.fontSize + (action === "font-larger" ? FONT_STEP : -FONT_STEP),
        });
      case "line-tighter":
      case "line-looser": {
        const steps = LINE_HEIGHTS.slice(1);
        const current = prefs.lineHeight || nearest(steps, autoLine(), steps[0]);
        return changePrefs({ lineHeight: step(steps, current, action === "line-looser" ? 1 : -1) });
      }
      case "words-closer":
      case "words-apart":
        return changePrefs({
          wordSpacing: step(WORD_SPACINGS, prefs.wordSpacing, action === "words-apart" ? 1 : -1),
        });
      case "listen": {
        await speech.toggle();
        return bar.listen.setAttribute("aria-pressed", String(speech.open));
      }
      case "removed-show":
      case "removed-restore":
        return panel.naqiHandle(action, Number(target.dataset.index));
      case "copy-text": {
        const text = [article.title, article.text].filter(Boolean).join("\n\n");
        return say((await copyToClipboard(doc, text, root)) ? t.copied : t.copyFailed);
      }
      case "copy-markdown": {
        const md = article.markdown || "";
        const text = article.title && !md.startsWith("# ") ? `# ${article.title}\n\n${md}` : md;
        return say((await copyToClipboard(doc, text, root)) ? t.copied : t.copyFailed);
      }
      case "print":
        return printOnly(host);
      case "close":
        return close_();
      default:
        return undefined;
    }
  };
  const onInput = (event) => {
    if (!event.isTrusted) return;
    const input = event.target;
    if (input.dataset?.pref) changePrefs({ [input.dataset.pref]: input.value, theme: "custom" });
    else if (input.classList?.contains("naqi-voice")) speech.onVoiceChange();
  };
  const onKeydown = (event) => {
    if (!event.isTrusted || event.isComposing) return;
    if (event.key === "Tab" && fullPage) {
      keepTabInside(event);
      return;
    }
    if (event.key === "Escape" && !bar.panel.hidden) {
      // Escape closes the open panel first, and focus goes back to its button.
      event.stopPropagation();
      event.preventDefault();
      togglePanel(false);
      bar.panelButton.focus();
      return;
    }
    if (event.key === "Escape" && (fullPage || typeof opts.onClose === "function")) {
      event.stopPropagation();
      event.preventDefault();
      close_();
    }
  };
  // Full page: Tab and Shift+Tab cycle through the view (a modal dialog alone lets focus
  // leave for the document or the browser's own interface).
  const keepTabInside = (event) => {
    // Not what is hidden: the inside of a closed <details> (the removed panel) included.
    const stops = Array.from(root.querySelectorAll(FOCUSABLE)).filter(
      (node) =>
        !node.closest("[hidden], [inert]") &&
        node.getClientRects().length > 0 &&
        (typeof node.checkVisibility !== "function" || node.checkVisibility()),
    );
    if (!stops.length) return;
    const first = stops[0];
    const last = stops[stops.length - 1];
    const active = shadow.activeElement;
    const leaving = event.shiftKey
      ? active === first || (!stops.includes(active) && active !== articleEl)
      : active === last;
    if (!leaving) return;
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  };
  root.addEventListener("click", onClick);
  root.addEventListener("input", onInput);
  root.addEventListener("change", onInput);
  host.addEventListener("keydown", onKeydown);

  // Full page: the dialog in the top layer, the page set aside. Escape on a modal dialog
  // may close it without a keydown reaching us (the browser's close watcher): that is the
  // user's Escape too. The page cannot reach the dialog to close it.
  let alive = true;
  let restorePage = null;
  const showFrame = () => {
    if (frame.open) frame.close(); // its `close` event comes later, when it is open again
    showModal.call(frame);
    bar.skip.focus({ preventScroll: true });
  };
  const onCancel = (event) => {
    event.preventDefault();
    if (event.isTrusted) close_();
  };
  const onFrameClose = () => {
    if (alive && !frame.open) close_();
  };
  // Should anything below fail, the page must not stay hidden behind a half-built view.
  try {
    // Styles and fonts in place before the first layout (showFrame's focus forces one).
    applyPrefs();
    if (frame) {
      frame.addEventListener("cancel", onCancel);
      frame.addEventListener("close", onFrameClose);
      restorePage = isolatePage(host, () => alive && showFrame());
      // The page's script-made faces were set aside, the view's with them: add them back.
      fontFaces = registerFaces(doc, opts.fonts, face);
      showFrame();
    } else {
      // Focus the view so keyboard scrolling and Escape work at once; deferred
      // because callers may attach the host to the document after mount().
      queueMicrotask(() => {
        if (page.isConnected) page.focus({ preventScroll: true });
      });
    }
    // After the first frame: measuring now would force a layout of the whole article.
    // (Called as a method: Firefox's content scripts refuse a detached requestAnimationFrame.)
    if (typeof win.requestAnimationFrame === "function")
      win.requestAnimationFrame(() => alive && updateProgress());
    else setTimeout(() => alive && updateProgress(), 16);
  } catch (error) {
    alive = false;
    if (restorePage) restorePage();
    shadow.replaceChildren();
    mounted.delete(host);
    throw error;
  }

  const handle = {
    unmount() {
      if (!alive) return;
      alive = false;
      speech.stop();
      clearTimeout(statusTimer);
      root.removeEventListener("click", onClick);
      root.removeEventListener("input", onInput);
      root.removeEventListener("change", onInput);
      scroller.removeEventListener("scroll", updateProgress);
      host.removeEventListener("keydown", onKeydown);
      host.removeAttribute("data-naqi-theme");
      if (frame) {
        frame.removeEventListener("cancel", onCancel);
        frame.removeEventListener("close", onFrameClose);
        if (frame.open) frame.close();
        restorePage();
        // After the page's own faces are back (ours were among those set aside).
        for (const f of fontFaces) doc.fonts.delete(f);
      }
      shadow.replaceChildren();
      try {
        shadow.adoptedStyleSheets = [];
      } catch {
        // nothing to clear
      }
      mounted.delete(host);
    },
    setPrefs(next) {
      if (!alive) return;
      prefs = normalizePrefs(next, prefs);
      applyPrefs();
    },
  };
  mounted.set(host, handle);
  return handle;
}
