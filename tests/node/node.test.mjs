// The packed package, installed into an empty project, imported by its name under Node.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import test from "node:test";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import {
  extract,
  extractDocument,
  extractTree,
  isProbablyReadable,
  isProbablyReadableTree,
  NaqiError,
} from "naqi";
import * as naqi from "naqi";
import {
  acceptance,
  acceptanceHtml,
  checkAcceptance,
  consumer,
  LINKS_ONLY_PAGE,
  SIMPLE_PAGE,
  SIMPLE_PARAGRAPH,
} from "./support.mjs";

// The module's deliberate panic is not part of the package's surface: the test reaches it
// through the package's own files, the glue instance the `naqi` entry uses.
const packageFile = (name) => new URL(`./node_modules/naqi/${name}`, `file://${consumer}/`);
const glue = createRequire(import.meta.url)(fileURLToPath(packageFile("wasm/full/naqi_node.cjs")));
const { callGuarded } = await import(packageFile("recover.js").href);
const trap = () => callGuarded(glue, () => true, "__naqiTrapForTests", []);

const isNaqiError = (code) => (error) => {
  assert.ok(error instanceof Error, "an Error object, not a string");
  assert.ok(error instanceof NaqiError, "an instance of the exported NaqiError class");
  assert.equal(error.name, "NaqiError");
  assert.equal(error.code, code);
  assert.equal(typeof error.message, "string");
  assert.ok(error.message.length > 0);
  return true;
};

test("the installed package.json describes an ES module package with typed exports", () => {
  const require = createRequire(import.meta.url);
  const pkg = JSON.parse(readFileSync(require.resolve("naqi/package.json"), "utf8"));
  assert.equal(pkg.name, "naqi");
  assert.match(pkg.version, /^\d+\.\d+\.\d+/);
  for (const field of ["description", "license", "repository", "keywords", "types"]) {
    assert.ok(pkg[field], `package.json has ${field}`);
  }
  assert.equal(pkg.exports["."].types, "./index.d.ts");
  assert.ok(pkg.exports["."].node && pkg.exports["."].default);
  assert.ok(pkg.exports["./web"].types && pkg.exports["./web"].default);
});

// The budgets scripts/package.sh prints: the browser build (web entry, www/, the extension)
// has no HTML parser and no URL tables; the full build (Node entry, workers) has html5ever.
for (const [name, file, budget] of [
  ["browser", "naqi/naqi_bg.wasm", 150],
  ["full", "naqi/full.wasm", 360],
]) {
  test(`the ${name} build's .wasm is at most ${budget} KB gzipped`, () => {
    const wasm = readFileSync(fileURLToPath(import.meta.resolve(file)));
    const gzipped = gzipSync(wasm, { level: 9 }).length;
    assert.ok(gzipped <= budget * 1024, `${(gzipped / 1024).toFixed(1)} KB gzipped`);
  });
}

test("a page at a Unicode host name resolves its relative links and images", () => {
  const page = SIMPLE_PAGE.replace(
    "</article>",
    "<p>وقالت مديرة المكتبة إن التفاصيل الكاملة عن مواعيد القاعة وبرنامجها الأسبوعي منشورة في " +
      '<a href="تفاصيل?id=1">صفحة الخبر</a> على موقع البلدية، إلى جانب صور من حفل الافتتاح ' +
      'الذي حضره عدد كبير من الأهالي والأطفال <img src="/صور/1.jpg" alt="صورة"> من أحياء المدينة.</p></article>',
  ).replace("<head>", '<head><link rel="canonical" href="/خبر">');
  const article = extract(page, { url: "https://موقع.مصر/أخبار/خبر" });
  const host = "https://xn--4gbrim.xn--wgbh1c";
  const path = (s) => encodeURI(s);
  assert.ok(
    article.contentHtml.includes(`href="${host}${path("/أخبار/تفاصيل")}?id=1"`),
    article.contentHtml,
  );
  assert.ok(
    article.contentHtml.includes(`src="${host}${path("/صور/1.jpg")}"`),
    article.contentHtml,
  );
  assert.equal(article.canonicalUrl, `${host}${path("/خبر")}`);
  assert.ok(article.markdown.includes(`(${host}${path("/أخبار/تفاصيل")}?id=1)`), article.markdown);
});

