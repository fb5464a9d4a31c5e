// The view: toolbar, header, body, removed panel, and what the buttons do.
// Defines: mount(), and globalThis.NaqiReader.
//
// The shadow root is closed: `host.shadowRoot` is null for the page, and only this closure
// keeps it (`shadows`). The built-ins it needs are taken when the script loads, so a page
// that replaces them later gains nothing. Every action requires a trusted event (a real
// click or key press), so a page script that dispatches events or calls `.click()` drives
// nothing, and preferences change only on a user's action.

const mounted = new WeakMap();
const FOCUSABLE = 'a[href], button:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
const shadows = new WeakMap();
const attachShadow = Element.prototype.attachShadow;
const showModal = typeof HTMLDialogElement === 'function' ? HTMLDialogElement.prototype.showModal : null;

function mount(host, article, options) {
  if (!host || typeof host.attachShadow !== 'function') {
    throw new TypeError('NaqiReader.mount: host must be an element');
  }
  if (!article || typeof article !== 'object') {
    throw new TypeError('NaqiReader.mount: article must be an Article object');
  }
  const previous = mounted.get(host);
  if (previous) previous.unmount();

  const opts = options || {};
  const doc = host.ownerDocument;
  const uiLang = pickUiLang(opts.uiLang);
  const t = STRINGS[uiLang];
  const uiDir = RTL_UI.includes(uiLang) ? 'rtl' : 'ltr';
  const dir = article.dir === 'rtl' ? 'rtl' : 'ltr';
  const lang = articleLang(article);
  let prefs = normalizePrefs(opts.prefs);

  const fullPage = opts.fullPage === true;
  // The page's other children are hidden, so the host must be one of <html>'s own.
  if (fullPage && (!showModal || host.parentNode !== host.ownerDocument.documentElement)) {
    throw new TypeError('NaqiReader.mount: with fullPage the host must be a child of <html>');
  }
  let shadow = shadows.get(host);
  if (!shadow) {
    shadow = attachShadow.call(host, { mode: 'closed' });
    shadows.set(host, shadow);
  }
  shadow.replaceChildren();
  applyStyles(shadow, doc);

  const root = el(doc, 'div', { class: 'naqi', dir: uiDir, lang: uiLang });
  // Full page: a modal <dialog> puts the view in the top layer, above anything the page
  // shows, and makes the rest of the document inert (keepTabInside, below, keeps Tab in).
  const frame = fullPage ? el(doc, 'dialog', { class: 'naqi-frame', 'aria-label': article.title || t.toolbar }) : null;
  if (frame) {
    frame.append(root);
    shadow.append(frame);
  } else {
    shadow.append(root);
  }

  // Toolbar ---------------------------------------------------------------
  const toolbar = el(doc, 'div', { class: 'naqi-toolbar', role: 'toolbar', 'aria-label': t.toolbar });
  const button = (action, label, value, extra) =>
    el(doc, 'button', Object.assign({ type: 'button', 'data-action': action, 'data-value': value }, extra), label);
  const group = (label, children) => {
    const g = el(doc, 'div', { class: 'naqi-group', role: 'group', 'aria-label': label, title: label });
    g.append(...children);
    return g;
  };

  const themeButtons = THEMES.map((name) => {
    const b = button('theme', '', name, { 'aria-pressed': 'false' });
    b.append(el(doc, 'span', { class: 'naqi-swatch', 'data-value': name, 'aria-hidden': 'true' }), t[name]);
    return b;
  });
  const smaller = button('font-smaller', `${t.letter}−`, null, { 'aria-label': t.smaller, title: t.smaller });
  const larger = button('font-larger', `${t.letter}+`, null, { 'aria-label': t.larger, title: t.larger });
  const widthButtons = WIDTHS.map((name) =>
    button('width', t[name], name, { 'aria-pressed': 'false', title: `${t.width}: ${t[name]}` }),
  );
  const fontButtons = FONTS.map((name) => button('font', t[name], name, { 'aria-pressed': 'false' }));
  const speech = globalThis.speechSynthesis;
  const listen = button('listen', t.listen, null, speech ? { 'aria-pressed': 'false' } : { disabled: '', title: t.noSpeech });
  const copyText = button('copy-text', t.copyText);
  const copyMarkdown = button('copy-markdown', t.copyMarkdown);
  const print = button('print', t.print);
  const close = button('close', `✕ ${t.close}`, null, { 'aria-label': t.close });
  const status = el(doc, 'span', { class: 'naqi-status', role: 'status', 'aria-live': 'polite' });
  // First in the toolbar (and where focus lands): jumps past the toolbar to the article.
  const skip = el(doc, 'a', { class: 'naqi-skip', href: '#naqi-article', 'data-action': 'skip' }, t.skip);

  const actions = el(doc, 'div', { class: 'naqi-group' });
  actions.append(listen, copyText, copyMarkdown, print);
  toolbar.append(
    skip,
    group(t.theme, themeButtons),
    group(t.font, [smaller, larger, ...fontButtons]),
    group(t.width, widthButtons),
    actions,
    status,
    el(doc, 'span', { class: 'naqi-spacer' }),
    close,
  );
  root.append(toolbar);

  // Header, lead image, body ---------------------------------------------
  const page = el(doc, 'main', { class: 'naqi-page', dir, lang: lang || null, tabindex: '-1' });
  const head = el(doc, 'header', { class: 'naqi-head' });
  const site = article.siteName || siteHost(article.canonicalUrl);
  if (site) head.append(el(doc, 'p', { class: 'naqi-site', dir: 'auto' }, site));
  head.append(el(doc, 'h1', { class: 'naqi-title', dir: 'auto' }, article.title || ''));
  const meta = el(doc, 'p', { class: 'naqi-meta' });
  // Sites that credit themselves as the author would show their name twice.
  if (article.byline && article.byline.trim() !== String(site || '').trim()) {
    meta.append(el(doc, 'span', { class: 'naqi-byline', dir: 'auto' }, article.byline));
  }
  const date = formatDate(article.published, lang || uiLang);
  if (date) meta.append(el(doc, 'time', { class: 'naqi-date', datetime: article.published }, date));
  const rt = article.readingTime;
  if (rt && rt.maxMinutes > 0) {
    const minutes = t.minutes(rt.minMinutes || rt.maxMinutes, rt.maxMinutes);
    meta.append(el(doc, 'span', { class: 'naqi-reading-time', dir: uiDir, lang: uiLang }, minutes));
  }
  if (meta.childNodes.length) head.append(meta);
  page.append(head);

  const body = buildBody(doc, article.contentHtml);
  // The header already shows the title; drop a leading heading that repeats it.
  const firstHeading = body.querySelector('h1, h2');
  const squash = (text) => String(text || '').replace(/\s+/g, ' ').trim();
  if (
    firstHeading &&
    article.title &&
    squash(firstHeading.textContent) === squash(article.title) &&
    squash(body.textContent).startsWith(squash(article.title))
  ) {
    firstHeading.remove();
  }
  const bodyImages = Array.from(body.querySelectorAll('img')).map((img) => img.getAttribute('src'));
  if (article.leadImage && isSafeUrl(article.leadImage) && !bodyImages.includes(article.leadImage)) {
    const figure = el(doc, 'figure', { class: 'naqi-lead' });
    figure.append(el(doc, 'img', { src: article.leadImage, alt: '', loading: 'lazy', decoding: 'async' }));
    page.append(figure);
  }
  const articleEl = el(doc, 'article', { class: 'naqi-article', id: 'naqi-article', dir, lang: lang || null, tabindex: '-1' });
  articleEl.append(body);
  page.append(articleEl);

  // Removed blocks ---------------------------------------------------------
  const removed = Array.isArray(article.removed) ? article.removed : [];
  const panel = el(doc, 'details', { class: 'naqi-removed', dir: uiDir, lang: uiLang });
  const count = new Intl.NumberFormat(uiLang).format(removed.length);
  panel.append(el(doc, 'summary', {}, `${t.removed} (${count})`));
  if (removed.length) {
    const list = el(doc, 'ol', {});
    for (const r of removed) {
      const item = el(doc, 'li', { 'data-kind': r.kind });
      item.append(el(doc, 'span', { class: 'naqi-kind' }, t.kinds[r.kind] || r.kind));
      if (r.label) item.append(el(doc, 'span', { class: 'naqi-label', dir: 'auto' }, r.label));
      item.append(el(doc, 'span', { class: 'naqi-preview', dir: 'auto' }, r.preview || ''));
      list.append(item);
    }
    panel.append(list);
  } else {
    panel.append(el(doc, 'p', {}, t.nothingRemoved));
  }
  page.append(panel);
  root.append(page);
  hideBrokenImages(page);

  // Behaviour --------------------------------------------------------------
  const applyPrefs = () => {
    root.dataset.theme = prefs.theme;
    root.dataset.width = prefs.width;
    root.dataset.font = prefs.font;
    root.style.setProperty('--naqi-size', `${prefs.fontSize}px`);
    host.setAttribute('data-naqi-theme', prefs.theme);
    for (const b of themeButtons) b.setAttribute('aria-pressed', String(b.dataset.value === prefs.theme));
    for (const b of widthButtons) b.setAttribute('aria-pressed', String(b.dataset.value === prefs.width));
    for (const b of fontButtons) b.setAttribute('aria-pressed', String(b.dataset.value === prefs.font));
    smaller.disabled = prefs.fontSize <= MIN_FONT_SIZE;
    larger.disabled = prefs.fontSize >= MAX_FONT_SIZE;
  };
  const changePrefs = (change) => {
    prefs = normalizePrefs(change, prefs);
    applyPrefs();
    if (typeof opts.onPrefsChange === 'function') opts.onPrefsChange(Object.assign({}, prefs));
  };

  let statusTimer = 0;
  const say = (message) => {
    status.textContent = message;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => {
      status.textContent = '';
    }, 2500);
  };

  let speaking = false;
  const stopSpeaking = () => {
    if (!speech) return;
    speaking = false;
    speech.cancel();
    listen.textContent = t.listen;
    listen.setAttribute('aria-pressed', 'false');
  };
  const startSpeaking = () => {
    const chunks = speechChunks([article.title, article.text].filter(Boolean).join('\n\n'));
    if (!chunks.length) return;
    const voiceLang = (lang || (dir === 'rtl' ? 'ar' : 'en')).toLowerCase();
    const prefix = voiceLang.split('-')[0];
    const voices = speech.getVoices();
    const voice =
      voices.find((v) => v.lang.toLowerCase() === voiceLang) ||
      voices.find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === prefix) ||
      null;
    speech.cancel();
    speaking = true;
    listen.textContent = t.stop;
    listen.setAttribute('aria-pressed', 'true');
    chunks.forEach((chunk, i) => {
      const u = new SpeechSynthesisUtterance(chunk);
      u.lang = voice ? voice.lang : voiceLang;
      if (voice) u.voice = voice;
      if (i === chunks.length - 1) {
        const finish = () => speaking && stopSpeaking();
        u.addEventListener('end', finish);
        u.addEventListener('error', finish);
      }
      speech.speak(u);
    });
  };

  const close_ = () => {
    if (typeof opts.onClose === 'function') opts.onClose();
    else handle.unmount();
  };

  const onClick = async (event) => {
    // A page script's .click() or dispatched event is not the user's.
    if (!event.isTrusted) {
      if (event.target.closest && event.target.closest('a[data-action]')) event.preventDefault();
      return;
    }
    const target = event.target.closest && event.target.closest('button[data-action], a[data-action]');
    if (!target || !root.contains(target)) return;
    const value = target.dataset.value;
    switch (target.dataset.action) {
      case 'skip':
        event.preventDefault();
        return articleEl.focus();
      case 'theme':
        return changePrefs({ theme: value });
      case 'width':
        return changePrefs({ width: value });
      case 'font':
        return changePrefs({ font: value });
      case 'font-smaller':
        return changePrefs({ fontSize: prefs.fontSize - FONT_STEP });
      case 'font-larger':
        return changePrefs({ fontSize: prefs.fontSize + FONT_STEP });
      case 'listen':
        return speaking ? stopSpeaking() : startSpeaking();
      case 'copy-text': {
        const text = [article.title, article.text].filter(Boolean).join('\n\n');
        return say((await copyToClipboard(doc, text, root)) ? t.copied : t.copyFailed);
      }
      case 'copy-markdown': {
        const md = article.markdown || '';
        const text = article.title && !md.startsWith('# ') ? `# ${article.title}\n\n${md}` : md;
        return say((await copyToClipboard(doc, text, root)) ? t.copied : t.copyFailed);
      }
      case 'print':
        return printOnly(host);
      case 'close':
        return close_();
      default:
        return undefined;
    }
  };
  const onKeydown = (event) => {
    if (!event.isTrusted || event.isComposing) return;
    if (event.key === 'Tab' && fullPage) {
      keepTabInside(event);
      return;
    }
    if (event.key === 'Escape' && (fullPage || typeof opts.onClose === 'function')) {
      event.stopPropagation();
      event.preventDefault();
      close_();
    }
  };
  // Full page: Tab and Shift+Tab cycle through the view (a modal dialog alone lets focus
  // leave for the document or the browser's own interface).
  const keepTabInside = (event) => {
    const stops = Array.from(root.querySelectorAll(FOCUSABLE)).filter(
      (node) => !node.closest('[hidden], [inert]') && node.getClientRects().length > 0,
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
  root.addEventListener('click', onClick);
  host.addEventListener('keydown', onKeydown);
  applyPrefs();

  // Full page: the dialog in the top layer, the page set aside. Escape on a modal dialog
  // may close it without a keydown reaching us (the browser's close watcher): that is the
  // user's Escape too. The page cannot reach the dialog to close it.
  let alive = true;
  let restorePage = null;
  const showFrame = () => {
    if (frame.open) frame.close(); // its `close` event comes later, when it is open again
    showModal.call(frame);
    skip.focus({ preventScroll: true });
  };
  const onCancel = (event) => {
    event.preventDefault();
    if (event.isTrusted) close_();
  };
  const onFrameClose = () => {
    if (alive && !frame.open) close_();
  };
  if (frame) {
    frame.addEventListener('cancel', onCancel);
    frame.addEventListener('close', onFrameClose);
    restorePage = isolatePage(host, () => alive && showFrame());
    showFrame();
  } else {
    // Focus the view so keyboard scrolling and Escape work at once; deferred
    // because callers may attach the host to the document after mount().
    queueMicrotask(() => {
      if (page.isConnected) page.focus({ preventScroll: true });
    });
  }

  const handle = {
    unmount() {
      if (!alive) return;
      alive = false;
      stopSpeaking();
      clearTimeout(statusTimer);
      root.removeEventListener('click', onClick);
      host.removeEventListener('keydown', onKeydown);
      host.removeAttribute('data-naqi-theme');
      if (frame) {
        frame.removeEventListener('cancel', onCancel);
        frame.removeEventListener('close', onFrameClose);
        if (frame.open) frame.close();
        restorePage();
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


globalThis.NaqiReader = Object.freeze({ mount, DEFAULT_PREFS });
