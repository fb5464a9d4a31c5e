#!/usr/bin/env bash
# Python: builds the `naqi` wheel from python/ with maturin (itself in .venv-build/), installs
# the wheel into a FRESH virtualenv (.venv-test/, remade every run) with the pinned test
# requirements, and runs pytest there. Installs only what is missing; pip's cache makes the
# fresh virtualenv quick after the first run. See python/DEVELOPING.md and docs/testing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "test-python: $*"; }
# One target folder with the core crate, so both builds share compiled dependencies.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
TARGET="$CARGO_TARGET_DIR"
MATURIN_VERSION=1.16.0

# The build tools, kept between runs.
if [ ! -x .venv-build/bin/python ]; then
  say "creating .venv-build"
  python3 -m venv .venv-build
fi
if [ "$(.venv-build/bin/maturin --version 2>/dev/null | cut -d' ' -f2)" != "$MATURIN_VERSION" ]; then
  say "installing maturin $MATURIN_VERSION"
  .venv-build/bin/pip install --quiet --disable-pip-version-check "maturin==$MATURIN_VERSION"
fi

# The binding crate: format and lints, as for the core. Not --locked: python/Cargo.lock must
# follow the core's dependencies, which other changes add to.
cargo fmt --manifest-path python/Cargo.toml --check
cargo clippy --manifest-path python/Cargo.toml --all-targets -- -D warnings

# The wheel: one abi3 wheel for CPython >= 3.9.
rm -rf dist/python
.venv-build/bin/maturin build --release --manifest-path python/Cargo.toml -o dist/python
WHEEL=$(ls dist/python/naqi-*.whl)
say "built $WHEEL"

# The CLI, which the WARC and Spark tests compare with (a no-op after test-rust.sh).
cargo build --features cli --bin naqi --quiet
export NAQI_BIN="$TARGET/debug/naqi"

# A fresh virtualenv with the wheel, as a user would install it. NAQI_SPARK=0 leaves out
# pyspark (and with it the Spark test, which then reports itself skipped).
rm -rf .venv-test
python3 -m venv .venv-test
REQUIREMENTS=(-r python/requirements-test.txt)
# Modules whose absence fails the tests instead of skipping them (see python/tests/conftest.py).
export NAQI_REQUIRE="fastwarc datatrove"
if [ "${NAQI_SPARK:-1}" != 0 ]; then
  REQUIREMENTS+=(-r python/requirements-spark.txt)
  NAQI_REQUIRE+=" pyspark"
  if ! command -v java >/dev/null; then
    say "installing Java for Spark (openjdk-17-jre-headless)"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends openjdk-17-jre-headless
  fi
fi
.venv-test/bin/pip install --quiet --disable-pip-version-check "$WHEEL" "${REQUIREMENTS[@]}"

# Run from python/tests so that `import naqi` finds the installed wheel, never a source tree.
# pytest exits 5 when it collected no test: with `set -e` that fails the script too.
cd python/tests
../../.venv-test/bin/python -m pytest -p no:cacheprovider -q -rs "$@"
