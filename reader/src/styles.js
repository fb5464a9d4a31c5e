// The reading view's stylesheet, adopted by its shadow root (a constructed sheet, so a page
// whose CSP forbids inline styles still shows it). Defines: CSS, applyStyles().

const CSS = `
:host {
all: initial;
display: block;
color-scheme: light;
}
:host([data-naqi-theme="dark"]) { color-scheme: dark; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }

.naqi {
--naqi-bg: #fbfaf8;
--naqi-fg: #1f1f1f;
--naqi-muted: #5c5f66;
--naqi-accent: #0a58b8;
--naqi-rule: #e2e0dc;
--naqi-bar: rgba(251, 250, 248, 0.94);
--naqi-chip: #ecebe8;
--naqi-size: 20px;
--naqi-measure: 36em;
--naqi-body-font: serif;
--naqi-line: 1.65;
--naqi-words: 0;
--naqi-list: decimal;
--naqi-ui-font: system-ui, "Segoe UI", "Noto Sans Arabic", Tahoma, "DejaVu Sans", sans-serif;
container-type: inline-size;
min-block-size: 100%;
background: var(--naqi-bg);
color: var(--naqi-fg);
font-family: var(--naqi-ui-font);
font-size: 16px;
line-height: 1.5;
}
.naqi[data-theme="sepia"] {
--naqi-bg: #f4ecd8;
--naqi-fg: #3b2f22;
--naqi-muted: #6e5d47;
--naqi-accent: #8c4a0e;
--naqi-rule: #dccfb1;
--naqi-bar: rgba(244, 236, 216, 0.94);
--naqi-chip: #e8dcc0;
}
.naqi[data-theme="dark"] {
--naqi-bg: #1a1b1e;
--naqi-fg: #e4e1dc;
--naqi-muted: #a39e96;
--naqi-accent: #8ab4f8;
--naqi-rule: #34363b;
--naqi-bar: rgba(26, 27, 30, 0.94);
--naqi-chip: #2b2d31;
}
.naqi[data-theme="custom"] {
--naqi-bg: var(--naqi-custom-bg);
--naqi-fg: var(--naqi-custom-fg);
--naqi-muted: var(--naqi-custom-fg);
--naqi-accent: var(--naqi-custom-fg);
--naqi-rule: color-mix(in srgb, var(--naqi-custom-fg) 25%, transparent);
--naqi-bar: var(--naqi-custom-bg);
--naqi-chip: color-mix(in srgb, var(--naqi-custom-fg) 12%, var(--naqi-custom-bg));
}
.naqi[data-width="narrow"] { --naqi-measure: 30em; }
.naqi[data-width="wide"] { --naqi-measure: 46em; }

/* Full page: a modal dialog filling the viewport, the only scroller. */
.naqi-frame {
  position: fixed;
  inset: 0;
  inline-size: 100%;
  block-size: 100%;
  max-inline-size: none;
  max-block-size: none;
  margin: 0;
  padding: 0;
  border: 0;
  overflow: auto;
  overscroll-behavior: contain;
  scroll-behavior: auto;
  background: transparent;
  color: inherit;
}
.naqi-frame::backdrop { background: #fbfaf8; }
:host([data-naqi-theme="sepia"]) .naqi-frame::backdrop { background: #f4ecd8; }
:host([data-naqi-theme="dark"]) .naqi-frame::backdrop { background: #1a1b1e; }
.naqi-frame > .naqi { min-block-size: 100%; }

/* Skip link: first in the toolbar, shown while focused. */
.naqi-skip {
  position: absolute;
  inset-inline-start: 8px;
  inset-block-start: -100px;
  padding: 4px 10px;
  border-radius: 6px;
  background: var(--naqi-accent);
  color: var(--naqi-bg);
  font-size: 14px;
  text-decoration: none;
}
/* Shown just under the toolbar (so it hides none of the buttons) when focused from the keyboard. */
.naqi-skip:focus-visible { inset-block-start: calc(100% + 6px); inset-inline-start: 8px; outline: 2px solid var(--naqi-fg); z-index: 2; }
.naqi-article:focus { outline: none; }

/* Top bar: the toolbar (one row at any width), the "Aa" panel, read aloud, progress. */
.naqi-top {
position: sticky;
inset-block-start: 0;
z-index: 1;
background: var(--naqi-bar);
border-block-end: 1px solid var(--naqi-rule);
backdrop-filter: blur(6px);
}
.naqi-toolbar {
display: flex;
flex-wrap: nowrap;
align-items: center;
gap: 2px;
padding-block: 4px;
padding-inline: 8px;
max-inline-size: 60em;
margin-inline: auto;
}
.naqi-spacer { flex: 1 1 auto; }
.naqi button {
font: inherit;
font-size: 14px;
color: inherit;
background: transparent;
border: 1px solid transparent;
border-radius: 6px;
padding-block: 4px;
padding-inline: 8px;
cursor: pointer;
min-block-size: 36px;
min-inline-size: 36px;
white-space: nowrap;
}
.naqi-toolbar button { display: inline-grid; place-items: center; padding: 0; inline-size: 40px; block-size: 40px; flex: none; }
.naqi-aa { font-weight: 700; font-size: 17px !important; }
.naqi button:hover { background: var(--naqi-chip); }
.naqi button:focus-visible, .naqi select:focus-visible, .naqi input:focus-visible, .naqi summary:focus-visible { outline: 2px solid var(--naqi-accent); outline-offset: 1px; }
.naqi button[aria-pressed="true"], .naqi button[aria-expanded="true"] { border-color: var(--naqi-accent); color: var(--naqi-accent); }
.naqi button:disabled { opacity: 0.45; cursor: default; }
.naqi-icon { inline-size: 22px; block-size: 22px; fill: none; stroke: currentColor; stroke-width: 1.8; stroke-linecap: round; stroke-linejoin: round; }
.naqi[dir="rtl"] .naqi-icon-previous, .naqi[dir="rtl"] .naqi-icon-next { transform: scaleX(-1); }
.naqi-status { color: var(--naqi-accent); font-size: 13px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-inline-size: 0; }

.naqi-panel, .naqi-speech {
max-inline-size: 60em;
margin-inline: auto;
padding-block: 6px 10px;
padding-inline: 12px;
border-block-start: 1px solid var(--naqi-rule);
font-size: 14px;
}
.naqi-panel { max-block-size: 70vh; overflow-y: auto; }
.naqi-row { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; padding-block: 3px; }
.naqi-row-label { flex: 0 0 7.5em; color: var(--naqi-muted); font-size: 13px; }
.naqi-row-controls { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; min-inline-size: 0; }
.naqi-panel button { border-color: var(--naqi-rule); }
.naqi-value, .naqi-rate { min-inline-size: 2.6em; text-align: center; font-variant-numeric: tabular-nums; }
.naqi-colors { display: inline-flex; gap: 4px; }
.naqi-color { inline-size: 36px; block-size: 32px; padding: 0; border: 1px solid var(--naqi-rule); border-radius: 6px; background: transparent; }
.naqi-swatch {
display: inline-block;
inline-size: 12px;
block-size: 12px;
border-radius: 50%;
border: 1px solid #888;
margin-inline-end: 5px;
vertical-align: -1px;
}
.naqi-swatch[data-value="light"] { background: #fbfaf8; }
.naqi-swatch[data-value="sepia"] { background: #f4ecd8; }
.naqi-swatch[data-value="dark"] { background: #1a1b1e; }
.naqi-swatch[data-value="custom"] { background: linear-gradient(135deg, var(--naqi-custom-bg) 50%, var(--naqi-custom-fg) 50%); }
.naqi-speech-controls { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; }
.naqi-voice { font: inherit; font-size: 13px; max-inline-size: 14em; min-block-size: 32px; color: inherit; background: var(--naqi-bg); border: 1px solid var(--naqi-rule); border-radius: 6px; }
.naqi-speech-message { margin: 0; color: var(--naqi-fg); }
.naqi-speech-message:empty { display: none; }
.naqi-progress { block-size: 3px; position: absolute; inset-inline: 0; inset-block-end: -1px; }
.naqi-progress-fill { display: block; block-size: 100%; background: var(--naqi-accent); transform: scaleX(var(--naqi-progress, 0)); transform-origin: left; }
.naqi[dir="rtl"] .naqi-progress-fill { transform-origin: right; }
@media (prefers-reduced-motion: no-preference) { .naqi-flash { animation: naqi-flash 1.2s ease-out; } }
@keyframes naqi-flash { from { background: var(--naqi-chip); } }

/* Page */
.naqi-page:focus { outline: none; }
.naqi-page {
max-inline-size: var(--naqi-measure);
margin-inline: auto;
padding-block: 32px 64px;
padding-inline: 20px;
font-size: var(--naqi-size);
}
.naqi-head, .naqi-article { font-family: var(--naqi-body-font); line-height: var(--naqi-line); word-spacing: var(--naqi-words); }
/* Arabic-script faces draw smaller than Latin ones at the same size. */
.naqi-page[dir="rtl"] .naqi-article { font-size: 1.08em; }
.naqi[data-align="justify"] .naqi-article :is(p, li, blockquote) { text-align: justify; }
.naqi-article ol { list-style-type: var(--naqi-list); }
/* Nastaliq slopes down each word: headings need as much room between lines as the body. */
.naqi[data-face="nastaliq"] .naqi-title, .naqi[data-face="nastaliq"] .naqi-article :is(h1, h2, h3, h4) { line-height: 2; }
/* Header items keep their own direction (dir=auto) and line up with the article's side. */
.naqi-page[dir="rtl"] .naqi-head > * { text-align: right; }
.naqi-page[dir="ltr"] .naqi-head > * { text-align: left; }
.naqi-meta { justify-content: flex-start; }
.naqi-speaking { background: color-mix(in srgb, var(--naqi-accent) 14%, transparent); border-radius: 4px; box-shadow: 0 0 0 4px color-mix(in srgb, var(--naqi-accent) 14%, transparent); }
.naqi-spot {
margin-block: 0 1.1em;
padding: 0.5em 0.8em;
border: 1px dashed var(--naqi-accent);
border-radius: 6px;
}
.naqi-spot:focus { outline: 2px solid var(--naqi-accent); }
.naqi-spot-tag { margin: 0 0 0.3em !important; font-family: var(--naqi-ui-font); font-size: 13px; color: var(--naqi-accent); }
.naqi-spot-preview { margin: 0 !important; color: var(--naqi-muted); }
.naqi-spot-body p { margin-block: 0 0.5em !important; }
.naqi-spot-body p:last-child { margin-block-end: 0 !important; }

.naqi-site {
margin: 0 0 0.4em;
color: var(--naqi-muted);
font-family: var(--naqi-ui-font);
font-size: 0.7em;
letter-spacing: 0.02em;
}
.naqi-title { margin: 0 0 0.5em; font-size: 1.7em; line-height: 1.3; font-weight: 700; text-wrap: balance; }
.naqi-meta {
display: flex;
flex-wrap: wrap;
gap: 0.25em 1.2em;
margin: 0 0 1.4em;
padding-block-end: 1em;
border-block-end: 1px solid var(--naqi-rule);
color: var(--naqi-muted);
font-family: var(--naqi-ui-font);
font-size: 0.72em;
}
.naqi-lead { margin: 0 0 1.5em; }
.naqi-lead img, .naqi-article img, .naqi-article video {
display: block;
max-inline-size: 100%;
block-size: auto;
margin-inline: auto;
border-radius: 4px;
}

/* Article body */
.naqi-article { text-align: start; overflow-wrap: break-word; hyphens: auto; }
.naqi-article p, .naqi-article ul, .naqi-article ol, .naqi-article blockquote,
.naqi-article figure, .naqi-article pre, .naqi-article table { margin-block: 0 1.1em; margin-inline: 0; }
.naqi-article h1, .naqi-article h2, .naqi-article h3, .naqi-article h4, .naqi-article h5, .naqi-article h6 {
line-height: 1.4;
margin-block: 1.4em 0.6em;
}
.naqi-article h1 { font-size: 1.4em; }
.naqi-article h2 { font-size: 1.25em; }
.naqi-article h3 { font-size: 1.1em; }
.naqi-article h4, .naqi-article h5, .naqi-article h6 { font-size: 1em; }
.naqi-article ul, .naqi-article ol { padding-inline-start: 1.4em; }
.naqi-article li { margin-block-end: 0.35em; }
.naqi-article a { color: var(--naqi-accent); text-decoration-thickness: 1px; text-underline-offset: 0.2em; }
.naqi-article blockquote {
padding-inline-start: 1em;
border-inline-start: 3px solid var(--naqi-rule);
color: var(--naqi-muted);
}
.naqi-article figcaption, .naqi-lead figcaption {
margin-block-start: 0.4em;
color: var(--naqi-muted);
font-family: var(--naqi-ui-font);
font-size: 0.72em;
text-align: center;
}
.naqi-article pre, .naqi-article code {
font-family: ui-monospace, "DejaVu Sans Mono", monospace;
font-size: 0.85em;
direction: ltr;
unicode-bidi: isolate;
}
.naqi-article pre { overflow-x: auto; padding: 0.8em; background: var(--naqi-chip); border-radius: 4px; }
.naqi-article table { border-collapse: collapse; display: block; overflow-x: auto; font-size: 0.85em; }
.naqi-article th, .naqi-article td { border: 1px solid var(--naqi-rule); padding-block: 0.3em; padding-inline: 0.6em; text-align: start; }
.naqi-article hr { border: 0; border-block-start: 1px solid var(--naqi-rule); margin-block: 2em; }

/* Removed blocks */
.naqi-removed {
margin-block-start: 3em;
padding: 0.6em 1em;
border: 1px solid var(--naqi-rule);
border-radius: 8px;
font-family: var(--naqi-ui-font);
font-size: 14px;
line-height: 1.6;
}
.naqi-removed summary { cursor: pointer; color: var(--naqi-muted); font-weight: 600; }
.naqi-removed ol { list-style: none; margin: 0.6em 0 0; padding: 0; }
.naqi-removed li { padding-block: 0.5em; border-block-start: 1px solid var(--naqi-rule); }
.naqi-kind {
display: inline-block;
padding-inline: 0.5em;
margin-inline-end: 0.5em;
border-radius: 4px;
background: var(--naqi-chip);
font-size: 12px;
}
.naqi-label { font-weight: 600; }
.naqi-preview { display: block; margin-block-start: 0.2em; color: var(--naqi-muted); }
.naqi-removed-actions { display: flex; flex-wrap: wrap; gap: 6px; margin-block-start: 0.3em; }
.naqi-removed-actions button { border-color: var(--naqi-rule); min-block-size: 30px; font-size: 13px; }

@media print {
  :host { block-size: auto !important; max-block-size: none !important; overflow: visible !important; }
  .naqi-frame { position: absolute; block-size: auto; overflow: visible; }
  .naqi { --naqi-bg: #fff; --naqi-fg: #000; --naqi-muted: #444; --naqi-accent: #000; }
  .naqi-top, .naqi-toolbar, .naqi-removed, .naqi-spot:not([data-state="restored"]) { display: none !important; }
  .naqi-page { max-inline-size: none; padding: 0; }
}
`;

// Elements and attributes that must never reach the view, even if the

function applyStyles(shadow, doc) {
  const win = doc.defaultView || globalThis;
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
    return;
  } catch {
    // constructed sheets unavailable (or blocked across extension worlds)
  }
  shadow.append(el(doc, "style", {}, CSS));
}
