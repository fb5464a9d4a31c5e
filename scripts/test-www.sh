#!/usr/bin/env bash
# The demo page in real headless Chromium (Debian /usr/bin/chromium through
# playwright-core): tests/browser/www.test.mjs against dist/www (make www).
# Screenshots go to tests/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/www/index.html ] || { echo "test-www: dist/www missing; run make www" >&2; exit 1; }
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund
mkdir -p tests/out
# A Naskh font so the screenshots show the reading view's Arabic typography
# (Debian's Amiri, 0.6 MB). Best effort: the tests do not depend on it.
if ! fc-list 2>/dev/null | grep -qi amiri; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo -n"
  { $SUDO apt-get install -y --no-install-recommends fonts-hosny-amiri >/dev/null 2>&1 ||
    { $SUDO apt-get update >/dev/null 2>&1 &&
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends fonts-hosny-amiri >/dev/null 2>&1; }; } ||
    echo "test-www: could not install fonts-hosny-amiri; screenshots use a fallback font"
fi
node --test --test-concurrency=1 tests/browser/www*.test.mjs
