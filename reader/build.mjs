// Builds the reading view from the files in reader/src/, which share one scope (each file's
// header says what it defines). No bundler: the files are concatenated in ORDER.
//
//   node reader/build.mjs OUT.js            the classic script the extension injects and the
//                                           demo page loads: everything inside one function,
//                                           so nothing but `globalThis.NaqiReader` escapes
//   node reader/build.mjs --module OUT.js   the ES module the npm package ships as
//                                           `naqi/reader`: the same files, then module.js
//                                           (openReader, closeReader, renderArticle, exports)
//
// Both are checked: the script must parse, the module must load in Node (no DOM there, so
// nothing may touch the DOM at load) and export what reader.d.ts declares.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const ORDER = [
  "strings",
  "strings-fa-ur",
  "styles",
  "sanitize",
  "helpers",
  "icons",
  "fonts",
  "text",
  "speech",
  "removed",
  "toolbar",
  "isolate",
  "view",
];
const MODULE_EXPORTS = [
  "DEFAULT_PREFS",
  "UI_LANGS",
  "closeReader",
  "mount",
  "openReader",
  "renderArticle",
];
const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const asModule = args[0] === "--module";
const out = asModule ? args[1] : args[0];
if (!out || args.length !== (asModule ? 2 : 1)) {
  console.error("usage: node reader/build.mjs [--module] OUT.js");
  process.exit(2);
}

const read = (name) => readFileSync(path.join(here, "src", `${name}.js`), "utf8").trimEnd();
const indent = (text) => text.replace(/^(?=.)/gm, "  ");
const section = (name, text) => `// ---- reader/src/${name}.js\n${text}\n`;

let output;
if (asModule) {
  const parts = [...ORDER, "module"].map((name) => section(name, read(name)));
  output = `// naqi reading view as an ES module (naqi/reader), built by reader/build.mjs from
// reader/src/ (edit those, not this file). See the package README and reader.d.ts.

${parts.join("\n")}`;
  // A data: URL imports the text as a module without writing it anywhere first.
  const loaded = await import(
    `data:text/javascript;base64,${Buffer.from(output).toString("base64")}`
  );
  const names = Object.keys(loaded).sort();
  if (names.join() !== MODULE_EXPORTS.join()) {
    console.error(
      `reader/build.mjs: the module exports ${names.join(", ")}; expected ${MODULE_EXPORTS.join(", ")}`,
    );
    process.exit(1);
  }
} else {
  const parts = ORDER.map((name) => indent(section(name, read(name))));
  output = `// naqi reading view, built by reader/build.mjs from reader/src/ (edit those, not this file).
// A classic script: NaqiReader.mount(host, article, options); see reader/README.md.
(function () {
  'use strict';

  if (globalThis.NaqiReader) return; // injected twice into the same page

${parts.join("\n")}
  globalThis.NaqiReader = Object.freeze({ mount, DEFAULT_PREFS, UI_LANGS: Object.freeze(UI_LANGS.slice()) });
})();
`;
  new vm.Script(output, { filename: out }); // throws on a syntax error
}
mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
writeFileSync(out, output);
