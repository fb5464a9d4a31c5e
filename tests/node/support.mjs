// Shared by the package tests. They run from inside a throwaway project that installed the
// packed tarball (see scripts/test-node.sh), so `naqi` resolves exactly as it does for users.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The repository root: set by scripts/test-node.sh, or two levels above this file. */
export const repo = process.env.NAQI_REPO ?? fileURLToPath(new URL("../..", import.meta.url));

/** The directory of the throwaway consumer project (where this file was copied). */
export const consumer = path.dirname(fileURLToPath(import.meta.url));

/** `../shared` beside the repository (NAQI_SHARED overrides it). */
export const shared = process.env.NAQI_SHARED ?? path.join(repo, "..", "shared");

const acceptanceDir = path.join(shared, "acceptance");
/** The acceptance page and what a correct extraction returns. */
export const acceptanceHtml = readFileSync(path.join(acceptanceDir, "seed-page.html"), "utf8");
export const acceptance = JSON.parse(
  readFileSync(path.join(acceptanceDir, "seed-page.expected.json"), "utf8"),
);

/** A small article page for plumbing checks that do not depend on extraction quality. */
export const SIMPLE_PAGE = `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر قصير للتجربة</title></head>
<body><article><h1>خبر قصير للتجربة</h1>
<p>افتتحت المكتبة العامة في المدينة صباح اليوم قاعة جديدة للقراءة مخصصة للأطفال واليافعين، تضم أكثر من ثلاثة آلاف كتاب مصور وقصة قصيرة، إلى جانب ركن للألعاب التعليمية وآخر للرسم، وذلك بعد أشهر من أعمال الترميم.</p>
<p>وهذه فقرة ثانية من المقال نفسه، تقول فيها مديرة المكتبة إن القاعة ستفتح أبوابها كل يوم من التاسعة صباحاً حتى السادسة مساءً، وإن الدخول إليها مجاني لجميع الأعمار، مع برنامج أسبوعي لقراءة القصص بصوت عالٍ.</p>
<p>وأضافت أن فكرة القاعة جاءت من اقتراحات الأهالي الذين طالبوا بمكان هادئ وآمن يقضي فيه أبناؤهم وقت الفراغ بعد المدرسة، مشيرة إلى أن متطوعين من طلاب الجامعة سيساعدون الصغار في اختيار الكتب وفي الواجبات المدرسية.</p>
<p>ومن المنتظر أن تستضيف القاعة الشهر المقبل معرضاً لرسوم الأطفال عن الحي القديم، على أن تعرض الأعمال الفائزة في بهو المكتبة طوال فصل الصيف، وتطبع منها بطاقات بريدية يعود ريعها لشراء كتب جديدة.</p>
</article></body></html>`;
export const SIMPLE_PARAGRAPH = "وهذه فقرة ثانية من المقال نفسه";

/** A page with no article at all: a bare list of links. */
export const LINKS_ONLY_PAGE =
  '<html><body><ul><li><a href="/a">أ</a></li><li><a href="/b">ب</a></li></ul></body></html>';

/** Imports a module of the repository by its path from the root. */
export function importFromRepo(relative) {
  return import(pathToFileURL(path.join(repo, relative)).href);
}

/** Whitespace folded to single spaces, as the expectations are compared. */
export function fold(text) {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The acceptance checks on an extracted article, one `t.test` each so that failures are
 * independent: title, direction, every body paragraph, and no text of a removed block.
 * @param {import("node:test").TestContext} t
 * @param {() => Promise<import("naqi").Article> | import("naqi").Article} getArticle
 */
export async function checkAcceptance(t, getArticle) {
  const article = await getArticle();
  await t.test("title", () => assert.equal(article.title, acceptance.title));
  await t.test("dir is rtl", () => assert.equal(article.dir, acceptance.dir));
  await t.test("text holds every article paragraph", () => {
    const text = fold(article.text);
    for (const paragraph of acceptance.paragraphs) {
      assert.ok(text.includes(fold(paragraph)), `missing paragraph: ${paragraph.slice(0, 60)}`);
    }
  });
  await t.test("no read-also, related or other boilerplate text", () => {
    for (const needle of acceptance.must_not_contain) {
      assert.ok(!article.text.includes(needle), `text contains "${needle}"`);
      assert.ok(!article.contentHtml.includes(needle), `contentHtml contains "${needle}"`);
    }
    assert.ok(!article.text.includes("إقرأ أيضاً"));
  });
}

/**
 * The code block that follows `<!-- example: NAME -->` in the installed package's README, as
 * written there (the tests run the README's examples, so a broken one fails them).
 */
export function readmeExample(name) {
  const readme = readFileSync(path.join(consumer, "node_modules", "naqi", "README.md"), "utf8");
  const marker = `<!-- example: ${name} -->`;
  const at = readme.indexOf(marker);
  assert.ok(at >= 0, `the README has no ${marker}`);
  const block = readme.slice(at + marker.length).match(/^\s*```[a-z]*\n([\s\S]*?)\n```/);
  assert.ok(block, `no code block right after ${marker}`);
  return `${block[1]}\n`;
}
