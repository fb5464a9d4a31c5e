// The removed-blocks panel: each block the core took out, named in words, with a way to see
// where it stood in the article and to put it back. Entries of a few words with no label
// (a lone "pdf", a "News:" prefix) are noise and not listed.
// Defines: listedRemovals(), buildRemovedPanel(ctx).

const MIN_PREVIEW_WORDS = 4;
const BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, dd, dt, td, th, pre";
const squash = (text) =>
  String(text || "")
    .replace(/[\s\u200c-\u200f]+/g, " ")
    .trim();
const words = (text) =>
  squash(text)
    .split(" ")
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** The removals worth listing. */
function listedRemovals(removed) {
  return (Array.isArray(removed) ? removed : []).filter(
    (r) => r && (squash(r.label) || words(r.preview) >= MIN_PREVIEW_WORDS),
  );
}

/**
 * Where a removed block stood: its element in the source document and the view element it
 * followed (null: the article's start). Returns null when the source does not have it.
 */
function locate(source, removal, articleEl, originalText) {
  if (!source?.body) return null;
  const head = squash(removal.preview)
    .replace(/[.…]+$/, "")
    .slice(0, 60);
  if (!head) return null;
  const viewBlocks = new Map();
  for (const node of articleEl.querySelectorAll(BLOCKS)) {
    const key = squash(originalText ? originalText(node) : node.textContent);
    if (key && !viewBlocks.has(key)) viewBlocks.set(key, node);
  }
  const isArticleText = (node) => viewBlocks.has(squash(node.textContent));
  // The deepest element holding the preview, grown while its parent adds nothing of the article.
  let block = null;
  for (const node of source.body.querySelectorAll("*")) {
    if (squash(node.textContent).includes(head)) block = node;
  }
  if (!block) return null;
  while (
    block.parentElement &&
    block.parentElement !== source.body &&
    !Array.from(block.parentElement.querySelectorAll(BLOCKS)).some(isArticleText)
  ) {
    block = block.parentElement;
  }
  let after = null;
  for (const node of source.body.querySelectorAll(BLOCKS)) {
    if (!((block.compareDocumentPosition(node) & 2) /* PRECEDING */) || block.contains(node))
      continue;
    const match = viewBlocks.get(squash(node.textContent));
    if (match) after = match;
  }
  return { block, after };
}

/** The removed block's text as paragraphs (text only; no markup of the page is reused). */
function blockParagraphs(doc, block, fallback) {
  const lines = [];
  if (block) {
    const leaves = Array.from(block.querySelectorAll(BLOCKS)).filter(
      (n) => !n.querySelector(BLOCKS),
    );
    for (const node of leaves.length ? leaves : [block]) {
      const text = squash(node.textContent);
      if (text && !lines.includes(text)) lines.push(text);
    }
  }
  if (!lines.length) lines.push(squash(fallback));
  return lines.map((line) => el(doc, "p", { dir: "auto" }, line));
}

function buildRemovedPanel(ctx) {
  const { doc, t, uiLang, uiDir, article, articleEl, source, onTextAdded, originalText } = ctx;
  const listed = listedRemovals(article.removed);
  const panel = el(doc, "details", { class: "naqi-removed", dir: uiDir, lang: uiLang });
  const count = new Intl.NumberFormat(uiLang).format(listed.length);
  panel.append(el(doc, "summary", {}, `${t.removed} (${count})`));
  if (!listed.length) {
    panel.append(el(doc, "p", {}, t.nothingRemoved));
    return panel;
  }
  const list = el(doc, "ol", {});
  const spots = new Map(); // index -> the aside shown in the article
  listed.forEach((r, i) => {
    const item = el(doc, "li", { "data-kind": r.kind, "data-index": i });
    item.append(el(doc, "span", { class: "naqi-kind" }, t.kinds[r.kind] || t.kinds["link-list"]));
    if (r.label) item.append(el(doc, "span", { class: "naqi-label", dir: "auto" }, r.label));
    item.append(el(doc, "span", { class: "naqi-preview", dir: "auto" }, r.preview || ""));
    const actions = el(doc, "span", { class: "naqi-removed-actions" });
    actions.append(
      el(
        doc,
        "button",
        { type: "button", "data-action": "removed-show", "data-index": i },
        t.showPlace,
      ),
      el(
        doc,
        "button",
        {
          type: "button",
          "data-action": "removed-restore",
          "data-index": i,
          "aria-pressed": "false",
        },
        t.putBack,
      ),
    );
    item.append(actions);
    list.append(item);
  });
  panel.append(list);

  const spotFor = (i) => {
    if (spots.has(i)) return spots.get(i);
    const r = listed[i];
    const where = locate(source, r, articleEl, originalText);
    const aside = el(doc, "aside", {
      class: "naqi-spot",
      "data-kind": r.kind,
      "data-state": "shown",
      tabindex: "-1",
      dir: "auto",
    });
    const tag = el(
      doc,
      "p",
      { class: "naqi-spot-tag", dir: uiDir, lang: uiLang },
      t.kinds[r.kind] || t.kinds["link-list"],
    );
    if (!where) tag.append(" — ", t.placeUnknown);
    aside.append(
      tag,
      el(
        doc,
        "p",
        { class: "naqi-spot-preview", dir: "auto" },
        r.label ? `${r.label} ${r.preview}` : r.preview,
      ),
    );
    const body = el(doc, "div", { class: "naqi-spot-body", hidden: "" });
    body.append(...blockParagraphs(doc, where?.block, r.preview));
    aside.append(body);
    if (!where) articleEl.append(aside);
    else if (!where.after) articleEl.prepend(aside);
    else {
      const anchor =
        where.after.closest("ul, ol") && where.after.localName === "li"
          ? where.after.closest("ul, ol")
          : where.after;
      anchor.after(aside);
    }
    if (onTextAdded) onTextAdded(aside);
    spots.set(i, aside);
    return aside;
  };

  return Object.assign(panel, {
    naqiHandle(action, i) {
      const aside = spotFor(i);
      const restoreButton = list.querySelector(
        `button[data-action="removed-restore"][data-index="${i}"]`,
      );
      if (action === "removed-restore") {
        const restore = aside.dataset.state !== "restored";
        aside.dataset.state = restore ? "restored" : "shown";
        aside.querySelector(".naqi-spot-body").hidden = !restore;
        aside.querySelector(".naqi-spot-preview").hidden = restore;
        const tag = aside.querySelector(".naqi-spot-tag");
        tag.dataset.kind = tag.dataset.kind || tag.textContent;
        tag.textContent = restore ? `${tag.dataset.kind} · ${t.restored}` : tag.dataset.kind;
        restoreButton.textContent = restore ? t.takeOut : t.putBack;
        restoreButton.setAttribute("aria-pressed", String(restore));
        if (!restore) {
          aside.hidden = true;
          return;
        }
      }
      aside.hidden = false;
      aside.classList.remove("naqi-flash");
      void aside.offsetWidth;
      aside.classList.add("naqi-flash");
      aside.scrollIntoView({ block: "center", behavior: "instant" });
      aside.focus({ preventScroll: true });
    },
  });
}