test("extract returns a typed plain article for a simple page", () => {
  const article = extract(SIMPLE_PAGE);
  assert.equal(article.title, "خبر قصير للتجربة");
  assert.ok(article.text.includes(SIMPLE_PARAGRAPH));
  assert.ok(article.contentHtml.includes(SIMPLE_PARAGRAPH));
  assert.equal(typeof article.markdown, "string");
  assert.ok(Number.isInteger(article.wordCount) && article.wordCount > 0);
  assert.ok(Number.isInteger(article.readingTime.minMinutes));
  assert.ok(Array.isArray(article.removed));
  assert.ok(["rtl", "ltr"].includes(article.dir));
});

test("options are read: a relative url is refused, a known one is accepted", () => {
  assert.throws(() => extract(SIMPLE_PAGE, { url: "not a url" }), isNaqiError("INVALID_OPTIONS"));
  assert.throws(
    () => extract(SIMPLE_PAGE, { maxElements: "many" }),
    isNaqiError("INVALID_OPTIONS"),
  );
  assert.throws(() => extract(SIMPLE_PAGE, { maxInputBytes: 0 }), isNaqiError("INVALID_OPTIONS"));
  assert.ok(
    extract(SIMPLE_PAGE, { url: "https://example.com/news/1" }).text.includes(SIMPLE_PARAGRAPH),
  );
  assert.ok(extract(SIMPLE_PAGE, null).text.includes(SIMPLE_PARAGRAPH));
});

test("errors are Error objects with a stable code", () => {
  assert.throws(() => extract(""), isNaqiError("EMPTY_INPUT"));
  assert.throws(() => extract("   \n "), isNaqiError("EMPTY_INPUT"));
  assert.throws(() => extract(SIMPLE_PAGE, { maxInputBytes: 100 }), isNaqiError("INPUT_TOO_LARGE"));
});

test("inputs that are not strings are INVALID_INPUT errors, and the module keeps working", () => {
  for (const value of [42, {}, true, undefined, null, [], 1n]) {
    for (const call of [extract, extractTree, isProbablyReadable, isProbablyReadableTree]) {
      assert.throws(
        () => call(value),
        isNaqiError("INVALID_INPUT"),
        `${call.name}(${typeof value})`,
      );
    }
  }
  for (const value of [42, "text", undefined, null]) {
    assert.throws(() => extractDocument(value), isNaqiError("INVALID_INPUT"));
  }
  assert.ok(extract(SIMPLE_PAGE).text.includes(SIMPLE_PARAGRAPH));
});

test("a spent time budget is a TIMEOUT error; no budget is allowed", () => {
  const big = SIMPLE_PAGE.replace(SIMPLE_PARAGRAPH, `${SIMPLE_PARAGRAPH} `.repeat(20000));
  assert.throws(() => extract(big, { timeBudgetMs: 1 }), isNaqiError("TIMEOUT"));
  assert.ok(extract(SIMPLE_PAGE, { timeBudgetMs: null }).text.includes(SIMPLE_PARAGRAPH));
  assert.ok(extract(SIMPLE_PAGE, { timeBudgetMs: 0 }).text.includes(SIMPLE_PARAGRAPH));
});

test("no output field carries a refused address", () => {
  const page = `<!doctype html><html><head><title>t</title>
    <link rel="canonical" href="javascript:alert(1)">
    <meta property="og:image" content="data:text/html,<script>alert(1)</script>"></head>
    <body><article><p>${SIMPLE_PARAGRAPH} <a href="livescript:x">l</a>
    <a href="file:///etc/passwd">f</a> <img src="javascript:alert(1)" alt="i"></p>
    <p>${SIMPLE_PARAGRAPH}</p></article></body></html>`;
  const article = extract(page);
  for (const bad of ["javascript", "livescript", "file:", "data:"]) {
    assert.ok(!article.contentHtml.includes(bad), `${bad} in contentHtml`);
    assert.ok(!article.markdown.includes(bad), `${bad} in markdown`);
  }
  assert.equal(article.canonicalUrl, undefined);
  assert.equal(article.leadImage, undefined);
});

