#!/usr/bin/env bash
# JavaScript lint and format check (Biome, configured in biome.json) over the package, the reading
# view, the extension, the demo page and the browser and Node tests. `npx biome check --write`
# fixes what it can.
set -euo pipefail
cd "$(dirname "$0")/.."
node_modules/.bin/biome ci --error-on-warnings . || {
  echo "lint-js: run 'npx biome check --write' and fix what remains" >&2
  exit 1
}
