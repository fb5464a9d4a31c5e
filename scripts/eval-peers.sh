#!/usr/bin/env bash
# Installs the peers `make eval` measures naqi against, at the versions pinned in eval/:
# Readability.js + jsdom and Defuddle + linkedom (eval/package-lock.json), Trafilatura and
# Resiliparse in eval/.venv (eval/requirements.txt), and the dom_smoothie runner (its own Cargo.lock and
# target folder). Each step is skipped when what it would install is already there.
set -euo pipefail
cd "$(dirname "$0")/../eval"
say() { echo "eval: $*" >&2; }

# JavaScript peers: reinstall only when the lockfile changed since the last install.
if ! cmp -s package-lock.json node_modules/.naqi-installed-lock 2>/dev/null; then
  say "installing the JavaScript peers (npm ci)"
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.naqi-installed-lock
fi

# Trafilatura and Resiliparse in a virtualenv, from the fully pinned requirements.
if [ ! -x .venv/bin/python ]; then
  say "creating eval/.venv"
  python3 -m venv .venv
fi
if ! cmp -s requirements.txt .venv/.naqi-installed-requirements 2>/dev/null; then
  say "installing Trafilatura and Resiliparse (pip)"
  .venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
  cp requirements.txt .venv/.naqi-installed-requirements
fi

# dom_smoothie: a small runner crate outside the library, with its own lockfile.
say "building the dom_smoothie runner"
(cd runners/dom_smoothie && CARGO_TARGET_DIR=target cargo build --release --locked --quiet)
