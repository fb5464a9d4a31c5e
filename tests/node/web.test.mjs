// The `naqi/web` entry under Node: explicit initialisation from the `.wasm` bytes.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import test from "node:test";

import init, { extract, extractTree, initSync, isProbablyReadable, loadFull } from "naqi/web";
import { SIMPLE_PAGE, SIMPLE_PARAGRAPH } from "./support.mjs";

test("calls before init throw NOT_INITIALIZED", () => {
  assert.equal(typeof init, "function");
  assert.throws(
    () => extract(SIMPLE_PAGE),
    (error) => {
      assert.ok(error instanceof Error);
      assert.equal(error.code, "NOT_INITIALIZED");
      return true;
    },
  );
});

test("initSync with the package's .wasm bytes, then extract", async () => {
  const wasm = fileURLToPath(import.meta.resolve("naqi/naqi_bg.wasm"));
  initSync({ module: readFileSync(wasm) });
  // The browser build reads trees; HTML text needs a DOMParser, which Node has not.
  const tree = [
    "naqi-tree/1",
    "<html",
    "<body",
    "<p",
    `#${`${SIMPLE_PARAGRAPH} `.repeat(20)}`,
    ">",
  ].join("\0");
  assert.ok(extractTree(tree).text.includes(SIMPLE_PARAGRAPH));
  assert.throws(
    () => extract(SIMPLE_PAGE),
    (error) => error.code === "NOT_INITIALIZED",
  );
  // Then the full build, as init() loads it where there is no DOMParser.
  const full = fileURLToPath(import.meta.resolve("naqi/full.wasm"));
  await loadFull({ module_or_path: readFileSync(full) });
  assert.ok(extract(SIMPLE_PAGE).text.includes(SIMPLE_PARAGRAPH));
  assert.equal(isProbablyReadable(SIMPLE_PAGE), true);
});
