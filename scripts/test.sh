#!/usr/bin/env bash
# Sets up and runs every test. Each part is its own script so it can be run alone.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/test-rust.sh
make --no-print-directory package
bash scripts/test-node.sh
make --no-print-directory www
bash scripts/test-www.sh
make --no-print-directory extension
bash scripts/test-extension.sh
bash scripts/eval-smoke.sh
