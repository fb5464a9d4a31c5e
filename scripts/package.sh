#!/usr/bin/env bash
# Builds the npm package from two builds of the Rust crate for wasm32 (profile wasm-release):
#   browser  features `wasm`        no HTML parser, no URL tables: the web entry, www/ and the
#                                   extension (HTML text goes through the browser's DOMParser)
#   full     features `wasm,html`   html5ever included: the Node entry, and the web entry where
#                                   there is no DOMParser (workers), loaded on demand
# then wasm-bindgen (web glue for both, nodejs glue for the full build; the full build's web and
# nodejs glue must emit the same .wasm), npm binaryen's `wasm-opt -Oz` on each, a smoke test of
# the optimized modules in Node, then
#   dist/pkg/              the unpacked package (www/ and extension/ copy the web build from here)
#   dist/naqi-<version>.tgz
# and prints both .wasm sizes, raw and gzipped, against their budgets (tests/node asserts the
# budgets, so an oversized build still leaves a package for www/ and extension/ to use).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
bash scripts/setup.sh
# npm's wasm-opt first: Debian's writes broken modules.
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

META=$(cargo metadata --no-deps --format-version 1)
TARGET_DIR=$(node -pe 'JSON.parse(process.argv[1]).target_directory' "$META")
VERSION=$(node -pe 'JSON.parse(process.argv[1]).packages.find(p => p.name === "naqi").version' "$META")
WASM_OPT_FEATURES=(--enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int
  --enable-reference-types --enable-sign-ext --enable-multivalue)

BUILD=dist/build
PKG=dist/pkg
rm -rf "$BUILD" "$PKG"
mkdir -p "$BUILD" "$PKG/wasm/full"

OUT_WASM="$TARGET_DIR/wasm32-unknown-unknown/wasm-release/naqi.wasm"
for build in browser full; do
  features=wasm
  # The browser build's own code is optimized for size too, to stay within its 150 KB budget
  # (docs/decisions.md has the numbers); the full build keeps opt-level 2 for naqi's code.
  naqi_opt=2
  [ "$build" = browser ] && naqi_opt='"z"'
  [ "$build" = full ] && features=wasm,html
  echo "package: cargo build (wasm32, wasm-release, $build: --features $features)"
  cargo build --lib --target wasm32-unknown-unknown --profile wasm-release \
    --config "profile.wasm-release.package.naqi.opt-level=$naqi_opt" \
    --no-default-features --features "$features"
  cp "$OUT_WASM" "$BUILD/naqi-$build.wasm"
done

echo "package: wasm-bindgen (browser: web; full: web, nodejs)"
mkdir -p "$BUILD/browser" "$BUILD/full"
cp "$BUILD/naqi-browser.wasm" "$BUILD/browser/naqi.wasm"
cp "$BUILD/naqi-full.wasm" "$BUILD/full/naqi.wasm"
wasm-bindgen "$BUILD/browser/naqi.wasm" --target web --out-dir "$BUILD/browser/web" \
  --experimental-reset-state-function
for target in web nodejs; do
  wasm-bindgen "$BUILD/full/naqi.wasm" --target "$target" --out-dir "$BUILD/full/$target" \
    --experimental-reset-state-function
done
if ! cmp -s "$BUILD/full/web/naqi_bg.wasm" "$BUILD/full/nodejs/naqi_bg.wasm"; then
  echo "package: the full build's web and nodejs glue emitted different .wasm files; one copy cannot serve both" >&2
  exit 1
fi

echo "package: wasm-opt -Oz ($(wasm-opt --version))"
wasm-opt -Oz "${WASM_OPT_FEATURES[@]}" "$BUILD/browser/web/naqi_bg.wasm" -o "$PKG/wasm/naqi_bg.wasm"
wasm-opt -Oz "${WASM_OPT_FEATURES[@]}" "$BUILD/full/web/naqi_bg.wasm" -o "$PKG/wasm/full/naqi_bg.wasm"

cp "$BUILD/browser/web/naqi.js" "$BUILD/browser/web/naqi.d.ts" "$PKG/wasm/"
cp "$BUILD/full/web/naqi.js" "$BUILD/full/web/naqi.d.ts" "$PKG/wasm/full/"
cp "$BUILD/full/nodejs/naqi.js" "$PKG/wasm/full/naqi_node.cjs"
cp "$BUILD/full/nodejs/naqi.d.ts" "$PKG/wasm/full/naqi_node.d.cts"
cp npm/index.js npm/index.d.ts npm/node.js npm/web.js npm/web.d.ts npm/recover.js npm/error.js npm/bytes.js \
  npm/tree.js npm/html.js npm/README.md "$PKG/"
