// Copies the reading view's fonts from the @fontsource npm packages (root devDependencies)
// into OUT_DIR: for each face, the Arabic and Latin woff2 subsets at 400 and 700, named as
// reader/src/fonts.js asks for them, plus each family's licence (SIL OFL 1.1). Checks that
// the packages' unicode ranges are still the ones fonts.js registers.
//
//   node reader/fonts.mjs OUT_DIR

import { copyFileSync, mkdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const here = path.dirname(fileURLToPath(import.meta.url));
const modules = path.join(here, "..", "node_modules", "@fontsource");
const FAMILIES = ["noto-naskh-arabic", "noto-sans-arabic", "noto-nastaliq-urdu", "vazirmatn"];
const SUBSETS = ["arabic", "latin"];
const WEIGHTS = [400, 700];

const out = process.argv[2];
if (!out) {
  console.error("usage: node reader/fonts.mjs OUT_DIR");
  process.exit(2);
}
const source = readFileSync(path.join(here, "src", "fonts.js"), "utf8");
const declaredSubsets = vm.runInNewContext(
  `(${source.match(/const FONT_SUBSETS = (\{[\s\S]*?\n\});/)[1]})`,
);
mkdirSync(out, { recursive: true });
let bytes = 0;
for (const family of FAMILIES) {
  const dir = path.join(modules, family);
  if (!existsSync(dir)) {
    console.error(`fonts: @fontsource/${family} is missing; run npm ci`);
    process.exit(1);
  }
  const ranges = JSON.parse(readFileSync(path.join(dir, "unicode.json"), "utf8"));
  for (const subset of SUBSETS) {
    // fonts.js lists the ranges that matter (the Arabic subset without its rare blocks).
    if (!String(ranges[subset] || "").startsWith(declaredSubsets[subset])) {
      console.error(`fonts: the ${subset} range of ${family} changed; update reader/src/fonts.js`);
      process.exit(1);
    }
    for (const weight of WEIGHTS) {
      const name = `${family}-${subset}-${weight}-normal.woff2`;
      copyFileSync(path.join(dir, "files", name), path.join(out, name));
      bytes += readFileSync(path.join(out, name)).length;
    }
  }
  copyFileSync(path.join(dir, "LICENSE"), path.join(out, `${family}.LICENSE.txt`));
}
console.log(`fonts: ${FAMILIES.length} families into ${out} (${Math.round(bytes / 1024)} KB)`);
