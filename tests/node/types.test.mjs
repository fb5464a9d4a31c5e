// The published types: a strict TypeScript consumer of `naqi` and `naqi/web` must compile, and
// nothing in the API may be `any` (each `@ts-expect-error` below fails the build if it is).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import test from "node:test";

import { consumer, repo } from "./support.mjs";

const tsc = process.env.NAQI_TSC ?? path.join(repo, "node_modules", ".bin", "tsc");

const CONSUMER_TS = `
import {
  extract, extractDocument, isProbablyReadable,
  type Article, type Direction, type DocumentLike, type ErrorCode, type ExtractOptions, type NaqiError,
  type Options, type ReadingTime, type Removal, type RemovalKind, type RemovalRule, type RemovalStage,
} from "naqi";
import init, { initSync, extract as extractWeb, type InitInput } from "naqi/web";
import {
  closeReader, DEFAULT_PREFS, openReader, renderArticle, UI_LANGS,
  type ReaderHandle, type ReaderOptions, type ReaderPrefs,
} from "naqi/reader";

type IsAny<T> = 0 extends 1 & T ? true : false;
type NotAny<T> = IsAny<T> extends true ? false : true;
type Assert<T extends true> = T;
type NoAnyField<T> = false extends { [K in keyof T]-?: NotAny<T[K]> }[keyof T] ? false : true;
type NoAnyIn<F extends (...args: never[]) => unknown> =
  NotAny<ReturnType<F>> extends true
    ? (false extends { [K in keyof Parameters<F>]-?: NotAny<Parameters<F>[K]> }[number] ? false : true)
    : false;

export type Checks = [
  Assert<NoAnyIn<typeof extract>>,
  Assert<NoAnyIn<typeof extractDocument>>,
  Assert<NoAnyIn<typeof isProbablyReadable>>,
  Assert<NoAnyIn<typeof extractWeb>>,
  Assert<NoAnyIn<typeof init>>,
  Assert<NoAnyIn<typeof initSync>>,
  Assert<NotAny<NonNullable<Parameters<typeof extract>[1]>>>,
  Assert<NoAnyField<Article>>,
  Assert<NoAnyField<Options>>,
  Assert<NoAnyField<ExtractOptions>>,
  Assert<NoAnyField<Removal>>,
  Assert<NoAnyField<ReadingTime>>,
  Assert<NoAnyField<NaqiError>>,
  Assert<NoAnyField<DocumentLike>>,
  Assert<NotAny<Direction>>,
  Assert<NotAny<RemovalKind>>,
  Assert<NotAny<RemovalRule>>,
  Assert<NotAny<RemovalStage>>,
  Assert<NotAny<ErrorCode>>,
  Assert<NotAny<InitInput>>,
  Assert<NoAnyIn<typeof openReader>>,
  Assert<NoAnyIn<typeof closeReader>>,
  Assert<NoAnyIn<typeof renderArticle>>,
  Assert<NoAnyField<ReaderPrefs>>,
  Assert<NoAnyField<ReaderOptions>>,
  Assert<NoAnyField<ReaderHandle>>,
];

export function reader(article: Article, container: HTMLElement): boolean {
  const options: ReaderOptions = {
    prefs: { theme: "sepia", fontSize: 22 },
    uiLang: "ar",
    fonts: "/node_modules/naqi/fonts/",
    onPrefsChange: (prefs: ReaderPrefs) => void prefs.fontSize,
    onClose: () => {},
  };
  const open: ReaderHandle = openReader(article, options);
  open.setPrefs({ theme: "dark" });
  const inline: ReaderHandle = renderArticle(article, container);
  inline.unmount();
  renderArticle({ title: "t", contentHtml: "<p>x</p>", dir: "ltr" }, container);
  // @ts-expect-error: not a theme
  open.setPrefs({ theme: "blue" });
  // @ts-expect-error: an article needs at least title, contentHtml and dir
  openReader({ title: "t" });
  // @ts-expect-error: not a language of the view's interface
  openReader(article, { uiLang: "de" });
  const lang: "ar" | "en" | "fa" | "ur" | undefined = UI_LANGS[0];
  return closeReader() && DEFAULT_PREFS.tashkeel && lang !== undefined;
}

export function use(html: string): string {
  const options: Options = { url: "https://example.com/a", removeRelated: true, extraLabels: ["x"] };
  const article: Article = extract(html, options);
  const plain: Article = extract(html);
  const dir: "rtl" | "ltr" = article.dir;
  const minutes: number = article.readingTime.minMinutes + plain.wordCount;
  const kinds: RemovalKind[] = article.removed.map((r) => r.kind);
  const rules: RemovalRule[] = article.removed.map((r) => r.rule);
  const stages: RemovalStage[] = article.removed.map((r) => r.stage);
  const hidden: RemovalRule = "hidden-element";
  // @ts-expect-error: a rule is one of the names generated from the Rust enum, not any string
  const noRule: RemovalRule = "no-such-rule";
  const label: string | undefined = article.removed[0]?.label;
  const byline: string | undefined = article.byline;
  try {
    extract("");
  } catch (error) {
    const code: ErrorCode = (error as NaqiError).code;
    return code;
  }
  // @ts-expect-error: a misspelled option is an error
  extract(html, { removeRelatd: true });
  // @ts-expect-error: an option of the wrong type is an error
  extract(html, { maxElements: "many" });
  // @ts-expect-error: a field that does not exist is an error
  void article.titel;
  // @ts-expect-error: dir is "rtl" | "ltr", not any string
  const wrong: "up" = article.dir;
  // @ts-expect-error: isProbablyReadable takes a string
  isProbablyReadable(42);
  const live: Article = extractDocument(document);
  return [dir, minutes, kinds, rules, stages, hidden, noRule, label, byline, wrong, live.title].join();
}
`;

/** Writes `source` and a strict tsconfig into a folder of the consumer project; runs tsc. */
function typecheck(
  name,
  source,
  { module = "nodenext", moduleResolution = "nodenext", lib = ["es2022", "dom"] } = {},
) {
  const dir = path.join(consumer, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "consumer.ts"), source);
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        target: "es2022",
        lib,
        types: [],
        module,
        moduleResolution,
      },
      files: ["consumer.ts"],
    }),
  );
  return spawnSync(tsc, ["-p", dir], { encoding: "utf8" });
}

test("tsc --noEmit: a strict consumer compiles and no export is any (nodenext resolution)", () => {
  const run = typecheck("ts-nodenext", CONSUMER_TS);
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

test("tsc --noEmit: the same consumer under bundler resolution", () => {
  const run = typecheck("ts-bundler", CONSUMER_TS, {
    module: "esnext",
    moduleResolution: "bundler",
  });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

test("tsc --noEmit: a Node project without the DOM library can use `naqi`", () => {
  const source = `import { extract, type Article } from "naqi";
export const article: Article = extract("<p>x</p>", { url: "https://example.com/" });
`;
  const run = typecheck("ts-no-dom", source, { lib: ["es2022"] });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

test("the type check can fail: a wrong use is reported", () => {
  const source =
    'import { extract } from "naqi";\nexport const n: number = extract("<p>x</p>").title;\n';
  const run = typecheck("ts-wrong", source);
  assert.notEqual(run.status, 0);
  assert.match(run.stdout, /TS2322/);
});
