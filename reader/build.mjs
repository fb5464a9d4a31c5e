// Builds the one classic script the extension injects and the demo page loads, from the
// modules in reader/src/. They share one scope: each file's header says what it defines.
// No bundler: the files are concatenated, in ORDER, inside one function so nothing but
// `globalThis.NaqiReader` escapes, and the result is checked to parse.
//
//   node reader/build.mjs OUT.js

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const ORDER = ['strings', 'strings-fa-ur', 'styles', 'sanitize', 'helpers', 'icons', 'fonts', 'text', 'speech', 'removed', 'toolbar', 'isolate', 'view'];
const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node reader/build.mjs OUT.js');
  process.exit(2);
}

const indent = (text) => text.replace(/^(?=.)/gm, '  ');
const parts = ORDER.map((name) => {
  const source = readFileSync(path.join(here, 'src', `${name}.js`), 'utf8');
  return `  // ---- reader/src/${name}.js\n${indent(source.trimEnd())}\n`;
});
const script = `// naqi reading view, built by reader/build.mjs from reader/src/ (edit those, not this file).
// A classic script: NaqiReader.mount(host, article, options); see reader/README.md.
(function () {
  'use strict';

  if (globalThis.NaqiReader) return; // injected twice into the same page

${parts.join('\n')}})();
`;
new vm.Script(script, { filename: out }); // throws on a syntax error
mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
writeFileSync(out, script);
