// The `naqi/web` entry under Node: explicit initialisation from the `.wasm` bytes.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import test from "node:test";

import init, { extract, initSync, isProbablyReadable } from "naqi/web";
import { SIMPLE_PAGE, SIMPLE_PARAGRAPH } from "./support.mjs";

test("calls before init throw NOT_INITIALIZED", () => {
  assert.equal(typeof init, "function");
  assert.throws(() => extract(SIMPLE_PAGE), (error) => {
    assert.ok(error instanceof Error);
    assert.equal(error.code, "NOT_INITIALIZED");
    return true;
  });
});

test("initSync with the package's .wasm bytes, then extract", () => {
  const wasm = fileURLToPath(import.meta.resolve("naqi/naqi_bg.wasm"));
  initSync({ module: readFileSync(wasm) });
  assert.ok(extract(SIMPLE_PAGE).text.includes(SIMPLE_PARAGRAPH));
  assert.equal(isProbablyReadable(SIMPLE_PAGE), true);
});