# encodeDocument's lists are the Rust core's (naqi::facts), written in place of its placeholder.
FACTS=$(cargo run --quiet --example js_facts)
node -e '
  const fs = require("fs");
  const [file, facts] = process.argv.slice(1);
  const source = fs.readFileSync(file, "utf8");
  const placeholder = "/* naqi:facts */ null";
  if (source.split(placeholder).length !== 2) {
    console.error(`package: ${file} must hold the placeholder ${placeholder} exactly once`);
    process.exit(1);
  }
  JSON.parse(facts);
  fs.writeFileSync(file, source.replace(placeholder, facts));
' "$PKG/tree.js" "$FACTS"
cp LICENSE "$PKG/"
# naqi/reader: the reading view as an ES module (the same reader/src/ files as the extension's),
# its types, and the bundled fonts it can load (woff2 subsets with their OFL licences).
node reader/build.mjs --module "$PKG/reader.js"
cp npm/reader.d.ts "$PKG/"
node reader/fonts.mjs "$PKG/fonts"
node -e '
  const fs = require("fs");
  const pkg = JSON.parse(fs.readFileSync("npm/package.json", "utf8"));
  pkg.version = process.argv[1];
  fs.writeFileSync(process.argv[2], JSON.stringify(pkg, null, 2) + "\n");
' "$VERSION" "$PKG/package.json"

# A broken wasm-opt does not fail the build, so run a real extraction with the optimized module,
# through both the Node entry and the web build.
echo "package: smoke test of the optimized module"
node --input-type=module - "$ROOT/$PKG" <<'EOF'
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const dir = process.argv[2];
const html = `<!doctype html><html lang="ar" dir="rtl"><head><title>خبر للتجربة</title></head>
<body><article><h1>خبر للتجربة</h1>
<p>افتتحت المكتبة العامة في المدينة صباح اليوم قاعة جديدة للقراءة مخصصة للأطفال واليافعين، تضم أكثر من ثلاثة آلاف كتاب مصور وقصة قصيرة، إلى جانب ركن للألعاب التعليمية وآخر للرسم.</p>
<p>وهذه فقرة ثانية من المقال نفسه، تقول فيها مديرة المكتبة إن القاعة ستفتح أبوابها كل يوم من التاسعة صباحاً حتى السادسة مساءً، وإن الدخول إليها مجاني لجميع الأعمار.</p>
<p>وأضافت أن فكرة القاعة جاءت من اقتراحات الأهالي الذين طالبوا بمكان هادئ وآمن يقضي فيه أبناؤهم وقت الفراغ بعد المدرسة، وأن متطوعين سيساعدون الصغار في اختيار الكتب.</p>
</article></body></html>`;
const node = await import(pathToFileURL(`${dir}/node.js`));
const web = await import(pathToFileURL(`${dir}/web.js`));
web.initSync({ module: readFileSync(`${dir}/wasm/naqi_bg.wasm`) });
// Node has no DOMParser: the browser build reads a tree, and extract(html) needs the full build.
const paragraphs = [...html.matchAll(/<p>([^<]*)<\/p>/g)].map((m) => m[1]);
const tree = ["naqi-tree/1", "<html", "<body", "<article",
  ...paragraphs.flatMap((p) => ["<p", "#" + p, ">"]), ">", ">", ">"].join("\0");
assert.match(web.extractTree(tree).text, /فقرة ثانية/);
await web.loadFull({ module_or_path: readFileSync(`${dir}/wasm/full/naqi_bg.wasm`) });
for (const entry of [node, web]) {
  const article = entry.extract(html);
  assert.match(article.text, /فقرة ثانية/);
  assert.equal(typeof article.wordCount, "number");
  assert.throws(() => entry.extract(""), (e) => e instanceof Error && e.code === "EMPTY_INPUT");
}
console.log("package: smoke test passed (browser and full builds, node and web entries)");
EOF

# Budgets, in KB of gzip -9; tests/node/node.test.mjs asserts the same numbers.
report() {
  local name=$1 raw=$2 opt=$3 budget=$4
  local raw_size opt_size gzip_size
  raw_size=$(stat -c %s "$raw")
  opt_size=$(stat -c %s "$opt")
  gzip_size=$(gzip -9 -c "$opt" | wc -c)
  echo "package: $name $((raw_size / 1024)) KB before wasm-opt, $((opt_size / 1024)) KB after," \
    "$((gzip_size / 1024)) KB gzipped (budget $budget KB)"
}
report "browser build wasm/naqi_bg.wasm:" "$BUILD/browser/web/naqi_bg.wasm" "$PKG/wasm/naqi_bg.wasm" 150
report "full build wasm/full/naqi_bg.wasm:" "$BUILD/full/web/naqi_bg.wasm" "$PKG/wasm/full/naqi_bg.wasm" 360

npm pack "./$PKG" --pack-destination dist --silent >/dev/null
ls -l "dist/naqi-$VERSION.tgz"
echo "package: web build for www/ and extension/: $PKG/web.js (init, extract, ...), $PKG/wasm/naqi.js, $PKG/wasm/naqi_bg.wasm"
