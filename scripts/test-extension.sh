#!/usr/bin/env bash
# Tests the built extension (make extension first; `make test-extension` does both):
#   1. `web-ext lint` on dist/extension must report 0 errors (Firefox's add-on linter, offline);
#   2. tests/browser/extension.test.mjs in headless Chromium with the extension loaded;
#   3. tests/browser/extension-firefox.test.mjs in headless Firefox ESR over Marionette;
#   4. tests/browser/extension-keyboard.test.mjs: the unmodified build in headed Chromium on a
#      virtual X display (xvfb-run), opened by a real Alt+R typed with xdotool.
# Debian's firefox-esr, xvfb and xdotool are installed here when missing (about a minute, once
# per machine). Screenshots go to tests/out/extension/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

MISSING=()
if ! command -v firefox-esr >/dev/null && [ -z "${NAQI_FIREFOX:-}" ]; then MISSING+=(firefox-esr); fi
command -v xvfb-run >/dev/null || MISSING+=(xvfb xauth)
command -v xdotool >/dev/null || MISSING+=(xdotool)
if [ "${#MISSING[@]}" -gt 0 ]; then
  echo "test-extension: installing ${MISSING[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${MISSING[@]}"
fi

if [ ! -f dist/extension/manifest.json ]; then
  echo "test-extension: dist/extension is missing; run make extension" >&2
  exit 1
fi

echo "test-extension: web-ext lint"
LINT=$(web-ext lint --source-dir dist/extension --output json --no-input 2>/dev/null || true)
node -e '
  const report = JSON.parse(process.argv[1]);
  for (const m of [...report.errors, ...report.warnings]) {
    console.log(`  ${m._type}: ${m.code} ${m.file ?? ""}${m.line ? ":" + m.line : ""} ${m.message}`);
  }
  console.log(`test-extension: web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings`);
  if (report.summary.errors !== 0) process.exit(1);
' "$LINT"

echo "test-extension: Chromium (headless, and headed on Xvfb) and Firefox"
xvfb-run -a -s "-screen 0 1280x900x24" \
  node --test --test-concurrency=1 tests/browser/extension*.test.mjs
