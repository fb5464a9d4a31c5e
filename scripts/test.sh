#!/usr/bin/env bash
# Sets up and runs every test, in the order CI does. Each part is its own script so it can be
# run alone; the package is built once and reused by the demo page and the extension.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/lint-js.sh
bash scripts/test-rust.sh
bash scripts/test-python.sh
bash scripts/package.sh
bash scripts/test-node.sh
bash scripts/www.sh
bash scripts/test-www.sh
bash scripts/extension.sh
bash scripts/test-extension.sh
bash scripts/eval-smoke.sh
