#!/usr/bin/env bash
# Tests the built extension (make extension first; `make test-extension` does both):
#   1. `web-ext lint` on dist/extension must report 0 errors (Firefox's add-on linter, offline);
#   2. tests/browser/extension.test.mjs in headless Chromium with the extension loaded;
#   3. tests/browser/extension-firefox.test.mjs in headless Firefox ESR over Marionette
#      (Debian's firefox-esr is installed here if missing: about a minute, once per machine).
# Screenshots go to tests/out/extension/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

if ! command -v firefox-esr >/dev/null && [ -z "${NAQI_FIREFOX:-}" ]; then
  echo "test-extension: installing firefox-esr"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends firefox-esr
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

echo "test-extension: Chromium and Firefox"
node --test --test-concurrency=1 tests/browser/extension*.test.mjs
