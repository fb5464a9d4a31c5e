#!/usr/bin/env bash
# Builds the browser extension (one Manifest V3 build for Chrome and Firefox):
#   dist/extension/                 the unpacked extension (load it as "unpacked" / temporary add-on)
#   dist/naqi-extension-<version>.zip
# from extension/, the shared reading view (reader/reader.js, built from reader/src/ by
# reader/build.mjs) and the web build of the Wasm
# package that `make package` leaves in dist/pkg/ (web.js, recover.js, error.js, bytes.js, tree.js, html.js, wasm/naqi.js,
# wasm/naqi_bg.wasm). The icons are drawn here by extension/icons/draw.mjs. The manifest's
# version is set to the crate's.
set -euo pipefail
cd "$(dirname "$0")/.."

PKG=dist/pkg
OUT=dist/extension
WEB_BUILD=(web.js recover.js error.js bytes.js tree.js html.js wasm/naqi.js wasm/naqi_bg.wasm)

for file in "${WEB_BUILD[@]/#/$PKG/}" reader/build.mjs; do
  if [ ! -f "$file" ]; then
    echo "extension: $file is missing (run make package; reader/ comes from the repository)" >&2
    exit 1
  fi
done

rm -rf "$OUT"
mkdir -p "$OUT/pkg/wasm" "$OUT/reader"
cp -r extension/background.js extension/shared.js extension/content extension/options \
  extension/_locales "$OUT/"
for file in "${WEB_BUILD[@]}"; do cp "$PKG/$file" "$OUT/pkg/$file"; done
node reader/build.mjs "$OUT/reader/reader.js"
node reader/fonts.mjs "$OUT/fonts"
node extension/icons/draw.mjs "$OUT/icons"

VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)
node -e '
  const fs = require("fs");
  const [src, dest, version] = process.argv.slice(1);
  const manifest = JSON.parse(fs.readFileSync(src, "utf8"));
  manifest.version = version.replace(/[-+].*$/, "");
  fs.writeFileSync(dest, JSON.stringify(manifest, null, 2) + "\n");
' extension/manifest.json "$OUT/manifest.json" "$VERSION"

# A reproducible zip: sorted entries, fixed timestamps.
ZIP="dist/naqi-extension-$VERSION.zip"
rm -f dist/naqi-extension-*.zip
python3 - "$OUT" "$ZIP" <<'PY'
import os, sys, zipfile
src, dest = sys.argv[1], sys.argv[2]
files = sorted(
    os.path.relpath(os.path.join(d, f), src)
    for d, _, names in os.walk(src) for f in names
)
with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for name in files:
        info = zipfile.ZipInfo(name.replace(os.sep, "/"), date_time=(2000, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with open(os.path.join(src, name), "rb") as f:
            z.writestr(info, f.read())
PY
ZIP_BYTES=$(stat -c %s "$ZIP")
echo "extension: $OUT ($(find "$OUT" -type f | wc -l) files), $ZIP ($(( ZIP_BYTES / 1024 )) KB; budget 2048 KB)"
if [ "$ZIP_BYTES" -ge $((2 * 1024 * 1024)) ]; then
  echo "extension: the zip is over the 2 MB budget" >&2
  exit 1
fi
