// Hostile markup through the installed package and into a real Chromium page: at least 150
// payloads (scripts, event handlers, dangerous URL schemes in every URL attribute and every
// metadata field, SVG/MathML namespace confusion, mXSS through noscript/template/style,
// <base>, <meta refresh>, srcdoc, DOM clobbering). Every output field must hold only safe URLs,
// and the article's HTML, inserted into a page, must run nothing.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { extract } from "naqi";

import { importFromRepo } from "./support.mjs";

const { launchChromium, startServer } = await importFromRepo("tests/browser/lib.mjs");

/** What a payload runs when it executes: it reports its own number. */
const RUN = (n) => `top.__xss(${n})`;

const SCHEMES = [
  (n) => `javascript:${RUN(n)}`,
  (n) => `JaVaScRiPt:${RUN(n)}`,
  (n) => ` javascript:${RUN(n)}`,
  (n) => `java\tscript:${RUN(n)}`,
  (n) => `&#106;avascript:${RUN(n)}`,
  (n) => `javascript&colon;${RUN(n)}`,
  (n) => `data:text/html,<script>${RUN(n)}</script>`,
  (n) => `vbscript:msgbox(${n})`,
  (n) => `livescript:${RUN(n)}`,
  (n) => `file:///etc/passwd#${n}`,
];

const URL_ATTRIBUTES = [
  (u) => `<a href="${u}">a link in the text</a>`,
  (u) => `<img src="${u}" alt="an image">`,
  (u) => `<img src="/ok.jpg" srcset="${u} 2x" alt="an image">`,
  (u) => `<img data-src="${u}" alt="a lazy image">`,
  (u) => `<iframe src="${u}"></iframe>`,
  (u) => `<form action="${u}"><button>send</button></form>`,
  (u) => `<object data="${u}"></object>`,
  (u) => `<embed src="${u}">`,
  (u) => `<video poster="${u}" src="${u}"></video>`,
  (u) => `<audio><source src="${u}"></audio>`,
  (u) => `<area href="${u}">`,
  (u) => `<blockquote cite="${u}">a quotation</blockquote>`,
  (u) => `<svg><a xlink:href="${u}"><text>svg link</text></a></svg>`,
  (u) => `<math><mi href="${u}">x</mi></math>`,
  (u) => `<link rel="stylesheet" href="${u}">`,
];

const MARKUP = [
  (n) => `<script>${RUN(n)}</script>`,
  (n) => `<SCRIPT SRC="data:text/javascript,${RUN(n)}"></SCRIPT>`,
  (n) => `<img src=x onerror="${RUN(n)}">`,
  (n) => `<svg onload="${RUN(n)}"></svg>`,
  (n) => `<svg><script>${RUN(n)}</script></svg>`,
  (n) => `<body onload="${RUN(n)}">`,
  (n) => `<details open ontoggle="${RUN(n)}"><summary>s</summary></details>`,
  (n) => `<video><source onerror="${RUN(n)}"></video>`,
  (n) => `<input autofocus onfocus="${RUN(n)}">`,
  (n) => `<p onmouseover="${RUN(n)}" style="position:fixed;inset:0">cover</p>`,
  (n) => `<iframe srcdoc="<script>${RUN(n)}</script>"></iframe>`,
  (n) => `<noscript><p title="</noscript><img src=x onerror=${RUN(n)}>"></noscript>`,
  (n) => `<template><img src=x onerror="${RUN(n)}"></template>`,
  (n) => `<style><img src=x onerror="${RUN(n)}"></style>`,
  (n) => `<math><mtext><table><mglyph><style><img src=x onerror="${RUN(n)}">`,
  (n) => `<svg><style><img src=x onerror="${RUN(n)}"></style></svg>`,
  (n) => `<svg></p><style><a id="</style><img src=1 onerror=${RUN(n)}>">`,
  (n) => `<math><style><img src=x onerror="${RUN(n)}"></style></math>`,
  (n) => `<base href="javascript:${RUN(n)}//"><a href="/x">relative</a>`,
  (n) => `<meta http-equiv="refresh" content="0;url=javascript:${RUN(n)}">`,
  (n) => `<form id="__xss"><input name="call" value="${n}"></form>`,
  (n) => `<img name="getElementById" src="/${n}.png">`,
  (n) => `<a id="__xss" href="javascript:${RUN(n)}">clobber</a>`,
  (n) => `<object data="javascript:${RUN(n)}"></object>`,
  (n) => `<embed src="javascript:${RUN(n)}">`,
  (n) => `<a href="javascript:${RUN(n)}" onclick="${RUN(n)}">click</a>`,
  (n) => `<div style="background:url(javascript:${RUN(n)})">styled</div>`,
  (n) => `<img src="x" onerror&#x3D;"${RUN(n)}">`,
  (n) => `<xmp><img src=x onerror="${RUN(n)}"></xmp>`,
  (n) => `<textarea><img src=x onerror="${RUN(n)}"></textarea>`,
  (n) => `<title><img src=x onerror="${RUN(n)}"></title>`,
  (n) => `<svg><foreignObject><img src=x onerror="${RUN(n)}"></foreignObject></svg>`,
  (n) => `<svg><animate onbegin="${RUN(n)}" attributeName="x" dur="1s"></animate></svg>`,
  (n) => `<svg><set attributeName="href" to="javascript:${RUN(n)}"/></svg>`,
  (n) => `<marquee onstart="${RUN(n)}">m</marquee>`,
];

