#!/usr/bin/env bash
# The demo page in real headless Chromium (Debian /usr/bin/chromium through
# playwright-core): tests/browser/www.test.mjs against dist/www (make www).
# Screenshots go to tests/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/www/index.html ] || { echo "test-www: dist/www missing; run make www" >&2; exit 1; }
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund
mkdir -p tests/out
node --test --test-concurrency=1 tests/browser/www.test.mjs
