// The attacks of a hostile page (hostile.html), run as an ordinary page script. The tests call
// `hostile.probe()` and `hostile.drive()` through the page's own JavaScript world, exactly as
// any script of the page could; nothing here has more rights than the page.
//
// - at load: an inline root filter and smooth scrolling, a script-made FontFace that takes
//   over a family of the view's stack (hostile.css adds the CSS ones), and an adopted sheet
//   with an html::before layer;
// - 1 s after the view appears: a full-screen red overlay appended to <html>, and a popover
//   in the top layer;
// - probe(): tries to read the view (shadowRoot, queries, a second shadow root, text);
// - drive(): clicks the view and every point of it, and sends it synthetic key presses,
//   through every handle a page has.
(function () {
  'use strict';
  const root = document.documentElement;
  root.style.setProperty('filter', 'grayscale(1)');
  root.style.setProperty('scroll-behavior', 'smooth');
  const face = new FontFace('Amiri', 'local("DejaVu Sans Mono")');
  document.fonts.add(face);
  // A constructed sheet of the page's own, with a red layer over everything.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    'html::before { content: "HOSTILE ADOPTED"; position: fixed; inset: 0; z-index: 2147483647; background: rgb(255, 0, 0); }',
  );
  document.adoptedStyleSheets = [sheet];

  const state = { overlayAdded: false, sheet };
  const findHost = () => document.querySelector('naqi-reader');

  const watch = setInterval(() => {
    if (!findHost()) return;
    clearInterval(watch);
    setTimeout(() => {
      const overlay = document.createElement('div');
      overlay.id = 'hostile-overlay';
      overlay.textContent = 'HOSTILE OVERLAY';
      root.append(overlay);
      const pop = document.createElement('div');
      pop.id = 'hostile-popover';
      pop.popover = 'manual';
      pop.textContent = 'HOSTILE POPOVER';
      root.append(pop);
      try {
        pop.showPopover();
      } catch {
        // not shown: hidden already
      }
      state.overlayAdded = true;
    }, 1000);
  }, 50);

  function probe() {
    const host = findHost();
    let attach = 'refused';
    try {
      host.attachShadow({ mode: 'open' });
      attach = 'attached';
    } catch {
      // a host has one shadow root
    }
    const title = 'مكتبة الحي تفتح';
    return {
      host: Boolean(host),
      shadowRoot: host ? host.shadowRoot : 'no host',
      attach,
      queried: document.querySelectorAll('naqi-reader *, .naqi, .naqi-title, article.naqi-article').length,
      hostText: host.textContent,
      hostInnerText: host.innerText.includes(title),
      selectionText: (() => {
        getSelection().selectAllChildren(root);
        const text = getSelection().toString();
        getSelection().removeAllRanges();
        return text.includes(title);
      })(),
      // A caret position under the pointer that lands in the view's own nodes.
      caretInView: [
        [innerWidth / 2, innerHeight / 2],
        [innerWidth / 2, 120],
      ].some(([x, y]) => {
        const range = document.caretRangeFromPoint ? document.caretRangeFromPoint(x, y) : null;
        return Boolean(range && range.startContainer.getRootNode() !== document);
      }),
      children: host.children.length,
      rootFilter: getComputedStyle(root).filter,
      rootTransform: getComputedStyle(root).transform,
      rootScrollBehavior: getComputedStyle(root).scrollBehavior,
      rootAfter: getComputedStyle(root, '::after').content,
      rootBefore: getComputedStyle(root, '::before').content,
      bodyBefore: getComputedStyle(document.body, '::before').content,
      // The view's own bundled faces ("naqi …") are not the page's.
      pageFonts: Array.from(document.fonts).filter((f) => /Amiri|Noto Naskh/.test(f.family) && !/naqi /.test(f.family)).length,
      overlayAdded: state.overlayAdded,
      // What is on top in the middle and the corners of the window.
      onTop: [
        [innerWidth / 2, innerHeight / 2],
        [5, 5],
        [innerWidth - 5, innerHeight - 5],
      ].map(([x, y]) => {
        const hit = document.elementFromPoint(x, y);
        if (!hit) return null;
        return /^hostile/.test(hit.id) ? `#${hit.id}` : hit.localName;
      }),
    };
  }

  function drive() {
    const host = findHost();
    const tried = [];
    const events = [
      () => new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }),
      () => new PointerEvent('pointerdown', { bubbles: true, composed: true }),
    ];
    for (const make of events) {
      host.dispatchEvent(make());
      tried.push('host event');
    }
    host.click();
    for (let x = 10; x < innerWidth; x += 60) {
      for (let y = 10; y < 160; y += 20) {
        const hit = document.elementFromPoint(x, y);
        if (hit) {
          hit.click();
          hit.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
        }
      }
    }
    tried.push('clicks on every point of the toolbar');
    for (const key of ['Escape', 'Enter', ' ', 'Tab', 'ArrowDown']) {
      for (const target of [host, document, window, document.activeElement]) {
        target?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
        target?.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
      }
    }
    tried.push('synthetic keys');
    // Content added to the host itself (its light DOM): a closed root with no slot shows none.
    const injected = document.createElement('p');
    injected.id = 'hostile-injected';
    injected.textContent = 'HOSTILE INJECTED';
    host.append(injected);
    state.injectedShown = injected.getClientRects().length > 0;
    return tried;
  }

  window.hostile = { probe, drive, state };
})();