/** Head payloads: every metadata field that carries a URL. */
const HEAD = [
  (u) => `<link rel="canonical" href="${u}">`,
  (u) => `<meta property="og:image" content="${u}">`,
  (u) => `<meta property="og:url" content="${u}">`,
  (u) =>
    `<script type="application/ld+json">{"@type":"NewsArticle","headline":"A title","image":"${u.replace(/"/g, "'")}","author":{"@type":"Person","name":"A","url":"${u.replace(/"/g, "'")}"}}</script>`,
];

const PROSE =
  "The council met on Tuesday to discuss the new library, which will open next spring with " +
  "reading rooms for children and a hall for exhibitions, the mayor said in a statement. ";

function page(head, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A council story</title>${head}</head>
<body><article><h1>A council story</h1><p>${PROSE.repeat(3)}</p>${body}<p>${PROSE.repeat(2)}</p>
<p>${PROSE}</p></article></body></html>`;
}

/** Every payload as a page. */
function payloads() {
  const out = [];
  let n = 0;
  for (const scheme of SCHEMES) {
    for (const attribute of URL_ATTRIBUTES) {
      n += 1;
      out.push({ n, html: page("", `<p>Before ${attribute(scheme(n))} after.</p>`) });
    }
    for (const field of HEAD) {
      n += 1;
      out.push({ n, html: page(field(scheme(n)), "") });
    }
  }
  for (const markup of MARKUP) {
    n += 1;
    out.push({ n, html: page("", `<p>Before</p>${markup(n)}<p>after ${PROSE}</p>`) });
  }
  return out;
}

/** Schemes that may not appear in any URL naqi writes. */
const UNSAFE = /^\s*(javascript|vbscript|livescript|data|file)\s*:/i;

/** Every URL an article holds: its URL fields, its HTML's URL attributes, its Markdown links. */
function urls(article) {
  const found = [];
  for (const field of ["canonicalUrl", "leadImage"]) {
    if (article[field]) found.push([field, article[field]]);
  }
  for (const m of article.contentHtml.matchAll(
    /\s(href|src|srcset|poster|action|cite|data)\s*=\s*"([^"]*)"/gi,
  )) {
    found.push([`contentHtml ${m[1]}`, m[2].replace(/&amp;/g, "&").replace(/&colon;/g, ":")]);
  }
  for (const m of article.markdown.matchAll(/\]\(\s*<?([^)\s>]*)/g)) found.push(["markdown", m[1]]);
  return found;
}

const cases = payloads();

test(`at least 150 payloads (${cases.length})`, () => {
  assert.ok(cases.length >= 150, `only ${cases.length} payloads`);
});

test("no unsafe URL in any field", () => {
  const bad = [];
  for (const { n, html } of cases) {
    let article;
    try {
      article = extract(html, { url: "https://news.example/a/1" });
    } catch (e) {
      assert.ok(e.code, `payload ${n}: an error without a code: ${e}`);
      continue;
    }
    for (const [where, url] of urls(article)) {
      // Only the scheme matters: "https://site/a/javascript&colon;x" is a harmless path.
      if (UNSAFE.test(url)) bad.push(`${n} ${where}: ${url}`);
    }
    if (
      /<\s*(script|iframe|object|embed|style|base|meta|form|svg|math|template)\b/i.test(
        article.contentHtml,
      )
    ) {
      bad.push(`${n} contentHtml holds a forbidden element: ${article.contentHtml.slice(0, 200)}`);
    }
    // Inside a tag: escaped markup in the text ("&lt;img onerror=…&gt;") is only text.
    if (/<[^>]*\son[a-z]+\s*=/i.test(article.contentHtml))
      bad.push(`${n} contentHtml holds an event handler`);
  }
  assert.deepEqual(bad, []);
});

let browser;
let server;
before(async () => {
  const articles = cases.map(({ n, html }) => {
    try {
      const a = extract(html, { url: "https://news.example/a/1" });
      return { n, html: a.contentHtml };
    } catch {
      return { n, html: "" };
    }
  });
  server = await startServer({
    routes: {
      "/": {
        type: "text/html",
        body: `<!doctype html><html><head><meta charset="utf-8"></head><body><div id="out"></div>
<script>
window.__ran = [];
window.__xss = (n) => window.__ran.push(n);
</script></body></html>`,
      },
      "/articles.json": { type: "application/json", body: JSON.stringify(articles) },
    },
  });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("the article HTML runs nothing in Chromium", async () => {
  const page = await browser.newPage();
  await page.goto(server.url("/"));
  const links = await page.evaluate(async () => {
    const articles = await (await fetch("/articles.json")).json();
    const out = document.getElementById("out");
    const hrefs = [];
    for (const { n, html } of articles) {
      const box = document.createElement("section");
      box.dataset.n = n;
      box.innerHTML = html;
      out.append(box);
      for (const el of box.querySelectorAll("[href],[src],[action],[formaction],[poster],[data]")) {
        for (const attr of ["href", "src", "action", "formaction", "poster", "data"]) {
          const v = el.getAttribute(attr);
          if (v) hrefs.push(`${n} ${attr}=${v}`);
        }
      }
    }
    // Give handlers, animations and lazy loads a moment, and hover and click every element.
    for (const el of out.querySelectorAll("*")) {
      el.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
      if (el.tagName !== "A") el.click?.();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    return hrefs;
  });
  const ran = await page.evaluate(() => window.__ran);
  assert.deepEqual(ran, [], `payloads ran: ${ran.join(", ")}`);
  const unsafe = links.filter((l) => /=\s*(javascript|vbscript|livescript|data|file)\s*:/i.test(l));
  assert.deepEqual(unsafe, []);
  await page.close();
});