test("isProbablyReadable tells an article from a bare link list", () => {
  assert.equal(isProbablyReadable(acceptanceHtml), true);
  assert.equal(isProbablyReadable(SIMPLE_PAGE), true);
  assert.equal(isProbablyReadable(LINKS_ONLY_PAGE), false);
});

test("a panic inside the module is reported and the module keeps working", () => {
  const logged = [];
  const consoleError = console.error;
  console.error = (...args) => logged.push(args.join(" "));
  try {
    assert.throws(
      () => trap(),
      (error) => {
        isNaqiError("PANIC")(error);
        assert.ok(error.cause instanceof WebAssembly.RuntimeError);
        return true;
      },
    );
    assert.ok(extract(SIMPLE_PAGE).text.includes(SIMPLE_PARAGRAPH));
    // The fresh instance has its panic hook again, and recovers again.
    assert.throws(() => trap(), isNaqiError("PANIC"));
  } finally {
    console.error = consoleError;
  }
  const panics = logged.filter(
    (line) => line.startsWith("naqi: panicked at") && line.includes("trap requested by a test"),
  );
  assert.equal(
    panics.length,
    2,
    `the panic messages reach console.error: ${JSON.stringify(logged)}`,
  );
  assert.throws(() => extract(""), isNaqiError("EMPTY_INPUT"));
  assert.equal(isProbablyReadable(SIMPLE_PAGE), true);
});

test(`acceptance page (${acceptance.id}) in Node`, async (t) => {
  await checkAcceptance(t, () => extract(acceptanceHtml));
});

test("the public surface holds no test-only export", () => {
  assert.deepEqual(
    Object.keys(naqi).filter((k) => k.startsWith("_")),
    [],
  );
});

test("bytes: windows-1256 from the HTTP header, the page's meta, or a guess", () => {
  // The page's text in windows-1256, written by the platform's own encoder tables (TextDecoder
  // reads them; Node has no windows-1256 encoder, so the bytes come from decoding all 256 values).
  const table = new TextDecoder("windows-1256").decode(
    Uint8Array.from({ length: 256 }, (_, i) => i),
  );
  const encode = (text) =>
    Uint8Array.from(
      [...text].map((c) => {
        const i = table.indexOf(c);
        assert.ok(i >= 0, `no windows-1256 byte for ${c}`);
        return i;
      }),
    );
  const bare = SIMPLE_PAGE.replace('<meta charset="utf-8">', "");
  const bytes = encode(bare);
  const want = SIMPLE_PARAGRAPH;
  assert.ok(extract(bytes).text.includes(want), "guessed from the letters");
  assert.ok(extract(Buffer.from(bytes)).text.includes(want), "a Node Buffer");
  assert.ok(extract(bytes.buffer).text.includes(want), "an ArrayBuffer");
  const lying = encode(bare.replace("<head>", '<head><meta charset="utf-8">'));
  assert.ok(
    extract(lying, { contentType: "text/html; charset=windows-1256" }).text.includes(want),
    "the HTTP header's charset wins over the page's",
  );
  const declared = encode(
    bare.replace(
      "<head>",
      '<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
    ),
  );
  assert.ok(extract(declared).text.includes(want), "http-equiv");
  const utf8 = new TextEncoder().encode(SIMPLE_PAGE);
  assert.ok(extract(utf8).text.includes(want), "UTF-8 bytes");
  assert.equal(isProbablyReadable(bytes), true);
});

test("wrong input types are NaqiErrors with INVALID_INPUT", () => {
  for (const bad of [42, {}, true, null, undefined, [1, 2]]) {
    assert.throws(() => extract(bad), isNaqiError("INVALID_INPUT"), String(bad));
    assert.throws(() => isProbablyReadable(bad), isNaqiError("INVALID_INPUT"), String(bad));
  }
});
