#!/usr/bin/env bash
# Builds the npm package: the Rust crate once for wasm32 (profile wasm-release, feature `wasm`),
# wasm-bindgen twice (web and nodejs glue; both emit the same .wasm), npm binaryen's
# `wasm-opt -Oz` once, a smoke test of the optimized module in Node, then
#   dist/pkg/              the unpacked package (www/ and extension/ copy the web build from here)
#   dist/naqi-<version>.tgz
# and prints the gzipped .wasm size against the 400 KB budget (tests/node asserts the budget, so
# an oversized build still leaves a package for www/ and extension/ to use).
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

echo "package: cargo build (wasm32, wasm-release)"
cargo build --lib --target wasm32-unknown-unknown --profile wasm-release \
  --no-default-features --features wasm
RAW="$TARGET_DIR/wasm32-unknown-unknown/wasm-release/naqi.wasm"

BUILD=dist/build
PKG=dist/pkg
rm -rf "$BUILD" "$PKG"
mkdir -p "$BUILD" "$PKG/wasm"

echo "package: wasm-bindgen (web, nodejs)"
for target in web nodejs; do
  wasm-bindgen "$RAW" --target "$target" --out-dir "$BUILD/$target" \
    --experimental-reset-state-function
done
if ! cmp -s "$BUILD/web/naqi_bg.wasm" "$BUILD/nodejs/naqi_bg.wasm"; then
  echo "package: the web and nodejs builds emitted different .wasm files; one copy cannot serve both" >&2
  exit 1
fi

echo "package: wasm-opt -Oz ($(wasm-opt --version))"
wasm-opt -Oz "${WASM_OPT_FEATURES[@]}" "$BUILD/web/naqi_bg.wasm" -o "$PKG/wasm/naqi_bg.wasm"

cp "$BUILD/web/naqi.js" "$BUILD/web/naqi.d.ts" "$PKG/wasm/"
cp "$BUILD/nodejs/naqi.js" "$PKG/wasm/naqi_node.cjs"
cp "$BUILD/nodejs/naqi.d.ts" "$PKG/wasm/naqi_node.d.cts"
cp npm/index.js npm/index.d.ts npm/node.js npm/web.js npm/web.d.ts npm/recover.js npm/error.js npm/bytes.js \
  npm/tree.js npm/README.md "$PKG/"
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
for (const entry of [node, web]) {
  const article = entry.extract(html);
  assert.match(article.text, /فقرة ثانية/);
  assert.equal(typeof article.wordCount, "number");
  assert.throws(() => entry.extract(""), (e) => e instanceof Error && e.code === "EMPTY_INPUT");
}
console.log("package: smoke test passed (node and web builds)");
EOF

RAW_SIZE=$(stat -c %s "$BUILD/web/naqi_bg.wasm")
OPT_SIZE=$(stat -c %s "$PKG/wasm/naqi_bg.wasm")
GZIP_SIZE=$(gzip -9 -c "$PKG/wasm/naqi_bg.wasm" | wc -c)
echo "package: naqi_bg.wasm $((RAW_SIZE / 1024)) KB before wasm-opt, $((OPT_SIZE / 1024)) KB after," \
  "$((GZIP_SIZE / 1024)) KB gzipped (budget 400 KB)"

npm pack "./$PKG" --pack-destination dist --silent >/dev/null
ls -l "dist/naqi-$VERSION.tgz"
echo "package: web build for www/ and extension/: $PKG/web.js (init, extract, ...), $PKG/wasm/naqi.js, $PKG/wasm/naqi_bg.wasm"
